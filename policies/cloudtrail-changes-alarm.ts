/**
 * cloudtrail-changes-alarm: a CloudWatch metric alarm watches the metric that counts CloudTrail configuration
 * changes (same metric name, namespace and region) and fires on a single change within five minutes.
 */
import { cloudTrailChangesControl, type MonitoringControl } from "../lib/control";
import {
  alarmsOn,
  coveringFiltersWithUnknownMetric,
  monitoredMetrics,
} from "../lib/monitoring";
import type { PublishedMetric } from "../lib/stack/chain";
import type { AlarmMetricModel, AlarmModel, StackModel } from "../lib/stack/model";
import type { Field } from "../lib/stack/read";
import { describeRegion } from "../lib/stack/regions";
import type { ConfigOf } from "./config";
import { named, notKnownAtPreview, toStackPolicy, type PolicyDefinition, type PolicyEnvironment, type Violation } from "./common";

export const name = "cloudtrail-changes-alarm";

const statistics = ["Sum", "SampleCount", "Average", "Minimum", "Maximum"] as const;

const configProperties = {
  requireAlarmName: {
    type: "boolean",
    default: false,
    description: "Require the alarm to carry exactly the name in `alarmName`.",
  },
  alarmName: {
    type: "string",
    default: cloudTrailChangesControl.defaultAlarmName,
    minLength: 1,
    description: "The alarm name required when `requireAlarmName` is true (Cloud Conformity's default name).",
  },
  statistic: {
    type: "string",
    default: cloudTrailChangesControl.alarmDefaults.statistic,
    enum: statistics,
    description: "The statistic the alarm must use.",
  },
  maxPeriodSeconds: {
    type: "integer",
    default: cloudTrailChangesControl.alarmDefaults.longestPeriodSeconds,
    minimum: 10,
    description: "The longest alarm period, in seconds, allowed.",
  },
  evaluationPeriods: {
    type: "integer",
    default: cloudTrailChangesControl.alarmDefaults.evaluationPeriods,
    minimum: 1,
    description: "The most evaluation periods (and datapoints to alarm) allowed before the alarm fires.",
  },
} as const;

type Config = ConfigOf<typeof configProperties>;

/** The criteria an alarm is judged by (this policy's config). */
export type AlarmCriteria = Config;

/**
 * The control's default criteria, as this policy applies them with no config: for other policies (the SNS
 * policy picks the alarms that matter with them; it can't see this policy's config).
 */
export function defaultAlarmCriteria(control: MonitoringControl): AlarmCriteria {
  return {
    requireAlarmName: false,
    alarmName: control.defaultAlarmName,
    statistic: control.alarmDefaults.statistic,
    maxPeriodSeconds: control.alarmDefaults.longestPeriodSeconds,
    evaluationPeriods: control.alarmDefaults.evaluationPeriods,
  };
}

/** The fix snippet: a compliant alarm on the metric. */
export function alarmSnippet(metric: { readonly name: string; readonly namespace: string }, config: Config): string {
  const alarmName = config.requireAlarmName ? `name: ${JSON.stringify(config.alarmName)}, ` : "";
  return (
    '  new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {\n' +
    `    ${alarmName}metricName: ${JSON.stringify(metric.name)}, namespace: ${JSON.stringify(metric.namespace)},\n` +
    `    statistic: ${JSON.stringify(config.statistic)}, period: ${Math.min(300, config.maxPeriodSeconds)}, threshold: 1, ` +
    'comparisonOperator: "GreaterThanOrEqualToThreshold",\n' +
    "    evaluationPeriods: 1, alarmActions: [topic.arn] })"
  );
}

function metricText(metric: PublishedMetric): string {
  const name = metric.transformation.metricName;
  const namespace = metric.transformation.namespace;
  return `${namespace.state === "known" ? namespace.value : "?"}/${name.state === "known" ? name.value : "?"}`;
}

export const messages = {
  unknownMetric: (filterName: string) =>
    `Metric filter "${filterName}": ${notKnownAtPreview("the metric it publishes (`metricTransformation` name or namespace)")}` +
    ", nor which alarm watches it.\nFix: give the metric a literal name and namespace.",
  noAlarm: (metric: PublishedMetric, otherRegion: readonly AlarmModel[], config: Config) =>
    `No CloudWatch alarm watches the metric ${metricText(metric)} (published by metric filter "${metric.filter.name}" in ` +
    `${describeRegion(metric.region)}), so CloudTrail configuration changes raise no alarm.` +
    otherRegion.map((alarm) => ` ${named("Alarm", alarm)} watches that metric name in ${describeRegion(alarm.region)}, but the metric lives in ${describeRegion(metric.region)}.`).join("") +
    `\nFix: add an alarm in ${describeRegion(metric.region)}, e.g.\n${alarmSnippet(knownMetric(metric), config)}`,
  possibleAlarms: (metric: PublishedMetric, alarms: readonly AlarmModel[]) =>
    `Metric ${metricText(metric)} (metric filter "${metric.filter.name}"): ${alarms.map((alarm) => named("alarm", alarm)).join(", ")} ` +
    `may watch it, but ${notKnownAtPreview("their metric name, namespace or region")}.\n` +
    "Fix: give the alarm a literal `metricName` and `namespace` and keep it in the metric's region.",
  alarmFails: (alarm: AlarmModel, metric: PublishedMetric, problems: readonly string[], config: Config) =>
    `${named("Alarm", alarm)} watches ${metricText(metric)} but would not fire on a single CloudTrail configuration change ` +
    `within ${config.maxPeriodSeconds} s: ${problems.join("; ")}.\nFix: e.g.\n${alarmSnippet(knownMetric(metric), config)}`,
} as const;

function knownMetric(metric: PublishedMetric): { name: string; namespace: string } {
  const name = metric.transformation.metricName;
  const namespace = metric.transformation.namespace;
  return { name: name.state === "known" ? name.value : "CloudTrailChanges", namespace: namespace.state === "known" ? namespace.value : "CloudTrailMetrics" };
}

/** The metric an alarm evaluates: its own, or its returned metric-math query's; or why it can't be judged. */
export function evaluatedMetric(alarm: AlarmModel): { readonly metric: AlarmMetricModel } | { readonly problem: string } {
  const queries = alarm.queries;
  if (queries.state === "unknown") return { problem: notKnownAtPreview("`metricQueries`") };
  if (queries.state === "absent") return { metric: alarm.metric };
  const returned = queries.value.filter((query) => query.returnData.state === "known" && query.returnData.value);
  const query = returned.length === 1 ? returned[0] : queries.value.length === 1 ? queries.value[0] : undefined;
  if (query === undefined) return { problem: "its `metricQueries` don't return exactly one series (set `returnData: true` on one)" };
  if (query.expression.state !== "absent" || query.metric === undefined) {
    const expression = query.expression.state === "known" ? ` ${JSON.stringify(query.expression.value)}` : "";
    return {
      problem: `it alarms on the metric-math expression${expression}, which this policy does not judge; alarm on the metric itself (metricName, namespace, statistic, period)`,
    };
  }
  return { metric: query.metric };
}

/** What one event adds to the alarm's statistic: the filter's value for Sum/Average/Min/Max, 1 for SampleCount. */
export function singleEventValue(metric: PublishedMetric, statistic: string): number {
  if (statistic === "SampleCount") return 1;
  const transformations = metric.transformation.value;
  const value = transformations.state === "known" ? Number(transformations.value) : NaN;
  // A non-numeric or non-positive value is the metric-filter policy's violation; judge the alarm as if it were 1.
  return Number.isFinite(value) && value > 0 ? value : 1;
}

function unknownOrAbsent(field: Field<unknown>, what: string): string | undefined {
  if (field.state === "unknown") return notKnownAtPreview(what);
  if (field.state === "absent") return `${what} is not set`;
  return undefined;
}

/** Statistic and period. */
function statisticProblems(metric: AlarmMetricModel, config: Config): string[] {
  const problems: string[] = [];
  if (metric.extendedStatistic.state === "known") {
    problems.push(`it uses the percentile statistic "${metric.extendedStatistic.value}"; use statistic "${config.statistic}"`);
  } else {
    const missing = unknownOrAbsent(metric.statistic, "`statistic`");
    if (missing !== undefined) problems.push(missing);
    else if (metric.statistic.state === "known" && metric.statistic.value !== config.statistic) {
      problems.push(`statistic is "${metric.statistic.value}"; use "${config.statistic}"`);
    }
  }
  const period = unknownOrAbsent(metric.period, "`period`");
  if (period !== undefined) problems.push(period);
  else if (metric.period.state === "known" && metric.period.value > config.maxPeriodSeconds) {
    problems.push(`period is ${metric.period.value} s; use at most ${config.maxPeriodSeconds}`);
  }
  return problems;
}

/**
 * Threshold and comparison: one event must reach the threshold, and no datapoint of 0 (a quiet period with a
 * metric-filter default value) may, else the alarm would sit in ALARM and never notify again.
 */
function thresholdProblems(alarm: AlarmModel, eventValue: number): string[] {
  const missing = [unknownOrAbsent(alarm.threshold, "`threshold`"), unknownOrAbsent(alarm.comparisonOperator, "`comparisonOperator`")];
  const problems = missing.filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0 || alarm.threshold.state !== "known" || alarm.comparisonOperator.state !== "known") return problems;
  const threshold = alarm.threshold.value;
  const operator = alarm.comparisonOperator.value;
  const want = `use threshold ${eventValue} with "GreaterThanOrEqualToThreshold"`;
  if (operator === "GreaterThanOrEqualToThreshold") {
    if (threshold > eventValue) return [`threshold is >= ${threshold}, which a single event (${eventValue}) does not reach; ${want}`];
    if (threshold <= 0) return [`threshold is >= ${threshold}, which a period without changes also reaches; ${want}`];
    return [];
  }
  if (operator === "GreaterThanThreshold") {
    if (threshold >= eventValue) return [`threshold is > ${threshold}, which a single event (${eventValue}) does not exceed; ${want}`];
    if (threshold < 0) return [`threshold is > ${threshold}, which a period without changes also exceeds; ${want}`];
    return [];
  }
  return [`comparisonOperator is "${operator}", which does not fire when changes are counted; ${want}`];
}

/**
 * Evaluation periods, datapoints to alarm and missing-data treatment. An "M out of N" alarm fires once M
 * datapoints breach, so what counts is `datapointsToAlarm` (M) when set, else `evaluationPeriods` (N = M): an
 * alarm with `evaluationPeriods: 3, datapointsToAlarm: 1` fires on the first breaching period.
 */
function evaluationProblems(alarm: AlarmModel, config: Config): string[] {
  const problems: string[] = [];
  const datapoints = alarm.datapointsToAlarm;
  if (datapoints.state === "unknown") problems.push(notKnownAtPreview("`datapointsToAlarm`"));
  else if (datapoints.state === "known") {
    if (datapoints.value > config.evaluationPeriods) {
      problems.push(`datapointsToAlarm is ${datapoints.value}; use at most ${config.evaluationPeriods}`);
    }
  } else {
    const periods = unknownOrAbsent(alarm.evaluationPeriods, "`evaluationPeriods`");
    if (periods !== undefined) problems.push(periods);
    else if (alarm.evaluationPeriods.state === "known" && alarm.evaluationPeriods.value > config.evaluationPeriods) {
      problems.push(
        `evaluationPeriods is ${alarm.evaluationPeriods.value}; use at most ${config.evaluationPeriods} ` +
          `(or set \`datapointsToAlarm\` to at most ${config.evaluationPeriods})`,
      );
    }
  }
  if (alarm.treatMissingData.state === "unknown") problems.push(notKnownAtPreview("`treatMissingData`"));
  else if (alarm.treatMissingData.state === "known" && alarm.treatMissingData.value === "breaching") {
    problems.push('treatMissingData is "breaching", so the alarm stays in ALARM between changes and never notifies again; use "missing" or "notBreaching"');
  }
  return problems;
}

function sameDimensions(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

/** Dimensions and unit must select the series the metric filter publishes. */
function seriesProblems(metric: AlarmMetricModel, published: PublishedMetric): string[] {
  const problems: string[] = [];
  const alarmDimensions = metric.dimensions;
  const filterDimensions = published.transformation.dimensions;
  if (alarmDimensions.state === "unknown" || filterDimensions.state === "unknown") problems.push(notKnownAtPreview("`dimensions`"));
  else if (alarmDimensions.state !== filterDimensions.state || (alarmDimensions.state === "known" && filterDimensions.state === "known" && !sameDimensions(alarmDimensions.value, filterDimensions.value))) {
    const shown = (field: typeof alarmDimensions) => (field.state === "known" ? JSON.stringify(field.value) : "none");
    problems.push(`it watches dimensions ${shown(alarmDimensions)} but the metric filter publishes ${shown(filterDimensions)}, so it watches a different series; remove \`dimensions\``);
  }
  if (metric.unit.state === "unknown") problems.push(notKnownAtPreview("`unit`"));
  else if (metric.unit.state === "known") {
    const published_ = published.transformation.unit.state === "known" ? published.transformation.unit.value : "None";
    if (metric.unit.value !== published_) {
      problems.push(`its unit is "${metric.unit.value}" but the metric filter publishes "${published_}", so it sees no data; remove \`unit\``);
    }
  }
  return problems;
}

/** Everything that keeps `alarm` from firing on one change of `published` (empty when compliant). */
export function alarmProblems(alarm: AlarmModel, published: PublishedMetric, config: Config): readonly string[] {
  const problems: string[] = [];
  if (config.requireAlarmName) {
    if (alarm.alarmName.state === "unknown") problems.push(notKnownAtPreview("the alarm name"));
    else if (alarm.alarmName.state !== "known" || alarm.alarmName.value !== config.alarmName) {
      const actual = alarm.alarmName.state === "known" ? `"${alarm.alarmName.value}"` : "not set";
      problems.push(`its name is ${actual}; name it ${JSON.stringify(config.alarmName)}`);
    }
  }
  if (alarm.thresholdMetricId.state !== "absent") {
    problems.push("it is an anomaly-detection alarm (`thresholdMetricId`), which this policy does not judge; use a static threshold");
  }
  const evaluated = evaluatedMetric(alarm);
  if ("problem" in evaluated) problems.push(evaluated.problem);
  else {
    problems.push(...statisticProblems(evaluated.metric, config));
    const statistic = evaluated.metric.statistic.state === "known" ? evaluated.metric.statistic.value : config.statistic;
    problems.push(...thresholdProblems(alarm, singleEventValue(published, statistic)));
    problems.push(...seriesProblems(evaluated.metric, published));
  }
  problems.push(...evaluationProblems(alarm, config));
  if (alarm.actionsEnabled.state === "unknown") problems.push(notKnownAtPreview("`actionsEnabled`"));
  else if (alarm.actionsEnabled.state === "known" && !alarm.actionsEnabled.value) {
    problems.push("its actions are disabled (`actionsEnabled: false`)");
  }
  return problems;
}

function checkMetric(model: StackModel, metric: PublishedMetric, config: Config): readonly Violation[] {
  const { metricName, namespace } = metric.transformation;
  if (metricName.state !== "known" || namespace.state !== "known") {
    return [{ message: messages.unknownMetric(metric.filter.name), urn: metric.filter.urn }];
  }
  const { watching, possible, otherRegion } = alarmsOn(model, metric);
  const judged = watching.map((alarm) => ({ alarm, problems: alarmProblems(alarm, metric, config) }));
  if (judged.some((entry) => entry.problems.length === 0)) return [];
  if (judged.length > 0) {
    return judged.map(({ alarm, problems }) => ({ message: messages.alarmFails(alarm, metric, problems, config), urn: alarm.urn }));
  }
  if (possible.length > 0) return [{ message: messages.possibleAlarms(metric, possible), urn: possible[0].urn }];
  return [{ message: messages.noAlarm(metric, otherRegion, config), urn: metric.filter.urn }];
}

function check(model: StackModel, config: Config, control: MonitoringControl): readonly Violation[] {
  const violations: Violation[] = coveringFiltersWithUnknownMetric(model, control).map((filter) => ({
    message: messages.unknownMetric(filter.name),
    urn: filter.urn,
  }));
  for (const metric of monitoredMetrics(model, control)) violations.push(...checkMetric(model, metric, config));
  return violations;
}

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "An alarm fires on CloudTrail changes",
  description:
    "A CloudWatch metric alarm must watch the CloudTrail-changes metric in its region and fire on a single change within five minutes.",
  remediationSteps:
    "Add an `aws.cloudwatch.MetricAlarm` in the metric filter's region with the filter's `metricName` and `namespace`, " +
    '`statistic: "Sum"`, `period: 300`, `threshold: 1`, `comparisonOperator: "GreaterThanOrEqualToThreshold"`, ' +
    "`evaluationPeriods: 1` and actions enabled. This is the third link of CIS AWS Foundations 4.5 / Security Hub " +
    'CloudWatch.5 / Trend Micro Cloud Conformity\'s "CloudWatch alarm for CloudTrail changes" (default alarm name ' +
    '"CloudTrail Changes").',
  tags: ["metric-alarm"],
  configProperties,
  check,
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
