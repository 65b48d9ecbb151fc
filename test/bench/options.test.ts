// npm run bench's options, read by node:util parseArgs (https://nodejs.org/api/util.html#utilparseargsconfig); its
// messages for unknown options and missing values are Node's own.
import { parseBenchArgs, runsFor } from "../../bench/options";

function options(argv: string[]) {
  const result = parseBenchArgs(argv);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.options;
}

function failure(argv: string[]): string {
  const result = parseBenchArgs(argv);
  if (result.ok) throw new Error("expected a failure");
  return result.message;
}

describe("parseBenchArgs", () => {
  it("defaults to the full benchmark written to BENCHMARKS.md", () => {
    expect(options([])).toEqual({
      smoke: false,
      sections: ["startup", "analyze", "cis", "filter", "install"],
      sizes: [1000, 10000, 50000],
      cisSizes: [1000, 10000],
      runs: 5,
      largeRuns: 5,
      startupRuns: 31,
      filterIterations: 50,
      out: "BENCHMARKS.md",
      calibrate: false,
      cpuProfDir: undefined,
      help: false,
    });
  });

  it("makes --smoke tiny and silent unless --write or --out is given", () => {
    const smoke = options(["--smoke"]);
    expect([smoke.sizes, smoke.cisSizes, smoke.runs, smoke.startupRuns, smoke.filterIterations, smoke.out]).toEqual([
      [200],
      [200],
      2,
      2,
      3,
      undefined,
    ]);
    expect(options(["--smoke", "--write"]).out).toBe("BENCHMARKS.md");
    expect(options(["--smoke", "--out", "x.md"]).out).toBe("x.md");
  });

  it("does not write by default when profiling", () => {
    expect(options(["--cpu-prof", "prof"])).toMatchObject({ cpuProfDir: "prof", out: undefined });
  });

  it("reads sizes, runs and sections, with a space or an equals sign", () => {
    const o = options([
      "--sizes",
      "1000,10000",
      "--runs=3",
      "--startup-runs",
      "9",
      "--sections",
      "analyze,startup,analyze",
    ]);
    expect([o.sizes, o.runs, o.startupRuns, o.sections]).toEqual([[1000, 10000], 3, 9, ["analyze", "startup"]]);
  });

  it("gives 50,000-resource stacks --large-runs runs (5 by default) unless --runs says otherwise", () => {
    expect([runsFor(options([]), 10000), runsFor(options([]), 50000)]).toEqual([5, 5]);
    expect([runsFor(options(["--large-runs", "3"]), 10000), runsFor(options(["--large-runs", "3"]), 50000)]).toEqual([
      5, 3,
    ]);
    expect([runsFor(options(["--runs", "4"]), 10000), runsFor(options(["--runs", "4"]), 50000)]).toEqual([4, 4]);
    expect(runsFor(options(["--runs", "4", "--large-runs", "2"]), 60000)).toBe(2);
  });

  it("explicit sizes override the smoke sizes", () => {
    expect(options(["--smoke", "--sizes", "500"]).sizes).toEqual([500]);
    expect(options(["--smoke", "--cis-sizes", "500"]).cisSizes).toEqual([500]);
  });

  it("reads the CIS-monitoring run's sizes apart from the default run's", () => {
    const o = options(["--sizes", "1000", "--cis-sizes", "10000,50000", "--sections", "cis"]);
    expect([o.sizes, o.cisSizes, o.sections]).toEqual([[1000], [10000, 50000], ["cis"]]);
  });

  it.each([
    [["--sizes", "1000,ten"], "--sizes: item 2: expected a positive integer, got 'ten'"],
    [["--sizes"], "Option '--sizes <value>' argument missing"],
    [["--sizes="], "--sizes: expected a comma-separated list of integers"],
    // The smallest stacks: root, two providers and four chains of 7 (CloudTrail changes) or 35 (all fifteen controls).
    [["--sizes", "1000,30"], "--sizes: item 2: expected at least 31"],
    [["--cis-sizes", "142"], "--cis-sizes: item 1: expected at least 143"],
    [["--runs", "0"], "--runs: expected a positive integer, got '0'"],
    [["--runs=-2"], "--runs: expected a positive integer, got '-2'"],
    [
      ["--runs", "-2"],
      "Option '--runs' argument is ambiguous. Did you forget to specify the option argument for '--runs'?",
    ],
    [
      ["--sections", "startup,memory"],
      "--sections: unknown section 'memory' (expected startup, analyze, cis, filter, install)",
    ],
    [["--smoke", "--fast"], "Unknown option '--fast'"],
    [["--smoke=yes"], "Option '--smoke' does not take an argument"],
    [["extra"], "Unexpected argument 'extra'. This command does not take positional arguments"],
    [["--out"], "Option '--out <value>' argument missing"],
    [["--out="], "--out: expected a file name"],
    [["--runs", "3", "--runs=4"], "--runs was given more than once"],
  ])("rejects %j with a message naming the problem", (argv, message) => {
    expect(failure(argv)).toBe(message);
  });
});
