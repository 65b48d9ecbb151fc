/**
 * The root-activity family (CIS AWS Foundations Benchmark, "Ensure usage of the 'root' account is monitored";
 * Security Hub CloudWatch.1): the root user's own calls, and as negatives the same calls by an IAM user and the root
 * records the CIS filter leaves out, `$.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent"`.
 */
import { callShapeOf, ROOT_CALLS } from "../../lib/cloudtrail/calls";
import { buildTargetFamily } from "../../lib/cloudtrail/families";
import { USER_AGENT_TEXT } from "../../lib/cloudtrail/fields";
import { getAtPath } from "../../lib/cloudtrail";
import type { EventFamily, JsonObject } from "../../lib/cloudtrail";
import { controlById } from "../../lib/controls";
import { text, recordOf } from "../helpers/records";

/** The root calls that are API calls (not console sign-ins), each with its shape of calls/. */
const apiRootCalls = () => ROOT_CALLS.filter((call) => call.eventSource !== "signin.amazonaws.com");

// Built inside each test: Stryker credits a mutant only to the tests during which its code ran.
let family: EventFamily;
beforeEach(() => {
  family = buildTargetFamily(controlById("root-account-usage").target);
});

describe("the root activity family: positives", () => {
  test("each API call's record id is its own and reads as its call, outcome, version and Region", () => {
    // lib/cloudtrail/family-types.ts: "a stable, readable id", shown as an example of missed calls.
    const ids = family.positives.map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    const calls = family.positives.filter((record) => record.record.eventSource !== "signin.amazonaws.com");
    expect(calls.length).toBeGreaterThan(0);
    for (const { id, record } of calls) {
      const parts = id.split("/");
      expect(parts[0]).toBe(record.eventName);
      expect(parts).toContain(record.errorCode ?? "success");
      expect(parts).toContain(record.eventVersion);
      expect(parts[parts.length - 1]).toBe(record.awsRegion);
    }
  });

  test("a call that takes parameters has them recorded", () => {
    // CloudTrail user guide, "CloudTrail record contents": requestParameters holds the parameters sent with the
    // request, if any; calls/ gives each call's request shapes, null for a call that takes none.
    for (const { record } of family.positives) {
      if (record.eventSource === "signin.amazonaws.com" || record.requestParameters !== null) continue;
      const shape = callShapeOf(text(record.eventSource), text(record.eventName));
      const requests = [shape?.requestParameters, ...(shape?.alternativeRequests ?? [])];
      expect({ call: record.eventName, takesNone: requests.includes(null) }).toEqual({
        call: record.eventName,
        takesNone: true,
      });
    }
  });

  test("event names and subjects are the positives', in order", () => {
    // lib/cloudtrail/family-types.ts: eventNames, "Every event name of the positives, in order"; subjects likewise.
    expect(family.eventNames).toEqual([...new Set(family.positives.map((record) => record.eventName))]);
    expect(family.subjects).toEqual([...new Set(family.positives.map((record) => record.subject))]);
    for (const call of ROOT_CALLS) expect(family.eventNames).toContain(call.eventName);
  });

  test("the fields that decide membership are kept by rewriting variants; the user agent is caller-chosen", () => {
    // lib/cloudtrail/family-types.ts: keptPaths are "the invariant ones and those that decide membership"; CIS's
    // filter decides root usage by userIdentity.type, userIdentity.invokedBy and eventType.
    for (const path of family.invariantPaths) expect(family.keptPaths).toContain(path);
    for (const path of ["userIdentity.type", "userIdentity.invokedBy", "eventType"]) {
      expect(family.keptPaths).toContain(path);
    }
    expect(family.callerChosenText).toContain(USER_AGENT_TEXT);
  });
});

describe("the root activity family: negative controls", () => {
  const negativeRecords = (prefix: string): JsonObject[] =>
    family.negatives.flatMap((negative) => {
      const record = negative.id.startsWith(prefix) ? recordOf(negative.message) : undefined;
      return record === undefined ? [] : [record];
    });

  test("each root call, made by an IAM user instead", () => {
    // root.ts: "the same calls by an IAM user" (CloudTrail user guide, "userIdentity element": type IAMUser).
    const byUser = negativeRecords("not-root/");
    expect(byUser.map((record) => [record.eventSource, record.eventName])).toEqual(
      apiRootCalls().map((call) => [call.eventSource, call.eventName]),
    );
    for (const record of byUser) {
      expect(getAtPath(record, ["userIdentity", "type"])).toBe("IAMUser");
      expect(record).not.toHaveProperty("errorCode");
    }
  });

  test("a root call an AWS service makes (invokedBy), and an AWS service event in the root user's name", () => {
    const [first] = apiRootCalls();
    // CloudTrail user guide, "AWS service events": an AWS service acting internally is named `"invokedBy":
    // "AWS Internal"`; such records have eventType AwsServiceEvent. CIS leaves both out of root usage.
    const [invoked] = negativeRecords("invoked-by/");
    expect(invoked).toMatchObject({ eventSource: first.eventSource, eventName: first.eventName });
    expect(getAtPath(invoked, ["userIdentity", "type"])).toBe("Root");
    expect(getAtPath(invoked, ["userIdentity", "invokedBy"])).toBe("AWS Internal");
    expect(invoked.eventType).toBe("AwsApiCall");
    const [serviceEvent] = negativeRecords("service-event/");
    expect(serviceEvent).toMatchObject({
      eventSource: first.eventSource,
      eventName: first.eventName,
      eventType: "AwsServiceEvent",
    });
    expect(getAtPath(serviceEvent, ["userIdentity", "type"])).toBe("Root");
    expect(getAtPath(serviceEvent, ["userIdentity", "invokedBy"])).toBeUndefined();
    // Each differs from a root user's own call in that one respect: the same record is a target without it.
    expect(family.membership({ ...serviceEvent, eventType: "AwsApiCall" })).toBe("target");
  });

  test("a line that is not JSON", () => {
    const texts = family.negatives.filter((negative) => recordOf(negative.message) === undefined);
    expect(texts).toHaveLength(1);
    // CloudWatch Logs API Reference, InputLogEvent: a message has at least one character.
    expect(texts[0].message).toMatch(/\S/);
  });
});
