/**
 * The third link: a metric alarm watches each metric that counts the control's events (same metric name,
 * namespace and region) and fires on a single event within the allowed period.
 */
import type { ControlDefinition } from "../controls/types";
import { named, notKnownAtPreview } from "../findings/common-messages";
import {
  finding,
  list,
  message,
  quoted,
  stackText,
  type Finding,
  type Message,
  type StackText,
} from "../findings/message";
import { alarmProblems, type AlarmCriteria } from "../monitoring/alarm-criteria";
import { alarmsOn } from "../monitoring/alarms";
import {
  coveringFiltersWithUnknownMetric,
  filtersWithUnknownPattern,
  ifPatternCounts,
  metricsOf,
  monitoredMetrics,
} from "../monitoring/filters";
import type { PublishedMetric } from "../stack/chain";
import type { AlarmModel, MetricFilterModel, StackModel } from "../stack/model";
import type { Field } from "../stack/read";
import { describeRegion } from "../stack/regions";

export const alarmMessages = {
  unknownMetric:
    'Metric filter "{{filter}}": {{unknown}}, nor which alarm watches it.\nFix: give the metric a literal name and namespace.',
  publishedMetric: "the metric it publishes (`metricTransformation` name or namespace)",
  noAlarm:
    'No CloudWatch alarm watches the metric {{metric}} (published by metric filter "{{filter}}" in {{region}}), so ' +
    "{{changes}} raise no alarm.{{otherRegion}}\nFix: add an alarm in {{region}}, e.g.\n{{snippet}}",
  alarmInOtherRegion:
    " {{alarm}} watches that metric name in {{alarmRegion}}, but the metric lives in {{metricRegion}}.",
  possibleAlarms:
    'Metric {{metric}} (metric filter "{{filter}}"): {{alarms}} may watch it, but {{unknown}}.\n' +
    "Fix: give the alarm a literal `metricName` and `namespace` and keep it in the metric's region.",
  theirMetric: "their metric name, namespace or region",
  alarmFails:
    "{{alarm}} watches {{metric}} but would not fire on a single {{change}} within {{period}} s: {{problems}}.\nFix: e.g.\n{{snippet}}",
  metricPath: "{{namespace}}/{{name}}",
  alarmSnippet:
    '  new aws.cloudwatch.MetricAlarm("{{resourceName}}", {\n' +
    "    {{alarmName}}metricName: {{metricName}}, namespace: {{namespace}},\n" +
    '    statistic: "{{statistic}}", period: {{period}}, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",\n' +
    "    evaluationPeriods: 1, alarmActions: [topic.arn] })",
  alarmNameSetting: "name: {{name}}, ",
} as const;

function fieldText(field: Field<string>): StackText | string {
  return field.state === "known" ? stackText(field.value, field.secret === true) : "?";
}

/** `CloudTrailMetrics/CloudTrailChanges`: a metric in messages. */
function metricText(metric: PublishedMetric): Message {
  return message("metricPath", {
    namespace: fieldText(metric.transformation.namespace),
    name: fieldText(metric.transformation.metricName),
  });
}

/** The fix snippet: an alarm on the metric that meets the criteria. */
export function alarmSnippet(metric: PublishedMetric, criteria: AlarmCriteria, control: ControlDefinition): Message {
  const { metricName, namespace } = metric.transformation;
  return message("alarmSnippet", {
    resourceName: control.id,
    alarmName: criteria.requireAlarmName
      ? message("alarmNameSetting", { name: JSON.stringify(criteria.alarmName) })
      : "",
    metricName:
      metricName.state === "known"
        ? quoted(metricName.value, metricName.secret === true)
        : JSON.stringify(control.metric.name),
    namespace:
      namespace.state === "known"
        ? quoted(namespace.value, namespace.secret === true)
        : JSON.stringify(control.metric.namespace),
    statistic: criteria.statistic,
    period: Math.min(300, criteria.maxPeriodSeconds),
  });
}

function unknownMetricFinding(filter: MetricFilterModel): Finding {
  return finding(
    "unknownMetric",
    { filter: filter.name, unknown: notKnownAtPreview(message("publishedMetric")) },
    filter.urn,
  );
}

function checkMetric(
  model: StackModel,
  metric: PublishedMetric,
  criteria: AlarmCriteria,
  control: ControlDefinition,
): Finding[] {
  const { metricName, namespace } = metric.transformation;
  if (metricName.state !== "known" || namespace.state !== "known") return [unknownMetricFinding(metric.filter)];
  const { watching, possible, otherRegion } = alarmsOn(model, metric);
  const judged = watching.map((alarm) => ({ alarm, problems: alarmProblems(alarm, metric, criteria) }));
  if (judged.some((entry) => entry.problems.length === 0)) return [];
  if (judged.length > 0) {
    return judged.map(({ alarm, problems }) =>
      finding(
        "alarmFails",
        {
          alarm: named("Alarm", alarm),
          metric: metricText(metric),
          change: control.nameOfOne,
          period: criteria.maxPeriodSeconds,
          problems: list(problems, "; "),
          snippet: alarmSnippet(metric, criteria, control),
        },
        alarm.urn,
      ),
    );
  }
  if (possible.length > 0) {
    const data = {
      metric: metricText(metric),
      filter: metric.filter.name,
      alarms: list(possible.map((alarm) => named("alarm", alarm))),
      unknown: notKnownAtPreview(message("theirMetric")),
    };
    return [finding("possibleAlarms", data, possible[0].urn)];
  }
  return [finding("noAlarm", noAlarmData(metric, otherRegion, criteria, control), metric.filter.urn)];
}

function noAlarmData(
  metric: PublishedMetric,
  otherRegion: readonly AlarmModel[],
  criteria: AlarmCriteria,
  control: ControlDefinition,
): Message["data"] {
  return {
    metric: metricText(metric),
    filter: metric.filter.name,
    region: describeRegion(metric.region),
    changes: control.name,
    otherRegion: list(
      otherRegion.map((alarm) =>
        message("alarmInOtherRegion", {
          alarm: named("Alarm", alarm),
          alarmRegion: describeRegion(alarm.region),
          metricRegion: describeRegion(metric.region),
        }),
      ),
      "",
    ),
    snippet: alarmSnippet(metric, criteria, control),
  };
}

/** The findings of the third link. */
export function checkAlarms(model: StackModel, criteria: AlarmCriteria, control: ControlDefinition): Finding[] {
  const findings = new DistinctFindings();
  for (const filter of coveringFiltersWithUnknownMetric(model, control)) findings.add(unknownMetricFinding(filter));
  for (const metric of monitoredMetrics(model, control)) {
    for (const found of checkMetric(model, metric, criteria, control)) findings.add(found);
  }
  // A filter whose pattern is unknown at preview may count the events: judged as if it did (filters.ts), unless the
  // same finding is already certain.
  for (const filter of filtersWithUnknownPattern(model)) {
    const found =
      filter.transformations.state === "unknown"
        ? [unknownMetricFinding(filter)]
        : metricsOf(filter).flatMap((metric) => checkMetric(model, metric, criteria, control));
    for (const f of found) if (!findings.has(f)) findings.add(ifPatternCounts(f, filter, control));
  }
  return findings.list;
}

/**
 * Findings in order, each reported once. Two filters may publish one metric (one per trail's log group, say): the
 * alarm on it is then judged twice, the same way. One key per finding (its URN, message id and data), so a stack of
 * many filters is not compared pair by pair.
 */
class DistinctFindings {
  private readonly keys = new Set<string>();
  readonly list: Finding[] = [];

  has(finding: Finding): boolean {
    return this.keys.has(JSON.stringify(finding));
  }

  add(finding: Finding): void {
    const key = JSON.stringify(finding);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.push(finding);
  }
}
