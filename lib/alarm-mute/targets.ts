/**
 * What an alarm mute rule without targets (`muteTargets` absent, or `alarmNames` empty) mutes.
 *
 * AWS documents the targets as the alarms a rule mutes, and nowhere a rule that mutes alarms it does not name:
 * - "When you create a mute rule, you define specific time periods and target alarms whose actions will be muted."
 *   (Alarm Mute Rules, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-mute-rules.html)
 * - "Specifies which alarms an alarm mute rule applies to. You can target up to 100 specific alarms by name. When a
 *   mute rule is active, the targeted alarms continue to evaluate metrics and transition between states, but their
 *   configured actions are muted." (MuteTargets,
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MuteTargets.html)
 * - "To create or update a mute rule, you must have the cloudwatch:PutAlarmMuteRule permission on two types of
 *   resources: the alarm mute rule resource itself, and each alarm that the rule targets." (PutAlarmMuteRule,
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutAlarmMuteRule.html) — a rule that muted
 *   every alarm would need that permission on every alarm, which the documentation never asks for.
 *
 * MuteTargets is optional in PutAlarmMuteRule, and AWS's CDK documents its absence as "no target alarms"
 * (AlarmMuteRuleProps.alarms, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AlarmMuteRuleProps.html),
 * adding targets later with `addAlarm`. No AWS page says what a rule without targets does at run time; the
 * reading above is that it mutes nothing until targets are added.
 */
export const ruleWithoutTargetsMutes: "all" | "none" = "none";

/**
 * The alarm names a rule targets: the names listed, or none when `muteTargets` is absent or lists none. Values that
 * are not strings are skipped (the integrator decides what an unresolved value means).
 */
export function mutedAlarmNames(muteTargets: unknown): readonly string[] {
  if (typeof muteTargets !== "object" || muteTargets === null) return [];
  const names = (muteTargets as { readonly alarmNames?: unknown }).alarmNames;
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
}
