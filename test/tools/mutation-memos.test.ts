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
import { commandText, firstPassCommand, secondPassCommand } from "../../tools/mutation/chunk-passes";
import { CHUNKS, MEMO_CODE, mutatesMemoCode, type Chunk } from "../../tools/mutation/chunks";

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

  /** The variables the hook reads. Mutation runs set them around this very test: Stryker's jest runner sets
   * `__STRYKER_ACTIVE_MUTANT__` in every mutant's run, `npm run mutate:chunks` sets `MUTATION_KEEP_MEMOS` for a
   * whole run. */
  const HOOK_VARIABLES = ["__STRYKER_ACTIVE_MUTANT__", "MUTATION_KEEP_MEMOS"] as const;

  type HookVariables = Partial<Record<(typeof HOOK_VARIABLES)[number], string>>;

  /**
   * Runs `body` with exactly `variables` set among HOOK_VARIABLES, and puts back after it the ones the process had:
   * read from the process as it is, these tests would fail in every mutant's run of Stryker, and so "kill" every
   * mutant of the code they run.
   */
  function withVariables<T>(variables: HookVariables, body: () => T): T {
    const saved = HOOK_VARIABLES.map((name) => [name, process.env[name]] as const);
    for (const name of HOOK_VARIABLES) delete process.env[name];
    Object.assign(process.env, variables);
    try {
      return body();
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  /** Whether the script's hook, run with exactly `variables` set among HOOK_VARIABLES, left the family table as it was. */
  function keptBy(variables: HookVariables): boolean {
    const hook = hookOfScript();
    const before = familyFor(cloudTrailChanges);
    withVariables(variables, hook);
    return familyFor(cloudTrailChanges) === before;
  }

  test("the initial run (no active mutant): the tables are emptied", () => {
    expect(keptBy({})).toBe(false);
  });

  test("a mutant's run (__STRYKER_ACTIVE_MUTANT__ set): the tables are kept", () => {
    expect(keptBy({ __STRYKER_ACTIVE_MUTANT__: "7" })).toBe(true);
  });

  test("the initial run of a chunk that computes no table (MUTATION_KEEP_MEMOS=1): the tables are kept", () => {
    expect(keptBy({ MUTATION_KEEP_MEMOS: "1" })).toBe(true);
  });

  test("the answers do not depend on the variables of the run the test itself is in (a mutant's, a kept run's)", () => {
    withVariables({ __STRYKER_ACTIVE_MUTANT__: "12", MUTATION_KEEP_MEMOS: "1" }, () => {
      expect(keptBy({})).toBe(false);
      expect(keptBy({ __STRYKER_ACTIVE_MUTANT__: "7" })).toBe(true);
      expect(process.env.__STRYKER_ACTIVE_MUTANT__).toBe("12");
    });
  });
});

describe("MEMO_CODE (tools/mutation/chunks.ts): the code that can run while a table's value is computed", () => {
  const root = path.resolve(__dirname, "../..");
  const relative = (file: string): string => path.relative(root, file).split(path.sep).join("/");
  const inMemoCode = (file: string): boolean => MEMO_CODE.some((code) => relative(file).startsWith(code));

  function sourcesUnder(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return sourcesUnder(full);
      return entry.name.endsWith(".ts") ? [full] : [];
    });
  }

  /** The pack's modules a file loads (imports of types only load nothing), as files. */
  function loadedBy(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:(?:import|export)(?! type)[^"]*?from|require\()\s*"(\.[^"]+)"/g)].map(
      (m) => m[1],
    );
    return specifiers.map((specifier) => {
      const target = path.resolve(path.dirname(file), specifier);
      return fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, "index.ts");
    });
  }

  const makers = ["lib", "policies"]
    .flatMap((folder) => sourcesUnder(path.join(root, folder)))
    .filter((file) => !relative(file).startsWith("lib/memo/") && /\bmemoTable</.test(fs.readFileSync(file, "utf8")));

  test("names every file that makes a memo table (a new one is a decision: it joins MEMO_CODE and this list)", () => {
    expect(makers.map(relative).sort()).toEqual([
      "lib/cloudtrail/families/routine-records.ts",
      "lib/cloudtrail/families/shape-record.ts",
      "lib/coverage/family-cache.ts",
      "lib/monitoring/coverage.ts",
    ]);
    expect(makers.filter((file) => !inMemoCode(file)).map(relative)).toEqual([]);
  });

  test("holds every module the tables' values are computed with, and every module those load", () => {
    // lib/monitoring/coverage.ts computes its verdicts with lib/coverage (`judgeCoverage`); its other imports serve
    // the key and the filter's pattern, read before the table is.
    const roots = [
      ...makers.filter((file) => relative(file) !== "lib/monitoring/coverage.ts"),
      path.join(root, "lib/coverage/index.ts"),
    ];
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...loadedBy(file));
    }
    expect(seen.size).toBeGreaterThan(40);
    expect([...seen].filter((file) => !inMemoCode(file)).map(relative)).toEqual([]);
  });

  test("leaves the tables alone in the initial run of a chunk outside it, and only there (mutate:chunks)", () => {
    const keeps = (chunk: Chunk): boolean => firstPassCommand(chunk).env.MUTATION_KEEP_MEMOS === "1";
    expect(CHUNKS.filter(keeps).map((chunk) => chunk.name)).toEqual([
      "policies",
      "checks-1",
      "checks-2",
      "findings-kms",
      "alarm-mute",
      "alarm-rule-1",
      "alarm-rule-2",
      "alarm-rule-3",
      "alarm-rule-4",
      "monitoring-1",
      "monitoring-3",
      "monitoring-4",
      "stack-1",
      "stack-2",
      "stack-3",
      "stack-4",
      "stack-5",
      "stack-6",
      "stack-7",
      "stack-8",
    ]);
    expect(CHUNKS.filter(keeps).every((chunk) => !mutatesMemoCode(chunk))).toBe(true);
    // A glob that reaches into that code, or holds some of it, empties them.
    const chunk = (...mutate: string[]): Chunk => ({ name: "c", mutate });
    expect(mutatesMemoCode(chunk("lib/**/*.ts"))).toBe(true);
    expect(mutatesMemoCode(chunk("lib/monitoring/*.ts"))).toBe(true);
    expect(mutatesMemoCode(chunk("lib/stack/chain.ts", "lib/coverage/judge.ts"))).toBe(true);
    expect(mutatesMemoCode(chunk("lib/stack/**/*.ts", "!lib/coverage/**"))).toBe(false);
    expect(mutatesMemoCode(chunk("lib/monitoring/alarms.ts"))).toBe(false);
    expect(commandText(secondPassCommand(CHUNKS.find((chunk) => chunk.name === "stack-3") as Chunk))).toMatch(
      /^MUTATION_KEEP_MEMOS=1 STRYKER_WHOLE_FILES=1 npx stryker run --mutate lib\/stack\/chain\.ts /,
    );
  });
});
