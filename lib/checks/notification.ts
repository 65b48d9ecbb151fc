/**
 * The last link: the alarm that matters on each metric counting the control's events notifies someone. The
 * alarms that matter are those meeting the control's default alarm criteria; when none does, every alarm on the
 * metric. One of them notifying is enough: a dashboard alarm without actions next to a notifying one is fine.
 */
import type { ControlDefinition } from "../controls/types";
import { named } from "../findings/common-messages";
import { finding, list, message, type Finding } from "../findings/message";
import { alarmProblems, defaultAlarmCriteria } from "../monitoring/alarm-criteria";
import { alarmsOn } from "../monitoring/alarms";
import { filtersWithUnknownPattern, ifPatternCounts, metricsOf, monitoredMetrics } from "../monitoring/filters";
import { compositeCarry } from "../monitoring/composites";
import { muteMessages } from "../monitoring/mutes";
import { notifyProblems, type NotifyCriteria } from "../monitoring/notified";
import type { Profile } from "../monitoring/profiles";
import { analyzeChain, type ChainAnalysis, type PublishedMetric } from "../stack/chain";
import type { AlarmModel, StackModel } from "../stack/model";

export const notificationMessages = {
  noActions:
    "{{alarm}} has no ALARM actions, so nobody hears of {{changes}}{{composites}}.\n" +
    "Fix: notify an SNS topic with a subscriber, e.g.\n{{snippet}}",
  compositeNotes: "; {{notes}}",
  alarmMuted:
    "{{alarm}} notifies a subscribed SNS topic, but {{problems}}.\n" +
    "Fix: take the alarm out of the mute rule's `muteTargets` (or delete the rule): {{what}} must be heard at any hour",
  noGoodTopic:
    "{{alarm}} notifies no SNS topic that reaches anyone: {{problems}}.\n" +
    "Fix: notify an SNS topic in the alarm's region with a subscriber, e.g.\n{{snippet}}",
  topicSnippet:
    '  const topic = new aws.sns.Topic("security-alerts");\n' +
    '  new aws.sns.TopicSubscription("security-team", { topic: topic.arn, protocol: "email", endpoint: "..." });\n' +
    "  // and on the alarm: alarmActions: [topic.arn]",
} as const;

/**
 * The alarms whose notifications matter for a metric: those meeting the control's default alarm criteria (the
 * alarm check's judgement without config), else every alarm watching the metric.
 */
export function candidateAlarms(
  alarms: readonly AlarmModel[],
  metric: PublishedMetric,
  control: ControlDefinition,
): readonly AlarmModel[] {
  const criteria = defaultAlarmCriteria(control);
  const good = alarms.filter((alarm) => alarmProblems(alarm, metric, criteria).length === 0);
  return good.length > 0 ? good : alarms;
}

/** The problems that say an alarm reaching a subscribed topic is silenced by a mute rule. */
const muteMessageIds: ReadonlySet<string> = new Set(Object.keys(muteMessages));

/** What a check of the last link needs besides the model. */
export interface NotificationContext {
  readonly criteria: NotifyCriteria;
  readonly control: ControlDefinition;
  readonly profile: Profile;
  /** When the preview runs: mute rules are judged at this time. */
  readonly now: Date;
}

/**
 * Why an alarm notifies nobody, or `undefined` when it reaches someone: itself, or (in profiles that allow it)
 * through a composite alarm that carries it.
 */
function alarmFinding(analysis: ChainAnalysis, alarm: AlarmModel, context: NotificationContext): Finding | undefined {
  const { criteria, control, profile, now } = context;
  const problems = notifyProblems(analysis, alarm, criteria, now);
  if (problems === undefined) return undefined;
  const composites = profile.compositeAlarmsNotify
    ? compositeCarry(analysis, alarm, criteria, now)
    : { carried: false, notes: [] };
  if (composites.carried) return undefined;
  const snippet = message("topicSnippet");
  const alarmText = named("Alarm", alarm);
  if (problems.length === 0) {
    const notes =
      composites.notes.length === 0 ? "" : message("compositeNotes", { notes: list(composites.notes, "; ") });
    return finding("noActions", { alarm: alarmText, changes: control.name, composites: notes, snippet }, alarm.urn);
  }
  if (problems.every((problem) => muteMessageIds.has(problem.id))) {
    return finding(
      "alarmMuted",
      { alarm: alarmText, problems: list([...problems, ...composites.notes], "; "), what: control.name },
      alarm.urn,
    );
  }
  return finding(
    "noGoodTopic",
    { alarm: alarmText, problems: list([...problems, ...composites.notes], "; "), snippet },
    alarm.urn,
  );
}

/** One metric's findings: none when a candidate alarm notifies someone, else each candidate's. */
function checkMetric(analysis: ChainAnalysis, metric: PublishedMetric, context: NotificationContext): Finding[] {
  const candidates = candidateAlarms(alarmsOn(analysis.model, metric).watching, metric, context.control);
  const findings: Finding[] = [];
  for (const alarm of candidates) {
    const found = alarmFinding(analysis, alarm, context);
    if (found === undefined) return [];
    findings.push(found);
  }
  return findings;
}

/** The findings of the last link; an alarm on several metrics is reported once. */
export function checkNotifications(model: StackModel, context: NotificationContext): Finding[] {
  const analysis = analyzeChain(model);
  const byUrn = new Map<string, Finding>();
  for (const metric of monitoredMetrics(model, context.control)) {
    for (const found of checkMetric(analysis, metric, context)) {
      if (found.urn !== undefined && !byUrn.has(found.urn)) byUrn.set(found.urn, found);
    }
  }
  // A filter whose pattern is unknown at preview may count the events: judged as if it did (filters.ts).
  for (const filter of filtersWithUnknownPattern(model)) {
    for (const metric of metricsOf(filter)) {
      for (const found of checkMetric(analysis, metric, context)) {
        if (found.urn !== undefined && !byUrn.has(found.urn))
          byUrn.set(found.urn, ifPatternCounts(found, filter, context.control));
      }
    }
  }
  return [...byUrn.values()];
}
