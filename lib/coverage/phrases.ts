/**
 * A clause's own words: the calls it rejects, e.g. `calls whose userIdentity.type is not "IAMUser"`,
 * `calls whose userAgent contains "console"`, `calls that have errorCode`. Used when no kind of call names the
 * missed records exactly.
 */
import type { ComparisonOperator, JsonCondition, JsonExpression, Value } from "../filter-pattern/ast";
import { readWildcard } from "../filter-pattern/evaluate";
import { selectorLabel } from "./clauses";

/** The calls a condition, or an `||` of equalities on one field, rejects; undefined when there are no plain words. */
export function phraseOfExpression(node: JsonExpression): string | undefined {
  if (node.kind === "condition") return phraseOfCondition(node);
  if (node.kind !== "or") return undefined;
  const values: string[] = [];
  let label: string | undefined;
  for (const operand of node.operands) {
    if (operand.kind !== "condition" || operand.test.kind !== "compare" || operand.test.operator !== "=")
      return undefined;
    const value = operand.test.value;
    if (value.kind === "regex" || (value.kind === "string" && readWildcard(value.text).kind !== "exact"))
      return undefined;
    const operandLabel = selectorLabel(operand);
    if (label !== undefined && operandLabel !== label) return undefined;
    label = operandLabel;
    values.push(value.kind === "string" ? JSON.stringify(value.text) : value.text);
  }
  if (label === undefined) return undefined;
  return `calls whose ${label} is ${values.length === 2 ? `neither ${values[0]} nor ${values[1]}` : `none of ${values.join(", ")}`}`;
}

/** `calls whose userIdentity.type is not "IAMUser"`, `calls whose userAgent contains "console"`, `calls that have errorCode`. */
function phraseOfCondition(condition: JsonCondition): string | undefined {
  const label = selectorLabel(condition);
  const test = condition.test;
  switch (test.kind) {
    case "notExists":
      return `calls that have ${label}`;
    case "isNull":
      return `calls whose ${label} is not null`;
    case "isTrue":
      return `calls whose ${label} is not true`;
    case "isFalse":
      return `calls whose ${label} is not false`;
    case "compare": {
      const words = rejectedValueWords(test.operator, test.value);
      return words === undefined
        ? undefined
        : words === "absent"
          ? `calls without ${label}`
          : `calls whose ${label} ${words}`;
    }
  }
}

/** What a rejected value is, for `$.x <operator> <value>` (`is not "a"`, `contains "b"`), or "absent" for `= *`. */
function rejectedValueWords(operator: ComparisonOperator, value: Value): string | undefined {
  const equal = operator === "=";
  if (value.kind === "regex")
    return operator === "=" || operator === "!="
      ? `${equal ? "does not match" : "matches"} %${value.source}%`
      : undefined;
  if (value.kind === "number") {
    const negated: Record<ComparisonOperator, string> = {
      "=": "is not",
      "!=": "is",
      "<": "is at least",
      "<=": "is above",
      ">": "is at most",
      ">=": "is below",
    };
    return `${negated[operator]} ${value.text}`;
  }
  if (operator !== "=" && operator !== "!=") return undefined;
  const wildcard = readWildcard(value.text);
  switch (wildcard.kind) {
    case "any":
      return equal ? "absent" : undefined;
    case "exact":
      return `${equal ? "is not" : "is"} ${JSON.stringify(wildcard.text)}`;
    case "contains":
      return `${equal ? "does not contain" : "contains"} ${JSON.stringify(wildcard.text)}`;
    case "prefix":
      return `${equal ? "does not start with" : "starts with"} ${JSON.stringify(wildcard.text)}`;
    case "suffix":
      return `${equal ? "does not end with" : "ends with"} ${JSON.stringify(wildcard.text)}`;
    case "infix":
      return `${equal ? "does not match" : "matches"} ${JSON.stringify(value.text)}`;
  }
}
