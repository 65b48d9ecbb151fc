import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const current = aws.getCallerIdentity({});
const currentPartition = aws.getPartition({});
const currentRegion = aws.getRegion({});

const exampleBucket = new aws.s3.Bucket("example", { bucket: "my-test-trail", forceDestroy: true });
const example = aws.iam.getPolicyDocumentOutput({
  statements: [
    {
      sid: "AWSCloudTrailAclCheck",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:GetBucketAcl"],
      resources: [exampleBucket.arn],
      conditions: [
        {
          test: "StringEquals",
          variable: "aws:SourceArn",
          values: [
            Promise.all([currentPartition, currentRegion, current]).then(
              ([p, r, c]) => `arn:${p.partition}:cloudtrail:${r.name}:${c.accountId}:trail/example`,
            ),
          ],
        },
      ],
    },
    {
      sid: "AWSCloudTrailWrite",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: [
        pulumi.all([exampleBucket.arn, current]).apply(([arn, c]) => `${arn}/prefix/AWSLogs/${c.accountId}/*`),
      ],
      conditions: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
    },
  ],
});
const exampleBucketPolicy = new aws.s3.BucketPolicy("example", {
  bucket: exampleBucket.id,
  policy: example.apply((e) => e.json),
});

const logGroup = new aws.cloudwatch.LogGroup("example", { name: "Example" });
const assumeRole = aws.iam.getPolicyDocument({
  statements: [
    {
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["sts:AssumeRole"],
    },
  ],
});
const role = new aws.iam.Role("cloudtrail", { assumeRolePolicy: assumeRole.then((d) => d.json) });
new aws.iam.RolePolicy("cloudtrail", {
  role: role.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [pulumi.interpolate`${logGroup.arn}:*`],
      },
    ],
  }).json,
});

new aws.cloudtrail.Trail(
  "example",
  {
    name: "example",
    s3BucketName: exampleBucket.id,
    s3KeyPrefix: "prefix",
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: true,
    cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
    cloudWatchLogsRoleArn: role.arn,
  },
  { dependsOn: [exampleBucketPolicy] },
);

new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {
  name: "CloudTrailChanges",
  logGroupName: logGroup.id,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" },
});

// The security team's existing topic (subscribers managed elsewhere).
const securityTopic = aws.sns.getTopicOutput({ name: "security-notifications" });

new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {
  name: "CloudTrail Changes",
  metricName: "CloudTrailChanges",
  namespace: "CloudTrailMetrics",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [securityTopic.arn],
});

export const accountId = current.then((c) => c.accountId);
