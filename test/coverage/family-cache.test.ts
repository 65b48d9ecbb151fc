/**
 * What a judgment derives once per control family (lib/coverage/family-cache.ts): the negative controls read as
 * JSON, and the order the family's kinds of call first appear in. Each is computed by the first judgment of a family
 * in a process and kept, so each test below is the first of this file to need it.
 *
 * Expected values follow from the filter pattern syntax (CloudWatch Logs user guide, "Filter pattern syntax for
 * metric filters, subscription filters, filter log events, and Live Tail": a JSON pattern matches JSON log events
 * only; `%regex%` as a value matches the values it finds a match in) and the CloudTrail user guide ("CloudTrail record
 * contents": eventSource names the service; "CloudTrail userIdentity element": Root, AssumedRole, ...).
 */
import { callShapeOf } from "../../lib/cloudtrail/calls";
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { judgeCoverage } from "../../lib/coverage";
import type { RoutineCall } from "../../lib/coverage";
import { FIVE, FIVE_NAMES_PARENTHESISED, reasonOf } from "../helpers/coverage-verdicts";

/** Trails that record write events only: no routine read is counted. */
function writesOnly(call: RoutineCall): boolean {
  return callShapeOf(call.eventSource, call.eventName)?.readOnly === false;
}

test("a JSON pattern is matched against the negative controls that are JSON", () => {
  // The family's 17 negative controls: 6 CloudTrail reads, 5 other CloudTrail writes, 3 near-miss names from
  // cloudtrail.amazonaws.com (CreateTrails, createtrail, STOPLOGGING), StopLogging from another event source, an
  // Insights event and a line that is not JSON. The pattern holds for the 14 from cloudtrail.amazonaws.com.
  const verdict = judgeCoverage("{ $.eventSource = cloudtrail.amazonaws.com }", cloudTrailChanges, { recorded: writesOnly });
  expect(verdict).toMatchObject({ verdict: "covers", broaderThanRequired: { matched: 14, of: 17 } });
});

test("kinds are listed in the order the family's records first show them, not by how many calls each holds", () => {
  // The root user's calls come first in the family; assumed roles make more of its calls (20 of each call's 60).
  const clause = "$.userIdentity.type != %Root|AssumedRole%";
  expect(reasonOf(`{ (${FIVE_NAMES_PARENTHESISED}) && ${clause} }`)).toBe(
    `misses ${FIVE} calls by the root user and calls by an assumed role, because of \`${clause}\``,
  );
});
