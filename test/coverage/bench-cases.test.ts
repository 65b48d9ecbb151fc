/**
 * The benchmark's worst cases are valid patterns within AWS's limits that do the work they claim, with the
 * verdicts the rules give (worked out by hand below), so the timings measure real judgments.
 */
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { targetEventNames } from "../../lib/controls/target";
import { judgeCoverage } from "../../lib/coverage";
import { parseFilterPattern } from "../../lib/filter-pattern";
import { allControls } from "../../lib/controls";
import {
  benchCases,
  controlBenchCases,
  controlMissingPattern,
  controlWorstCasePattern,
  delimitedWithRegexesPattern,
  manyOptionalTermsPattern,
  missingJsonPattern,
  wideOrOfWildcardsPattern,
  wildcardSelectorsPattern,
} from "../../bench/filter-pattern";

// The event names are read inside the tests that use them, not when the file is read: Stryker credits a mutant to the
// tests during which its code ran, so a value computed at top level would leave this file out of its run.
describe("bench cases", () => {
  // A row names its case by its place; the pattern is written inside the test (about 2 ms), so that Stryker credits the
  // pack code it calls (snippetPattern) to this test.
  test.each(benchCases().map((c, index) => [c.name, index] as const))("%s parses and fits 1024 characters", (_name, index) => {
    const { pattern } = benchCases()[index];
    expect(pattern.length).toBeLessThanOrEqual(1024);
    expect(parseFilterPattern(pattern).ok).toBe(true);
  });

  test("the OR of wildcard clauses catches the five (an OR cannot narrow), and counts routine records too", () => {
    // *Trail and *Logging match the five names; *Trail also matches the routine GetTrail read (routine/governance.ts),
    // which every variant is tried before.
    const pattern = wideOrOfWildcardsPattern();
    expect(pattern.length).toBeGreaterThan(1000);
    expect(pattern.startsWith("{ $.eventName = *Trail || $.eventName = *Logging || ")).toBe(true);
    expect(judgeCoverage(pattern, cloudTrailChanges).verdict).toBe("countsRoutine");
  });

  test("the wildcard-selector pattern uses the three wildcard selectors and two regexes AWS allows", () => {
    const pattern = wildcardSelectorsPattern();
    expect(pattern.match(/\.\*|\[\*\]/g)).toHaveLength(3);
    expect(pattern.match(/%[^%]+%/g)).toHaveLength(2);
  });

  test("the optional-term pattern catches the five (every record holds its own event name), and routine records", () => {
    // Optional terms such as "aws" and "arn" occur in routine records too (ARNs, event sources).
    const pattern = manyOptionalTermsPattern();
    expect(pattern.split(" ").filter((term) => term.startsWith("?"))).toHaveLength(100);
    expect(judgeCoverage(pattern, cloudTrailChanges).verdict).toBe("countsRoutine");
  });

  test("the space-delimited pattern has ... and two regexes", () => {
    const pattern = delimitedWithRegexesPattern();
    expect(pattern).toContain(", ..., ");
    expect(pattern.match(/%[^%]+%/g)).toHaveLength(2);
  });

  test("the missing pattern misses exactly the failing calls of all five: errorCode is present only when a call fails", () => {
    const NAMES = targetEventNames(cloudTrailChanges.target);
    const verdict = judgeCoverage(missingJsonPattern(), cloudTrailChanges);
    expect(verdict).toMatchObject({
      verdict: "misses",
      missed: NAMES.map((eventName) => ({ eventName, kinds: ["calls that fail"] })),
    });
    if (verdict.verdict === "misses") expect(verdict.reason).toContain("because of `$.errorCode NOT EXISTS`");
  });
});

describe("every control's bench cases", () => {
  const cases = controlBenchCases();

  test.each(cases.map((c) => [c.name, c.pattern] as const))("%s parses and fits 1024 characters", (_name, pattern) => {
    expect(pattern.length).toBeLessThanOrEqual(1024);
    expect(parseFilterPattern(pattern).ok).toBe(true);
  });

  test.each(allControls.map((control) => [control.id, control] as const))(
    "%s: the worst case covers (its padding holds for every record), and with a narrowing conjunct it misses",
    (_id, control) => {
      // Every padding clause is `(field = * or absent)`, a pattern over every event version, a regex every type and
      // region matches, or a field every record has; the narrowing conjunct leaves out other callers (or Regions).
      expect(judgeCoverage(controlWorstCasePattern(control), control).verdict).toBe("covers");
      expect(judgeCoverage(controlMissingPattern(control), control).verdict).toBe("misses");
    },
  );
});
