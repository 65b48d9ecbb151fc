// NOT compliant: the alarm averages the metric over an hour (statistic Average, period 3600), so a single
// change is diluted and reported up to an hour late.  Fires: cloudtrail-changes-alarm on the alarm.
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
  statistic: "Average",
  period: 3600,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [topic.arn],
});
