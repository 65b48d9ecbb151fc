// Run after the test framework is set up in mutation runs (jest.mutate.config.js, `setupFilesAfterEnv`): in Stryker's
// initial run, empties the pack's memo tables (lib/memo/) before each test, so that each test computes the record
// families, coverage verdicts and routine records it reads. The initial run is where Stryker learns which tests run
// which code (a `beforeEach` runs inside its test: jest-circus emits `test_start` before the hooks). A table built
// once per test file would credit the code that builds it to the first test that asked, and each mutant of that code
// would be tried against that one test alone, while the tests that would fail were skipped.
// In a mutant's run (Stryker's jest runner sets `__STRYKER_ACTIVE_MUTANT__`) the tables are kept: the first test that
// reads one builds it under the mutant, and every later test of the file reads that mutated table; emptying them
// there too would only make each test build them again (about five times slower). Kept in the initial run too when
// MUTATION_KEEP_MEMOS is 1: `npm run mutate:chunks` sets it for a chunk that mutates none of the code computing the
// tables (tools/mutation/chunks.ts, `MEMO_CODE`), whose initial run then takes about a quarter of the time. Same
// registry as the pack's modules: the pack's `require` finds this very module.
const path = require("path");

const { forgetMemos } = require(path.join(__dirname, "..", "lib", "memo"));

beforeEach(() => {
  if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined && process.env.MUTATION_KEEP_MEMOS !== "1") forgetMemos();
});
