/**
 * cloudtrail-logs-to-cloudwatch: every CloudTrail trail in the stack delivers its events to a CloudWatch Logs
 * log group (log group ARN and role set) and has logging on. Without it, no metric filter ever sees a CloudTrail
 * change. And at least one trail records management write events: if the event selectors of every trail leave
 * them out, CloudTrail's own configuration changes are never recorded, and the chain can't work.
 */
import { trailDeliveryNotApplicable } from "../lib/checks/applicability";
import { checkTrailDelivery } from "../lib/checks/trail-delivery";
import { toStackPolicy, type PolicyDefinition, type PolicyEnvironment } from "./common";

export const name = "cloudtrail-logs-to-cloudwatch";

const configProperties = {} as const;

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "CloudTrail trails deliver to CloudWatch Logs",
  description:
    "Every CloudTrail trail must deliver its events to a CloudWatch Logs log group and have logging enabled, and " +
    "at least one trail must record management write events (CloudTrail's own configuration changes among them).",
  remediationSteps:
    "Set `cloudWatchLogsGroupArn` (the log group ARN followed by `:*`) and `cloudWatchLogsRoleArn` (a role CloudTrail " +
    "can assume to write to the group) on the trail, and leave `enableLogging` at its default `true`. Keep management " +
    "write events recorded on at least one trail (no event selectors, the default, records them all). This is the first " +
    "link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / Trend Micro Cloud Conformity's " +
    '"CloudWatch alarm for CloudTrail changes".',
  tags: ["cloudtrail-delivery"],
  configProperties,
  check: (model, _config, { control, profile }) => checkTrailDelivery(model, control, profile),
  notApplicable: (model) => trailDeliveryNotApplicable(model),
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
