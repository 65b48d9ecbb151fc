/**
 * A mutation run kept in the repository (docs/mutation/runs/<name>.json): the part of Stryker's JSON report the
 * summary reads (each mutant's mutator, status and line; the replacement of the undetected ones), the run's `mutate`
 * globs, when it was written, and a SHA-256 of each file's source as the run saw it. A whole run takes longer than a
 * working session, and `reports/` is not committed, so the figures of the whole pack are put together from runs kept
 * here, one folder or a few files at a time; a file whose source has changed since its run is named as such. A run
 * made against some test folders only (`Chunk.tests`) records them as `config.tests`.
 */
import { createHash } from "crypto";
import { isUndetected, type MutationReport, type ReportMutant } from "./figures";

/** What a Stryker JSON report holds of a file, as far as a kept run reads it. */
export interface StrykerFile {
  readonly source?: string;
  readonly mutants: readonly ReportMutant[];
}

export interface KeptRun extends MutationReport {
  /** When the run's report was written, `2026-12-03 04:10 UTC`. */
  readonly written: string;
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly mutants: readonly ReportMutant[] }>>;
}

/** A replacement longer than this is cut (with `…`): it only helps a reader find the mutant. */
const REPLACEMENT_LIMIT = 120;

export const sourceHash = (source: string): string => createHash("sha256").update(source).digest("hex");

function keptMutant(mutant: ReportMutant): ReportMutant {
  const { line, column } = mutant.location.start;
  const replacement = mutant.replacement?.replace(/\s+/g, " ");
  return {
    mutatorName: mutant.mutatorName,
    status: mutant.status,
    location: { start: { line, column } },
    ...(isUndetected(mutant.status) && replacement !== undefined
      ? {
          replacement:
            replacement.length > REPLACEMENT_LIMIT ? `${replacement.slice(0, REPLACEMENT_LIMIT - 1)}…` : replacement,
        }
      : {}),
  };
}

/**
 * The kept form of a Stryker report, with the test folders its run was limited to (none: every in-process suite). A
 * file the report holds without its source cannot be checked for changes later, so it is refused: the message names
 * it.
 */
export function keepRun(
  report: {
    readonly files: Readonly<Record<string, StrykerFile>>;
    readonly config?: { readonly mutate?: readonly string[] };
  },
  written: string,
  tests?: readonly string[],
): KeptRun | string {
  const files: Record<string, { sha256: string; mutants: ReportMutant[] }> = {};
  for (const file of Object.keys(report.files).sort()) {
    const { source, mutants } = report.files[file];
    if (typeof source !== "string") return `${file}: the report holds no source for it`;
    files[file] = {
      sha256: sourceHash(source),
      mutants: [...mutants]
        .sort(
          (a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
        )
        .map(keptMutant),
    };
  }
  const mutate = report.config?.mutate;
  const config = {
    ...(mutate === undefined ? {} : { mutate: [...mutate] }),
    ...(tests === undefined ? {} : { tests: [...tests] }),
  };
  return { written, ...(Object.keys(config).length === 0 ? {} : { config }), files };
}

/**
 * A kept run as text: one file per key and one mutant per line, so that a rerun of a few files shows in a diff as
 * the lines it changed.
 */
export function keptRunText(run: KeptRun): string {
  const files = Object.entries(run.files).map(
    ([file, { sha256, mutants }]) =>
      `    ${JSON.stringify(file)}: {\n      "sha256": ${JSON.stringify(sha256)},\n      "mutants": [\n` +
      mutants.map((mutant) => `        ${JSON.stringify(mutant)}`).join(",\n") +
      `\n      ]\n    }`,
  );
  return (
    `{\n  "written": ${JSON.stringify(run.written)},\n` +
    (run.config === undefined ? "" : `  "config": ${JSON.stringify(run.config)},\n`) +
    `  "files": {\n${files.join(",\n")}\n  }\n}\n`
  );
}

const mutantKey = (m: ReportMutant): string =>
  `${m.mutatorName}@${m.location.start.line}:${m.location.start.column}:${m.replacement ?? ""}`;

/**
 * A second pass's report (docs/mutation-testing.md, "Two passes") with its timeouts checked against the first
 * pass: a mutant that survived the first pass ran its covering tests in time, so it does not loop, and a timeout of
 * its second pass (whole test files, which take longer) would count it detected: it stays survived. How many were
 * kept so is returned beside the report.
 */
export function withFirstPassSurvivors<R extends { readonly files: Readonly<Record<string, StrykerFile>> }>(
  second: R,
  first: { readonly files: Readonly<Record<string, StrykerFile>> },
): { readonly report: R; readonly kept: number } {
  let kept = 0;
  const files: Record<string, StrykerFile> = {};
  for (const [file, result] of Object.entries(second.files)) {
    const survivedFirst = new Set(
      (first.files[file]?.mutants ?? []).filter((m) => m.status === "Survived").map(mutantKey),
    );
    const mutants = result.mutants.map((m) => {
      if (m.status !== "Timeout" || !survivedFirst.has(mutantKey(m))) return m;
      kept++;
      return { ...m, status: "Survived" };
    });
    files[file] = { ...result, mutants };
  }
  return { report: { ...second, files }, kept };
}

/** The files of `runs` whose source today (`currentSource`; undefined: gone) differs from the one their run saw. */
export function changedSince(
  runs: readonly MutationReport[],
  currentSource: (file: string) => string | undefined,
): string[] {
  const latest = new Map<string, string | undefined>();
  for (const run of runs) {
    for (const [file, result] of Object.entries(run.files)) {
      latest.set(file, (result as { sha256?: string }).sha256);
    }
  }
  return [...latest]
    .filter(([file, hash]) => {
      if (hash === undefined) return false;
      const source = currentSource(file);
      return source === undefined || sourceHash(source) !== hash;
    })
    .map(([file]) => file)
    .sort();
}
