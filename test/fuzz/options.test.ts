// The command line of `npm run fuzz`, read by node:util parseArgs as `npm start` and `npm run bench` read theirs.
import { parseFuzzArgs, requiredCounts, smokeCounts } from "../../fuzz/options";

function problem(argv: string[]): string {
  const result = parseFuzzArgs(argv);
  if (result.ok) throw new Error("expected a usage problem");
  return result.message;
}

describe("parseFuzzArgs", () => {
  it("defaults to every section at the counts the figures are published at, seed 1, RELIABILITY.md", () => {
    const result = parseFuzzArgs([]);
    expect(result.ok && result.options).toMatchObject({
      seed: 1,
      sections: ["patterns", "stacks", "inputs", "load"],
      patterns: 1_000_000,
      stacks: 10_000,
      inputs: undefined,
      loadCalls: 1_000,
      loadConcurrency: 50,
      loadResources: 1_000,
      timeBudgetSeconds: undefined,
      out: "RELIABILITY.md",
    });
    expect(requiredCounts).toEqual({
      patterns: 1_000_000,
      stacks: 10_000,
      loadCalls: 1_000,
      loadConcurrency: 50,
      loadResources: 1_000,
    });
  });

  it("--smoke takes small counts, only the bad inputs that answer at once, and writes nothing unless --out", () => {
    const result = parseFuzzArgs(["--smoke"]);
    expect(result.ok && result.options).toMatchObject({
      ...smokeCounts,
      fastInputsOnly: true,
      smoke: true,
      out: undefined,
    });
    const written = parseFuzzArgs(["--smoke", "--out", "r.md"]);
    expect(written.ok && written.options.out).toBe("r.md");
  });

  it("reads counts, a negative seed, sections in any order without repeats, and a time budget", () => {
    const result = parseFuzzArgs([
      "--seed=-7",
      "--patterns",
      "10",
      "--stacks",
      "3",
      "--sections",
      "load,patterns,load",
      "--time-budget",
      "60",
      "--inputs",
      "2",
    ]);
    expect(result.ok && result.options).toMatchObject({
      seed: -7,
      patterns: 10,
      stacks: 3,
      sections: ["load", "patterns"],
      timeBudgetSeconds: 60,
      inputs: 2,
      fastInputsOnly: false,
    });
  });

  it.each([
    [["--seed", "abc"], "--seed: expected an integer between -2147483647 and 2147483647, got 'abc'"],
    [["--seed", "4294967296"], "--seed: expected an integer between -2147483647 and 2147483647, got '4294967296'"],
    [["--patterns=-5"], "--patterns: expected a positive integer, got '-5'"],
    [["--stacks", "0"], "--stacks: expected a positive integer, got '0'"],
    [["--time-budget", "1.5"], "--time-budget: expected a positive integer, got '1.5'"],
    [["--sections", "patterns,bogus"], "--sections: unknown section 'bogus' (expected patterns, stacks, inputs, load)"],
    [["--load-resources", "10"], "--load-resources: expected at least 31, got 10"],
    [["--out="], "--out: expected a file name"],
    [["--bogus"], "Unknown option '--bogus'"],
    [["--seed", "1", "--seed", "2"], "--seed was given more than once"],
  ])("rejects %j with one line", (argv, message) => {
    expect(problem(argv)).toBe(message);
  });
});
