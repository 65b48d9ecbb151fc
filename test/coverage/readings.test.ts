/**
 * Patterns that mix && and || without parentheses. AWS documents no precedence between them, so such a pattern is
 * judged under each reading (&& binding tighter, || binding tighter, left to right): the verdict stands only if
 * the readings agree. CIS 4.1 (from v2.0.0) and the 4.13 audit procedure (from v3.0.0) are written this way.
 */
import { controlById } from "../../lib/controls";
import { judgeCoverage } from "../../lib/coverage";
import { readingsOf } from "../../lib/coverage/readings";
import { parseFilterPattern, printFilterPattern } from "../../lib/filter-pattern";
import type { AndOrReading } from "../../lib/filter-pattern";

function printed(text: string, andOr: AndOrReading): string {
  const parsed = parseFilterPattern(text, { andOr });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return printFilterPattern(parsed.pattern);
}

// The printer parenthesises every && run inside an || run and the reverse (lib/filter-pattern/printer.ts), so each
// printed reading shows its grouping whatever precedence a reader assumes.
describe("the parser's readings of a run of && and ||", () => {
  const run = "{ $.a = 1 || $.b = 2 && $.c = 3 }";

  test.each([
    ["and-first", "{ $.a = 1 || ($.b = 2 && $.c = 3) }"],
    ["or-first", "{ ($.a = 1 || $.b = 2) && $.c = 3 }"],
    ["left-to-right", "{ ($.a = 1 || $.b = 2) && $.c = 3 }"],
  ] as const)("%s groups it as %s", (andOr, expected) => {
    expect(printed(run, andOr)).toBe(expected);
  });

  test("left to right differs from || first when && comes first", () => {
    const text = "{ $.a = 1 && $.b = 2 || $.c = 3 && $.d = 4 }";
    expect(printed(text, "and-first")).toBe("{ ($.a = 1 && $.b = 2) || ($.c = 3 && $.d = 4) }");
    expect(printed(text, "or-first")).toBe("{ $.a = 1 && ($.b = 2 || $.c = 3) && $.d = 4 }");
    expect(printed(text, "left-to-right")).toBe("{ (($.a = 1 && $.b = 2) || $.c = 3) && $.d = 4 }");
  });

  test("parentheses decide whatever the reading", () => {
    const text = "{ ($.a = 1 || $.b = 2) && ($.c = 3 || $.d = 4) }";
    for (const andOr of ["and-first", "or-first", "left-to-right"] as const) expect(printed(text, andOr)).toBe(printed(text, "and-first"));
  });
});

describe("CIS texts that mix && and ||", () => {
  test("4.1 (v2.0.0 to v7.0.0) has two readings and covers under both", () => {
    const control = controlById("unauthorized-api-calls");
    const text = control.prescribedPatterns.find((pattern) => pattern.documents.includes("CIS v2.0.0"))?.text ?? "";
    const parsed = parseFilterPattern(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    // A || (B && C && D) and (A || B) && C && D (left to right gives the second): both count every failure outside
    // the exempt records, which the target set lets a filter count or not.
    expect(readingsOf(text, parsed.pattern).map((reading) => reading.andOr)).toEqual(["and-first", "or-first"]);
    expect(judgeCoverage(text, control).verdict).toBe("covers");
  });

  test("the 4.13 audit text (v4.0.0 to v7.0.0) has two readings and covers under both", () => {
    const control = controlById("route-table-changes");
    const text = control.prescribedPatterns.find((pattern) => pattern.documents.includes("CIS v4.0.0 (audit procedure)"))?.text ?? "";
    const parsed = parseFilterPattern(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    // (source && CreateRoute) || CreateRouteTable || ... and source && (CreateRoute || ...): all seven are EC2 calls.
    expect(readingsOf(text, parsed.pattern)).toHaveLength(2);
    expect(judgeCoverage(text, control).verdict).toBe("covers");
  });
});

describe("readings that disagree", () => {
  test("covers read one way, counts routine records the other: indeterminate, naming both and asking for parentheses", () => {
    // && first: every CloudTrail call, the routine DescribeTrails read included. || first: CloudTrail's writes only.
    const verdict = judgeCoverage(
      "{ $.eventSource = cloudtrail.amazonaws.com || $.eventName = CreateTrail && $.readOnly IS FALSE }",
      controlById("cloudtrail-changes"),
    );
    expect(verdict.verdict).toBe("indeterminate");
    if (verdict.verdict !== "indeterminate") return;
    expect(verdict.reason).toMatch(/^the pattern mixes && and \|\| without parentheses, and what it counts depends on how they group: /);
    expect(verdict.reason).toContain("read with && binding tighter than || it counts routine DescribeTrails calls by AWS services");
    expect(verdict.reason).toContain("read with || binding tighter than && it counts every CloudTrail configuration change");
    expect(verdict.reason).toMatch(/; add parentheses to say which is meant$/);
  });

  test("readings that give the same kind of verdict keep the && first reading's", () => {
    // && first misses failing StopLogging calls; || first misses failing calls of all five: both miss.
    const verdict = judgeCoverage(
      "{ $.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging && $.errorCode NOT EXISTS }",
      controlById("cloudtrail-changes"),
    );
    expect(verdict).toMatchObject({ verdict: "misses", reason: "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`" });
  });
});
