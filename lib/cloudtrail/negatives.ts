/**
 * Negative controls every family shares: messages a pattern need not count. An Insights event about a target call
 * (no top-level eventName: the API name sits in insightDetails; CloudTrail user guide, "Insights events"), a message
 * that is not JSON, and near misses of a target call's name: another spelling, another case, another source.
 */
import type { NegativeControl } from "./family-types";
import { orderedObject } from "./json";
import { ACCOUNT_ID, deterministicUuid } from "./records";

/** An Insights event about `eventName` of `eventSource`. */
export function insightsEvent(eventSource: string, eventName: string): string {
  return JSON.stringify(
    orderedObject([
      ["eventVersion", "1.08"],
      ["eventTime", "2026-01-15T10:00:00Z"],
      ["awsRegion", "us-east-1"],
      ["eventID", deterministicUuid(20_001)],
      ["eventType", "AwsCloudTrailInsight"],
      ["recipientAccountId", ACCOUNT_ID],
      ["sharedEventID", deterministicUuid(20_002)],
      [
        "insightDetails",
        orderedObject([
          ["state", "Start"],
          ["eventSource", eventSource],
          ["eventName", eventName],
          ["insightType", "ApiCallRateInsight"],
          [
            "insightContext",
            orderedObject([
              [
                "statistics",
                orderedObject([
                  ["baseline", orderedObject([["average", 0.0017]])],
                  ["insight", orderedObject([["average", 5]])],
                  ["insightDuration", 1],
                ]),
              ],
            ]),
          ],
        ]),
      ],
      ["eventCategory", "Insight"],
    ]),
  );
}

/**
 * The negative controls about the names of the target calls: `first` misspelled and lower-cased, `last` upper-cased
 * and from another event source (each a record `recordOf` makes with that source and name), an Insights event about
 * `last`, and a plain-text line naming it.
 */
export function nameNegatives(
  eventSource: string,
  first: string,
  last: string,
  recordOf: (index: number, eventSource: string, eventName: string) => string,
): NegativeControl[] {
  return [
    {
      id: `near-miss/${first}s`,
      description: `a near-miss spelling: ${first}s`,
      message: recordOf(20, eventSource, `${first}s`),
    },
    {
      id: `case/${first.toLowerCase()}`,
      description: `another case: ${first.toLowerCase()}`,
      message: recordOf(21, eventSource, first.toLowerCase()),
    },
    {
      id: `case/${last.toUpperCase()}`,
      description: `another case: ${last.toUpperCase()}`,
      message: recordOf(22, eventSource, last.toUpperCase()),
    },
    {
      id: `other-source/${last}`,
      description: `the same name from another event source: ${last} from example.amazonaws.com`,
      message: recordOf(23, "example.amazonaws.com", last),
    },
    {
      id: `insights/${last}`,
      description: `an Insights event about ${last}`,
      message: insightsEvent(eventSource, last),
    },
    {
      id: "non-json",
      description: "a message that is not JSON",
      message: `2026-01-15T10:00:00Z INFO audit: ${last} requested for trail management-events`,
    },
  ];
}
