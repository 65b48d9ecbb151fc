/**
 * Routine calls of the services workloads use: STS, KMS, S3, EC2 and CloudWatch Logs. Applications and AWS services
 * on their behalf make these calls continuously: every role session, every encrypted object, every VPC function.
 */
import type { RoutineCall } from "./types";
import {
  CIS_UNAUTHORIZED_IMPACT,
  CLOUDTRAIL_BUCKET_POLICY,
  CLOUDTRAIL_LOGS_ROLE,
  CONFIG_ROLE,
  configRule,
  GITHUB_OIDC,
  KMS_VOLUME,
  LAMBDA_VPC,
  LAMBDA_VPC_POLICY,
  PULUMI_AWS_CONFIG,
  PULUMI_REFRESH,
  S3_SSE_KMS,
} from "./sources";

const STS = "sts.amazonaws.com";
const KMS = "kms.amazonaws.com";
const S3 = "s3.amazonaws.com";
const EC2 = "ec2.amazonaws.com";

const IAM_STS_RECORDS = {
  title:
    "IAM User Guide: Logging IAM and AWS STS API calls with AWS CloudTrail (AssumeRole by users and by AWS services)",
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html",
};

export const WORKLOAD_ROUTINE_CALLS: readonly RoutineCall[] = [
  {
    eventSource: STS,
    eventName: "AssumeRole",
    callers: ["service", "role", "user"],
    why: "Every role session starts with AssumeRole: services assuming execution and service-linked roles, instance profiles, and users switching roles.",
    sources: [IAM_STS_RECORDS],
  },
  {
    eventSource: STS,
    eventName: "GetCallerIdentity",
    callers: ["user", "role"],
    why: "CLIs, SDK scripts and the Pulumi and Terraform AWS providers ask STS who they are when they start.",
    sources: [PULUMI_AWS_CONFIG],
  },
  {
    eventSource: STS,
    eventName: "AssumeRoleWithWebIdentity",
    callers: ["role"],
    why: "Each CI workflow run that deploys with OpenID Connect federation exchanges its token for role credentials.",
    sources: [GITHUB_OIDC],
  },
  {
    eventSource: KMS,
    eventName: "Decrypt",
    callers: ["service", "role"],
    why: "Encrypt, Decrypt and GenerateDataKey make up more than 99% of KMS events; S3, Lambda, Secrets Manager and others decrypt on the caller's behalf for every protected read.",
    sources: [KMS_VOLUME, S3_SSE_KMS],
  },
  {
    eventSource: KMS,
    eventName: "GenerateDataKey",
    callers: ["service", "role"],
    why: "Services encrypting with a KMS key (S3 SSE-KMS for each object written, EBS, CloudTrail's own log files) ask for a data key each time.",
    sources: [KMS_VOLUME, S3_SSE_KMS],
  },
  {
    eventSource: KMS,
    eventName: "Encrypt",
    callers: ["role", "service"],
    why: "Applications encrypting small secrets call Encrypt directly; with Decrypt and GenerateDataKey it makes up most of the KMS volume.",
    sources: [KMS_VOLUME],
  },
  {
    eventSource: KMS,
    eventName: "DescribeKey",
    callers: ["service", "role", "user"],
    why: "Services check a key before using it, and IaC refreshes read every key they manage.",
    sources: [PULUMI_REFRESH, KMS_VOLUME],
  },
  {
    eventSource: S3,
    eventName: "ListBuckets",
    callers: ["user", "role"],
    why: "AWS Config's recorder lists the buckets it records, and the S3 console, the CLI's `aws s3 ls` and scanners list them first.",
    sources: [
      CONFIG_ROLE,
      {
        title: "AWS CLI Command Reference: aws s3 ls (lists all buckets)",
        url: "https://docs.aws.amazon.com/cli/latest/reference/s3/ls.html",
      },
    ],
  },
  {
    eventSource: S3,
    eventName: "GetBucketLocation",
    callers: ["user", "role", "service"],
    why: "AWS Config's recorder reads each bucket's Region, and tools and services addressing a bucket ask for it first.",
    sources: [
      CONFIG_ROLE,
      {
        title: "Amazon S3 API Reference: GetBucketLocation",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html",
      },
    ],
  },
  {
    eventSource: S3,
    eventName: "GetBucketAcl",
    callers: ["service"],
    why: "CloudTrail checks the ACL of its log bucket before delivering (the bucket policy's AWSCloudTrailAclCheck statement), and AWS Config records bucket ACLs.",
    sources: [CLOUDTRAIL_BUCKET_POLICY, CONFIG_ROLE],
  },
  {
    eventSource: S3,
    eventName: "GetBucketPolicy",
    callers: ["user", "role"],
    failsWith: "AccessDenied",
    why: "Consoles and scanners read optional bucket settings and carry on when refused, which is the ordinary activity CIS names as the source of unauthorized-call alerts.",
    sources: [CIS_UNAUTHORIZED_IMPACT],
  },
  {
    eventSource: S3,
    eventName: "GetBucketVersioning",
    callers: ["service", "role"],
    why: "AWS Config's periodic s3-bucket-versioning-enabled rule and IaC refreshes read each bucket's versioning.",
    sources: [configRule("s3-bucket-versioning-enabled"), PULUMI_REFRESH],
  },
  {
    eventSource: EC2,
    eventName: "DescribeInstances",
    callers: ["user", "role", "service"],
    why: "AWS Config records instances, and the EC2 console, monitoring agents and inventory tools list them continuously.",
    sources: [CONFIG_ROLE],
  },
  {
    eventSource: EC2,
    eventName: "DescribeSecurityGroups",
    callers: ["service", "user", "role"],
    why: "AWS Config records security groups, and consoles and IaC refreshes read them.",
    sources: [CONFIG_ROLE, PULUMI_REFRESH],
  },
  {
    eventSource: EC2,
    eventName: "DescribeVpcs",
    callers: ["service", "user", "role"],
    why: "AWS Config records VPCs, and the VPC console and IaC refreshes read them.",
    sources: [CONFIG_ROLE, PULUMI_REFRESH],
  },
  {
    eventSource: EC2,
    eventName: "DescribeNetworkInterfaces",
    callers: ["role", "service"],
    why: "Lambda manages the network interfaces of functions attached to a VPC with the function's role.",
    sources: [LAMBDA_VPC, LAMBDA_VPC_POLICY],
  },
  {
    eventSource: EC2,
    eventName: "CreateNetworkInterface",
    callers: ["role", "service"],
    why: "Lambda creates a network interface when a VPC function is created or its subnets or security groups change.",
    sources: [LAMBDA_VPC, LAMBDA_VPC_POLICY],
  },
  {
    eventSource: EC2,
    eventName: "DeleteNetworkInterface",
    callers: ["role", "service"],
    why: "Lambda deletes the network interfaces a VPC function no longer uses.",
    sources: [LAMBDA_VPC, LAMBDA_VPC_POLICY],
  },
  {
    eventSource: "logs.amazonaws.com",
    eventName: "CreateLogStream",
    callers: ["service", "role"],
    why: "CloudTrail creates log streams in the log group it delivers to, and each new Lambda execution environment creates its own stream.",
    sources: [CLOUDTRAIL_LOGS_ROLE, LAMBDA_VPC_POLICY],
  },
];
