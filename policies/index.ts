// The list the pack (index.ts) and the tests share, in the order the engine runs them.
import type { StackValidationPolicy } from "@pulumi/policy";
import { allControls } from "../lib/controls";
import * as alarm from "./cloudtrail-changes-alarm";
import * as alarmSns from "./cloudtrail-changes-alarm-sns";
import * as metricFilter from "./cloudtrail-changes-metric-filter";
import * as logsToCloudWatch from "./cloudtrail-logs-to-cloudwatch";
import { processEnvironment, type PolicyEnvironment } from "./common";
import { createMonitoredPolicy, monitoredDefinition } from "./control-monitored";

export const packName = "cloudtrail-changes-monitoring";

/** The CIS monitoring controls other than CloudTrail changes: one `<id>-monitored` policy each, disabled by default. */
export const otherControls = allControls.filter((control) => control.id !== "cloudtrail-changes");

/** The four CloudTrail-changes policy definitions (metadata, config, pure checks), in order. */
export const definitions = [
  logsToCloudWatch.definition,
  metricFilter.definition,
  alarm.definition,
  alarmSns.definition,
] as const;

/** The fourteen control chain definitions, in CIS order. */
export const monitoredDefinitions = otherControls.map(monitoredDefinition);

/** Every policy of the pack, reading the stack region from `environment` (tests inject one). */
export function createPolicies(environment: PolicyEnvironment = processEnvironment): StackValidationPolicy[] {
  return [
    logsToCloudWatch.createPolicy(environment),
    metricFilter.createPolicy(environment),
    alarm.createPolicy(environment),
    alarmSns.createPolicy(environment),
    ...otherControls.map((control) => createMonitoredPolicy(control, environment)),
  ];
}

export const policies: StackValidationPolicy[] = createPolicies();

export type { PolicyEnvironment } from "./common";
