// Each CloudTrail-changes metric has more than one alarm. What matters is that the alarm that fires on a single
// change notifies someone; a dashboard alarm without actions next to it is fine.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const logGroup = new aws.cloudwatch.LogGroup("trail", { retentionInDays: 365 });
const role = new aws.iam.Role("trail", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
});
new aws.cloudtrail.Trail("trail", {
  s3BucketName: "central-cloudtrail-logs",
  isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
});

const topic = new aws.sns.Topic("alerts");
new aws.sns.TopicSubscription("alerts", { topic: topic.arn, protocol: "email", endpoint: "alerts@example.com" });

const pattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";
const onChange = {
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
};

function metric(team: string): { metricName: string; namespace: string } {
  new aws.cloudwatch.LogMetricFilter(`${team}-changes`, {
    logGroupName: logGroup.name,
    pattern,
    metricTransformation: { name: `TrailChanges-${team}`, namespace: "Security", value: "1" },
  });
  return { metricName: `TrailChanges-${team}`, namespace: "Security" };
}

// The alarm pages the team; a second alarm on the same metric only colours a dashboard.
const dashboard = metric("dashboard");
new aws.cloudwatch.MetricAlarm("dashboard-changes", { ...dashboard, ...onChange, alarmActions: [topic.arn] });
new aws.cloudwatch.MetricAlarm("dashboard-busy", { ...dashboard, ...onChange, threshold: 10 });

// The alarm that fires in time notifies nobody; the hourly average alarm that notifies comes too late.
const late = metric("late");
new aws.cloudwatch.MetricAlarm("late-changes", { ...late, ...onChange });
new aws.cloudwatch.MetricAlarm("late-hourly", {
  ...late,
  ...onChange,
  statistic: "Average",
  period: 3600,
  alarmActions: [topic.arn],
});

// The security account's topic read with Topic.get: the engine doesn't mark read resources, so it looks like a
// topic of this stack without subscriptions (a known limitation; pass the ARN as a string instead).
const readTopic = aws.sns.Topic.get("org-alerts", "arn:aws:sns:us-east-1:210987654321:org-security-alerts");
new aws.cloudwatch.MetricAlarm("read-topic-changes", {
  ...metric("read-topic"),
  ...onChange,
  alarmActions: [readTopic.arn],
});

// The same topic by ARN: fine.
new aws.cloudwatch.MetricAlarm("by-arn-changes", {
  ...metric("by-arn"),
  ...onChange,
  alarmActions: ["arn:aws:sns:us-east-1:210987654321:org-security-alerts"],
});
