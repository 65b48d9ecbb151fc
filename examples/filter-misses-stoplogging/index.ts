// NOT compliant: the metric filter forgets StopLogging, so someone can switch the trail off without an alarm.
// Fires: cloudtrail-changes-metric-filter on the metric filter.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const bucket = new aws.s3.Bucket("trail-logs", { forceDestroy: true });
const logGroup = new aws.cloudwatch.LogGroup("cloudtrail", { retentionInDays: 365 });
const role = new aws.iam.Role("cloudtrail-to-cloudwatch", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});
new aws.cloudtrail.Trail("management-events", {
  s3BucketName: bucket.bucket,
  isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
});

new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {
  logGroupName: logGroup.name,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }",
  metricTransformation: { name: "CloudTrailChanges", namespace: "CISBenchmark", value: "1" },
});

const topic = new aws.sns.Topic("security-alerts");
new aws.sns.TopicSubscription("security-team", {
  topic: topic.arn,
  protocol: "email",
  endpoint: "security-team@example.com",
});
new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {
  metricName: "CloudTrailChanges",
  namespace: "CISBenchmark",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [topic.arn],
});
