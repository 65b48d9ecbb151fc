/**
 * Mutation-testing figures from Stryker's JSON reports (the mutation-testing-report-schema format that
 * `npm run mutate` writes to reports/mutation/mutation.json), by folder, with Stryker's own definitions
 * (mutation-testing-metrics): a mutant is *detected* when Killed or Timeout, *undetected* when Survived or NoCoverage,
 * *invalid* on a CompileError or RuntimeError, and Ignored ones (static mutants, under `ignoreStatic`) are left out;
 * the mutation score is detected / (detected + undetected).
 */
import { minimatch } from "minimatch";

/** The part of a Stryker mutant this summary reads. */
export interface ReportMutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

/**
 * The part of a Stryker JSON report this summary reads: mutants by file path (relative to the project), and the
 * run's `mutate` globs (a file without mutants, such as an index of re-exports, is in no report's `files`).
 */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly ReportMutant[] }>>;
  /** `tests`: in a kept run, the only test folders its mutants were tried against (`Chunk.tests`). */
  readonly config?: { readonly mutate?: readonly string[]; readonly tests?: readonly string[] };
}

/**
 * Which of `files` the reports measured whole: matched by a run's `mutate` globs (minimatch, as Stryker reads them)
 * and not excluded by its `!` globs. A file given with a line range (`file.ts:10-20`) was measured in part only. A
 * report without its configuration measured the files it lists.
 */
export function measuredFiles(reports: readonly MutationReport[], files: readonly string[]): Set<string> {
  const measured = new Set<string>();
  for (const report of reports) {
    const globs = report.config?.mutate;
    const whole = globs === undefined ? Object.keys(report.files) : filesMatching(globs, files);
    for (const file of whole) measured.add(file);
  }
  return measured;
}

/**
 * The `files` that Stryker's `mutate` globs select whole: matched by a glob (minimatch, as Stryker reads them) and
 * by no `!` glob; a glob with a line range (`file.ts:10-20`) selects part of a file only.
 */
export function filesMatching(globs: readonly string[], files: readonly string[]): string[] {
  const included = globs.filter((glob) => !glob.startsWith("!") && !/:\d+(-\d+)?$/.test(glob));
  const excluded = globs.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1));
  return files.filter(
    (file) => included.some((glob) => minimatch(file, glob)) && !excluded.some((glob) => minimatch(file, glob)),
  );
}

export interface Counts {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  invalid: number;
}

export interface SurvivingMutant {
  readonly file: string;
  readonly line: number;
  readonly mutator: string;
  readonly replacement: string;
  readonly status: "Survived" | "NoCoverage";
}

export interface MutationFigures {
  /** By folder (`lib/<name>`, or the top folder for anything else), sorted by name. */
  readonly folders: readonly { readonly folder: string; readonly counts: Counts }[];
  readonly total: Counts;
  readonly undetected: readonly SurvivingMutant[];
}

const emptyCounts = (): Counts => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, invalid: 0 });

/** Whether a status is one Stryker counts as undetected: survived, or reached by no test. */
export const isUndetected = (status: string): status is "Survived" | "NoCoverage" =>
  status === "Survived" || status === "NoCoverage";

/** detected / (detected + undetected), as a fraction; undefined when no mutant counts. */
export function mutationScore(counts: Counts): number | undefined {
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return valid === 0 ? undefined : detected / valid;
}

/**
 * killed / (detected + undetected): the score with timed-out mutants counted as undetected, a bound that does not
 * depend on how long a mutant may run before it counts as an infinite loop (stryker.config.json's timeouts).
 */
export function killedScore(counts: Counts): number | undefined {
  const valid = counts.killed + counts.timeout + counts.survived + counts.noCoverage;
  return valid === 0 ? undefined : counts.killed / valid;
}

/** The folder a file's figures are grouped under: `lib/coverage` for lib/coverage/judge.ts, `policies` for policies/x.ts. */
export function folderOf(file: string): string {
  const parts = file.split("/");
  if (parts.length === 1) return ".";
  return parts[0] === "lib" && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * The figures of several reports together. Reports are merged by file, a later report's file replacing an earlier
 * one's: runs over different folders (or a rerun of one folder) make one picture.
 */
export function mutationFigures(reports: readonly MutationReport[]): MutationFigures {
  const files = new Map<string, readonly ReportMutant[]>();
  for (const report of reports)
    for (const [file, result] of Object.entries(report.files)) files.set(file, result.mutants);
  const byFolder = new Map<string, Counts>();
  const total = emptyCounts();
  const undetected: SurvivingMutant[] = [];
  for (const [file, mutants] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const folder = folderOf(file);
    const counts = byFolder.get(folder) ?? emptyCounts();
    byFolder.set(folder, counts);
    for (const mutant of mutants) {
      const key = countKey(mutant.status);
      if (key === undefined) continue;
      counts[key]++;
      total[key]++;
      if (isUndetected(mutant.status)) {
        undetected.push({
          file,
          line: mutant.location.start.line,
          mutator: mutant.mutatorName,
          replacement: mutant.replacement ?? "",
          status: mutant.status,
        });
      }
    }
  }
  const folders = [...byFolder].sort(([a], [b]) => a.localeCompare(b)).map(([folder, counts]) => ({ folder, counts }));
  return { folders, total, undetected };
}

/** Which count a status adds to; undefined for Pending (not run: a report of an unfinished run). */
function countKey(status: string): keyof Counts | undefined {
  switch (status) {
    case "Killed":
      return "killed";
    case "Timeout":
      return "timeout";
    case "Survived":
      return "survived";
    case "NoCoverage":
      return "noCoverage";
    case "Ignored":
      return "ignored";
    case "CompileError":
    case "RuntimeError":
      return "invalid";
    default:
      return undefined;
  }
}
