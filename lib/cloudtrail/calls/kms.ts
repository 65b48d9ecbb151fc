/**
 * AWS KMS calls (kms.amazonaws.com): DisableKey and ScheduleKeyDeletion (CIS "AWS KMS key disabling or scheduled
 * deletion is monitored", Security Hub CloudWatch.7), and the cryptographic reads that make up most of any account's
 * CloudTrail volume. Regional, JSON protocol: error codes are exception names (the KMS guide's own records show
 * IncorrectKeyException, KMSInvalidStateException). Every shape here follows a record the AWS KMS Developer Guide
 * prints ("AWS KMS log entries" pages), with the guide's key id replaced by the account placeholder.
 */
import type { CallError, CallShape } from "./types";
import { accessDeniedException, EXAMPLE, serviceCalls } from "./parts";
import { apiReference, KMS_CLOUDTRAIL } from "./sources";

function guide(title: string, pageName: string): CallShape["sources"][number] {
  return {
    title: `AWS KMS Developer Guide: ${title}`,
    url: `https://docs.aws.amazon.com/kms/latest/developerguide/${pageName}.html`,
  };
}

const { write, read } = serviceCalls({
  eventSource: "kms.amazonaws.com",
  globalService: false,
  denied: (eventName) => accessDeniedException(`kms:${eventName}`, EXAMPLE.keyArn),
});

const NOT_FOUND: CallError = { errorCode: "NotFoundException", errorMessage: `Key '${EXAMPLE.keyArn}' does not exist` };
const PENDING_DELETION: CallError = {
  errorCode: "KMSInvalidStateException",
  errorMessage: `${EXAMPLE.keyArn} is pending deletion.`,
};

/** The encryption context AWS services pass; the KMS guide's Decrypt and GenerateDataKey examples carry one. */
const CONTEXT = { Department: "Engineering", Project: "Alpha" };

export const KMS_CALLS: readonly CallShape[] = [
  write("DisableKey", {
    requestParameters: { keyId: EXAMPLE.keyId },
    responseElements: null,
    alternativeRequests: [{ keyId: EXAMPLE.keyArn }],
    errors: [NOT_FOUND, PENDING_DELETION],
    sources: [guide("DisableKey", "ct-disablekey"), apiReference("kms", "DisableKey"), KMS_CLOUDTRAIL],
  }),
  write("ScheduleKeyDeletion", {
    requestParameters: { pendingWindowInDays: 30, keyId: EXAMPLE.keyId },
    responseElements: {
      keyId: EXAMPLE.keyArn,
      keyState: "PendingDeletion",
      deletionDate: "Feb 14, 2026, 9:00:00 AM",
      pendingWindowInDays: 30,
    },
    alternativeRequests: [{ pendingWindowInDays: 7, keyId: EXAMPLE.keyArn }, { keyId: EXAMPLE.keyId }],
    errors: [NOT_FOUND, PENDING_DELETION],
    sources: [
      guide("ScheduleKeyDeletion", "ct-schedule-key-deletion"),
      apiReference("kms", "ScheduleKeyDeletion"),
      KMS_CLOUDTRAIL,
    ],
  }),
  read("Decrypt", {
    requestParameters: { encryptionAlgorithm: "SYMMETRIC_DEFAULT", keyId: EXAMPLE.keyArn, encryptionContext: CONTEXT },
    responseElements: null,
    // Services decrypting on a caller's behalf often omit the key id (the ciphertext names it).
    alternativeRequests: [
      {
        encryptionAlgorithm: "SYMMETRIC_DEFAULT",
        encryptionContext: { "aws:s3:arn": "arn:${partition}:s3:::amzn-s3-demo-bucket/report.csv" },
      },
    ],
    errors: [
      {
        errorCode: "IncorrectKeyException",
        errorMessage: "The key ID in the request does not identify a CMK that can perform this operation.",
      },
    ],
    sources: [guide("Decrypt", "ct-decrypt"), apiReference("kms", "Decrypt")],
  }),
  read("Encrypt", {
    requestParameters: {
      encryptionContext: { Department: "Engineering" },
      keyId: EXAMPLE.keyArn,
      encryptionAlgorithm: "SYMMETRIC_DEFAULT",
    },
    responseElements: null,
    errors: [],
    sources: [guide("Encrypt", "ct-encrypt"), apiReference("kms", "Encrypt")],
  }),
  read("GenerateDataKey", {
    requestParameters: { keyId: EXAMPLE.keyId, keySpec: "AES_256", encryptionContext: CONTEXT },
    responseElements: null,
    alternativeRequests: [
      {
        encryptionContext: { "aws:s3:arn": "arn:${partition}:s3:::amzn-s3-demo-bucket/report.csv" },
        keySpec: "AES_256",
        keyId: EXAMPLE.keyArn,
      },
      { keyId: "alias/project-key", keySpec: "AES_256" },
    ],
    errors: [],
    sources: [guide("GenerateDataKey", "ct-generatedatakey"), apiReference("kms", "GenerateDataKey")],
  }),
  read("DescribeKey", {
    requestParameters: { keyId: EXAMPLE.keyId },
    responseElements: null,
    alternativeRequests: [{ keyId: "alias/aws/s3" }],
    errors: [NOT_FOUND],
    sources: [guide("DescribeKey", "ct-describekey"), apiReference("kms", "DescribeKey")],
  }),
];
