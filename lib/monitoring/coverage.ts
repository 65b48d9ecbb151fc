/**
 * The coverage verdict of a metric filter's pattern for a control, memoized. The coverage engine (parser,
 * evaluator, record families, re2js) loads on the first pattern judged, not when the engine starts the pack: every
 * preview pays the start-up, only stacks with a metric filter pay this.
 */
import type * as CoverageModule from "../coverage";
import type { CoverageVerdict, RoutineCall } from "../coverage";
import type { ControlDefinition } from "../controls/types";
import type { MetricFilterModel } from "../stack/model";
import { memoTable } from "../memo";
import { known, type Field } from "../stack/read";

let coverageModule: typeof CoverageModule | undefined;

function engine(): typeof CoverageModule {
  // Loaded on first use, not when the pack starts (an `import` would load it with the pack).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  coverageModule ??= require("../coverage") as typeof CoverageModule;
  return coverageModule;
}

const coverageCache = memoTable<string, CoverageVerdict>();
const coverageCacheLimit = 10_000;

/** Which routine calls the trails delivering to a log group record; default: every one. */
export type RecordedRoutine = (call: RoutineCall) => boolean;

const everyCall: RecordedRoutine = () => true;

/**
 * The coverage verdict for a pattern, memoized by control, pattern text and which of the control's routine calls
 * are recorded. An engine failure becomes an `indeterminate` verdict (never an exception into the policy SDK).
 */
export function coverageOf(
  pattern: string,
  control: ControlDefinition,
  recorded: RecordedRoutine = everyCall,
): CoverageVerdict {
  let key: string;
  let verdict: CoverageVerdict;
  try {
    const coverage = engine();
    const bits = coverage
      .routineCallsFor(control)
      .map((call) => (recorded(call) ? "1" : "0"))
      .join("");
    key = `${control.id}\u0000${bits}\u0000${pattern}`;
    const cached = coverageCache.get(key);
    if (cached !== undefined) return cached;
    verdict = coverage.judgeCoverage(pattern, control, { recorded });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { verdict: "indeterminate", reason: `the pattern engine failed: ${detail}` };
  }
  if (coverageCache.size >= coverageCacheLimit) coverageCache.clear();
  coverageCache.set(key, verdict);
  return verdict;
}

/** A filter's verdict: `unknown` when its pattern is not known at preview, `absent` when it has none. */
export function filterCoverage(
  filter: MetricFilterModel,
  control: ControlDefinition,
  recorded: RecordedRoutine = everyCall,
): Field<CoverageVerdict> {
  if (filter.pattern.state !== "known") return filter.pattern;
  return known(coverageOf(filter.pattern.value, control, recorded));
}

/** True when a filter's pattern is known and catches every required event (and counts no recorded routine call). */
export function filterCovers(
  filter: MetricFilterModel,
  control: ControlDefinition,
  recorded: RecordedRoutine = everyCall,
): boolean {
  const coverage = filterCoverage(filter, control, recorded);
  return coverage.state === "known" && coverage.value.verdict === "covers";
}
