/**
 * A stack that monitors all fifteen CIS AWS Foundations monitoring controls, as a security team writes it: one
 * multi-region trail with global service events delivering to one log group, one metric filter per control with
 * the control's pattern (a CIS text, or a common variant of one: an `$.eventSource` conjunct, parentheses around
 * the `||`; the benchmark's list, not read from lib/controls), one alarm per metric (Sum, 300 s, >= 1), all notifying
 * one topic with an e-mail subscription. Deployed state, @pulumi/aws v7.
 */
import { cisMonitoringPatterns, type CisMonitoringPattern } from "../../bench/cis-patterns";
import { addCompliantChain, chainNames, physicalNames, types } from "./aws-fixtures";
import { StackFixture } from "./engine-resources";

/** Per control: the logical name prefix of its filter and alarm, its metric, and its CIS pattern. */
export type ControlMonitoring = CisMonitoringPattern;

/**
 * One pattern per control but 4.5 (the chain's own, added by `addCompliantChain`), as users write them: the
 * benchmark's list (bench/cis-patterns.ts, where the texts and their sources are), written out there rather than
 * read from lib/controls.
 */
export const cisMonitoring: readonly ControlMonitoring[] = cisMonitoringPatterns.filter(
  (control) => control.id !== "cloudtrail-changes",
);

/** The logical names of one control's filter and alarm. */
export function controlNames(id: string): { readonly filter: string; readonly alarm: string } {
  return { filter: `${id}-filter`, alarm: `${id}-alarm` };
}

/** The compliant chain (CloudTrail changes) plus one filter and one alarm per other control, deployed. */
export function cisMonitoringStack(): StackFixture {
  const fixture = addCompliantChain(new StackFixture());
  const names = chainNames();
  const physical = physicalNames();
  fixture.patch(names.trail, { includeGlobalServiceEvents: true, isMultiRegionTrail: true });
  for (const control of cisMonitoring) {
    const { filter, alarm } = controlNames(control.id);
    fixture.add(
      types.metricFilter,
      filter,
      {
        name: filter,
        logGroupName: physical.logGroupName,
        pattern: control.pattern,
        metricTransformation: {
          name: control.metric,
          namespace: "CloudTrailMetrics",
          value: "1",
          defaultValue: "",
          unit: "",
          dimensions: {},
        },
        region: "us-east-1",
        applyOnTransformedLogs: false,
      },
      { propertyDependencies: { logGroupName: [names.logGroup] } },
    );
    fixture.add(
      types.alarm,
      alarm,
      {
        name: `${alarm}-3c4d`,
        metricName: control.metric,
        namespace: "CloudTrailMetrics",
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        alarmActions: [physical.topicArn],
        actionsEnabled: true,
        treatMissingData: "missing",
        region: "us-east-1",
        extendedStatistic: "",
        datapointsToAlarm: 0,
        dimensions: {},
        unit: "",
        thresholdMetricId: "",
        metricQueries: [],
      },
      { propertyDependencies: { alarmActions: [names.topic] } },
    );
  }
  return fixture;
}
