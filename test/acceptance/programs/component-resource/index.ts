import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface CloudTrailMonitoringArgs {
  /** Where CloudTrail writes its log files. */
  bucketName: pulumi.Input<string>;
  alertEmail: pulumi.Input<string>;
  retentionInDays?: number;
}

/** A CloudTrail trail streamed to CloudWatch Logs with the CIS "CloudTrail configuration changes" alarm. */
export class CloudTrailMonitoring extends pulumi.ComponentResource {
  public readonly trailArn: pulumi.Output<string>;
  public readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: CloudTrailMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("acme:security:CloudTrailMonitoring", name, {}, opts);

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      {
        retentionInDays: args.retentionInDays ?? 365,
      },
      { parent: this },
    );

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
      },
      { parent: this },
    );

    new aws.iam.RolePolicy(
      `${name}-role-policy`,
      {
        role: role.id,
        policy: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
              Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
            },
          ],
        },
      },
      { parent: this },
    );

    const trail = new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        s3BucketName: args.bucketName,
        isMultiRegionTrail: true,
        cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
        cloudWatchLogsRoleArn: role.arn,
      },
      { parent: this },
    );

    const filter = new aws.cloudwatch.LogMetricFilter(
      `${name}-changes`,
      {
        logGroupName: logGroup.name,
        pattern:
          "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
        metricTransformation: {
          name: `${name}-cloudtrail-changes`,
          namespace: "CIS/Monitoring",
          value: "1",
        },
      },
      { parent: this },
    );

    const topic = new aws.sns.Topic(`${name}-alerts`, {}, { parent: this });
    new aws.sns.TopicSubscription(
      `${name}-alerts-email`,
      {
        topic: topic.arn,
        protocol: "email",
        endpoint: args.alertEmail,
      },
      { parent: this },
    );

    new aws.cloudwatch.MetricAlarm(
      `${name}-changes`,
      {
        metricName: filter.metricTransformation.name,
        namespace: filter.metricTransformation.namespace,
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        alarmActions: [topic.arn],
      },
      { parent: this },
    );

    this.trailArn = trail.arn;
    this.topicArn = topic.arn;
    this.registerOutputs({ trailArn: this.trailArn, topicArn: this.topicArn });
  }
}

const config = new pulumi.Config();
const bucket = new aws.s3.Bucket("audit-logs");

const monitoring = new CloudTrailMonitoring("org-audit", {
  bucketName: bucket.bucket,
  alertEmail: config.require("alertEmail"),
});

export const trailArn = monitoring.trailArn;
