/**
 * `npm run mutate:summary -- [--write FILE] [REPORT.json ...]`: the mutation-testing figures of Stryker's JSON
 * reports or kept runs (default: every run kept in docs/mutation/runs/, `npm run mutate:keep`) by folder, with the survivors judged equivalent in docs/mutation/,
 * printed, or written into FILE (RELIABILITY.md) between its mutation-testing markers; `--note` adds a paragraph on
 * how the reports were made. Several reports make one
 * picture (runs over different folders): a later report's file replaces an earlier one's.
 * Exit status: 0, or 2 on a bad option or an unreadable report.
 */
import * as fs from "fs";
import * as path from "path";
import { readCommandLine } from "./command-line";
import { unmeasuredChunks } from "./mutation/chunk-files";
import { CHUNKS } from "./mutation/chunks";
import { folderOfDocument, readEquivalents, type Equivalent } from "./mutation/equivalents";
import { measuredFiles, mutationFigures, type MutationReport } from "./mutation/figures";
import { mutatedFiles, sourceReader } from "./mutation/mutated-files";
import { changedSince } from "./mutation/kept-run";
import { readReportFile, writtenAt } from "./mutation/report-file";
import { renderMutationSection, withMutationSection } from "./mutation/render";
import { toolRoot } from "./project-root";

const usage =
  "usage: npm run mutate:summary -- [--write RELIABILITY.md] [--note TEXT] [docs/mutation/runs/*.json | reports/mutation/mutation.json ...]";
/** The target: at least 90% of the mutants detected. */
const TARGET = 0.9;

function fail(message: string): number {
  process.stderr.write(`mutate:summary: ${message}\n${usage}\n`);
  return 2;
}

function main(argv: string[]): number {
  const line = readCommandLine(
    argv,
    { write: { type: "string" }, note: { type: "string" }, help: { type: "boolean", short: "h" } },
    true,
  );
  if (!line.ok) return fail(line.message);
  if (line.values.help === true) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const root = toolRoot(__dirname);
  const runs = path.join(root, "docs/mutation/runs");
  const files =
    line.positionals.length > 0
      ? line.positionals
      : (fs.existsSync(runs) ? fs.readdirSync(runs).sort() : [])
          .filter((name) => name.endsWith(".json"))
          .map((name) => path.join(runs, name));
  if (files.length === 0) return fail("no report given and no run kept in docs/mutation/runs/");
  const read: { file: string; report: MutationReport; written: string }[] = [];
  for (const file of files) {
    const report = readReportFile<MutationReport>(file);
    if (typeof report === "string") return fail(report);
    const kept = (report as { written?: unknown }).written;
    const written = typeof kept === "string" ? kept : writtenAt(file);
    read.push({ file, report, written });
  }
  // Oldest first: a later run of a file replaces an earlier one's figures.
  read.sort((a, b) => a.written.localeCompare(b.written));
  const reports = read.map((entry) => entry.report);
  const equivalents: Equivalent[] = [];
  const docs = path.join(root, "docs/mutation");
  for (const name of fs.existsSync(docs) ? fs.readdirSync(docs).sort() : []) {
    if (!name.endsWith(".md")) continue;
    const document = `docs/mutation/${name}`;
    const read = readEquivalents(fs.readFileSync(path.join(docs, name), "utf8"), document, folderOfDocument(document));
    if (!read.ok) return fail(read.message);
    equivalents.push(...read.equivalents);
  }
  const expectedFiles = mutatedFiles(root);
  const measured = measuredFiles(reports, expectedFiles);
  const section = renderMutationSection({
    figures: mutationFigures(reports),
    measuredFiles: measured,
    unmeasuredChunks: unmeasuredChunks(CHUNKS, expectedFiles, measured),
    equivalents,
    expectedFiles,
    reports: read.map(({ file, written, report }) => ({
      path: path.relative(root, path.resolve(file)),
      written,
      ...(report.config?.tests === undefined ? {} : { tests: report.config.tests }),
    })),
    changedFiles: changedSince(reports, sourceReader(root)),
    target: TARGET,
    note: line.values.note,
  });
  const out = line.values.write;
  if (out === undefined) {
    process.stdout.write(section);
    return 0;
  }
  const target = path.resolve(out);
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  fs.writeFileSync(target, withMutationSection(current, section));
  process.stdout.write(`wrote the mutation-testing section of ${path.relative(process.cwd(), target) || target}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
