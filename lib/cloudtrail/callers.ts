/**
 * Which callers make which records. The family of CloudTrail's own trail calls keeps every identity of
 * identities.ts; families built from call shapes use the callers of management calls; the root user calls with
 * the console and with its own access keys; routine records are made by users, roles and AWS services.
 */
import { CALLER_IDENTITIES, cliUserAgent, identity } from "./identities";
import type { CallerIdentity } from "./identities";
import { orderedObject } from "./json";

/**
 * The callers of management calls in general: every identity of identities.ts but the Directory user (WorkDocs and
 * Directory Service users call those services' own APIs), another AWS account (its principals reach an account's
 * resources only through resource policies, which these configuration calls do not take) and the Unknown identity
 * (IAM Identity Center's own portal calls). CloudTrail user guide, "CloudTrail userIdentity element".
 */
export const MANAGEMENT_CALLERS: readonly CallerIdentity[] = CALLER_IDENTITIES.filter(
  (caller) => !["directory", "aws-account", "unknown"].includes(caller.key),
);

/**
 * The root user with its own access key (IAM User Guide, "Root user access keys"; Security Hub IAM.4 warns against
 * them): `userIdentity` without a session context, as for an IAM user's long-term key.
 */
const ROOT_WITH_ACCESS_KEY: CallerIdentity = identity(
  "root-cli",
  ["calls by the root user", "CLI calls"],
  (context) => ({
    userIdentity: orderedObject([
      ["type", "Root"],
      ["principalId", context.accountId],
      ["arn", `arn:${context.partition}:iam::${context.accountId}:root`],
      ["accountId", context.accountId],
      ["accessKeyId", "AKIAIOSFODNN7ROOTKEY"],
    ]),
    sourceIPAddress: "203.0.113.25",
    userAgent: cliUserAgent(context.eventName, context.cliService),
    deniedPrincipal: `arn:${context.partition}:iam::${context.accountId}:root`,
    fromConsole: false,
    hasTlsDetails: true,
  }),
);

/** The root user in the console (identities.ts) and with an access key. */
export const ROOT_CALLERS: readonly CallerIdentity[] = [
  ...CALLER_IDENTITIES.filter((caller) => caller.key === "root-console"),
  ROOT_WITH_ACCESS_KEY,
];

/**
 * An AWS service reading through its service-linked role, as AWS Config's recorder does: an assumed role
 * AWSServiceRoleForConfig with `invokedBy` config.amazonaws.com (AWS Config Developer Guide, "Using service-linked
 * roles for AWS Config": https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles-config.html).
 */
const SERVICE_LINKED_ROLE: CallerIdentity = identity(
  "service-linked-role",
  ["calls by an assumed role", "calls by an AWS service"],
  (context) => {
    const roleName = "AWSServiceRoleForConfig";
    const arn = `arn:${context.partition}:sts::${context.accountId}:assumed-role/${roleName}/AWSConfig-Describe`;
    return {
      userIdentity: orderedObject([
        ["type", "AssumedRole"],
        ["principalId", "AROA3EXAMPLECONFIGSLR:AWSConfig-Describe"],
        ["arn", arn],
        ["accountId", context.accountId],
        ["accessKeyId", "ASIAIOSFODNN7CONFIG1"],
        [
          "sessionContext",
          orderedObject([
            [
              "sessionIssuer",
              orderedObject([
                ["type", "Role"],
                ["principalId", "AROA3EXAMPLECONFIGSLR"],
                [
                  "arn",
                  `arn:${context.partition}:iam::${context.accountId}:role/aws-service-role/config.amazonaws.com/${roleName}`,
                ],
                ["accountId", context.accountId],
                ["userName", roleName],
              ]),
            ],
            ["webIdFederationData", {}],
            [
              "attributes",
              orderedObject([
                ["creationDate", context.sessionStart],
                ["mfaAuthenticated", "false"],
              ]),
            ],
          ]),
        ],
        ["invokedBy", "config.amazonaws.com"],
      ]),
      sourceIPAddress: "config.amazonaws.com",
      userAgent: "config.amazonaws.com",
      deniedPrincipal: arn,
      fromConsole: false,
      hasTlsDetails: false,
    };
  },
);

/** Who makes a routine call, by the routine data's caller category (routine/types.ts). */
export const ROUTINE_CALLERS: Readonly<Record<"user" | "role" | "service", readonly CallerIdentity[]>> = {
  user: CALLER_IDENTITIES.filter(
    (caller) => caller.key === "iam-user-console" || caller.key === "assumed-role-saml-console",
  ),
  role: CALLER_IDENTITIES.filter((caller) => caller.key === "assumed-role-boto3"),
  service: [SERVICE_LINKED_ROLE],
};
