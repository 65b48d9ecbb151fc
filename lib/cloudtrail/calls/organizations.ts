/**
 * AWS Organizations calls (organizations.amazonaws.com): the eighteen calls of CIS v1.4+ "AWS Organizations changes
 * are monitored" (no Security Hub control), made in the management account, and the reads AWS services with trusted
 * access make. Organizations has a single endpoint: every record is written in us-east-1, whichever Region the
 * caller works in (Organizations User Guide, "Logging and monitoring"), yet it is not one of CloudTrail's four
 * global services (CloudFront, IAM, sign-in, STS), so `globalService` is false and `recordedRegion` is us-east-1.
 * JSON protocol: errors are exception names. CreateAccount, CreateOrganizationalUnit, InviteAccountToOrganization
 * and AttachPolicy (its PolicyTypeNotEnabledException) follow the records the Organizations User Guide prints; the
 * others are built from the API reference's request syntax, with error messages taken from the API reference's
 * error descriptions.
 */
import type { CallError, CallShape } from "./types";
import { accessDeniedException, EXAMPLE, serviceCalls } from "./parts";
import { apiReference, ORGANIZATIONS_CLOUDTRAIL } from "./sources";

const { write, read } = serviceCalls({
  eventSource: "organizations.amazonaws.com",
  globalService: false,
  recordedRegion: "us-east-1",
  denied: (eventName) =>
    accessDeniedException(`organizations:${eventName}`, `arn:\${partition}:organizations::\${account}:*`),
});

const ORG = EXAMPLE.organizationId;
const ORG_ARN = `arn:\${partition}:organizations::\${account}`;
const OU_ARN = `${ORG_ARN}:ou/${ORG}/${EXAMPLE.ouId}`;
const POLICY_ARN = `${ORG_ARN}:policy/${ORG}/service_control_policy/${EXAMPLE.policyId}`;
const HANDSHAKE_ARN = `${ORG_ARN}:handshake/${ORG}/invite/${EXAMPLE.handshakeId}`;

const SCP = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Sid: "DenyLeavingOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" },
  ],
});

function sources(action: string, documented = false): CallShape["sources"] {
  return documented
    ? [ORGANIZATIONS_CLOUDTRAIL, apiReference("organizations", action)]
    : [apiReference("organizations", action), ORGANIZATIONS_CLOUDTRAIL];
}

function handshake(state: string): CallShape["responseElements"] {
  return {
    handshake: {
      id: EXAMPLE.handshakeId,
      arn: HANDSHAKE_ARN,
      parties: [
        { type: "ORGANIZATION", id: ORG },
        { type: "ACCOUNT", id: EXAMPLE.memberAccount },
      ],
      state,
      requestedTimestamp: "Jan 15, 2026, 9:00:00 AM",
      expirationTimestamp: "Jan 30, 2026, 9:00:00 AM",
      action: "INVITE",
    },
  };
}

const POLICY_SUMMARY = {
  id: EXAMPLE.policyId,
  arn: POLICY_ARN,
  name: "deny-leave",
  description: "Members cannot leave the organization",
  type: "SERVICE_CONTROL_POLICY",
  awsManaged: false,
};
const ROOT = { id: EXAMPLE.rootId, arn: `${ORG_ARN}:root/${ORG}/${EXAMPLE.rootId}`, name: "Root" };

const HANDSHAKE_NOT_FOUND: CallError = {
  errorCode: "HandshakeNotFoundException",
  errorMessage: "We can't find a handshake with the HandshakeId that you specified.",
};
const POLICY_NOT_FOUND: CallError = {
  errorCode: "PolicyNotFoundException",
  errorMessage: "We can't find a policy with the PolicyId that you specified.",
};
const OU_NOT_FOUND: CallError = {
  errorCode: "OrganizationalUnitNotFoundException",
  errorMessage: "We can't find an OU with the OrganizationalUnitId that you specified.",
};
const ACCOUNT_NOT_FOUND: CallError = {
  errorCode: "AccountNotFoundException",
  errorMessage: "We can't find an AWS account with the AccountId that you specified.",
};
const DUPLICATE_OU: CallError = {
  errorCode: "DuplicateOrganizationalUnitException",
  errorMessage: "An OU with the same name already exists.",
};
const POLICY_TYPE_NOT_ENABLED: CallError = {
  errorCode: "PolicyTypeNotEnabledException",
  errorMessage: "The given policy type ServiceControlPolicy is not enabled on the current view",
};

export const ORGANIZATIONS_CALLS: readonly CallShape[] = [
  write("AcceptHandshake", {
    requestParameters: { handshakeId: EXAMPLE.handshakeId },
    responseElements: handshake("ACCEPTED"),
    errors: [
      HANDSHAKE_NOT_FOUND,
      {
        errorCode: "InvalidHandshakeTransitionException",
        errorMessage: "You can't perform the operation on the handshake in its current state.",
      },
    ],
    sources: sources("AcceptHandshake"),
  }),
  write("AttachPolicy", {
    requestParameters: { policyId: EXAMPLE.policyId, targetId: EXAMPLE.ouId },
    responseElements: null,
    alternativeRequests: [{ policyId: EXAMPLE.policyId, targetId: EXAMPLE.memberAccount }],
    errors: [
      POLICY_TYPE_NOT_ENABLED,
      {
        errorCode: "DuplicatePolicyAttachmentException",
        errorMessage: "The selected policy is already attached to the specified target.",
      },
    ],
    sources: sources("AttachPolicy", true),
  }),
  write("CreateAccount", {
    // CloudTrail masks the new account's e-mail address and name: the guide's record shows "****".
    requestParameters: { tags: [], email: "****", accountName: "****" },
    responseElements: {
      createAccountStatus: {
        accountName: "****",
        state: "IN_PROGRESS",
        id: "car-examplecreateaccountrequestid111",
        requestedTimestamp: "Jan 15, 2026, 9:00:00 AM",
      },
    },
    errors: [
      {
        errorCode: "ConstraintViolationException",
        errorMessage: "You have exceeded the allowed number of AWS accounts.",
      },
    ],
    sources: sources("CreateAccount", true),
  }),
  write("CreateOrganizationalUnit", {
    requestParameters: { name: "Workloads", parentId: EXAMPLE.rootId },
    responseElements: { organizationalUnit: { arn: OU_ARN, id: EXAMPLE.ouId, name: "Workloads" } },
    errors: [
      DUPLICATE_OU,
      {
        errorCode: "ParentNotFoundException",
        errorMessage: "We can't find a root or OU with the ParentId that you specified.",
      },
    ],
    sources: sources("CreateOrganizationalUnit", true),
  }),
  write("CreatePolicy", {
    requestParameters: {
      content: SCP,
      description: POLICY_SUMMARY.description,
      name: POLICY_SUMMARY.name,
      type: "SERVICE_CONTROL_POLICY",
    },
    responseElements: { policy: { policySummary: POLICY_SUMMARY, content: SCP } },
    errors: [
      { errorCode: "DuplicatePolicyException", errorMessage: "A policy with the same name already exists." },
      {
        errorCode: "MalformedPolicyDocumentException",
        errorMessage: "The provided policy document doesn't meet the requirements of the specified policy type.",
      },
    ],
    sources: sources("CreatePolicy"),
  }),
  write("DeclineHandshake", {
    requestParameters: { handshakeId: EXAMPLE.handshakeId },
    responseElements: handshake("DECLINED"),
    errors: [HANDSHAKE_NOT_FOUND],
    sources: sources("DeclineHandshake"),
  }),
  write("DeleteOrganization", {
    requestParameters: null,
    responseElements: null,
    errors: [
      {
        errorCode: "OrganizationNotEmptyException",
        errorMessage:
          "The organization isn't empty. To delete an organization, you must first remove all accounts except the management account.",
      },
    ],
    sources: sources("DeleteOrganization"),
  }),
  write("DeleteOrganizationalUnit", {
    requestParameters: { organizationalUnitId: EXAMPLE.ouId },
    responseElements: null,
    errors: [
      {
        errorCode: "OrganizationalUnitNotEmptyException",
        errorMessage:
          "The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.",
      },
      OU_NOT_FOUND,
    ],
    sources: sources("DeleteOrganizationalUnit"),
  }),
  write("DeletePolicy", {
    requestParameters: { policyId: EXAMPLE.policyId },
    responseElements: null,
    errors: [
      {
        errorCode: "PolicyInUseException",
        errorMessage:
          "The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.",
      },
      POLICY_NOT_FOUND,
    ],
    sources: sources("DeletePolicy"),
  }),
  write("DetachPolicy", {
    requestParameters: { policyId: EXAMPLE.policyId, targetId: EXAMPLE.ouId },
    responseElements: null,
    errors: [
      {
        errorCode: "PolicyNotAttachedException",
        errorMessage: "The policy isn't attached to the specified target in the specified root.",
      },
      POLICY_NOT_FOUND,
    ],
    sources: sources("DetachPolicy"),
  }),
  write("DisablePolicyType", {
    requestParameters: { rootId: EXAMPLE.rootId, policyType: "SERVICE_CONTROL_POLICY" },
    responseElements: { root: { ...ROOT, policyTypes: [] } },
    errors: [
      POLICY_TYPE_NOT_ENABLED,
      { errorCode: "RootNotFoundException", errorMessage: "We can't find a root with the RootId that you specified." },
    ],
    sources: sources("DisablePolicyType"),
  }),
  write("EnablePolicyType", {
    requestParameters: { rootId: EXAMPLE.rootId, policyType: "SERVICE_CONTROL_POLICY" },
    responseElements: { root: { ...ROOT, policyTypes: [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" }] } },
    alternativeRequests: [{ rootId: EXAMPLE.rootId, policyType: "TAG_POLICY" }],
    errors: [
      { errorCode: "PolicyTypeAlreadyEnabledException", errorMessage: "The specified policy type is already enabled." },
    ],
    sources: sources("EnablePolicyType"),
  }),
  write("InviteAccountToOrganization", {
    requestParameters: { notes: "Joining the organization", target: { type: "ACCOUNT", id: EXAMPLE.memberAccount } },
    responseElements: handshake("OPEN"),
    errors: [
      {
        errorCode: "DuplicateHandshakeException",
        errorMessage: "A handshake with the same action and target already exists.",
      },
    ],
    sources: sources("InviteAccountToOrganization", true),
  }),
  write("LeaveOrganization", {
    requestParameters: null,
    responseElements: null,
    errors: [
      {
        errorCode: "MasterCannotLeaveOrganizationException",
        errorMessage:
          "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.",
      },
    ],
    sources: sources("LeaveOrganization"),
  }),
  write("MoveAccount", {
    requestParameters: {
      accountId: EXAMPLE.memberAccount,
      sourceParentId: EXAMPLE.rootId,
      destinationParentId: EXAMPLE.ouId,
    },
    responseElements: null,
    errors: [
      {
        errorCode: "DuplicateAccountException",
        errorMessage: "That account is already present in the specified destination.",
      },
      ACCOUNT_NOT_FOUND,
    ],
    sources: sources("MoveAccount"),
  }),
  write("RemoveAccountFromOrganization", {
    requestParameters: { accountId: EXAMPLE.memberAccount },
    responseElements: null,
    errors: [ACCOUNT_NOT_FOUND],
    sources: sources("RemoveAccountFromOrganization"),
  }),
  write("UpdatePolicy", {
    requestParameters: { policyId: EXAMPLE.policyId, content: SCP },
    responseElements: { policy: { policySummary: POLICY_SUMMARY, content: SCP } },
    alternativeRequests: [{ policyId: EXAMPLE.policyId, name: "deny-leave-v2", description: "Members cannot leave" }],
    errors: [POLICY_NOT_FOUND],
    sources: sources("UpdatePolicy"),
  }),
  write("UpdateOrganizationalUnit", {
    requestParameters: { organizationalUnitId: EXAMPLE.ouId, name: "Production" },
    responseElements: { organizationalUnit: { arn: OU_ARN, id: EXAMPLE.ouId, name: "Production" } },
    errors: [DUPLICATE_OU, OU_NOT_FOUND],
    sources: sources("UpdateOrganizationalUnit"),
  }),
  read("DescribeOrganization", {
    requestParameters: null,
    responseElements: null,
    errors: [
      {
        errorCode: "AWSOrganizationsNotInUseException",
        errorMessage: "Your account is not a member of an organization.",
      },
    ],
    sources: sources("DescribeOrganization"),
  }),
  read("ListAccounts", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: sources("ListAccounts"),
  }),
  read("DescribeAccount", {
    requestParameters: { accountId: EXAMPLE.memberAccount },
    responseElements: null,
    errors: [ACCOUNT_NOT_FOUND],
    sources: sources("DescribeAccount"),
  }),
];
