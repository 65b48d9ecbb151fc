/**
 * The memo tables mutation runs empty before each test (lib/memo, scripts/jest-mutation-hooks.js): after
 * `forgetMemos` the pack computes each value again, equal to the one it had kept. Each table below is one that would
 * credit the code that fills it to a single test of a file, were it kept across tests (docs/mutation-testing.md).
 */
import * as path from "path";
import { buildTargetFamily, routineRecords } from "../../lib/cloudtrail/families";
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { iamPolicyChanges } from "../../lib/controls/iam-policy-changes";
import { familyFor } from "../../lib/coverage/family-cache";
import { forgetMemos } from "../../lib/memo";
import { coverageOf } from "../../lib/monitoring/coverage";

/** Reads a value twice with the tables kept, then again after `forgetMemos`. */
function readThrice<T>(read: () => T): { first: T; kept: T; afresh: T } {
  const first = read();
  const kept = read();
  forgetMemos();
  return { first, kept, afresh: read() };
}

describe("forgetMemos: every memo table of the pack computed again, to the same value", () => {
  test("the record family of a control (lib/coverage/family-cache.ts)", () => {
    const { first, kept, afresh } = readThrice(() => familyFor(cloudTrailChanges));
    expect(kept).toBe(first);
    expect(afresh).not.toBe(first);
    expect(afresh.positives.map((record) => record.message)).toEqual(first.positives.map((record) => record.message));
  });

  test("the coverage verdict of a pattern (lib/monitoring/coverage.ts)", () => {
    const pattern = '{ ($.eventSource = "cloudtrail.amazonaws.com") && ($.eventName = "StopLogging") }';
    const { first, kept, afresh } = readThrice(() => coverageOf(pattern, cloudTrailChanges));
    expect(kept).toBe(first);
    expect(afresh).not.toBe(first);
    expect(afresh).toEqual(first);
  });

  test("the routine records (lib/cloudtrail/families/routine-records.ts)", () => {
    const { first, kept, afresh } = readThrice(() => routineRecords());
    expect(kept).toBe(first);
    expect(afresh).not.toBe(first);
    expect(afresh.map((record) => record.message)).toEqual(first.map((record) => record.message));
  });

  test("the filled parts of a call shape (lib/cloudtrail/families/shape-record.ts), shared by records of one region", () => {
    // IAM policy calls are built from call shapes; two families built with the table kept share the filled
    // requestParameters objects of their records, and after forgetMemos the parts are filled again.
    const parameters = (): unknown[] =>
      buildTargetFamily(iamPolicyChanges.target).positives.map((record) => record.record.requestParameters);
    const shared = (a: unknown[], b: unknown[]): boolean =>
      a.some((value, index) => typeof value === "object" && value !== null && value === b[index]);
    const { first, kept, afresh } = readThrice(parameters);
    expect(shared(first, kept)).toBe(true);
    expect(shared(first, afresh)).toBe(false);
    expect(afresh).toEqual(first);
  });
});

describe("mutation runs empty the tables before each test", () => {
  test("jest.mutate.config.js sets up scripts/jest-mutation-hooks.js after the test framework", async () => {
    const config = (
      (await import(path.resolve(__dirname, "../../jest.mutate.config.js"))) as {
        default: { setupFilesAfterEnv?: string[] };
      }
    ).default;
    expect(config.setupFilesAfterEnv).toContain(path.resolve(__dirname, "../../scripts/jest-mutation-hooks.js"));
  });
});
