// The whole chain on a single-region trail. It works for CloudTrail changes made in this region, so the default
// ("semantic") profile passes; the CIS audit procedure requires a multi-region trail, so --policy-pack-config
// config/cis.json fails the trail.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const metricName = "CloudTrailChanges";
const metricNamespace = "CloudTrailMetrics";

// Where CloudTrail writes its log files.
const bucket = new aws.s3.Bucket("trail-logs", { forceDestroy: true });
const bucketPolicy = new aws.s3.BucketPolicy("trail-logs", {
  bucket: bucket.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: bucket.arn,
      },
      {
        Sid: "Write",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: pulumi.interpolate`${bucket.arn}/AWSLogs/*`,
        Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
      },
    ],
  }),
});

const deliveryRole = new aws.iam.Role("cloudtrail-to-cloudwatch", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});

const logGroup = new aws.cloudwatch.LogGroup("cloudtrail", { retentionInDays: 365 });
new aws.iam.RolePolicy("cloudtrail-to-cloudwatch", {
  role: deliveryRole.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: pulumi.interpolate`${logGroup.arn}:*`,
      },
    ],
  }),
});

export const trail = new aws.cloudtrail.Trail(
  "management-events",
  {
    s3BucketName: bucket.bucket,
    isMultiRegionTrail: false,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
    cloudWatchLogsRoleArn: deliveryRole.arn,
  },
  { dependsOn: [bucketPolicy] },
).arn;

// Count CloudTrail configuration changes.
new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {
  logGroupName: logGroup.name,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: { name: metricName, namespace: metricNamespace, value: "1" },
});

// Tell people.
const alerts = new aws.sns.Topic("security-alerts");
new aws.sns.TopicSubscription("security-team", {
  topic: alerts.arn,
  protocol: "email",
  endpoint: "security-team@example.com",
});

new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {
  alarmDescription: "CloudTrail configuration changed (CIS CloudTrail configuration changes are monitored).",
  metricName,
  namespace: metricNamespace,
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
  alarmActions: [alerts.arn],
});
