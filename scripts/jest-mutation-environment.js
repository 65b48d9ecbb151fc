// The jest test environment of mutation runs (jest.mutate.config.js): jest's node environment, plus "bail" while
// Stryker runs a mutant. One failed test is enough to call a mutant killed, but the jest runner of Stryker 9 runs
// every covering test whatever happens (jest's own `bail` ends the process when called programmatically, so the
// runner turns it off). Here, once a test has failed under the active mutant, every later test of that mutant run
// is skipped (jest-circus skips a test whose mode is "skip" at `test_start`). Outside mutant runs (the dry run,
// which measures coverage, and plain jest) the active-mutant variable is unset and nothing is skipped.
const NodeEnvironment = require("jest-environment-node").TestEnvironment;

const ACTIVE_MUTANT = "__STRYKER_ACTIVE_MUTANT__";
// The mutant whose run has already seen a failing test (kept across the test files of one run: jest loads this
// module once per process, outside the tests' module registry).
let failedMutant;

class MutationTestEnvironment extends NodeEnvironment {
  async handleTestEvent(event, state) {
    if (super.handleTestEvent) await super.handleTestEvent(event, state);
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined) return;
    if (event.name === "test_start" && failedMutant === mutant) event.test.mode = "skip";
    if (event.name === "test_done" && event.test.errors.length > 0) failedMutant = mutant;
  }
}

module.exports = MutationTestEnvironment;
