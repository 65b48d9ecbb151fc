/**
 * Alarm mute rules silence the actions of their target alarms during their schedule (CloudWatch user guide,
 * "Alarm mute rules"): a change made then reaches nobody. A rule targets an alarm by name, in its own region; at
 * the first preview the names may be unknown, and then the rule's property dependencies link it to the alarm. A
 * rule that can't mute again (expired, a past one-time window) is harmless; a rule without targets mutes nothing
 * (`ruleWithoutTargetsMutes`, lib/alarm-mute).
 */
import { named, notKnownAtPreview } from "../findings/common-messages";
import { message, stackText, type Message } from "../findings/message";
import { muteRuleActivity, ruleWithoutTargetsMutes, type MuteRuleInput } from "../alarm-mute";
import type { ModelResourceBase, MuteRuleModel, StackModel } from "../stack/model";
import type { Field } from "../stack/read";
import { compareRegions } from "../stack/regions";

export const muteMessages = {
  muted: "it is muted by {{rule}} ({{schedule}}), so a change made then notifies nobody",
  muteRuleUnclear: "it can't be verified that {{rule}} no longer mutes it ({{why}})",
  muteTargetsUnknown: "{{rule}} may mute it: {{unknown}}",
  itsTargets: "its `muteTargets`",
  itsSchedule: "its schedule, start or expiry date",
  secretSchedule: "its schedule is a secret",
} as const;

/** An alarm as mute rules target it. */
export interface MutableAlarm extends ModelResourceBase {
  readonly alarmName: Field<string>;
}

function valueOf(field: Field<string>): string | undefined {
  return field.state === "known" ? field.value : undefined;
}

/** The rule as lib/alarm-mute reads it (known values only; unknown ones are absent, which it reports). */
function inputOf(rule: MuteRuleModel): MuteRuleInput {
  return {
    rule: {
      schedule: {
        expression: valueOf(rule.scheduleExpression),
        duration: valueOf(rule.scheduleDuration),
        timezone: valueOf(rule.scheduleTimezone),
      },
    },
    startDate: valueOf(rule.startDate),
    expireDate: valueOf(rule.expireDate),
    status: valueOf(rule.status),
  };
}

/** Whether a rule targets the alarm: "yes", "no", or "maybe" (its targets are not known at preview but link to it). */
function targets(rule: MuteRuleModel, alarm: MutableAlarm): "yes" | "no" | "maybe" {
  if (compareRegions(rule.region, alarm.region) === "different") return "no";
  const names = rule.alarmNames;
  if (names.state === "absent") return ruleWithoutTargetsMutes === "all" ? "yes" : "no";
  const linked = rule.alarmNamesDependencies.includes(alarm.urn);
  if (names.state === "unknown") return linked ? "maybe" : "no";
  const name = alarm.alarmName;
  if (name.state === "known" && names.value.some((entry) => entry.state === "known" && entry.value === name.value))
    return "yes";
  if (linked && (name.state !== "known" || names.value.some((entry) => entry.state === "unknown"))) return "maybe";
  return "no";
}

/** Why mute rules may silence the alarm (empty: none does). `now` is when the preview runs. */
export function muteProblems(model: StackModel, alarm: MutableAlarm, now: Date): Message[] {
  const problems: Message[] = [];
  for (const rule of model.muteRules) {
    const target = targets(rule, alarm);
    if (target === "no") continue;
    const ruleText = named("mute rule", rule);
    if (target === "maybe") {
      problems.push(
        message("muteTargetsUnknown", { rule: ruleText, unknown: notKnownAtPreview(message("itsTargets")) }),
      );
      continue;
    }
    // `status` is computed by AWS from the schedule and dates (SCHEDULED, ACTIVE, EXPIRED: GetAlarmMuteRule), so it
    // is unknown for every new rule at the first preview; it only adds EXPIRED, which a passed expireDate already
    // gives. An unknown status is read as unset (`inputOf`), not as an unknown schedule: otherwise every new rule
    // would be "can't be verified", a harmless expired one included.
    const settings = [
      rule.scheduleExpression,
      rule.scheduleDuration,
      rule.scheduleTimezone,
      rule.startDate,
      rule.expireDate,
    ];
    if (settings.some((field) => field.state === "unknown")) {
      problems.push(
        message("muteTargetsUnknown", { rule: ruleText, unknown: notKnownAtPreview(message("itsSchedule")) }),
      );
      continue;
    }
    const activity = muteRuleActivity(inputOf(rule), now);
    const secret = settings.some((field) => field.state === "known" && field.secret === true);
    if (activity.state === "harmless") continue;
    if (activity.state === "mutes") {
      problems.push(
        message("muted", {
          rule: ruleText,
          schedule: stackText(activity.schedule, secret, muteMessages.secretSchedule),
        }),
      );
    } else {
      problems.push(
        message("muteRuleUnclear", {
          rule: ruleText,
          why: stackText(activity.why, secret, muteMessages.secretSchedule),
        }),
      );
    }
  }
  return problems;
}
