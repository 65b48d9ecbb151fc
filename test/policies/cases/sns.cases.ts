import { account, chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const alarmUrn = urnOf(types.alarm, names.alarm);
const externalTopic = `arn:aws:sns:us-east-1:${account}:security-alerts`;

/** An alarm on the CloudTrail-changes metric that a single change doesn't fire (threshold 5), without actions. */
function dashboardAlarm(): Props {
  return {
    name: "dashboard", metricName: physical.metricName, namespace: physical.namespace, statistic: "Sum", period: 300, threshold: 5,
    comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1, alarmActions: [], region: "us-east-1",
  };
}

/** An alarm on the metric that fails the default criteria (Average over an hour), with the given actions. */
function hourlyAverageAlarm(alarmActions: readonly string[]): Props {
  return {
    name: "hourly", metricName: physical.metricName, namespace: physical.namespace, statistic: "Average", period: 3600, threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1, alarmActions, region: "us-east-1",
  };
}

export const snsCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({ name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`, stack: () => compliantStack(phase) })),
    { name: "empty stack: nothing to check", stack: () => new StackFixture() },
    {
      name: "a topic of another stack, known by ARN, in the alarm's region",
      stack: () => compliantStack().remove(names.topic).remove(names.subscription).patch(names.alarm, { alarmActions: [externalTopic] }).dependOn(names.alarm, {}),
    },
    {
      name: "allowed protocols include the subscription's",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["https", "email"] },
    },
    {
      name: "a non-SNS action next to the topic",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: ["arn:aws:automate:us-east-1:ec2:stop", physical.topicArn] }),
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
      stack: () => compliantStack().patch(names.alarm, { statistic: "Average", period: 3600 }).add(types.alarm, "dashboard", dashboardAlarm()),
    },
    {
      name: "metric without any alarm: the alarm policy's to report",
      stack: () => compliantStack().remove(names.alarm),
    },
    {
      name: "alarm not on the CloudTrail metric is not judged",
      stack: () => compliantStack().add(types.alarm, "cpu", { name: "cpu", metricName: "CPUUtilization", namespace: "AWS/EC2", alarmActions: [], region: "us-east-1" }),
    },
  ],
  invalid: [
    {
      name: "no alarm actions (deployed empty list)",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {}),
      violations: [{ urn: alarmUrn, includes: ['Alarm "cloudtrail-changes-alarm" has no ALARM actions', "new aws.sns.TopicSubscription", "alarmActions: [topic.arn]"] }],
    },
    {
      name: "no alarm actions (absent)",
      stack: () => compliantStack({ phase: "preview" }).patch(names.alarm, { alarmActions: null }).dependOn(names.alarm, {}),
      violations: [{ urn: alarmUrn, includes: ["has no ALARM actions"] }],
    },
    {
      name: "topic without subscription (its ARN known: the hint about Topic.get)",
      stack: () => compliantStack().remove(names.subscription),
      violations: [{ urn: alarmUrn, includes: ['topic "cloudtrail-changes-topic" has no subscription (if it is read with `aws.sns.Topic.get`', "drop the `get` and put its ARN in `alarmActions` as a string"] }],
    },
    {
      name: "topic without subscription, at preview",
      stack: () => compliantStack({ phase: "preview" }).remove(names.subscription),
      violations: [{ urn: alarmUrn, includes: ['topic "cloudtrail-changes-topic" has no subscription'] }],
    },
    {
      name: "subscription protocol not allowed",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["https"] },
      violations: [{ urn: alarmUrn, includes: ['has no subscription with an allowed protocol ("https")'] }],
    },
    {
      name: "external topic in another region",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: [`arn:aws:sns:eu-west-1:${account}:security-alerts`] }).dependOn(names.alarm, {}),
      violations: [{ urn: alarmUrn, includes: [`topic "arn:aws:sns:eu-west-1:${account}:security-alerts" is in eu-west-1, but the alarm is in us-east-1`] }],
    },
    {
      name: "topic of the stack in another region",
      stack: () => compliantStack().provider("ireland", { region: "eu-west-1" }).remove(names.topic).remove(names.subscription)
        .add(types.topic, names.topic, { name: "t", arn: `arn:aws:sns:eu-west-1:${account}:t`, region: "eu-west-1" }, { provider: "ireland" })
        .add(types.subscription, names.subscription, { topic: `arn:aws:sns:eu-west-1:${account}:t`, protocol: "email", region: "eu-west-1" }, { provider: "ireland" })
        .patch(names.alarm, { alarmActions: [`arn:aws:sns:eu-west-1:${account}:t`] }),
      violations: [{ urn: alarmUrn, includes: ['topic "cloudtrail-changes-topic" is in eu-west-1, but the alarm is in us-east-1'] }],
    },
    {
      name: "alarm actions unknown at preview without a topic dependency",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.alarm, {}),
      violations: [{ urn: alarmUrn, includes: ["an alarm action is not known at preview", "depends on no SNS topic"] }],
    },
    {
      name: "only a non-SNS action",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: ["arn:aws:automate:us-east-1:ec2:stop"] }).dependOn(names.alarm, {}),
      violations: [{ urn: alarmUrn, includes: ['action "arn:aws:automate:us-east-1:ec2:stop" is not an SNS topic'] }],
    },
    {
      name: "subscription protocol unknown with allowed protocols configured",
      stack: () => compliantStack({ phase: "preview" }).patch(names.subscription, { protocol: unknownValue.string }),
      config: { allowedProtocols: ["email"] },
      violations: [{ urn: alarmUrn, includes: ["protocol is not known at preview"] }],
    },
    {
      name: "the alarm that fires in time notifies nobody, while an hourly Average alarm notifies the topic",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {}).add(types.alarm, "hourly", hourlyAverageAlarm([physical.topicArn]), { propertyDependencies: { alarmActions: [names.topic] } }),
      violations: [{ urn: alarmUrn, includes: ['Alarm "cloudtrail-changes-alarm" has no ALARM actions'] }],
    },
    {
      name: "two alarms that fire in time, neither notifies: both reported, not the notifying hourly one",
      stack: () => compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {})
        .add(types.alarm, "second", { ...dashboardAlarm(), name: "second", threshold: 1, alarmActions: ["arn:aws:automate:us-east-1:ec2:stop"] })
        .add(types.alarm, "hourly", hourlyAverageAlarm([physical.topicArn]), { propertyDependencies: { alarmActions: [names.topic] } }),
      violations: [
        { urn: alarmUrn, includes: ["has no ALARM actions"] },
        { urn: urnOf(types.alarm, "second"), includes: ['Alarm "second" notifies no SNS topic', "is not an SNS topic"] },
      ],
    },
    {
      name: "no alarm meets the criteria and none notifies: every alarm on the metric is reported",
      stack: () => compliantStack().patch(names.alarm, { statistic: "Average", alarmActions: [] }).dependOn(names.alarm, {})
        .add(types.alarm, "hourly", hourlyAverageAlarm([])),
      violations: [
        { urn: alarmUrn, includes: ["has no ALARM actions"] },
        { urn: urnOf(types.alarm, "hourly"), includes: ['Alarm "hourly" has no ALARM actions'] },
      ],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["pigeon"] },
      violations: [{ urn: undefined, includes: ['`allowedProtocols[0]` must be one of "http"', 'got "pigeon"'] }],
    },
  ],
};
