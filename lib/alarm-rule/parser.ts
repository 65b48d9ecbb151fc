/**
 * Recursive-descent parser of CloudWatch composite-alarm rules (`AlarmRule`).
 *
 * The grammar, reconstructed from
 * - the PutCompositeAlarm API reference, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 *   (functions ALARM, OK, INSUFFICIENT_DATA, TRUE, FALSE; operators AND, OR, NOT; parentheses; names or ARNs,
 *   "surrounded with double-quotes (\"), but do not have to be"; at most 100 child alarms and 500 elements,
 *   "Elements are child alarms, TRUE or FALSE statements, and parentheses"; AlarmRule length 1 to 10240),
 * - the user guide, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 *   ("A pair of parentheses counts as one element"; "A rule expression must contain at least one child alarm or at
 *   least one TRUE statement or FALSE statement"; the console's multi-line example) and
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-combining.html,
 * - for AT_LEAST (added November 2025, https://aws.amazon.com/about-aws/whats-new/2025/11/amazon-cloudwatch-composite-alarms-threshold-based/):
 *   the form `AT_LEAST(threshold, state, (alarm, ...))` with a count or a percentage and a state that may be
 *   preceded by NOT, as AWS's own CDK writes it (AtLeastOptions,
 *   https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AtLeastOptions.html):
 *
 * ```
 * rule      := blank* expression blank*
 * expression:= item ( ("AND" | "OR") item )*
 * item      := "NOT"* primary
 * primary   := "(" expression ")" | "TRUE" | "FALSE"
 *            | state "(" reference ")"
 *            | "AT_LEAST" "(" threshold "," "NOT"? state "," "(" reference ("," reference)* ")" ")"
 * state     := "ALARM" | "OK" | "INSUFFICIENT_DATA"
 * threshold := digits | digits "%"
 * reference := '"' any character but '"' (a backslash keeps the next one) '"'
 *            | one or more characters other than blanks and ( ) " ,
 * ```
 *
 * Precedence. The documentation gives no precedence for AND against OR, nor the reach of NOT: every example either
 * uses one operator or parenthesises (`(ALARM(a) OR ALARM(b)) AND OK(c)`), and NOT appears only before the last
 * operand (`ALARM(a) AND NOT ALARM(b)`). So a run whose meaning depends on precedence (both AND and OR at one
 * level, or NOT before an operand that is not the last) is kept as an `OperatorSequence` node, and readings.ts
 * gives every tree it could mean; the analysis answers "yes" or "no" only when all of them agree.
 *
 * Keywords are read without regard to case: the API reference itself writes the constant as `false` and the user
 * guide as `False` ("change the AlarmRule of one of the alarms to False"). A rule AWS would reject for case alone
 * then fails at deployment, which cannot hide a problem from the user.
 *
 * Limits are checked as lower bounds, so that no rule AWS accepts is rejected here: elements count each alarm
 * reference, each TRUE/FALSE and each pair of grouping parentheses, but not the parentheses of a function call
 * (whether AWS counts those is not documented); child alarms count distinct alarm names, an ARN counting as the
 * name it ends with.
 *
 * `parseAlarmRule` never throws. Internally a failure unwinds through a private exception that is caught here.
 */
import type {
  AlarmReference,
  AlarmRuleError,
  AlarmRuleParseResult,
  AlarmState,
  AtLeastFunction,
  AtLeastThreshold,
  BinaryOperator,
  RuleExpression,
  SequenceItem,
  Span,
  StateFunction,
} from "./ast";
import { applyNegations, joinOperands } from "./build";
import { canonicalAlarmName } from "./references";
import {
  type ScanProblem,
  type WordToken,
  describeAt,
  scanBareReference,
  scanQuoted,
  scanWord,
  skipBlanks,
} from "./scanner";

/** The longest rule AWS accepts, in characters (PutCompositeAlarm: "Maximum length of 10240"). */
export const MAX_RULE_LENGTH = 10240;
/** "The AlarmRule can specify as many as 100 \"children\" alarms" (PutCompositeAlarm). */
export const MAX_CHILD_ALARMS = 100;
/** "The AlarmRule expression can have as many as 500 elements" (PutCompositeAlarm). */
export const MAX_ELEMENTS = 500;

/** Every error message starts with this. */
export const ERROR_PREFIX = "Invalid alarm rule";

const STATES: Readonly<Record<string, AlarmState>> = {
  ALARM: "ALARM",
  OK: "OK",
  INSUFFICIENT_DATA: "INSUFFICIENT_DATA",
};

const LANGUAGE_HINT =
  "a rule combines ALARM(name), OK(name), INSUFFICIENT_DATA(name), AT_LEAST(...), TRUE and FALSE with AND, OR, NOT " +
  "and parentheses";

/** Carries a problem from where it is found to the parser's entry point, which turns it into a result. */
class ParseFailure extends Error {
  constructor(readonly problem: ScanProblem) {
    super(problem.message);
  }
}

function fail(code: ScanProblem["code"], offset: number, message: string, hint?: string): never {
  throw new ParseFailure({ code, offset, message, hint });
}

/** Builds the public error: `Invalid alarm rule at column N: what (hint: how)`. */
export function toAlarmRuleError(problem: ScanProblem): AlarmRuleError {
  const column = problem.offset + 1;
  const hint = problem.hint ? ` (hint: ${problem.hint})` : "";
  return {
    code: problem.code,
    message: `${ERROR_PREFIX} at column ${column}: ${problem.message}${hint}`,
    offset: problem.offset,
    column,
  };
}

/** Parses a rule into its tree. Never throws: a rule AWS would reject gives `{ ok: false, error }`. */
export function parseAlarmRule(text: string): AlarmRuleParseResult {
  try {
    return { ok: true, rule: new RuleParser(String(text)).parse() };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: toAlarmRuleError(err.problem) };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: toAlarmRuleError({
        code: "internal-error",
        offset: 0,
        message: `the parser failed unexpectedly (${detail})`,
      }),
    };
  }
}

interface Parsed<T> {
  readonly node: T;
  /** Offset just past the node (past its closing parenthesis when parenthesised). */
  readonly end: number;
}

class RuleParser {
  private elements = 0;
  private readonly alarmNames = new Set<string>();

  constructor(private readonly text: string) {}

  parse(): RuleExpression {
    const text = this.text;
    checkLength(text);
    const start = skipBlanks(text, 0);
    if (start >= text.length) {
      fail("empty-rule", 0, "the rule is empty", "a rule needs at least one alarm function, TRUE or FALSE");
    }
    const parsed = this.parseExpression(start);
    const end = skipBlanks(text, parsed.end);
    if (end < text.length) {
      if (text[end] === ")") fail("unbalanced-parenthesis", end, "this ) has no matching (");
      this.failAfterOperand(end);
    }
    return parsed.node;
  }

  private parseExpression(pos: number): Parsed<RuleExpression> {
    const items: SequenceItem[] = [];
    const operators: BinaryOperator[] = [];
    let p = pos;
    for (;;) {
      const item = this.parseItem(p);
      items.push(item.node);
      const next = skipBlanks(this.text, item.end);
      const word = scanWord(this.text, next);
      if (word.upper !== "AND" && word.upper !== "OR")
        return { node: buildExpression(items, operators), end: item.end };
      operators.push(word.upper);
      p = word.end;
    }
  }

  private parseItem(pos: number): Parsed<SequenceItem> {
    const negations: Span[] = [];
    let p = skipBlanks(this.text, pos);
    for (;;) {
      const word = scanWord(this.text, p);
      if (word.upper !== "NOT") break;
      negations.push({ start: word.start, end: word.end });
      p = skipBlanks(this.text, word.end);
    }
    const primary = this.parsePrimary(p, negations.length > 0);
    return { node: { negations, operand: primary.node }, end: primary.end };
  }

  private parsePrimary(pos: number, afterNot: boolean): Parsed<RuleExpression> {
    const text = this.text;
    const ch = text[pos];
    const missing = afterNot ? "NOT must be followed by an operand" : "an operand is missing";
    if (pos >= text.length) fail("expected-operand", pos, `${missing}: the rule ends here`, LANGUAGE_HINT);
    if (ch === "(") return this.parseGroup(pos);
    if (ch === ")") fail("expected-operand", pos, `${missing}: found )`, LANGUAGE_HINT);
    if (ch === '"') {
      fail("expected-operand", pos, "an alarm name must stand inside a function", 'write ALARM("name") or OK("name")');
    }
    const word = scanWord(text, pos);
    if (word.end === pos) failUnexpectedCharacter(text, pos);
    const state = STATES[word.upper];
    if (state) return this.parseStateFunction(word, state);
    switch (word.upper) {
      case "TRUE":
      case "FALSE":
        this.countElement(pos);
        return {
          node: { kind: "constant", value: word.upper === "TRUE", span: { start: pos, end: word.end } },
          end: word.end,
        };
      case "AT_LEAST":
        return this.parseAtLeast(word);
      case "AND":
      case "OR":
        return fail("expected-operand", pos, `${missing} before ${word.text}`, LANGUAGE_HINT);
      default:
        fail(
          "unknown-word",
          pos,
          `${JSON.stringify(word.text)} is not a function or keyword of the rule language`,
          `${LANGUAGE_HINT}; to refer to an alarm write ALARM(${word.text})`,
        );
    }
  }

  private parseGroup(open: number): Parsed<RuleExpression> {
    this.countElement(open);
    const inner = this.parseExpression(open + 1);
    const close = skipBlanks(this.text, inner.end);
    // The group's node is its inner expression, its span widened to the parentheses, so that every node built on
    // it covers what was written.
    if (this.text[close] === ")")
      return { node: { ...inner.node, span: { start: open, end: close + 1 } }, end: close + 1 };
    if (close >= this.text.length) {
      fail("unbalanced-parenthesis", open, `the ( at column ${open + 1} is never closed`, "add the missing )");
    }
    this.failAfterOperand(close);
  }

  private parseStateFunction(word: WordToken, state: AlarmState): Parsed<StateFunction> {
    const open = this.expectOpen(word);
    const alarm = this.parseReference(skipBlanks(this.text, open + 1), word);
    const close = skipBlanks(this.text, alarm.span.end);
    if (this.text[close] !== ")") this.failInsideFunction(close, word, open, alarm);
    return { node: { kind: "state", state, alarm, span: { start: word.start, end: close + 1 } }, end: close + 1 };
  }

  private parseAtLeast(word: WordToken): Parsed<AtLeastFunction> {
    const text = this.text;
    const open = this.expectOpen(word);
    const threshold = this.parseThreshold(skipBlanks(text, open + 1));
    let p = this.expectComma(threshold.end, "after the AT_LEAST threshold");
    let stateWord = scanWord(text, p);
    const negated = stateWord.upper === "NOT";
    if (negated) stateWord = scanWord(text, skipBlanks(text, stateWord.end));
    const state = STATES[stateWord.upper];
    if (!state) {
      fail(
        "expected-state",
        stateWord.start,
        `expected ALARM, OK or INSUFFICIENT_DATA (optionally after NOT) but found ${describeAt(text, stateWord.start)}`,
        "write AT_LEAST(2, ALARM, (alarm1, alarm2, alarm3))",
      );
    }
    p = this.expectComma(stateWord.end, "after the AT_LEAST state");
    const list = this.parseAlarmList(p);
    const close = skipBlanks(text, list.end);
    if (text[close] !== ")") {
      fail(
        "expected-closing-parenthesis",
        close,
        `expected ) to close the AT_LEAST( at column ${open + 1} but found ${describeAt(text, close)}`,
      );
    }
    const node: AtLeastFunction = {
      kind: "atLeast",
      threshold: threshold.node,
      negated,
      state,
      alarms: list.node,
      span: { start: word.start, end: close + 1 },
    };
    return { node, end: close + 1 };
  }

  /**
   * A whole number of alarms (at least 1) or a percentage from 1% to 100%. The bounds are those of AWS's CDK
   * (`count must be between 1 and alarm length`, `percentage must be between 1 and 100`); a count above the number
   * of listed alarms is left to the evaluation (it can never be reached), as whether AWS rejects it is unknown.
   */
  private parseThreshold(pos: number): Parsed<AtLeastThreshold> {
    const word = scanWord(this.text, pos);
    if (!/^[0-9]+$/.test(word.text)) {
      fail(
        "invalid-threshold",
        pos,
        "AT_LEAST needs a threshold first, a whole number of alarms or a percentage, but found " +
          describeAt(this.text, pos),
        "write AT_LEAST(2, ALARM, (...)) or AT_LEAST(50%, ALARM, (...))",
      );
    }
    const value = Number(word.text);
    if (this.text[word.end] === "%") {
      if (value < 1 || value > 100) {
        fail("threshold-out-of-range", pos, `the percentage ${word.text}% is outside 1% to 100%`);
      }
      return { node: { kind: "percentage", value }, end: word.end + 1 };
    }
    if (value < 1) fail("threshold-out-of-range", pos, "the AT_LEAST count must be at least 1");
    return { node: { kind: "count", value }, end: word.end };
  }

  private parseAlarmList(pos: number): Parsed<AlarmReference[]> {
    const text = this.text;
    if (text[pos] !== "(") {
      fail(
        "expected-opening-parenthesis",
        pos,
        `expected ( to open the list of alarms but found ${describeAt(text, pos)}`,
        "write the alarms in parentheses: (alarm1, alarm2)",
      );
    }
    const first = skipBlanks(text, pos + 1);
    if (text[first] === ")") fail("empty-alarm-list", pos, "the list of alarms is empty");
    const alarms: AlarmReference[] = [];
    let p = first;
    for (;;) {
      const alarm = this.parseReference(p, undefined);
      alarms.push(alarm);
      const next = skipBlanks(text, alarm.span.end);
      if (text[next] === ")") return { node: alarms, end: next + 1 };
      if (text[next] !== ",") {
        const found = describeAt(text, next);
        const hint =
          next < text.length && alarm.quoted === false
            ? "put an alarm name that contains spaces in double quotes"
            : undefined;
        fail("expected-comma", next, `expected , or ) after the alarm name but found ${found}`, hint);
      }
      p = skipBlanks(text, next + 1);
    }
  }

  private parseReference(pos: number, fn: WordToken | undefined): AlarmReference {
    const text = this.text;
    const where = fn ? `${fn.upper}(` : "the list";
    if (text[pos] === '"') {
      const token = scanQuoted(text, pos);
      if (token.problem) throw new ParseFailure(token.problem);
      if (token.text.length === 0) fail("empty-reference", pos, `the alarm name "" in ${where} is empty`);
      const reference = { text: token.text, quoted: true, span: { start: pos, end: token.end } };
      this.countReference(reference);
      return reference;
    }
    const bare = scanBareReference(text, pos);
    if (bare.text.length === 0) {
      if (pos >= text.length) fail("expected-closing-parenthesis", pos, `the rule ends inside ${where}`);
      if (text[pos] === "(") {
        fail(
          "invalid-reference-character",
          pos,
          "an alarm name written without quotes cannot contain (",
          "put the name in double quotes",
        );
      }
      fail("empty-reference", pos, `an alarm name or ARN is missing in ${where}`, 'write ALARM("alarm-name")');
    }
    const reference = { text: bare.text, quoted: false, span: { start: bare.start, end: bare.end } };
    this.countReference(reference);
    return reference;
  }

  private expectOpen(word: WordToken): number {
    const open = skipBlanks(this.text, word.end);
    if (this.text[open] !== "(") {
      const example = word.upper === "AT_LEAST" ? "AT_LEAST(2, ALARM, (a, b, c))" : `${word.upper}("alarm-name")`;
      fail("expected-opening-parenthesis", open, `${word.upper} must be followed by (`, `write ${example}`);
    }
    return open;
  }

  private expectComma(pos: number, where: string): number {
    const p = skipBlanks(this.text, pos);
    if (this.text[p] !== ",") fail("expected-comma", p, `expected , ${where} but found ${describeAt(this.text, p)}`);
    return skipBlanks(this.text, p + 1);
  }

  private failInsideFunction(pos: number, fn: WordToken, open: number, alarm: AlarmReference): never {
    const text = this.text;
    if (pos >= text.length) {
      fail(
        "expected-closing-parenthesis",
        pos,
        `the ${fn.upper}( at column ${open + 1} is never closed`,
        "add the missing )",
      );
    }
    if (text[pos] === "(") {
      fail(
        "invalid-reference-character",
        pos,
        "an alarm name written without quotes cannot contain (",
        "put the name in double quotes",
      );
    }
    const hint =
      text[pos] === ","
        ? `${fn.upper} takes one alarm; join several with AND or OR, or use AT_LEAST`
        : alarm.quoted
          ? undefined
          : "put an alarm name that contains spaces in double quotes: " +
            `${fn.upper}("${nameUpTo(text, alarm.span.start)}")`;
    fail(
      "expected-closing-parenthesis",
      pos,
      `expected ) after the alarm name but found ${describeAt(text, pos)}`,
      hint,
    );
  }

  private failAfterOperand(pos: number): never {
    const text = this.text;
    const ch = text[pos];
    if (ch === "&" || ch === "|") {
      fail("expected-operator", pos, `${ch} is not an operator`, `write ${ch === "&" ? "AND" : "OR"}`);
    }
    fail("expected-operator", pos, `expected AND or OR between operands but found ${describeAt(text, pos)}`);
  }

  private countElement(offset: number): void {
    this.elements++;
    if (this.elements > MAX_ELEMENTS) {
      fail(
        "too-many-elements",
        offset,
        `this is element number ${this.elements}; AWS allows at most ${MAX_ELEMENTS}`,
        "elements are child alarms, TRUE, FALSE and pairs of parentheses; split the rule into nested composite alarms",
      );
    }
  }

  private countReference(reference: AlarmReference): void {
    this.countElement(reference.span.start);
    this.alarmNames.add(canonicalAlarmName(reference.text));
    if (this.alarmNames.size > MAX_CHILD_ALARMS) {
      fail(
        "too-many-alarms",
        reference.span.start,
        `this is child alarm number ${this.alarmNames.size}; AWS allows at most ${MAX_CHILD_ALARMS} in one rule`,
        "split the rule into nested composite alarms",
      );
    }
  }
}

/** The text from `start` up to the next `)` (or the end), for hints that quote a name containing spaces. */
function nameUpTo(text: string, start: number): string {
  const close = text.indexOf(")", start);
  return text.slice(start, close < 0 ? text.length : close).trim();
}

function checkLength(text: string): void {
  const chars = Array.from(text);
  if (chars.length <= MAX_RULE_LENGTH) return;
  const offset = chars.slice(0, MAX_RULE_LENGTH).join("").length;
  fail("too-long", offset, `the rule is ${chars.length} characters long; AWS accepts at most ${MAX_RULE_LENGTH}`);
}

function failUnexpectedCharacter(text: string, pos: number): never {
  const ch = text[pos];
  const hint = ch === "&" ? "write AND" : ch === "|" ? "write OR" : ch === "!" ? "write NOT" : LANGUAGE_HINT;
  fail("unexpected-character", pos, `unexpected character ${JSON.stringify(ch)}`, hint);
}

function buildExpression(items: readonly SequenceItem[], operators: readonly BinaryOperator[]): RuleExpression {
  const first = items[0];
  if (items.length === 1) return applyNegations(first);
  const mixed = operators.some((op) => op !== operators[0]);
  const notBeforeInner = items.slice(0, -1).some((item) => item.negations.length > 0);
  if (mixed || notBeforeInner) {
    const last = items[items.length - 1];
    const start = first.negations[0]?.start ?? first.operand.span.start;
    return { kind: "sequence", items, operators, span: { start, end: last.operand.span.end } };
  }
  return joinOperands(operators[0] === "AND" ? "and" : "or", items.map(applyNegations));
}
