/**
 * The record family of every control's target set, built from lib/cloudtrail's data (calls/, routine/): each
 * positive is a target record, records look as CloudTrail writes them, and the families vary what real calls vary.
 */
import { ALL_CALL_SHAPES, callShapeOf } from "../../lib/cloudtrail/calls";
import { buildTargetFamily, matchesWildcard, membershipOf, routineRecords } from "../../lib/cloudtrail/families";
import { getAtPath } from "../../lib/cloudtrail";
import type { EventFamily, JsonObject } from "../../lib/cloudtrail";
import { ROUTINE_CALLS } from "../../lib/cloudtrail/routine";
import { MANAGEMENT_CALLERS } from "../../lib/cloudtrail/callers";
import { allControls, controlById } from "../../lib/controls";
import type { TargetSet } from "../../lib/controls/types";

const familyOf = (id: Parameters<typeof controlById>[0]): EventFamily => buildTargetFamily(controlById(id).target);

type ApiCallsTarget = Extract<TargetSet, { kind: "apiCalls" }>;
/** The controls about API calls of one service whose family lib/cloudtrail/families/api-calls.ts builds. */
const API_CALL_CONTROLS = allControls.flatMap((control) =>
  control.target.kind === "apiCalls" && control.id !== "cloudtrail-changes"
    ? [[control.id, control.target] as [string, ApiCallsTarget]]
    : [],
);
/** A negative control's record, or undefined for the line that is not JSON. */
const recordOfNegative = (message: string): JsonObject | undefined => {
  try {
    return JSON.parse(message) as JsonObject;
  } catch {
    return undefined;
  }
};

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
  test.each(allControls.map((control) => [control.id, control] as const))(
    "%s: each positive is an event of its own, with its own eventID and requestID",
    (_id, control) => {
      // CloudTrail user guide, "CloudTrail record contents": eventID is a GUID generated "to uniquely identify each
      // event"; requestID is the value that identifies the request, which the service generates.
      const family = buildTargetFamily(control.target);
      const ids = family.positives
        .flatMap(({ record }) => [record.eventID, record.requestID])
        .filter((id) => id !== undefined);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});

describe("every control's negative controls", () => {
  test.each(allControls.map((control) => [control.id, control] as const))(
    "%s: each has an id of its own and a description, both naming its call, and a message CloudWatch Logs takes",
    (_id, control) => {
      const family = buildTargetFamily(control.target);
      const ids = family.negatives.map((negative) => negative.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const negative of family.negatives) {
        // CloudWatch Logs API Reference, InputLogEvent: message, "Length Constraints: Minimum length of 1."
        expect({ id: negative.id, message: negative.message.length > 0 }).toEqual({ id: negative.id, message: true });
        expect(negative.id).toMatch(/\S/);
        // lib/cloudtrail/family-types.ts: a description such as `a read: GetTrailStatus`, shown as an example of the
        // negatives a broader pattern matches (lib/coverage/judge.ts).
        expect(negative.description).toMatch(/\S/);
        const record = recordOfNegative(negative.message);
        // Sign-in negatives are named by their sign-in variant (`sign-in/iam-user-unknown-name`), all ConsoleLogin.
        if (record === undefined || control.target.kind === "consoleSignIn") continue;
        // An Insights event has no top-level eventName: the API name sits in insightDetails (CloudTrail user guide,
        // "Insights events").
        const name = getAtPath(record, ["insightDetails", "eventName"]) ?? record.eventName;
        expect(typeof name).toBe("string");
        const called = typeof name === "string" ? name : "";
        expect({ id: negative.id, named: negative.id.includes(called) }).toEqual({
          id: negative.id,
          named: true,
        });
        expect({ description: negative.description, named: negative.description.includes(called) }).toEqual({
          description: negative.description,
          named: true,
        });
        // CloudTrail user guide, "CloudTrail record contents": eventVersion, major_version.minor_version.
        expect({ id: negative.id, version: record.eventVersion }).toEqual({
          id: negative.id,
          version: expect.stringMatching(/^1\.(0[5-9]|1[01])$/),
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

  test("a note about an optional call is dropped with the call: notes are per subject", () => {
    // lib/cloudtrail/family-types.ts: notes are "per subject"; optional calls are no subjects (lib/controls/types.ts).
    const target = controlById("vpc-changes").target as ApiCallsTarget;
    const optional = target.optionalEventNames?.[0] ?? "";
    const required = target.eventNames.find((name) => name !== optional) ?? "";
    const family = buildTargetFamily({
      ...target,
      eventNotes: { [optional]: "an optional call", [required]: "a required call" },
    });
    expect(family.notes).toEqual({ [required]: "a required call" });
  });

  test.each(API_CALL_CONTROLS)(
    "%s: each record's id is its own and reads as its call, outcome, version and Region",
    (_id, target) => {
      // lib/cloudtrail/family-types.ts: "a stable, readable id", shown as an example of missed calls
      // (lib/coverage/describe.ts, `calls such as StopLogging/root-console/success/1.08/...`).
      const family = buildTargetFamily(target);
      const ids = family.positives.map((record) => record.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { id, record } of family.positives) {
        const parts = id.split("/");
        expect(parts[0]).toBe(record.eventName);
        expect(parts).toContain(record.errorCode ?? "success");
        expect(parts).toContain(record.eventVersion);
        expect(parts[parts.length - 1]).toBe(record.awsRegion);
      }
    },
  );

  test.each(API_CALL_CONTROLS)(
    "%s: a record's requestParameters is null only for a call that takes none",
    (_id, target) => {
      // CloudTrail user guide, "CloudTrail record contents": requestParameters holds the parameters sent with the
      // request, if any, so a call whose request carries parameters has them recorded. calls/ gives each call's request shape and
      // its alternatives, null for a call that takes none.
      for (const { record, eventName } of buildTargetFamily(target).positives) {
        const shape = callShapeOf(target.eventSource, eventName);
        const requests = [shape?.requestParameters, ...(shape?.alternativeRequests ?? [])];
        if (record.requestParameters === null) {
          expect({ call: eventName, takesNone: requests.includes(null) }).toEqual({
            call: eventName,
            takesNone: true,
          });
        }
      }
    },
  );

  test.each(API_CALL_CONTROLS)(
    "%s: the reads and other writes among the negatives are the service's own calls",
    (_id, target) => {
      // lib/cloudtrail/families/api-calls.ts: negative controls are "the service's reads and other writes".
      const family = buildTargetFamily(target);
      const own = family.negatives.filter((negative) => /^(read|write)\//.test(negative.id));
      for (const negative of own) {
        const record = recordOfNegative(negative.message);
        expect({ id: negative.id, eventSource: record?.eventSource }).toEqual({
          id: negative.id,
          eventSource: target.eventSource,
        });
        expect(target.eventNames).not.toContain(record?.eventName);
      }
      const reads = ALL_CALL_SHAPES.filter(
        (shape) =>
          shape.eventSource === target.eventSource && shape.readOnly && !target.eventNames.includes(shape.eventName),
      );
      if (reads.length > 0) expect(own.map((negative) => negative.id)).toContain(`read/${reads[0].eventName}`);
    },
  );

  test.each(API_CALL_CONTROLS)("%s: each negative control's record has a CloudTrail event version", (_id, target) => {
    // CloudTrail user guide, "CloudTrail record contents": eventVersion is the version of the log event format,
    // major_version.minor_version, the current one 1.11 (the records here span 1.05 to 1.11).
    for (const negative of buildTargetFamily(target).negatives) {
      const record = recordOfNegative(negative.message);
      if (record !== undefined)
        expect({ id: negative.id, version: record.eventVersion }).toEqual({
          id: negative.id,
          version: expect.stringMatching(/^1\.(0[5-9]|1[01])$/),
        });
    }
  });

  test("a required call calls/ has no shape for is still in the family, succeeding and denied, in several Regions", () => {
    // lib/cloudtrail/families/api-calls.ts, shapeOf: "a required call is never silently left out". EnableKey is an
    // AWS KMS action (AWS KMS API Reference) calls/kms.ts leaves out; KMS is none of CloudTrail's global services
    // (CloudTrail user guide, global service events: IAM, AWS STS, CloudFront, sign-in), so its calls are recorded in
    // the Region they are made in.
    expect(callShapeOf("kms.amazonaws.com", "EnableKey")).toBeUndefined();
    const family = buildTargetFamily({ kind: "apiCalls", eventSource: "kms.amazonaws.com", eventNames: ["EnableKey"] });
    expect(family.subjects).toEqual(["EnableKey"]);
    const succeeded = family.positives.filter((record) => record.record.errorCode === undefined);
    const failed = family.positives.filter((record) => record.record.errorCode !== undefined);
    expect(succeeded).toHaveLength(MANAGEMENT_CALLERS.length);
    expect(failed.length).toBeGreaterThan(0);
    for (const { record } of failed) {
      // "CloudTrail record contents": a failed request carries the AWS service error, errorCode and errorMessage.
      expect(record.errorCode).toEqual(expect.stringMatching(/^AccessDenied/));
      expect(record.errorMessage).toEqual(expect.stringMatching(/\S/));
      expect(record.responseElements).toBeNull();
    }
    // "CloudTrail record contents": readOnly tells whether the operation is read-only. EnableKey changes a key's
    // state (AWS KMS API Reference, EnableKey: "Sets the key state of a KMS key to enabled"), so it is no read.
    for (const { record } of family.positives) expect(record.readOnly).toBe(false);
    expect(new Set(family.positives.map((record) => record.record.awsRegion)).size).toBeGreaterThan(2);
  });

  test.each(API_CALL_CONTROLS)(
    "%s: the reads among the negatives are read-only calls, the other writes are not, a few of each",
    (_id, target) => {
      // lib/cloudtrail/families/api-calls.ts: negative controls are "the service's reads and other writes";
      // CloudTrail user guide, "CloudTrail record contents": readOnly tells whether the operation is read-only.
      const family = buildTargetFamily(target);
      const reads = family.negatives.filter((negative) => negative.id.startsWith("read/"));
      const writes = family.negatives.filter((negative) => negative.id.startsWith("write/"));
      for (const [negatives, readOnly] of [
        [reads, true],
        [writes, false],
      ] as const) {
        for (const negative of negatives) {
          expect({ id: negative.id, readOnly: recordOfNegative(negative.message)?.readOnly }).toEqual({
            id: negative.id,
            readOnly,
          });
        }
      }
      // A sample, not the whole service: at most six reads and five other writes (api-calls.ts, `negativesOf`).
      expect(reads.length).toBeLessThanOrEqual(6);
      expect(writes.length).toBeLessThanOrEqual(5);
      const otherWrites = ALL_CALL_SHAPES.filter(
        (shape) =>
          shape.eventSource === target.eventSource && !shape.readOnly && !target.eventNames.includes(shape.eventName),
      );
      expect(writes.length).toBe(Math.min(5, otherWrites.length));
    },
  );

  test("a service with many reads gets six of them; the near misses are of the first and last required names", () => {
    // calls/cloudtrail.ts has eight reads of CloudTrail; PutEventSelectors is a CloudTrail API action (AWS CloudTrail
    // API Reference) whose family is built from call shapes (families/index.ts).
    const cloudTrailReads = ALL_CALL_SHAPES.filter(
      (shape) => shape.eventSource === "cloudtrail.amazonaws.com" && shape.readOnly,
    );
    expect(cloudTrailReads.length).toBeGreaterThan(6);
    const selectors = buildTargetFamily({
      kind: "apiCalls",
      eventSource: "cloudtrail.amazonaws.com",
      eventNames: ["PutEventSelectors"],
    });
    expect(selectors.negatives.filter((negative) => negative.id.startsWith("read/"))).toHaveLength(6);
    // vpc-changes' first name is an optional ClassicLink call (lib/controls): the near misses skip it, as they skip
    // every optional call ("near misses of the required names", api-calls.ts).
    const family = buildTargetFamily({
      kind: "apiCalls",
      eventSource: "ec2.amazonaws.com",
      eventNames: ["AttachClassicLinkVpc", "CreateVpc", "DeleteVpc"],
      optionalEventNames: ["AttachClassicLinkVpc"],
    });
    // lib/cloudtrail/negatives.ts, `nameNegatives`: `first` misspelled and lower-cased, `last` upper-cased and from
    // another event source, an Insights event about `last`.
    const names = family.negatives.flatMap((negative) => {
      const record = recordOfNegative(negative.message);
      return record === undefined ? [] : [getAtPath(record, ["insightDetails", "eventName"]) ?? record.eventName];
    });
    expect(names).toEqual(expect.arrayContaining(["CreateVpcs", "createvpc", "DELETEVPC", "DeleteVpc"]));
    expect(names).not.toContain("AttachClassicLinkVpc");
    const otherSource = family.negatives.map(({ message }) => recordOfNegative(message));
    expect(otherSource).toContainEqual(
      expect.objectContaining({ eventSource: "example.amazonaws.com", eventName: "DeleteVpc" }),
    );
    expect(otherSource).toContainEqual(
      expect.objectContaining({ insightDetails: expect.objectContaining({ eventName: "DeleteVpc" }) }),
    );
  });

  test("a failed call is told as a call that fails, and as one that fails with its error code", () => {
    // lib/cloudtrail/families/family-record.ts, `failureIsKind`: "calls that fail" is worth saying when not every
    // record of the family fails, as in an API-call family (successes and failures of each call).
    const family = familyOf("iam-policy-changes");
    for (const { record, kindsByAspect } of family.positives) {
      expect(kindsByAspect.outcome).toEqual(
        typeof record.errorCode === "string"
          ? ["calls that fail", `calls that fail with ${record.errorCode}`]
          : ["successful calls"],
      );
    }
  });

  test("CloudTrail's other calls, alone or beside a trail call, get the family built from call shapes", () => {
    // lib/cloudtrail/families/index.ts: only the trail calls keep the hand-built family with the trail-reference
    // aspect (family.ts); PutEventSelectors is a CloudTrail API action (AWS CloudTrail API Reference) that names a
    // trail but is none of the five, so a target set with it gets a family from call shapes, with no trail aspect.
    const trail = familyOf("cloudtrail-changes");
    expect(trail.positives.some((record) => record.kindsByAspect.trail.length > 0)).toBe(true);
    for (const eventNames of [["PutEventSelectors"], ["StopLogging", "PutEventSelectors"]]) {
      const family = buildTargetFamily({ kind: "apiCalls", eventSource: "cloudtrail.amazonaws.com", eventNames });
      expect(family.subjects).toEqual(eventNames);
      for (const record of family.positives) expect(record.kindsByAspect.trail).toEqual([]);
    }
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

  test("a role's or a federated user's sign-ins are told as calls by that caller, in the words of its API calls", () => {
    // The same userIdentity.type makes the same kind of caller whatever the call (CloudTrail user guide,
    // "userIdentity element": type).
    const family = buildTargetFamily({
      kind: "consoleSignIn",
      outcome: "success",
      identityTypes: ["AssumedRole", "FederatedUser"],
    });
    const types = new Set(family.positives.map((record) => getAtPath(record.record, ["userIdentity", "type"])));
    expect(types).toEqual(new Set(["AssumedRole", "FederatedUser"]));
    for (const { record, kindsByAspect } of family.positives) {
      const type = getAtPath(record, ["userIdentity", "type"]);
      const apiCallers = MANAGEMENT_CALLERS.filter((caller) =>
        caller.key.startsWith(type === "AssumedRole" ? "assumed-role" : "federated-user"),
      );
      expect(apiCallers.length).toBeGreaterThan(0);
      for (const caller of apiCallers) expect(kindsByAspect.caller).toContain(caller.callerKinds[0]);
    }
  });

  test("sign-ins with MFA are told apart from those without", () => {
    const target = { kind: "consoleSignIn", outcome: "success", identityTypes: ["IAMUser"] } as const;
    const withMfa = buildTargetFamily({ ...target, mfaUsed: "Yes" });
    const withoutMfa = buildTargetFamily({ ...target, mfaUsed: "No" });
    for (const { record } of withMfa.positives)
      expect(getAtPath(record, ["additionalEventData", "MFAUsed"])).toBe("Yes");
    expect(withMfa.subjects).toHaveLength(1);
    expect(withMfa.subjects[0]).toMatch(/\bwith MFA\b/);
    expect(withMfa.subjects).not.toEqual(withoutMfa.subjects);
  });
});

// Each family and record list is built inside its test, not in the describe body: Stryker credits a mutant to the tests
// during which its code ran, so values computed when the file is read would leave these tests out of its run.
describe("the root activity family", () => {
  test("the root user's calls of calls/root.ts, console and API, reads and writes, and its sign-ins", () => {
    const family = familyOf("root-account-usage");
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
    const family = familyOf("root-account-usage");
    const ids = family.negatives.map((negative) => negative.id);
    expect(ids.some((id) => id.startsWith("invoked-by/"))).toBe(true);
    expect(ids.some((id) => id.startsWith("service-event/"))).toBe(true);
  });
});

describe("the failed-authorization family", () => {
  test("every service's authorization failure, in each spelling", () => {
    const family = familyOf("unauthorized-api-calls");
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
    // A pattern without * is the code itself (lib/cloudtrail/families/membership.ts, "or X itself").
    ["AccessDenied", "AccessDenied", true],
    ["AccessDeniedException", "AccessDenied", false],
    // `X*` is "starts with X", the whole of X, and `*X*` "contains X".
    ["AuthFailure", "AccessDenied*", false],
    ["AccessDeniedException", "*Denied*", true],
    ["ThrottlingException", "*Denied*", false],
  ] as const)("%s matches %s: %s", (value, pattern, expected) => {
    expect(matchesWildcard(value, pattern)).toBe(expected);
  });
});

describe("routine records", () => {
  test("every routine call, by each kind of caller it lists", () => {
    const records = routineRecords();
    for (const call of ROUTINE_CALLS) {
      const own = records.filter((record) => record.call === call);
      expect(new Set(own.map((record) => record.caller))).toEqual(new Set(call.callers));
    }
  });

  test("a call that routinely fails carries its error; the routine sign-in is one with MFA", () => {
    const records = routineRecords();
    for (const record of records) {
      if (record.call.failsWith !== undefined) expect(record.record.errorCode).toBe(record.call.failsWith);
    }
    const signIn = records.find((record) => record.call.eventName === "ConsoleLogin");
    expect(getAtPath(signIn?.record ?? {}, ["additionalEventData", "MFAUsed"])).toBe("Yes");
  });

  test("the routine records are built once: the same list each time", () => {
    // lib/cloudtrail/families/routine-records.ts, routineRecords: "Every routine record, built once."
    expect(routineRecords()).toBe(routineRecords());
  });

  test("each record is its own call's, at a CloudTrail event version, in a Region; the sign-in is one IAM user's", () => {
    const records = routineRecords();
    for (const { call, record } of records) {
      expect({ call: call.eventName, eventSource: record.eventSource, eventName: record.eventName }).toEqual({
        call: call.eventName,
        eventSource: call.eventSource,
        eventName: call.eventName,
      });
      // CloudTrail user guide, "CloudTrail record contents": eventVersion is major_version.minor_version; awsRegion
      // is a Region's name, such as us-east-2.
      expect({ call: call.eventName, version: record.eventVersion }).toEqual({
        call: call.eventName,
        version: expect.stringMatching(/^1\.(0[5-9]|1[01])$/),
      });
      expect(record.awsRegion).toEqual(expect.stringMatching(/^[a-z]{2}(-gov)?-[a-z]+-\d$/));
    }
    // routine-records.ts: "The routine ConsoleLogin is an IAM user's sign-in with MFA". CloudTrail user guide, "AWS
    // Management Console sign-in events": an IAM user's sign-in is recorded in us-east-1, us-east-2, eu-north-1 or
    // ap-southeast-2 (or a Regional sign-in endpoint's Region), as an AwsConsoleSignIn event whose examples carry no
    // requestID.
    const signIns = records.filter((record) => record.call.eventName === "ConsoleLogin");
    expect(signIns).toHaveLength(1);
    for (const { record } of signIns) {
      expect(getAtPath(record, ["userIdentity", "type"])).toBe("IAMUser");
      expect(record.eventType).toBe("AwsConsoleSignIn");
      expect(record).not.toHaveProperty("requestID");
      expect(["us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2"]).toContain(record.awsRegion);
    }
  });

  test("a user's call from the console, by an IAM user and by an Identity Center role, is two events", () => {
    // routine-records.ts: "A user's call is made from the console (an IAM user and a role federated through IAM
    // Identity Center)". CloudTrail user guide, "CloudTrail record contents": eventID is a GUID "to uniquely identify
    // each event".
    const records = routineRecords();
    for (const call of ROUTINE_CALLS) {
      const users = records.filter((record) => record.call === call && record.caller === "user");
      if (call.eventName === "ConsoleLogin" || users.length === 0) continue;
      expect(users).toHaveLength(2);
      expect(users[0].record.eventID).not.toBe(users[1].record.eventID);
    }
  });

  // Was a bug: the second console caller of a user's call and the role's caller of the same call got one position
  // (`records.length + i`: 1 + 1 for the user's second caller, then 2 + 0 for the role), so the two records shared
  // eventTime, eventID and requestID, in eleven routine calls made by users and roles (DescribeTrails, ListBuckets,
  // ...). CloudTrail's eventID identifies each event uniquely ("CloudTrail record contents").
  test("every routine record is an event of its own: its own eventID", () => {
    const ids = routineRecords().map((record) => record.record.eventID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
