/**
 * cloudtrail-logs-to-cloudwatch: every CloudTrail trail in the stack delivers its events to a CloudWatch Logs
 * log group (log group ARN and role set) and has logging on. Without it, no metric filter ever sees a CloudTrail
 * change.
 */
import type { StackModel, TrailModel } from "../lib/stack/model";
import { named, notKnownAtPreview, toStackPolicy, type PolicyDefinition, type PolicyEnvironment, type Violation } from "./common";

export const name = "cloudtrail-logs-to-cloudwatch";

const configProperties = {} as const;

export const messages = {
  noLogGroup: "`cloudWatchLogsGroupArn` is not set, so its events never reach CloudWatch Logs",
  noRole: "`cloudWatchLogsRoleArn` is not set, so CloudTrail can't write to the log group",
  loggingOff: "logging is turned off (`enableLogging: false`)",
  loggingUnknown: notKnownAtPreview("`enableLogging`"),
  fix:
    "Fix: deliver the trail to a CloudWatch Logs log group and keep logging on, e.g.\n" +
    '  new aws.cloudtrail.Trail("trail", { ..., cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,\n' +
    "    cloudWatchLogsRoleArn: cloudTrailToLogsRole.arn, enableLogging: true })",
} as const;

/** What is wrong with one trail (empty when compliant). */
export function trailProblems(trail: TrailModel): readonly string[] {
  const problems: string[] = [];
  if (trail.logGroupArn.state === "absent") problems.push(messages.noLogGroup);
  if (trail.roleArn.state === "absent") problems.push(messages.noRole);
  if (trail.loggingEnabled.state === "known" && !trail.loggingEnabled.value) problems.push(messages.loggingOff);
  if (trail.loggingEnabled.state === "unknown") problems.push(messages.loggingUnknown);
  return problems;
}

function check(model: StackModel): readonly Violation[] {
  const violations: Violation[] = [];
  for (const trail of model.trails) {
    const problems = trailProblems(trail);
    if (problems.length === 0) continue;
    violations.push({ message: `${named("Trail", trail)}: ${problems.join("; ")}.\n${messages.fix}`, urn: trail.urn });
  }
  return violations;
}

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "CloudTrail trails deliver to CloudWatch Logs",
  description: "Every CloudTrail trail must deliver its events to a CloudWatch Logs log group and have logging enabled.",
  remediationSteps:
    "Set `cloudWatchLogsGroupArn` (the log group ARN followed by `:*`) and `cloudWatchLogsRoleArn` (a role CloudTrail " +
    "can assume to write to the group) on the trail, and leave `enableLogging` at its default `true`. This is the first " +
    "link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / Trend Micro Cloud Conformity's " +
    '"CloudWatch alarm for CloudTrail changes".',
  tags: ["cloudtrail-delivery"],
  configProperties,
  check,
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
