import { account, chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf } from "../../helpers/engine-resources";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const alarmUrn = urnOf(types.alarm, names.alarm);
const externalTopic = `arn:aws:sns:us-east-1:${account}:security-alerts`;

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
      name: "topic without subscription",
      stack: () => compliantStack().remove(names.subscription),
      violations: [{ urn: alarmUrn, includes: ['topic "cloudtrail-changes-topic" has no subscription'] }],
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
      name: "a wrong alarm on the metric is still checked for notification",
      stack: () => compliantStack().add(types.alarm, "noisy", {
        name: "noisy", metricName: physical.metricName, namespace: physical.namespace, statistic: "Sum", period: 300, threshold: 5,
        comparisonOperator: "GreaterThanOrEqualToThreshold", evaluationPeriods: 1, alarmActions: [], region: "us-east-1",
      }),
      violations: [{ urn: urnOf(types.alarm, "noisy"), includes: ['Alarm "noisy" has no ALARM actions'] }],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { allowedProtocols: ["pigeon"] },
      violations: [{ urn: undefined, includes: ['`allowedProtocols[0]` must be one of "http"', 'got "pigeon"'] }],
    },
  ],
};
