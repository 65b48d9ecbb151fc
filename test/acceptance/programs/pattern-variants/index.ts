// Each business unit has its own trail and log group; each team wrote its own metric filter.
// All filters publish the same metric, watched by one alarm.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const patterns: Record<string, { pattern: string; value?: string }> = {
  // Good ones.
  "cdk-quoted": {
    pattern:
      '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ($.eventName = "StartLogging") || ($.eventName = "StopLogging") }',
  },
  compact: {
    pattern:
      "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}",
  },
  "with-source": {
    pattern:
      "{ ($.eventSource = cloudtrail.amazonaws.com) && (($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)) }",
  },
  multiline: {
    pattern: [
      "{ ($.eventName = CreateTrail) ||",
      "  ($.eventName = UpdateTrail) ||",
      "  ($.eventName = DeleteTrail) ||",
      "  ($.eventName = StartLogging) ||",
      "  ($.eventName = StopLogging) }",
    ].join("\n"),
  },
  // Bad ones.
  "successful-only": {
    pattern:
      "{ (($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)) && $.errorCode NOT EXISTS }",
  },
  "iam-users-only": {
    pattern:
      "{ (($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)) && ($.userIdentity.type = IAMUser) }",
  },
  typo: {
    pattern:
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLoging) }",
  },
  "lower-case": {
    pattern:
      "{ ($.eventName = createtrail) || ($.eventName = updatetrail) || ($.eventName = deletetrail) || ($.eventName = startlogging) || ($.eventName = stoplogging) }",
  },
  "sql-or": {
    pattern:
      "{ ($.eventName = CreateTrail) OR ($.eventName = UpdateTrail) OR ($.eventName = DeleteTrail) OR ($.eventName = StartLogging) OR ($.eventName = StopLogging) }",
  },
  "counts-two": {
    pattern:
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
    value: "2",
  },
  "counts-field": {
    pattern:
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
    value: "$.requestParameters.count",
  },
};

const bucket = new aws.s3.Bucket("org-trails");
const role = new aws.iam.Role("trail-delivery", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
  managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSCloudTrail_FullAccess"],
});

for (const [unit, { pattern, value }] of Object.entries(patterns)) {
  const logGroup = new aws.cloudwatch.LogGroup(`${unit}-trail`, { retentionInDays: 90 });
  new aws.cloudtrail.Trail(`${unit}-trail`, {
    s3BucketName: bucket.id,
    s3KeyPrefix: unit,
    cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
    cloudWatchLogsRoleArn: role.arn,
  });
  new aws.cloudwatch.LogMetricFilter(`${unit}-changes`, {
    logGroupName: logGroup.name,
    pattern,
    metricTransformation: { name: "CloudTrailChanges", namespace: "OrgSecurity", value: value ?? "1" },
  });
}

const topic = new aws.sns.Topic("org-security");
new aws.sns.TopicSubscription("org-security-lambda", {
  topic: topic.arn,
  protocol: "lambda",
  endpoint: "arn:aws:lambda:us-east-1:123456789012:function:notify-slack",
});
new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {
  metricName: "CloudTrailChanges",
  namespace: "OrgSecurity",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  alarmActions: [topic.arn],
});
