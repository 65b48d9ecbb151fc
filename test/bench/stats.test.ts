import { formatMiB, formatMs, formatRatio, median, ratio, relativeSpread } from "../../bench/stats";

describe("stats", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it("averages the two middle values of an even count", () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
  it("has no median for no values", () => {
    expect(median([])).toBeNaN();
  });
  it("divides, refusing a missing or zero denominator", () => {
    expect(ratio(11, 10)).toBeCloseTo(1.1);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(undefined, 3)).toBeNaN();
  });
  it("measures spread as (max - min) / median", () => {
    expect(relativeSpread([90, 100, 120])).toBeCloseTo(0.3);
    expect(relativeSpread([5])).toBeNaN();
  });
  it("formats numbers for the report", () => {
    expect([formatMs(0.456), formatMs(18.34), formatMs(1234.4), formatMs(-1170.39), formatMs(NaN)]).toEqual([
      "0.46 ms",
      "18.3 ms",
      "1234 ms",
      "-1170 ms",
      "n/a",
    ]);
    expect([formatRatio(1.234), formatRatio(Infinity)]).toEqual(["1.23×", "n/a"]);
    expect([formatMiB(3 * 1048576), formatMiB(undefined)]).toEqual(["3.0 MiB", "n/a"]);
  });
});
