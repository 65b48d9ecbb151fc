import {
  account,
  addCompliantChain,
  canonicalPattern,
  chainNames,
  chainWithAlarmInOregon,
  compliantStack,
  phases,
  physicalNames,
  types,
} from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainData, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const alarmUrn = urnOf(types.alarm, names.alarm);
const filterUrn = urnOf(types.metricFilter, names.filter);
/** The chain's metric, as the filter publishes it (namespace and name from the fixture). */
const chainMetric = { id: "metricPath", namespace: physical.namespace, name: physical.metricName };

/**
 * The fix snippet: an alarm on the chain's metric with the benchmark's settings (Sum over 300 s, threshold 1,
 * CIS AWS Foundations 4.5 / Security Hub CloudWatch.5), without a name unless `requireAlarmName`.
 */
function alarmSnippet(alarmName: PlainDatum = ""): PlainData {
  return {
    id: "alarmSnippet",
    alarmName,
    metricName: q(physical.metricName),
    namespace: q(physical.namespace),
    statistic: "Sum",
    period: 300,
  };
}

/** The chain's alarm watches the metric but would not fire on one change within 300 s, for `problems`. */
function alarmFails(problems: PlainDatum[], snippet: PlainData = alarmSnippet()) {
  const data = {
    alarm: namedResource("Alarm", names.alarm),
    metric: chainMetric,
    change: "CloudTrail configuration change",
    period: 300,
    problems,
    snippet,
  };
  return { urn: alarmUrn, messageId: "alarmFails", data };
}

/** No alarm watches the chain's metric in us-east-1; `otherRegion`: alarms on its name elsewhere. */
function noAlarm(otherRegion: PlainDatum[] = []) {
  const data = {
    metric: chainMetric,
    filter: names.filter,
    region: "us-east-1",
    changes: "CloudTrail configuration changes",
    otherRegion,
    snippet: alarmSnippet(),
  };
  return { urn: filterUrn, messageId: "noAlarm", data };
}

/** `threshold` compared with what one event adds to a Sum (the filter's value, "1"). */
function threshold(id: string, value: string): PlainData {
  return { id, threshold: value, eventValue: 1 };
}

function withAlarm(patch: Record<string, unknown>, phase: "preview" | "deployed" = "deployed"): () => StackFixture {
  return () => compliantStack({ phase }).patch(names.alarm, patch);
}

/**
 * The chain with a write-only trail and a filter counting all of cloudtrail.amazonaws.com, whose alarm's threshold
 * is 2 (one change adds 1 to the Sum).
 */
function writeOnlyBroadFilter(): StackFixture {
  return compliantStack()
    .patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] })
    .patch(names.filter, { pattern: "{ $.eventSource = cloudtrail.amazonaws.com }" })
    .patch(names.alarm, { threshold: 2 });
}

export const alarmCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({
      name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`,
      stack: () => compliantStack(phase),
    })),
    { name: "empty stack: nothing to check", notApplicable: true, stack: () => new StackFixture() },
    {
      name: "an alarm without any covering metric filter: nothing to check",
      notApplicable: true,
      stack: () => compliantStack().remove(names.filter).remove(names.trail),
    },
    { name: "GreaterThanThreshold 0", stack: withAlarm({ comparisonOperator: "GreaterThanThreshold", threshold: 0 }) },
    {
      name: "GreaterThanThreshold 0.5",
      stack: withAlarm({ comparisonOperator: "GreaterThanThreshold", threshold: 0.5 }),
    },
    {
      // A trail without `cloudWatchLogsGroupArn` delivers to no log group: it decides nothing about the chain's.
      name: "a second trail that delivers to no log group",
      stack: () =>
        compliantStack().add(types.trail, "s3-only", {
          name: "s3-only",
          s3BucketName: "audit-logs-bucket",
          region: "us-east-1",
        }),
    },
    { name: "period 60", stack: withAlarm({ period: 60 }) },
    { name: "datapointsToAlarm 1 of 1", stack: withAlarm({ datapointsToAlarm: 1 }) },
    {
      name: "1 of 3 datapoints fires on the first breaching period",
      stack: withAlarm({ evaluationPeriods: 3, datapointsToAlarm: 1 }),
    },
    { name: "treatMissingData notBreaching", stack: withAlarm({ treatMissingData: "notBreaching" }) },
    {
      name: "actionsEnabled absent takes the provider default (true)",
      stack: withAlarm({ actionsEnabled: null }, "preview"),
    },
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
        metricName: "",
        namespace: "",
        statistic: "",
        period: 0,
        metricQueries: [
          {
            id: "m1",
            returnData: true,
            expression: "",
            metric: {
              metricName: physical.metricName,
              namespace: physical.namespace,
              period: 300,
              stat: "Sum",
              unit: "",
              dimensions: {},
            },
          },
        ],
      }),
    },
    {
      name: "two alarms: one wrong, one right",
      stack: () =>
        compliantStack().add(types.alarm, "hourly", {
          name: "hourly",
          metricName: physical.metricName,
          namespace: physical.namespace,
          statistic: "Sum",
          period: 3600,
          threshold: 1,
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          evaluationPeriods: 1,
          alarmActions: [physical.topicArn],
          region: "us-east-1",
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
      stack: () => compliantStack({ region: undefined }, null),
      stackRegion: undefined,
    },
  ],
  invalid: [
    {
      name: "no alarm watches the metric",
      stack: () => compliantStack().remove(names.alarm),
      violations: [noAlarm()],
    },
    {
      name: "the only alarm is in another region",
      stack: chainWithAlarmInOregon,
      violations: [
        noAlarm([
          {
            id: "alarmInOtherRegion",
            alarm: namedResource("Alarm", "west-alarm"),
            alarmRegion: "us-west-2",
            metricRegion: "us-east-1",
          },
        ]),
      ],
    },
    {
      name: "alarm on another namespace",
      stack: withAlarm({ namespace: "Other" }),
      violations: [noAlarm()],
    },
    {
      name: "statistic Average",
      stack: withAlarm({ statistic: "Average" }),
      violations: [alarmFails([{ id: "statisticWrong", statistic: q("Average"), wanted: "Sum" }])],
    },
    {
      name: "percentile statistic",
      stack: withAlarm({ statistic: "", extendedStatistic: "p99" }),
      violations: [alarmFails([{ id: "percentileStatistic", statistic: q("p99"), wanted: "Sum" }])],
    },
    {
      name: "neither statistic nor extendedStatistic set (deployed empties)",
      stack: withAlarm({ statistic: "", extendedStatistic: "" }),
      violations: [alarmFails([{ id: "settingNotSet", what: "`statistic`" }])],
    },
    {
      // PutMetricAlarm `Period` goes with `MetricName` (CloudWatch API reference); the engine sends an unset one as 0.
      name: "period not set (deployed 0)",
      stack: withAlarm({ period: 0 }),
      violations: [alarmFails([{ id: "settingNotSet", what: "`period`" }])],
    },
    {
      // No routine read reaches a write-only trail's log group, so all of cloudtrail.amazonaws.com counts only changes
      // there (the metric-filter table's valid row): its metric is the one to alarm on, and its alarm is judged.
      name: "all of cloudtrail.amazonaws.com on a write-only trail's log group: its alarm is judged",
      stack: writeOnlyBroadFilter,
      violations: [alarmFails([threshold("thresholdAboveEvent", "2")])],
    },
    {
      // Only the trails delivering to the filter's log group decide which routine calls reach it.
      name: "the same, with a trail that records reads delivering to another log group: its alarm is judged",
      stack: () =>
        writeOnlyBroadFilter().add(types.trail, "reads-elsewhere", {
          name: "reads-elsewhere",
          s3BucketName: "audit-logs-bucket",
          cloudWatchLogsGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:other-logs:*`,
          cloudWatchLogsRoleArn: physical.roleArn,
          region: "us-east-1",
        }),
      violations: [alarmFails([threshold("thresholdAboveEvent", "2")])],
    },
    {
      name: "period one hour",
      stack: withAlarm({ period: 3600 }),
      violations: [alarmFails([{ id: "periodTooLong", period: "3600", max: 300 }])],
    },
    {
      name: "threshold 2",
      stack: withAlarm({ threshold: 2 }),
      violations: [alarmFails([threshold("thresholdAboveEvent", "2")])],
    },
    {
      name: "> 1",
      stack: withAlarm({ comparisonOperator: "GreaterThanThreshold" }),
      violations: [alarmFails([threshold("thresholdNotExceeded", "1")])],
    },
    {
      name: ">= 0 also fires without changes",
      stack: withAlarm({ threshold: 0 }),
      violations: [alarmFails([threshold("thresholdQuietReaches", "0")])],
    },
    {
      name: "> -1 also fires without changes",
      stack: withAlarm({ comparisonOperator: "GreaterThanThreshold", threshold: -1 }),
      violations: [alarmFails([threshold("thresholdQuietExceeds", "-1")])],
    },
    {
      name: "LessThanThreshold",
      stack: withAlarm({ comparisonOperator: "LessThanThreshold" }),
      violations: [alarmFails([{ id: "operatorNeverFires", operator: q("LessThanThreshold"), eventValue: 1 }])],
    },
    {
      name: "three evaluation periods",
      stack: withAlarm({ evaluationPeriods: 3 }),
      violations: [alarmFails([{ id: "evaluationPeriodsTooMany", periods: "3", max: 1 }])],
    },
    {
      // PutMetricAlarm `EvaluationPeriods` is required (CloudWatch API reference); deployed state writes 0 when unset.
      name: "evaluationPeriods not set (deployed 0), no datapointsToAlarm",
      stack: withAlarm({ evaluationPeriods: 0 }),
      violations: [alarmFails([{ id: "settingNotSet", what: "`evaluationPeriods`" }])],
    },
    {
      name: "2 of 2 datapoints",
      stack: withAlarm({ evaluationPeriods: 2, datapointsToAlarm: 2 }),
      violations: [alarmFails([{ id: "datapointsTooMany", datapoints: "2", max: 1 }])],
    },
    {
      name: "2 of 3 datapoints",
      stack: withAlarm({ evaluationPeriods: 3, datapointsToAlarm: 2 }),
      violations: [alarmFails([{ id: "datapointsTooMany", datapoints: "2", max: 1 }])],
    },
    {
      name: "two evaluation periods, datapointsToAlarm unset (deployed 0): both periods must breach",
      stack: withAlarm({ evaluationPeriods: 2, datapointsToAlarm: 0 }),
      violations: [alarmFails([{ id: "evaluationPeriodsTooMany", periods: "2", max: 1 }])],
    },
    {
      name: "treatMissingData breaching",
      stack: withAlarm({ treatMissingData: "breaching" }),
      violations: [alarmFails([{ id: "missingDataBreaching" }])],
    },
    {
      name: "actions disabled",
      stack: withAlarm({ actionsEnabled: false }),
      violations: [alarmFails([{ id: "actionsDisabled" }])],
    },
    {
      name: "dimensions the filter doesn't publish",
      stack: withAlarm({ dimensions: { TrailName: "main" } }),
      violations: [
        alarmFails([
          { id: "dimensionsDiffer", alarmDimensions: '{"TrailName":"main"}', filterDimensions: { id: "noDimensions" } },
        ]),
      ],
    },
    {
      name: "unit the filter doesn't publish",
      // A metric filter without `unit` publishes "None" (CloudWatch Logs MetricTransformation API reference).
      stack: withAlarm({ unit: "Count" }),
      violations: [alarmFails([{ id: "unitDiffers", unit: q("Count"), published: q("None") }])],
    },
    {
      name: "metric-math expression alarm is reported as not judged",
      stack: withAlarm({
        metricName: "",
        namespace: "",
        statistic: "",
        period: 0,
        metricQueries: [
          {
            id: "m1",
            returnData: false,
            metric: { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum" },
          },
          { id: "e1", returnData: true, expression: "m1 * 2" },
        ],
      }),
      violations: [alarmFails([{ id: "metricMath", expression: ` ${q("m1 * 2")}` }])],
    },
    {
      name: "metric-math alarm whose queries return no series (no `returnData: true`)",
      stack: withAlarm({
        metricName: "",
        namespace: "",
        statistic: "",
        period: 0,
        metricQueries: [
          {
            id: "m1",
            returnData: false,
            metric: { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum" },
          },
          {
            id: "m2",
            returnData: false,
            metric: { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum" },
          },
        ],
      }),
      violations: [alarmFails([{ id: "queriesNotOneSeries" }])],
    },
    {
      name: "anomaly detection",
      stack: withAlarm({ thresholdMetricId: "ad1" }),
      violations: [alarmFails([{ id: "anomalyDetection" }])],
    },
    {
      name: "requireAlarmName with an auto-generated name",
      stack: () => compliantStack(),
      config: { requireAlarmName: true },
      violations: [
        alarmFails(
          [{ id: "alarmNameWrong", actual: q("cloudtrail-changes-alarm-1a2b"), wanted: q("CloudTrail Changes") }],
          alarmSnippet({ id: "alarmNameSetting", name: q("CloudTrail Changes") }),
        ),
      ],
    },
    {
      name: "alarm metric name unknown at preview: may watch it, can't verify",
      stack: withAlarm({ metricName: unknownValue.string }, "preview"),
      violations: [
        {
          urn: alarmUrn,
          messageId: "possibleAlarms",
          data: {
            metric: chainMetric,
            filter: names.filter,
            alarms: [namedResource("alarm", names.alarm)],
            unknown: notKnown({ id: "theirMetric" }),
          },
        },
      ],
    },
    {
      // The returned query reads a metric whose name is computed: the alarm may watch the chain's metric, or not.
      name: "metric-math alarm whose returned query's metric name is unknown at preview: may watch it, can't verify",
      stack: withAlarm(
        {
          metricName: null,
          namespace: null,
          statistic: null,
          period: null,
          metricQueries: [
            {
              id: "m1",
              returnData: true,
              metric: { metricName: unknownValue.string, namespace: physical.namespace, period: 300, stat: "Sum" },
            },
          ],
        },
        "preview",
      ),
      violations: [
        {
          urn: alarmUrn,
          messageId: "possibleAlarms",
          data: {
            metric: chainMetric,
            filter: names.filter,
            alarms: [namedResource("alarm", names.alarm)],
            unknown: notKnown({ id: "theirMetric" }),
          },
        },
      ],
    },
    {
      // The covering filter's whole `metricTransformation` computed from another output: no metric to look for.
      name: "filter metricTransformation unknown at preview",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.filter, { metricTransformation: unknownValue.object }),
      violations: [
        {
          urn: filterUrn,
          messageId: "unknownMetric",
          data: { filter: names.filter, unknown: notKnown({ id: "publishedMetric" }) },
        },
      ],
    },
    {
      name: "filter metric name unknown at preview",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.filter, {
          metricTransformation: { name: unknownValue.string, namespace: "CloudTrailMetrics", value: "1" },
        }),
      violations: [
        {
          urn: filterUrn,
          messageId: "unknownMetric",
          data: { filter: names.filter, unknown: notKnown({ id: "publishedMetric" }) },
        },
      ],
    },
    {
      name: "filter metric namespace unknown at preview (its name known)",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.filter, {
          metricTransformation: { name: "CloudTrailChanges", namespace: unknownValue.string, value: "1" },
        }),
      violations: [
        {
          urn: filterUrn,
          messageId: "unknownMetric",
          data: { filter: names.filter, unknown: notKnown({ id: "publishedMetric" }) },
        },
      ],
    },
    {
      // CIS AWS Foundations 4.5's remediation names the metric `<cloudtrail_cfg_changes_metric>` in the namespace
      // `CISBenchmark`: a stack's own names, which the finding and the fix must name (not the pack's defaults).
      name: "a metric named as CIS writes it: the finding and the fix snippet name that metric",
      stack: () =>
        compliantStack()
          .patch(names.filter, {
            metricTransformation: {
              name: "cloudtrail_cfg_changes_metric",
              namespace: "CISBenchmark",
              value: "1",
              defaultValue: "",
              unit: "",
              dimensions: {},
            },
          })
          .patch(names.alarm, { metricName: "cloudtrail_cfg_changes_metric", namespace: "CISBenchmark", period: 3600 }),
      violations: [
        {
          urn: alarmUrn,
          messageId: "alarmFails",
          data: {
            alarm: namedResource("Alarm", names.alarm),
            metric: { id: "metricPath", namespace: "CISBenchmark", name: "cloudtrail_cfg_changes_metric" },
            problems: [{ id: "periodTooLong", period: "3600", max: 300 }],
            snippet: {
              id: "alarmSnippet",
              metricName: q("cloudtrail_cfg_changes_metric"),
              namespace: q("CISBenchmark"),
              period: 300,
            },
          },
        },
      ],
    },
    {
      // Neither the pattern nor the metric is known: if the pattern counts the changes, the metric is one to alarm
      // on, and which alarm watches it can't be told either.
      name: "a filter whose pattern and whole metricTransformation are unknown at preview: its metric, if the pattern counts the changes",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.filter, {
          pattern: unknownValue.string,
          metricTransformation: unknownValue.object,
        }),
      violations: [
        {
          urn: filterUrn,
          messageId: "ifPatternCounts",
          data: {
            filter: names.filter,
            changes: "CloudTrail configuration changes",
            finding: { id: "unknownMetric", filter: names.filter, unknown: notKnown({ id: "publishedMetric" }) },
          },
        },
      ],
    },
    {
      // A filter on each trail's log group, both publishing the one metric the alarm watches: one alarm, one finding.
      name: "two covering filters publish the metric: its failing alarm is reported once",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { period: 3600 })
          .add(types.logGroup, "org-trail-logs", { name: "org-trail-logs", region: "us-east-1" })
          .add(types.metricFilter, "org-trail-filter", {
            name: "org-trail-changes",
            logGroupName: "org-trail-logs",
            pattern: canonicalPattern,
            metricTransformation: { name: physical.metricName, namespace: physical.namespace, value: "1" },
            region: "us-east-1",
          }),
      violations: [alarmFails([{ id: "periodTooLong", period: "3600", max: 300 }])],
    },
    {
      // What is wrong with the alarm is certain (a covering filter publishes its metric), not an "if".
      name: "a covering filter and a filter of unknown pattern publish the metric: the alarm's finding, once and certain",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.alarm, { threshold: 2 })
          .add(types.metricFilter, "computed-filter", {
            name: "computed",
            logGroupName: physical.logGroupName,
            pattern: unknownValue.string,
            metricTransformation: { name: physical.metricName, namespace: physical.namespace, value: "1" },
            region: "us-east-1",
          }),
      violations: [alarmFails([threshold("thresholdAboveEvent", "2")])],
    },
    {
      // The alarm's metric name is computed: it may watch either metric, and each is reported on it.
      name: "an alarm whose metric name is unknown may watch either of two covering filters' metrics: one finding each",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.alarm, { metricName: unknownValue.string })
          .add(types.metricFilter, "second-filter", {
            name: "second",
            logGroupName: physical.logGroupName,
            pattern: canonicalPattern,
            metricTransformation: { name: "TrailChangesCopy", namespace: physical.namespace, value: "1" },
            region: "us-east-1",
          }),
      violations: ["second-filter", names.filter].map((filter) => ({
        urn: alarmUrn,
        messageId: "possibleAlarms",
        data: {
          metric: {
            id: "metricPath",
            namespace: physical.namespace,
            name: filter === names.filter ? physical.metricName : "TrailChangesCopy",
          },
          filter,
          alarms: [namedResource("alarm", names.alarm)],
          unknown: notKnown({ id: "theirMetric" }),
        },
      })),
    },
    {
      name: "threshold unknown at preview",
      stack: withAlarm({ threshold: unknownValue.number }, "preview"),
      violations: [alarmFails([notKnown("`threshold`")])],
    },
    {
      name: "monitoring-only stack without alarm",
      stack: () => compliantStack({ withTrail: false }).remove(names.alarm),
      violations: [noAlarm()],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { maxPeriodSeconds: "300", statistic: "Median" },
      violations: [
        {
          urn: undefined,
          messageId: "invalidConfig",
          data: {
            policy: "cloudtrail-changes-alarm",
            // In the order the policy declares its properties. The statistics CloudWatch alarms take (PutMetricAlarm
            // API reference: SampleCount, Average, Sum, Minimum, Maximum); "Median" is none of them.
            problems: [
              {
                id: "configProblem",
                problem:
                  '`statistic` must be one of "Sum", "SampleCount", "Average", "Minimum", "Maximum", got "Median"',
              },
              { id: "configProblem", problem: '`maxPeriodSeconds` must be an integer, got "300"' },
            ],
          },
        },
      ],
    },
  ],
};
