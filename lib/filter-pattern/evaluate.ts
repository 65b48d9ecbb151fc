/**
 * Evaluates a pattern tree against one log-event message (reference §1.3–§1.6), in three-valued logic: a
 * result that depends on a rule AWS neither documents nor was observed to follow is "indeterminate", with a
 * reason from `INDETERMINATE_REASONS`, instead of a guess.
 */
import type {
  ConditionTest,
  DelimitedExpression,
  DelimitedField,
  DelimitedPattern,
  FilterPattern,
  JsonExpression,
  MatchOutcome,
  NumberValue,
  RegexValue,
  SelectorStep,
  StringValue,
  Term,
  TermPattern,
  Value,
} from "./ast";
import { regexSearch } from "./regex";
import { isNumberLiteral } from "./scanner";

/** Every reason an evaluation can be indeterminate, each naming the undocumented rule it depends on. */
export const INDETERMINATE_REASONS = {
  infixWildcard:
    "the value has a * in the middle; old AWS docs say such a * is literal, current docs do not say, so whether it is a wildcard is unknown",
  quotedEscape: "the quoted value contains a backslash; AWS does not document escapes inside quoted strings",
  quotedNumberVsNumber:
    "depends on whether a quoted number compares as text or as a number, which AWS does not document",
  textVsNumber: "compares text with a JSON number, which AWS does not document",
  wildcardVsNumber: "matches a * wildcard against a JSON number, which AWS documents only for space-delimited patterns",
  textVsBoolean: "compares text with a JSON boolean, which AWS does not document",
  notEqualVsNumberOrBoolean: "applies != with text to a JSON number or boolean, which AWS does not document",
  existsVsNull: "applies = * to a JSON null; AWS does not document whether a null field counts as existing",
  notEqualVsNull: "applies != to a JSON null, which AWS does not document",
  regexVsNonString: "applies a %regex% to a JSON number, boolean or null, which AWS does not document",
  numberVsString: "compares a number with a JSON string; AWS does not document whether numeric strings count as numbers",
  exclusionOnly:
    "the term pattern has only - exclusions; AWS does not document whether such a pattern is valid or what it matches",
  delimitedFieldCount:
    "the message has a different number of fields from the pattern, which has no ...; AWS does not document how the counts must agree",
  delimitedManyEllipses: "the pattern has more than one ...; AWS documents a single ... only",
  delimitedSpacing:
    "the message has leading, trailing or repeated spaces, or text glued to a quoted or bracketed field; AWS does not document how such a message splits",
} as const;

export type IndeterminateReasonKey = keyof typeof INDETERMINATE_REASONS;

/** A three-valued truth: true, false, or unknown with the reason. */
type Truth = boolean | Unknown;

interface Unknown {
  readonly unknown: string;
}

function unknown(key: IndeterminateReasonKey): Unknown {
  return { unknown: INDETERMINATE_REASONS[key] };
}

function isUnknown(truth: Truth): truth is Unknown {
  return typeof truth === "object";
}

/** Kleene AND: false wins, then unknown (the first), then true. */
function allOf(truths: Iterable<Truth>): Truth {
  let pending: Unknown | undefined;
  for (const truth of truths) {
    if (truth === false) return false;
    if (isUnknown(truth)) pending ??= truth;
  }
  return pending ?? true;
}

/** Kleene OR: true wins, then unknown (the first), then false. */
function anyOf(truths: Iterable<Truth>): Truth {
  let pending: Unknown | undefined;
  for (const truth of truths) {
    if (truth === true) return true;
    if (isUnknown(truth)) pending ??= truth;
  }
  return pending ?? false;
}

function not(truth: Truth): Truth {
  return isUnknown(truth) ? truth : !truth;
}

function toOutcome(truth: Truth, extractedValues?: Readonly<Record<string, string>>): MatchOutcome {
  if (isUnknown(truth)) return { outcome: "indeterminate", reason: truth.unknown };
  if (!truth) return { outcome: "noMatch" };
  return extractedValues ? { outcome: "match", extractedValues } : { outcome: "match" };
}

/** Evaluates a parsed pattern against one log-event message. Never throws. */
export function evaluatePattern(pattern: FilterPattern, message: string): MatchOutcome {
  switch (pattern.kind) {
    case "matchAll":
      return { outcome: "match" };
    case "terms":
      return toOutcome(evaluateTerms(pattern, message));
    case "regex":
      return toOutcome(regexSearch(pattern.regex.source, message));
    case "json":
      return evaluateJson(pattern.expression, message);
    case "delimited":
      return evaluateDelimited(pattern, message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Terms (reference §1.3): case-sensitive substrings; all-optional is OR; mixed optional terms are ignored.

function evaluateTerms(pattern: TermPattern, message: string): Truth {
  const required = pattern.terms.filter((term) => term.modifier === "required");
  const excluded = pattern.terms.filter((term) => term.modifier === "excluded");
  const optional = pattern.terms.filter((term) => term.modifier === "optional");
  if (required.length === 0 && excluded.length === 0) return anyOf(optional.map((term) => termOccurs(term, message)));
  const verdict = allOf([
    ...required.map((term) => termOccurs(term, message)),
    ...excluded.map((term) => not(termOccurs(term, message))),
  ]);
  if (required.length === 0 && verdict !== false) return unknown("exclusionOnly");
  return verdict;
}

function termOccurs(term: Term, message: string): Truth {
  if (term.quoted && term.text.includes("\\")) return unknown("quotedEscape");
  return message.includes(term.text);
}

// ---------------------------------------------------------------------------------------------------------------
// JSON patterns (reference §1.5)

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const NOT_JSON = Symbol("not JSON");
const parsedMessages = new Map<string, Json | typeof NOT_JSON>();
const PARSED_CACHE_LIMIT = 256;

/** Parses a message as JSON once; the coverage judgment evaluates many patterns against the same events. */
function parseMessage(message: string): Json | typeof NOT_JSON {
  const cached = parsedMessages.get(message);
  if (cached !== undefined) return cached;
  let parsed: Json | typeof NOT_JSON;
  try {
    parsed = JSON.parse(message) as Json;
  } catch {
    parsed = NOT_JSON;
  }
  if (parsedMessages.size >= PARSED_CACHE_LIMIT) parsedMessages.clear();
  parsedMessages.set(message, parsed);
  return parsed;
}

function evaluateJson(expression: JsonExpression, message: string): MatchOutcome {
  const root = parseMessage(message);
  if (root === NOT_JSON) return { outcome: "noMatch" };
  return toOutcome(evaluateExpression(expression, root));
}

function evaluateExpression(expression: JsonExpression, root: Json): Truth {
  switch (expression.kind) {
    case "or":
      return anyOf(expression.operands.map((operand) => evaluateExpression(operand, root)));
    case "and":
      return allOf(expression.operands.map((operand) => evaluateExpression(operand, root)));
    case "condition": {
      const nodes = resolveSelector(root, expression.selector.steps);
      // A wildcard selector holds when any node it reaches does; reaching none is "absent".
      if (nodes.length === 0) return testNode(expression.test, ABSENT);
      return anyOf(nodes.map((node) => testNode(expression.test, node)));
    }
  }
}

const ABSENT = Symbol("absent");
type Node = Json | typeof ABSENT;

function isContainer(node: Node): node is readonly Json[] | { readonly [key: string]: Json } {
  return typeof node === "object" && node !== null;
}

/** Walks the message step by step; a missing key, index out of range or step into a scalar reaches nothing. */
function resolveSelector(root: Json, steps: readonly SelectorStep[]): Json[] {
  let current: Json[] = [root];
  for (const step of steps) {
    const next: Json[] = [];
    for (const node of current) next.push(...applyStep(node, step));
    current = next;
  }
  return current;
}

function applyStep(node: Json, step: SelectorStep): Json[] {
  if (!isContainer(node)) return [];
  const isArray = Array.isArray(node);
  switch (step.kind) {
    case "key": {
      if (isArray || !Object.prototype.hasOwnProperty.call(node, step.name)) return [];
      return [(node as { readonly [key: string]: Json })[step.name] as Json];
    }
    case "index":
      return isArray && step.index < (node as readonly Json[]).length ? [(node as readonly Json[])[step.index] as Json] : [];
    case "anyIndex":
    case "anyKey":
      return isArray ? [...(node as readonly Json[])] : Object.values(node as { readonly [key: string]: Json });
  }
}

function testNode(test: ConditionTest, node: Node): Truth {
  switch (test.kind) {
    case "isNull":
      return node === null;
    case "isTrue":
      return node === true;
    case "isFalse":
      return node === false;
    case "notExists":
      return node === ABSENT;
    case "compare":
      return compareNode(test.operator, test.value, node);
  }
}

function compareNode(operator: string, value: Value, node: Node): Truth {
  // Absent fields, objects and arrays satisfy no comparison, not even != (reference §1.5.3).
  if (node === ABSENT || isContainer(node)) return false;
  switch (value.kind) {
    case "string":
      return compareText(operator, value, node);
    case "number":
      return compareNumber(operator, value, node);
    case "regex":
      return compareRegex(operator, value, node);
  }
}

/** `= text`, `= *X`, `= X*`, `= *X*`, `= *` and their `!=`. */
function compareText(operator: string, value: StringValue, node: Json): Truth {
  const wildcard = readWildcard(value.text);
  if (wildcard.kind === "infix") return unknown("infixWildcard");
  if (value.quoted && value.text.includes("\\")) return unknown("quotedEscape");
  const negate = operator === "!=";
  if (typeof node === "string") {
    const holds = matchesWildcard(wildcard, node);
    return negate ? !holds : holds;
  }
  if (node === null) {
    if (negate) return unknown("notEqualVsNull");
    return wildcard.kind === "any" ? unknown("existsVsNull") : false;
  }
  if (wildcard.kind === "any") return !negate; // a number or boolean exists
  if (negate) return unknown("notEqualVsNumberOrBoolean");
  if (typeof node === "boolean") return unknown("textVsBoolean");
  if (wildcard.kind !== "exact") return unknown("wildcardVsNumber");
  return unknown(value.quoted && isNumberLiteral(value.text) ? "quotedNumberVsNumber" : "textVsNumber");
}

function compareNumber(operator: string, value: NumberValue, node: Json): Truth {
  if (typeof node === "string") return unknown("numberVsString");
  if (typeof node !== "number") return false;
  switch (operator) {
    case "=":
      return node === value.value;
    case "!=":
      return node !== value.value;
    case "<":
      return node < value.value;
    case "<=":
      return node <= value.value;
    case ">":
      return node > value.value;
    default:
      return node >= value.value;
  }
}

function compareRegex(operator: string, value: RegexValue, node: Json): Truth {
  if (typeof node !== "string") return unknown("regexVsNonString");
  const found = regexSearch(value.source, node);
  return operator === "!=" ? !found : found;
}

// ---------------------------------------------------------------------------------------------------------------
// Wildcard values: a leading and/or trailing * (reference §1.5.3)

type Wildcard =
  | { readonly kind: "any" }
  | { readonly kind: "exact" | "prefix" | "suffix" | "contains"; readonly text: string }
  | { readonly kind: "infix" };

/** Reads the wildcards of a value: `*`, `X*`, `*X`, `*X*`, `X`; a `*` anywhere else is "infix". */
export function readWildcard(text: string): Wildcard {
  if (/^\*+$/.test(text)) return { kind: "any" };
  const leading = text.startsWith("*");
  const trailing = text.endsWith("*");
  const core = text.slice(leading ? 1 : 0, trailing ? text.length - 1 : text.length);
  if (core.includes("*")) return { kind: "infix" };
  if (leading && trailing) return { kind: "contains", text: core };
  if (leading) return { kind: "suffix", text: core };
  if (trailing) return { kind: "prefix", text: core };
  return { kind: "exact", text: core };
}

function matchesWildcard(wildcard: Wildcard, text: string): boolean {
  switch (wildcard.kind) {
    case "any":
      return true;
    case "exact":
      return text === wildcard.text;
    case "prefix":
      return text.startsWith(wildcard.text);
    case "suffix":
      return text.endsWith(wildcard.text);
    case "contains":
      return text.includes(wildcard.text);
    case "infix":
      return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Space-delimited patterns (reference §1.6)

/**
 * Splits a message on single spaces; text inside `[…]` or `"…"` is one field, extracted without its brackets
 * or quotes. Returns undefined when the spacing is such that AWS's splitting is not documented.
 */
export function splitDelimitedMessage(message: string): string[] | undefined {
  const fields: string[] = [];
  let pos = 0;
  if (message.length === 0) return [];
  for (;;) {
    const ch = message[pos];
    if (ch === undefined || ch === " ") return undefined; // leading, trailing or repeated space
    let end: number;
    if (ch === '"' || ch === "[") {
      const close = message.indexOf(ch === '"' ? '"' : "]", pos + 1);
      if (close < 0) return undefined;
      fields.push(message.slice(pos + 1, close));
      end = close + 1;
      if (end < message.length && message[end] !== " ") return undefined;
    } else {
      end = message.indexOf(" ", pos);
      if (end < 0) end = message.length;
      fields.push(message.slice(pos, end));
    }
    if (end >= message.length) return fields;
    pos = end + 1;
  }
}

function evaluateDelimited(pattern: DelimitedPattern, message: string): MatchOutcome {
  const values = splitDelimitedMessage(message);
  if (!values) return toOutcome(unknown("delimitedSpacing"));
  const alignment = alignFields(pattern.fields, values.length);
  if (alignment === "noMatch") return { outcome: "noMatch" };
  if (!Array.isArray(alignment)) return toOutcome(alignment as Unknown);
  const verdict = allOf(
    alignment.map((field, index) =>
      field && field.kind === "field" && field.condition ? testDelimited(field.condition, values[index] as string) : true,
    ),
  );
  if (verdict !== true) return toOutcome(verdict);
  return toOutcome(true, extractValues(alignment, values));
}

/** For each message field, the pattern field it falls under (undefined: covered by `...` or by `[]`). */
function alignFields(
  fields: readonly DelimitedField[],
  count: number,
): (DelimitedField | undefined)[] | Unknown | "noMatch" {
  const ellipses = fields.filter((field) => field.kind === "ellipsis").length;
  if (fields.length === 0) return new Array<undefined>(count).fill(undefined);
  if (ellipses > 1) return unknown("delimitedManyEllipses");
  if (ellipses === 0) return fields.length === count ? [...fields] : unknown("delimitedFieldCount");
  const at = fields.findIndex((field) => field.kind === "ellipsis");
  const before = fields.slice(0, at);
  const after = fields.slice(at + 1);
  if (count < before.length + after.length) return "noMatch";
  return [...before, ...new Array<undefined>(count - before.length - after.length).fill(undefined), ...after];
}

function extractValues(
  alignment: readonly (DelimitedField | undefined)[],
  values: readonly string[],
): Record<string, string> {
  const extracted: Record<string, string> = {};
  alignment.forEach((field, index) => {
    const name = field && field.kind === "field" && field.name !== undefined ? field.name : String(index + 1);
    extracted[`$${name}`] = values[index] as string;
  });
  return extracted;
}

function testDelimited(expression: DelimitedExpression, fieldValue: string): Truth {
  switch (expression.kind) {
    case "or":
      return anyOf(expression.operands.map((operand) => testDelimited(operand, fieldValue)));
    case "and":
      return allOf(expression.operands.map((operand) => testDelimited(operand, fieldValue)));
    case "compare":
      return compareField(expression.operator, expression.value, fieldValue);
  }
}

/** A field is text; numbers compare numerically when the field reads as a number. */
function compareField(operator: string, value: Value, fieldValue: string): Truth {
  const negate = operator === "!=";
  switch (value.kind) {
    case "regex": {
      const found = regexSearch(value.source, fieldValue);
      return negate ? !found : found;
    }
    case "string": {
      const wildcard = readWildcard(value.text);
      if (wildcard.kind === "infix") return unknown("infixWildcard");
      if (value.quoted && value.text.includes("\\")) return unknown("quotedEscape");
      const holds = matchesWildcard(wildcard, fieldValue);
      return negate ? !holds : holds;
    }
    case "number": {
      if (!isNumberLiteral(fieldValue)) return negate;
      return compareNumber(operator, value, Number(fieldValue));
    }
  }
}
