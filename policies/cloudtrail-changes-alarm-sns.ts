/**
 * cloudtrail-changes-alarm-sns: the alarm that matters on the CloudTrail-changes metric notifies someone: its
 * ALARM actions include an SNS topic in the alarm's region, and a topic in the stack has at least one
 * subscription. The alarms that matter are those that meet the alarm criteria (the control's defaults); when
 * none does, every alarm on the metric. One of them notifying is enough: a dashboard alarm without actions next
 * to a good, notifying alarm is fine.
 */
import type { MonitoringControl } from "../lib/control";
import { alarmsOn, monitoredMetrics } from "../lib/monitoring";
import { alarmActionTargets, analyzeChain, type ActionTarget, type ChainAnalysis, type PublishedMetric } from "../lib/stack/chain";
import type { AlarmModel, StackModel, TopicModel } from "../lib/stack/model";
import { compareRegions, describeRegion } from "../lib/stack/regions";
import { alarmProblems, defaultAlarmCriteria } from "./cloudtrail-changes-alarm";
import type { ConfigOf } from "./config";
import { named, notKnownAtPreview, quoteList, toStackPolicy, type PolicyDefinition, type PolicyEnvironment, type Violation } from "./common";

export const name = "cloudtrail-changes-alarm-sns";

const protocols = ["http", "https", "email", "email-json", "sms", "sqs", "application", "lambda", "firehose"] as const;

const configProperties = {
  allowedProtocols: {
    type: "array",
    items: { type: "string", enum: protocols },
    default: [] as readonly string[],
    description:
      "Subscription protocols that count (e.g. [\"email\", \"https\"]); empty means any. Applies to topics in the stack.",
  },
} as const;

type Config = ConfigOf<typeof configProperties>;

export const messages = {
  snippet:
    '  const topic = new aws.sns.Topic("cloudtrail-changes");\n' +
    '  new aws.sns.TopicSubscription("security-team", { topic: topic.arn, protocol: "email", endpoint: "..." });\n' +
    "  // and on the alarm: alarmActions: [topic.arn]",
  noActions: (alarm: AlarmModel) =>
    `${named("Alarm", alarm)} has no ALARM actions, so nobody hears of CloudTrail configuration changes.\n` +
    `Fix: notify an SNS topic with a subscriber, e.g.\n${messages.snippet}`,
  /**
   * A topic read with `aws.sns.Topic.get` looks like a topic of this stack without subscriptions (the engine
   * doesn't mark read resources). Its ARN is known at preview, unlike a new topic's at the first preview.
   */
  readTopicHint:
    " (if it is read with `aws.sns.Topic.get`, its subscriptions are out of sight: drop the `get` and put its ARN " +
    "in `alarmActions` as a string)",
  noGoodTopic: (alarm: AlarmModel, problems: readonly string[]) =>
    `${named("Alarm", alarm)} notifies no SNS topic that reaches anyone: ${problems.join("; ")}.\n` +
    `Fix: notify an SNS topic in the alarm's region with a subscriber, e.g.\n${messages.snippet}`,
} as const;

/** Protocol filter: does a (possibly unknown) protocol count? */
function protocolCounts(protocol: { readonly state: string; readonly value?: string }, config: Config): "yes" | "no" | "maybe" {
  if (config.allowedProtocols.length === 0) return "yes";
  if (protocol.state === "unknown") return "maybe";
  return protocol.state === "known" && protocol.value !== undefined && config.allowedProtocols.includes(protocol.value) ? "yes" : "no";
}

/** Why a topic in the stack reaches nobody, or `undefined` when it has a subscriber. */
export function topicProblem(analysis: ChainAnalysis, topic: TopicModel, config: Config): string | undefined {
  const subscriptions = analysis.subscriptionsByTopic.get(topic.urn) ?? [];
  const answers = [
    ...subscriptions.map((subscription) => protocolCounts(subscription.protocol, config)),
    ...topic.inlineSubscriptionProtocols.map((protocol) => protocolCounts(protocol, config)),
  ];
  if (answers.includes("yes")) return undefined;
  const topicText = named("topic", topic);
  if (answers.includes("maybe")) return `${topicText}: ${notKnownAtPreview("its subscriptions' protocol")}`;
  if (analysis.undeterminedSubscriptions.length > 0) {
    return `${topicText}: ${notKnownAtPreview(`which topic ${analysis.undeterminedSubscriptions.map((s) => named("subscription", s)).join(", ")} is on`)}`;
  }
  if (answers.length > 0) return `${topicText} has no subscription with an allowed protocol (${quoteList(config.allowedProtocols)})`;
  return `${topicText} has no subscription${topic.arn.state === "known" ? messages.readTopicHint : ""}`;
}

/** Why one action target doesn't notify anyone, or `undefined` when it does. */
export function targetProblem(
  analysis: ChainAnalysis,
  alarm: AlarmModel,
  target: ActionTarget,
  config: Config,
): string | undefined {
  switch (target.kind) {
    case "unresolved":
      return `${notKnownAtPreview("an alarm action")} and it depends on no SNS topic in the stack`;
    case "notSns":
      return `action "${target.arn}" is not an SNS topic`;
    case "externalTopic":
    case "topic": {
      const region = target.kind === "topic" ? target.topic.region : target.region;
      const what = target.kind === "topic" ? named("topic", target.topic) : `topic "${target.arn}"`;
      const regions = compareRegions(alarm.region, region);
      if (regions === "different") return `${what} is in ${describeRegion(region)}, but the alarm is in ${describeRegion(alarm.region)}`;
      if (regions === "undetermined") return `${what}: ${notKnownAtPreview("whether it is in the alarm's region")}`;
      return target.kind === "externalTopic" ? undefined : topicProblem(analysis, target.topic, config);
    }
  }
}

/** Why an alarm notifies nobody, or `undefined` when it notifies a subscribed (or external) topic. */
export function alarmNotifyProblem(analysis: ChainAnalysis, alarm: AlarmModel, config: Config): Violation | undefined {
  const targets = alarmActionTargets(analysis.model, alarm);
  if (targets.length === 0) return { message: messages.noActions(alarm), urn: alarm.urn };
  const problems: string[] = [];
  for (const target of targets) {
    const problem = targetProblem(analysis, alarm, target, config);
    if (problem === undefined) return undefined;
    problems.push(problem);
  }
  return { message: messages.noGoodTopic(alarm, problems), urn: alarm.urn };
}

/**
 * The alarms whose notifications matter for a metric: those meeting the control's default alarm criteria (the
 * alarm policy's judgement without config), else every alarm watching the metric.
 */
export function candidateAlarms(alarms: readonly AlarmModel[], metric: PublishedMetric, control: MonitoringControl): readonly AlarmModel[] {
  const criteria = defaultAlarmCriteria(control);
  const good = alarms.filter((alarm) => alarmProblems(alarm, metric, criteria).length === 0);
  return good.length > 0 ? good : alarms;
}

/** One metric's verdict: nothing when a candidate alarm notifies someone, else each candidate's problem. */
function checkMetric(analysis: ChainAnalysis, metric: PublishedMetric, config: Config, control: MonitoringControl): readonly Violation[] {
  const candidates = candidateAlarms(alarmsOn(analysis.model, metric).watching, metric, control);
  const problems: Violation[] = [];
  for (const alarm of candidates) {
    const problem = alarmNotifyProblem(analysis, alarm, config);
    if (problem === undefined) return [];
    problems.push(problem);
  }
  return problems;
}

function check(model: StackModel, config: Config, control: MonitoringControl): readonly Violation[] {
  const analysis = analyzeChain(model);
  // An alarm on several metrics is reported once.
  const violations = new Map<string, Violation>();
  for (const metric of monitoredMetrics(model, control)) {
    for (const violation of checkMetric(analysis, metric, config, control)) {
      if (violation.urn !== undefined && !violations.has(violation.urn)) violations.set(violation.urn, violation);
    }
  }
  return [...violations.values()];
}

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "The CloudTrail-changes alarm notifies an SNS topic",
  description:
    "An alarm on the CloudTrail-changes metric that fires on a single change (any alarm on it, if none does) must send its " +
    "ALARM notifications to an SNS topic in its region that has a subscriber.",
  remediationSteps:
    "Put an SNS topic ARN in the alarm's `alarmActions` (a topic in the same region; a topic in this stack needs at least " +
    "one `aws.sns.TopicSubscription`). A topic of another stack or account may be given by its ARN. This is the last " +
    'link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / Trend Micro Cloud Conformity\'s "CloudWatch alarm ' +
    'for CloudTrail changes".',
  tags: ["sns"],
  configProperties,
  check,
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
