/**
 * Other IAM calls (iam.amazonaws.com): the reads AWS Config, Security Hub and infrastructure-as-code refreshes make
 * routinely, and the writes the root user makes in the documented root-user tasks. Global service, query protocol
 * (see iam.ts). Built from the API reference's request syntax unless a source says otherwise.
 */
import type { CallShape } from "./types";
import { accessDenied, EXAMPLE, serviceCalls } from "./parts";
import { apiReference, GLOBAL_SERVICE_EVENTS, IAM_CLOUDTRAIL, IAM_ERRORS, SIGNIN_EVENTS } from "./sources";

const ROLE_ARN = `arn:\${partition}:iam::\${account}:role/${EXAMPLE.roleName}`;
const USER_ARN = `arn:\${partition}:iam::\${account}:user/${EXAMPLE.userName}`;
const ACCOUNT_RESOURCE = "*";

const { write, read } = serviceCalls({
  eventSource: "iam.amazonaws.com",
  globalService: true,
  denied: (eventName) => accessDenied(`iam:${eventName}`, ACCOUNT_RESOURCE),
});

export const IAM_ROUTINE_CALLS: readonly CallShape[] = [
  read("GetAccountPasswordPolicy", {
    requestParameters: null,
    responseElements: null,
    errors: [
      // Accounts without a custom password policy answer this; AWS Config's iam-password-policy rule meets it.
      {
        errorCode: "NoSuchEntityException",
        errorMessage: "The Password Policy with domain name ${account} cannot be found.",
      },
    ],
    sources: [apiReference("iam", "GetAccountPasswordPolicy"), IAM_ERRORS],
  }),
  read("GetAccountSummary", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: [apiReference("iam", "GetAccountSummary")],
  }),
  read("GetCredentialReport", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: [apiReference("iam", "GetCredentialReport")],
  }),
  read("GetRole", {
    requestParameters: { roleName: EXAMPLE.roleName },
    responseElements: null,
    errors: [
      { errorCode: "NoSuchEntityException", errorMessage: `The role with name ${EXAMPLE.roleName} cannot be found.` },
    ],
    accessDenied: accessDenied("iam:GetRole", ROLE_ARN),
    sources: [apiReference("iam", "GetRole"), IAM_ERRORS],
  }),
  read("ListAttachedRolePolicies", {
    requestParameters: { roleName: EXAMPLE.roleName },
    responseElements: null,
    errors: [],
    accessDenied: accessDenied("iam:ListAttachedRolePolicies", ROLE_ARN),
    sources: [apiReference("iam", "ListAttachedRolePolicies")],
  }),
  read("GetPolicyVersion", {
    requestParameters: { policyArn: EXAMPLE.policyArn, versionId: "v1" },
    responseElements: null,
    errors: [],
    accessDenied: accessDenied("iam:GetPolicyVersion", EXAMPLE.policyArn),
    sources: [apiReference("iam", "GetPolicyVersion")],
  }),
  write("CreateAccessKey", {
    requestParameters: { userName: EXAMPLE.userName },
    responseElements: {
      accessKey: {
        userName: EXAMPLE.userName,
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        status: "Active",
        createDate: "Jan 15, 2026, 9:00:00 AM",
      },
    },
    // The root user creating a key for itself names no user.
    alternativeRequests: [null],
    errors: [{ errorCode: "LimitExceededException", errorMessage: "Cannot exceed quota for AccessKeysPerUser: 2" }],
    accessDenied: accessDenied("iam:CreateAccessKey", USER_ARN),
    sources: [apiReference("iam", "CreateAccessKey"), IAM_ERRORS, GLOBAL_SERVICE_EVENTS],
  }),
  write("EnableMFADevice", {
    // The CloudTrail user guide's "Root user, MFA changed" record.
    requestParameters: {
      userName: "AWS ROOT USER",
      serialNumber: "arn:${partition}:iam::${account}:mfa/root-account-mfa-device",
    },
    responseElements: null,
    alternativeRequests: [
      { userName: EXAMPLE.userName, serialNumber: `arn:\${partition}:iam::\${account}:mfa/${EXAMPLE.userName}` },
    ],
    errors: [
      { errorCode: "InvalidAuthenticationCodeException", errorMessage: "Authentication code for device is not valid." },
    ],
    accessDenied: accessDenied("iam:EnableMFADevice", USER_ARN),
    sources: [SIGNIN_EVENTS, apiReference("iam", "EnableMFADevice"), IAM_CLOUDTRAIL],
  }),
];
