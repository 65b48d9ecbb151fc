// The shared trail log group publishes one CloudTrail-changes metric per team; each team's alarm notifies
// its own way.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const logGroup = new aws.cloudwatch.LogGroup("trail", { retentionInDays: 365 });
const role = new aws.iam.Role("trail", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
});
new aws.cloudtrail.Trail("trail", {
  s3BucketName: "central-cloudtrail-logs",
  isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
});

const pattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

function monitored(
  team: string,
  actions: { alarmActions?: pulumi.Input<string>[]; okActions?: pulumi.Input<string>[] },
) {
  new aws.cloudwatch.LogMetricFilter(`${team}-changes`, {
    logGroupName: logGroup.name,
    pattern,
    metricTransformation: { name: `TrailChanges-${team}`, namespace: "Security", value: "1" },
  });
  new aws.cloudwatch.MetricAlarm(`${team}-changes`, {
    metricName: `TrailChanges-${team}`,
    namespace: "Security",
    statistic: "Sum",
    period: 300,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    ...actions,
  });
}

// A topic nobody subscribed to.
const silent = new aws.sns.Topic("silent");
monitored("silent", { alarmActions: [silent.arn] });

// An SQS queue subscribed to the topic.
const queue = new aws.sqs.Queue("security-events");
const queued = new aws.sns.Topic("queued");
new aws.sns.TopicSubscription("queued", { topic: queued.arn, protocol: "sqs", endpoint: queue.arn });
monitored("queued", { alarmActions: [queued.arn] });

// A Lambda function subscribed to the topic.
const fnRole = new aws.iam.Role("notifier", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
const notifier = new aws.lambda.Function("notifier", {
  runtime: aws.lambda.Runtime.NodeJS20dX,
  handler: "index.handler",
  role: fnRole.arn,
  code: new pulumi.asset.AssetArchive({
    "index.js": new pulumi.asset.StringAsset("exports.handler = async (event) => console.log(JSON.stringify(event));"),
  }),
});
const toLambda = new aws.sns.Topic("to-lambda");
new aws.lambda.Permission("notifier-from-sns", {
  action: "lambda:InvokeFunction",
  function: notifier.name,
  principal: "sns.amazonaws.com",
  sourceArn: toLambda.arn,
});
new aws.sns.TopicSubscription("to-lambda", { topic: toLambda.arn, protocol: "lambda", endpoint: notifier.arn });
monitored("lambda", { alarmActions: [toLambda.arn] });

// The security account's topic, by ARN (same region, another account): its subscribers live there.
monitored("central", { alarmActions: ["arn:aws:sns:us-east-1:210987654321:org-security-alerts"] });

// A topic in another region: CloudWatch can't notify it.
monitored("other-region", { alarmActions: ["arn:aws:sns:eu-west-1:210987654321:org-security-alerts"] });

// Only an Auto Scaling policy: nobody is told.
monitored("autoscaling", {
  alarmActions: [
    "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:12345678-90ab-cdef-1234-567890abcdef:autoScalingGroupName/web:policyName/scale-out",
  ],
});

// Notifies only when the alarm goes back to OK.
const okOnly = new aws.sns.Topic("ok-only");
new aws.sns.TopicSubscription("ok-only", { topic: okOnly.arn, protocol: "email", endpoint: "team@example.com" });
monitored("ok-only", { okActions: [okOnly.arn] });
