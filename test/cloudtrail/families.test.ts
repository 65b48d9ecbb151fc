/**
 * The record family of every control's target set, built from lib/cloudtrail's data (calls/, routine/): each
 * positive is a target record, records look as CloudTrail writes them, and the families vary what real calls vary.
 */
import { ALL_CALL_SHAPES, callShapeOf } from "../../lib/cloudtrail/calls";
import { buildTargetFamily, matchesWildcard, membershipOf, routineRecords } from "../../lib/cloudtrail/families";
import { getAtPath } from "../../lib/cloudtrail";
import type { EventFamily, JsonObject } from "../../lib/cloudtrail";
import { ROUTINE_CALLS } from "../../lib/cloudtrail/routine";
import { allControls, controlById } from "../../lib/controls";

const familyOf = (id: Parameters<typeof controlById>[0]): EventFamily => buildTargetFamily(controlById(id).target);

/** CloudTrail's key order for the fields these records carry (CloudTrail user guide, "CloudTrail record contents"). */
const CLOUDTRAIL_ORDER = [
  "eventVersion",
  "userIdentity",
  "eventTime",
  "eventSource",
  "eventName",
  "awsRegion",
  "sourceIPAddress",
  "userAgent",
  "errorCode",
  "errorMessage",
  "requestParameters",
  "responseElements",
  "additionalEventData",
  "requestID",
  "eventID",
  "readOnly",
  "eventType",
  "managementEvent",
  "recipientAccountId",
  "eventCategory",
  "tlsDetails",
  "sessionCredentialFromConsole",
];

describe("every control's family", () => {
  test.each(allControls.map((control) => [control.id, control] as const))(
    "%s: positives are target records, keys in order",
    (_id, control) => {
      const family = buildTargetFamily(control.target);
      expect(family.positives.length).toBeGreaterThan(0);
      for (const { record, message } of family.positives) {
        expect(family.membership(record)).toBe("target");
        expect(JSON.parse(message)).toEqual(record);
        const positions = Object.keys(record).map((key) => CLOUDTRAIL_ORDER.indexOf(key));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      const again = buildTargetFamily(control.target);
      expect(again.positives.map((record) => record.message)).toEqual(family.positives.map((record) => record.message));
    },
  );

  test.each(allControls.map((control) => [control.id, control] as const))(
    "%s: no negative control is a target record",
    (_id, control) => {
      const family = buildTargetFamily(control.target);
      for (const negative of family.negatives) {
        let record: JsonObject | undefined;
        try {
          record = JSON.parse(negative.message) as JsonObject;
        } catch {
          continue;
        }
        expect({ id: negative.id, membership: family.membership(record) }).toEqual({
          id: negative.id,
          membership: "outside",
        });
      }
    },
  );
});

describe("API-call families", () => {
  test("every required call, by every kind of caller, succeeding and failing with each of its errors", () => {
    const family = familyOf("iam-policy-changes");
    const put = family.positives.filter((record) => record.eventName === "PutRolePolicy");
    const shape = callShapeOf("iam.amazonaws.com", "PutRolePolicy");
    const codes = new Set(put.map((record) => record.record.errorCode));
    expect(codes).toContain(undefined);
    expect(codes).toContain(shape?.accessDenied?.errorCode);
    for (const error of shape?.errors ?? []) expect(codes).toContain(error.errorCode);
    const types = new Set(put.map((record) => getAtPath(record.record, ["userIdentity", "type"])));
    for (const type of ["Root", "IAMUser", "AssumedRole", "AWSService", "Role", "FederatedUser"])
      expect(types).toContain(type);
  });

  test("global-service and Organizations calls are recorded in us-east-1, EC2 calls in the caller's Region", () => {
    // calls/types.ts: IAM is a global service; Organizations records land in us-east-1 (recordedRegion).
    for (const id of ["iam-policy-changes", "organizations-changes"] as const) {
      expect(new Set(familyOf(id).positives.map((record) => record.record.awsRegion))).toEqual(new Set(["us-east-1"]));
    }
    expect(new Set(familyOf("vpc-changes").positives.map((record) => record.record.awsRegion)).size).toBeGreaterThan(3);
  });

  test("the ClassicLink calls, optional in the VPC control, are neither positives nor negatives", () => {
    const family = familyOf("vpc-changes");
    expect(family.subjects).not.toContain("AttachClassicLinkVpc");
    const record = { eventSource: "ec2.amazonaws.com", eventName: "AttachClassicLinkVpc" };
    expect(family.membership(record)).toBe("exempt");
  });

  test('a denied call names its caller, as AWS\'s "User: <arn> is not authorized" does', () => {
    const denied = familyOf("kms-key-disable-or-deletion").positives.filter(
      (record) => record.record.errorCode === "AccessDeniedException",
    );
    expect(denied.length).toBeGreaterThan(0);
    for (const { record } of denied) {
      const arn = getAtPath(record, ["userIdentity", "arn"]);
      if (typeof arn === "string") expect(record.errorMessage).toContain(arn);
    }
  });

  test("a control's notes are kept for its calls", () => {
    expect(Object.keys(familyOf("security-group-changes").notes)).toEqual(["ModifySecurityGroupRules"]);
  });
});

describe("console sign-in families", () => {
  test("without MFA: an IAM user's successful sign-ins with MFAUsed No, in every Region they are recorded in", () => {
    const family = familyOf("console-signin-without-mfa");
    expect(family.subjects).toEqual(["ConsoleLogin calls without MFA by IAM users"]);
    for (const { record } of family.positives) {
      expect(record).toMatchObject({
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        eventType: "AwsConsoleSignIn",
      });
      expect(record).not.toHaveProperty("requestID");
      expect(getAtPath(record, ["additionalEventData", "MFAUsed"])).toBe("No");
    }
    // CloudTrail user guide, "AWS Management Console sign-in events": us-east-1, us-east-2, eu-north-1,
    // ap-southeast-2, or a Regional sign-in endpoint's Region.
    const regions = new Set(family.positives.map((record) => record.record.awsRegion));
    for (const region of ["us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2"]) expect(regions).toContain(region);
  });

  test("authentication failures: IAM users' and the root user's Failed authentication, not an unknown user name", () => {
    const family = familyOf("console-authentication-failures");
    expect(family.subjects).toEqual([
      "failed ConsoleLogin calls by IAM users",
      "failed ConsoleLogin calls by the root user",
    ]);
    expect(family.negatives.map((negative) => negative.id)).toContain("sign-in/iam-user-unknown-name");
  });
});

describe("the root activity family", () => {
  const family = familyOf("root-account-usage");

  test("the root user's calls of calls/root.ts, console and API, reads and writes, and its sign-ins", () => {
    expect(family.subjects).toEqual([
      "root calls to signin.amazonaws.com",
      "root calls to iam.amazonaws.com",
      "root calls to s3.amazonaws.com",
      "root calls to ec2.amazonaws.com",
    ]);
    expect(new Set(family.positives.map((record) => record.record.readOnly))).toEqual(
      new Set([true, false, undefined]),
    );
    const agents = family.positives.map((record) => JSON.stringify(record.record.userAgent));
    expect(agents.some((agent) => agent.startsWith('"aws-cli/'))).toBe(true);
    expect(agents.some((agent) => agent === '"console.amazonaws.com"')).toBe(true);
  });

  test("a root call with invokedBy, and a service event in the root user's name, are negatives", () => {
    const ids = family.negatives.map((negative) => negative.id);
    expect(ids.some((id) => id.startsWith("invoked-by/"))).toBe(true);
    expect(ids.some((id) => id.startsWith("service-event/"))).toBe(true);
  });
});

describe("the failed-authorization family", () => {
  const family = familyOf("unauthorized-api-calls");

  test("every service's authorization failure, in each spelling", () => {
    const codes = new Set(family.positives.map((record) => record.record.errorCode));
    expect(codes).toEqual(new Set(["AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation"]));
    const sources = new Set(family.positives.map((record) => record.record.eventSource));
    for (const shape of ALL_CALL_SHAPES) if (shape.accessDenied !== null) expect(sources).toContain(shape.eventSource);
  });

  test("the exempt records may be counted or not", () => {
    const membership = membershipOf(controlById("unauthorized-api-calls").target);
    expect(membership({ errorCode: "AccessDenied", eventName: "HeadBucket" })).toBe("exempt");
    expect(membership({ errorCode: "AccessDenied", sourceIPAddress: "delivery.logs.amazonaws.com" })).toBe("exempt");
    expect(membership({ errorCode: "Client.UnauthorizedOperation", eventName: "RunInstances" })).toBe("target");
    expect(membership({ errorCode: "ThrottlingException" })).toBe("outside");
  });

  test.each([
    ["Client.UnauthorizedOperation", "*UnauthorizedOperation", true],
    ["AccessDeniedException", "AccessDenied*", true],
    ["NotAccessDenied", "AccessDenied*", false],
    ["UnauthorizedOperationX", "*UnauthorizedOperation", false],
  ] as const)("%s matches %s: %s", (value, pattern, expected) => {
    expect(matchesWildcard(value, pattern)).toBe(expected);
  });
});

describe("routine records", () => {
  const records = routineRecords();

  test("every routine call, by each kind of caller it lists", () => {
    for (const call of ROUTINE_CALLS) {
      const own = records.filter((record) => record.call === call);
      expect(new Set(own.map((record) => record.caller))).toEqual(new Set(call.callers));
    }
  });

  test("a call that routinely fails carries its error; the routine sign-in is one with MFA", () => {
    for (const record of records) {
      if (record.call.failsWith !== undefined) expect(record.record.errorCode).toBe(record.call.failsWith);
    }
    const signIn = records.find((record) => record.call.eventName === "ConsoleLogin");
    expect(getAtPath(signIn?.record ?? {}, ["additionalEventData", "MFAUsed"])).toBe("Yes");
  });
});
