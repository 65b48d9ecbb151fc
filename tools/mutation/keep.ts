/**
 * Keeping a Stryker run in the repository (docs/mutation/runs/<name>.json), as `npm run mutate:keep` and
 * `npm run mutate:chunks` do: the report read, merged with its first pass when it is a second one, and written in
 * its kept form (tools/mutation/kept-run.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { keepRun, keptRunText, withFirstPassSurvivors, type StrykerFile } from "./kept-run";
import { readReportFile, writtenAt } from "./report-file";

interface Report {
  readonly files: Readonly<Record<string, StrykerFile>>;
  readonly config?: { readonly mutate?: readonly string[] };
}

export interface KeepRequest {
  /** The run's name: the kept file is `<dir>/<name>.json`. */
  readonly name: string;
  /** Stryker's JSON report of the run. */
  readonly report: string;
  /** When `report` is a second pass, the first pass's report (`withFirstPassSurvivors`). */
  readonly firstPass?: string;
  /** The only test folders the run tried its mutants against (`Chunk.tests`), recorded in the kept run. */
  readonly tests?: readonly string[];
  readonly dir: string;
}

/** Keeps a run: what it wrote (`kept 3 files, 120 mutants in ...`), or a one-line problem. */
export function keepReport(request: KeepRequest): { ok: true; message: string } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (!/^[a-z0-9][a-z0-9-]*$/.test(request.name))
    return fail(`${JSON.stringify(request.name)}: a NAME is lower-case letters, digits and -`);
  let report = readReportFile<Report>(request.report);
  if (typeof report === "string") return fail(report);
  let note = "";
  if (request.firstPass !== undefined) {
    const first = readReportFile<Report>(request.firstPass);
    if (typeof first === "string") return fail(first);
    const merged = withFirstPassSurvivors(report, first);
    report = merged.report;
    note = `; ${merged.kept} timeouts of the first pass's survivors kept as survived`;
  }
  const kept = keepRun(report, writtenAt(request.report), request.tests);
  if (typeof kept === "string") return fail(`${request.report}: ${kept}`);
  const target = path.resolve(request.dir, `${request.name}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, keptRunText(kept));
  const mutants = Object.values(kept.files).reduce((sum, f) => sum + f.mutants.length, 0);
  return {
    ok: true,
    message: `kept ${Object.keys(kept.files).length} files, ${mutants} mutants in ${path.relative(process.cwd(), target)}${note}`,
  };
}
