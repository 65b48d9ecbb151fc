/**
 * A metric alarm without working actions of its own is still heard when a composite alarm carries it: the
 * composite's rule is certainly true whenever the metric alarm is in ALARM (and can be false otherwise, so the
 * composite changes state with it: lib/alarm-rule `creditsWatchedAlarm`), its actions are enabled, no actions
 * suppressor can hold it back (while the suppressor alarm is in ALARM the composite's actions are suppressed, for
 * as long as it stays there: CloudWatch API, PutCompositeAlarm `ActionsSuppressor`), and it notifies someone
 * itself. Only composites whose rule names the metric alarm directly are considered; a composite of composites
 * is not credited (documented in README).
 */
import { creditsWatchedAlarm } from "../alarm-rule";
import { named, notKnownAtPreview } from "../findings/common-messages";
import { list, message, stackText, type Message } from "../findings/message";
import type { ChainAnalysis } from "../stack/chain";
import type { AlarmModel, CompositeAlarmModel } from "../stack/model";
import { compareRegions } from "../stack/regions";
import { notifyProblems, type NotifyCriteria } from "./notified";

export const compositeMessages = {
  compositeDoesNotCarry: "{{composite}} does not carry it: {{why}}",
  ruleNotCertain: "its rule {{verdict}}: {{reason}}",
  ruleVerdictNo: "is not true every time this alarm goes into ALARM",
  ruleVerdictUnknown: "can't be shown to follow this alarm",
  compositeRuleUnknown: "its `alarmRule`",
  compositeActionsDisabled: "its actions are disabled (`actionsEnabled: false`)",
  compositeActionsUnknown: "`actionsEnabled`",
  compositeSuppressed:
    "its actions suppressor {{suppressor}} can hold its notifications back for as long as that alarm is in ALARM",
  compositeSuppressorUnknown: "its `actionsSuppressor`",
  compositeNotifiesNobody: "it notifies nobody either ({{problems}})",
  compositeNoActions: "it has no ALARM actions either",
  secretRule: "(the rule is a secret)",
} as const;

/** How a composite's rule names alarms: by name or by ARN. */
function namesAlarm(alarm: AlarmModel): (reference: string) => boolean {
  return (reference) =>
    (alarm.alarmName.state === "known" && reference === alarm.alarmName.value) ||
    (alarm.arn.state === "known" && reference === alarm.arn.value);
}

/** Whether a composite's rule mentions the alarm (by value, or through a property dependency when unknown). */
function mentions(composite: CompositeAlarmModel, alarm: AlarmModel): boolean {
  if (composite.alarmRuleDependencies.includes(alarm.urn)) return true;
  const rule = composite.alarmRule;
  if (rule.state !== "known") return false;
  const names = [alarm.alarmName, alarm.arn].flatMap((field) => (field.state === "known" ? [field.value] : []));
  return names.some((name) => rule.value.includes(name));
}

/** Why one composite does not carry the alarm to anyone, or `undefined` when it does. */
function compositeProblem(
  analysis: ChainAnalysis,
  composite: CompositeAlarmModel,
  alarm: AlarmModel,
  criteria: NotifyCriteria,
  now: Date,
): Message | undefined {
  const rule = composite.alarmRule;
  if (rule.state !== "known") return notKnownAtPreview(message("compositeRuleUnknown"));
  const credit = creditsWatchedAlarm(rule.value, namesAlarm(alarm));
  if (credit.verdict !== "yes") {
    const verdict = message(credit.verdict === "no" ? "ruleVerdictNo" : "ruleVerdictUnknown");
    return message("ruleNotCertain", {
      verdict,
      reason: stackText(credit.reason, rule.secret === true, compositeMessages.secretRule),
    });
  }
  if (composite.actionsEnabled.state === "unknown") return notKnownAtPreview(message("compositeActionsUnknown"));
  if (composite.actionsEnabled.state === "known" && !composite.actionsEnabled.value)
    return message("compositeActionsDisabled");
  const suppressor = composite.actionsSuppressor;
  if (suppressor.state === "unknown") return notKnownAtPreview(message("compositeSuppressorUnknown"));
  if (suppressor.state === "known") {
    return message("compositeSuppressed", {
      suppressor: stackText(JSON.stringify(suppressor.value), suppressor.secret === true),
    });
  }
  const problems = notifyProblems(analysis, composite, criteria, now);
  if (problems === undefined) return undefined;
  return problems.length === 0
    ? message("compositeNoActions")
    : message("compositeNotifiesNobody", { problems: list(problems, "; ") });
}

/**
 * Whether a composite alarm of the stack carries the metric alarm to someone: `carried`, or why each composite
 * that mentions the alarm does not.
 */
export function compositeCarry(
  analysis: ChainAnalysis,
  alarm: AlarmModel,
  criteria: NotifyCriteria,
  now: Date,
): { readonly carried: boolean; readonly notes: readonly Message[] } {
  const notes: Message[] = [];
  for (const composite of analysis.model.compositeAlarms) {
    if (compareRegions(composite.region, alarm.region) === "different" || !mentions(composite, alarm)) continue;
    const problem = compositeProblem(analysis, composite, alarm, criteria, now);
    if (problem === undefined) return { carried: true, notes: [] };
    notes.push(message("compositeDoesNotCarry", { composite: named("composite alarm", composite), why: problem }));
  }
  return { carried: false, notes };
}
