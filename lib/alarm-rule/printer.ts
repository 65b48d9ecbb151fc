/**
 * Prints a rule tree as canonical text: upper-case keywords, one space around AND and OR, parentheses wherever a
 * reader would otherwise need a precedence AWS does not document (an AND inside an OR and the reverse, a NOT before
 * an operand that is not the last), references quoted when they were quoted or could not be read back unquoted.
 *
 * For every tree the parser produces, `parseAlarmRule(printAlarmRule(t))` gives back `t` apart from spans.
 */
import type { AlarmReference, AtLeastFunction, RuleExpression } from "./ast";
import { BARE_REFERENCE_STOPS, isBlank } from "./scanner";

/** Canonical text of a rule tree. */
export function printAlarmRule(rule: RuleExpression): string {
  switch (rule.kind) {
    case "state":
      return `${rule.state}(${printReference(rule.alarm)})`;
    case "constant":
      return rule.value ? "TRUE" : "FALSE";
    case "atLeast":
      return printAtLeast(rule);
    case "not":
      return `NOT ${printOperand(rule.operand, true)}`;
    case "and":
    case "or": {
      const op = rule.kind === "and" ? " AND " : " OR ";
      const last = rule.operands.length - 1;
      return rule.operands.map((operand, i) => printOperand(operand, i === last)).join(op);
    }
    case "sequence":
      return rule.items
        .map((item, i) => {
          const nots = "NOT ".repeat(item.negations.length);
          const operator = i === 0 ? "" : ` ${rule.operators[i - 1]} `;
          // Any `not` here came from parentheses: an unparenthesised NOT is counted in `negations`.
          return operator + nots + printOperand(item.operand, item.operand.kind !== "not");
        })
        .join("");
  }
}

/**
 * An operand of NOT, AND, OR or a sequence: compound operands in parentheses; a NOT in parentheses unless it is the
 * last operand, where `a AND NOT b` reads the same under every precedence.
 */
function printOperand(operand: RuleExpression, last: boolean): string {
  const compound = operand.kind === "and" || operand.kind === "or" || operand.kind === "sequence";
  if (compound || (operand.kind === "not" && !last)) return `(${printAlarmRule(operand)})`;
  return printAlarmRule(operand);
}

function printAtLeast(node: AtLeastFunction): string {
  const threshold = node.threshold.kind === "count" ? `${node.threshold.value}` : `${node.threshold.value}%`;
  const state = node.negated ? `NOT ${node.state}` : node.state;
  return `AT_LEAST(${threshold}, ${state}, (${node.alarms.map(printReference).join(", ")}))`;
}

/** A reference as written: quoted when it was, or when it would not read back as the same bare text. */
export function printReference(reference: AlarmReference): string {
  return reference.quoted || !readsBackBare(reference.text) ? `"${reference.text}"` : reference.text;
}

function readsBackBare(text: string): boolean {
  if (text.length === 0) return false;
  for (const ch of text) {
    if (isBlank(ch) || BARE_REFERENCE_STOPS.includes(ch)) return false;
  }
  return true;
}
