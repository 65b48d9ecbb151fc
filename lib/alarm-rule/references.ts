/**
 * The alarms a rule refers to. A rule may name an alarm by name or by ARN ("You can use either alarm names or ARNs
 * to reference the other alarms", https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html),
 * so the same alarm can appear under two spellings.
 */
import type { AlarmReference, RuleExpression } from "./ast";

/**
 * `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>`, the alarm ARN format in
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html#amazoncloudwatch-resources-for-iam-policies
 */
const ALARM_ARN = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:(.+)$/;

/**
 * The alarm name a reference designates: the name after `alarm:` for an alarm ARN, the text itself otherwise.
 * Alarm names are unique within a Region ("This name must be unique within the Region", PutCompositeAlarm), so two
 * references with the same name usually designate one alarm; an ARN of another account (cross-account
 * observability) is the exception, which is why callers that need certainty consider both readings.
 */
export function canonicalAlarmName(reference: string): string {
  const match = ALARM_ARN.exec(reference);
  return match ? match[1] : reference;
}

/** Every alarm reference in the tree, in the order written (an alarm referenced twice appears twice). */
export function collectReferences(rule: RuleExpression): AlarmReference[] {
  const out: AlarmReference[] = [];
  visit(rule, out);
  return out;
}

function visit(node: RuleExpression, out: AlarmReference[]): void {
  switch (node.kind) {
    case "state":
      out.push(node.alarm);
      return;
    case "atLeast":
      out.push(...node.alarms);
      return;
    case "constant":
      return;
    case "not":
      visit(node.operand, out);
      return;
    case "and":
    case "or":
      for (const operand of node.operands) visit(operand, out);
      return;
    case "sequence":
      for (const item of node.items) visit(item.operand, out);
      return;
  }
}
