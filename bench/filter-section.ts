/**
 * The filter-pattern worst cases, measured by `runFilterPatternBench` (bench/filter-pattern.ts, written with the
 * filter-pattern engine), reduced to rows the report can show: every case, the slowest verdict of each control,
 * and each control's first verdict in a fresh process (bench/first-verdict.ts).
 */
import { allControls } from "../lib/controls";
import { FilterPatternBenchResult, runFilterPatternBench } from "./filter-pattern";
import { FirstVerdictResult, runFirstVerdictBench } from "./first-verdict";

/** One case of the filter-pattern benchmark, as the report shows it. */
export interface FilterCaseRow {
  name: string;
  /** The id of the control judged. */
  control: string;
  /** Timings of the case (key: what was timed), in milliseconds. */
  timingsMs: Record<string, number>;
  /** The time the < 20 ms targets are checked against: the median of parse + coverage verdict. */
  worstMs: number;
  /** Other facts the case reported (pattern length, verdict, iterations). */
  details: Record<string, string | number>;
}

/** A control's slowest case. */
export interface ControlWorstRow {
  control: string;
  cases: number;
  worstMs: number;
  /** The slowest case's CPU median, to tell load from work. */
  worstCpuMs: number;
  worstCase: string;
  verdict: string;
}

/** The filter-pattern section of the report. */
export interface FilterSectionResult {
  cases: FilterCaseRow[];
  worstMs: number;
  worstCase: string;
  /** Per control, in CIS order: its slowest case. */
  controls: ControlWorstRow[];
  /** Per control: its first verdict in a fresh process (information, no target). */
  firstVerdicts: FirstVerdictResult[];
}

const medianKey = "median parse + verdict";
const cpuKey = "median CPU";
const maxKey = "max";

/** One result of `runFilterPatternBench` as a report row. */
export function toFilterCaseRow(result: FilterPatternBenchResult): FilterCaseRow {
  return {
    name: result.name,
    control: result.control,
    timingsMs: { [medianKey]: result.medianMs, [cpuKey]: result.medianCpuMs, [maxKey]: result.maxMs },
    worstMs: result.medianMs,
    details: { "pattern length": result.patternLength, verdict: result.verdict, iterations: result.iterations },
  };
}

/** The slowest row and its time; NaN and "" for no rows. */
export function slowestCase(cases: readonly FilterCaseRow[]): { worstMs: number; worstCase: string } {
  let worst: FilterCaseRow | undefined;
  for (const c of cases) if (worst === undefined || c.worstMs > worst.worstMs) worst = c;
  return { worstMs: worst?.worstMs ?? NaN, worstCase: worst?.name ?? "" };
}

/** Each control's slowest case, in the order of `controlIds`; a control without a case is left out. */
export function slowestPerControl(cases: readonly FilterCaseRow[], controlIds: readonly string[]): ControlWorstRow[] {
  return controlIds.flatMap((control) => {
    const own = cases.filter((c) => c.control === control);
    const { worstMs, worstCase } = slowestCase(own);
    const worst = own.find((c) => c.name === worstCase);
    if (worst === undefined) return [];
    const prefix = `${control}: `;
    return [
      {
        control,
        cases: own.length,
        worstMs,
        worstCpuMs: worst.timingsMs[cpuKey] ?? NaN,
        worstCase: worstCase.startsWith(prefix) ? worstCase.slice(prefix.length) : worstCase,
        verdict: String(worst.details.verdict),
      },
    ];
  });
}

/** Where the section's child processes come from and how much it runs. */
export interface FilterSectionOptions {
  /** The compiled bench/first-verdict.js. */
  firstVerdictScript: string;
  /** How many controls get a first-verdict process (default all fifteen). */
  firstVerdictControls?: number;
  log?: (line: string) => void;
}

/** Runs the filter-pattern benchmark with `iterations` per case, then each control's first verdict. */
export function runFilterSection(iterations: number, options: FilterSectionOptions): FilterSectionResult {
  const cases = runFilterPatternBench({ iterations }).map(toFilterCaseRow);
  options.log?.(`  first verdicts: one fresh process per control`);
  const firstVerdicts = runFirstVerdictBench(options.firstVerdictScript, options.firstVerdictControls);
  const controls = slowestPerControl(
    cases,
    allControls.map((control) => control.id),
  );
  return { cases, ...slowestCase(cases), controls, firstVerdicts };
}
