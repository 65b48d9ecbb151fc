/**
 * Prints a pattern tree as canonical text: one space around operators, `{ … }` and `[ … ]` with single spaces,
 * parentheses around every `&&` or `||` run inside the other (AWS states no precedence between them, so a
 * printed pattern never depends on one: `AndOrReading` in parser.ts), selectors rebuilt from their steps,
 * values quoted exactly when the tree says they were quoted (or when they could not be read back unquoted).
 *
 * For every tree the parser produces, `parseFilterPattern(printFilterPattern(t))` gives back `t` apart from
 * spans and the selectors' `text` (which records the selector as originally written).
 */
import type {
  DelimitedExpression,
  DelimitedField,
  FilterPattern,
  JsonCondition,
  JsonExpression,
  Selector,
  SelectorStep,
  Term,
  Value,
  ConditionTest,
} from "./ast";
import { MAX_PATTERN_LENGTH } from "./parser";
import { DELIMITED_VALUE_STOPS, JSON_VALUE_STOPS, isBlank, isNumberLiteral } from "./scanner";

/** The blanks the printer puts around operators and inside brackets: canonical, or none where none is needed. */
interface Layout {
  /** Around `&&`, `||` and comparison operators, inside `{ }`, after `,` in `[ ]`. */
  readonly gap: string;
}

const canonical: Layout = { gap: " " };
const compact: Layout = { gap: "" };

/**
 * Canonical text of a pattern tree. A pattern written compactly near AWS's 1,024-character limit can print longer
 * than the limit with canonical spacing, and then would not parse back; such a tree prints without optional blanks
 * instead, which is never longer than a text it was parsed from (beyond the `.` a `['key']` step gains).
 */
export function printFilterPattern(pattern: FilterPattern): string {
  const text = printWith(pattern, canonical);
  return Array.from(text).length <= MAX_PATTERN_LENGTH ? text : printWith(pattern, compact);
}

function printWith(pattern: FilterPattern, layout: Layout): string {
  const { gap } = layout;
  switch (pattern.kind) {
    case "matchAll":
      return "";
    case "terms":
      return pattern.terms.map(printTerm).join(" ");
    case "regex":
      return `%${pattern.regex.source}%`;
    case "json":
      return `{${gap}${printJsonExpression(pattern.expression, "top", layout)}${gap}}`;
    case "delimited":
      return `[${pattern.fields.map((field) => printDelimitedField(field, layout)).join(`,${gap}`)}]`;
  }
}

function printTerm(term: Term): string {
  const mark = term.modifier === "excluded" ? "-" : term.modifier === "optional" ? "?" : "";
  const needsQuotes = term.quoted || !/^[A-Za-z0-9_]+$/.test(term.text);
  return mark + (needsQuotes ? `"${term.text}"` : term.text);
}

/**
 * `context` is the operator of the enclosing list (`top` for none). A list inside the other operator's list is
 * parenthesised, both ways: printed as `a || b && c`, `a || (b && c)` would read differently under another
 * precedence, and AWS documents none (found by the fuzzer: the coverage engine judged the printed form of an
 * unambiguous pattern ambiguous).
 */
function printJsonExpression(expression: JsonExpression, context: "top" | "and" | "or", layout: Layout): string {
  const { gap } = layout;
  switch (expression.kind) {
    case "or": {
      const text = expression.operands
        .map((operand) => printJsonExpression(operand, "or", layout))
        .join(`${gap}||${gap}`);
      return context === "and" ? `(${text})` : text;
    }
    case "and": {
      const text = expression.operands
        .map((operand) => printJsonExpression(operand, "and", layout))
        .join(`${gap}&&${gap}`);
      return context === "or" ? `(${text})` : text;
    }
    case "condition":
      return printConditionWith(expression, layout);
  }
}

function printConditionWith(condition: JsonCondition, layout: Layout): string {
  // A keyword test needs its blank: `$.aIS NULL` would read the selector `$.aIS`.
  const gap = condition.test.kind === "compare" ? layout.gap : " ";
  return `${printSelectorWith(condition.selector, layout)}${gap}${printTest(condition.test, JSON_VALUE_STOPS, layout)}`;
}

/** One JSON condition as canonical text, e.g. `$.errorCode NOT EXISTS` (for messages that quote a condition). */
export function printCondition(condition: JsonCondition): string {
  return printConditionWith(condition, canonical);
}

/** A selector as canonical text, e.g. `$.requestParameters.['a b']` for `$.requestParameters['a b']`. */
export function printSelector(selector: Selector): string {
  return printSelectorWith(selector, canonical);
}

/**
 * A selector rebuilt from its steps: `.name` for simple keys, `.['key']` for others. Compact: a quoted key after the
 * first step as `['key']`, without the `.` (the parser takes both).
 */
function printSelectorWith(selector: Selector, layout: Layout): string {
  return "$" + selector.steps.map((step, k) => printStep(step, layout === compact && k > 0)).join("");
}

function printStep(step: SelectorStep, bareBracket: boolean): string {
  switch (step.kind) {
    case "key":
      return /^[A-Za-z0-9_-]+$/.test(step.name) ? `.${step.name}` : `${bareBracket ? "" : "."}['${step.name}']`;
    case "index":
      return `[${step.index}]`;
    case "anyIndex":
      return "[*]";
    case "anyKey":
      return ".*";
  }
}

function printTest(test: ConditionTest, stops: string, layout: Layout): string {
  switch (test.kind) {
    case "compare":
      return `${test.operator}${gapBefore(printValue(test.value, stops), layout)}`;
    case "isNull":
      return "IS NULL";
    case "isTrue":
      return "IS TRUE";
    case "isFalse":
      return "IS FALSE";
    case "notExists":
      return "NOT EXISTS";
  }
}

/** A value after its operator: a value starting with `=` keeps its blank (`= =x` must not become `==x`). */
function gapBefore(value: string, layout: Layout): string {
  return `${value.startsWith("=") ? " " : layout.gap}${value}`;
}

/** A value as text; an unquoted string is quoted when it would not read back as the same unquoted string. */
export function printValue(value: Value, stops: string = JSON_VALUE_STOPS): string {
  switch (value.kind) {
    case "number":
      return value.text;
    case "regex":
      return `%${value.source}%`;
    case "string":
      return value.quoted || !readsBackBare(value.text, stops) ? `"${value.text}"` : value.text;
  }
}

function readsBackBare(text: string, stops: string): boolean {
  if (text.length === 0 || isNumberLiteral(text)) return false;
  const first = text[0];
  if (first === '"' || first === "'" || first === "%") return false;
  for (const ch of text) {
    if (isBlank(ch) || stops.includes(ch)) return false;
  }
  return true;
}

function printDelimitedField(field: DelimitedField, layout: Layout): string {
  if (field.kind === "ellipsis") return "...";
  if (field.name === undefined) return "";
  if (!field.condition) return field.name;
  return printDelimitedExpression(field.condition, field.name, "or", layout);
}

function printDelimitedExpression(
  expression: DelimitedExpression,
  name: string,
  context: "and" | "or",
  layout: Layout,
): string {
  const { gap } = layout;
  switch (expression.kind) {
    case "or": {
      const text = expression.operands
        .map((operand) => printDelimitedExpression(operand, name, "or", layout))
        .join(`${gap}||${gap}`);
      return context === "and" ? `(${text})` : text;
    }
    case "and":
      return expression.operands
        .map((operand) => printDelimitedExpression(operand, name, "and", layout))
        .join(`${gap}&&${gap}`);
    case "compare":
      return `${name}${gap}${expression.operator}${gapBefore(printValue(expression.value, DELIMITED_VALUE_STOPS), layout)}`;
  }
}
