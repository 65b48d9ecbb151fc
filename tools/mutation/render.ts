/** The mutation-testing section of RELIABILITY.md, from the figures and the survivors judged equivalent. */
import type { Equivalent, Place } from "./equivalents";
import {
  folderOf,
  killedScore,
  mutationScore,
  type Counts,
  type MutationFigures,
  type SurvivingMutant,
} from "./figures";

export interface SectionInput {
  readonly figures: MutationFigures;
  /** The files the reports measured whole (`measuredFiles`). */
  readonly measuredFiles: ReadonlySet<string>;
  readonly equivalents: readonly Equivalent[];
  /** The files a whole run mutates: those without figures are named as not measured, by folder. */
  readonly expectedFiles: readonly string[];
  /**
   * Each report read: its path, when it was written and, for a run tried against some test folders only
   * (`Chunk.tests`), those folders.
   */
  readonly reports: readonly { readonly path: string; readonly written: string; readonly tests?: readonly string[] }[];
  /** The chunks (tools/mutation/chunks.ts) with a file no report measured. */
  readonly unmeasuredChunks?: readonly string[];
  /** Files whose source has changed since the run that gives their figures (kept runs record a hash of it). */
  readonly changedFiles?: readonly string[];
  readonly target: number;
  /** A paragraph on how the reports were made, printed under them. */
  readonly note?: string;
}

/** Whether a listed file (from the root, or from its folder) is `file`. */
const names = (listed: string, file: string): boolean => file === listed || file.endsWith(`/${listed}`);

/**
 * Whether a row judges an undetected mutant: one of its mutators at one of its places (a mutant no test reaches is
 * judged too when its row says why no input reaches it: dead code).
 */
const judges = (row: Equivalent, mutant: SurvivingMutant): boolean =>
  row.mutators.includes(mutant.mutator) &&
  row.places.some((place) => place.line === mutant.line && names(place.file, mutant.file));

/** The rows that judge at least one survivor, with how many, and the survivors no row judges. */
export function judgeSurvivors(
  undetected: readonly SurvivingMutant[],
  equivalents: readonly Equivalent[],
): {
  readonly equivalent: readonly { readonly row: Equivalent; readonly mutants: number }[];
  readonly judged: number;
  readonly unjudged: readonly SurvivingMutant[];
} {
  const counts = new Map<Equivalent, number>();
  const unjudged: SurvivingMutant[] = [];
  for (const mutant of undetected) {
    const row = equivalents.find((candidate) => judges(candidate, mutant));
    if (row === undefined) unjudged.push(mutant);
    else counts.set(row, (counts.get(row) ?? 0) + 1);
  }
  const equivalent = equivalents
    .filter((row) => counts.has(row))
    .map((row) => ({ row, mutants: counts.get(row) ?? 0 }));
  return { equivalent, judged: undetected.length - unjudged.length, unjudged };
}

const count = (n: number): string => n.toLocaleString("en-US");
const placeList = (places: readonly Place[]): string => places.map((p) => `${p.file}:${p.line}`).join(", ");
const folders = (n: number): string => (n === 1 ? "1 folder" : `${n} folders`);
/**
 * A score to one decimal, rounded down, so that a score below the target never reads as the target (977 of 1,086 is
 * 89.96%: "89.9%", not "90.0%"). The 1e-9 keeps a product such as 0.29 × 1000 = 289.99999999999994 at 29.0%.
 */
const percent = (score: number | undefined): string =>
  score === undefined ? "–" : `${(Math.floor(score * 1000 + 1e-9) / 10).toFixed(1)}%`;
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function row(name: string, c: Counts): string {
  return `| ${name} | ${count(c.killed)} | ${count(c.timeout)} | ${count(c.survived)} | ${count(c.noCoverage)} | ${count(c.ignored)} | ${count(c.invalid)} | ${percent(mutationScore(c))} | ${percent(killedScore(c))} |`;
}

/** Each folder's files a whole run mutates, and how many of them have figures. */
function folderCoverage(
  expectedFiles: readonly string[],
  measured: ReadonlySet<string>,
): Map<string, [number, number]> {
  const byFolder = new Map<string, [number, number]>();
  for (const file of expectedFiles) {
    const entry = byFolder.get(folderOf(file)) ?? [0, 0];
    entry[0] += measured.has(file) ? 1 : 0;
    entry[1] += 1;
    byFolder.set(folderOf(file), entry);
  }
  return byFolder;
}

export function renderMutationSection(input: SectionInput): string {
  const { figures, target } = input;
  const score = mutationScore(figures.total);
  const coverage = folderCoverage(input.expectedFiles, input.measuredFiles);
  const partial = [...coverage].filter(([, [measured, all]]) => measured < all);
  const unmeasured = partial.filter(([, [measured]]) => measured === 0).map(([folder]) => folder);
  const { equivalent, judged, unjudged } = judgeSurvivors(figures.undetected, input.equivalents);
  const name = (folder: string): string => {
    const [measured, all] = coverage.get(folder) ?? [0, 0];
    return measured < all ? `${folder} (${measured} of ${all} files)` : folder;
  };
  const verdict =
    score === undefined
      ? "No mutant was measured."
      : `${percent(score)} of the measured mutants detected (target ${percent(target)}: ${score >= target ? "met" : "not met"})` +
        (partial.length === 0
          ? " over every file of policies/ and lib/ that a run mutates."
          : `; ${[
              ...(partial.length > unmeasured.length
                ? [`${folders(partial.length - unmeasured.length)} measured in part`]
                : []),
              ...(unmeasured.length > 0
                ? [`${folders(unmeasured.length)} not measured (${unmeasured.join(", ")})`]
                : []),
            ].join(" and ")}, so this is not yet the figure of the whole pack.`) +
        ` Counting timed-out mutants as undetected: ${percent(killedScore(figures.total))}.`;
  return [
    "## Mutation testing",
    "",
    "Generated by `npm run mutate:summary` from Stryker's reports (`npm run mutate`; docs/mutation-testing.md has the set-up). Detected = killed or timed out; the score is detected / (detected + survived + no test reaches), Stryker's definition; *ignored* are static mutants (values computed when a module loads, left out by `ignoreStatic`), *invalid* ones do not run.",
    "",
    `Reports: ${input.reports.map((r) => `${r.path} (${r.written}${r.tests === undefined ? "" : `; ${r.tests.join(", ")} only`})`).join(", ") || "none"}.`,
    "",
    ...(input.reports.some((r) => r.tests !== undefined)
      ? [
          "A run marked with test folders tried its mutants against those folders' tests only (tools/mutation/chunks.ts says why): its figures are a lower bound, as a mutant they miss may be killed by another test.",
          "",
        ]
      : []),
    ...(input.changedFiles === undefined || input.changedFiles.length === 0
      ? []
      : [
          `Changed since their run, so their figures may be out of date (rerun them): ${input.changedFiles.join(", ")}.`,
          "",
        ]),
    ...(input.note === undefined ? [] : [input.note, ""]),
    verdict,
    "",
    ...(input.unmeasuredChunks === undefined || input.unmeasuredChunks.length === 0
      ? []
      : [
          `Not measured yet, in whole or in part: ${input.unmeasuredChunks.length === 1 ? "1 chunk" : `${input.unmeasuredChunks.length} chunks`} (\`npm run mutate:chunks -- --stale-only\` runs them): ${input.unmeasuredChunks.join(", ")}.`,
          "",
        ]),
    "| folder | killed | timed out | survived | no test reaches | ignored | invalid | score | timeouts undetected |",
    "|---|---|---|---|---|---|---|---|---|",
    ...figures.folders.map((f) => row(name(f.folder), f.counts)),
    row("**all measured**", figures.total),
    "",
    "### Survivors judged equivalent",
    "",
    equivalent.length === 0
      ? "None listed."
      : `${count(judged)} of the ${count(figures.undetected.length)} undetected mutants (survived or reached by no test) are judged equivalent: no input can make the pack behave differently, or none reaches the code (docs/mutation/, with the reasons).`,
    "",
    ...(equivalent.length === 0
      ? []
      : [
          "| file:line | mutators | mutant | why no input can tell | survivors |",
          "|---|---|---|---|---|",
          ...equivalent.map(
            ({ row, mutants }) =>
              `| ${cell(placeList(row.places))} | ${row.mutators.join(", ")} | \`${cell(row.mutant)}\` | ${cell(row.why)} | ${mutants} |`,
          ),
          "",
        ]),
    `Not judged: ${count(unjudged.filter((m) => m.status === "Survived").length)} survivors and ${count(unjudged.filter((m) => m.status === "NoCoverage").length)} mutants no in-process test reaches${unjudged.length === 0 ? "." : ":"}`,
    ...(unjudged.length === 0
      ? []
      : [
          "",
          ...unjudged.map(
            (m) =>
              `- ${m.file}:${m.line} ${m.mutator} \`${cell(m.replacement)}\`${m.status === "NoCoverage" ? " (no coverage)" : ""}`,
          ),
        ]),
    "",
  ].join("\n");
}

const START = "<!-- mutation-testing:start -->";
const END = "<!-- mutation-testing:end -->";

/** `document` with its mutation-testing block replaced by `section` (appended when it has none). */
export function withMutationSection(document: string, section: string): string {
  const block = `${START}\n${section.trimEnd()}\n${END}\n`;
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${block}`;
  return document.slice(0, start) + block + document.slice(end + END.length).replace(/^\n/, "");
}

/** The mutation-testing block of `document`, markers included, or "" when it has none. */
export function mutationBlockOf(document: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  return start < 0 || end < start ? "" : `${document.slice(start, end + END.length)}\n`;
}
