import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("fn", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
});
new aws.iam.RolePolicyAttachment("fn-logs", {
  role: role.name,
  policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole,
});
const fn = new aws.lambda.Function("fn", {
  runtime: aws.lambda.Runtime.NodeJS20dX,
  handler: "index.handler",
  role: role.arn,
  code: new pulumi.asset.AssetArchive({
    "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200 });"),
  }),
});
// The function's log group, an error-count metric filter and an alarm: unrelated to CloudTrail.
const logs = new aws.cloudwatch.LogGroup("fn-logs", {
  name: pulumi.interpolate`/aws/lambda/${fn.name}`,
  retentionInDays: 14,
});
new aws.cloudwatch.LogMetricFilter("fn-errors", {
  logGroupName: logs.name,
  pattern: "ERROR",
  metricTransformation: { name: "FnErrors", namespace: "App", value: "1" },
});
const topic = new aws.sns.Topic("app-alerts");
new aws.cloudwatch.MetricAlarm("fn-errors", {
  metricName: "FnErrors",
  namespace: "App",
  statistic: "Sum",
  period: 60,
  evaluationPeriods: 5,
  threshold: 3,
  comparisonOperator: "GreaterThanThreshold",
  alarmActions: [topic.arn],
});
export const functionName = fn.name;
