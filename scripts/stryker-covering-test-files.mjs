// A Stryker plugin module for `npm run mutate`: it makes the jest runner load only the test files that hold the
// tests covering a mutant.
//
// With "perTest" coverage, Stryker gives the jest runner the names of the tests that cover a mutant, and the runner
// (@stryker-mutator/jest-runner 9) runs jest with `--findRelatedTests <mutated file>` and a test-name pattern. Almost
// every test file here imports the mutated file through policies/ and lib/, so jest loads all forty test files (and
// builds their tables) for every mutant, to run a handful of tests from one or two of them. The runner's jest adapter
// already takes an explicit list of test files (`testFiles`, as for the dry run); this module remembers, from the dry
// run, which file each test is in, and passes the covering tests' files. Which tests run is unchanged: the same
// name pattern selects the same tests; only files that hold none of them are no longer loaded.
//
// A second pass over a chunk's survivors (STRYKER_WHOLE_FILES=1) runs every test of those files, not only the
// covering ones. Stryker credits a mutant to the tests that ran its code; code that runs once per test file (a table
// built on first use and cached, such as a CloudTrail record family) is credited to the first test of each file that
// asked for it, and a mutant there would run against those few tests alone, although every later test of the file
// reads the mutated table. Run whole, the file's own tests judge it. The hit limit (a count of the mutant's
// executions in its covering tests, meant to stop infinite loops early) does not hold for whole files and is left
// out; the pass is run with a larger `--timeoutMS`, and the first pass has already timed out the mutants that loop.
//
// Stryker loads plugin modules in its main process and in each test-runner process; the dry run happens in one
// test-runner process and mutants are run in others, so the test → file map is kept in a file of the sandbox, with
// each file's test time in the dry run, which scripts/jest-mutation-sequencer.js reads to run quick files first.
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const runnerRoot = path.dirname(require.resolve("@stryker-mutator/jest-runner/package.json"));
const { JestTestRunner } = await import(pathToFileURL(path.join(runnerRoot, "dist/src/jest-test-runner.js")).href);

const MAP_FILE = ".stryker-test-files.json";

const originalDryRun = JestTestRunner.prototype.dryRun;
const originalMutantRun = JestTestRunner.prototype.mutantRun;

JestTestRunner.prototype.dryRun = async function dryRun(options) {
  const result = await originalDryRun.call(this, options);
  if (result.tests) {
    const files = {};
    const durations = {};
    for (const test of result.tests) {
      if (!test.fileName) continue;
      (files[test.id] ??= []).includes(test.fileName) || files[test.id].push(test.fileName);
      durations[test.fileName] = (durations[test.fileName] ?? 0) + (test.timeSpentMs ?? 0);
    }
    fs.writeFileSync(path.resolve(MAP_FILE), JSON.stringify({ files, durations }));
  }
  return result;
};

let testFiles;

function filesOf(testIds) {
  if (testFiles === undefined) {
    testFiles = fs.existsSync(MAP_FILE) ? JSON.parse(fs.readFileSync(MAP_FILE, "utf8")).files : null;
  }
  if (testFiles === null) return undefined;
  const files = new Set();
  for (const id of testIds) {
    const known = testFiles[id];
    if (!known) return undefined; // a test the dry run did not place: fall back to the runner's own choice
    for (const file of known) files.add(file);
  }
  return [...files];
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const wholeFiles = process.env.STRYKER_WHOLE_FILES === "1";

JestTestRunner.prototype.mutantRun = async function mutantRun(options) {
  const files = options.testFilter ? filesOf(options.testFilter) : undefined;
  if (!files) return originalMutantRun.call(this, options);
  const run = this.run;
  // jest reads each entry of `testFiles` as a path pattern (a regular expression): match the file exactly.
  this.run = (settings) =>
    run.call(this, {
      ...settings,
      testFiles: files.map((file) => `^${escapeRegExp(file)}$`),
      ...(wholeFiles ? { testNamePattern: undefined } : {}),
    });
  try {
    return await originalMutantRun.call(this, wholeFiles ? { ...options, hitLimit: undefined } : options);
  } finally {
    this.run = run;
  }
};

export const strykerPlugins = [];
