/**
 * Recursive-descent parser of CloudWatch Logs filter patterns (AWS, "Filter pattern syntax"; limits: PutMetricFilter).
 *
 * `parseFilterPattern` never throws: every pattern AWS would reject at PutMetricFilter time comes back as a
 * `PatternError` with a stable code, the column and a plain message. Internally a failure unwinds through a
 * private exception that is always caught here.
 */
import type {
  ComparisonOperator,
  ConditionTest,
  DelimitedExpression,
  DelimitedField,
  DelimitedPattern,
  FilterPattern,
  JsonCondition,
  JsonExpression,
  JsonPattern,
  ParseResult,
  PatternError,
  RegexValue,
  Selector,
  SelectorStep,
  Span,
  Term,
  TermModifier,
  TermPattern,
  Value,
} from "./ast";
import { validateRegex } from "./regex";
import {
  DELIMITED_VALUE_STOPS,
  JSON_VALUE_STOPS,
  type ScanProblem,
  isBlank,
  isDigit,
  isNumberLiteral,
  isWordChar,
  scanBare,
  scanConnective,
  scanLetters,
  scanName,
  scanOperator,
  scanQuoted,
  scanRegex,
  skipBlanks,
} from "./scanner";

/** The longest pattern AWS accepts, in characters (AWS, PutMetricFilter API reference). */
export const MAX_PATTERN_LENGTH = 1024;
/** At most this many `%regex%` values in one JSON or space-delimited pattern (AWS, "Filter pattern syntax", regular expressions). */
export const MAX_REGEXES_PER_PATTERN = 2;
/** At most this many wildcard steps (`[*]`, `.*`) in one selector, and in one pattern (AWS, "Filter pattern syntax", JSON log events). */
export const MAX_WILDCARDS_PER_SELECTOR = 1;
export const MAX_WILDCARDS_PER_PATTERN = 3;

/** Every message starts with this, as AWS's own PutMetricFilter error does. */
export const ERROR_PREFIX = "Invalid metric filter pattern";

/** Carries a problem from where it is found to the parser's entry point, which turns it into a result. */
class ParseFailure extends Error {
  constructor(readonly problem: ScanProblem) {
    super(problem.message);
  }
}

function fail(code: string, offset: number, message: string, hint?: string): never {
  throw new ParseFailure({ code, offset, message, hint });
}

function failWith(problem: ScanProblem): never {
  throw new ParseFailure(problem);
}

/** Builds the public error from a problem: `Invalid metric filter pattern at column N: what. Hint: …`. */
export function toPatternError(problem: ScanProblem): PatternError {
  const column = problem.offset + 1;
  const hint = problem.hint ? ` (hint: ${problem.hint})` : "";
  return {
    code: problem.code,
    message: `${ERROR_PREFIX} at column ${column}: ${problem.message}${hint}`,
    offset: problem.offset,
    column,
  };
}

/**
 * How a run of `&&` and `||` without parentheses groups: `&&` binding tighter (as in most languages, and how this
 * parser reads a pattern by default), `||` binding tighter, or strictly left to right. AWS's filter-pattern
 * documentation shows compound JSON conditions with parentheses and states no precedence between the two.
 */
export type AndOrReading = "and-first" | "or-first" | "left-to-right";

export interface ParseOptions {
  /** How `&&` and `||` group where parentheses do not say; default "and-first". */
  readonly andOr?: AndOrReading;
}

/**
 * Parses a filter pattern into its tree. Never throws: a pattern AWS would reject gives `{ ok: false, error }`.
 */
export function parseFilterPattern(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, pattern: parsePattern(String(text), options.andOr ?? "and-first") };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: toPatternError(err.problem) };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: toPatternError({
        code: "internal-error",
        offset: 0,
        message: `the parser failed unexpectedly (${detail})`,
      }),
    };
  }
}

function parsePattern(text: string, andOr: AndOrReading): FilterPattern {
  checkLength(text);
  const start = skipBlanks(text, 0);
  const whole: Span = { start: 0, end: text.length };
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === '""' || trimmed === '" "') return { kind: "matchAll", span: whole };
  switch (text[start]) {
    case "{":
      return new JsonParser(text, andOr).parse(start);
    case "[":
      return new DelimitedParser(text).parse(start);
    case "%":
      return parseStandaloneRegex(text, start);
    default:
      return parseTerms(text, start);
  }
}

function checkLength(text: string): void {
  const chars = Array.from(text);
  if (chars.length <= MAX_PATTERN_LENGTH) return;
  const offset = chars.slice(0, MAX_PATTERN_LENGTH).join("").length;
  fail(
    "too-long",
    offset,
    `the pattern is ${chars.length} characters long; AWS accepts at most ${MAX_PATTERN_LENGTH}`,
    "shorten the pattern, for example by using one regex or fewer alternatives",
  );
}

function expectEnd(text: string, pos: number, what: string): void {
  const p = skipBlanks(text, pos);
  if (p < text.length) {
    fail(
      "trailing-characters",
      p,
      `unexpected text after the end of the ${what}`,
      `the whole pattern must be one ${what}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Standalone regex and terms

function parseStandaloneRegex(text: string, start: number): FilterPattern {
  const regex = readRegexValue(text, start);
  expectEnd(text, regex.span.end, "regular expression %…%");
  return { kind: "regex", regex, span: regex.span };
}

function readRegexValue(text: string, start: number): RegexValue {
  const token = scanRegex(text, start);
  if (token.problem) failWith(token.problem);
  const problem = validateRegex(token.source, start + 1);
  if (problem) failWith(problem);
  return { kind: "regex", source: token.source, span: { start: token.start, end: token.end } };
}

function parseTerms(text: string, start: number): TermPattern {
  const terms: Term[] = [];
  let pos = start;
  while (pos < text.length) {
    const term = readTerm(text, pos);
    terms.push(term);
    pos = skipBlanks(text, term.span.end);
  }
  const first = terms[0];
  const last = terms[terms.length - 1];
  return { kind: "terms", terms, span: { start: first.span.start, end: last.span.end } };
}

function readTerm(text: string, start: number): Term {
  let pos = start;
  let modifier: TermModifier = "required";
  const mark = text[pos];
  if (mark === "-" || mark === "?") {
    modifier = mark === "-" ? "excluded" : "optional";
    pos++;
    // The old docs write `"ERROR" - "Exiting"`: a space may follow the minus.
    if (mark === "-") pos = skipBlanks(text, pos);
    const after = text[pos];
    if (after === "-" || after === "?") {
      fail(
        "conflicting-term-modifiers",
        pos,
        `a term may carry one of - and ? only, found ${mark}${after}`,
        "AWS does not document combining them; write the term once with a single modifier",
      );
    }
    if (pos >= text.length || isBlank(after)) {
      fail(
        "missing-term",
        start,
        `${mark} must be followed by a term`,
        mark === "-" ? 'write -term or -"phrase"' : "write ?term",
      );
    }
  }
  if (text[pos] === '"') {
    const token = scanQuoted(text, pos);
    if (token.problem) failWith(token.problem);
    const end = token.end;
    if (end < text.length && !isBlank(text[end])) {
      fail("term-not-separated", end, "terms must be separated by spaces", 'write "first" "second"');
    }
    return { kind: "term", text: token.text, quoted: true, modifier, span: { start, end } };
  }
  let end = pos;
  while (end < text.length && !isBlank(text[end])) {
    if (!isWordChar(text[end])) failUnquotedTerm(text, pos, end);
    end++;
  }
  return { kind: "term", text: text.slice(pos, end), quoted: false, modifier, span: { start, end } };
}

function failUnquotedTerm(text: string, termStart: number, offset: number): never {
  const ch = text[offset];
  let wordEnd = offset;
  while (wordEnd < text.length && !isBlank(text[wordEnd])) wordEnd++;
  const word = text.slice(termStart, wordEnd);
  const hint =
    ch === "$" || ch === "." || ch === "}"
      ? "a JSON pattern must start with { and end with }"
      : `put terms with characters other than letters, digits and _ in double quotes, e.g. "${word.replace(/"/g, "")}"`;
  fail("unquoted-term-characters", offset, `the unquoted term ${JSON.stringify(word)} contains '${ch}'`, hint);
}

// ---------------------------------------------------------------------------------------------------------------
// Values shared by JSON and space-delimited patterns

/** Counts what AWS limits per pattern while parsing. */
class Quotas {
  private regexes = 0;
  private wildcards = 0;

  countRegex(value: RegexValue): void {
    this.regexes++;
    if (this.regexes > MAX_REGEXES_PER_PATTERN) {
      fail(
        "too-many-regexes",
        value.span.start,
        `this is regular expression number ${this.regexes}; AWS allows at most ${MAX_REGEXES_PER_PATTERN} in one pattern`,
        "combine alternatives into one regex with |",
      );
    }
  }

  countWildcardStep(offset: number, inSelector: number): void {
    this.wildcards++;
    if (inSelector > MAX_WILDCARDS_PER_SELECTOR) {
      fail(
        "too-many-wildcards-in-selector",
        offset,
        `a selector may contain at most ${MAX_WILDCARDS_PER_SELECTOR} wildcard ([*] or .*)`,
      );
    }
    if (this.wildcards > MAX_WILDCARDS_PER_PATTERN) {
      fail(
        "too-many-wildcards-in-pattern",
        offset,
        `a pattern may contain at most ${MAX_WILDCARDS_PER_PATTERN} wildcard selectors ([*] or .*)`,
      );
    }
  }
}

const RELATIONAL: ReadonlySet<string> = new Set(["<", "<=", ">", ">="]);

/**
 * Reads the value after a comparison operator. `stops` ends a bare value; `valueMissing` lists what, found
 * where a value should start, means the value is missing.
 */
function readValue(
  text: string,
  pos: number,
  operator: { readonly text: ComparisonOperator; readonly start: number },
  stops: string,
  quotas: Quotas,
): Value {
  const start = skipBlanks(text, pos);
  const ch = text[start];
  if (start >= text.length || (ch !== undefined && stops.includes(ch) && ch !== "{" && ch !== "(")) {
    fail(
      "missing-value",
      start,
      `a value is missing after ${operator.text}`,
      'write a value, e.g. = "CreateTrail" or = *',
    );
  }
  let value: Value;
  if (ch === "'") {
    // Quote back what the user wrote: up to the closing quote, or, when there is none, the word after the opening
    // one (up to a blank or a closing bracket); AWS's CIS example value when nothing follows.
    const close = text.indexOf("'", start + 1);
    const inner =
      close > start ? text.slice(start + 1, close) : (/^[^\s)}]+/.exec(text.slice(start + 1))?.[0] ?? "Root");
    fail("single-quoted-value", start, "values must not be single-quoted", `use double quotes: "${inner}"`);
  } else if (ch === '"') {
    const token = scanQuoted(text, start);
    if (token.problem) failWith(token.problem);
    value = { kind: "string", text: token.text, quoted: true, span: { start, end: token.end } };
  } else if (ch === "%") {
    const regex = readRegexValue(text, start);
    quotas.countRegex(regex);
    value = regex;
  } else {
    const token = scanBare(text, start, stops);
    if (token.text.length === 0) {
      fail("missing-value", start, `a value is missing after ${operator.text} (found '${ch}')`);
    }
    value = isNumberLiteral(token.text)
      ? { kind: "number", text: token.text, value: Number(token.text), span: { start, end: token.end } }
      : { kind: "string", text: token.text, quoted: false, span: { start, end: token.end } };
  }
  if (RELATIONAL.has(operator.text) && value.kind !== "number") {
    fail(
      "relational-needs-number",
      value.span.start,
      `${operator.text} compares numbers, but the value is not an unquoted number`,
      "use = or != for text, or write a number such as 1000 or -1e3",
    );
  }
  return value;
}

function readOperator(
  text: string,
  pos: number,
): { readonly text: ComparisonOperator; readonly start: number; readonly end: number } | undefined {
  const token = scanOperator(text, pos);
  if (!token) return undefined;
  if (token.text === "==") {
    fail("double-equals", pos, "== is not an operator", "use a single = to compare");
  }
  return { text: token.text, start: token.start, end: token.end };
}

function failConnective(text: string, pos: number, context: string): void {
  const conn = scanConnective(text, pos);
  if (conn?.text === "&") fail("single-ampersand", pos, "& is not an operator", "use && for AND");
  if (conn?.text === "|") fail("single-pipe", pos, "| is not an operator", "use || for OR");
  const word = scanLetters(text, pos);
  const upper = word.text.toUpperCase();
  if (upper === "AND" || upper === "OR") {
    fail("word-operator", pos, `${word.text} is not an operator`, `use ${upper === "AND" ? "&&" : "||"}${context}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON patterns

class JsonParser {
  private readonly quotas = new Quotas();

  constructor(
    private readonly text: string,
    private readonly andOr: AndOrReading,
  ) {}

  parse(start: number): JsonPattern {
    const text = this.text;
    const first = skipBlanks(text, start + 1);
    if (text[first] === "}") {
      fail(
        "empty-json-pattern",
        start,
        "the JSON pattern {} has no condition",
        "write a condition, e.g. { $.eventName = CreateTrail }",
      );
    }
    if (first >= text.length) fail("unclosed-brace", start, "the { is never closed", "end the pattern with }");
    const parsed = this.parseRun(first);
    const pos = skipBlanks(text, parsed.end);
    this.expectClose(pos, "}", "unclosed-brace", start);
    expectEnd(text, pos + 1, "JSON pattern { … }");
    return { kind: "json", expression: parsed.node, span: { start, end: pos + 1 } };
  }

  private expectClose(pos: number, close: "}" | ")", code: string, openAt: number): void {
    const text = this.text;
    if (text[pos] === close) return;
    failConnective(text, pos, "");
    if (pos >= text.length) {
      fail(code, pos, `${close} is missing to close the ${close === "}" ? "{" : "("} at column ${openAt + 1}`);
    }
    if (text[pos] === ")") fail("unbalanced-parenthesis", pos, "this ) has no matching (");
    if (close === ")" && text[pos] === "}") {
      fail("unbalanced-parenthesis", pos, `) is missing to close the ( at column ${openAt + 1}`);
    }
    fail(
      "expected-logical-operator",
      pos,
      `expected && or || or ${close} but found ${JSON.stringify(text.slice(pos, pos + 12))}`,
      "join conditions with && or ||",
    );
  }

  /** `operand { (&& | ||) operand }` at one level of parentheses, grouped as the reading says. */
  private parseRun(pos: number): Parsed {
    const operands: JsonExpression[] = [];
    const operators: ("&&" | "||")[] = [];
    let current = this.parsePrimary(pos);
    operands.push(current.node);
    for (;;) {
      const p = skipBlanks(this.text, current.end);
      const op = this.text.slice(p, p + 2);
      if (op !== "&&" && op !== "||") break;
      operators.push(op);
      current = this.parsePrimary(p + 2);
      operands.push(current.node);
    }
    return { node: groupRun(operands, operators, this.andOr), end: current.end };
  }

  private parsePrimary(pos: number): Parsed {
    const text = this.text;
    const start = skipBlanks(text, pos);
    if (text[start] === "(") {
      const inner = this.parseRun(start + 1);
      const p = skipBlanks(text, inner.end);
      this.expectClose(p, ")", "unbalanced-parenthesis", start);
      return { node: inner.node, end: p + 1 };
    }
    const node = this.parseCondition(start);
    return { node, end: node.span.end };
  }

  private parseCondition(start: number): JsonCondition {
    const text = this.text;
    const ch = text[start];
    if (start >= text.length)
      fail("unclosed-brace", start, "the pattern ends where a condition should start", "end the pattern with }");
    if (ch !== "$") this.failNotSelector(start);
    const selector = this.readSelector(start);
    const opStart = skipBlanks(text, selector.span.end);
    const operator = readOperator(text, opStart);
    if (operator) {
      const value = readValue(text, operator.end, operator, JSON_VALUE_STOPS, this.quotas);
      const test: ConditionTest = { kind: "compare", operator: operator.text, value };
      return { kind: "condition", selector, test, span: { start, end: value.span.end } };
    }
    const keyword = this.readKeywordTest(opStart);
    return { kind: "condition", selector, test: keyword.test, span: { start, end: keyword.end } };
  }

  private failNotSelector(start: number): never {
    const text = this.text;
    const ch = text[start];
    // `}`, `)`, `&`, `|` and other characters that cannot start a name end at the last line's message.
    if (ch === "'") fail("single-quoted-value", start, "single quotes are allowed only inside $.['key']");
    const word = scanName(text, start);
    if (word.text.length > 0) {
      fail(
        "selector-without-dollar-dot",
        start,
        `the selector ${word.text} must start with $.`,
        `write $.${word.text}`,
      );
    }
    fail("expected-condition", start, `expected a condition such as $.eventName = CreateTrail but found '${ch}'`);
  }

  /** `$` followed by steps: `.name`, `.*`, `[n]`, `[*]`, `.['key']` (and `['key']`). */
  private readSelector(start: number): Selector {
    const text = this.text;
    if (text[start + 1] !== ".") {
      fail("selector-without-dollar-dot", start, "a selector must start with $.", "write e.g. $.eventName");
    }
    const steps: SelectorStep[] = [];
    let pos = start + 1;
    let wildcardsHere = 0;
    for (;;) {
      const stepStart = pos;
      const step = this.readStep(pos);
      if (!step) break;
      steps.push(step.step);
      pos = step.end;
      if (step.step.kind === "anyIndex" || step.step.kind === "anyKey") {
        wildcardsHere++;
        this.quotas.countWildcardStep(stepStart, wildcardsHere);
      }
    }
    // No check for a selector without steps: the `.` checked above starts a step, which readStep reads or rejects.
    return { text: text.slice(start, pos), steps, span: { start, end: pos } };
  }

  private readStep(pos: number): { readonly step: SelectorStep; readonly end: number } | undefined {
    const text = this.text;
    const ch = text[pos];
    if (ch === ".") {
      const next = text[pos + 1];
      if (next === "*") return { step: { kind: "anyKey" }, end: pos + 2 };
      if (next === "[") return this.readBracketStep(pos + 1, true);
      const name = scanName(text, pos + 1);
      if (name.text.length === 0) {
        fail(
          "invalid-selector-step",
          pos + 1,
          "expected a key name (letters, digits, _ or -) after the . in the selector",
          "write other keys as $.['key.with.dots']",
        );
      }
      return { step: { kind: "key", name: name.text }, end: name.end };
    }
    if (ch === "[") return this.readBracketStep(pos, false);
    return undefined;
  }

  private readBracketStep(open: number, afterDot: boolean): { readonly step: SelectorStep; readonly end: number } {
    const text = this.text;
    const inner = open + 1;
    if (text[inner] === "'") {
      const close = text.indexOf("']", inner + 1);
      if (close < 0) fail("unclosed-bracket", open, "the ['…'] step is never closed", "write $.['key']");
      return { step: { kind: "key", name: text.slice(inner + 1, close) }, end: close + 2 };
    }
    if (afterDot) fail("invalid-selector-step", inner, "after .[ a quoted key is expected", "write $.['key']");
    let p = inner;
    let step: SelectorStep;
    if (text[p] === "*") {
      p++;
      step = { kind: "anyIndex" };
    } else {
      while (isDigit(text[p])) p++;
      if (p === inner) fail("invalid-selector-step", inner, "expected an array index, * or a quoted key inside [ ]");
      step = { kind: "index", index: Number(text.slice(inner, p)) };
    }
    if (text[p] !== "]") fail("unclosed-bracket", open, "the [ in the selector is not closed by ]");
    return { step, end: p + 1 };
  }

  private readKeywordTest(pos: number): { readonly test: ConditionTest; readonly end: number } {
    const text = this.text;
    const word = scanLetters(text, pos);
    const upper = word.text.toUpperCase();
    if (upper === "IS") {
      checkKeywordCase(word);
      const second = scanLetters(text, skipBlanks(text, word.end));
      const secondUpper = second.text.toUpperCase();
      if (secondUpper === "NOT") {
        fail("is-not-unsupported", word.start, "IS NOT is not supported by AWS", "use != or NOT EXISTS instead");
      }
      const tests: Record<string, ConditionTest> = {
        NULL: { kind: "isNull" },
        TRUE: { kind: "isTrue" },
        FALSE: { kind: "isFalse" },
      };
      const test = tests[secondUpper];
      if (!test) fail("expected-keyword", second.start, "IS must be followed by NULL, TRUE or FALSE");
      checkKeywordCase(second);
      return { test, end: second.end };
    }
    if (upper === "NOT") {
      checkKeywordCase(word);
      const second = scanLetters(text, skipBlanks(text, word.end));
      if (second.text.toUpperCase() !== "EXISTS")
        fail("expected-keyword", second.start, "NOT must be followed by EXISTS");
      checkKeywordCase(second);
      return { test: { kind: "notExists" }, end: second.end };
    }
    if (upper === "EXISTS") {
      fail(
        "exists-unsupported",
        word.start,
        "EXISTS on its own is not supported by AWS",
        "use = * to require the field, or NOT EXISTS",
      );
    }
    failConnective(text, pos, "");
    const found = pos >= text.length ? "the end of the pattern" : JSON.stringify(text.slice(pos, pos + 12));
    fail(
      "expected-operator",
      pos,
      `expected an operator (= != < <= > >= IS NULL IS TRUE IS FALSE NOT EXISTS) after the selector but found ${found}`,
    );
  }
}

/** A JSON expression and the offset just past it (past its closing parenthesis when parenthesised). */
interface Parsed {
  readonly node: JsonExpression;
  readonly end: number;
}

function pushFlattened(operands: JsonExpression[], node: JsonExpression, kind: "and" | "or"): void {
  if (node.kind === kind) operands.push(...node.operands);
  else operands.push(node);
}

/** `and` or `or` of the nodes, flattening operands of the same kind (parentheses are not nodes); one node stays. */
function join(kind: "and" | "or", nodes: readonly JsonExpression[]): JsonExpression {
  const operands: JsonExpression[] = [];
  for (const node of nodes) pushFlattened(operands, node, kind);
  return operands.length === 1 ? operands[0] : { kind, operands, span: spanOf(operands) };
}

/** A run of operands joined by `&&` and `||`, grouped by the reading. */
function groupRun(
  operands: readonly JsonExpression[],
  operators: readonly ("&&" | "||")[],
  andOr: AndOrReading,
): JsonExpression {
  if (andOr === "left-to-right") {
    let acc = operands[0];
    operators.forEach((op, i) => {
      acc = join(op === "&&" ? "and" : "or", [acc, operands[i + 1]]);
    });
    return acc;
  }
  // The looser operator splits the run into groups joined by the tighter one.
  const loose = andOr === "and-first" ? "||" : "&&";
  const groups: JsonExpression[][] = [[operands[0]]];
  operators.forEach((op, i) => {
    if (op === loose) groups.push([]);
    groups[groups.length - 1].push(operands[i + 1]);
  });
  const tight = loose === "||" ? "and" : "or";
  return join(
    loose === "||" ? "or" : "and",
    groups.map((group) => join(tight, group)),
  );
}

/**
 * Keywords are written in upper case by AWS and CDK; whether AWS accepts lower case is undocumented. This
 * engine rejects lower- and mixed-case keywords so that a pattern it accepts is one AWS documents.
 */
function checkKeywordCase(word: { readonly text: string; readonly start: number }): void {
  if (word.text !== word.text.toUpperCase()) {
    fail(
      "lowercase-keyword",
      word.start,
      `the keyword ${word.text} is not upper case`,
      `keywords are upper case: write ${word.text.toUpperCase()} (AWS documents only upper case)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Space-delimited patterns

class DelimitedParser {
  private readonly quotas = new Quotas();

  constructor(private readonly text: string) {}

  parse(start: number): DelimitedPattern {
    const text = this.text;
    const fields: DelimitedField[] = [];
    let pos = skipBlanks(text, start + 1);
    if (text[pos] !== "]") {
      for (;;) {
        const field = this.readField(pos);
        fields.push(field);
        pos = skipBlanks(text, field.span.end);
        if (text[pos] === ",") {
          pos = skipBlanks(text, pos + 1);
          continue;
        }
        if (text[pos] === "]") break;
        this.failAfterField(pos, start);
      }
    }
    expectEnd(text, pos + 1, "space-delimited pattern [ … ]");
    return { kind: "delimited", fields, span: { start, end: pos + 1 } };
  }

  private failAfterField(pos: number, open: number): never {
    const text = this.text;
    if (pos >= text.length) fail("unclosed-bracket", pos, `] is missing to close the [ at column ${open + 1}`);
    failConnective(text, pos, " between conditions on the same field");
    fail(
      "expected-comma",
      pos,
      `expected , or ] after the field but found ${JSON.stringify(text.slice(pos, pos + 12))}`,
    );
  }

  private readField(pos: number): DelimitedField {
    const text = this.text;
    if (text[pos] === "," || text[pos] === "]") return { kind: "field", span: { start: pos, end: pos } };
    if (text.startsWith("...", pos)) return { kind: "ellipsis", span: { start: pos, end: pos + 3 } };
    const name = scanName(text, pos);
    if (name.text.length === 0) {
      if (pos >= text.length) fail("unclosed-bracket", pos, "] is missing at the end of the pattern");
      fail(
        "invalid-field-name",
        pos,
        `expected a field name (letters, digits, _ or -), ... or , but found '${text[pos]}'`,
      );
    }
    const opPos = skipBlanks(text, name.end);
    if (!scanOperator(text, opPos)) return { kind: "field", name: name.text, span: { start: pos, end: name.end } };
    const condition = this.readConditions(name.text, pos);
    return { kind: "field", name: name.text, condition, span: { start: pos, end: condition.span.end } };
  }

  /** `name op value { (&& | ||) name op value }`, all on the same field; && binds tighter than ||. */
  private readConditions(fieldName: string, start: number): DelimitedExpression {
    const text = this.text;
    const alternatives: DelimitedExpression[][] = [[]];
    let pos = start;
    for (;;) {
      const name = scanName(text, pos);
      if (name.text !== fieldName) {
        fail(
          "conditions-on-different-fields",
          pos,
          `a condition joined to field ${fieldName} must be on ${fieldName} too${name.text ? `, not ${name.text}` : ""}`,
          "AWS rejects && and || between different fields; put each field's condition in its own position",
        );
      }
      const operator = readOperator(text, skipBlanks(text, name.end));
      if (!operator)
        fail("expected-operator", skipBlanks(text, name.end), `expected a comparison operator after ${fieldName}`);
      const value = readValue(text, operator.end, operator, DELIMITED_VALUE_STOPS, this.quotas);
      const compare: DelimitedExpression = {
        kind: "compare",
        operator: operator.text,
        value,
        span: { start: name.start, end: value.span.end },
      };
      alternatives[alternatives.length - 1].push(compare);
      const next = skipBlanks(text, value.span.end);
      const conn = text.slice(next, next + 2);
      if (conn === "&&") {
        pos = skipBlanks(text, next + 2);
      } else if (conn === "||") {
        alternatives.push([]);
        pos = skipBlanks(text, next + 2);
      } else {
        break;
      }
    }
    return combineDelimited(alternatives);
  }
}

function combineDelimited(alternatives: readonly (readonly DelimitedExpression[])[]): DelimitedExpression {
  const ands = alternatives.map((group): DelimitedExpression => {
    if (group.length === 1) return group[0];
    return { kind: "and", operands: group, span: spanOf(group) };
  });
  if (ands.length === 1) return ands[0];
  return { kind: "or", operands: ands, span: spanOf(ands) };
}

function spanOf(nodes: readonly { readonly span: Span }[]): Span {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  return { start: first.span.start, end: last.span.end };
}
