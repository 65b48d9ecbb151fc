/** Building tree nodes, shared by the parser and by the readings of ambiguous rules. */
import type { RuleExpression, SequenceItem } from "./ast";

/** One item with its `NOT`s applied to the operand (NOT reaching only that operand). */
export function applyNegations(item: SequenceItem): RuleExpression {
  let node = item.operand;
  for (let i = item.negations.length - 1; i >= 0; i--) {
    const not = item.negations[i];
    node = { kind: "not", operand: node, span: { start: not.start, end: node.span.end } };
  }
  return node;
}

/** `a op b op c` as one n-ary node, operands of the same kind flattened (AND and OR are associative). */
export function joinOperands(kind: "and" | "or", operands: readonly RuleExpression[]): RuleExpression {
  const flat: RuleExpression[] = [];
  for (const operand of operands) {
    if (operand.kind === kind) flat.push(...operand.operands);
    else flat.push(operand);
  }
  if (flat.length === 1) return flat[0];
  // The operands as written (a flattened group's span includes its parentheses; its first operand's does not).
  const first = operands[0];
  const last = operands[operands.length - 1];
  return { kind, operands: flat, span: { start: first.span.start, end: last.span.end } };
}
