/**
 * The adversarial variants: when every family record matches, the judgment still tries, in each field the pattern
 * tests, the values the pattern compares it with and values the family lacks, and names the calls a variant proves
 * missed. Operators follow CloudWatch Logs "Filter pattern syntax for metric filters" (JSON: `NOT EXISTS` holds only
 * for an absent property; numeric `>` / `<`; `*` at the start or end of a string value as a wildcard).
 */
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { judgeCoverage } from "../../lib/coverage";
import type { CoverageVerdict } from "../../lib/coverage";

const FIVE = "CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging";
const OR =
  "($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)";

function misses(verdict: CoverageVerdict): Extract<CoverageVerdict, { verdict: "misses" }> {
  if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${JSON.stringify(verdict)}`);
  return verdict;
}

/** The kinds of StopLogging calls missed (every event gets the same variants). */
function stopLoggingKinds(pattern: string): readonly string[] {
  const verdict = misses(judgeCoverage(`{ (${OR}) && ${pattern} }`, cloudTrailChanges));
  return verdict.missed.find((missed) => missed.eventName === "StopLogging")?.kinds ?? [];
}

describe("a field CloudTrail does not document for these calls: every type is tried", () => {
  test("$.foo NOT EXISTS misses calls where foo is present, whatever its value", () => {
    const verdict = misses(judgeCoverage(`{ (${OR}) && $.foo NOT EXISTS }`, cloudTrailChanges));
    const kinds = [
      "calls whose foo is null",
      "calls whose foo is another string",
      "calls whose foo is a number",
      "calls whose foo is true",
      "calls whose foo is false",
      "calls whose foo is an object",
    ];
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls whose foo is null, calls whose foo is another string, calls whose foo is a number and 3 more kinds, because of \`$.foo NOT EXISTS\``,
    );
  });

  test("a number compared with: the number itself and its neighbours are tried", () => {
    // 5 > 5 and 4 > 5 are false, 6 > 5 is true.
    const greater = stopLoggingKinds("($.foo NOT EXISTS || $.foo > 5)");
    expect(greater.slice(0, 2)).toEqual(["calls whose foo is 5", "calls whose foo is 4"]);
    expect(greater).not.toContain("calls whose foo is 6");
    // 5 < 5 and 6 < 5 are false, 4 < 5 is true.
    const less = stopLoggingKinds("($.foo NOT EXISTS || $.foo < 5)");
    expect(less.slice(0, 2)).toEqual(["calls whose foo is 5", "calls whose foo is 6"]);
    expect(less).not.toContain("calls whose foo is 4");
  });

  test.each([
    ['"*bar"', 'calls whose foo ends with "bar"'],
    ['"bar*"', 'calls whose foo starts with "bar"'],
    ['"*bar*"', 'calls whose foo contains "bar"'],
    ['"bar"', 'calls whose foo is "bar"'],
    ["bar", 'calls whose foo is "bar"'],
  ])("a string compared with, %s: a value it rejects is tried, named by the wildcard", (value, kind) => {
    expect(stopLoggingKinds(`($.foo NOT EXISTS || $.foo != ${value})`)[0]).toBe(kind);
  });

  test("a lone * (any value) gives no string to try", () => {
    // `!= *` rejects every present value: a "*" tried would be named among the misses.
    const kinds = stopLoggingKinds('($.foo NOT EXISTS || $.foo != "*")');
    expect(kinds.filter((kind) => kind.includes('"'))).toEqual([]);
  });

  test("a * in the middle is tried as written, and names a miss where another clause rejects it whatever the * means", () => {
    expect(stopLoggingKinds('($.foo NOT EXISTS || ($.foo != "a*b" && $.foo = "zzz"))')[0]).toBe(
      'calls whose foo is "a*b"',
    );
  });

  test("a * in the middle is tried as written (whether it is a wildcard is undocumented, so it proves no miss)", () => {
    const kinds = stopLoggingKinds('($.foo NOT EXISTS || $.foo != "a*b")');
    expect(kinds).not.toContain('calls whose foo is "a*b"');
    expect(kinds).toContain("calls whose foo is an object");
  });
});

describe("a documented field keeps its type", () => {
  test("userAgent != *beta: a user agent ending with beta, and calls without one (userAgent is optional)", () => {
    const verdict = misses(judgeCoverage(`{ (${OR}) && $.userAgent != "*beta" }`, cloudTrailChanges));
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls whose userAgent ends with "beta" and calls without userAgent, because of \`$.userAgent != "*beta"\``,
    );
  });
});
