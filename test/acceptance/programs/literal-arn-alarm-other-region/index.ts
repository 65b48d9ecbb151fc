// Same as literal-log-group-arn, but the alarm (and its topic) are created in us-west-2: the metric lives in us-east-1.
import * as aws from "@pulumi/aws";

const logGroupName = "cloudtrail/management";

const logGroup = new aws.cloudwatch.LogGroup("management-trail", {
  name: logGroupName,
  retentionInDays: 400,
});

new aws.cloudtrail.Trail(
  "management-trail",
  {
    name: "management-trail",
    s3BucketName: "acme-cloudtrail-123456789012",
    isMultiRegionTrail: true,
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail/management:*",
    cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/CloudTrail_CloudWatchLogs_Role",
  },
  { dependsOn: [logGroup] },
);

new aws.cloudwatch.LogMetricFilter(
  "cloudtrail-changes",
  {
    name: "cloudtrail-changes",
    logGroupName: logGroupName,
    pattern:
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
    metricTransformation: { name: "CloudTrailChangeCount", namespace: "LogMetrics", value: "1" },
  },
  { dependsOn: [logGroup] },
);

// Alarms and notifications live in the "monitoring" region.
const west = new aws.Provider("us-west-2", { region: "us-west-2" });

const alerts = new aws.sns.Topic("cloudtrail-alerts", { name: "cloudtrail-alerts" }, { provider: west });
new aws.sns.TopicSubscription(
  "cloudtrail-alerts-sms",
  { topic: alerts.arn, protocol: "sms", endpoint: "+15555550100" },
  { provider: west },
);

new aws.cloudwatch.MetricAlarm(
  "cloudtrail-changes",
  {
    name: "CloudTrail Changes",
    metricName: "CloudTrailChangeCount",
    namespace: "LogMetrics",
    statistic: "Sum",
    period: 300,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    alarmActions: [alerts.arn],
  },
  { provider: west },
);
