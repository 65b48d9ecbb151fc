// The organization trail (managed by the management account) delivers to the log group "org-trail" in this
// account. This stack only adds the CIS monitoring on it.
import * as aws from "@pulumi/aws";

const alarmTopic = new aws.sns.Topic("cis-alarms", { name: "cis-alarms" });
new aws.sns.TopicSubscription("cis-alarms-email", {
  topic: alarmTopic.arn,
  protocol: "email-json",
  endpoint: "soc@example.com",
});

new aws.cloudwatch.LogMetricFilter("CloudTrailChanges", {
  name: "CloudTrailChanges",
  logGroupName: "org-trail",
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: { name: "CloudTrailChanges", namespace: "CISBenchmark", value: "1" },
});

new aws.cloudwatch.MetricAlarm("CloudTrailChanges", {
  name: "CloudTrailChanges",
  alarmDescription: "CIS 4.5: CloudTrail configuration changes",
  metricName: "CloudTrailChanges",
  namespace: "CISBenchmark",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [alarmTopic.arn],
  treatMissingData: "notBreaching",
});
