// Compliant, monitoring only: the trail lives elsewhere (e.g. an organization trail owned by another stack);
// this stack holds only the monitoring on the trail's log group, whose name comes from stack config.
// policy-config.json names that log group (cloudtrail-changes-metric-filter.logGroupNames), so the pack checks
// the filter on it even though no trail is in this stack.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const logGroupName = config.require("cloudTrailLogGroupName");

new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {
  logGroupName,
  pattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  metricTransformation: { name: "CloudTrailChanges", namespace: "CISBenchmark", value: "1" },
});

const topic = new aws.sns.Topic("security-alerts");
new aws.sns.TopicSubscription("security-team", {
  topic: topic.arn,
  protocol: "email",
  endpoint: "security-team@example.com",
});

new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {
  metricName: "CloudTrailChanges",
  namespace: "CISBenchmark",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [topic.arn],
});
