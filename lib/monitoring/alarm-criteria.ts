/**
 * The alarm criteria: does a metric alarm on a published metric fire on a single event within the allowed
 * period? Everything that keeps it from firing is a problem message. The alarm policy applies its configured
 * criteria; the notification check picks "the alarm that would fire" with the control's defaults.
 */
import type { ControlDefinition } from "../controls/types";
import { notKnownAtPreview } from "../findings/common-messages";
import { message, stackText, type Datum, type Message } from "../findings/message";
import type { PublishedMetric } from "../stack/chain";
import type { AlarmMetricModel, AlarmModel } from "../stack/model";
import type { Field } from "../stack/read";
import { shownQuoted, shownValue } from "../stack/shown";

/** The criteria an alarm is judged by (the alarm policy's config). */
export interface AlarmCriteria {
  readonly requireAlarmName: boolean;
  readonly alarmName: string;
  readonly statistic: string;
  readonly maxPeriodSeconds: number;
  readonly evaluationPeriods: number;
}

/**
 * What every CIS monitoring control asks of its alarm (Trend Micro Cloud Conformity's rules spell it out: Sum over
 * 300 seconds, fires at >= 1, one evaluation period): the alarm fires on a single event within five minutes.
 */
export const cisAlarmDefaults = { statistic: "Sum", maxPeriodSeconds: 300, evaluationPeriods: 1 } as const;

/** The control's default criteria: what the alarm policy applies with no config. */
export function defaultAlarmCriteria(control: ControlDefinition): AlarmCriteria {
  return { requireAlarmName: false, alarmName: control.alarmName, ...cisAlarmDefaults };
}

export const alarmCriteriaMessages = {
  alarmNameWrong: "its name is {{actual}}; name it {{wanted}}",
  alarmNameNotSet: "not set",
  anomalyDetection:
    "it is an anomaly-detection alarm (`thresholdMetricId`), which this policy does not judge; use a static threshold",
  queriesNotOneSeries: "its `metricQueries` don't return exactly one series (set `returnData: true` on one)",
  metricMath:
    "it alarms on the metric-math expression{{expression}}, which this policy does not judge; alarm on the metric itself (metricName, namespace, statistic, period)",
  percentileStatistic: 'it uses the percentile statistic {{statistic}}; use statistic "{{wanted}}"',
  settingNotSet: "{{what}} is not set",
  statisticWrong: 'statistic is {{statistic}}; use "{{wanted}}"',
  periodTooLong: "period is {{period}} s; use at most {{max}}",
  thresholdAboveEvent:
    'threshold is >= {{threshold}}, which a single event ({{eventValue}}) does not reach; use threshold {{eventValue}} with "GreaterThanOrEqualToThreshold"',
  thresholdQuietReaches:
    'threshold is >= {{threshold}}, which a period without changes also reaches; use threshold {{eventValue}} with "GreaterThanOrEqualToThreshold"',
  thresholdNotExceeded:
    'threshold is > {{threshold}}, which a single event ({{eventValue}}) does not exceed; use threshold {{eventValue}} with "GreaterThanOrEqualToThreshold"',
  thresholdQuietExceeds:
    'threshold is > {{threshold}}, which a period without changes also exceeds; use threshold {{eventValue}} with "GreaterThanOrEqualToThreshold"',
  operatorNeverFires:
    'comparisonOperator is {{operator}}, which does not fire when changes are counted; use threshold {{eventValue}} with "GreaterThanOrEqualToThreshold"',
  datapointsTooMany: "datapointsToAlarm is {{datapoints}}; use at most {{max}}",
  evaluationPeriodsTooMany:
    "evaluationPeriods is {{periods}}; use at most {{max}} (or set `datapointsToAlarm` to at most {{max}})",
  defaultValueKeepsAlarm:
    "the metric filter publishes its `defaultValue` {{defaultValue}} for every other log event, so the {{statistic}} " +
    "reaches the threshold in every period with traffic: the alarm stays in ALARM and never notifies again; remove " +
    "`defaultValue` from the metric filter",
  defaultValueMasksEvent:
    "the metric filter publishes its `defaultValue` {{defaultValue}} for every other log event, so the {{statistic}} " +
    "of a period with a single change need not reach the threshold; remove `defaultValue` from the metric filter",
  missingDataBreaching:
    'treatMissingData is "breaching", so the alarm stays in ALARM between changes and never notifies again; use "missing" or "notBreaching"',
  dimensionsDiffer:
    "it watches dimensions {{alarmDimensions}} but the metric filter publishes {{filterDimensions}}, so it watches a different series; remove `dimensions`",
  noDimensions: "none",
  dimensionsDifferSystem:
    "it watches dimensions {{alarmDimensions}} but the metric filter publishes {{filterDimensions}} (the system " +
    "fields of `emitSystemFieldDimensions` become dimensions too), so it watches a different series; give the alarm " +
    "exactly those dimensions",
  unitDiffers: "its unit is {{unit}} but the metric filter publishes {{published}}, so it sees no data; remove `unit`",
  actionsDisabled: "its actions are disabled (`actionsEnabled: false`)",
} as const;

/** The metric an alarm evaluates: its own, or its returned metric-math query's; or why it can't be judged. */
export function evaluatedMetric(
  alarm: AlarmModel,
): { readonly metric: AlarmMetricModel } | { readonly problem: Message } {
  const queries = alarm.queries;
  if (queries.state === "unknown") return { problem: notKnownAtPreview("`metricQueries`") };
  if (queries.state === "absent") return { metric: alarm.metric };
  const returned = queries.value.filter((query) => query.returnData.state === "known" && query.returnData.value);
  const query = returned.length === 1 ? returned[0] : queries.value.length === 1 ? queries.value[0] : undefined;
  if (query === undefined) return { problem: message("queriesNotOneSeries") };
  if (query.expression.state !== "absent" || query.metric === undefined) {
    const expression =
      query.expression.state === "known"
        ? stackText(` ${JSON.stringify(query.expression.value)}`, query.expression.secret === true, " [secret]")
        : "";
    return { problem: message("metricMath", { expression }) };
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

function unknownOrAbsent(field: Field<unknown>, what: string): Message | undefined {
  if (field.state === "unknown") return notKnownAtPreview(what);
  if (field.state === "absent") return message("settingNotSet", { what });
  return undefined;
}

/** Statistic and period. */
function statisticProblems(metric: AlarmMetricModel, criteria: AlarmCriteria): Message[] {
  const problems: Message[] = [];
  if (metric.extendedStatistic.state === "known") {
    problems.push(
      message("percentileStatistic", { statistic: shownQuoted(metric.extendedStatistic), wanted: criteria.statistic }),
    );
  } else {
    const missing = unknownOrAbsent(metric.statistic, "`statistic`");
    if (missing !== undefined) problems.push(missing);
    else if (metric.statistic.state === "known" && metric.statistic.value !== criteria.statistic) {
      problems.push(
        message("statisticWrong", { statistic: shownQuoted(metric.statistic), wanted: criteria.statistic }),
      );
    }
  }
  const period = unknownOrAbsent(metric.period, "`period`");
  if (period !== undefined) problems.push(period);
  else if (metric.period.state === "known" && metric.period.value > criteria.maxPeriodSeconds) {
    problems.push(message("periodTooLong", { period: shownValue(metric.period), max: criteria.maxPeriodSeconds }));
  }
  return problems;
}

/** Whether `value` breaches the alarm's threshold under `operator` (only the two "greater" operators fire on counts). */
function breaches(value: number, operator: string, threshold: number): boolean {
  return operator === "GreaterThanOrEqualToThreshold" ? value >= threshold : value > threshold;
}

/**
 * Threshold and comparison: one event must reach the threshold, and no datapoint of 0 (a quiet period with a
 * metric-filter default value) may, else the alarm would sit in ALARM and never notify again.
 */
function thresholdProblems(alarm: AlarmModel, eventValue: number): Message[] {
  const missing = [
    unknownOrAbsent(alarm.threshold, "`threshold`"),
    unknownOrAbsent(alarm.comparisonOperator, "`comparisonOperator`"),
  ];
  const problems = missing.filter((problem): problem is Message => problem !== undefined);
  if (problems.length > 0 || alarm.threshold.state !== "known" || alarm.comparisonOperator.state !== "known")
    return problems;
  const threshold = alarm.threshold.value;
  const operator = alarm.comparisonOperator.value;
  const data = { threshold: shownValue(alarm.threshold), eventValue };
  if (operator === "GreaterThanOrEqualToThreshold") {
    if (threshold > eventValue) return [message("thresholdAboveEvent", data)];
    if (threshold <= 0) return [message("thresholdQuietReaches", data)];
    return [];
  }
  if (operator === "GreaterThanThreshold") {
    if (threshold >= eventValue) return [message("thresholdNotExceeded", data)];
    if (threshold < 0) return [message("thresholdQuietExceeds", data)];
    return [];
  }
  return [message("operatorNeverFires", { operator: shownQuoted(alarm.comparisonOperator), eventValue })];
}

/**
 * The metric filter's `defaultValue` is published for every log event the pattern does not match ("The value
 * to emit when a filter pattern does not match a log event", CloudWatch Logs API, MetricTransformation), so in a
 * CloudTrail log group, where most records are other calls, every period with traffic carries it, many times:
 * - Sum: a positive default adds up past any threshold (the alarm stays in ALARM and never notifies again); a
 *   negative one can outweigh the change itself.
 * - SampleCount: every default counts as a sample, whatever its value.
 * - Average, Minimum, Maximum: a period without changes reads the default itself; with Average and Minimum a
 *   single change is averaged or minimised away unless the default reaches the threshold too.
 */
function defaultValueProblems(
  alarm: AlarmModel,
  published: PublishedMetric,
  statistic: string,
  eventValue: number,
): Message[] {
  const defaultValue = published.transformation.defaultValue;
  if (defaultValue.state === "absent") return [];
  if (defaultValue.state === "unknown") return [notKnownAtPreview("the metric filter's `defaultValue`")];
  if (alarm.threshold.state !== "known" || alarm.comparisonOperator.state !== "known") return [];
  const threshold = alarm.threshold.value;
  const operator = alarm.comparisonOperator.value;
  if (operator !== "GreaterThanOrEqualToThreshold" && operator !== "GreaterThanThreshold") return [];
  const d = defaultValue.value;
  const data = { defaultValue: shownValue(defaultValue), statistic };
  const stuck = message("defaultValueKeepsAlarm", data);
  const masks = message("defaultValueMasksEvent", data);
  switch (statistic) {
    case "SampleCount":
      return [stuck];
    case "Sum":
      return d > 0 ? [stuck] : d < 0 ? [masks] : [];
    case "Maximum":
      return breaches(d, operator, threshold) ? [stuck] : [];
    default:
      // Average and Minimum: the quiet value is the default; a change's value is pulled towards it.
      if (breaches(d, operator, threshold)) return [stuck];
      return breaches(eventValue, operator, threshold) && d !== eventValue ? [masks] : [];
  }
}

/**
 * Evaluation periods, datapoints to alarm and missing-data treatment. An "M out of N" alarm fires once M
 * datapoints breach, so what counts is `datapointsToAlarm` (M) when set, else `evaluationPeriods` (N = M): an
 * alarm with `evaluationPeriods: 3, datapointsToAlarm: 1` fires on the first breaching period.
 */
function evaluationProblems(alarm: AlarmModel, criteria: AlarmCriteria): Message[] {
  const problems: Message[] = [];
  const datapoints = alarm.datapointsToAlarm;
  if (datapoints.state === "unknown") problems.push(notKnownAtPreview("`datapointsToAlarm`"));
  else if (datapoints.state === "known") {
    if (datapoints.value > criteria.evaluationPeriods) {
      problems.push(
        message("datapointsTooMany", { datapoints: shownValue(datapoints), max: criteria.evaluationPeriods }),
      );
    }
  } else {
    const periods = unknownOrAbsent(alarm.evaluationPeriods, "`evaluationPeriods`");
    if (periods !== undefined) problems.push(periods);
    else if (alarm.evaluationPeriods.state === "known" && alarm.evaluationPeriods.value > criteria.evaluationPeriods) {
      problems.push(
        message("evaluationPeriodsTooMany", {
          periods: shownValue(alarm.evaluationPeriods),
          max: criteria.evaluationPeriods,
        }),
      );
    }
  }
  if (alarm.treatMissingData.state === "unknown") problems.push(notKnownAtPreview("`treatMissingData`"));
  else if (alarm.treatMissingData.state === "known" && alarm.treatMissingData.value === "breaching") {
    problems.push(message("missingDataBreaching"));
  }
  return problems;
}

/**
 * Whether the alarm's dimensions select the series a filter without dimensions of its own publishes: one dimension
 * per system field the filter emits (`emitSystemFieldDimensions`: "@aws.account", "@aws.region", CloudWatch Logs
 * API, PutMetricFilter), whose values are the records' source account and region and can't be checked here.
 */
function sameSeries(alarm: Readonly<Record<string, string>>, systemFields: readonly string[]): boolean {
  const wanted = new Set(systemFields);
  const keys = Object.keys(alarm);
  return keys.length === wanted.size && keys.every((key) => wanted.has(key));
}

function shownDimensions(field: Field<Readonly<Record<string, string>>>, systemFields: readonly string[] = []): Datum {
  const base = field.state === "known" ? field.value : {};
  if (field.state !== "known" && systemFields.length === 0) return message("noDimensions");
  const shown: Record<string, string> = { ...base };
  for (const systemField of systemFields) shown[systemField] = "<source>";
  return stackText(JSON.stringify(shown), field.state === "known" && field.secret === true);
}

/** The system fields a filter publishes as extra dimensions; `undefined` when not known at preview. */
function systemFieldsOf(published: PublishedMetric): readonly string[] | undefined {
  const fields = published.filter.emitSystemFieldDimensions;
  if (fields.state === "absent") return [];
  if (fields.state === "unknown" || fields.value.some((field) => field.state === "unknown")) return undefined;
  return fields.value.flatMap((field) => (field.state === "known" ? [field.value] : []));
}

/** Dimensions and unit must select the series the metric filter publishes. */
function seriesProblems(metric: AlarmMetricModel, published: PublishedMetric): Message[] {
  const problems: Message[] = filterSeriesProblems(published);
  const alarmDimensions = metric.dimensions;
  const filterDimensions = published.transformation.dimensions;
  const systemFields = systemFieldsOf(published);
  if (alarmDimensions.state === "unknown" || filterDimensions.state === "unknown" || systemFields === undefined) {
    problems.push(notKnownAtPreview("`dimensions`"));
  } else {
    const alarmMap = alarmDimensions.state === "known" ? alarmDimensions.value : {};
    if (problems.length === 0 && !sameSeries(alarmMap, systemFields)) {
      problems.push(
        message(systemFields.length > 0 ? "dimensionsDifferSystem" : "dimensionsDiffer", {
          alarmDimensions: shownDimensions(alarmDimensions),
          filterDimensions: shownDimensions(filterDimensions, systemFields),
        }),
      );
    }
  }
  if (metric.unit.state === "unknown") problems.push(notKnownAtPreview("`unit`"));
  else if (metric.unit.state === "known") {
    const publishedUnit = published.transformation.unit;
    const publishedText = publishedUnit.state === "known" ? publishedUnit.value : "None";
    if (metric.unit.value !== publishedText) {
      problems.push(
        message("unitDiffers", {
          unit: shownQuoted(metric.unit),
          published:
            publishedUnit.state === "known" ? shownQuoted(publishedUnit) : stackText(JSON.stringify(publishedText)),
        }),
      );
    }
  }
  return problems;
}

/** Everything that keeps `alarm` from firing on one event of `published` (empty when it meets the criteria). */
export function alarmProblems(
  alarm: AlarmModel,
  published: PublishedMetric,
  criteria: AlarmCriteria,
): readonly Message[] {
  const problems: Message[] = [];
  if (criteria.requireAlarmName) {
    if (alarm.alarmName.state === "unknown") problems.push(notKnownAtPreview("the alarm name"));
    else if (alarm.alarmName.state !== "known" || alarm.alarmName.value !== criteria.alarmName) {
      const actual = alarm.alarmName.state === "known" ? shownQuoted(alarm.alarmName) : message("alarmNameNotSet");
      problems.push(message("alarmNameWrong", { actual, wanted: JSON.stringify(criteria.alarmName) }));
    }
  }
  if (alarm.thresholdMetricId.state !== "absent") problems.push(message("anomalyDetection"));
  const evaluated = evaluatedMetric(alarm);
  if ("problem" in evaluated) problems.push(evaluated.problem);
  else {
    problems.push(...statisticProblems(evaluated.metric, criteria));
    const statistic =
      evaluated.metric.statistic.state === "known" ? evaluated.metric.statistic.value : criteria.statistic;
    const eventValue = singleEventValue(published, statistic);
    problems.push(...thresholdProblems(alarm, eventValue));
    problems.push(...defaultValueProblems(alarm, published, statistic, eventValue));
    problems.push(...seriesProblems(evaluated.metric, published));
  }
  problems.push(...evaluationProblems(alarm, criteria));
  if (alarm.actionsEnabled.state === "unknown") problems.push(notKnownAtPreview("`actionsEnabled`"));
  else if (alarm.actionsEnabled.state === "known" && !alarm.actionsEnabled.value)
    problems.push(message("actionsDisabled"));
  return problems;
}

export const alarmSeriesMessages = {
  filterDimensionsSplit:
    "the metric filter publishes one series per value of its dimensions {{filterDimensions}}, so an alarm on one " +
    "series misses the changes counted in the others; remove `dimensions` from the metric filter",
} as const;

/**
 * A metric filter's own dimensions are fields of the log event ("The fields to use as dimensions for the metric",
 * CloudWatch Logs API, MetricTransformation), and "each different value found for a dimension is treated as a
 * separate metric" (PutMetricFilter): the changes are split over one series per value, and an alarm watches one
 * series. An alarm whose dimension values copy the filter's field names watches a series nothing publishes.
 */
function filterSeriesProblems(published: PublishedMetric): Message[] {
  const dimensions = published.transformation.dimensions;
  if (dimensions.state !== "known") return [];
  return [message("filterDimensionsSplit", { filterDimensions: shownDimensions(dimensions) })];
}
