import { ROOT_CALLERS, ROUTINE_CALLERS } from "../../lib/cloudtrail/callers";
import { cliUserAgent } from "../../lib/cloudtrail";
import type { CallContext, CallerIdentity, CallerParts } from "../../lib/cloudtrail";
import type { JsonObject, JsonValue } from "../../lib/cloudtrail/json";

/**
 * The callers callers.ts adds to identities.ts's, checked field by field against AWS's documentation of the records
 * they stand for:
 * - CloudTrail User Guide, "CloudTrail userIdentity element"
 *   (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html): the
 *   fields of each `type`, `sessionContext` only for temporary credentials, `principalId` of temporary credentials
 *   holding the session name (`AROA...:SessionName` in the AssumedRole example), `sessionIssuer` with the role's
 *   `type`, `principalId`, `arn`, `accountId` and `userName` (the role's friendly name), `mfaAuthenticated` the string
 *   "true" or "false", `invokedBy` the name of the AWS service that made the request.
 * - CloudTrail User Guide, "CloudTrail record contents" (cloudtrail-event-reference-record-contents.html):
 *   `sourceIPAddress` "For services in AWS, only the DNS name is displayed"; `userAgent` an AWS service's name such as
 *   `lambda.amazonaws.com` for a call it makes, `aws-cli/...` for the AWS CLI.
 * - IAM User Guide, "IAM identifiers", unique ID prefixes: `AKIA` an access key, `ASIA` a temporary (AWS STS) access
 *   key, `AROA` a role; the root user's ARN is `arn:<partition>:iam::<account>:root`.
 * - AWS Config Developer Guide, "Using Service-Linked Roles for AWS Config"
 *   (https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles-config.html) and "AWS managed
 *   policies for AWS Config": the role AWSServiceRoleForConfig, trusted by `config.amazonaws.com`; IAM User Guide,
 *   "Using service-linked roles": a service-linked role's path is `/aws-service-role/<service principal>/`.
 */

/** Two contexts in different partitions and accounts, so that each ARN and account id is seen to come from them. */
const CONTEXTS: readonly CallContext[] = [
  {
    accountId: "111122223333",
    partition: "aws",
    region: "us-east-1",
    eventName: "StopLogging",
    sessionStart: "2024-01-15T08:59:58Z",
  },
  {
    accountId: "444455556666",
    partition: "aws-us-gov",
    region: "us-gov-west-1",
    eventName: "PutBucketPolicy",
    cliService: "s3api",
    sessionStart: "2025-06-30T23:00:00Z",
  },
];

/** Whether a string is an IPv4 address of 203.0.113.0/24 (TEST-NET-3, RFC 5737: for documentation). */
function inTestNet3(address: string): boolean {
  const match = /^203\.0\.113\.(\d{1,3})$/.exec(address);
  return match !== null && Number(match[1]) <= 255 && String(Number(match[1])) === match[1];
}

function objectAt(value: JsonValue | undefined): JsonObject {
  expect(value !== null && typeof value === "object" && !Array.isArray(value)).toBe(true);
  return value as JsonObject;
}

function stringAt(value: JsonValue | undefined): string {
  expect(typeof value).toBe("string");
  return value as string;
}

function callerWithKey(callers: readonly CallerIdentity[], key: string): CallerIdentity {
  const found = callers.filter((caller) => caller.key === key);
  expect(found).toHaveLength(1);
  return found[0];
}

describe("the root user with its own access key", () => {
  test("is the second root caller, after the console root user, and a root user's CLI caller", () => {
    expect(ROOT_CALLERS.map((caller) => caller.key)).toEqual(["root-console", "root-cli"]);
    const caller = callerWithKey(ROOT_CALLERS, "root-cli");
    expect(caller.callerKinds).toEqual(["calls by the root user"]);
    expect(caller.clientKinds).toEqual(["CLI calls"]);
  });

  test.each(CONTEXTS)("writes a Root userIdentity with a long-term key and no session ($partition)", (context) => {
    const parts: CallerParts = callerWithKey(ROOT_CALLERS, "root-cli").build(context);
    const rootArn = `arn:${context.partition}:iam::${context.accountId}:root`;
    // The fields of an identity calling with a long-term key, in the order of the guide's IAM user example; no
    // sessionContext (that element is written only for temporary credentials) and no userName (no alias is set).
    expect(Object.keys(parts.userIdentity)).toEqual(["type", "principalId", "arn", "accountId", "accessKeyId"]);
    expect(parts.userIdentity.type).toBe("Root");
    // The root user's principalId is its account id (the guide's root ConsoleLogin and root examples).
    expect(parts.userIdentity.principalId).toBe(context.accountId);
    expect(parts.userIdentity.arn).toBe(rootArn);
    expect(parts.userIdentity.accountId).toBe(context.accountId);
    // A long-term access key: AKIA, then upper-case letters and digits (never an STS key, ASIA).
    expect(parts.userIdentity.accessKeyId).toMatch(/^AKIA[A-Z0-9]{12,}$/);
  });

  test.each(CONTEXTS)(
    "calls from an address, with the AWS CLI, over TLS, outside the console ($partition)",
    (context) => {
      const parts = callerWithKey(ROOT_CALLERS, "root-cli").build(context);
      expect(inTestNet3(parts.sourceIPAddress)).toBe(true);
      expect(parts.userAgent).toMatch(/^aws-cli\//);
      expect(parts.userAgent).toBe(cliUserAgent(context.eventName, context.cliService));
      // An AccessDenied message names the caller's ARN ("User: <arn> is not authorized to perform: ...").
      expect(parts.deniedPrincipal).toBe(`arn:${context.partition}:iam::${context.accountId}:root`);
      // An access key is not a console session: no sessionCredentialFromConsole.
      expect(parts.fromConsole).toBe(false);
      // The CLI negotiates TLS itself, so the record carries tlsDetails (record contents, eventVersion 1.08 on).
      expect(parts.hasTlsDetails).toBe(true);
    },
  );
});

describe("an AWS service through its service-linked role (AWS Config)", () => {
  test("is the only routine service caller: an assumed role and an AWS service, with no client kind", () => {
    expect(ROUTINE_CALLERS.service.map((caller) => caller.key)).toEqual(["service-linked-role"]);
    const caller = ROUTINE_CALLERS.service[0];
    expect(caller.callerKinds).toEqual(["calls by an assumed role", "calls by an AWS service"]);
    expect(caller.clientKinds).toEqual([]);
  });

  test.each(CONTEXTS)("writes an AssumedRole userIdentity of AWSServiceRoleForConfig ($partition)", (context) => {
    const parts = ROUTINE_CALLERS.service[0].build(context);
    const identity = parts.userIdentity;
    expect(Object.keys(identity)).toEqual([
      "type",
      "principalId",
      "arn",
      "accountId",
      "accessKeyId",
      "sessionContext",
      "invokedBy",
    ]);
    expect(identity.type).toBe("AssumedRole");
    const arnMatch = new RegExp(
      `^arn:${context.partition}:sts::${context.accountId}:assumed-role/AWSServiceRoleForConfig/([\\w+=,.@-]{2,64})$`,
    ).exec(stringAt(identity.arn));
    expect(arnMatch).not.toBeNull();
    const sessionName = arnMatch?.[1] ?? "";
    expect(identity.accountId).toBe(context.accountId);
    // Temporary credentials from AWS STS.
    expect(identity.accessKeyId).toMatch(/^ASIA[A-Z0-9]{12,}$/);

    const sessionContext = objectAt(identity.sessionContext);
    expect(Object.keys(sessionContext)).toEqual(["sessionIssuer", "webIdFederationData", "attributes"]);
    const issuer = objectAt(sessionContext.sessionIssuer);
    expect(Object.keys(issuer)).toEqual(["type", "principalId", "arn", "accountId", "userName"]);
    expect(issuer.type).toBe("Role");
    expect(issuer.principalId).toMatch(/^AROA[A-Z0-9]{12,}$/);
    expect(issuer.arn).toBe(
      `arn:${context.partition}:iam::${context.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    );
    expect(issuer.accountId).toBe(context.accountId);
    expect(issuer.userName).toBe("AWSServiceRoleForConfig");
    // The assumed role's principalId is the role's unique id, a colon and the session name.
    expect(identity.principalId).toBe(`${stringAt(issuer.principalId)}:${sessionName}`);
    // Not web identity federation: the element is empty.
    expect(sessionContext.webIdFederationData).toEqual({});
    const attributes = objectAt(sessionContext.attributes);
    expect(Object.keys(attributes)).toEqual(["creationDate", "mfaAuthenticated"]);
    expect(attributes.creationDate).toBe(context.sessionStart);
    // A service authenticates with no MFA device; the value is a string.
    expect(attributes.mfaAuthenticated).toBe("false");
    // The service that assumed the role, as its trust policy names it.
    expect(identity.invokedBy).toBe("config.amazonaws.com");
  });

  test.each(CONTEXTS)("calls as the service, without TLS details, outside the console ($partition)", (context) => {
    const parts = ROUTINE_CALLERS.service[0].build(context);
    // "For services in AWS, only the DNS name is displayed"; the user agent is the service's name.
    expect(parts.sourceIPAddress).toBe("config.amazonaws.com");
    expect(parts.userAgent).toBe("config.amazonaws.com");
    // An AccessDenied message names the caller's ARN, the assumed-role session's.
    expect(parts.deniedPrincipal).toBe(parts.userIdentity.arn);
    expect(parts.deniedPrincipal).toMatch(
      new RegExp(`^arn:${context.partition}:sts::${context.accountId}:assumed-role/AWSServiceRoleForConfig/`),
    );
    expect(parts.fromConsole).toBe(false);
    // A service-originated call carries no tlsDetails (CallerParts.hasTlsDetails, identities.ts).
    expect(parts.hasTlsDetails).toBe(false);
  });
});
