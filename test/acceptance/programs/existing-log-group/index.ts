// Control Tower already delivers the organization trail to a log group in this account: look it up and monitor it.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const trailLogs = aws.cloudwatch.getLogGroupOutput({ name: config.require("trailLogGroup") });
const alarm = config.requireObject<{
  period: number;
  threshold: number;
  evaluationPeriods: number;
  treatMissingData: string;
}>("alarm");

if (typeof alarm.period !== "number") {
  throw new Error(`alarm.period should be a number, got ${typeof alarm.period}`);
}

const filter = new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {
  logGroupName: trailLogs.name,
  pattern: config.require("pattern"),
  metricTransformation: { name: "CloudTrailChanges", namespace: "ControlTower/CIS", value: "1" },
});

const topic = new aws.sns.Topic("cis-alerts");
for (const email of config.requireObject<string[]>("emails")) {
  new aws.sns.TopicSubscription(`cis-alerts-${email.split("@")[0]}`, {
    topic: topic.arn,
    protocol: "email",
    endpoint: email,
  });
}

new aws.cloudwatch.MetricAlarm(
  "cloudtrail-changes",
  {
    metricName: "CloudTrailChanges",
    namespace: "ControlTower/CIS",
    statistic: "Sum",
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    ...alarm,
    alarmActions: [topic.arn],
  },
  { dependsOn: filter },
);
