/**
 * `npm run mutate:keep -- NAME [REPORT.json]`: keeps a Stryker run (default reports/mutation/mutation.json) in the
 * repository as docs/mutation/runs/NAME.json (tools/mutation/kept-run.ts), where `npm run mutate:summary` reads it.
 * NAME says what the run covered, e.g. `filter-pattern-parser` or `controls`; a run kept under a name already used
 * replaces it. `--first-pass FIRST.json`: REPORT is a second pass over FIRST's survivors (whole test files,
 * docs/mutation-testing.md), whose timeouts of FIRST's survivors stay survived (`withFirstPassSurvivors`).
 * Exit status: 0, or 2 on a bad option, a bad name or an unreadable report.
 */
import * as fs from "fs";
import * as path from "path";
import { readCommandLine } from "./command-line";
import { readReportFile, writtenAt } from "./mutation/report-file";
import { keepRun, keptRunText, withFirstPassSurvivors, type StrykerFile } from "./mutation/kept-run";
import { toolRoot } from "./project-root";

const usage =
  "usage: npm run mutate:keep -- [--dir docs/mutation/runs] [--first-pass FIRST.json] NAME [reports/mutation/mutation.json]";

interface Report {
  readonly files: Readonly<Record<string, StrykerFile>>;
  readonly config?: { readonly mutate?: readonly string[] };
}

function fail(message: string): number {
  process.stderr.write(`mutate:keep: ${message}\n${usage}\n`);
  return 2;
}

function main(argv: string[]): number {
  const line = readCommandLine(
    argv,
    { dir: { type: "string" }, "first-pass": { type: "string" }, help: { type: "boolean", short: "h" } },
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
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    return fail(`${JSON.stringify(name)}: a NAME is lower-case letters, digits and -`);
  const root = toolRoot(__dirname);
  const file = given ?? path.join(root, "reports/mutation/mutation.json");
  let report = readReportFile<Report>(file);
  if (typeof report === "string") return fail(report);
  let note = "";
  const firstPass = line.values["first-pass"];
  if (firstPass !== undefined) {
    const first = readReportFile<Report>(firstPass);
    if (typeof first === "string") return fail(first);
    const merged = withFirstPassSurvivors(report, first);
    report = merged.report;
    note = `; ${merged.kept} timeouts of the first pass's survivors kept as survived`;
  }
  const kept = keepRun(report, writtenAt(file));
  if (typeof kept === "string") return fail(`${file}: ${kept}`);
  const target = path.resolve(line.values.dir ?? path.join(root, "docs/mutation/runs"), `${name}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, keptRunText(kept));
  const mutants = Object.values(kept.files).reduce((sum, f) => sum + f.mutants.length, 0);
  process.stdout.write(
    `kept ${Object.keys(kept.files).length} files, ${mutants} mutants in ${path.relative(process.cwd(), target)}${note}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
