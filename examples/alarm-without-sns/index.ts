// NOT compliant: the alarm is right but notifies nobody (no alarmActions, no SNS topic).
// Fires: cloudtrail-changes-alarm-sns on the alarm.
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

new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {
  metricName: "CloudTrailChanges",
  namespace: "CISBenchmark",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  // no alarmActions: the alarm changes state and nobody hears about it
});
