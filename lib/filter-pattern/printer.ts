/**
 * Prints a pattern tree as canonical text: one space around operators, `{ … }` and `[ … ]` with single spaces,
 * parentheses only where precedence needs them (an `or` inside an `and`), selectors rebuilt from their steps,
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
import { DELIMITED_VALUE_STOPS, JSON_VALUE_STOPS, isBlank, isNumberLiteral } from "./scanner";

/** Canonical text of a pattern tree. */
export function printFilterPattern(pattern: FilterPattern): string {
  switch (pattern.kind) {
    case "matchAll":
      return "";
    case "terms":
      return pattern.terms.map(printTerm).join(" ");
    case "regex":
      return `%${pattern.regex.source}%`;
    case "json":
      return `{ ${printJsonExpression(pattern.expression, "or")} }`;
    case "delimited":
      return `[${pattern.fields.map(printDelimitedField).join(", ")}]`;
  }
}

function printTerm(term: Term): string {
  const mark = term.modifier === "excluded" ? "-" : term.modifier === "optional" ? "?" : "";
  const needsQuotes = term.quoted || !/^[A-Za-z0-9_]+$/.test(term.text);
  return mark + (needsQuotes ? `"${term.text}"` : term.text);
}

/** `context` is the operator of the enclosing list: an `or` inside an `and` needs parentheses. */
function printJsonExpression(expression: JsonExpression, context: "and" | "or"): string {
  switch (expression.kind) {
    case "or": {
      const text = expression.operands.map((operand) => printJsonExpression(operand, "or")).join(" || ");
      return context === "and" ? `(${text})` : text;
    }
    case "and":
      return expression.operands.map((operand) => printJsonExpression(operand, "and")).join(" && ");
    case "condition":
      return `${printSelector(expression.selector)} ${printTest(expression.test, JSON_VALUE_STOPS)}`;
  }
}

/** One JSON condition as canonical text, e.g. `$.errorCode NOT EXISTS` (for messages that quote a condition). */
export function printCondition(condition: JsonCondition): string {
  return printJsonExpression(condition, "or");
}

/** A selector rebuilt from its steps: `.name` for simple keys, `.['key']` for others. */
export function printSelector(selector: Selector): string {
  return "$" + selector.steps.map(printStep).join("");
}

function printStep(step: SelectorStep): string {
  switch (step.kind) {
    case "key":
      return /^[A-Za-z0-9_-]+$/.test(step.name) ? `.${step.name}` : `.['${step.name}']`;
    case "index":
      return `[${step.index}]`;
    case "anyIndex":
      return "[*]";
    case "anyKey":
      return ".*";
  }
}

function printTest(test: ConditionTest, stops: string): string {
  switch (test.kind) {
    case "compare":
      return `${test.operator} ${printValue(test.value, stops)}`;
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

function printDelimitedField(field: DelimitedField): string {
  if (field.kind === "ellipsis") return "...";
  if (field.name === undefined) return "";
  if (!field.condition) return field.name;
  return printDelimitedExpression(field.condition, field.name, "or");
}

function printDelimitedExpression(expression: DelimitedExpression, name: string, context: "and" | "or"): string {
  switch (expression.kind) {
    case "or": {
      const text = expression.operands.map((operand) => printDelimitedExpression(operand, name, "or")).join(" || ");
      return context === "and" ? `(${text})` : text;
    }
    case "and":
      return expression.operands.map((operand) => printDelimitedExpression(operand, name, "and")).join(" && ");
    case "compare":
      return `${name} ${expression.operator} ${printValue(expression.value, DELIMITED_VALUE_STOPS)}`;
  }
}
