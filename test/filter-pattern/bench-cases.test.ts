/**
 * The benchmark's worst cases are valid patterns within AWS's limits that do the work they claim, with the
 * verdicts the rules give (worked out by hand below), so the timings measure real judgments.
 */
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { snippetPattern, targetEventNames, targetEventSources } from "../../lib/controls/target";
import { judgeCoverage } from "../../lib/filter-pattern/coverage";
import { parseFilterPattern } from "../../lib/filter-pattern";
import {
  benchCases,
  delimitedWithRegexesPattern,
  manyOptionalTermsPattern,
  missingJsonPattern,
  wideOrOfWildcardsPattern,
  wildcardSelectorsPattern,
} from "../../bench/filter-pattern";

const NAMES = targetEventNames(cloudTrailChanges.target);

describe("bench cases", () => {
  test.each(benchCases().map((c) => [c.name, c.pattern] as const))("%s parses and fits 1024 characters", (_name, pattern) => {
    expect(pattern.length).toBeLessThanOrEqual(1024);
    expect(parseFilterPattern(pattern).ok).toBe(true);
  });

  test("the OR of wildcard clauses covers: *Trail and *Logging match the five names, and an OR cannot narrow", () => {
    const pattern = wideOrOfWildcardsPattern();
    expect(pattern.length).toBeGreaterThan(1000);
    expect(pattern.startsWith("{ $.eventName = *Trail || $.eventName = *Logging || ")).toBe(true);
    expect(judgeCoverage(pattern, NAMES).verdict).toBe("covers");
  });

  test("the wildcard-selector pattern uses the three wildcard selectors and two regexes AWS allows", () => {
    const pattern = wildcardSelectorsPattern();
    expect(pattern.match(/\.\*|\[\*\]/g)).toHaveLength(3);
    expect(pattern.match(/%[^%]+%/g)).toHaveLength(2);
  });

  test("the optional-term pattern covers: every record holds its own event name, which variants never change", () => {
    const pattern = manyOptionalTermsPattern();
    expect(pattern.split(" ").filter((term) => term.startsWith("?"))).toHaveLength(100);
    expect(judgeCoverage(pattern, NAMES).verdict).toBe("covers");
  });

  test("the space-delimited pattern has ... and two regexes", () => {
    const pattern = delimitedWithRegexesPattern();
    expect(pattern).toContain(", ..., ");
    expect(pattern.match(/%[^%]+%/g)).toHaveLength(2);
  });

  test("the missing pattern misses exactly the failing calls of all five: errorCode is present only when a call fails", () => {
    const verdict = judgeCoverage(missingJsonPattern(), NAMES);
    expect(verdict).toMatchObject({
      verdict: "misses",
      missed: NAMES.map((eventName) => ({ eventName, kinds: ["calls that fail"] })),
    });
    if (verdict.verdict === "misses") expect(verdict.reason).toContain("because of `$.errorCode NOT EXISTS`");
  });
});
