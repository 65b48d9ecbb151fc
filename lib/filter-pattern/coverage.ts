// PLACEHOLDER until the coverage judgment lands: replaced by the real engine (issue 2).
import type { CoverageVerdict } from "./coverage-types";
export function judgeCoverage(patternText: string, requiredEventNames: readonly string[]): CoverageVerdict {
  const missing = requiredEventNames.filter((name) => !patternText.includes(name));
  if (missing.length === 0) return { verdict: "covers" };
  return {
    verdict: "misses",
    missed: missing.map((eventName) => ({ eventName, kinds: ["all calls"] })),
    reason: `misses ${missing.join(", ")}`,
  };
}
