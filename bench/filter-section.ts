/**
 * The filter-pattern worst cases, measured by `runFilterPatternBench` (bench/filter-pattern.ts, written with the
 * filter-pattern engine), reduced to rows the report can show.
 */
import { FilterPatternBenchResult, runFilterPatternBench } from "./filter-pattern";

/** One case of the filter-pattern benchmark, as the report shows it. */
export interface FilterCaseRow {
  name: string;
  /** Timings of the case (key: what was timed), in milliseconds. */
  timingsMs: Record<string, number>;
  /** The time the < 20 ms target is checked against: the median of parse + coverage verdict. */
  worstMs: number;
  /** Other facts the case reported (pattern length, verdict, iterations). */
  details: Record<string, string | number>;
}

/** The filter-pattern section of the report. */
export interface FilterSectionResult {
  cases: FilterCaseRow[];
  worstMs: number;
  worstCase: string;
}

/** One result of `runFilterPatternBench` as a report row. */
export function toFilterCaseRow(result: FilterPatternBenchResult): FilterCaseRow {
  return {
    name: result.name,
    timingsMs: { "median parse + verdict": result.medianMs },
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

/** Runs the filter-pattern benchmark with `iterations` per case. */
export function runFilterSection(iterations: number): FilterSectionResult {
  const cases = runFilterPatternBench({ iterations }).map(toFilterCaseRow);
  return { cases, ...slowestCase(cases) };
}
