/**
 * The trees an ambiguous rule could mean.
 *
 * AWS documents AND, OR and NOT but no precedence between them (see parser.ts). A parser can plausibly read a run
 * like `a OR b AND c` with AND binding tighter (as SQL and most languages do), with OR binding tighter, or strictly
 * left to right; and `NOT a AND b` with NOT reaching one operand (the usual reading) or everything to its right up
 * to the closing parenthesis. Each combination is a `Reading`; a rule without `sequence` nodes has one meaning.
 */
import type { BinaryOperator, RuleExpression, SequenceItem } from "./ast";
import { applyNegations, joinOperands } from "./build";
import { printAlarmRule } from "./printer";

export type AndOrReading = "and-first" | "or-first" | "left-to-right";
export type NotReading = "not-tight" | "not-to-the-right";

export interface Reading {
  readonly andOr: AndOrReading;
  readonly not: NotReading;
  /** For messages, e.g. "AND binding tighter than OR, NOT applying to the next operand only". */
  readonly label: string;
}

const AND_OR_LABELS: Readonly<Record<AndOrReading, string>> = {
  "and-first": "AND binding tighter than OR",
  "or-first": "OR binding tighter than AND",
  "left-to-right": "AND and OR applied left to right",
};
const NOT_LABELS: Readonly<Record<NotReading, string>> = {
  "not-tight": "NOT applying to the next operand only",
  "not-to-the-right": "NOT applying to everything after it",
};

/** Every reading considered, the conventional one (AND before OR, NOT on one operand) first. */
export const READINGS: readonly Reading[] = (["and-first", "or-first", "left-to-right"] as const).flatMap((andOr) =>
  (["not-tight", "not-to-the-right"] as const).map((not) => ({
    andOr,
    not,
    label: `${AND_OR_LABELS[andOr]}, ${NOT_LABELS[not]}`,
  })),
);

/** Whether the rule contains a run whose meaning depends on precedence. */
export function isAmbiguous(rule: RuleExpression): boolean {
  switch (rule.kind) {
    case "sequence":
      return true;
    case "not":
      return isAmbiguous(rule.operand);
    case "and":
    case "or":
      return rule.operands.some(isAmbiguous);
    default:
      return false;
  }
}

/** The tree the rule means under one reading: no `sequence` node left. */
export function readAs(rule: RuleExpression, reading: Reading): RuleExpression {
  switch (rule.kind) {
    case "not":
      return { ...rule, operand: readAs(rule.operand, reading) };
    case "and":
    case "or":
      return joinOperands(
        rule.kind,
        rule.operands.map((operand) => readAs(operand, reading)),
      );
    case "sequence": {
      const items = rule.items.map((item) => ({ negations: item.negations, operand: readAs(item.operand, reading) }));
      return readSequence(items, rule.operators, reading);
    }
    default:
      return rule;
  }
}

/** The distinct trees of `READINGS`, each with the first reading that gives it. */
export function distinctReadings(rule: RuleExpression): { readonly reading: Reading; readonly tree: RuleExpression }[] {
  if (!isAmbiguous(rule)) return [{ reading: READINGS[0], tree: rule }];
  const seen = new Set<string>();
  const out: { reading: Reading; tree: RuleExpression }[] = [];
  for (const reading of READINGS) {
    const tree = readAs(rule, reading);
    const key = printAlarmRule(tree);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ reading, tree });
  }
  return out;
}

function readSequence(
  items: readonly SequenceItem[],
  operators: readonly BinaryOperator[],
  reading: Reading,
): RuleExpression {
  if (reading.not === "not-to-the-right") {
    const i = items.findIndex((item) => item.negations.length > 0);
    if (i >= 0) {
      const item = items[i];
      const rest = [{ negations: [], operand: item.operand }, ...items.slice(i + 1)];
      const scope = readSequence(rest, operators.slice(i), reading);
      const negated = applyNegations({ negations: item.negations, operand: scope });
      const operands = [...items.slice(0, i).map((it) => it.operand), negated];
      return combine(operands, operators.slice(0, i), reading.andOr);
    }
  }
  return combine(items.map(applyNegations), operators, reading.andOr);
}

function combine(
  operands: readonly RuleExpression[],
  operators: readonly BinaryOperator[],
  mode: AndOrReading,
): RuleExpression {
  if (operands.length === 1) return operands[0];
  if (mode === "left-to-right") {
    let acc = operands[0];
    operators.forEach((op, i) => {
      acc = joinOperands(op === "AND" ? "and" : "or", [acc, operands[i + 1]]);
    });
    return acc;
  }
  const loose: BinaryOperator = mode === "and-first" ? "OR" : "AND";
  const groups: RuleExpression[][] = [[operands[0]]];
  operators.forEach((op, i) => {
    if (op === loose) groups.push([]);
    groups[groups.length - 1].push(operands[i + 1]);
  });
  const tight = loose === "OR" ? "and" : "or";
  return joinOperands(
    loose === "OR" ? "or" : "and",
    groups.map((group) => joinOperands(tight, group)),
  );
}
