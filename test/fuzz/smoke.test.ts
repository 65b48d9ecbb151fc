// `npm run fuzz -- --smoke`: every section at small counts with a fixed seed, in seconds, the compiled pack over
// real gRPC included. A failure here is a failure the full run would report.
import * as fs from "fs";
import * as path from "path";
import { runFuzz } from "../../fuzz/fuzz";
import { parseFuzzArgs } from "../../fuzz/options";
import { silentProgress } from "../../fuzz/progress";
import { renderReliabilityMarkdown } from "../../fuzz/report";
import { toolRoot } from "../../tools/project-root";

const root = toolRoot(__dirname);

describe("the fuzzer's smoke run", () => {
  it("finds no failure in any section", async () => {
    if (!fs.existsSync(path.join(root, "bin", "index.js")))
      throw new Error("bin/index.js is missing: run `npx tsc -p tsconfig.json` first");
    const parsed = parseFuzzArgs(["--smoke", "--seed", "20261201"]);
    if (!parsed.ok) throw new Error(parsed.message);
    const report = await runFuzz(parsed.options, { root, progress: silentProgress });
    // Verdict times are the full run's figure: under jest, on a machine shared with other work, a verdict's time
    // says more about the machine than about the engine, so the smoke run leaves them out.
    const failures = report.failures.filter((f) => f.kind !== "slow-verdict");
    expect(failures).toEqual([]);
    expect(report.failureCount - (report.patterns?.verdictsOverLimit ?? 0)).toBe(0);
    expect(report.patterns?.patterns).toBe(parsed.options.patterns);
    expect(report.stacks?.stacks).toBe(parsed.options.stacks);
    expect(report.inputs?.cases).toBe(parsed.options.inputs);
    expect(report.load?.sequential.calls).toBe(parsed.options.loadCalls);
    // The memory figure is the heap after a collection, read by fuzz/memory-probe.ts in the pack's process.
    expect(report.load?.heapSamples.length).toBe(report.load?.rssSamples.length);
    expect(report.load?.heapSamples.length).toBeGreaterThan(0);
    const markdown = renderReliabilityMarkdown(report);
    expect(markdown).toContain("npm run fuzz -- --seed 20261201");
    expect(markdown).toContain(`| ${process.version} |`);
  }, 60_000);
});
