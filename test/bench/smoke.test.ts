/**
 * The benchmark harness works end to end at the smoke size: both packs start, answer AnalyzeStack over gRPC, and
 * the report has every field. No timing is asserted (timings are the benchmark's business, not a test's).
 * Needs the compiled pack (bin/index.js): `npm test` compiles first.
 */
import { runBench } from "../../bench/harness";
import { parseBenchArgs } from "../../bench/options";
import { renderBenchmarksMarkdown } from "../../bench/report";
import type { BenchReport } from "../../bench/results";

function smokeOptions() {
  // The install section is test/publish/install-size.test.ts's business (a minute of npm).
  const parsed = parseBenchArgs([
    "--smoke",
    "--startup-runs",
    "1",
    "--runs",
    "1",
    "--filter-iterations",
    "1",
    "--sections",
    "startup,analyze,cis,filter",
  ]);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
}

describe("npm run bench -- --smoke", () => {
  let report: BenchReport;
  const log: string[] = [];

  beforeAll(async () => {
    report = await runBench(smokeOptions(), { log: (line) => log.push(line) });
  }, 180000);

  it("describes the machine", () => {
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.cpuModel).not.toBe("");
    expect(report.machine.node).toBe(process.version);
    expect(report.stackPolicyCount).toBeGreaterThan(0);
  });

  it("measured the CIS-monitoring configuration against a floor with as many enabled stack policies", () => {
    const cis = report.cisMonitoring;
    expect(cis?.configFile).toBe("config/cis-monitoring.json");
    expect(cis?.stackPolicyCount).toBe(report.stackPolicyTotal);
    expect(cis?.stackPolicyCount).toBeGreaterThan(report.stackPolicyCount);
    const a = cis?.sizes[0];
    expect([a?.size, a?.chains]).toEqual([200, 4]);
    expect(a?.noop.label).toBe(`no-op pack (${cis?.stackPolicyCount} stack policies)`);
    // The broken chains make the control policies report too (they run only when the config enables them).
    expect(Object.keys(a?.pack.diagnosticsByPolicy ?? {}).some((name) => name.endsWith("-monitored"))).toBe(true);
    expect(a?.noop.diagnostics).toBe(0);
  });

  it("started this pack and the empty pack and read a port from each", () => {
    const s = report.startup;
    expect(s?.packSamplesMs).toHaveLength(1);
    expect(s?.emptySamplesMs).toHaveLength(1);
    expect(s?.packMedianMs).toBeGreaterThan(0);
    expect(s?.emptyMedianMs).toBeGreaterThan(0);
  });

  it("had both packs answer AnalyzeStack for the 200-resource stack", () => {
    expect(report.analyze).toHaveLength(1);
    const a = report.analyze[0];
    expect([a.size, a.chains]).toEqual([200, 4]);
    expect(a.requestBytes).toBeGreaterThan(0);
    for (const p of [a.pack, a.noop]) {
      expect(p.samplesMs).toHaveLength(1);
      expect(p.firstCallMs).toBeGreaterThan(0);
      expect(p.medianMs).toBeGreaterThan(0);
    }
    // The stack holds broken monitoring chains, so this pack must report something; the no-op pack never does.
    expect(a.pack.diagnostics).toBeGreaterThan(0);
    expect(a.noop.diagnostics).toBe(0);
    if (process.platform === "linux") {
      expect(a.pack.peakRssBytes).toBeGreaterThan(0);
      expect(a.noop.peakRssBytes).toBeGreaterThan(0);
    }
  });

  it("ran the filter-pattern cases, every control's slowest, and a first verdict in a fresh process", () => {
    expect(report.filter?.cases.length).toBeGreaterThan(0);
    for (const c of report.filter?.cases ?? []) expect(c.worstMs).toBeGreaterThan(0);
    expect(report.filter?.controls).toHaveLength(15);
    // The smoke run spawns one first-verdict process: the first control in CIS order (4.1 unauthorized API calls).
    expect(report.filter?.firstVerdicts.map((v) => [v.control, v.verdict])).toEqual([
      ["unauthorized-api-calls", "covers"],
    ]);
    expect(report.filter?.firstVerdicts[0].familySize).toBeGreaterThan(0);
  });

  it("renders a report with the machine, the targets and every section it ran", () => {
    const md = renderBenchmarksMarkdown(report);
    for (const heading of [
      "## Machine",
      "## Targets",
      "## 1. Start-up",
      "## 2. AnalyzeStack",
      "## 3. AnalyzeStack with config/cis-monitoring.json",
      "## 4. Filter-pattern",
      "## How to read this",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain(report.machine.cpuModel);
  });
});
