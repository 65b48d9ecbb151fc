/**
 * The one place the fuzzer reaches the coverage engine. It calls `judgeCoverage` directly rather than the pack's
 * memoized `coverageOf` (lib/monitoring/coverage.ts): the fuzzer times every verdict and must see an exception the
 * engine throws, which `coverageOf` turns into an "indeterminate" verdict. When the engine moves, only the import
 * below changes.
 */
import { judgeCoverage, type CoverageVerdict } from "../lib/coverage";
import type { ControlDefinition } from "../lib/controls/types";

export type { CoverageVerdict };

/** The coverage verdict of `pattern` for `control` (every routine call recorded, the pack's default). */
export function coverageVerdict(pattern: string, control: ControlDefinition): CoverageVerdict {
  return judgeCoverage(pattern, control);
}
