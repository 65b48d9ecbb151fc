/**
 * IAM policy calls (iam.amazonaws.com): the sixteen calls of CIS "IAM policy changes are monitored" (Security Hub
 * CloudWatch.4). IAM is a global service: its records land in us-east-1 and reach only trails that include global
 * service events. IAM is a query-protocol service: requestParameters carry the API's parameters in lowerCamelCase,
 * policy documents as JSON strings, and dates in responseElements in Java's "MMM d, yyyy, h:mm:ss a" form (IAM User
 * Guide CloudTrail examples). No AWS page prints a record of these sixteen calls: the shapes are built from the
 * API reference's request syntax and the IAM CloudTrail examples' conventions.
 */
import type { CallError, CallShape } from "./types";
import { accessDenied, EXAMPLE, serviceCalls } from "./parts";
import { apiReference, GLOBAL_SERVICE_EVENTS, IAM_CLOUDTRAIL, IAM_ERRORS } from "./sources";

/** The resource ARN IAM names in a denial: the role, user or group the inline policy belongs to, or the policy. */
function resourceOf(eventName: string): string {
  const iam = "arn:${partition}:iam::${account}:";
  if (eventName.endsWith("RolePolicy")) return `${iam}role/${EXAMPLE.roleName}`;
  if (eventName.endsWith("UserPolicy")) return `${iam}user/${EXAMPLE.userName}`;
  if (eventName.endsWith("GroupPolicy")) return `${iam}group/${EXAMPLE.groupName}`;
  return EXAMPLE.policyArn;
}

const { write } = serviceCalls({
  eventSource: "iam.amazonaws.com",
  globalService: true,
  denied: (eventName) => accessDenied(`iam:${eventName}`, resourceOf(eventName)),
});

/** An inline or managed policy document, as the JSON string IAM records. */
const POLICY_DOCUMENT = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject"],
      Resource: "arn:${partition}:s3:::amzn-s3-demo-bucket/*",
    },
  ],
});
const WIDE_POLICY_DOCUMENT = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
});
const INLINE_POLICY = "s3-access";
const CREATED = "Jan 15, 2026, 9:00:00 AM";

const MALFORMED: CallError = {
  errorCode: "MalformedPolicyDocumentException",
  errorMessage: "Syntax errors in policy.",
};

function noSuchEntity(kind: string, name: string): CallError {
  return { errorCode: "NoSuchEntityException", errorMessage: `The ${kind} with name ${name} cannot be found.` };
}
const POLICY_NOT_FOUND: CallError = {
  errorCode: "NoSuchEntityException",
  errorMessage: `Policy ${EXAMPLE.policyArn} was not found.`,
};
const NOT_ATTACHABLE: CallError = {
  errorCode: "NoSuchEntityException",
  errorMessage: `Policy ${EXAMPLE.awsManagedPolicyArn} does not exist or is not attachable.`,
};
function quota(kind: "Role" | "User" | "Group"): CallError {
  return { errorCode: "LimitExceededException", errorMessage: `Cannot exceed quota for PoliciesPer${kind}: 10` };
}
function sizeLimit(kind: string, name: string, bytes: number): CallError {
  return {
    errorCode: "LimitExceededException",
    errorMessage: `Maximum policy size of ${bytes} bytes exceeded for ${kind} ${name}`,
  };
}
/** A service-linked role can be changed only by its service. */
const PROTECTED_ROLE: CallError = {
  errorCode: "UnmodifiableEntityException",
  errorMessage:
    "Cannot perform the operation on the protected role 'AWSServiceRoleForConfig' - this role is only modifiable by AWS",
};

function sources(action: string): CallShape["sources"] {
  return [apiReference("iam", action), IAM_CLOUDTRAIL, IAM_ERRORS, GLOBAL_SERVICE_EVENTS];
}

const MANAGED_POLICY = {
  policyName: "app-permissions",
  policyId: "ANPAJ2UCCR6DPCEXAMPLE",
  arn: EXAMPLE.policyArn,
  path: "/",
  defaultVersionId: "v1",
  attachmentCount: 0,
  permissionsBoundaryUsageCount: 0,
  isAttachable: true,
  createDate: CREATED,
  updateDate: CREATED,
};

export const IAM_POLICY_CALLS: readonly CallShape[] = [
  write("DeleteGroupPolicy", {
    requestParameters: { groupName: EXAMPLE.groupName, policyName: INLINE_POLICY },
    responseElements: null,
    errors: [noSuchEntity("group policy", INLINE_POLICY)],
    sources: sources("DeleteGroupPolicy"),
  }),
  write("DeleteRolePolicy", {
    requestParameters: { roleName: EXAMPLE.roleName, policyName: INLINE_POLICY },
    responseElements: null,
    errors: [noSuchEntity("role policy", INLINE_POLICY), PROTECTED_ROLE],
    sources: sources("DeleteRolePolicy"),
  }),
  write("DeleteUserPolicy", {
    requestParameters: { userName: EXAMPLE.userName, policyName: INLINE_POLICY },
    responseElements: null,
    errors: [noSuchEntity("user policy", INLINE_POLICY)],
    sources: sources("DeleteUserPolicy"),
  }),
  write("PutGroupPolicy", {
    requestParameters: { groupName: EXAMPLE.groupName, policyName: INLINE_POLICY, policyDocument: POLICY_DOCUMENT },
    responseElements: null,
    alternativeRequests: [{ groupName: "Admins", policyName: "admin", policyDocument: WIDE_POLICY_DOCUMENT }],
    errors: [MALFORMED, noSuchEntity("group", EXAMPLE.groupName), sizeLimit("group", EXAMPLE.groupName, 5120)],
    sources: sources("PutGroupPolicy"),
  }),
  write("PutRolePolicy", {
    requestParameters: { roleName: EXAMPLE.roleName, policyName: INLINE_POLICY, policyDocument: POLICY_DOCUMENT },
    responseElements: null,
    alternativeRequests: [{ roleName: EXAMPLE.roleName, policyName: "escalate", policyDocument: WIDE_POLICY_DOCUMENT }],
    errors: [
      MALFORMED,
      noSuchEntity("role", EXAMPLE.roleName),
      sizeLimit("role", EXAMPLE.roleName, 10240),
      PROTECTED_ROLE,
    ],
    sources: sources("PutRolePolicy"),
  }),
  write("PutUserPolicy", {
    requestParameters: { userName: EXAMPLE.userName, policyName: INLINE_POLICY, policyDocument: POLICY_DOCUMENT },
    responseElements: null,
    alternativeRequests: [{ userName: EXAMPLE.userName, policyName: "admin", policyDocument: WIDE_POLICY_DOCUMENT }],
    errors: [MALFORMED, noSuchEntity("user", EXAMPLE.userName), sizeLimit("user", EXAMPLE.userName, 2048)],
    sources: sources("PutUserPolicy"),
  }),
  write("CreatePolicy", {
    requestParameters: { policyName: "app-permissions", policyDocument: POLICY_DOCUMENT },
    responseElements: { policy: MANAGED_POLICY },
    alternativeRequests: [
      {
        policyName: "app-permissions",
        path: "/service/",
        description: "Application access",
        policyDocument: POLICY_DOCUMENT,
      },
    ],
    errors: [
      {
        errorCode: "EntityAlreadyExistsException",
        errorMessage: "A policy called app-permissions already exists. Duplicate names are not allowed.",
      },
      MALFORMED,
    ],
    sources: sources("CreatePolicy"),
  }),
  write("DeletePolicy", {
    requestParameters: { policyArn: EXAMPLE.policyArn },
    responseElements: null,
    errors: [
      { errorCode: "DeleteConflictException", errorMessage: "Cannot delete a policy attached to entities." },
      POLICY_NOT_FOUND,
    ],
    sources: sources("DeletePolicy"),
  }),
  write("CreatePolicyVersion", {
    requestParameters: { policyArn: EXAMPLE.policyArn, policyDocument: POLICY_DOCUMENT, setAsDefault: true },
    responseElements: { policyVersion: { versionId: "v2", isDefaultVersion: true, createDate: CREATED } },
    alternativeRequests: [{ policyArn: EXAMPLE.policyArn, policyDocument: WIDE_POLICY_DOCUMENT, setAsDefault: false }],
    errors: [
      {
        errorCode: "LimitExceededException",
        errorMessage:
          "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
      },
      MALFORMED,
      POLICY_NOT_FOUND,
    ],
    sources: sources("CreatePolicyVersion"),
  }),
  write("DeletePolicyVersion", {
    requestParameters: { policyArn: EXAMPLE.policyArn, versionId: "v1" },
    responseElements: null,
    errors: [
      { errorCode: "DeleteConflictException", errorMessage: "Cannot delete the default version of a policy." },
      POLICY_NOT_FOUND,
    ],
    sources: sources("DeletePolicyVersion"),
  }),
  write("AttachRolePolicy", {
    requestParameters: { roleName: EXAMPLE.roleName, policyArn: EXAMPLE.awsManagedPolicyArn },
    responseElements: null,
    alternativeRequests: [
      { roleName: EXAMPLE.roleName, policyArn: "arn:${partition}:iam::aws:policy/AdministratorAccess" },
    ],
    errors: [NOT_ATTACHABLE, noSuchEntity("role", EXAMPLE.roleName), quota("Role"), PROTECTED_ROLE],
    sources: sources("AttachRolePolicy"),
  }),
  write("DetachRolePolicy", {
    requestParameters: { roleName: EXAMPLE.roleName, policyArn: EXAMPLE.policyArn },
    responseElements: null,
    errors: [POLICY_NOT_FOUND, noSuchEntity("role", EXAMPLE.roleName)],
    sources: sources("DetachRolePolicy"),
  }),
  write("AttachUserPolicy", {
    requestParameters: { userName: EXAMPLE.userName, policyArn: EXAMPLE.awsManagedPolicyArn },
    responseElements: null,
    alternativeRequests: [
      { userName: EXAMPLE.userName, policyArn: "arn:${partition}:iam::aws:policy/AdministratorAccess" },
    ],
    errors: [NOT_ATTACHABLE, noSuchEntity("user", EXAMPLE.userName), quota("User")],
    sources: sources("AttachUserPolicy"),
  }),
  write("DetachUserPolicy", {
    requestParameters: { userName: EXAMPLE.userName, policyArn: EXAMPLE.policyArn },
    responseElements: null,
    errors: [POLICY_NOT_FOUND, noSuchEntity("user", EXAMPLE.userName)],
    sources: sources("DetachUserPolicy"),
  }),
  write("AttachGroupPolicy", {
    requestParameters: { groupName: EXAMPLE.groupName, policyArn: EXAMPLE.awsManagedPolicyArn },
    responseElements: null,
    errors: [NOT_ATTACHABLE, noSuchEntity("group", EXAMPLE.groupName), quota("Group")],
    sources: sources("AttachGroupPolicy"),
  }),
  write("DetachGroupPolicy", {
    requestParameters: { groupName: EXAMPLE.groupName, policyArn: EXAMPLE.policyArn },
    responseElements: null,
    errors: [POLICY_NOT_FOUND, noSuchEntity("group", EXAMPLE.groupName)],
    sources: sources("DetachGroupPolicy"),
  }),
];
