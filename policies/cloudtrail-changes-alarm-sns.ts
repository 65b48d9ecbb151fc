/**
 * cloudtrail-changes-alarm-sns: the alarm that matters on the CloudTrail-changes metric notifies someone: its
 * ALARM actions include an SNS topic in the alarm's region, and a topic in the stack has at least one
 * subscription. The alarms that matter are those that meet the alarm criteria (the control's defaults); when
 * none does, every alarm on the metric. One of them notifying is enough: a dashboard alarm without actions next
 * to a good, notifying alarm is fine.
 */
import { notificationNotApplicable } from "../lib/checks/applicability";
import { checkNotifications } from "../lib/checks/notification";
import { subscriptionProtocols } from "../lib/monitoring/notified";
import { toStackPolicy, type PolicyDefinition, type PolicyEnvironment } from "./common";

export const name = "cloudtrail-changes-alarm-sns";

const configProperties = {
  allowedProtocols: {
    type: "array",
    items: { type: "string", enum: subscriptionProtocols },
    default: [] as readonly string[],
    description:
      'Subscription protocols that count (e.g. ["email", "https"]); empty means any. Applies to topics in the stack.',
  },
} as const;

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "The CloudTrail-changes alarm notifies an SNS topic",
  description:
    "An alarm on the CloudTrail-changes metric that fires on a single change (any alarm on it, if none does) must send its " +
    "ALARM notifications to an SNS topic in its region that has a subscriber.",
  remediationSteps:
    "Put an SNS topic ARN in the alarm's `alarmActions` (a topic in the same region; a topic in this stack needs at least " +
    "one `aws.sns.TopicSubscription`). A topic of another stack or account may be given by its ARN. This is the last " +
    "link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / Trend Micro Cloud Conformity's \"CloudWatch alarm " +
    'for CloudTrail changes".',
  tags: ["sns"],
  configProperties,
  check: (model, config, { control, profile, now }) =>
    checkNotifications(model, { criteria: config, control, profile, now }),
  notApplicable: (model, _config, { control }) => notificationNotApplicable(model, control),
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
