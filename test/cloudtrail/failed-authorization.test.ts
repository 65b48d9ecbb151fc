/**
 * The failed-authorization family (CIS AWS Foundations Benchmark, "Ensure unauthorized API calls are monitored";
 * Security Hub CloudWatch.2): every authorization failure calls/ knows, as each service writes it, each by callers in
 * turn, less the records the target set exempts; negative controls the same calls succeeding and failing otherwise.
 */
import { ALL_CALL_SHAPES, callShapeOf } from "../../lib/cloudtrail/calls";
import { buildTargetFamily, matchesWildcard } from "../../lib/cloudtrail/families";
import { failedAuthorizationLabel } from "../../lib/cloudtrail/families/failed-authorization";
import { USER_AGENT_TEXT } from "../../lib/cloudtrail/fields";
import { getAtPath } from "../../lib/cloudtrail";
import type { EventFamily } from "../../lib/cloudtrail";
import { controlById } from "../../lib/controls";
import type { TargetSet } from "../../lib/controls/types";
import { text, recordOf } from "../helpers/records";

type FailedAuthorizationTarget = Extract<TargetSet, { kind: "failedAuthorization" }>;

const target = (): FailedAuthorizationTarget =>
  controlById("unauthorized-api-calls").target as FailedAuthorizationTarget;

/** The error codes a call's authorization failure is written with (calls/types.ts `accessDenied` and its spellings). */
const deniedCodesOf = (eventSource: string, eventName: string): (string | undefined)[] => {
  const shape = callShapeOf(eventSource, eventName);
  return [shape?.accessDenied, ...(shape?.alternativeAccessDenied ?? [])].map((error) => error?.errorCode);
};

// Families are built inside each test (Stryker credits a mutant only to the tests during which its code ran; the
// memo tables are emptied before each test in mutation runs).
let family: EventFamily;
beforeEach(() => {
  family = buildTargetFamily(target());
});

describe("the failed-authorization family: positives", () => {
  test("only authorization failures, whatever else the target set's patterns let in, less the exempt calls", () => {
    // A target set whose pattern takes every error code ("*"), exempting S3's ListBuckets: the family is still
    // "every authorization failure calls/ knows" (failed-authorization.ts), the exempt records "left out".
    const wide = buildTargetFamily({
      kind: "failedAuthorization",
      errorCodePatterns: ["*"],
      exempt: {
        eventName: ["ListBuckets"],
      },
    });
    expect(callShapeOf("s3.amazonaws.com", "ListBuckets")?.accessDenied).not.toBeNull();
    expect(family.eventNames).toContain("ListBuckets");
    expect(wide.eventNames).not.toContain("ListBuckets");
    expect(wide.positives.length).toBeGreaterThan(0);
    for (const { record } of wide.positives) {
      expect({
        call: record.eventName,
        codes: deniedCodesOf(text(record.eventSource), text(record.eventName)),
      }).toEqual({
        call: record.eventName,
        codes: expect.arrayContaining([record.errorCode]),
      });
      expect(wide.membership(record)).toBe("target");
    }
  });

  test("each record's id is its own and reads as its call, caller, error code, version and Region", () => {
    // lib/cloudtrail/family-types.ts: "a stable, readable id", e.g. `StopLogging/assumed-role-cli/...`, shown as an
    // example of missed calls (lib/coverage/describe.ts).
    const ids = family.positives.map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, record } of family.positives) {
      const parts = id.split("/");
      expect(parts.slice(0, 2)).toEqual([record.eventSource, record.eventName]);
      expect(parts).toContain(record.errorCode);
      expect(parts).toContain(record.eventVersion);
      expect(parts[parts.length - 1]).toBe(record.awsRegion);
    }
  });

  test("event names and subjects are the positives', in order; a record is told by its error code alone", () => {
    // lib/cloudtrail/family-types.ts: eventNames, "Every event name of the positives, in order"; subjects likewise.
    expect(family.eventNames).toEqual([...new Set(family.positives.map((record) => record.eventName))]);
    expect(family.subjects).toEqual([...new Set(family.positives.map((record) => record.subject))]);
    expect(new Set(family.subjects)).toEqual(
      new Set(["AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation"].map(failedAuthorizationLabel)),
    );
    // families/family-record.ts, `failureIsKind`: "calls that fail" is not worth saying when every record fails.
    for (const { record, kindsByAspect } of family.positives) {
      expect(kindsByAspect.outcome).toEqual([`calls that fail with ${text(record.errorCode)}`]);
    }
  });

  test("the error code, which decides membership, is kept by rewriting variants; the user agent is caller-chosen", () => {
    // lib/cloudtrail/family-types.ts: keptPaths are "the invariant ones and those that decide membership", and the
    // target set is decided by errorCode (CIS: `$.errorCode = "*UnauthorizedOperation"`, `"AccessDenied*"`).
    for (const path of family.invariantPaths) expect(family.keptPaths).toContain(path);
    expect(family.keptPaths).toContain("errorCode");
    expect(family.callerChosenText).toContain(USER_AGENT_TEXT);
  });
});

describe("the failed-authorization family: negative controls", () => {
  test("five successful calls spread over the services, and those of them that can fail otherwise failing so", () => {
    // failed-authorization.ts: "the same calls succeeding, and failing otherwise" (NEGATIVE_CALLS, five), spread
    // over the services ("every n-th shape").
    const succeeded = family.negatives.filter((negative) => negative.id.startsWith("success/"));
    expect(succeeded).toHaveLength(5);
    const records = succeeded.map((negative) => recordOf(negative.message));
    for (const record of records) {
      expect(record).not.toHaveProperty("errorCode");
      expect(family.eventNames).toContain(record?.eventName);
    }
    expect(new Set(records.map((record) => record?.eventSource)).size).toBeGreaterThanOrEqual(3);
    const failedOtherwise = family.negatives.filter((negative) => negative.id.startsWith("other-failure/"));
    const callsWithOwnErrors = records.filter(
      (record) => (callShapeOf(text(record?.eventSource), text(record?.eventName))?.errors ?? []).length > 0,
    );
    expect(callsWithOwnErrors.length).toBeGreaterThan(0);
    expect(failedOtherwise).toHaveLength(callsWithOwnErrors.length);
    for (const negative of failedOtherwise) {
      const record = recordOf(negative.message);
      const code = text(record?.errorCode);
      // CloudTrail user guide, "CloudTrail record contents": a failed call carries the service's errorCode; this one
      // is none the target set counts.
      expect(target().errorCodePatterns.some((pattern) => matchesWildcard(code, pattern))).toBe(false);
      expect(records.map((success) => success?.eventName)).toContain(record?.eventName);
    }
  });

  test("an Insights event about a denied call, and a line that is not JSON", () => {
    // CloudTrail user guide, "Insights events": eventType AwsCloudTrailInsight, the API name in insightDetails.
    const insights = family.negatives.flatMap((negative) => {
      const record = recordOf(negative.message);
      return record?.eventType === "AwsCloudTrailInsight" ? [record] : [];
    });
    expect(insights).toHaveLength(1);
    expect(family.eventNames).toContain(getAtPath(insights[0], ["insightDetails", "eventName"]));
    const texts = family.negatives.filter((negative) => recordOf(negative.message) === undefined);
    expect(texts).toHaveLength(1);
    // CloudWatch Logs API Reference, InputLogEvent: a message has at least one character.
    expect(texts[0].message).toMatch(/\S/);
  });
});

describe("every call that can be denied is in the family", () => {
  test("each call calls/ writes an authorization failure for (calls/ has none the control exempts)", () => {
    const denied = ALL_CALL_SHAPES.filter((shape) => shape.accessDenied !== null);
    for (const shape of denied) expect(family.eventNames).toContain(shape.eventName);
  });
});
