/**
 * Evaluates a pattern tree against one log-event message (AWS, "Filter pattern syntax"), in three-valued logic: a
 * result that depends on a rule AWS neither documents nor was observed to follow is "indeterminate", with a
 * reason from `INDETERMINATE_REASONS`, instead of a guess.
 *
 * A pattern is compiled once into closures (every wildcard read, regex compiled and selector classified ahead
 * of time), cached per tree in a WeakMap; evaluating is then a walk over plain functions. Operators stop at the
 * first deciding operand: the checks are pure, so that gives the same truth as evaluating every operand.
 */
import type {
  ComparisonOperator,
  ConditionTest,
  DelimitedExpression,
  DelimitedField,
  DelimitedPattern,
  FilterPattern,
  JsonExpression,
  JsonPattern,
  MatchOutcome,
  SelectorStep,
  StringValue,
  Term,
  TermPattern,
  Value,
} from "./ast";
import { type AlignedValue, compileAlignment } from "./delimited-fields";
import { compileRegexSearch } from "./regex";
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
  numberVsString:
    "compares a number with a JSON string; AWS does not document whether numeric strings count as numbers",
  exclusionOnly:
    "the term pattern has only - exclusions; AWS does not document whether such a pattern is valid or what it matches",
  delimitedFewerFields:
    "the message has fewer fields than the pattern (besides ...); AWS gives no such example and does not say whether it matches",
  delimitedManyEllipses: "the pattern has more than one ...; AWS documents a single ... only",
  delimitedSpacing:
    "the message has leading, trailing or repeated spaces, an unclosed quote or bracket, or text glued to a quoted or bracketed field; AWS does not document how such a message splits",
} as const;

export type IndeterminateReasonKey = keyof typeof INDETERMINATE_REASONS;

/** A three-valued truth: true, false, or unknown with the reason. */
type Truth = boolean | Unknown;

interface Unknown {
  readonly unknown: string;
}

/** One shared, frozen Unknown per reason, so that evaluating allocates none. */
const UNKNOWNS = Object.fromEntries(
  Object.entries(INDETERMINATE_REASONS).map(([key, reason]) => [key, Object.freeze({ unknown: reason })]),
) as Readonly<Record<IndeterminateReasonKey, Unknown>>;

function unknown(key: IndeterminateReasonKey): Unknown {
  return UNKNOWNS[key];
}

function isUnknown(truth: Truth): truth is Unknown {
  return typeof truth === "object";
}

/** A pure check of one input, compiled from part of a pattern. */
type Check<T> = (input: T) => Truth;

/** Kleene AND of checks: false wins, then the first unknown, then true. Stops at the first false. */
function allOf<T>(checks: readonly Check<T>[], input: T): Truth {
  let pending: Unknown | undefined;
  for (let i = 0; i < checks.length; i++) {
    const truth = checks[i](input);
    if (truth === false) return false;
    if (truth !== true) pending ??= truth;
  }
  return pending ?? true;
}

/** Kleene OR of checks: true wins, then the first unknown, then false. Stops at the first true. */
function anyOf<T>(checks: readonly Check<T>[], input: T): Truth {
  let pending: Unknown | undefined;
  for (let i = 0; i < checks.length; i++) {
    const truth = checks[i](input);
    if (truth === true) return true;
    if (truth !== false) pending ??= truth;
  }
  return pending ?? false;
}

function negated<T>(check: Check<T>): Check<T> {
  return (input) => {
    const truth = check(input);
    return isUnknown(truth) ? truth : !truth;
  };
}

const MATCH: MatchOutcome = Object.freeze({ outcome: "match" });
const NO_MATCH: MatchOutcome = Object.freeze({ outcome: "noMatch" });

function toOutcome(truth: Truth): MatchOutcome {
  if (isUnknown(truth)) return { outcome: "indeterminate", reason: truth.unknown };
  return truth ? MATCH : NO_MATCH;
}

// ---------------------------------------------------------------------------------------------------------------
// Public entry points

/** A JSON value, as a log-event message holds it once parsed. */
export type EventJson = null | boolean | number | string | readonly EventJson[] | { readonly [key: string]: EventJson };

/** A pattern compiled for repeated evaluation (see `compilePattern`). Both functions never throw. */
export interface CompiledPattern {
  /** The outcome against a message; a JSON pattern parses it (through a small cache of recent messages). */
  readonly evaluate: (message: string) => MatchOutcome;
  /**
   * The outcome against a message already parsed: `json` is its JSON value, or undefined when the message is
   * not JSON. JSON patterns read only `json`; the other kinds read only `message`.
   */
  readonly evaluateParsed: (message: string, json: EventJson | undefined) => MatchOutcome;
}

const compiledPatterns = new WeakMap<FilterPattern, CompiledPattern>();

/** Compiles a parsed pattern once (cached per tree): evaluate it many times without re-reading the tree. */
export function compilePattern(pattern: FilterPattern): CompiledPattern {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    compiled = buildCompiledPattern(pattern);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** Evaluates a parsed pattern against one log-event message. Never throws. */
export function evaluatePattern(pattern: FilterPattern, message: string): MatchOutcome {
  return compilePattern(pattern).evaluate(message);
}

/**
 * Evaluates a parsed pattern against a message whose JSON value is already known (`json` undefined: the message
 * is not JSON), so that callers evaluating many patterns on the same events parse each event once. Never throws.
 */
export function evaluatePatternOnJson(
  pattern: FilterPattern,
  message: string,
  json: EventJson | undefined,
): MatchOutcome {
  return compilePattern(pattern).evaluateParsed(message, json);
}

/** Evaluates a JSON pattern against a JSON value (a parsed message, or one built in memory). Never throws. */
export function evaluateJsonPattern(pattern: JsonPattern, json: EventJson): MatchOutcome {
  return compilePattern(pattern).evaluateParsed("", json);
}

/** Reads a message as JSON: its value, or undefined when it is not JSON. */
export function parseEventJson(message: string): EventJson | undefined {
  const parsed = parseMessage(message);
  return parsed === NOT_JSON ? undefined : parsed;
}

function buildCompiledPattern(pattern: FilterPattern): CompiledPattern {
  if (pattern.kind === "json") {
    const check = compileExpression(pattern.expression);
    const onJson = (json: EventJson | typeof NOT_JSON | undefined): MatchOutcome =>
      json === undefined || json === NOT_JSON ? NO_MATCH : toOutcome(check(json));
    return { evaluate: (message) => onJson(parseMessage(message)), evaluateParsed: (_message, json) => onJson(json) };
  }
  const onMessage = compileMessagePattern(pattern);
  return { evaluate: onMessage, evaluateParsed: (message) => onMessage(message) };
}

function compileMessagePattern(pattern: Exclude<FilterPattern, JsonPattern>): (message: string) => MatchOutcome {
  switch (pattern.kind) {
    case "matchAll":
      return () => MATCH;
    case "terms": {
      const check = compileTerms(pattern);
      return (message) => toOutcome(check(message));
    }
    case "regex": {
      const search = compileRegexSearch(pattern.regex.source);
      return (message) => (search(message) ? MATCH : NO_MATCH);
    }
    case "delimited":
      return compileDelimited(pattern);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Terms (AWS, "Filter pattern syntax", unstructured log events): case-sensitive substrings; all-optional is OR; mixed optional terms are ignored.

function compileTerms(pattern: TermPattern): Check<string> {
  const required = pattern.terms.filter((term) => term.modifier === "required");
  const excluded = pattern.terms.filter((term) => term.modifier === "excluded");
  const optional = pattern.terms.filter((term) => term.modifier === "optional");
  if (required.length === 0 && excluded.length === 0) {
    const checks = optional.map(compileTermOccurs);
    return (message) => anyOf(checks, message);
  }
  const checks = [...required.map(compileTermOccurs), ...excluded.map((term) => negated(compileTermOccurs(term)))];
  if (required.length > 0) return (message) => allOf(checks, message);
  return (message) => (allOf(checks, message) === false ? false : unknown("exclusionOnly"));
}

function compileTermOccurs(term: Term): Check<string> {
  if (term.quoted && term.text.includes("\\")) return () => unknown("quotedEscape");
  const text = term.text;
  return (message) => message.includes(text);
}

// ---------------------------------------------------------------------------------------------------------------
// JSON patterns (AWS, "Filter pattern syntax", JSON log events)

const NOT_JSON = Symbol("not JSON");
const parsedMessages = new Map<string, EventJson | typeof NOT_JSON>();
const PARSED_CACHE_LIMIT = 256;

/** Parses a message as JSON once; the coverage judgment evaluates many patterns against the same events. */
function parseMessage(message: string): EventJson | typeof NOT_JSON {
  const cached = parsedMessages.get(message);
  if (cached !== undefined) return cached;
  let parsed: EventJson | typeof NOT_JSON;
  try {
    parsed = JSON.parse(message) as EventJson;
  } catch {
    parsed = NOT_JSON;
  }
  if (parsedMessages.size >= PARSED_CACHE_LIMIT) parsedMessages.clear();
  parsedMessages.set(message, parsed);
  return parsed;
}

const compiledExpressions = new WeakMap<JsonExpression, Check<EventJson>>();

/** The check of a JSON expression, compiled once per tree node (blame re-evaluates sub-expressions). */
function compileExpression(expression: JsonExpression): Check<EventJson> {
  let check = compiledExpressions.get(expression);
  if (!check) {
    check = buildExpressionCheck(expression);
    compiledExpressions.set(expression, check);
  }
  return check;
}

function buildExpressionCheck(expression: JsonExpression): Check<EventJson> {
  switch (expression.kind) {
    case "or": {
      const checks = expression.operands.map(compileExpression);
      return (root) => anyOf(checks, root);
    }
    case "and": {
      const checks = expression.operands.map(compileExpression);
      return (root) => allOf(checks, root);
    }
    case "condition":
      return compileCondition(expression.selector.steps, compileTest(expression.test));
  }
}

const ABSENT = Symbol("absent");
type Node = EventJson | typeof ABSENT;
type PathStep = Extract<SelectorStep, { readonly kind: "key" | "index" }>;

function isContainer(node: Node): node is readonly EventJson[] | { readonly [key: string]: EventJson } {
  return typeof node === "object" && node !== null;
}

function isPathStep(step: SelectorStep): step is PathStep {
  return step.kind === "key" || step.kind === "index";
}

/**
 * A condition holds when the test holds for any node the selector reaches (in document order, the first
 * unknown kept); a selector that reaches none tests "absent". A selector without wildcards reaches at most one.
 */
function compileCondition(steps: readonly SelectorStep[], test: Check<Node>): Check<EventJson> {
  if (steps.every(isPathStep)) {
    const path = steps;
    return (root) => test(walkPath(root, path));
  }
  return (root) => testReachedNodes(root, steps, test);
}

/** Walks key and index steps; a missing key, index out of range or step into a scalar reaches nothing. */
function walkPath(root: EventJson, steps: readonly PathStep[]): Node {
  let node: Node = root;
  for (let i = 0; i < steps.length && node !== ABSENT; i++) node = applyPathStep(node, steps[i]);
  return node;
}

function applyPathStep(node: EventJson, step: PathStep): Node {
  if (!isContainer(node)) return ABSENT;
  if (Array.isArray(node)) {
    const list = node as readonly EventJson[];
    return step.kind === "index" && step.index < list.length ? list[step.index] : ABSENT;
  }
  if (step.kind !== "key" || !Object.prototype.hasOwnProperty.call(node, step.name)) return ABSENT;
  return (node as { readonly [key: string]: EventJson })[step.name];
}

/** The state of a search over the nodes a wildcard selector reaches. */
interface Reached {
  any: boolean;
  pending: Unknown | undefined;
}

function testReachedNodes(root: EventJson, steps: readonly SelectorStep[], test: Check<Node>): Truth {
  const reached: Reached = { any: false, pending: undefined };
  if (visitReached(root, steps, 0, test, reached)) return true;
  if (!reached.any) return test(ABSENT);
  return reached.pending ?? false;
}

/** Depth-first over the nodes the steps from `at` reach from `node`; true as soon as the test holds for one. */
function visitReached(
  node: EventJson,
  steps: readonly SelectorStep[],
  at: number,
  test: Check<Node>,
  reached: Reached,
): boolean {
  const step = steps[at];
  if (step === undefined) {
    reached.any = true;
    const truth = test(node);
    if (truth === true) return true;
    if (truth !== false) reached.pending ??= truth;
    return false;
  }
  if (isPathStep(step)) {
    const next = applyPathStep(node, step);
    return next !== ABSENT && visitReached(next, steps, at + 1, test, reached);
  }
  if (!isContainer(node)) return false;
  if (Array.isArray(node)) {
    for (const child of node as readonly EventJson[])
      if (visitReached(child, steps, at + 1, test, reached)) return true;
    return false;
  }
  // for…in over own keys visits the values in Object.values order, without allocating the array.
  const object = node as { readonly [key: string]: EventJson };
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
    if (visitReached(object[key], steps, at + 1, test, reached)) return true;
  }
  return false;
}

function compileTest(test: ConditionTest): Check<Node> {
  switch (test.kind) {
    case "isNull":
      return (node) => node === null;
    case "isTrue":
      return (node) => node === true;
    case "isFalse":
      return (node) => node === false;
    case "notExists":
      return (node) => node === ABSENT;
    case "compare": {
      const compare = compileScalarCompare(test.operator, test.value);
      // Absent fields, objects and arrays satisfy no comparison, not even != (AWS, "Filter pattern syntax", JSON log events).
      return (node) => (node === ABSENT || isContainer(node) ? false : compare(node));
    }
  }
}

/** A scalar: what a comparison meets once absent fields and containers are ruled out. */
type Scalar = string | number | boolean | null;

function compileScalarCompare(operator: ComparisonOperator, value: Value): Check<Scalar> {
  const negate = operator === "!=";
  switch (value.kind) {
    case "string":
      return compileTextCompare(negate, value);
    case "number": {
      const compare = numberComparison(operator, value.value);
      return (node) =>
        typeof node === "string" ? unknown("numberVsString") : typeof node === "number" && compare(node);
    }
    case "regex": {
      const search = compileRegexSearch(value.source);
      return (node) => (typeof node === "string" ? search(node) !== negate : unknown("regexVsNonString"));
    }
  }
}

/** `= text`, `= *X`, `= X*`, `= *X*`, `= *` and their `!=`; what non-strings give is decided once. */
function compileTextCompare(negate: boolean, value: StringValue): Check<Scalar> {
  const wildcard = readWildcard(value.text);
  const matcher = textMatcher(value, wildcard);
  if (typeof matcher !== "function") return () => matcher;
  const onNull = textVsNull(negate, wildcard);
  const onBoolean = textVsNumberOrBoolean(negate, wildcard, value, "boolean");
  const onNumber = textVsNumberOrBoolean(negate, wildcard, value, "number");
  return (node) => {
    if (typeof node === "string") return matcher(node) !== negate;
    if (node === null) return onNull;
    return typeof node === "boolean" ? onBoolean : onNumber;
  };
}

/** How a text value matches a string, or why it cannot be decided (infix `*`, backslash in quotes). */
function textMatcher(value: StringValue, wildcard: Wildcard): ((text: string) => boolean) | Unknown {
  if (wildcard.kind === "infix") return unknown("infixWildcard");
  if (hasQuotedEscape(value)) return unknown("quotedEscape");
  return wildcardMatcher(wildcard);
}

function textVsNull(negate: boolean, wildcard: Wildcard): Truth {
  if (negate) return unknown("notEqualVsNull");
  return wildcard.kind === "any" ? unknown("existsVsNull") : false;
}

function textVsNumberOrBoolean(
  negate: boolean,
  wildcard: Wildcard,
  value: StringValue,
  type: "number" | "boolean",
): Truth {
  if (wildcard.kind === "any") return !negate; // a number or boolean exists
  if (negate) return unknown("notEqualVsNumberOrBoolean");
  if (type === "boolean") return unknown("textVsBoolean");
  if (wildcard.kind !== "exact") return unknown("wildcardVsNumber");
  return unknown(value.quoted && isNumberLiteral(value.text) ? "quotedNumberVsNumber" : "textVsNumber");
}

function numberComparison(operator: ComparisonOperator, target: number): (node: number) => boolean {
  switch (operator) {
    case "=":
      return (node) => node === target;
    case "!=":
      return (node) => node !== target;
    case "<":
      return (node) => node < target;
    case "<=":
      return (node) => node <= target;
    case ">":
      return (node) => node > target;
    default:
      return (node) => node >= target;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Wildcard values: a leading and/or trailing * (AWS, "Filter pattern syntax", JSON log events)

type Wildcard =
  | { readonly kind: "any" }
  | { readonly kind: "exact" | "prefix" | "suffix" | "contains"; readonly text: string }
  | { readonly kind: "infix" };

/** A value's wildcards: `*` alone, `X*`, `*X`, `*X*`, `X`; any other `*` (`Cr*Trail`, `***`) is "infix". */
export function readWildcard(text: string): Wildcard {
  if (text === "*") return { kind: "any" };
  const leading = text.startsWith("*");
  const trailing = text.endsWith("*");
  const core = text.slice(leading ? 1 : 0, trailing ? text.length - 1 : text.length);
  if (core.includes("*")) return { kind: "infix" };
  if (leading && trailing) return { kind: "contains", text: core };
  if (leading) return { kind: "suffix", text: core };
  if (trailing) return { kind: "prefix", text: core };
  return { kind: "exact", text: core };
}

/** A wildcard whose match is decided: not an infix `*`, for which `textMatcher` answers first with the reason. */
export type DecidedWildcard = Exclude<Wildcard, { readonly kind: "infix" }>;
export function wildcardMatcher(wildcard: DecidedWildcard): (text: string) => boolean {
  switch (wildcard.kind) {
    case "any":
      return () => true;
    case "exact": {
      const core = wildcard.text;
      return (text) => text === core;
    }
    case "prefix": {
      const core = wildcard.text;
      return (text) => text.startsWith(core);
    }
    case "suffix": {
      const core = wildcard.text;
      return (text) => text.endsWith(core);
    }
    case "contains": {
      const core = wildcard.text;
      return (text) => text.includes(core);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Space-delimited patterns; which field takes which word is decided in delimited-fields.ts

/** The check of each field that has a condition, compiled once. */
type FieldChecks = ReadonlyMap<DelimitedField, Check<string>>;

function compileDelimited(pattern: DelimitedPattern): (message: string) => MatchOutcome {
  const align = compileAlignment(pattern.fields);
  const checks = new Map<DelimitedField, Check<string>>();
  for (const field of pattern.fields) {
    if (field.kind === "field" && field.condition) checks.set(field, compileDelimitedExpression(field.condition));
  }
  return (message) => {
    const aligned = align(message);
    if (typeof aligned === "string") return toOutcome(unknown(aligned));
    const verdict = alignedFieldsHold(aligned, checks);
    if (verdict !== true) return toOutcome(verdict);
    return { outcome: "match", extractedValues: extractValues(aligned) };
  };
}

/** Kleene AND of each aligned field's check on its value; fields without a condition hold. */
function alignedFieldsHold(aligned: readonly AlignedValue[], checks: FieldChecks): Truth {
  let pending: Unknown | undefined;
  for (const { field, value } of aligned) {
    const check = field && checks.get(field);
    if (!check) continue;
    const truth = check(value);
    if (truth === false) return false;
    if (truth !== true) pending ??= truth;
  }
  return pending ?? true;
}

/** Named fields come out as `$name`, the others (blank fields, `...`, `[]`) as `$position`. */
function extractValues(aligned: readonly AlignedValue[]): Record<string, string> {
  const extracted: Record<string, string> = {};
  for (const { field, position, value } of aligned) {
    const name = field && field.kind === "field" && field.name !== undefined ? field.name : String(position);
    extracted[`$${name}`] = value;
  }
  return extracted;
}

function compileDelimitedExpression(expression: DelimitedExpression): Check<string> {
  switch (expression.kind) {
    case "or": {
      const checks = expression.operands.map(compileDelimitedExpression);
      return (fieldValue) => anyOf(checks, fieldValue);
    }
    case "and": {
      const checks = expression.operands.map(compileDelimitedExpression);
      return (fieldValue) => allOf(checks, fieldValue);
    }
    case "compare":
      return compileFieldCompare(expression.operator, expression.value);
  }
}

/** A field is text; numbers compare numerically when the field reads as a number. */
function compileFieldCompare(operator: ComparisonOperator, value: Value): Check<string> {
  const negate = operator === "!=";
  switch (value.kind) {
    case "regex": {
      const search = compileRegexSearch(value.source);
      return (fieldValue) => search(fieldValue) !== negate;
    }
    case "string": {
      const matcher = textMatcher(value, readWildcard(value.text));
      if (typeof matcher !== "function") return () => matcher;
      return (fieldValue) => matcher(fieldValue) !== negate;
    }
    case "number": {
      const compare = numberComparison(operator, value.value);
      return (fieldValue) => (isNumberLiteral(fieldValue) ? compare(Number(fieldValue)) : negate);
    }
  }
}

/**
 * Every node a selector reaches in a JSON value, in document order: the nodes a condition tests (`compileCondition`);
 * empty where it reaches none (a missing key, an index out of range, a step into a scalar, a wildcard over a scalar
 * or an empty array or object).
 */
export function selectedNodes(root: EventJson, steps: readonly SelectorStep[]): EventJson[] {
  const nodes: EventJson[] = [];
  // The walk a condition's test takes (`visitReached`), with a test that collects each node and never holds.
  visitReached(
    root,
    steps,
    0,
    (node) => {
      if (node !== ABSENT) nodes.push(node);
      return false;
    },
    { any: false, pending: undefined },
  );
  return nodes;
}

/** A backslash in a quoted value: AWS does not document escapes inside quoted strings, so no value is decided with it. */
export function hasQuotedEscape(value: StringValue): boolean {
  return value.quoted && value.text.includes("\\");
}
