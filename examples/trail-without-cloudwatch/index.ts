// NOT compliant: the monitoring exists (log group, metric filter, alarm, topic), but the trail was never
// connected to the log group (no cloudWatchLogsGroupArn / cloudWatchLogsRoleArn), so no CloudTrail change
// ever reaches the metric filter.  Fires: cloudtrail-logs-to-cloudwatch on the trail.
import * as aws from "@pulumi/aws";

const bucket = new aws.s3.Bucket("trail-logs", { forceDestroy: true });
new aws.cloudtrail.Trail("management-events", { s3BucketName: bucket.bucket, isMultiRegionTrail: true });

const logGroup = new aws.cloudwatch.LogGroup("cloudtrail", { retentionInDays: 365 });
new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {
  logGroupName: logGroup.name,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
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
