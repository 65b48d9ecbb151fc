/** Jest for mutation runs (`npm run mutate`, stryker.config.json): the in-process suites only. Left out are the
 * suites that spawn processes — test/engine (the compiled pack over gRPC), test/runner (programs run by tools/run),
 * test/publish (npm pack and install), test/bench, test/acceptance and the fuzzer's smoke run (test/fuzz/smoke): they exercise tools/ and the compiled bin/
 * pack, not the TypeScript that Stryker mutates in its sandbox, so no mutant could change their outcome, and they
 * are the slowest part of the suite. */
const path = require("path");
const base = require("./jest.config.js");

// MUTATION_TESTS (comma-separated test folders, set by `npm run mutate:chunks` for a chunk that names its tests,
// tools/mutation/chunks.ts): only those folders' tests, so that a mutant of code every test runs is tried against
// its own area's tests; the chunk's score is then a lower bound.
const only = (process.env.MUTATION_TESTS ?? "").split(",").filter((folder) => folder !== "");

module.exports = {
  ...base,
  // The source folders too, so that jest sees which tests reach a file through others (--findRelatedTests, which
  // Stryker uses to pick the tests of the mutated files): with test/ alone, only direct importers were related.
  roots: ["<rootDir>/test", "<rootDir>/lib", "<rootDir>/policies"],
  testMatch: only.length === 0 ? base.testMatch : only.map((folder) => `<rootDir>/${folder}/**/*.test.ts`),
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/test/engine/",
    "<rootDir>/test/runner/",
    "<rootDir>/test/publish/",
    "<rootDir>/test/bench/",
    "<rootDir>/test/acceptance/",
    "<rootDir>/test/fuzz/smoke.test.ts",
    // Loads the whole pack afresh inside a test: see the file's comment.
    "<rootDir>/test/policies/quiet-load.test.ts",
  ],
  // The modules the pack loads on first use, loaded before any test (see the file's comment). An absolute path, as
  // below.
  setupFiles: [path.join(__dirname, "scripts", "jest-mutation-preload.js")],
  // Empties the pack's memo tables before each test of Stryker's initial run, so that Stryker credits the code that
  // fills them to every test that reads them (see the file's comment).
  setupFilesAfterEnv: [path.join(__dirname, "scripts", "jest-mutation-hooks.js")],
  // Stops a mutant's run at its first failing test (see the environment's comment). An absolute path: Stryker's
  // jest runner loads the configured environment itself, without jest's `<rootDir>` substitution.
  testEnvironment: path.join(__dirname, "scripts", "jest-mutation-environment.js"),
  // Quickest test files first, so that the bail above cuts the most (see the sequencer's comment).
  testSequencer: path.join(__dirname, "scripts", "jest-mutation-sequencer.js"),
  // The tests take only the engine's property proxy from @pulumi/policy (the pack's own imports of it are types,
  // erased on compiling). The package's index loads the whole Pulumi SDK (gRPC, protobuf), seconds per test file and
  // mutant; its proxy module requires nothing, so mutation runs load that alone.
  moduleNameMapper: { "^@pulumi/policy$": "<rootDir>/node_modules/@pulumi/policy/proxy.js" },
};
