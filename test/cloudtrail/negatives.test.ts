/**
 * The negative controls every family shares (lib/cloudtrail/negatives.ts). The Insights event is checked against the
 * fields AWS documents for Insights events of trails (CloudTrail user guide, "CloudTrail record contents for Insights
 * events for trails" and "CloudTrail Insights insightDetails element"): eventVersion (since 1.07), eventType always
 * AwsCloudTrailInsight, eventID, eventTime (UTC), awsRegion, recipientAccountId, sharedEventID, and insightDetails
 * with state (Start or End), eventSource, eventName, insightType (ApiCallRateInsight or ApiErrorRateInsight) and
 * insightContext.statistics (baseline, insight, insightDuration); the event data store page adds eventCategory,
 * always Insight.
 */
import { insightsEvent, nameNegatives } from "../../lib/cloudtrail/negatives";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Each event is built inside its test, not when the file is read: Stryker credits a mutant to the tests during which
// its code ran, so values computed in a `describe` body would leave this file out of every mutant's run.
describe("insightsEvent", () => {
  const read = (): Record<string, unknown> =>
    JSON.parse(insightsEvent("cloudtrail.amazonaws.com", "StopLogging")) as Record<string, unknown>;

  test("has the top-level fields AWS documents, in CloudTrail's order, and no top-level eventName", () => {
    const event = read();
    expect(Object.keys(event)).toEqual([
      "eventVersion",
      "eventTime",
      "awsRegion",
      "eventID",
      "eventType",
      "recipientAccountId",
      "sharedEventID",
      "insightDetails",
      "eventCategory",
    ]);
    expect(event.eventName).toBeUndefined();
  });

  test("each top-level value has its documented form", () => {
    const event = read();
    expect(Number(event.eventVersion)).toBeGreaterThanOrEqual(1.07);
    expect(event.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(event.awsRegion).toMatch(/^[a-z]{2}(-[a-z]+)+-\d$/);
    expect(event.eventID).toMatch(GUID);
    expect(event.sharedEventID).toMatch(GUID);
    expect(event.sharedEventID).not.toBe(event.eventID);
    expect(event.eventType).toBe("AwsCloudTrailInsight");
    expect(event.recipientAccountId).toMatch(/^\d{12}$/);
    expect(event.eventCategory).toBe("Insight");
  });

  test("insightDetails names the call and holds the documented statistics", () => {
    const details = read().insightDetails as Record<string, unknown>;
    expect(Object.keys(details)).toEqual(["state", "eventSource", "eventName", "insightType", "insightContext"]);
    expect(["Start", "End"]).toContain(details.state);
    expect(details.eventSource).toBe("cloudtrail.amazonaws.com");
    expect(details.eventName).toBe("StopLogging");
    expect(["ApiCallRateInsight", "ApiErrorRateInsight"]).toContain(details.insightType);
    const statistics = (details.insightContext as Record<string, Record<string, unknown>>).statistics;
    expect(Object.keys(statistics)).toEqual(["baseline", "insight", "insightDuration"]);
    expect(typeof (statistics.baseline as { average: unknown }).average).toBe("number");
    expect(typeof (statistics.insight as { average: unknown }).average).toBe("number");
    // A rate insight: the unusual rate is above the baseline.
    expect((statistics.insight as { average: number }).average).toBeGreaterThan(
      (statistics.baseline as { average: number }).average,
    );
    expect(statistics.insightDuration).toBeGreaterThan(0);
  });
});

describe("nameNegatives", () => {
  const recordOf = (index: number, eventSource: string, eventName: string) => `${index} ${eventSource} ${eventName}`;

  test("near misses of the first and last names, another source, an Insights event and a line of text", () => {
    const negatives = nameNegatives("cloudtrail.amazonaws.com", "CreateTrail", "StopLogging", recordOf);
    expect(negatives.map((n) => [n.id, n.description, n.message])).toEqual([
      ["near-miss/CreateTrails", "a near-miss spelling: CreateTrails", "20 cloudtrail.amazonaws.com CreateTrails"],
      ["case/createtrail", "another case: createtrail", "21 cloudtrail.amazonaws.com createtrail"],
      ["case/STOPLOGGING", "another case: STOPLOGGING", "22 cloudtrail.amazonaws.com STOPLOGGING"],
      [
        "other-source/StopLogging",
        "the same name from another event source: StopLogging from example.amazonaws.com",
        "23 example.amazonaws.com StopLogging",
      ],
      [
        "insights/StopLogging",
        "an Insights event about StopLogging",
        insightsEvent("cloudtrail.amazonaws.com", "StopLogging"),
      ],
      [
        "non-json",
        "a message that is not JSON",
        "2026-01-15T10:00:00Z INFO audit: StopLogging requested for trail management-events",
      ],
    ]);
  });
});
