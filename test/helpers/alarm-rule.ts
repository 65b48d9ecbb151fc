/** What the alarm-rule tests share: a rule that must parse, and a watched alarm `x` known by name or ARN. */
import type { RuleExpression } from "../../lib/alarm-rule";
import { parseAlarmRule } from "../../lib/alarm-rule";

/** The tree of a rule the test expects to parse. */
export function parseRule(text: string): RuleExpression {
  const result = parseAlarmRule(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error.message}`);
  return result.rule;
}

export const X_ARN = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:x";
/** Whether a reference names the watched alarm `x` (by name or ARN). */
export const isX = (reference: string): boolean => reference === "x" || reference === X_ARN;
