// A team that only wants read auditing and S3 object-level logging: one trail records read-only management
// events, the other S3 data events only. Neither records CreateTrail..StopLogging, so their log groups need no
// metric filter, but the stack can't monitor CloudTrail configuration changes at all.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("trail", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }),
});

const readsLogs = new aws.cloudwatch.LogGroup("reads", { retentionInDays: 90 });
new aws.cloudtrail.Trail("reads", {
  s3BucketName: "central-cloudtrail-logs",
  cloudWatchLogsGroupArn: pulumi.interpolate`${readsLogs.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
  eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }],
});

const objectLogs = new aws.cloudwatch.LogGroup("objects", { retentionInDays: 90 });
new aws.cloudtrail.Trail("objects", {
  s3BucketName: "central-cloudtrail-logs",
  cloudWatchLogsGroupArn: pulumi.interpolate`${objectLogs.arn}:*`,
  cloudWatchLogsRoleArn: role.arn,
  advancedEventSelectors: [
    {
      name: "S3 object writes",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "readOnly", equals: ["false"] },
      ],
    },
  ],
});
