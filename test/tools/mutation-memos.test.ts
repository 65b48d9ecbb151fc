/**
 * The memo tables mutation runs empty before each test (lib/memo, scripts/jest-mutation-hooks.js): after
 * `forgetMemos` the pack computes each value again, equal to the one it had kept. Each table below is one that would
 * credit the code that fills it to a single test of a file, were it kept across tests (docs/mutation-testing.md).
 */
import * as fs from "fs";
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

describe("mutation runs empty the tables before each test of Stryker's initial run", () => {
  test("jest.mutate.config.js sets up scripts/jest-mutation-hooks.js after the test framework", async () => {
    const config = (
      (await import(path.resolve(__dirname, "../../jest.mutate.config.js"))) as {
        default: { setupFilesAfterEnv?: string[] };
      }
    ).default;
    expect(config.setupFilesAfterEnv).toContain(path.resolve(__dirname, "../../scripts/jest-mutation-hooks.js"));
  });

  /**
   * The hook the script registers, taken from a stand-in `beforeEach`: the script's text run with this test's
   * `require` (so that it empties the very tables this test reads, in the registry of this file's modules).
   */
  function hookOfScript(): () => void {
    const script = path.resolve(__dirname, "../../scripts/jest-mutation-hooks.js");
    const hooks: (() => void)[] = [];
    // The script is plain CommonJS run by jest before each test file; run here as jest would, with stand-ins.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function("require", "__dirname", "beforeEach", fs.readFileSync(script, "utf8")) as (
      ...args: unknown[]
    ) => void;
    run(require, path.dirname(script), (hook: () => void) => hooks.push(hook));
    expect(hooks).toHaveLength(1);
    return hooks[0];
  }

  test("the initial run (no active mutant): the tables are emptied", () => {
    const hook = hookOfScript();
    const before = familyFor(cloudTrailChanges);
    hook();
    expect(familyFor(cloudTrailChanges)).not.toBe(before);
  });

  test("a mutant's run (__STRYKER_ACTIVE_MUTANT__ set): the tables are kept", () => {
    const hook = hookOfScript();
    const before = familyFor(cloudTrailChanges);
    process.env.__STRYKER_ACTIVE_MUTANT__ = "7";
    try {
      hook();
    } finally {
      delete process.env.__STRYKER_ACTIVE_MUTANT__;
    }
    expect(familyFor(cloudTrailChanges)).toBe(before);
  });
});
