/** Public sources that say which calls AWS services, consoles and tools make on their own schedule. */
import type { Source } from "../calls/types";

function page(title: string, url: string): Source {
  return { title, url };
}

/** Security Hub's service-linked role: the calls its periodic controls make in every account. */
export const SECURITY_HUB_ROLE = page(
  "AWS Security Hub User Guide: AWS managed policy AWSSecurityHubServiceRolePolicy (cloudtrail:DescribeTrails, GetTrailStatus, GetEventSelectors; config Describe*, PutEvaluations; iam:GetCredentialReport; organizations:DescribeOrganization, ListAccounts, DescribeAccount)",
  "https://docs.aws.amazon.com/securityhub/latest/userguide/security-iam-awsmanpol.html#security-iam-awsmanpol-awssecurityhubservicerolepolicy",
);
/** The CloudWatch.1-14 controls are periodic: each run reads the trails again. */
export const SECURITY_HUB_CLOUDWATCH = page(
  "AWS Security Hub User Guide: Security Hub controls for Amazon CloudWatch (schedule type: periodic)",
  "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html",
);
export const SECURITY_HUB_CONFIG_1 = page(
  "AWS Security Hub User Guide: [Config.1] AWS Config should be enabled and use the service-linked role for resource recording",
  "https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1",
);
/** AWS Config's service-linked role reads the resources it records (ec2:Describe*, s3:GetBucket*, ...). */
export const CONFIG_ROLE = page(
  "AWS Managed Policy Reference: AWSConfigServiceRolePolicy",
  "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSConfigServiceRolePolicy.html",
);
export function configRule(name: string): Source {
  return page(
    `AWS Config Developer Guide: managed rule ${name} (trigger type: periodic)`,
    `https://docs.aws.amazon.com/config/latest/developerguide/${name}.html`,
  );
}
export const CLOUDTRAIL_EVENT_HISTORY = page(
  "AWS CloudTrail User Guide: Working with CloudTrail event history (the console's Event history page)",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html",
);
/** "AWS KMS actions such as Encrypt, Decrypt, and GenerateDataKey typically generate a large volume (more than 99%) of events." */
export const KMS_VOLUME = page(
  "AWS CloudTrail User Guide: Creating a trail in the console (AWS KMS Encrypt, Decrypt, GenerateDataKey: more than 99% of events)",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-a-trail-using-the-console-first-time.html",
);
export const S3_SSE_KMS = page(
  "Amazon S3 User Guide: Using server-side encryption with AWS KMS keys (S3 calls GenerateDataKey and Decrypt for each object)",
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
);
/** The bucket policy CloudTrail needs: "AWSCloudTrailAclCheck" lets it call s3:GetBucketAcl on the trail bucket. */
export const CLOUDTRAIL_BUCKET_POLICY = page(
  "AWS CloudTrail User Guide: Amazon S3 bucket policy for CloudTrail (AWSCloudTrailAclCheck: s3:GetBucketAcl)",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
);
export const CLOUDTRAIL_LOGS_ROLE = page(
  "AWS CloudTrail User Guide: Role policy document for CloudTrail to use CloudWatch Logs for monitoring (logs:CreateLogStream)",
  "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html",
);
/**
 * CIS v5 "unauthorized API calls" impact statement: "This alert may be triggered by normal read-only console
 * activities that attempt to opportunistically gather optional information but gracefully fail if they lack the
 * necessary permissions." (the CIS text, as Prowler's compliance data quotes it).
 */
export const CIS_UNAUTHORIZED_IMPACT = page(
  "CIS AWS Foundations Benchmark v5.0.0 4.1, impact statement, quoted in prowler-cloud/prowler cis_5.0_aws.json",
  "https://github.com/prowler-cloud/prowler/blob/master/prowler/compliance/aws/cis_5.0_aws.json",
);
export const PULUMI_REFRESH = page(
  "Pulumi docs: pulumi refresh (reads the current state of every resource from the cloud provider)",
  "https://www.pulumi.com/docs/iac/cli/commands/pulumi_refresh/",
);
/** The AWS provider asks STS who it is at start-up unless told not to (skipRequestingAccountId, skipCredentialsValidation). */
export const PULUMI_AWS_CONFIG = page(
  "Pulumi Registry: AWS provider installation and configuration (skipCredentialsValidation, skipRequestingAccountId)",
  "https://www.pulumi.com/registry/packages/aws/installation-configuration/",
);
export const LAMBDA_VPC = page(
  "AWS Lambda Developer Guide: Giving Lambda functions access to resources in an Amazon VPC (Lambda creates and deletes network interfaces)",
  "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
);
export const LAMBDA_VPC_POLICY = page(
  "AWS Managed Policy Reference: AWSLambdaVPCAccessExecutionRole (ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DeleteNetworkInterface)",
  "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html",
);
export const ORGANIZATIONS_TRUSTED_SERVICES = page(
  "AWS Organizations User Guide: AWS services that you can use with AWS Organizations (trusted access)",
  "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html",
);
export const GITHUB_OIDC = page(
  "GitHub Docs: Configuring OpenID Connect in Amazon Web Services (AssumeRoleWithWebIdentity per workflow run)",
  "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
);
