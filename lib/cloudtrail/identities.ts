/**
 * Who makes a CloudTrail call: one entry per documented `userIdentity.type`, and per way of calling
 * (console, CLI, SDK, a service on the caller's behalf). Each builds the `userIdentity` element and the
 * `sourceIPAddress` / `userAgent` that go with it (CloudTrail user guide, "userIdentity element").
 * All account ids, keys and addresses are documentation examples (RFC 5737 / RFC 3849 ranges).
 */
import { JsonObject, orderedObject } from "./json";

/** What an identity needs to know about the call it makes. */
export interface CallContext {
  readonly accountId: string;
  /** `aws`, `aws-us-gov`, `aws-cn`. */
  readonly partition: string;
  readonly region: string;
  readonly eventName: string;
  /** The AWS CLI command group of the call (`cloudtrail`, `iam`, `s3api`, ...); default `cloudtrail`. */
  readonly cliService?: string;
  /** ISO-8601 time the session began. */
  readonly sessionStart: string;
}

/** The identity-dependent part of a record. */
export interface CallerParts {
  readonly userIdentity: JsonObject;
  readonly sourceIPAddress: string;
  /** Absent for a few service-originated calls. */
  readonly userAgent?: string;
  /** The principal named in an AccessDenied message. */
  readonly deniedPrincipal: string;
  /** Whether the session came from the console (CloudTrail then writes `sessionCredentialFromConsole`). */
  readonly fromConsole: boolean;
  /** Whether the caller negotiates TLS itself (service-originated calls carry no `tlsDetails`). */
  readonly hasTlsDetails: boolean;
}

export interface CallerIdentity {
  /** A stable key, e.g. `assumed-role-cli`. */
  readonly key: string;
  /** Human words for the kinds of call this identity makes, used in coverage verdicts: `callerKinds` then `clientKinds`. */
  readonly kinds: readonly string[];
  /** The kinds that say who calls (told apart by `userIdentity`), e.g. `calls by an assumed role`. */
  readonly callerKinds: readonly string[];
  /** The kinds that say how the call is made (told apart by the user agent), e.g. `console calls`. */
  readonly clientKinds: readonly string[];
  readonly build: (context: CallContext) => CallerParts;
}

/** The client kinds: how a call is made, as its user agent tells. */
const CLIENT_KINDS: ReadonlySet<string> = new Set(["console calls", "CLI calls", "SDK calls"]);

/** An identity whose `kinds` are split into caller and client kinds. */
export function identity(key: string, kinds: readonly string[], build: CallerIdentity["build"]): CallerIdentity {
  return {
    key,
    kinds,
    callerKinds: kinds.filter((kind) => !CLIENT_KINDS.has(kind)),
    clientKinds: kinds.filter((kind) => CLIENT_KINDS.has(kind)),
    build,
  };
}

const CONSOLE_AGENT = "signin.amazonaws.com";

/**
 * The AWS CLI v2 user agent for a command (the command is the kebab-case API name, after its command group, e.g.
 * `command/cloudtrail.stop-logging`, `command/s3api.put-bucket-policy`).
 */
export function cliUserAgent(eventName: string, cliService = "cloudtrail"): string {
  // A run of capitals is one word: EnableMFADevice is `enable-mfa-device` (AWS CLI command reference).
  const command = eventName
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
  return `aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.167.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/${cliService}.${command}`;
}

/** The CLI agent of a call in its context. */
function cliAgentOf(context: CallContext): string {
  return cliUserAgent(context.eventName, context.cliService);
}

const BOTO3_AGENT =
  "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.213-201.855.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69";
const GO_SDK_AGENT =
  "pulumi-resource-aws/7.48.0 aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.24.2 md/GOOS#linux md/GOARCH#amd64 api/cloudtrail#1.49.0 m/E";
const TERRAFORM_AGENT =
  "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/cloudtrail#1.38.0";

function iamArn(context: CallContext, resource: string): string {
  return `arn:${context.partition}:iam::${context.accountId}:${resource}`;
}

function stsArn(context: CallContext, resource: string): string {
  return `arn:${context.partition}:sts::${context.accountId}:${resource}`;
}

function attributes(context: CallContext, mfa: boolean): JsonObject {
  return orderedObject([
    ["creationDate", context.sessionStart],
    ["mfaAuthenticated", mfa ? "true" : "false"],
  ]);
}

function roleIssuer(context: CallContext, roleName: string, roleId: string, path = ""): JsonObject {
  return orderedObject([
    ["type", "Role"],
    ["principalId", roleId],
    ["arn", iamArn(context, `role/${path}${roleName}`)],
    ["accountId", context.accountId],
    ["userName", roleName],
  ]);
}

interface AssumedRoleShape {
  readonly roleName: string;
  readonly roleId: string;
  readonly sessionName: string;
  readonly path?: string;
  /** The web identity federation data, in the context's partition and account (an IAM OIDC provider is the account's). */
  readonly webIdFederationData?: (context: CallContext) => JsonObject;
  readonly invokedBy?: string;
  readonly mfa?: boolean;
  readonly sourceIdentity?: string;
}

function assumedRoleIdentity(context: CallContext, shape: AssumedRoleShape): JsonObject {
  return orderedObject([
    ["type", "AssumedRole"],
    ["principalId", `${shape.roleId}:${shape.sessionName}`],
    ["arn", stsArn(context, `assumed-role/${shape.roleName}/${shape.sessionName}`)],
    ["accountId", context.accountId],
    ["accessKeyId", "ASIAIOSFODNN7EXAMPLE"],
    [
      "sessionContext",
      orderedObject([
        ["sessionIssuer", roleIssuer(context, shape.roleName, shape.roleId, shape.path)],
        ["webIdFederationData", shape.webIdFederationData?.(context) ?? {}],
        ["attributes", attributes(context, shape.mfa ?? false)],
        ["sourceIdentity", shape.sourceIdentity],
      ]),
    ],
    ["invokedBy", shape.invokedBy],
  ]);
}

function deniedRole(context: CallContext, shape: AssumedRoleShape): string {
  return stsArn(context, `assumed-role/${shape.roleName}/${shape.sessionName}`);
}

function assumedRoleCaller(
  key: string,
  kinds: readonly string[],
  shape: AssumedRoleShape,
  network: {
    sourceIPAddress: string;
    userAgent: (context: CallContext) => string;
    fromConsole: boolean;
    hasTlsDetails: boolean;
  },
): CallerIdentity {
  return identity(key, kinds, (context) => ({
    userIdentity: assumedRoleIdentity(context, shape),
    sourceIPAddress: network.sourceIPAddress,
    userAgent: network.userAgent(context),
    deniedPrincipal: deniedRole(context, shape),
    fromConsole: network.fromConsole,
    hasTlsDetails: network.hasTlsDetails,
  }));
}

const SAML_ROLE: AssumedRoleShape = {
  roleName: "AWSReservedSSO_AdministratorAccess_0123456789abcdef",
  roleId: "AROA3EXAMPLESSOROLEID",
  sessionName: "alice@example.com",
  path: "aws-reserved/sso.amazonaws.com/",
  sourceIdentity: "alice@example.com",
};

const WEB_IDENTITY_ROLE: AssumedRoleShape = {
  roleName: "github-actions-deploy",
  roleId: "AROA3EXAMPLEGHAROLEID",
  sessionName: "GitHubActions",
  webIdFederationData: (context) =>
    orderedObject([
      ["federatedProvider", iamArn(context, "oidc-provider/token.actions.githubusercontent.com")],
      ["attributes", {}],
    ]),
};

/** Every kind of caller in the family, in a fixed order. */
export const CALLER_IDENTITIES: readonly CallerIdentity[] = [
  identity("root-console", ["calls by the root user", "console calls"], (context) => ({
    userIdentity: orderedObject([
      ["type", "Root"],
      ["principalId", context.accountId],
      ["arn", iamArn(context, "root")],
      ["accountId", context.accountId],
      ["accessKeyId", "ASIAIOSFODNN7ROOTKEY"],
      ["sessionContext", orderedObject([["attributes", attributes(context, true)]])],
    ]),
    sourceIPAddress: "203.0.113.25",
    userAgent: "console.amazonaws.com",
    deniedPrincipal: iamArn(context, "root"),
    fromConsole: true,
    hasTlsDetails: true,
  })),
  identity("iam-user-console", ["calls by an IAM user", "console calls"], (context) => ({
    userIdentity: orderedObject([
      ["type", "IAMUser"],
      ["principalId", "AIDAJ45Q7YFFAREXAMPLE"],
      ["arn", iamArn(context, "user/Mary_Major")],
      ["accountId", context.accountId],
      ["accessKeyId", "ASIAI44QH8DHBEXAMPLE"],
      ["userName", "Mary_Major"],
      [
        "sessionContext",
        orderedObject([
          ["sessionIssuer", {}],
          ["webIdFederationData", {}],
          ["attributes", attributes(context, false)],
        ]),
      ],
      ["invokedBy", CONSOLE_AGENT],
    ]),
    sourceIPAddress: "198.51.100.44",
    userAgent: CONSOLE_AGENT,
    deniedPrincipal: iamArn(context, "user/Mary_Major"),
    fromConsole: true,
    hasTlsDetails: true,
  })),
  identity("iam-user-cli", ["calls by an IAM user", "CLI calls"], (context) => ({
    userIdentity: orderedObject([
      ["type", "IAMUser"],
      ["principalId", "AIDAIOSFODNN7EXAMPLE"],
      ["arn", iamArn(context, "user/deploy-bot")],
      ["accountId", context.accountId],
      ["accessKeyId", "AKIAIOSFODNN7EXAMPLE"],
      ["userName", "deploy-bot"],
    ]),
    sourceIPAddress: "2001:db8:85a3::8a2e:370:7334",
    userAgent: cliAgentOf(context),
    deniedPrincipal: iamArn(context, "user/deploy-bot"),
    fromConsole: false,
    hasTlsDetails: true,
  })),
  assumedRoleCaller(
    "assumed-role-cli",
    ["calls by an assumed role", "CLI calls"],
    { roleName: "Admin", roleId: "AROAEXAMPLEROLEID", sessionName: "alice", mfa: true },
    { sourceIPAddress: "198.51.100.7", userAgent: cliAgentOf, fromConsole: false, hasTlsDetails: true },
  ),
  assumedRoleCaller(
    "assumed-role-boto3",
    ["calls by an assumed role", "SDK calls"],
    { roleName: "security-automation", roleId: "AROA3EXAMPLEAUTOMATION", sessionName: "botocore-session-1736931234" },
    { sourceIPAddress: "192.0.2.181", userAgent: () => BOTO3_AGENT, fromConsole: false, hasTlsDetails: true },
  ),
  assumedRoleCaller(
    "assumed-role-saml-console",
    ["calls by an assumed role", "calls by a SAML-federated role", "console calls"],
    SAML_ROLE,
    {
      sourceIPAddress: "203.0.113.90",
      userAgent: () => "console.amazonaws.com",
      fromConsole: true,
      hasTlsDetails: true,
    },
  ),
  assumedRoleCaller(
    "assumed-role-web-identity",
    ["calls by an assumed role", "calls by a web-identity-federated role", "SDK calls"],
    WEB_IDENTITY_ROLE,
    { sourceIPAddress: "192.0.2.14", userAgent: () => GO_SDK_AGENT, fromConsole: false, hasTlsDetails: true },
  ),
  assumedRoleCaller(
    "assumed-role-cloudformation",
    ["calls by an assumed role", "calls made through CloudFormation"],
    {
      roleName: "StackSetExecutionRole",
      roleId: "AROA3EXAMPLESTACKSET",
      sessionName: "AWSCloudFormation",
      invokedBy: "cloudformation.amazonaws.com",
    },
    {
      sourceIPAddress: "cloudformation.amazonaws.com",
      userAgent: () => "cloudformation.amazonaws.com",
      fromConsole: false,
      hasTlsDetails: false,
    },
  ),
  identity("aws-service-cloudformation", ["calls by an AWS service", "calls made through CloudFormation"], () => ({
    userIdentity: orderedObject([
      ["type", "AWSService"],
      ["invokedBy", "cloudformation.amazonaws.com"],
    ]),
    sourceIPAddress: "cloudformation.amazonaws.com",
    userAgent: "cloudformation.amazonaws.com",
    deniedPrincipal: "cloudformation.amazonaws.com",
    fromConsole: false,
    hasTlsDetails: false,
  })),
  identity("aws-service-control-tower", ["calls by an AWS service", "calls made by AWS Control Tower"], () => ({
    userIdentity: orderedObject([
      ["type", "AWSService"],
      ["invokedBy", "controltower.amazonaws.com"],
    ]),
    sourceIPAddress: "controltower.amazonaws.com",
    userAgent: "controltower.amazonaws.com",
    deniedPrincipal: "controltower.amazonaws.com",
    fromConsole: false,
    hasTlsDetails: false,
  })),
  identity("role", ["calls by a role (userIdentity type Role)", "SDK calls"], (context) => ({
    userIdentity: orderedObject([
      ["type", "Role"],
      ["principalId", "AROA3EXAMPLETERRAFORM"],
      ["arn", iamArn(context, "role/terraform-ci")],
      ["accountId", context.accountId],
      ["userName", "terraform-ci"],
    ]),
    sourceIPAddress: "198.51.100.201",
    userAgent: TERRAFORM_AGENT,
    deniedPrincipal: iamArn(context, "role/terraform-ci"),
    fromConsole: false,
    hasTlsDetails: true,
  })),
  identity("federated-user", ["calls by a federated user", "CLI calls"], (context) => ({
    userIdentity: orderedObject([
      ["type", "FederatedUser"],
      ["principalId", `${context.accountId}:bob`],
      ["arn", stsArn(context, "federated-user/bob")],
      ["accountId", context.accountId],
      ["accessKeyId", "ASIAIOSFODNN7FEDUSER"],
      [
        "sessionContext",
        orderedObject([
          [
            "sessionIssuer",
            orderedObject([
              ["type", "IAMUser"],
              ["principalId", "AIDAIOSFODNN7BROKER"],
              ["arn", iamArn(context, "user/token-broker")],
              ["accountId", context.accountId],
              ["userName", "token-broker"],
            ]),
          ],
          ["webIdFederationData", {}],
          ["attributes", attributes(context, false)],
        ]),
      ],
    ]),
    sourceIPAddress: "198.51.100.12",
    userAgent: cliAgentOf(context),
    deniedPrincipal: stsArn(context, "federated-user/bob"),
    fromConsole: false,
    hasTlsDetails: true,
  })),
  identity("directory", ["calls by a Directory user"], (context) => ({
    userIdentity: orderedObject([
      ["type", "Directory"],
      ["principalId", "S-1-5-21-1234567890-123456789-1234567890-1104"],
      ["accountId", context.accountId],
      ["userName", "carol"],
    ]),
    sourceIPAddress: "203.0.113.140",
    userAgent: "console.amazonaws.com",
    deniedPrincipal: "carol",
    fromConsole: false,
    hasTlsDetails: true,
  })),
  identity("aws-account", ["calls from another AWS account"], (context) => ({
    userIdentity: orderedObject([
      ["type", "AWSAccount"],
      ["principalId", "AIDAEXAMPLEOTHERACCT"],
      ["accountId", "444455556666"],
    ]),
    sourceIPAddress: "192.0.2.77",
    userAgent: BOTO3_AGENT,
    // Accounts reach each other only within a partition.
    deniedPrincipal: `arn:${context.partition}:iam::444455556666:root`,
    fromConsole: false,
    hasTlsDetails: true,
  })),
  identity("unknown", ["calls by an unknown identity"], (context) => ({
    userIdentity: orderedObject([
      ["type", "Unknown"],
      ["principalId", "9067d5b1a0-11111111-2222-3333-4444-555555555555"],
      ["accountId", context.accountId],
      ["userName", "dave@example.com"],
    ]),
    sourceIPAddress: "AWS Internal",
    userAgent: "AWS Internal",
    deniedPrincipal: "dave@example.com",
    fromConsole: false,
    hasTlsDetails: false,
  })),
];
