/** Public sources the call shapes cite more than once: AWS user guides and API references. */
import type { Source } from "./types";

function page(title: string, url: string): Source {
  return { title, url };
}

/** The API reference page of one action (request syntax, errors), for shapes built from it. */
export function apiReference(
  service: "cloudtrail" | "iam" | "kms" | "s3" | "config" | "ec2" | "organizations" | "sts" | "logs",
  action: string,
): Source {
  const base: Record<typeof service, [string, string]> = {
    cloudtrail: ["AWS CloudTrail API Reference", "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_"],
    iam: ["IAM API Reference", "https://docs.aws.amazon.com/IAM/latest/APIReference/API_"],
    kms: ["AWS KMS API Reference", "https://docs.aws.amazon.com/kms/latest/APIReference/API_"],
    s3: ["Amazon S3 API Reference", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_"],
    config: ["AWS Config API Reference", "https://docs.aws.amazon.com/config/latest/APIReference/API_"],
    ec2: ["Amazon EC2 API Reference", "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_"],
    organizations: [
      "AWS Organizations API Reference",
      "https://docs.aws.amazon.com/organizations/latest/APIReference/API_",
    ],
    sts: ["AWS STS API Reference", "https://docs.aws.amazon.com/STS/latest/APIReference/API_"],
    logs: [
      "Amazon CloudWatch Logs API Reference",
      "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_",
    ],
  };
  const [title, prefix] = base[service];
  return page(`${title}: ${action}`, `${prefix}${action}.html`);
}

export const CLOUDTRAIL_RECORD_CONTENTS = page(
  "AWS CloudTrail User Guide: CloudTrail record contents",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html",
);
export const CLOUDTRAIL_LOG_FILE_EXAMPLES = page(
  "AWS CloudTrail User Guide: CloudTrail log file examples (EC2 items lists; UpdateTrail TrailNotFoundException)",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html",
);
export const CLOUDTRAIL_EVENT_EXAMPLE = page(
  "AWS CloudTrail User Guide: CloudTrail record contents for management events (StartLogging example)",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference.html",
);
/** Global service events: IAM, STS and CloudFront (and console sign-in) land in us-east-1 since 2021-11-22. */
export const GLOBAL_SERVICE_EVENTS = page(
  "AWS CloudTrail User Guide: CloudTrail concepts, Global service events",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events",
);
/** AWS's 2021 notice, quoted publicly: the four global services are CloudFront, IAM, console sign-in and STS. */
export const GLOBAL_SERVICES_NOTICE = page(
  "AWS notice of 2021 on CloudTrail global service events (CloudFront, IAM, SignIn, STS), quoted in aws_breaking_changes #51",
  "https://github.com/SummitRoute/aws_breaking_changes/issues/51",
);
export const IAM_CLOUDTRAIL = page(
  "IAM User Guide: Logging IAM and AWS STS API calls with AWS CloudTrail",
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html",
);
export const IAM_ERRORS = page(
  "IAM API Reference: common errors and per-action errors (NoSuchEntity, LimitExceeded, MalformedPolicyDocument...)",
  "https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html",
);
export const KMS_CLOUDTRAIL = page(
  "AWS KMS Developer Guide: Logging AWS KMS API calls with AWS CloudTrail",
  "https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html",
);
export const S3_CLOUDTRAIL_EXAMPLES = page(
  "Amazon S3 User Guide: CloudTrail log file entries for Amazon S3 (subresource keys such as acl, versioning)",
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html",
);
export const S3_CLOUDTRAIL_EVENTS = page(
  "Amazon S3 User Guide: Amazon S3 CloudTrail events (bucket-level event names; PutBucketLifecycleConfiguration is PutBucketLifecycle)",
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html",
);
export const CDK_SAMPLE_S3_EVENT = page(
  "aws-cdk-lib aws-cloudtrail SAMPLE-EVENTS.md (S3 record with Host and additionalEventData x-amz-id-2)",
  "https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-cloudtrail/SAMPLE-EVENTS.md",
);
export const CONFIG_CLOUDTRAIL = page(
  "AWS Config Developer Guide: Logging AWS Config API calls with AWS CloudTrail (example records)",
  "https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-log-files-for-aws-config.html",
);
export const EC2_CLOUDTRAIL = page(
  "Amazon EC2 User Guide: Log Amazon EC2 API calls using AWS CloudTrail",
  "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitor-with-cloudtrail.html",
);
export const EC2_ERRORS = page(
  "Amazon EC2 API Reference: Error codes for the Amazon EC2 API",
  "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html",
);
/** "a user who is not authorized ... returns a Client.UnauthorizedOperation response (an HTTP 403 response)". */
export const EC2_UNAUTHORIZED = page(
  "AWS STS API Reference: DecodeAuthorizationMessage (EC2 writes Client.UnauthorizedOperation with an encoded message)",
  "https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html",
);
export const ORGANIZATIONS_CLOUDTRAIL = page(
  "AWS Organizations User Guide: Logging and monitoring in AWS Organizations (records only in us-east-1)",
  "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_security_incident-response.html",
);
export const SIGNIN_EVENTS = page(
  "AWS CloudTrail User Guide: AWS Management Console sign-in events",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
);
