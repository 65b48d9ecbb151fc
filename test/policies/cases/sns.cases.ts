import { account, chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const externalTopic = `arn:aws:sns:us-east-1:${account}:security-alerts`;
const chainTopic = namedResource("topic", names.topic);

/** The alarm `name` has no ALARM action at all. */
function noActions(name: string) {
  const data = {
    alarm: namedResource("Alarm", name),
    changes: "CloudTrail configuration changes",
    snippet: { id: "topicSnippet" },
  };
  return { urn: urnOf(types.alarm, name), messageId: "noActions", data };
}

/** The alarm `name` notifies no topic that reaches anyone, one problem per action. */
function noGoodTopic(name: string, problems: PlainDatum[]) {
  return {
    urn: urnOf(types.alarm, name),
    messageId: "noGoodTopic",
    data: { alarm: namedResource("Alarm", name), problems, snippet: { id: "topicSnippet" } },
  };
}

/** An alarm on the CloudTrail-changes metric that a single change doesn't fire (threshold 5), without actions. */
function dashboardAlarm(): Props {
  return {
    name: "dashboard",
    metricName: physical.metricName,
    namespace: physical.namespace,
    statistic: "Sum",
    period: 300,
    threshold: 5,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: 1,
    alarmActions: [],
    region: "us-east-1",
  };
}

/** An alarm on the metric that fails the default criteria (Average over an hour), with the given actions. */
function hourlyAverageAlarm(alarmActions: readonly string[]): Props {
  return {
    name: "hourly",
    metricName: physical.metricName,
    namespace: physical.namespace,
    statistic: "Average",
    period: 3600,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: 1,
    alarmActions,
    region: "us-east-1",
  };
}

export const snsCases: PolicyCases = {
  valid: [
    {
      name: "preview: a literal ARN naming the stack's new topic, which has a subscriber",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.alarm, { alarmActions: [physical.topicArn] })
          .dependOn(names.alarm, {}),
    },
    ...phases.map((phase) => ({
      name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`,
      stack: () => compliantStack(phase),
    })),
    { name: "empty stack: nothing to check", notApplicable: true, stack: () => new StackFixture() },
    {
      name: "a topic of another stack, known by ARN, in the alarm's region",
      stack: () =>
        compliantStack()
          .remove(names.topic)
          .remove(names.subscription)
          .patch(names.alarm, { alarmActions: [externalTopic] })
          .dependOn(names.alarm, {}),
    },
    {
      name: "allowed protocols include the subscription's",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["https", "email"] },
    },
    {
      name: "a non-SNS action next to the topic",
      stack: () =>
        compliantStack().patch(names.alarm, {
          alarmActions: ["arn:aws:automate:us-east-1:ec2:stop", physical.topicArn],
        }),
    },
    {
      name: "preview: subscription topic known but topic ARN unknown links through the dependency",
      stack: () => compliantStack({ phase: "preview" }).patch(names.subscription, { topic: physical.topicArn }),
    },
    {
      name: "a dashboard alarm without actions next to the good, notifying alarm",
      stack: () => compliantStack().add(types.alarm, "dashboard", dashboardAlarm()),
    },
    {
      name: "a dashboard alarm without actions next to the good alarm, at preview",
      stack: () => compliantStack({ phase: "preview" }).add(types.alarm, "dashboard", dashboardAlarm()),
    },
    {
      name: "no alarm meets the criteria: one of them notifying is enough here (the alarm policy reports them)",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { statistic: "Average", period: 3600 })
          .add(types.alarm, "dashboard", dashboardAlarm()),
    },
    {
      name: "metric without any alarm: the alarm policy's to report",
      stack: () => compliantStack().remove(names.alarm),
    },
    {
      name: "alarm not on the CloudTrail metric is not judged",
      stack: () =>
        compliantStack().add(types.alarm, "cpu", {
          name: "cpu",
          metricName: "CPUUtilization",
          namespace: "AWS/EC2",
          alarmActions: [],
          region: "us-east-1",
        }),
    },
  ],
  invalid: [
    {
      // The topic's ARN is unknown at the first preview, but the literal ARN names it (name and region): it is that
      // topic, not one outside the stack; deployed, the same stack would fail for want of a subscriber.
      name: "preview: a literal ARN naming the stack's new topic (its own ARN unknown) is that topic, and it has no subscriber",
      stack: () =>
        compliantStack({ phase: "preview" })
          .remove(names.subscription)
          .patch(names.alarm, { alarmActions: [physical.topicArn] })
          .dependOn(names.alarm, {}),
      violations: [noGoodTopic(names.alarm, [{ id: "noSubscription", topic: chainTopic, hint: "" }])],
    },
    {
      name: "no alarm actions (deployed empty list)",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {}),
      violations: [noActions(names.alarm)],
    },
    {
      // The metric is counted by a covering filter: what is wrong with its alarm is certain, not an "if".
      name: "no alarm actions, on a metric a covering filter and a filter of unknown pattern both publish",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.alarm, { alarmActions: null })
          .dependOn(names.alarm, {})
          .add(types.metricFilter, "computed-filter", {
            name: "computed",
            logGroupName: physical.logGroupName,
            pattern: unknownValue.string,
            metricTransformation: { name: physical.metricName, namespace: physical.namespace, value: "1" },
            region: "us-east-1",
          }),
      violations: [noActions(names.alarm)],
    },
    {
      name: "no alarm actions (absent)",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.alarm, { alarmActions: null }).dependOn(names.alarm, {}),
      violations: [noActions(names.alarm)],
    },
    {
      name: "topic without subscription (its ARN known: the hint about Topic.get)",
      stack: () => compliantStack().remove(names.subscription),
      violations: [
        noGoodTopic(names.alarm, [{ id: "noSubscription", topic: chainTopic, hint: { id: "readTopicHint" } }]),
      ],
    },
    {
      name: "topic without subscription, at preview: no Topic.get hint (a new topic, its ARN unknown, can't be a read one)",
      stack: () => compliantStack({ phase: "preview" }).remove(names.subscription),
      violations: [noGoodTopic(names.alarm, [{ id: "noSubscription", topic: chainTopic, hint: "" }])],
    },
    {
      name: "subscription protocol not allowed",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["https"] },
      violations: [noGoodTopic(names.alarm, [{ id: "noAllowedProtocol", topic: chainTopic, protocols: [q("https")] }])],
    },
    {
      name: "external topic in another region",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { alarmActions: [`arn:aws:sns:eu-west-1:${account}:security-alerts`] })
          .dependOn(names.alarm, {}),
      violations: [
        noGoodTopic(names.alarm, [
          {
            id: "topicOtherRegion",
            topic: { id: "externalTopic", arn: q(`arn:aws:sns:eu-west-1:${account}:security-alerts`) },
            topicRegion: "eu-west-1",
            alarmRegion: "us-east-1",
          },
        ]),
      ],
    },
    {
      name: "topic of the stack in another region",
      stack: () =>
        compliantStack()
          .provider("ireland", { region: "eu-west-1" })
          .remove(names.topic)
          .remove(names.subscription)
          .add(
            types.topic,
            names.topic,
            { name: "t", arn: `arn:aws:sns:eu-west-1:${account}:t`, region: "eu-west-1" },
            { provider: "ireland" },
          )
          .add(
            types.subscription,
            names.subscription,
            { topic: `arn:aws:sns:eu-west-1:${account}:t`, protocol: "email", region: "eu-west-1" },
            { provider: "ireland" },
          )
          .patch(names.alarm, { alarmActions: [`arn:aws:sns:eu-west-1:${account}:t`] }),
      violations: [
        noGoodTopic(names.alarm, [
          { id: "topicOtherRegion", topic: chainTopic, topicRegion: "eu-west-1", alarmRegion: "us-east-1" },
        ]),
      ],
    },
    {
      name: "alarm actions unknown at preview without a topic dependency",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.alarm, {}),
      violations: [noGoodTopic(names.alarm, [{ id: "unresolvedAction", unknown: notKnown({ id: "anAlarmAction" }) }])],
    },
    {
      name: "only a non-SNS action",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { alarmActions: ["arn:aws:automate:us-east-1:ec2:stop"] })
          .dependOn(names.alarm, {}),
      violations: [noGoodTopic(names.alarm, [{ id: "actionNotSns", arn: q("arn:aws:automate:us-east-1:ec2:stop") }])],
    },
    {
      name: "subscription protocol unknown with allowed protocols configured",
      stack: () => compliantStack({ phase: "preview" }).patch(names.subscription, { protocol: unknownValue.string }),
      config: { allowedProtocols: ["email"] },
      violations: [
        noGoodTopic(names.alarm, [
          { id: "protocolUnknown", topic: chainTopic, unknown: notKnown({ id: "subscriptionsProtocol" }) },
        ]),
      ],
    },
    {
      name: "subscription's topic unknown at preview without a dependency: can't tell the topic has a subscriber",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.subscription, {}),
      violations: [
        noGoodTopic(names.alarm, [
          {
            id: "subscriptionTopicUnknown",
            topic: chainTopic,
            unknown: notKnown({
              id: "whichTopicSubscriptionsAreOn",
              subscriptions: [namedResource("subscription", names.subscription)],
            }),
          },
        ]),
      ],
    },
    {
      name: "topic whose provider's region is unknown at preview: can't tell it is in the alarm's region",
      stack: () =>
        compliantStack({ phase: "preview" })
          .provider("elsewhere", { region: unknownValue.string })
          .remove(names.topic)
          .remove(names.subscription)
          .add(types.topic, names.topic, { name: "t", arn: unknownValue.string }, { provider: "elsewhere" })
          .add(
            types.subscription,
            names.subscription,
            { topic: unknownValue.string, protocol: "email" },
            { provider: "elsewhere", propertyDependencies: { topic: [names.topic] } },
          ),
      violations: [
        noGoodTopic(names.alarm, [
          { id: "topicRegionUnknown", topic: chainTopic, unknown: notKnown({ id: "whetherInAlarmRegion" }) },
        ]),
      ],
    },
    {
      name: "the alarm that fires in time notifies nobody, while an hourly Average alarm notifies the topic",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { alarmActions: [] })
          .dependOn(names.alarm, {})
          .add(types.alarm, "hourly", hourlyAverageAlarm([physical.topicArn]), {
            propertyDependencies: { alarmActions: [names.topic] },
          }),
      violations: [noActions(names.alarm)],
    },
    {
      name: "two alarms that fire in time, neither notifies: both reported, not the notifying hourly one",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { alarmActions: [] })
          .dependOn(names.alarm, {})
          .add(types.alarm, "second", {
            ...dashboardAlarm(),
            name: "second",
            threshold: 1,
            alarmActions: ["arn:aws:automate:us-east-1:ec2:stop"],
          })
          .add(types.alarm, "hourly", hourlyAverageAlarm([physical.topicArn]), {
            propertyDependencies: { alarmActions: [names.topic] },
          }),
      violations: [
        noActions(names.alarm),
        noGoodTopic("second", [{ id: "actionNotSns", arn: q("arn:aws:automate:us-east-1:ec2:stop") }]),
      ],
    },
    {
      name: "no alarm meets the criteria and none notifies: every alarm on the metric is reported",
      stack: () =>
        compliantStack()
          .patch(names.alarm, { statistic: "Average", alarmActions: [] })
          .dependOn(names.alarm, {})
          .add(types.alarm, "hourly", hourlyAverageAlarm([])),
      violations: [noActions(names.alarm), noActions("hourly")],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["pigeon"] },
      violations: [
        {
          urn: undefined,
          messageId: "invalidConfig",
          data: {
            policy: "cloudtrail-changes-alarm-sns",
            // The protocols SNS subscriptions take (SNS Subscribe API reference: http, https, email, email-json, sms, sqs,
            // application, lambda, firehose); "pigeon" is none of them.
            problems: [
              {
                id: "configProblem",
                problem:
                  '`allowedProtocols[0]` must be one of "http", "https", "email", "email-json", "sms", "sqs", "application", ' +
                  '"lambda", "firehose", got "pigeon"',
              },
            ],
          },
        },
      ],
    },
  ],
};
