/**
 * CloudWatch alarm mute rules: whether a rule can still mute (its schedule, expiry and time zone), and what a rule
 * without targets mutes. Knows nothing about Pulumi: inputs are the rule's properties as plain values.
 */
export { muteRuleActivity, type MuteRuleActivity, type MuteRuleInput, type MuteScheduleInput } from "./activity";
export { mutedAlarmNames, ruleWithoutTargetsMutes } from "./targets";
export {
  parseMuteDuration,
  parseScheduleExpression,
  parseWrittenDate,
  type MuteDuration,
  type ScheduleExpression,
  type WrittenDate,
} from "./schedule";
export { isKnownTimeZone, wallTimeToInstants, type WallTime } from "./zoned-time";
