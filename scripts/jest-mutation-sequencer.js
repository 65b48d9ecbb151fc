// The order of test files in mutation runs (jest.mutate.config.js): quickest first, by the time each file's tests
// took in Stryker's dry run (written by scripts/stryker-covering-test-files.mjs). With the bail of
// scripts/jest-mutation-environment.js, a mutant that a quick unit test kills never reaches the policy tables that
// take seconds. Jest's default order is the opposite (slowest first, to keep parallel workers busy), which helps
// nothing here: Stryker runs each mutant's tests in one process.
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const MAP_FILE = ".stryker-test-files.json";

class MutationSequencer extends Sequencer {
  sort(tests) {
    const file = path.resolve(MAP_FILE);
    if (!fs.existsSync(file)) return super.sort(tests);
    const { durations } = JSON.parse(fs.readFileSync(file, "utf8"));
    const time = (test) => durations[test.path] ?? Number.MAX_SAFE_INTEGER;
    return [...tests].sort((a, b) => time(a) - time(b) || a.path.localeCompare(b.path));
  }
}

module.exports = MutationSequencer;
