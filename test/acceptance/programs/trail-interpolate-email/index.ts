import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const trailBucket = new aws.s3.Bucket("cloudtrail-bucket", { forceDestroy: true });

new aws.s3.BucketPublicAccessBlock("cloudtrail-bucket", {
  bucket: trailBucket.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});

const bucketPolicy = new aws.s3.BucketPolicy("cloudtrail-bucket-policy", {
  bucket: trailBucket.id,
  policy: pulumi.all([trailBucket.arn]).apply(([bucketArn]) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AWSCloudTrailAclCheck",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:GetBucketAcl",
          Resource: bucketArn,
        },
        {
          Sid: "AWSCloudTrailWrite",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${bucketArn}/AWSLogs/*`,
          Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
      ],
    }),
  ),
});

const logGroup = new aws.cloudwatch.LogGroup("cloudtrail-logs", {
  retentionInDays: 90,
  tags: { team: "security" },
});

const cloudtrailRole = new aws.iam.Role("cloudtrail-cloudwatch-role", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "sts:AssumeRole",
      },
    ],
  }),
});

const deliveryPolicy = new aws.iam.Policy("cloudtrail-cloudwatch-policy", {
  policy: logGroup.arn.apply((arn) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${arn}:*`,
        },
      ],
    }),
  ),
});

new aws.iam.RolePolicyAttachment("cloudtrail-cloudwatch-attach", {
  role: cloudtrailRole.name,
  policyArn: deliveryPolicy.arn,
});

const trail = new aws.cloudtrail.Trail(
  "main-trail",
  {
    s3BucketName: trailBucket.id,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
    cloudWatchLogsRoleArn: cloudtrailRole.arn,
  },
  { dependsOn: [bucketPolicy] },
);

const filter = new aws.cloudwatch.LogMetricFilter("cloudtrail-config-changes", {
  name: "CloudTrailConfigChanges",
  logGroupName: logGroup.name,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: {
    name: "CloudTrailEventCount",
    namespace: "CloudTrailMetrics",
    value: "1",
  },
});

const topic = new aws.sns.Topic("security-alerts", { displayName: "Security alerts" });

new aws.sns.TopicSubscription("security-email", {
  topic: topic.arn,
  protocol: "email",
  endpoint: "security@example.com",
});

new aws.cloudwatch.MetricAlarm(
  "cloudtrail-config-changes-alarm",
  {
    name: "CloudTrailConfigChanges",
    alarmDescription: "Alarm on CloudTrail configuration changes",
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: 1,
    metricName: "CloudTrailEventCount",
    namespace: "CloudTrailMetrics",
    period: 300,
    statistic: "Sum",
    threshold: 1,
    alarmActions: [topic.arn],
  },
  { dependsOn: [filter] },
);

export const trailArn = trail.arn;
export const logGroupName = logGroup.name;
