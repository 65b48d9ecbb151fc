/**
 * cloudtrail-changes-alarm: the alarm criteria at their edges. Which series a metric-math alarm evaluates, what one
 * event adds to the alarm's statistic, the metric filter's `defaultValue` under each statistic and comparison, and
 * each setting the engine may send unknown at the first preview. Both providers where the reading differs.
 */
import { chainNames, compliantStack, physicalNames, types, chainMetricAlarmSettings } from "../../helpers/aws-fixtures";
import { compliantNativeStack, nativeTypes } from "../../helpers/aws-native-fixtures";
import { unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainData, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();

type Flavour = typeof types | typeof nativeTypes;

/** The fix snippet of the chain's metric (Sum over 300 s unless configured otherwise). */
function snippet(statistic = "Sum", alarmName: PlainDatum = ""): PlainData {
  return {
    id: "alarmSnippet",
    alarmName,
    metricName: q("CloudTrailChanges"),
    namespace: q("CloudTrailMetrics"),
    statistic,
    period: 300,
  };
}

/** The chain's alarm watches the metric but would not fire on one change within 300 s, for `problems`. */
function alarmFails(problems: PlainDatum[], options: { flavour?: Flavour; snippet?: PlainData } = {}) {
  const data = {
    alarm: namedResource("Alarm", names.alarm),
    metric: { id: "metricPath", namespace: "CloudTrailMetrics", name: "CloudTrailChanges" },
    change: "CloudTrail configuration change",
    period: 300,
    problems,
    snippet: options.snippet ?? snippet(),
  };
  return { urn: urnOf((options.flavour ?? types).alarm, names.alarm), messageId: "alarmFails", data };
}

/** Alarms that may watch the chain's metric (an input unknown at preview), the finding on the first. */
function possibleAlarms(alarms: readonly string[]) {
  return {
    urn: urnOf(types.alarm, alarms[0]),
    messageId: "possibleAlarms",
    data: {
      metric: { id: "metricPath", namespace: "CloudTrailMetrics", name: "CloudTrailChanges" },
      filter: names.filter,
      alarms: alarms.map((alarm) => namedResource("alarm", alarm)),
      unknown: notKnown({ id: "theirMetric" }),
    },
  };
}

/** A compliant alarm on the chain's metric, as a second alarm of the stack at preview. */
const alarmProps: Props = {
  ...chainMetricAlarmSettings(),
  region: "us-east-1",
};

const deployed = { phase: "deployed" } as const;
const preview = { phase: "preview" } as const;

/** The chain's alarm patched (classic provider). */
function alarmWith(patch: Props, phase: typeof deployed | typeof preview = deployed) {
  return () => compliantStack(phase).patch(names.alarm, patch);
}

/** The chain's metric as a metric-math query reads it (classic `metricQueries[].metric`). */
const chainMetric = { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum" };

/** The classic alarm's own metric taken away, for `metricQueries` (at preview: unset inputs are not sent). */
const noOwnMetric = { metricName: null, namespace: null, statistic: null, period: null };

/** A classic alarm on metric-math queries, at the first preview. */
function queriesAlarm(metricQueries: Props[]) {
  return alarmWith({ ...noOwnMetric, metricQueries }, preview);
}

/** The filter's transformation with `value` published per matching event and optional extra settings. */
function transformation(value: string, extra: Props = {}): Props {
  return {
    metricTransformation: {
      name: physical.metricName,
      namespace: physical.namespace,
      value,
      unit: "",
      dimensions: {},
      defaultValue: "",
      ...extra,
    },
  };
}

/** "The value to emit when a filter pattern does not match a log event" (MetricTransformation `defaultValue`). */
const keeps = (defaultValue: string, statistic = "Sum") => ({ id: "defaultValueKeepsAlarm", defaultValue, statistic });

export const alarmCriteriaCases: PolicyCases = {
  valid: [
    {
      // MetricDataQuery `ReturnData`: "If omitted, this defaults to True" (CloudWatch API reference): the one query
      // of the alarm is its series even without `returnData: true`.
      name: "a single metric-math query without returnData is the series the alarm evaluates",
      stack: queriesAlarm([{ id: "m1", metric: chainMetric }]),
    },
    {
      // "0" is the metric-filter policy's finding (not a count of changes); the alarm is judged as if one event
      // published 1, so threshold 1 with >= fires.
      name: "filter value 0: the alarm is judged as if one event published 1",
      stack: () => compliantStack(deployed).patch(names.filter, transformation("0")),
    },
    {
      // Maximum of a quiet period is the default 0, and 0 > 0 is false: no ALARM without a change; a change's 1 > 0.
      name: "defaultValue 0 with Maximum and > 0: a quiet period does not breach",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("1", { defaultValue: "0" }))
          .patch(names.alarm, { statistic: "Maximum", comparisonOperator: "GreaterThanThreshold", threshold: 0 }),
      config: { statistic: "Maximum" },
    },
  ],
  invalid: [
    {
      // `metricQueries` computed from another output: the alarm may watch the chain's metric.
      name: "the only alarm's metricQueries are unknown at preview: it may watch the metric",
      stack: alarmWith({ ...noOwnMetric, metricQueries: unknownValue.array }, preview),
      violations: [possibleAlarms([names.alarm])],
    },
    {
      // Two alarms that may watch the metric: the finding is on the first in URN order, whichever is unknown where.
      name: "two alarms may watch the metric (name unknown, namespace unknown): the first by URN carries the finding",
      stack: () =>
        compliantStack(preview)
          .remove(names.alarm)
          .add(types.alarm, "alarm-b-namespace-unknown", {
            ...alarmProps,
            namespace: unknownValue.string,
          })
          .add(types.alarm, "alarm-a-name-unknown", { ...alarmProps, metricName: unknownValue.string }),
      violations: [possibleAlarms(["alarm-a-name-unknown", "alarm-b-namespace-unknown"])],
    },
    {
      // Three alarms indexed under the metric's name (their namespaces unknown): all listed, in URN order.
      name: "three alarms may watch the metric (namespace unknown): listed in URN order",
      stack: () =>
        ["alarm-a", "alarm-b", "alarm-c"].reduce(
          (stack, alarm) => stack.add(types.alarm, alarm, { ...alarmProps, namespace: unknownValue.string }),
          compliantStack(preview).remove(names.alarm),
        ),
      violations: [possibleAlarms(["alarm-a", "alarm-b", "alarm-c"])],
    },
    {
      // PutMetricAlarm: "specify True for the one expression result to use as the alarm"; with two there is no one
      // series to judge.
      name: "two metric-math queries both return data",
      stack: queriesAlarm([
        { id: "m1", returnData: true, metric: chainMetric },
        { id: "m2", returnData: true, metric: chainMetric },
      ]),
      violations: [alarmFails([{ id: "queriesNotOneSeries" }])],
    },
    {
      // A query names "either Expression or MetricStat but not both" (MetricDataQuery); one that has an expression
      // is judged as an expression, whatever else it names.
      name: "the returned query has an expression and a metric: judged as the expression",
      stack: queriesAlarm([{ id: "e1", returnData: true, expression: "m1 * 2", metric: chainMetric }]),
      violations: [alarmFails([{ id: "metricMath", expression: ` ${q("m1 * 2")}` }])],
    },
    {
      name: "the returned query has neither expression nor metric: not judged, no expression to show",
      stack: queriesAlarm([
        { id: "m1", returnData: false, metric: chainMetric },
        { id: "e1", returnData: true },
      ]),
      violations: [alarmFails([{ id: "metricMath", expression: "" }])],
    },
    {
      name: "the returned query's expression is unknown at preview: not judged, no expression to show",
      stack: queriesAlarm([
        { id: "m1", returnData: false, metric: chainMetric },
        { id: "e1", returnData: true, expression: unknownValue.string },
      ]),
      violations: [alarmFails([{ id: "metricMath", expression: "" }])],
    },
    {
      // One event adds the filter's value, 2, to the Sum: 2 does not reach 3.
      name: "filter value 2, threshold 3: one event's 2 does not reach it",
      stack: () =>
        compliantStack(deployed).patch(names.filter, transformation("2")).patch(names.alarm, { threshold: 3 }),
      violations: [alarmFails([{ id: "thresholdAboveEvent", threshold: "3", eventValue: 2 }])],
    },
    {
      // SampleCount counts data points whatever their value ("SampleCount: the count (number) of data points",
      // CloudWatch concepts, Statistics): one event is 1, whatever the filter's value.
      name: "SampleCount with filter value 2, threshold 2: one event is one sample",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("2"))
          .patch(names.alarm, { statistic: "SampleCount", threshold: 2 }),
      config: { statistic: "SampleCount" },
      violations: [
        alarmFails([{ id: "thresholdAboveEvent", threshold: "2", eventValue: 1 }], { snippet: snippet("SampleCount") }),
      ],
    },
    {
      // The Maximum of a quiet period is the default 1, and 1 > 0: the alarm stays in ALARM.
      name: "defaultValue 1 with Maximum and > 0 keeps the alarm in ALARM",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("1", { defaultValue: "1" }))
          .patch(names.alarm, { statistic: "Maximum", comparisonOperator: "GreaterThanThreshold", threshold: 0 }),
      config: { statistic: "Maximum" },
      violations: [alarmFails([keeps("1", "Maximum")], { snippet: snippet("Maximum") })],
    },
    {
      // A Sum with a positive default passes any threshold with > as with >=.
      name: "defaultValue 1 with Sum and > 0.5 keeps the alarm in ALARM",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("1", { defaultValue: "1" }))
          .patch(names.alarm, { comparisonOperator: "GreaterThanThreshold", threshold: 0.5 }),
      violations: [alarmFails([keeps("1")])],
    },
    {
      // The Average never reaches 2 when one event adds 1: that is the finding, not the default that averages it.
      name: "defaultValue 0 with Average and threshold 2: only the threshold is reported",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("1", { defaultValue: "0" }))
          .patch(names.alarm, { statistic: "Average", threshold: 2 }),
      config: { statistic: "Average" },
      violations: [
        alarmFails([{ id: "thresholdAboveEvent", threshold: "2", eventValue: 1 }], { snippet: snippet("Average") }),
      ],
    },
    {
      name: "defaultValue 1 with LessThanThreshold: only the operator is reported",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("1", { defaultValue: "1" }))
          .patch(names.alarm, { comparisonOperator: "LessThanThreshold" }),
      violations: [alarmFails([{ id: "operatorNeverFires", operator: q("LessThanThreshold"), eventValue: 1 }])],
    },
    {
      name: "defaultValue 1 with a threshold unknown at preview: only the threshold is reported",
      stack: () =>
        compliantStack(preview)
          .patch(names.filter, {
            metricTransformation: {
              name: physical.metricName,
              namespace: physical.namespace,
              value: "1",
              defaultValue: "1",
            },
          })
          .patch(names.alarm, { threshold: unknownValue.number }),
      violations: [alarmFails([notKnown("`threshold`")])],
    },
    {
      // The default is judged under the alarm's own statistic: the Maximum of a quiet period is the default 1.
      name: "statistic Maximum under the default criteria, defaultValue 1: judged as a Maximum",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, transformation("1", { defaultValue: "1" }))
          .patch(names.alarm, { statistic: "Maximum" }),
      violations: [
        alarmFails([{ id: "statisticWrong", statistic: q("Maximum"), wanted: "Sum" }, keeps("1", "Maximum")]),
      ],
    },
    {
      // With the statistic unknown, the default is judged under the criteria's Sum.
      name: "statistic unknown at preview, defaultValue 1: judged as the criteria's Sum",
      stack: () =>
        compliantStack(preview)
          .patch(names.filter, {
            metricTransformation: {
              name: physical.metricName,
              namespace: physical.namespace,
              value: "1",
              defaultValue: "1",
            },
          })
          .patch(names.alarm, { statistic: unknownValue.string }),
      violations: [alarmFails([notKnown("`statistic`"), keeps("1")])],
    },
    {
      name: "period unknown at preview",
      stack: alarmWith({ period: unknownValue.number }, preview),
      violations: [alarmFails([notKnown("`period`")])],
    },
    {
      name: "comparisonOperator unknown at preview",
      stack: alarmWith({ comparisonOperator: unknownValue.string }, preview),
      violations: [alarmFails([notKnown("`comparisonOperator`")])],
    },
    {
      name: "datapointsToAlarm unknown at preview",
      stack: alarmWith({ datapointsToAlarm: unknownValue.number }, preview),
      violations: [alarmFails([notKnown("`datapointsToAlarm`")])],
    },
    {
      // Without `datapointsToAlarm`, the alarm fires once `evaluationPeriods` periods breach: that is what is judged.
      name: "evaluationPeriods unknown at preview, no datapointsToAlarm",
      stack: alarmWith({ evaluationPeriods: unknownValue.number }, preview),
      violations: [alarmFails([notKnown("`evaluationPeriods`")])],
    },
    {
      name: "treatMissingData unknown at preview",
      stack: alarmWith({ treatMissingData: unknownValue.string }, preview),
      violations: [alarmFails([notKnown("`treatMissingData`")])],
    },
    {
      name: "unit unknown at preview",
      stack: alarmWith({ unit: unknownValue.string }, preview),
      violations: [alarmFails([notKnown("`unit`")])],
    },
    {
      name: "actionsEnabled unknown at preview",
      stack: alarmWith({ actionsEnabled: unknownValue.bool }, preview),
      violations: [alarmFails([notKnown("`actionsEnabled`")])],
    },
    {
      name: "requireAlarmName, the alarm's name unknown at preview",
      stack: alarmWith({ name: unknownValue.string }, preview),
      config: { requireAlarmName: true },
      violations: [
        alarmFails([notKnown("the alarm name")], {
          snippet: snippet("Sum", { id: "alarmNameSetting", name: q("CloudTrail Changes") }),
        }),
      ],
    },
    {
      name: "aws-native: requireAlarmName, the alarm has no alarmName",
      stack: () => compliantNativeStack(preview).patch(names.alarm, { alarmName: null }),
      config: { requireAlarmName: true },
      violations: [
        alarmFails([{ id: "alarmNameWrong", actual: { id: "alarmNameNotSet" }, wanted: q("CloudTrail Changes") }], {
          flavour: nativeTypes,
          snippet: snippet("Sum", { id: "alarmNameSetting", name: q("CloudTrail Changes") }),
        }),
      ],
    },
  ],
};
