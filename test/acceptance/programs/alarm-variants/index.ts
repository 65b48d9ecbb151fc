// Several teams each publish their own CloudTrail-changes metric from the shared trail log group and alarm on it
// their own way. Each metric must have at least one alarm that fires on a single change.
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

const topic = new aws.sns.Topic("alerts");
new aws.sns.TopicSubscription("alerts", { topic: topic.arn, protocol: "email", endpoint: "alerts@example.com" });

const namespace = "CloudTrailMetrics";
const pattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

type AlarmStyle = Partial<aws.cloudwatch.MetricAlarmArgs>;
const base: AlarmStyle = {
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
};

function monitored(team: string, style: AlarmStyle, unit?: string) {
  const metricName = `TrailChanges-${team}`;
  new aws.cloudwatch.LogMetricFilter(`${team}-changes`, {
    logGroupName: logGroup.name,
    pattern,
    metricTransformation: { name: metricName, namespace, value: "1", ...(unit ? { unit } : {}) },
  });
  new aws.cloudwatch.MetricAlarm(`${team}-changes`, {
    metricName,
    namespace,
    ...base,
    ...style,
    alarmActions: [topic.arn],
  });
}

// Fire on one change: all compliant.
monitored("gt-zero", { threshold: 0, comparisonOperator: "GreaterThanThreshold" });
monitored("one-minute", { period: 60 });
monitored("one-of-three", { evaluationPeriods: 3, datapointsToAlarm: 1 });
monitored("count-unit", { unit: "Count" }, "Count");
monitored("not-breaching", { treatMissingData: "notBreaching" });
// Do not fire on one change.
monitored("two-periods", { evaluationPeriods: 2 });
monitored("disabled", { actionsEnabled: false });
monitored("average", { statistic: "Average" });
monitored("hourly", { period: 3600 });
monitored("gte-zero", { threshold: 0 });
monitored("breaching", { treatMissingData: "breaching" });
monitored("unit-mismatch", { unit: "Count" });
monitored("wrong-namespace", { namespace: "CloudTrail" });

// A metric watched through metricQueries instead of metricName: compliant.
new aws.cloudwatch.LogMetricFilter("queries-changes", {
  logGroupName: logGroup.name,
  pattern,
  metricTransformation: { name: "TrailChanges-queries", namespace, value: "1" },
});
new aws.cloudwatch.MetricAlarm("queries-changes", {
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  evaluationPeriods: 1,
  threshold: 1,
  alarmActions: [topic.arn],
  metricQueries: [
    {
      id: "changes",
      returnData: true,
      metric: { metricName: "TrailChanges-queries", namespace, period: 300, stat: "Sum" },
    },
  ],
});
