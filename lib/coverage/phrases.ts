/**
 * A clause's own words for the calls it rejects, e.g. `calls whose userIdentity.type is not "IAMUser"`, `calls
 * without tlsDetails`, `calls where every tlsDetails.* is "TLSv1.0"`, `calls that have errorCode`: words that hold
 * for every missed call they are given. A condition holds when its test holds for any value its selector reaches,
 * and a comparison holds for no absent field, object or array, not even `!=` (lib/filter-pattern/evaluate.ts); so
 * the words come from what the selector reaches in each missed call: nothing (`calls without ...`), or values the
 * test rejects (`whose ... is "a"`). Used when no kind of call names the missed records exactly.
 */
import { getAtPath } from "../cloudtrail";
import type { JsonValue } from "../cloudtrail";
import type {
  ComparisonOperator,
  ConditionTest,
  JsonCondition,
  JsonExpression,
  NumberValue,
  RegexValue,
  StringValue,
} from "../filter-pattern/ast";
import { hasQuotedEscape, readWildcard, selectedNodes, wildcardMatcher } from "../filter-pattern/evaluate";
import type { EventJson } from "../filter-pattern/evaluate";
import { compileRegexSearch } from "../filter-pattern/regex";
import { selectorLabel, splitSelector } from "./clauses";

/** Words for a value a selector reaches (`is "a"`, `contains "b"`, `is at least 5`), and the values they are true of. */
interface ValueWords {
  readonly text: string;
  readonly holds: (value: EventJson) => boolean;
}

/**
 * What a test says of the values it rejects:
 * - "rejects": words true of each value it rejects (`is "a"` for `!= "a"`), and false of an absent field;
 * - "accepts": words true of each value it accepts (`is "a"` for `= "a"`), so that it rejects the values they are
 *   false of: `negation` says so of one value (`is not "a"`, true of an absent field too);
 * - "present": NOT EXISTS, which rejects whatever value the selector reaches;
 * - "none": no words for a value (`= *` rejects only an object or array; an infix `*` decides no value).
 */
type TestWords =
  | { readonly kind: "rejects"; readonly words: ValueWords }
  | { readonly kind: "accepts"; readonly words: ValueWords; readonly negation: string }
  | { readonly kind: "present" }
  | { readonly kind: "none" };

/**
 * The calls a condition, or an `||` of equalities on one selector, rejects, in words true of every one of `missed`;
 * undefined when there are no plain words, or none that hold for all of them.
 */
export function phraseOfExpression(node: JsonExpression, missed: readonly JsonValue[]): string | undefined {
  if (node.kind === "and") return undefined;
  const condition = node.kind === "condition" ? node : node.operands[0];
  const words = node.kind === "condition" ? testWords(node.test) : equalitiesWords(node.operands);
  if (words === undefined || condition.kind !== "condition") return undefined;
  return phraseOfMisses(condition, words, missed);
}

/**
 * The words true of every missed call, from what the condition's selector reaches in each:
 * - nothing in any: `calls without tlsDetails` (the container the selector walks into, when every call lacks it),
 *   `calls without tlsDetails.*` (else);
 * - NOT EXISTS: `calls that have errorCode`, when it reaches a value in every call;
 * - one value (a selector without a wildcard step): `calls whose x is "a"`, led by `calls without x or` when some
 *   calls lack it; a negation (`calls whose x is not "a"`) is true of those calls too;
 * - any number of values (a wildcard step): `calls where every x.* is "a"` (led the same way), or `calls where no x.*
 *   is "a"` (true of calls it reaches nothing in too).
 */
function phraseOfMisses(condition: JsonCondition, words: TestWords, missed: readonly JsonValue[]): string | undefined {
  const label = selectorLabel(condition);
  const reached = missed.map((record) => selectedNodes(record, condition.selector.steps));
  const reachedNothing = missed.filter((_record, index) => reached[index].length === 0);
  const values = reached.filter((nodes) => nodes.length > 0);
  const without = reachedNothing.length > 0 ? `calls without ${absentLabel(condition, reachedNothing)}` : undefined;
  if (words.kind === "present") return without === undefined && values.length > 0 ? `calls that have ${label}` : undefined;
  if (values.length === 0) return without;
  const several = reachesSeveral(condition);
  switch (words.kind) {
    case "none":
      return undefined;
    case "accepts":
      if (!values.every((nodes) => nodes.every((node) => !words.words.holds(node)))) return undefined;
      return several ? `calls where no ${label} ${words.words.text}` : `calls whose ${label} ${words.negation}`;
    case "rejects": {
      if (!values.every((nodes) => nodes.every(words.words.holds))) return undefined;
      const holding = `${several ? "where every" : "whose"} ${label} ${words.words.text}`;
      return without === undefined ? `calls ${holding}` : `${without} or ${holding}`;
    }
  }
}

/**
 * What calls a selector reaches nothing in lack: the container it walks into before its first index or wildcard
 * step (`tlsDetails` of `$.tlsDetails.*`) when none of them has it, else what the selector names.
 */
function absentLabel(condition: JsonCondition, records: readonly JsonValue[]): string {
  const split = splitSelector(condition);
  const container = split?.container ?? [];
  const lackContainer = container.length > 0 && records.every((record) => getAtPath(record, container) === undefined);
  return lackContainer ? container.join(".") : selectorLabel(condition);
}

/** Whether a selector has a wildcard step (`.*`, `[*]`), so that it may reach several values. */
function reachesSeveral(condition: JsonCondition): boolean {
  return condition.selector.steps.some((step) => step.kind === "anyKey" || step.kind === "anyIndex");
}

/** What a condition's test says of the values it rejects; undefined when it has no words (`!= *`). */
function testWords(test: ConditionTest): TestWords | undefined {
  switch (test.kind) {
    case "notExists":
      return { kind: "present" };
    case "isNull":
      return accepting("is null", "is not null", (value) => value === null);
    case "isTrue":
      return accepting("is true", "is not true", (value) => value === true);
    case "isFalse":
      return accepting("is false", "is not false", (value) => value === false);
    case "compare":
      switch (test.value.kind) {
        case "number":
          return numberWords(test.operator, test.value);
        case "regex":
          return regexWords(test.operator, test.value);
        case "string":
          return textWords(test.operator, test.value);
      }
  }
}

function accepting(text: string, negation: string, holds: (value: EventJson) => boolean): TestWords {
  return { kind: "accepts", words: { text, holds }, negation };
}

function rejecting(text: string, holds: (value: EventJson) => boolean): TestWords {
  return { kind: "rejects", words: { text, holds } };
}

/** `$.x <operator> 5`: `= 5` accepts "is 5"; the others reject numbers (`< 5` rejects "is at least 5"). */
function numberWords(operator: ComparisonOperator, value: NumberValue): TestWords {
  const target = value.value;
  const isNumber = (node: EventJson): node is number => typeof node === "number";
  switch (operator) {
    case "=":
      return accepting(`is ${value.text}`, `is not ${value.text}`, (node) => isNumber(node) && node === target);
    case "!=":
      return rejecting(`is ${value.text}`, (node) => isNumber(node) && node === target);
    case "<":
      return rejecting(`is at least ${value.text}`, (node) => isNumber(node) && node >= target);
    case "<=":
      return rejecting(`is above ${value.text}`, (node) => isNumber(node) && node > target);
    case ">":
      return rejecting(`is at most ${value.text}`, (node) => isNumber(node) && node <= target);
    case ">=":
      return rejecting(`is below ${value.text}`, (node) => isNumber(node) && node < target);
  }
}

/** `= %re%` accepts the strings it matches; `!= %re%` rejects them. */
function regexWords(operator: ComparisonOperator, value: RegexValue): TestWords | undefined {
  const search = compileRegexSearch(value.source);
  const text = `matches %${value.source}%`;
  const holds = (node: EventJson): boolean => typeof node === "string" && search(node);
  if (operator === "=") return accepting(text, `does not match %${value.source}%`, holds);
  return operator === "!=" ? rejecting(text, holds) : undefined;
}

/**
 * `= "a"`, `= "*a*"`, `= "a*"`, `= "*a"` accept the strings they match ("is", "contains", "starts with", "ends
 * with"); `!=` rejects them. `= *` rejects no value but an object or array; `!= *` rejects everything (no words).
 */
function textWords(operator: ComparisonOperator, value: StringValue): TestWords | undefined {
  if (operator !== "=" && operator !== "!=") return undefined;
  const wildcard = readWildcard(value.text);
  if (wildcard.kind === "any") return operator === "=" ? { kind: "none" } : undefined;
  // An infix `*` or a backslash in quotes leaves every value undecided (lib/filter-pattern/evaluate.ts).
  if (wildcard.kind === "infix" || hasQuotedEscape(value)) return { kind: "none" };
  const quoted = JSON.stringify(wildcard.text);
  const [text, negation] = {
    exact: [`is ${quoted}`, `is not ${quoted}`],
    contains: [`contains ${quoted}`, `does not contain ${quoted}`],
    prefix: [`starts with ${quoted}`, `does not start with ${quoted}`],
    suffix: [`ends with ${quoted}`, `does not end with ${quoted}`],
  }[wildcard.kind];
  // The strings the value matches, as the evaluator matches them.
  const matches = wildcardMatcher(wildcard);
  const holds = (node: EventJson): boolean => typeof node === "string" && matches(node);
  return operator === "=" ? accepting(text, negation, holds) : rejecting(text, holds);
}

/**
 * An `||` of `=` conditions on one selector, each with a number or a plain string: it accepts the values they name
 * (`is "A" or "B"`, `is one of "A", "B", "C"`) and rejects the others (`is neither "A" nor "B"`, `is none of ...`).
 */
function equalitiesWords(operands: readonly JsonExpression[]): TestWords | undefined {
  const values: (string | number)[] = [];
  const shown: string[] = [];
  const labels = new Set<string>();
  for (const operand of operands) {
    if (operand.kind !== "condition" || operand.test.kind !== "compare" || operand.test.operator !== "=")
      return undefined;
    const value = operand.test.value;
    if (value.kind === "regex") return undefined;
    if (value.kind === "string" && (readWildcard(value.text).kind !== "exact" || hasQuotedEscape(value)))
      return undefined;
    values.push(value.kind === "string" ? value.text : value.value);
    shown.push(value.kind === "string" ? JSON.stringify(value.text) : value.text);
    labels.add(selectorLabel(operand));
  }
  if (labels.size !== 1) return undefined;
  const two = shown.length === 2;
  return accepting(
    two ? `is ${shown[0]} or ${shown[1]}` : `is one of ${shown.join(", ")}`,
    two ? `is neither ${shown[0]} nor ${shown[1]}` : `is none of ${shown.join(", ")}`,
    (node) => (typeof node === "string" || typeof node === "number") && values.includes(node),
  );
}
