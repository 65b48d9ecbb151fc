import * as aws from "@pulumi/aws";

const name = "audit";

const bucket = new aws.s3.BucketV2(`${name}-trail-bucket`, {});

const bucketPolicyDocument = bucket.arn.apply((arn) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: arn },
      {
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${arn}/*`,
      },
    ],
  }),
);
const bucketPolicy = new aws.s3.BucketPolicy(`${name}-trail-bucket`, {
  bucket: bucket.id,
  policy: bucketPolicyDocument,
});

const logGroup = new aws.cloudwatch.LogGroup(`${name}-trail`, { retentionInDays: 365 });

const role = new aws.iam.Role(`${name}-trail-to-logs`, {
  assumeRolePolicy: {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
  },
  inlinePolicies: [
    {
      name: "deliver",
      policy: logGroup.arn.apply((arn) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:*` }],
        }),
      ),
    },
  ],
});

new aws.cloudtrail.Trail(
  `${name}-trail`,
  {
    s3BucketName: bucket.bucket,
    isMultiRegionTrail: true,
    cloudWatchLogsGroupArn: logGroup.arn.apply((arn) => `${arn}:*`),
    cloudWatchLogsRoleArn: role.arn,
  },
  { dependsOn: bucketPolicy },
);

const metric = { name: "TrailChanges", namespace: "Audit/CloudTrail" };

new aws.cloudwatch.LogMetricFilter(`${name}-trail-changes`, {
  logGroupName: logGroup.name,
  pattern:
    "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}",
  metricTransformation: { ...metric, value: "1", defaultValue: "0" },
});

const pager = new aws.sns.Topic(`${name}-pager`);
const ops = new aws.sns.Topic(`${name}-ops`);

new aws.sns.TopicSubscription(`${name}-pager-https`, {
  topic: pager.arn,
  protocol: "https",
  endpoint: "https://events.pagerduty.com/integration/abc123/enqueue",
  endpointAutoConfirms: true,
});
new aws.sns.TopicSubscription(`${name}-ops-email`, {
  topic: ops,
  protocol: "email",
  endpoint: "ops@example.com",
});

new aws.cloudwatch.MetricAlarm(`${name}-trail-changes`, {
  metricName: metric.name,
  namespace: metric.namespace,
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
  alarmActions: [pager.arn, ops.arn],
  okActions: [ops.arn],
});
