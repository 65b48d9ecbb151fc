// Run after the test framework is set up in mutation runs (jest.mutate.config.js, `setupFilesAfterEnv`): empties the
// pack's memo tables (lib/memo/) before each test, so that each test computes the record families, coverage
// verdicts and routine records it reads. Stryker credits a mutant to the tests that run its code; a table built once
// per test file would credit the code that builds it to the first test that asked, and each mutant of that code would
// be tried against that one test (whose assertions seldom look at what it built) while the other tests of the file,
// skipped in that mutant's run, are the ones that would fail. A `beforeEach` runs inside its test (jest-circus emits
// `test_start` before the hooks), so what it triggers is credited to that test. Same registry as the pack's modules:
// the pack's `require` finds this very module.
const path = require("path");

const { forgetMemos } = require(path.join(__dirname, "..", "lib", "memo"));

beforeEach(() => forgetMemos());
