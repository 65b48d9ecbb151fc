/**
 * The coverage verdict of a metric filter's pattern for a control, memoized. The coverage engine (parser,
 * evaluator, record families, re2js) loads on the first pattern judged, not when the engine starts the pack: every
 * preview pays the start-up, only stacks with a metric filter pay this.
 */
import { targetEventNames } from "../controls/target";
import type { ControlDefinition } from "../controls/types";
import type * as CoverageModule from "../filter-pattern/coverage";
import type { CoverageVerdict } from "../filter-pattern/coverage-types";
import type { MetricFilterModel } from "../stack/model";
import { known, type Field } from "../stack/read";

let coverageModule: typeof CoverageModule | undefined;

function judgeCoverage(...args: Parameters<typeof CoverageModule.judgeCoverage>): CoverageVerdict {
  coverageModule ??= require("../filter-pattern/coverage") as typeof CoverageModule;
  return coverageModule.judgeCoverage(...args);
}

const coverageCache = new Map<string, CoverageVerdict>();
const coverageCacheLimit = 10_000;

/**
 * The coverage verdict for a pattern, memoized by pattern text and event list. An engine failure becomes an
 * `indeterminate` verdict (never an exception into the policy SDK).
 */
export function coverageOf(pattern: string, requiredEventNames: readonly string[]): CoverageVerdict {
  const key = `${requiredEventNames.join(",")}\u0000${pattern}`;
  const cached = coverageCache.get(key);
  if (cached !== undefined) return cached;
  let verdict: CoverageVerdict;
  try {
    verdict = judgeCoverage(pattern, requiredEventNames);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    verdict = { verdict: "indeterminate", reason: `the pattern engine failed: ${detail}` };
  }
  if (coverageCache.size >= coverageCacheLimit) coverageCache.clear();
  coverageCache.set(key, verdict);
  return verdict;
}

/** A filter's verdict: `unknown` when its pattern is not known at preview, `absent` when it has none. */
export function filterCoverage(filter: MetricFilterModel, control: ControlDefinition): Field<CoverageVerdict> {
  if (filter.pattern.state !== "known") return filter.pattern;
  return known(coverageOf(filter.pattern.value, targetEventNames(control.target)));
}

/** True when a filter's pattern is known and catches every required event. */
export function filterCovers(filter: MetricFilterModel, control: ControlDefinition): boolean {
  const coverage = filterCoverage(filter, control);
  return coverage.state === "known" && coverage.value.verdict === "covers";
}
