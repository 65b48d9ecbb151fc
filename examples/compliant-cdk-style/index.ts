// Compliant, CDK style: the pattern quotes the event names ("CreateTrail"), the alarm uses the CDK's
// GreaterThanOrEqualToThreshold with one datapoint, and everything is created through an explicit provider in
// eu-west-1 while the stack's default region (Pulumi.dev.yaml) is us-east-1.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const ireland = new aws.Provider("eu-west-1", { region: "eu-west-1" });
const opts: pulumi.CustomResourceOptions = { provider: ireland };

const bucket = new aws.s3.Bucket("audit-trail", { forceDestroy: true }, opts);
const logGroup = new aws.cloudwatch.LogGroup("audit-trail", { retentionInDays: 90 }, opts);
const role = new aws.iam.Role(
  "audit-trail-logs",
  {
    assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
    inlinePolicies: [
      {
        name: "write-logs",
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
      },
    ],
  },
  opts,
);

new aws.cloudtrail.Trail(
  "audit-trail",
  {
    s3BucketName: bucket.bucket,
    isMultiRegionTrail: true,
    cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
    cloudWatchLogsRoleArn: role.arn,
  },
  opts,
);

const filter = new aws.cloudwatch.LogMetricFilter(
  "cloudtrail-changes",
  {
    logGroupName: logGroup.name,
    pattern:
      '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ($.eventName = "StartLogging") || ($.eventName = "StopLogging") }',
    metricTransformation: { name: "CloudTrailChangeCount", namespace: "LogMetrics", value: "1" },
  },
  opts,
);

const topic = new aws.sns.Topic("security-notifications", {}, opts);
new aws.sns.TopicSubscription("on-call", { topic: topic.arn, protocol: "email", endpoint: "oncall@example.com" }, opts);

new aws.cloudwatch.MetricAlarm(
  "cloudtrail-changes",
  {
    name: "CloudTrail Changes",
    metricName: filter.metricTransformation.name,
    namespace: filter.metricTransformation.namespace,
    statistic: "Sum",
    period: 300,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    alarmActions: [topic.arn],
  },
  opts,
);
