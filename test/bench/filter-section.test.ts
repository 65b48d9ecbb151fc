import { slowestCase, slowestPerControl, toFilterCaseRow } from "../../bench/filter-section";

const result = (name: string, control: string, medianMs: number, verdict = "covers") => ({
  name,
  control,
  patternLength: 1,
  iterations: 1,
  medianMs,
  medianCpuMs: medianMs / 2,
  maxMs: medianMs * 3,
  verdict,
});

describe("filter-pattern section", () => {
  it("shows a result's median as its time, its CPU median and slowest iteration beside it, and the rest as details", () => {
    const row = toFilterCaseRow({
      name: "deep nesting",
      control: "cloudtrail-changes",
      patternLength: 1011,
      iterations: 50,
      medianMs: 2.5,
      medianCpuMs: 2.25,
      maxMs: 9,
      verdict: "covers",
    });
    expect(row).toEqual({
      name: "deep nesting",
      control: "cloudtrail-changes",
      timingsMs: { "median parse + verdict": 2.5, "median CPU": 2.25, max: 9 },
      worstMs: 2.5,
      details: { "pattern length": 1011, verdict: "covers", iterations: 50 },
    });
  });

  it("picks the slowest case by its median, not by its slowest iteration", () => {
    const rows = [result("a", "x", 3), result("b", "x", 7), result("c", "x", 5)].map(toFilterCaseRow);
    rows[0].timingsMs.max = 100;
    expect(slowestCase(rows)).toEqual({ worstMs: 7, worstCase: "b" });
    expect(slowestCase([])).toEqual({ worstMs: NaN, worstCase: "" });
  });

  it("gives each control its slowest case, in the order asked, without the control's name in front", () => {
    const rows = [
      result("kms: prescribed #1", "kms", 0.1),
      result("kms: worst-case JSON pattern that misses", "kms", 4, "misses"),
      result("canonical pattern", "cloudtrail-changes", 0.3),
      result("cloudtrail-changes: worst-case JSON pattern", "cloudtrail-changes", 2),
    ].map(toFilterCaseRow);
    expect(slowestPerControl(rows, ["cloudtrail-changes", "kms", "vpc"])).toEqual([
      {
        control: "cloudtrail-changes",
        cases: 2,
        worstMs: 2,
        worstCpuMs: 1,
        worstCase: "worst-case JSON pattern",
        verdict: "covers",
      },
      {
        control: "kms",
        cases: 2,
        worstMs: 4,
        worstCpuMs: 2,
        worstCase: "worst-case JSON pattern that misses",
        verdict: "misses",
      },
    ]);
  });
});
