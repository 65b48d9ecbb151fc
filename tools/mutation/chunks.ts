/**
 * The chunks a whole mutation measurement is run in (`npm run mutate:chunks`): each chunk's name, the name its run
 * is kept under (docs/mutation/runs/<name>.json), and the `mutate` globs Stryker is given for it. Every file
 * stryker.config.json's `mutate` selects is in exactly one chunk (test/tools/mutation-chunks.test.ts). A chunk is a
 * run of 5 to 45 minutes on two cores: a few files of at most about 500 lines (about 300 mutants; fewer where each
 * mutant runs many slow tests, as in lib/cloudtrail/families), so that a run stopped with the machine loses one
 * chunk; the larger chunks of lib/controls and lib/cloudtrail are mostly tables of data, static mutants that
 * `ignoreStatic` leaves out. The order is the order they are run in.
 */

export interface Chunk {
  readonly name: string;
  /** Stryker's `mutate` globs (`!` excludes), relative to the project's root. */
  readonly mutate: readonly string[];
  /**
   * The test folders the chunk's mutants are tried against, when not every in-process suite (jest.mutate.config.js,
   * MUTATION_TESTS). For code that nearly every test runs, such as the filter-pattern engine that every judged
   * pattern goes through, a survivor would otherwise run most of the suite (a few mutants a minute). The score is
   * then a lower bound: a mutant those tests kill is killed by the suite, and one they miss may still be killed by
   * another test. Kept runs record the folders (`config.tests`), and RELIABILITY.md names the runs made so.
   */
  readonly tests?: readonly string[];
}

const files = (folder: string, ...names: string[]): string[] => names.map((name) => `${folder}/${name}`);

/**
 * The engine's own tests (from AWS's documented examples to the parser's error messages): every judged pattern runs
 * lib/filter-pattern, so with the whole suite each of its survivors ran most of the in-process tests.
 */
const FILTER_PATTERN_TESTS = ["test/filter-pattern"];
/**
 * The tests of the record families: test/cloudtrail checks the records themselves (fields, kinds, identities, calls,
 * negatives), test/coverage judges patterns over them. Every test that judges a pattern builds families, so with
 * every suite a survivor of lib/cloudtrail/family.ts ran about 1,270 tests in 29 files (ct-family's rerun: one to two
 * mutants a minute). ct-fields and cloudtrail-routine were kept with every suite before this, and keep it.
 */
const CLOUDTRAIL_TESTS = ["test/cloudtrail", "test/coverage"];
/**
 * lib/coverage's own tests. Its code runs under every pattern a policy judges, and a chunk of it with every suite
 * needs an initial run of about five minutes (the memo tables emptied before each test), past Stryker's limit on a
 * loaded machine; the reasons it gives are checked part by part in test/coverage (blame, clauses, culprits,
 * phrases, judge, reason, variants).
 */
const COVERAGE_TESTS = ["test/coverage"];

/** `chunks`, each tried against `tests` only (`Chunk.tests`). */
const testedBy = (tests: readonly string[], ...chunks: Chunk[]): Chunk[] =>
  chunks.map((chunk) => ({ ...chunk, tests }));

export const CHUNKS: readonly Chunk[] = [
  { name: "controls", mutate: ["lib/controls/**/*.ts", "!lib/controls/sources.ts"] },
  {
    name: "ct-fields",
    mutate: files("lib/cloudtrail", "fields.ts", "json.ts", "kinds.ts", "negatives.ts", "index.ts", "family-types.ts"),
  },
  ...testedBy(
    CLOUDTRAIL_TESTS,
    { name: "ct-family", mutate: ["lib/cloudtrail/family.ts"] },
    { name: "ct-identities", mutate: ["lib/cloudtrail/identities.ts"] },
    // lib/cloudtrail/families in five: its mutants run the tests that build families (with every suite about a
    // thousand, four to five mutants a minute, so the folder whole was a run of three hours).
    { name: "families-1", mutate: files("lib/cloudtrail/families", "api-calls.ts") },
    {
      name: "families-2",
      mutate: files("lib/cloudtrail/families", "failed-authorization.ts", "family-record.ts"),
    },
    {
      name: "families-3",
      mutate: files("lib/cloudtrail/families", "index.ts", "membership.ts", "root.ts"),
    },
    {
      name: "families-4",
      mutate: files("lib/cloudtrail/families", "routine-records.ts", "shape-record.ts"),
    },
    {
      name: "families-5",
      mutate: files("lib/cloudtrail/families", "sign-in-record.ts", "sign-in.ts"),
    },
    {
      name: "cloudtrail-calls",
      mutate: ["lib/cloudtrail/callers.ts", "lib/cloudtrail/calls/**/*.ts", "!lib/cloudtrail/calls/sources.ts"],
    },
  ),
  { name: "cloudtrail-routine", mutate: ["lib/cloudtrail/records.ts", "lib/cloudtrail/routine/**/*.ts"] },
  { name: "policies", mutate: ["policies/**/*.ts"] },
  { name: "checks-1", mutate: files("lib/checks", "alarm.ts", "applicability.ts", "trail-delivery.ts") },
  { name: "checks-2", mutate: files("lib/checks", "metric-filter.ts", "notification.ts") },
  { name: "findings-kms", mutate: ["lib/findings/**/*.ts", "lib/kms/**/*.ts"] },
  { name: "alarm-mute", mutate: ["lib/alarm-mute/**/*.ts"] },
  { name: "alarm-rule-1", mutate: files("lib/alarm-rule", "ast.ts", "build.ts", "credit.ts") },
  { name: "alarm-rule-2", mutate: files("lib/alarm-rule", "evaluate.ts", "explain.ts", "index.ts") },
  { name: "alarm-rule-3", mutate: files("lib/alarm-rule", "parser.ts") },
  { name: "alarm-rule-4", mutate: files("lib/alarm-rule", "printer.ts", "readings.ts", "references.ts", "scanner.ts") },
  // lib/coverage's seven chunks of 2026-12-02 (docs/mutation-testing.md), with its three small files added.
  ...testedBy(
    COVERAGE_TESTS,
    { name: "coverage-1", mutate: files("lib/coverage", "blame.ts", "context.ts", "index.ts") },
    { name: "coverage-2", mutate: files("lib/coverage", "clauses.ts", "culprits.ts") },
    {
      name: "coverage-3",
      mutate: files("lib/coverage", "describe.ts", "family-cache.ts", "family-misses.ts"),
    },
    { name: "coverage-4", mutate: files("lib/coverage", "judge.ts", "phrases.ts", "readings.ts") },
    { name: "coverage-5", mutate: files("lib/coverage", "reason.ts", "types.ts") },
    { name: "coverage-6", mutate: files("lib/coverage", "record-evaluator.ts", "routine.ts") },
    { name: "coverage-7", mutate: files("lib/coverage", "variants.ts") },
  ),
  ...testedBy(
    FILTER_PATTERN_TESTS,
    {
      name: "filter-pattern-1",
      mutate: files("lib/filter-pattern", "ast.ts", "delimited-fields.ts"),
    },
    { name: "filter-pattern-2", mutate: files("lib/filter-pattern", "evaluate.ts") },
    { name: "filter-pattern-3", mutate: files("lib/filter-pattern", "parser.ts") },
    {
      name: "filter-pattern-4",
      mutate: files("lib/filter-pattern", "index.ts", "printer.ts"),
    },
    {
      name: "filter-pattern-5",
      mutate: files("lib/filter-pattern", "regex.ts", "scanner.ts"),
    },
  ),
  { name: "monitoring-1", mutate: files("lib/monitoring", "alarm-criteria.ts", "alarms.ts", "audit-trail.ts") },
  {
    name: "monitoring-2",
    mutate: files("lib/monitoring", "composites.ts", "coverage.ts", "filters.ts", "log-groups.ts", "multimap.ts"),
  },
  { name: "monitoring-3", mutate: files("lib/monitoring", "mutes.ts", "notified.ts", "profiles.ts") },
  {
    name: "monitoring-4",
    mutate: files("lib/monitoring", "recorded.ts", "target-recording.ts", "topic-encryption.ts"),
  },
  // lib/stack's eight chunks of 2026-12-02 (docs/mutation-testing.md), with model.ts added to stack-2.
  { name: "stack-1", mutate: files("lib/stack", "adapter.ts", "arn.ts", "aws-native.ts") },
  { name: "stack-2", mutate: files("lib/stack", "aws.ts", "model.ts") },
  { name: "stack-3", mutate: files("lib/stack", "chain.ts") },
  { name: "stack-4", mutate: files("lib/stack", "read.ts") },
  { name: "stack-5", mutate: files("lib/stack", "regions.ts", "routing-adapters.ts") },
  { name: "stack-6", mutate: files("lib/stack", "secret-capture.ts", "secrets.ts") },
  { name: "stack-7", mutate: files("lib/stack", "selectors.ts", "shown.ts") },
  { name: "stack-8", mutate: files("lib/stack", "stack.ts") },
];

/**
 * The code that can run while the value of a memo table (lib/memo) is computed: the record families, routine records
 * and call shapes of lib/cloudtrail, the tables of lib/coverage, and lib/monitoring/coverage.ts's verdicts, which
 * lib/coverage computes; with all that those layers may import (test/architecture/layers.test.ts: lib/controls,
 * lib/filter-pattern, lib/memo). The one callback handed in, which routine calls a log group's trails record
 * (lib/monitoring/recorded.ts, lib/stack/selectors.ts), is asked about every routine call for the table's key before
 * the table is read, so every test runs it anyway.
 */
export const MEMO_CODE: readonly string[] = [
  "lib/cloudtrail/",
  "lib/controls/",
  "lib/coverage/",
  "lib/filter-pattern/",
  "lib/memo/",
  "lib/monitoring/coverage.ts",
];

/**
 * Whether the chunk may mutate code that can run while a memo table's value is computed (`MEMO_CODE`): a glob
 * whose fixed start (up to its first wildcard) lies inside that code, or holds some of it (`lib/**` does). Only
 * then must Stryker's initial run empty the tables before each test (scripts/jest-mutation-hooks.js); for the other
 * chunks the emptying credits nothing new and makes the initial run about four times longer.
 */
export function mutatesMemoCode(chunk: Chunk): boolean {
  return chunk.mutate.some((glob) => {
    if (glob.startsWith("!")) return false;
    const fixed = glob.split(/[*?[{]/)[0];
    return MEMO_CODE.some((code) => fixed.startsWith(code) || code.startsWith(fixed));
  });
}

/** The chunks named (all when none is), in the order given, or the names that are no chunk's. */
export function selectChunks(
  chunks: readonly Chunk[],
  names: readonly string[],
): { ok: true; chunks: Chunk[] } | { ok: false; unknown: string[] } {
  if (names.length === 0) return { ok: true, chunks: [...chunks] };
  const unknown = names.filter((name) => !chunks.some((chunk) => chunk.name === name));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, chunks: [...new Set(names)].map((name) => chunks.find((chunk) => chunk.name === name) as Chunk) };
}
