/**
 * The CloudWatch composite-alarm rule language (`AlarmRule`): parse a rule into a tree with positions, print a tree
 * back as canonical text, and decide whether the rule notifies when a watched alarm goes into ALARM. Knows nothing
 * about Pulumi.
 *
 * ```ts
 * creditsWatchedAlarm('ALARM("trail-changes") OR ALARM(root-usage)', (ref) => ref === "trail-changes");
 * // { verdict: "yes", reason: "the rule is true whenever \"trail-changes\" is in ALARM, ..." }
 * ```
 */
export type {
  AlarmReference,
  AlarmRuleError,
  AlarmRuleErrorCode,
  AlarmRuleParseResult,
  AlarmState,
  AndExpression,
  AtLeastFunction,
  AtLeastThreshold,
  BinaryOperator,
  BooleanConstant,
  NotExpression,
  OperatorSequence,
  OrExpression,
  RuleExpression,
  SequenceItem,
  Span,
  StateFunction,
} from "./ast";
export { ALARM_STATES } from "./ast";
export { ERROR_PREFIX, MAX_CHILD_ALARMS, MAX_ELEMENTS, MAX_RULE_LENGTH, parseAlarmRule } from "./parser";
export { printAlarmRule, printReference } from "./printer";
export { READINGS, distinctReadings, isAmbiguous, readAs, type Reading } from "./readings";
export { canonicalAlarmName, collectReferences } from "./references";
export {
  ENUMERATION_BUDGET,
  creditsWatchedAlarm,
  creditsWatchedAlarmInTree,
  type AlarmRuleCredit,
  type CreditVerdict,
} from "./credit";
