/**
 * `npm run mutate:keep -- NAME [REPORT.json]`: keeps a Stryker run (default reports/mutation/mutation.json) in the
 * repository as docs/mutation/runs/NAME.json (tools/mutation/keep.ts), where `npm run mutate:summary` reads it.
 * NAME says what the run covered, e.g. `filter-pattern-parser` or `controls`; a run kept under a name already used
 * replaces it. `--first-pass FIRST.json`: REPORT is a second pass over FIRST's survivors (whole test files,
 * docs/mutation-testing.md), whose timeouts of FIRST's survivors stay survived (`withFirstPassSurvivors`).
 * `--tests test/a,test/b`: the run tried its mutants against those test folders only (MUTATION_TESTS,
 * jest.mutate.config.js); the kept run records them.
 * Exit status: 0, or 2 on a bad option, a bad name or an unreadable report.
 */
import * as path from "path";
import { readCommandLine } from "./command-line";
import { keepReport } from "./mutation/keep";
import { toolRoot } from "./project-root";

const usage =
  "usage: npm run mutate:keep -- [--dir docs/mutation/runs] [--first-pass FIRST.json] [--tests FOLDER,...] NAME [reports/mutation/mutation.json]";

function fail(message: string): number {
  process.stderr.write(`mutate:keep: ${message}\n${usage}\n`);
  return 2;
}

function main(argv: string[]): number {
  const line = readCommandLine(
    argv,
    {
      dir: { type: "string" },
      "first-pass": { type: "string" },
      tests: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (!line.ok) return fail(line.message);
  if (line.values.help === true) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [name, given, ...extra] = line.positionals;
  if (name === undefined) return fail("a NAME for the run is needed");
  if (extra.length > 0) return fail(`one report at a time (also given: ${extra.join(" ")})`);
  const tests = line.values.tests?.split(",").filter((folder) => folder !== "");
  if (tests !== undefined && tests.length === 0) return fail("--tests needs at least one test folder");
  const root = toolRoot(__dirname);
  const kept = keepReport({
    name,
    report: given ?? path.join(root, "reports/mutation/mutation.json"),
    firstPass: line.values["first-pass"],
    tests,
    dir: line.values.dir ?? path.join(root, "docs/mutation/runs"),
  });
  if (!kept.ok) return fail(kept.message);
  process.stdout.write(`${kept.message}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
