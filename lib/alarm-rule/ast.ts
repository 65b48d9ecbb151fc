/**
 * The tree of a CloudWatch composite-alarm rule, the `AlarmRule` of PutCompositeAlarm
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html).
 *
 * Every node carries `span`: offsets into the rule text, `start` inclusive and `end` exclusive. Parentheses are not
 * nodes: nesting records them, and a parenthesised node's span includes its parentheses. One node kind, `sequence`, records a run of operands whose meaning depends on an
 * operator precedence AWS does not document (see parser.ts); readings.ts turns it into the trees it could mean.
 * This module knows nothing about Pulumi.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The three states every CloudWatch alarm is in exactly one of. */
export type AlarmState = "ALARM" | "OK" | "INSUFFICIENT_DATA";

export const ALARM_STATES: readonly AlarmState[] = ["ALARM", "OK", "INSUFFICIENT_DATA"];

/** An alarm name or ARN as written inside a function, quotes removed (a backslash escape is kept as written). */
export interface AlarmReference {
  readonly text: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export type RuleExpression =
  StateFunction | BooleanConstant | AtLeastFunction | NotExpression | AndExpression | OrExpression | OperatorSequence;

/** `ALARM(name)`, `OK(name)`, `INSUFFICIENT_DATA(name)`: true when the alarm is in that state. */
export interface StateFunction {
  readonly kind: "state";
  readonly state: AlarmState;
  readonly alarm: AlarmReference;
  readonly span: Span;
}

/** `TRUE` or `FALSE`. */
export interface BooleanConstant {
  readonly kind: "constant";
  readonly value: boolean;
  readonly span: Span;
}

export type AtLeastThreshold =
  { readonly kind: "count"; readonly value: number } | { readonly kind: "percentage"; readonly value: number };

/**
 * `AT_LEAST(threshold, [NOT] STATE, (alarm, alarm, ...))`: true when at least `threshold` (a count, or a percentage
 * of the listed alarms) of the listed alarms are (with NOT: are not) in STATE.
 */
export interface AtLeastFunction {
  readonly kind: "atLeast";
  readonly threshold: AtLeastThreshold;
  readonly negated: boolean;
  readonly state: AlarmState;
  readonly alarms: readonly AlarmReference[];
  readonly span: Span;
}

export interface NotExpression {
  readonly kind: "not";
  readonly operand: RuleExpression;
  readonly span: Span;
}

export interface AndExpression {
  readonly kind: "and";
  /** Two or more operands, none of them an `and`. */
  readonly operands: readonly RuleExpression[];
  readonly span: Span;
}

export interface OrExpression {
  readonly kind: "or";
  /** Two or more operands, none of them an `or`. */
  readonly operands: readonly RuleExpression[];
  readonly span: Span;
}

export type BinaryOperator = "AND" | "OR";

/** One operand of a sequence, with the `NOT` keywords written before it. */
export interface SequenceItem {
  /** The span of each `NOT` written before the operand, in order. */
  readonly negations: readonly Span[];
  readonly operand: RuleExpression;
}

/**
 * Operands joined by AND and OR at one parenthesis level, kept as written because their meaning depends on a
 * precedence AWS does not document: both AND and OR appear (`a OR b AND c`), or a `NOT` stands before an operand
 * that is not the last (`NOT a AND b`: `(NOT a) AND b` or `NOT (a AND b)`).
 */
export interface OperatorSequence {
  readonly kind: "sequence";
  /** Two or more items. */
  readonly items: readonly SequenceItem[];
  /** `items.length - 1` operators; `operators[i]` stands between `items[i]` and `items[i + 1]`. */
  readonly operators: readonly BinaryOperator[];
  readonly span: Span;
}

/** Every way a rule can be one AWS rejects at PutCompositeAlarm time, as far as this parser can tell. */
export type AlarmRuleErrorCode =
  | "empty-rule"
  | "too-long"
  | "too-many-alarms"
  | "too-many-elements"
  | "unterminated-string"
  | "empty-reference"
  | "invalid-reference-character"
  | "expected-operand"
  | "expected-operator"
  | "expected-opening-parenthesis"
  | "expected-closing-parenthesis"
  | "unbalanced-parenthesis"
  | "unknown-word"
  | "unexpected-character"
  | "invalid-threshold"
  | "threshold-out-of-range"
  | "expected-comma"
  | "expected-state"
  | "empty-alarm-list"
  | "internal-error";

/** Why a rule is one that AWS rejects (or that this parser cannot read). */
export interface AlarmRuleError {
  readonly code: AlarmRuleErrorCode;
  /** `Invalid alarm rule at column N: what is wrong (hint: what to do)`. */
  readonly message: string;
  /** Offset into the rule text where the problem starts (0-based). */
  readonly offset: number;
  /** 1-based column of `offset` (a line break counts as one character, as the rule is one string to AWS). */
  readonly column: number;
}

export type AlarmRuleParseResult =
  { readonly ok: true; readonly rule: RuleExpression } | { readonly ok: false; readonly error: AlarmRuleError };
