import { addCompliantChain, chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf } from "../../helpers/engine-resources";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const alarmUrn = urnOf(types.alarm, names.alarm);
const filterUrn = urnOf(types.metricFilter, names.filter);
const metric = "CloudTrailMetrics/CloudTrailChanges";

function withAlarm(patch: Record<string, unknown>, phase: "preview" | "deployed" = "deployed"): () => StackFixture {
  return () => compliantStack({ phase }).patch(names.alarm, patch);
}

export const alarmCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({ name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`, stack: () => compliantStack(phase) })),
    { name: "empty stack: nothing to check", stack: () => new StackFixture() },
    {
      name: "an alarm without any covering metric filter: nothing to check",
      stack: () => compliantStack().remove(names.filter).remove(names.trail),
    },
    { name: "GreaterThanThreshold 0", stack: withAlarm({ comparisonOperator: "GreaterThanThreshold", threshold: 0 }) },
    { name: "GreaterThanThreshold 0.5", stack: withAlarm({ comparisonOperator: "GreaterThanThreshold", threshold: 0.5 }) },
    { name: "period 60", stack: withAlarm({ period: 60 }) },
    { name: "datapointsToAlarm 1 of 1", stack: withAlarm({ datapointsToAlarm: 1 }) },
    { name: "1 of 3 datapoints fires on the first breaching period", stack: withAlarm({ evaluationPeriods: 3, datapointsToAlarm: 1 }) },
    { name: "treatMissingData notBreaching", stack: withAlarm({ treatMissingData: "notBreaching" }) },
    { name: "actionsEnabled absent takes the provider default (true)", stack: withAlarm({ actionsEnabled: null }, "preview") },
    { name: "unit absent and filter unit None", stack: withAlarm({ unit: "None" }) },
    {
      name: "configured evaluationPeriods 3 allows 3",
      stack: withAlarm({ evaluationPeriods: 3, datapointsToAlarm: 1 }),
      config: { evaluationPeriods: 3 },
    },
    {
      name: "requireAlarmName with the default name",
      stack: withAlarm({ name: "CloudTrail Changes" }),
      config: { requireAlarmName: true },
    },
    {
      name: "configured statistic SampleCount",
      stack: withAlarm({ statistic: "SampleCount" }),
      config: { statistic: "SampleCount" },
    },
    {
      name: "metric-math alarm whose returned query is the metric itself",
      stack: withAlarm({
        metricName: "", namespace: "", statistic: "", period: 0,
        metricQueries: [{ id: "m1", returnData: true, expression: "", metric: { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum", unit: "", dimensions: {} } }],
      }),
    },
    {
      name: "two alarms: one wrong, one right",
      stack: () =>
        compliantStack().add(types.alarm, "hourly", {
          name: "hourly", metricName: physical.metricName, namespace: physical.namespace, statistic: "Sum", period: 3600, threshold: 1,
          comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1, alarmActions: [physical.topicArn], region: "us-east-1",
        }),
    },
    {
      name: "monitoring-only stack (no trail)",
      stack: () => compliantStack({ withTrail: false, phase: "preview" }),
    },
    {
      name: "region from an explicit provider on every resource",
      stack: () => {
        const fixture = new StackFixture().provider("ireland", { region: "eu-west-1" });
        return addCompliantChain(fixture, { region: undefined, provider: "ireland" });
      },
    },
    {
      name: "no region anywhere: same provider counts as same region",
      stack: () => compliantStack({ region: undefined }, undefined),
      stackRegion: undefined,
    },
  ],
  invalid: [
    {
      name: "no alarm watches the metric",
      stack: () => compliantStack().remove(names.alarm),
      violations: [{ urn: filterUrn, includes: [`No CloudWatch alarm watches the metric ${metric}`, 'metric filter "cloudtrail-changes-filter"', "us-east-1", "new aws.cloudwatch.MetricAlarm", 'statistic: "Sum", period: 300, threshold: 1', "evaluationPeriods: 1, alarmActions: [topic.arn]"] }],
    },
    {
      name: "the only alarm is in another region",
      stack: () => compliantStack().provider("oregon", { region: "us-west-2" }).remove(names.alarm).add(types.alarm, "west-alarm", {
        name: "west", metricName: physical.metricName, namespace: physical.namespace, statistic: "Sum", period: 300, threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1, alarmActions: [], region: "us-west-2",
      }, { provider: "oregon" }),
      violations: [{ urn: filterUrn, includes: ['Alarm "west-alarm" watches that metric name in us-west-2, but the metric lives in us-east-1'] }],
    },
    {
      name: "alarm on another namespace",
      stack: withAlarm({ namespace: "Other" }),
      violations: [{ urn: filterUrn, includes: ["No CloudWatch alarm watches"] }],
    },
    { name: "statistic Average", stack: withAlarm({ statistic: "Average" }), violations: [{ urn: alarmUrn, includes: [`Alarm "cloudtrail-changes-alarm" watches ${metric}`, 'statistic is "Average"; use "Sum"', "new aws.cloudwatch.MetricAlarm"] }] },
    { name: "percentile statistic", stack: withAlarm({ statistic: "", extendedStatistic: "p99" }), violations: [{ urn: alarmUrn, includes: ['percentile statistic "p99"'] }] },
    { name: "period one hour", stack: withAlarm({ period: 3600 }), violations: [{ urn: alarmUrn, includes: ["period is 3600 s; use at most 300"] }] },
    { name: "threshold 2", stack: withAlarm({ threshold: 2 }), violations: [{ urn: alarmUrn, includes: ["threshold is >= 2, which a single event (1) does not reach"] }] },
    { name: "> 1", stack: withAlarm({ comparisonOperator: "GreaterThanThreshold" }), violations: [{ urn: alarmUrn, includes: ["threshold is > 1, which a single event (1) does not exceed"] }] },
    { name: ">= 0 also fires without changes", stack: withAlarm({ threshold: 0 }), violations: [{ urn: alarmUrn, includes: ["which a period without changes also reaches"] }] },
    { name: "LessThanThreshold", stack: withAlarm({ comparisonOperator: "LessThanThreshold" }), violations: [{ urn: alarmUrn, includes: ['comparisonOperator is "LessThanThreshold"'] }] },
    { name: "three evaluation periods", stack: withAlarm({ evaluationPeriods: 3 }), violations: [{ urn: alarmUrn, includes: ["evaluationPeriods is 3; use at most 1"] }] },
    {
      name: "2 of 2 datapoints",
      stack: withAlarm({ evaluationPeriods: 2, datapointsToAlarm: 2 }),
      violations: [{ urn: alarmUrn, includes: ["datapointsToAlarm is 2; use at most 1"] }],
    },
    {
      name: "2 of 3 datapoints",
      stack: withAlarm({ evaluationPeriods: 3, datapointsToAlarm: 2 }),
      violations: [{ urn: alarmUrn, includes: ["datapointsToAlarm is 2; use at most 1"] }],
    },
    {
      name: "two evaluation periods, datapointsToAlarm unset (deployed 0): both periods must breach",
      stack: withAlarm({ evaluationPeriods: 2, datapointsToAlarm: 0 }),
      violations: [{ urn: alarmUrn, includes: ["evaluationPeriods is 2; use at most 1 (or set `datapointsToAlarm` to at most 1)"] }],
    },
    { name: "treatMissingData breaching", stack: withAlarm({ treatMissingData: "breaching" }), violations: [{ urn: alarmUrn, includes: ['treatMissingData is "breaching"'] }] },
    { name: "actions disabled", stack: withAlarm({ actionsEnabled: false }), violations: [{ urn: alarmUrn, includes: ["actions are disabled"] }] },
    { name: "dimensions the filter doesn't publish", stack: withAlarm({ dimensions: { TrailName: "main" } }), violations: [{ urn: alarmUrn, includes: ['watches dimensions {"TrailName":"main"} but the metric filter publishes none'] }] },
    { name: "unit the filter doesn't publish", stack: withAlarm({ unit: "Count" }), violations: [{ urn: alarmUrn, includes: ['its unit is "Count" but the metric filter publishes "None"'] }] },
    {
      name: "metric-math expression alarm is reported as not judged",
      stack: withAlarm({
        metricName: "", namespace: "", statistic: "", period: 0,
        metricQueries: [
          { id: "m1", returnData: false, metric: { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum" } },
          { id: "e1", returnData: true, expression: "m1 * 2" },
        ],
      }),
      violations: [{ urn: alarmUrn, includes: ['metric-math expression "m1 * 2", which this policy does not judge'] }],
    },
    { name: "anomaly detection", stack: withAlarm({ thresholdMetricId: "ad1" }), violations: [{ urn: alarmUrn, includes: ["anomaly-detection alarm"] }] },
    {
      name: "requireAlarmName with an auto-generated name",
      stack: () => compliantStack(),
      config: { requireAlarmName: true },
      violations: [{ urn: alarmUrn, includes: ['its name is "cloudtrail-changes-alarm-1a2b"; name it "CloudTrail Changes"', 'name: "CloudTrail Changes"'] }],
    },
    {
      name: "alarm metric name unknown at preview: may watch it, can't verify",
      stack: withAlarm({ metricName: unknownValue.string }, "preview"),
      violations: [{ urn: alarmUrn, includes: ['alarm "cloudtrail-changes-alarm" may watch it', "not known at preview"] }],
    },
    {
      name: "filter metric name unknown at preview",
      stack: () => compliantStack({ phase: "preview" }).patch(names.filter, { metricTransformation: { name: unknownValue.string, namespace: "CloudTrailMetrics", value: "1" } }),
      violations: [{ urn: filterUrn, includes: ['Metric filter "cloudtrail-changes-filter"', "is not known at preview"] }],
    },
    {
      name: "threshold unknown at preview",
      stack: withAlarm({ threshold: unknownValue.number }, "preview"),
      violations: [{ urn: alarmUrn, includes: ["`threshold` is not known at preview"] }],
    },
    {
      name: "monitoring-only stack without alarm",
      stack: () => compliantStack({ withTrail: false }).remove(names.alarm),
      violations: [{ urn: filterUrn, includes: ["No CloudWatch alarm watches"] }],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { maxPeriodSeconds: "300", statistic: "Median" },
      violations: [{ urn: undefined, includes: ["`maxPeriodSeconds` must be an integer, got \"300\"", '`statistic` must be one of "Sum"'] }],
    },
  ],
};
