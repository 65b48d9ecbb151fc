import {
  ALL_CALL_SHAPES,
  allStrings,
  callShapeOf,
  CONSOLE_SIGN_IN_VARIANTS,
  fillPlaceholders,
  placeholdersIn,
  PLACEHOLDERS,
  ROOT_CALLS,
} from "../../lib/cloudtrail/calls";
import type { CallShape, Source } from "../../lib/cloudtrail/calls";
import { ROUTINE_CALLS } from "../../lib/cloudtrail/routine";
import type { JsonObject, JsonValue } from "../../lib/cloudtrail/json";

/**
 * The target calls of the fifteen CIS "Monitoring" controls, as the CIS texts list them. Read from AWS Security Hub
 * User Guide "Security Hub controls for Amazon CloudWatch" (CloudWatch.4-.14, CIS v1.2/v1.4 patterns) and checked
 * against the CIS v1.4-v7 audit text Prowler's compliance data quotes (prowler/compliance/aws/cis_*_aws.json) and
 * CloudSploit's monitoringMetrics.js. ModifySecurityGroupRules: CIS v5.0.0 4.10 onwards.
 */
const TARGETS: Readonly<Record<string, readonly string[]>> = {
  "cloudtrail.amazonaws.com": ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
  "iam.amazonaws.com": [
    "DeleteGroupPolicy",
    "DeleteRolePolicy",
    "DeleteUserPolicy",
    "PutGroupPolicy",
    "PutRolePolicy",
    "PutUserPolicy",
    "CreatePolicy",
    "DeletePolicy",
    "CreatePolicyVersion",
    "DeletePolicyVersion",
    "AttachRolePolicy",
    "DetachRolePolicy",
    "AttachUserPolicy",
    "DetachUserPolicy",
    "AttachGroupPolicy",
    "DetachGroupPolicy",
  ],
  "kms.amazonaws.com": ["DisableKey", "ScheduleKeyDeletion"],
  "s3.amazonaws.com": [
    "PutBucketAcl",
    "PutBucketPolicy",
    "PutBucketCors",
    "PutBucketLifecycle",
    "PutBucketReplication",
    "DeleteBucketPolicy",
    "DeleteBucketCors",
    "DeleteBucketLifecycle",
    "DeleteBucketReplication",
  ],
  "config.amazonaws.com": [
    "StopConfigurationRecorder",
    "DeleteDeliveryChannel",
    "PutDeliveryChannel",
    "PutConfigurationRecorder",
  ],
  "ec2.amazonaws.com": [
    // CIS 4.10 / 5.10
    "AuthorizeSecurityGroupIngress",
    "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress",
    "RevokeSecurityGroupEgress",
    "CreateSecurityGroup",
    "DeleteSecurityGroup",
    "ModifySecurityGroupRules",
    // CIS 4.11 / 5.11
    "CreateNetworkAcl",
    "CreateNetworkAclEntry",
    "DeleteNetworkAcl",
    "DeleteNetworkAclEntry",
    "ReplaceNetworkAclEntry",
    "ReplaceNetworkAclAssociation",
    // CIS 4.12 / 5.12
    "CreateCustomerGateway",
    "DeleteCustomerGateway",
    "AttachInternetGateway",
    "CreateInternetGateway",
    "DeleteInternetGateway",
    "DetachInternetGateway",
    // CIS 4.13 / 5.13
    "CreateRoute",
    "CreateRouteTable",
    "ReplaceRoute",
    "ReplaceRouteTableAssociation",
    "DeleteRouteTable",
    "DeleteRoute",
    "DisassociateRouteTable",
    // CIS 4.14 / 5.14
    "CreateVpc",
    "DeleteVpc",
    "ModifyVpcAttribute",
    "AcceptVpcPeeringConnection",
    "CreateVpcPeeringConnection",
    "DeleteVpcPeeringConnection",
    "RejectVpcPeeringConnection",
    "AttachClassicLinkVpc",
    "DetachClassicLinkVpc",
    "DisableVpcClassicLink",
    "EnableVpcClassicLink",
  ],
  "organizations.amazonaws.com": [
    "AcceptHandshake",
    "AttachPolicy",
    "CreateAccount",
    "CreateOrganizationalUnit",
    "CreatePolicy",
    "DeclineHandshake",
    "DeleteOrganization",
    "DeleteOrganizationalUnit",
    "DeletePolicy",
    "DetachPolicy",
    "DisablePolicyType",
    "EnablePolicyType",
    "InviteAccountToOrganization",
    "LeaveOrganization",
    "MoveAccount",
    "RemoveAccountFromOrganization",
    "UpdatePolicy",
    "UpdateOrganizationalUnit",
  ],
  "signin.amazonaws.com": ["ConsoleLogin"],
};

/** The services of the fifteen controls, each of which needs routine records of its own. */
const CONTROL_SERVICES = [
  "cloudtrail.amazonaws.com",
  "iam.amazonaws.com",
  "kms.amazonaws.com",
  "s3.amazonaws.com",
  "config.amazonaws.com",
  "ec2.amazonaws.com",
  "organizations.amazonaws.com",
  "signin.amazonaws.com",
  "sts.amazonaws.com",
];

function isTarget(shape: Pick<CallShape, "eventSource" | "eventName">): boolean {
  return (TARGETS[shape.eventSource] ?? []).includes(shape.eventName);
}

/** Every string a shape holds, in its JSON parts and its error texts. */
function stringsOf(shape: CallShape): string[] {
  const parts: JsonValue[] = [
    shape.requestParameters,
    shape.responseElements,
    shape.additionalEventData ?? null,
    [...(shape.alternativeRequests ?? [])],
    shape.errors.map((error) => ({ errorCode: error.errorCode, errorMessage: error.errorMessage })),
    shape.accessDenied === null
      ? null
      : { errorCode: shape.accessDenied.errorCode, errorMessage: shape.accessDenied.errorMessage },
  ];
  return parts.flatMap(allStrings);
}

describe("call shapes: the CIS target calls", () => {
  test("the target lists have the lengths the CIS texts give (5, 16, 2, 9, 4, 7+6+6+7+11, 18)", () => {
    expect(Object.values(TARGETS).map((names) => names.length)).toEqual([5, 16, 2, 9, 4, 37, 18, 1]);
  });

  test.each(Object.entries(TARGETS).flatMap(([source, names]) => names.map((name) => [source, name] as const)))(
    "%s %s has a shape, recorded as a write",
    (eventSource, eventName) => {
      const shape = callShapeOf(eventSource, eventName);
      expect(shape).toBeDefined();
      expect(shape?.readOnly).toBe(false);
    },
  );

  test("each event source and name pair has one shape", () => {
    const keys = ALL_CALL_SHAPES.map((shape) => `${shape.eventSource} ${shape.eventName}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("a lookup is case-sensitive and knows only its own source", () => {
    expect(callShapeOf("cloudtrail.amazonaws.com", "stoplogging")).toBeUndefined();
    expect(callShapeOf("example.amazonaws.com", "StopLogging")).toBeUndefined();
  });
});

describe("call shapes: what every shape holds", () => {
  test("placeholders are only ${account}, ${partition} and ${region}", () => {
    const allowed = new Set<string>(PLACEHOLDERS);
    for (const shape of ALL_CALL_SHAPES) {
      const found = stringsOf(shape).flatMap(placeholdersIn);
      expect({ shape: shape.eventName, unknown: found.filter((placeholder) => !allowed.has(placeholder)) }).toEqual({
        shape: shape.eventName,
        unknown: [],
      });
    }
    for (const variant of CONSOLE_SIGN_IN_VARIANTS) {
      const found = [variant.userIdentity, variant.additionalEventData, [...variant.awsRegions]]
        .flatMap(allStrings)
        .flatMap(placeholdersIn);
      expect(found.filter((placeholder) => !allowed.has(placeholder))).toEqual([]);
    }
  });

  test("Describe, Get, List and Lookup calls are recorded as reads", () => {
    const reads = ALL_CALL_SHAPES.filter((shape) => /^(Describe|Get|List|Lookup)/.test(shape.eventName));
    expect(reads.length).toBeGreaterThan(20);
    for (const shape of reads)
      expect({ name: shape.eventName, readOnly: shape.readOnly }).toEqual({ name: shape.eventName, readOnly: true });
  });

  test("KMS cryptographic calls and CheckMfa are recorded as reads", () => {
    // The KMS guide's Decrypt, Encrypt and GenerateDataKey records carry "readOnly": true; an EventBridge sample of a
    // CheckMfa record does too.
    for (const name of ["Decrypt", "Encrypt", "GenerateDataKey"])
      expect(callShapeOf("kms.amazonaws.com", name)?.readOnly).toBe(true);
    expect(callShapeOf("signin.amazonaws.com", "CheckMfa")?.readOnly).toBe(true);
  });

  test("every API write has failures of its own and an authorization failure", () => {
    const writes = ALL_CALL_SHAPES.filter((shape) => !shape.readOnly && shape.eventType !== "AwsConsoleSignIn");
    for (const shape of writes) {
      expect({ name: shape.eventName, errors: shape.errors.length > 0 }).toEqual({
        name: shape.eventName,
        errors: true,
      });
      expect(shape.accessDenied).not.toBeNull();
    }
  });

  test("authorization failures match CIS's *UnauthorizedOperation or AccessDenied* (Security Hub CloudWatch.2)", () => {
    for (const shape of ALL_CALL_SHAPES) {
      if (shape.accessDenied === null) continue;
      expect(shape.accessDenied.errorCode).toMatch(/UnauthorizedOperation$|^AccessDenied/);
    }
  });

  test("EC2 writes its errors with the Client. prefix and denials as Client.UnauthorizedOperation", () => {
    // STS DecodeAuthorizationMessage: EC2 answers "a Client.UnauthorizedOperation response (an HTTP 403 response)".
    const ec2 = ALL_CALL_SHAPES.filter((shape) => shape.eventSource === "ec2.amazonaws.com");
    expect(ec2.length).toBeGreaterThanOrEqual(37);
    for (const shape of ec2) {
      expect(shape.accessDenied?.errorCode).toBe("Client.UnauthorizedOperation");
      for (const error of shape.errors) expect(error.errorCode).toMatch(/^Client\./);
    }
    expect(callShapeOf("ec2.amazonaws.com", "DeleteSecurityGroup")?.errors.map((e) => e.errorCode)).toContain(
      "Client.CannotDelete",
    );
  });

  test("ModifySecurityGroupRules wraps its request as EC2 records it", () => {
    // AWS's CloudTrail Lake sample reads requestParameters.ModifySecurityGroupRulesRequest.GroupId.
    const request = callShapeOf("ec2.amazonaws.com", "ModifySecurityGroupRules")?.requestParameters as JsonObject;
    expect(Object.keys(request)).toEqual(["ModifySecurityGroupRulesRequest"]);
    expect((request.ModifySecurityGroupRulesRequest as JsonObject).GroupId).toMatch(/^sg-/);
  });

  test("S3 bucket calls name the bucket, the host and the sub-resource they change", () => {
    // Amazon S3 User Guide examples: a sub-resource request carries its query key with an empty value.
    const subresources: Record<string, string> = {
      PutBucketAcl: "acl",
      PutBucketPolicy: "policy",
      PutBucketCors: "cors",
      PutBucketLifecycle: "lifecycle",
      PutBucketReplication: "replication",
      DeleteBucketPolicy: "policy",
      DeleteBucketCors: "cors",
      DeleteBucketLifecycle: "lifecycle",
      DeleteBucketReplication: "replication",
    };
    for (const [name, key] of Object.entries(subresources)) {
      const shape = callShapeOf("s3.amazonaws.com", name);
      const request = shape?.requestParameters as JsonObject;
      expect(request[key]).toBe("");
      expect(typeof request.bucketName).toBe("string");
      expect(request.Host).toMatch(/\.s3\.\$\{region\}\.amazonaws\.com$/);
      expect(Object.keys(shape?.additionalEventData ?? {})).toEqual(
        expect.arrayContaining([
          "SignatureVersion",
          "CipherSuite",
          "bytesTransferredIn",
          "AuthenticationMethod",
          "x-amz-id-2",
        ]),
      );
      expect(shape?.accessDenied).toEqual({ errorCode: "AccessDenied", errorMessage: "Access Denied" });
    }
  });

  test("global services: IAM and sign-in are global; Organizations lands in us-east-1 without being one", () => {
    // AWS's 2021 notice: the global services are CloudFront, IAM, console sign-in and STS (its global endpoint);
    // Organizations User Guide: its CloudTrail records are only in US East (N. Virginia).
    for (const shape of ALL_CALL_SHAPES) {
      const global = shape.eventSource === "iam.amazonaws.com" || shape.eventSource === "signin.amazonaws.com";
      expect({ call: `${shape.eventSource} ${shape.eventName}`, global: shape.globalService }).toEqual({
        call: `${shape.eventSource} ${shape.eventName}`,
        global,
      });
      const organizations = shape.eventSource === "organizations.amazonaws.com";
      expect(shape.recordedRegion).toBe(organizations ? "us-east-1" : undefined);
    }
  });
});

describe("console sign-in variants", () => {
  test("failures carry an errorMessage and a Failure outcome; successes neither", () => {
    for (const variant of CONSOLE_SIGN_IN_VARIANTS) {
      const failed = variant.outcome === "failure";
      expect(variant.responseElements).toEqual({ ConsoleLogin: failed ? "Failure" : "Success" });
      expect(variant.errorMessage !== undefined).toBe(failed);
    }
  });

  test("the records the sign-in controls count exist", () => {
    // CIS 4.2 counts IAM users' successful sign-ins without MFA; 4.6 counts "Failed authentication".
    const noMfa = CONSOLE_SIGN_IN_VARIANTS.filter(
      (v) => v.identityType === "IAMUser" && v.outcome === "success" && v.additionalEventData.MFAUsed === "No",
    );
    expect(noMfa).toHaveLength(1);
    const failed = CONSOLE_SIGN_IN_VARIANTS.filter((v) => v.errorMessage === "Failed authentication");
    expect(failed.map((v) => v.identityType).sort()).toEqual(["IAMUser", "Root"]);
  });

  test("the root user's sign-in is recorded in us-east-1 only", () => {
    // CloudTrail user guide: "If you sign in as the root user, CloudTrail records the event in us-east-1."
    for (const variant of CONSOLE_SIGN_IN_VARIANTS.filter((v) => v.identityType === "Root"))
      expect(variant.awsRegions).toEqual(["us-east-1"]);
  });
});

describe("routine records", () => {
  test("each routine call has a shape, and a routine failure is one the shape can have", () => {
    for (const call of ROUTINE_CALLS) {
      const shape = callShapeOf(call.eventSource, call.eventName);
      expect({ call: `${call.eventSource} ${call.eventName}`, shape: shape !== undefined }).toEqual({
        call: `${call.eventSource} ${call.eventName}`,
        shape: true,
      });
      if (call.failsWith !== undefined) {
        const codes = [shape?.accessDenied?.errorCode, ...(shape?.errors ?? []).map((error) => error.errorCode)];
        expect(codes).toContain(call.failsWith);
      }
    }
  });

  test.each(CONTROL_SERVICES)("%s has at least two routine calls", (eventSource) => {
    expect(ROUTINE_CALLS.filter((call) => call.eventSource === eventSource).length).toBeGreaterThanOrEqual(2);
  });

  test("users and AWS services both make routine calls", () => {
    const callers = new Set(ROUTINE_CALLS.flatMap((call) => call.callers));
    expect([...callers].sort()).toEqual(["role", "service", "user"]);
    expect(ROUTINE_CALLS.every((call) => call.why.length > 20 && call.sources.length > 0)).toBe(true);
  });

  test("a routine failed read exists: a refused read (CIS 4.1's impact statement)", () => {
    expect(ROUTINE_CALLS.some((call) => call.failsWith === "AccessDenied")).toBe(true);
  });

  test("no routine call is a CIS target call, console sign-in aside (its outcome and MFA tell them apart)", () => {
    const overlap = ROUTINE_CALLS.filter((call) => isTarget(call) && call.eventSource !== "signin.amazonaws.com");
    expect(overlap).toEqual([]);
  });

  test("each root call has a shape", () => {
    for (const call of ROOT_CALLS) expect(callShapeOf(call.eventSource, call.eventName)).toBeDefined();
  });
});

describe("sources and sizes", () => {
  test("every source is an https URL with a title", () => {
    const sources: Source[] = [
      ...ALL_CALL_SHAPES.flatMap((shape) => shape.sources),
      ...CONSOLE_SIGN_IN_VARIANTS.flatMap((variant) => variant.sources),
      ...ROUTINE_CALLS.flatMap((call) => call.sources),
      ...ROOT_CALLS.flatMap((call) => call.sources),
    ];
    for (const source of sources) {
      expect(new URL(source.url).protocol).toBe("https:");
      expect(source.title.length).toBeGreaterThan(5);
    }
    for (const shape of ALL_CALL_SHAPES) expect(shape.sources.length).toBeGreaterThan(0);
  });

  test("a record built from each shape is JSON under CloudWatch Logs' 256 KB event size", () => {
    const values = { account: "111122223333", partition: "aws", region: "eu-west-1" };
    for (const shape of ALL_CALL_SHAPES) {
      const record: JsonObject = fillPlaceholders(
        {
          eventVersion: "1.09",
          eventSource: shape.eventSource,
          eventName: shape.eventName,
          awsRegion: shape.recordedRegion ?? "${region}",
          requestParameters: shape.requestParameters,
          responseElements: shape.responseElements,
          ...(shape.additionalEventData === undefined ? {} : { additionalEventData: shape.additionalEventData }),
          readOnly: shape.readOnly,
          eventType: shape.eventType ?? "AwsApiCall",
          recipientAccountId: "${account}",
        },
        values,
      );
      const message = JSON.stringify(record);
      expect(JSON.parse(message)).toEqual(record);
      expect(message).not.toContain("${");
      expect(Buffer.byteLength(message, "utf8")).toBeLessThan(256 * 1024);
    }
  });
});
