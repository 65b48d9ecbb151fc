/**
 * "Notified" is one question with one answer: does an alarm that fires really reach a person? Its ALARM actions
 * must include an SNS topic in the alarm's region, and a topic of the stack must have a subscriber (of an allowed
 * protocol). A topic of another stack or account, given by ARN, is taken as reaching someone.
 */
import { named, notKnownAtPreview } from "../findings/common-messages";
import { list, message, quoted, type Message } from "../findings/message";
import { alarmActionTargets, type ActionTarget, type ChainAnalysis } from "../stack/chain";
import type { AlarmModel, ModelResourceBase, TopicModel } from "../stack/model";
import type { Field } from "../stack/read";
import { compareRegions, describeRegion } from "../stack/regions";
import { muteProblems } from "./mutes";
import { topicEncryptionProblem } from "./topic-encryption";

/** An alarm that notifies through its ALARM actions: a metric alarm or a composite alarm. */
export type Notifier = ModelResourceBase & Pick<AlarmModel, "alarmName" | "alarmActions" | "alarmActionDependencies">;

/** SNS subscription protocols (SNS API, Subscribe `Protocol`). */
export const subscriptionProtocols = [
  "http",
  "https",
  "email",
  "email-json",
  "sms",
  "sqs",
  "application",
  "lambda",
  "firehose",
] as const;

/** What the notification check is configured with. */
export interface NotifyCriteria {
  /** Subscription protocols that count; empty means any. */
  readonly allowedProtocols: readonly string[];
}

export const notifiedMessages = {
  unresolvedAction: "{{unknown}} and it depends on no SNS topic in the stack",
  anAlarmAction: "an alarm action",
  actionNotSns: "action {{arn}} is not an SNS topic",
  topicOtherRegion: "{{topic}} is in {{topicRegion}}, but the alarm is in {{alarmRegion}}",
  topicRegionUnknown: "{{topic}}: {{unknown}}",
  whetherInAlarmRegion: "whether it is in the alarm's region",
  externalTopic: "topic {{arn}}",
  protocolUnknown: "{{topic}}: {{unknown}}",
  subscriptionsProtocol: "its subscriptions' protocol",
  subscriptionTopicUnknown: "{{topic}}: {{unknown}}",
  whichTopicSubscriptionsAreOn: "which topic {{subscriptions}} is on",
  noAllowedProtocol: "{{topic}} has no subscription with an allowed protocol ({{protocols}})",
  noSubscription: "{{topic}} has no subscription{{hint}}",
  onlyPendingSubscriptions:
    "{{topic}} has only subscriptions that are pending confirmation ({{subscriptions}}), which deliver nothing until the endpoint confirms",
  /**
   * A topic read with `aws.sns.Topic.get` looks like a topic of this stack without subscriptions (the engine
   * doesn't mark read resources). Its ARN is known at preview, unlike a new topic's at the first preview.
   */
  readTopicHint:
    " (if it is read with `aws.sns.Topic.get`, its subscriptions are out of sight: drop the `get` and put its ARN in `alarmActions` as a string)",
} as const;

/** Protocol filter: does a (possibly unknown) protocol count? */
function protocolCounts(protocol: Field<string>, criteria: NotifyCriteria): "yes" | "no" | "maybe" {
  if (criteria.allowedProtocols.length === 0) return "yes";
  if (protocol.state === "unknown") return "maybe";
  return protocol.state === "known" && criteria.allowedProtocols.includes(protocol.value) ? "yes" : "no";
}

/** Why a topic of the stack reaches nobody, or `undefined` when it has a subscriber. */
export function topicProblem(
  analysis: ChainAnalysis,
  topic: TopicModel,
  criteria: NotifyCriteria,
): Message | undefined {
  const encryption = topicEncryptionProblem(analysis.model, topic);
  if (encryption !== undefined) return encryption;
  const all = analysis.subscriptionsByTopic.get(topic.urn) ?? [];
  // A subscription known to be pending confirmation delivers nothing (SNS developer guide, "Confirm your
  // subscription"); one whose state is unknown at preview is new and can't be confirmed before it exists.
  const pending = all.filter(
    (subscription) => subscription.pendingConfirmation.state === "known" && subscription.pendingConfirmation.value,
  );
  const subscriptions = all.filter((subscription) => !pending.includes(subscription));
  const answers = [
    ...subscriptions.map((subscription) => protocolCounts(subscription.protocol, criteria)),
    ...topic.inlineSubscriptionProtocols.map((protocol) => protocolCounts(protocol, criteria)),
  ];
  if (answers.includes("yes")) return undefined;
  const topicText = named("topic", topic);
  if (answers.includes("maybe")) {
    return message("protocolUnknown", {
      topic: topicText,
      unknown: notKnownAtPreview(message("subscriptionsProtocol")),
    });
  }
  if (analysis.undeterminedSubscriptions.length > 0) {
    const subscriptions = list(
      analysis.undeterminedSubscriptions.map((subscription) => named("subscription", subscription)),
    );
    return message("subscriptionTopicUnknown", {
      topic: topicText,
      unknown: notKnownAtPreview(message("whichTopicSubscriptionsAreOn", { subscriptions })),
    });
  }
  if (answers.length === 0 && pending.length > 0) {
    const names = list(pending.map((subscription) => named("subscription", subscription)));
    return message("onlyPendingSubscriptions", { topic: topicText, subscriptions: names });
  }
  if (answers.length > 0) {
    return message("noAllowedProtocol", {
      topic: topicText,
      protocols: list(criteria.allowedProtocols.map((protocol) => JSON.stringify(protocol))),
    });
  }
  return message("noSubscription", {
    topic: topicText,
    hint: topic.arn.state === "known" ? message("readTopicHint") : "",
  });
}

/** Why one action target doesn't notify anyone, or `undefined` when it does. */
export function targetProblem(
  analysis: ChainAnalysis,
  alarm: Notifier,
  target: ActionTarget,
  criteria: NotifyCriteria,
): Message | undefined {
  switch (target.kind) {
    case "unresolved":
      return message("unresolvedAction", { unknown: notKnownAtPreview(message("anAlarmAction")) });
    case "notSns":
      return message("actionNotSns", { arn: quoted(target.arn, target.secret) });
    case "externalTopic":
    case "topic": {
      const region = target.kind === "topic" ? target.topic.region : target.region;
      const what =
        target.kind === "topic"
          ? named("topic", target.topic)
          : message("externalTopic", { arn: quoted(target.arn, target.secret) });
      const regions = compareRegions(alarm.region, region);
      if (regions === "different") {
        return message("topicOtherRegion", {
          topic: what,
          topicRegion: describeRegion(region),
          alarmRegion: describeRegion(alarm.region),
        });
      }
      if (regions === "undetermined") {
        return message("topicRegionUnknown", {
          topic: what,
          unknown: notKnownAtPreview(message("whetherInAlarmRegion")),
        });
      }
      return target.kind === "externalTopic" ? undefined : topicProblem(analysis, target.topic, criteria);
    }
  }
}

/**
 * Why an alarm notifies nobody: `[]` when it has no ALARM actions at all, `undefined` when it reaches someone.
 * An alarm that reaches a subscribed topic but is muted by a mute rule reaches nobody while it is muted.
 */
export function notifyProblems(
  analysis: ChainAnalysis,
  alarm: Notifier,
  criteria: NotifyCriteria,
  now: Date,
): readonly Message[] | undefined {
  const targets = alarmActionTargets(analysis.model, alarm);
  const problems: Message[] = [];
  for (const target of targets) {
    const problem = targetProblem(analysis, alarm, target, criteria);
    if (problem === undefined) {
      const muted = muteProblems(analysis.model, alarm, now);
      return muted.length === 0 ? undefined : muted;
    }
    problems.push(problem);
  }
  return problems;
}
