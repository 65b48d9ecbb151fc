import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

interface AlarmSettings {
  period: number;
  threshold: number;
  evaluationPeriods: number;
}

const config = new pulumi.Config();
const pattern = config.require("pattern");
const alarm = config.requireObject<AlarmSettings>("alarm");
const notify = config.requireObject<string[]>("notify");

const logGroup = new aws.cloudwatch.LogGroup("trail", { namePrefix: "cloudtrail-", retentionInDays: 180 });
const role = new aws.iam.Role("trail", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
});
new aws.iam.RolePolicy("trail", {
  role: role.name,
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
const bucket = new aws.s3.Bucket("trail");
new aws.cloudtrail.Trail("trail", {
  s3BucketName: bucket.bucket,
  isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
});

const filter = new aws.cloudwatch.LogMetricFilter("trail-changes", {
  logGroupName: logGroup.name,
  pattern,
  metricTransformation: { name: "TrailChanges", namespace: "CIS", value: "1" },
});

const topic = new aws.sns.Topic("trail-changes");
notify.forEach(
  (email, i) =>
    new aws.sns.TopicSubscription(`trail-changes-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }),
);

new aws.cloudwatch.MetricAlarm(
  "trail-changes",
  {
    metricName: "TrailChanges",
    namespace: "CIS",
    statistic: "Sum",
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    ...alarm,
    alarmActions: [topic.arn],
  },
  { dependsOn: [filter] },
);
