import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const webhookUrl = config.requireSecret("webhookUrl");
const pagerToken = config.requireSecret("pagerToken");

const logGroup = new aws.cloudwatch.LogGroup("trail");
const role = new aws.iam.Role("trail", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
});
new aws.cloudtrail.Trail("trail", {
  s3BucketName: "audit-bucket-eu",
  isMultiRegionTrail: true,
  cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
});
new aws.cloudwatch.LogMetricFilter("trail-changes", {
  logGroupName: logGroup.name,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: { name: "TrailChanges", namespace: "Audit", value: "1" },
});

const topic = new aws.sns.Topic("audit");
new aws.sns.TopicSubscription("audit-email", {
  topic: topic.arn,
  protocol: "email",
  endpoint: pulumi.secret("ops@example.com"),
});
new aws.sns.TopicSubscription("audit-webhook", {
  topic: topic.arn,
  protocol: "https",
  endpoint: webhookUrl,
  endpointAutoConfirms: true,
});
new aws.sns.TopicSubscription("audit-pager", {
  topic: topic.arn,
  protocol: "https",
  endpoint: pulumi.interpolate`https://events.pagerduty.com/integration/${pagerToken}/enqueue`,
});

// Hourly: too slow for the CIS control (a violation whose message must not leak any secret).
new aws.cloudwatch.MetricAlarm("trail-changes", {
  alarmDescription: pulumi.secret("escalate to ops@example.com"),
  metricName: "TrailChanges",
  namespace: "Audit",
  statistic: "Sum",
  period: 3600,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [topic.arn],
  tags: { owner: pulumi.secret("ops@example.com") as unknown as string },
});
