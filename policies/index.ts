// The list the pack (index.ts) and the tests share, in the order the engine runs them.
import type { StackValidationPolicy } from "@pulumi/policy";
import * as alarm from "./cloudtrail-changes-alarm";
import * as alarmSns from "./cloudtrail-changes-alarm-sns";
import * as metricFilter from "./cloudtrail-changes-metric-filter";
import * as logsToCloudWatch from "./cloudtrail-logs-to-cloudwatch";
import { processEnvironment, type PolicyEnvironment } from "./common";

export const packName = "cloudtrail-changes-monitoring";

/** The policy definitions (metadata, config, pure checks), in order. */
export const definitions = [
  logsToCloudWatch.definition,
  metricFilter.definition,
  alarm.definition,
  alarmSns.definition,
] as const;

/** The four policies, reading the stack region from `environment` (tests inject one). */
export function createPolicies(environment: PolicyEnvironment = processEnvironment): StackValidationPolicy[] {
  return [
    logsToCloudWatch.createPolicy(environment),
    metricFilter.createPolicy(environment),
    alarm.createPolicy(environment),
    alarmSns.createPolicy(environment),
  ];
}

export const policies: StackValidationPolicy[] = createPolicies();

export type { PolicyEnvironment } from "./common";
