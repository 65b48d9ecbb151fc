// PLACEHOLDER until the policies land (issue 3): the list the pack and the tests share.
import type { StackValidationPolicy } from "@pulumi/policy";

export const packName = "cloudtrail-changes-monitoring";

const names = [
  "cloudtrail-logs-to-cloudwatch",
  "cloudtrail-changes-metric-filter",
  "cloudtrail-changes-alarm",
  "cloudtrail-changes-alarm-sns",
];

export const policies: StackValidationPolicy[] = names.map((name) => ({
  name,
  description: `placeholder ${name}`,
  enforcementLevel: "mandatory",
  validateStack: () => undefined,
}));
