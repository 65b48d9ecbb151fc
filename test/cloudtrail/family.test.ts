import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { targetEventNames, targetEventSources } from "../../lib/controls/target";
import {
  buildEventFamily,
  EVENT_VERSIONS,
  REGIONS,
  CALLER_IDENTITIES,
  setAtPath,
  getAtPath,
} from "../../lib/cloudtrail";
import type { FamilyRecord, JsonObject, TrailCallFamily } from "../../lib/cloudtrail";

// The family is built before each test (about 12 ms), not when the file is read: Stryker credits a mutant to the tests
// during which its code ran (beforeEach runs inside its test), so a family built at top level would leave this file out
// of every mutant's run.
let family: TrailCallFamily;
beforeEach(() => {
  family = buildEventFamily({
    eventSource: targetEventSources(cloudTrailChanges.target)[0],
    eventNames: targetEventNames(cloudTrailChanges.target),
  });
});

/** CloudTrail's key order for the fields these records carry (AWS CloudTrail user guide, "CloudTrail record contents"). */
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

function recordsOf(eventName: string): FamilyRecord[] {
  return family.positives.filter((record) => record.eventName === eventName);
}

describe("the CloudTrail event family: positive records", () => {
  test("a few hundred records, deterministic", () => {
    expect(family.positives.length).toBeGreaterThanOrEqual(200);
    expect(family.positives.length).toBeLessThanOrEqual(400);
    const again = buildEventFamily({ eventSource: family.eventSource, eventNames: family.eventNames });
    expect(again.positives.map((r) => r.message)).toEqual(family.positives.map((r) => r.message));
  });

  test("every message is compact JSON of its record, one record per message", () => {
    for (const record of family.positives) {
      const parsed = JSON.parse(record.message) as JsonObject;
      expect(parsed).toEqual(record.record);
      expect(record.message).not.toMatch(/\n|": |", "/);
      expect(parsed).not.toHaveProperty("Records");
    }
  });

  test("keys come in CloudTrail's order", () => {
    for (const record of family.positives) {
      const keys = Object.keys(record.record);
      const positions = keys.map((key) => CLOUDTRAIL_ORDER.indexOf(key));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  test("the fields every record of these calls has", () => {
    for (const { record, eventName } of family.positives) {
      expect(record.eventSource).toBe("cloudtrail.amazonaws.com");
      expect(record.eventName).toBe(eventName);
      expect(record.eventType).toBe("AwsApiCall");
      expect(record.readOnly).toBe(false);
      expect(record.recipientAccountId).toMatch(/^\d{12}$/);
      expect(record).toHaveProperty("responseElements");
      expect(typeof getAtPath(record, ["requestParameters", "name"])).toBe("string");
      expect(typeof getAtPath(record, ["userIdentity", "type"])).toBe("string");
      expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  test("version-dependent fields follow the documented versions", () => {
    for (const { record } of family.positives) {
      const version = Number(record.eventVersion);
      expect(record.managementEvent).toBe(version >= 1.06 ? true : undefined);
      expect(record.eventCategory).toBe(version >= 1.07 ? "Management" : undefined);
      if (version < 1.08) expect(record).not.toHaveProperty("tlsDetails");
      if (version < 1.09) expect(record).not.toHaveProperty("sessionCredentialFromConsole");
      if (record.sessionCredentialFromConsole !== undefined) expect(record.sessionCredentialFromConsole).toBe("true");
    }
  });

  test("failures carry an error code and message and a null response", () => {
    for (const { record, eventName } of family.positives) {
      if (record.errorCode === undefined) continue;
      expect(record.responseElements).toBeNull();
      expect(typeof record.errorMessage).toBe("string");
      // CloudTrail's authorization failure in both spellings public sources show (calls/cloudtrail.ts), and the
      // call's own error (API reference: TrailAlreadyExistsException for CreateTrail, TrailNotFoundException else).
      const denied = ["AccessDenied", "AccessDeniedException"];
      const allowed = [
        ...denied,
        eventName === "CreateTrail" ? "TrailAlreadyExistsException" : "TrailNotFoundException",
      ];
      expect(allowed).toContain(record.errorCode);
    }
  });

  test("only CreateTrail and UpdateTrail successes have a response object", () => {
    for (const { record, eventName } of family.positives) {
      const expectObject =
        record.errorCode === undefined && (eventName === "CreateTrail" || eventName === "UpdateTrail");
      expect(record.responseElements === null).toBe(!expectObject);
    }
  });

  test.each(targetEventNames(cloudTrailChanges.target))(
    "%s has every identity, outcome, version and region",
    (eventName) => {
      const records = recordsOf(eventName);
      const kinds = new Set(records.flatMap((record) => record.kinds));
      for (const identity of CALLER_IDENTITIES) for (const kind of identity.kinds) expect(kinds).toContain(kind);
      for (const version of EVENT_VERSIONS) expect(kinds).toContain(`event version ${version} records`);
      for (const region of REGIONS) expect(kinds).toContain(`calls in ${region.name}`);
      expect(kinds).toContain("successful calls");
      expect(kinds).toContain("calls that fail with AccessDenied");
      expect(kinds).toContain("calls that fail with AccessDeniedException");
      if (eventName !== "CreateTrail") {
        expect(kinds).toContain("calls that fail with TrailNotFoundException");
        expect(kinds).toContain("calls that name the trail by ARN");
        expect(kinds).toContain("calls that name the trail by name");
      }
    },
  );

  test("every documented userIdentity type appears", () => {
    const types = new Set(family.positives.map((r) => getAtPath(r.record, ["userIdentity", "type"])));
    for (const type of [
      "Root",
      "IAMUser",
      "AssumedRole",
      "Role",
      "FederatedUser",
      "Directory",
      "AWSAccount",
      "AWSService",
      "Unknown",
    ]) {
      expect(types).toContain(type);
    }
  });

  test("console IAM-user calls are invoked by signin, service calls come from a service name", () => {
    const consoleUser = family.positives.find((r) => r.id.includes("/iam-user-console/"));
    expect(getAtPath(consoleUser!.record, ["userIdentity", "invokedBy"])).toBe("signin.amazonaws.com");
    const service = family.positives.find((r) => r.id.includes("/aws-service-control-tower/"));
    expect(service!.record.sourceIPAddress).toBe("controltower.amazonaws.com");
  });

  test("ARNs use the region's partition", () => {
    const gov = family.positives.find(
      (r) => r.record.awsRegion === "us-gov-west-1" && r.kinds.includes("calls that name the trail by ARN"),
    );
    expect(getAtPath(gov!.record, ["requestParameters", "name"])).toMatch(/^arn:aws-us-gov:cloudtrail:us-gov-west-1:/);
  });
});

describe("the CloudTrail event family: negative controls", () => {
  let byId: Map<string, TrailCallFamily["negatives"][number]>;
  beforeEach(() => {
    byId = new Map(family.negatives.map((control) => [control.id, control]));
  });

  test("reads are read-only calls of the same source", () => {
    for (const name of [
      "DescribeTrails",
      "GetTrail",
      "GetTrailStatus",
      "ListTrails",
      "LookupEvents",
      "GetEventSelectors",
    ]) {
      const record = JSON.parse(byId.get(`read/${name}`)!.message) as JsonObject;
      expect(record.eventName).toBe(name);
      expect(record.readOnly).toBe(true);
      expect(record.eventSource).toBe("cloudtrail.amazonaws.com");
    }
  });

  test("near misses, other case and another source", () => {
    expect((JSON.parse(byId.get("near-miss/CreateTrails")!.message) as JsonObject).eventName).toBe("CreateTrails");
    expect((JSON.parse(byId.get("case/createtrail")!.message) as JsonObject).eventName).toBe("createtrail");
    const other = JSON.parse(byId.get("other-source/StopLogging")!.message) as JsonObject;
    expect(other.eventName).toBe("StopLogging");
    expect(other.eventSource).not.toBe("cloudtrail.amazonaws.com");
  });

  test("the Insights event has no top-level eventName", () => {
    const insight = JSON.parse(byId.get("insights/StopLogging")!.message) as JsonObject;
    expect(insight).not.toHaveProperty("eventName");
    expect(insight.eventType).toBe("AwsCloudTrailInsight");
    expect(getAtPath(insight, ["insightDetails", "eventName"])).toBe("StopLogging");
  });

  test("the non-JSON message does not parse", () => {
    expect(() => JSON.parse(byId.get("non-json")!.message)).toThrow();
  });
});

describe("setAtPath", () => {
  const record: JsonObject = { a: { b: "x" }, s: "text", n: null };
  test("replaces, removes and creates along the path without touching the original", () => {
    expect(setAtPath(record, ["a", "b"], "y")).toEqual({ a: { b: "y" }, s: "text", n: null });
    expect(setAtPath(record, ["a", "b"], undefined)).toEqual({ a: {}, s: "text", n: null });
    expect(setAtPath(record, ["n", "c"], 1)).toEqual({ a: { b: "x" }, s: "text", n: { c: 1 } });
    expect(record).toEqual({ a: { b: "x" }, s: "text", n: null });
  });
  test("refuses to step into a string", () => {
    expect(setAtPath(record, ["s", "c"], 1)).toBeUndefined();
  });
});
