import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const bucket = new aws.s3.Bucket("trails");
const role = new aws.iam.Role("trail-delivery", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});
new aws.iam.RolePolicyAttachment("trail-delivery", {
  role: role.name,
  policyArn: "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
});

function trailToLogs(name: string, extra: Partial<aws.cloudtrail.TrailArgs> = {}) {
  const group = new aws.cloudwatch.LogGroup(`${name}-logs`, { retentionInDays: 30 });
  const trail = new aws.cloudtrail.Trail(name, {
    s3BucketName: bucket.id,
    s3KeyPrefix: name,
    cloudWatchLogsGroupArn: pulumi.interpolate`${group.arn}:*`,
    cloudWatchLogsRoleArn: role.arn,
    ...extra,
  });
  return { group, trail };
}

// Management events: monitored.
const management = trailToLogs("management", { isMultiRegionTrail: true });
// A second, single-region trail streamed to its own log group, but nobody put a metric filter on that group.
trailToLogs("regional", { enableLogFileValidation: true });
// An archive-only trail that never reaches CloudWatch Logs.
new aws.cloudtrail.Trail("archive", { s3BucketName: bucket.id, s3KeyPrefix: "archive" });

new aws.cloudwatch.LogMetricFilter("trail-changes", {
  logGroupName: management.group.name,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: { name: "TrailChanges", namespace: "Security", value: "1" },
});
const topic = new aws.sns.Topic("security");
new aws.sns.TopicSubscription("security-queue", {
  topic: topic.arn,
  protocol: "sqs",
  endpoint: "arn:aws:sqs:us-east-1:123456789012:security-events",
});
new aws.cloudwatch.MetricAlarm("trail-changes", {
  metricName: "TrailChanges",
  namespace: "Security",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [topic.arn],
});
