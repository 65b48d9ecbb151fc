import { slowestCase, toFilterCaseRow } from "../../bench/filter-section";

describe("filter-pattern section", () => {
  it("shows a result's median as its time and the rest as details", () => {
    const row = toFilterCaseRow({ name: "deep nesting", patternLength: 1011, iterations: 50, medianMs: 2.5, verdict: "covers" });
    expect(row).toEqual({
      name: "deep nesting",
      timingsMs: { "median parse + verdict": 2.5 },
      worstMs: 2.5,
      details: { "pattern length": 1011, verdict: "covers", iterations: 50 },
    });
  });

  it("picks the slowest case", () => {
    const rows = [
      toFilterCaseRow({ name: "a", patternLength: 1, iterations: 1, medianMs: 3, verdict: "covers" }),
      toFilterCaseRow({ name: "b", patternLength: 1, iterations: 1, medianMs: 7, verdict: "covers" }),
      toFilterCaseRow({ name: "c", patternLength: 1, iterations: 1, medianMs: 5, verdict: "covers" }),
    ];
    expect(slowestCase(rows)).toEqual({ worstMs: 7, worstCase: "b" });
    expect(slowestCase([])).toEqual({ worstMs: NaN, worstCase: "" });
  });
});
