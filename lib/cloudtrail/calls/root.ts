/**
 * Ordinary calls the root user makes, for records of CIS "root account usage is monitored" (Security Hub
 * CloudWatch.1): the root user signing in and doing what only it may, or what any console visit does. Each names a
 * shape of calls/ by event source and name; the builder gives it the root user's identity.
 */
import type { Source } from "./types";
import { SIGNIN_EVENTS } from "./sources";

export interface RootCall {
  readonly eventSource: string;
  readonly eventName: string;
  /** Why the root user makes this call, in one sentence. */
  readonly why: string;
  readonly sources: readonly Source[];
}

const ROOT_TASKS: Source = {
  title: "IAM User Guide: Tasks that require root user credentials",
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks",
};
const ROOT_ACCESS_KEYS: Source = {
  title: "AWS Security Hub User Guide: [IAM.4] IAM root user access key should not exist",
  url: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-4",
};

export const ROOT_CALLS: readonly RootCall[] = [
  {
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    why: "The root user signs in to the console for the tasks only it can do (account settings, closing the account).",
    sources: [SIGNIN_EVENTS, ROOT_TASKS],
  },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "EnableMFADevice",
    why: "Activating MFA on the root user is a root-only task; the CloudTrail guide prints its record.",
    sources: [SIGNIN_EVENTS, ROOT_TASKS],
  },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "CreateAccessKey",
    why: "A root user creating an access key for itself is what Security Hub IAM.4 and CIS warn against.",
    sources: [ROOT_ACCESS_KEYS],
  },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "GetAccountSummary",
    why: "The IAM console's dashboard, which the root user opens to check MFA and keys, reads the account summary.",
    sources: [ROOT_TASKS],
  },
  {
    eventSource: "s3.amazonaws.com",
    eventName: "ListBuckets",
    why: "Any visit to the S3 console lists the account's buckets.",
    sources: [ROOT_TASKS],
  },
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "DescribeInstances",
    why: "Any visit to the EC2 console lists the Region's instances; the EC2 guide's own example is a root user's call.",
    sources: [
      {
        title: "Amazon EC2 User Guide: Log Amazon EC2 API calls using AWS CloudTrail",
        url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitor-with-cloudtrail.html",
      },
    ],
  },
];
