import type { AnalyzeSizeResult, PackAnalyzeResult } from "../../bench/analyze-stack";
import type { BenchReport } from "../../bench/results";
import { evaluateTargets } from "../../bench/targets";

const MiB = 1048576;

function packResult(medianMs: number, peakMiB: number): PackAnalyzeResult {
  return {
    label: "p",
    firstCallMs: medianMs,
    samplesMs: [medianMs],
    medianMs,
    cpuSamplesMs: [medianMs],
    cpuMedianMs: medianMs,
    peakRssBytes: peakMiB * MiB,
    diagnostics: 0,
    diagnosticsByPolicy: {},
    previewErrors: 0,
    notApplicable: 0,
  };
}

function sizeResult(size: number, packMs: number, noopMs: number, packMiB = 100, noopMiB = 100): AnalyzeSizeResult {
  return {
    size,
    chains: 4,
    requestBytes: 1,
    clientEncodeMs: 1,
    pack: packResult(packMs, packMiB),
    noop: packResult(noopMs, noopMiB),
  };
}

function report(parts: Partial<Omit<BenchReport, "targets">>): Omit<BenchReport, "targets"> {
  return {
    date: "2026-01-01T00:00:00.000Z",
    machine: {
      cpuModel: "cpu",
      cores: 2,
      memoryBytes: 1,
      node: "v20",
      platform: "linux",
      loadAverageStart: 0,
      loadAverageEnd: 0,
    },
    smoke: false,
    runs: 5,
    startupRuns: 5,
    filterIterations: 5,
    packName: "p",
    stackPolicyCount: 4,
    stackPolicyTotal: 18,
    analyze: [],
    calibration: [],
    profiles: [],
    ...parts,
  };
}

function verdicts(r: Omit<BenchReport, "targets">): [string, string, boolean][] {
  return evaluateTargets(r).map((t) => [t.name, t.measured, t.pass]);
}

describe("evaluateTargets", () => {
  it("passes a start-up ratio at the limit and fails just above it", () => {
    const startup = (packMedianMs: number) => ({
      packLabel: "a",
      emptyLabel: "b",
      packSamplesMs: [],
      emptySamplesMs: [],
      packMedianMs,
      emptyMedianMs: 1000,
    });
    expect(verdicts(report({ startup: startup(1100) }))).toEqual([["Start-up vs empty pack", "1.10×", true]]);
    expect(verdicts(report({ startup: startup(1120) }))).toEqual([["Start-up vs empty pack", "1.12×", false]]);
  });

  it("checks time and memory ratios from 10,000 resources on, and the 50k/10k scaling", () => {
    const r = report({
      analyze: [
        sizeResult(1000, 900, 100),
        sizeResult(10000, 1250, 1000, 125, 100),
        sizeResult(50000, 6000, 5000, 130, 100),
      ],
    });
    expect(verdicts(r)).toEqual([
      ["AnalyzeStack at 10,000 resources vs no-op", "1.25×", true],
      ["AnalyzeStack at 50,000 resources vs no-op", "1.20×", true],
      ["AnalyzeStack 50,000 / 10,000 time", "4.80× (no-op: 5.00×)", true],
      ["Peak memory at 10,000 resources vs no-op", "1.25× (125.0 MiB vs 100.0 MiB)", true],
      ["Peak memory at 50,000 resources vs no-op", "1.30× (130.0 MiB vs 100.0 MiB)", false],
    ]);
  });

  it("fails a 50k run over 5.5× the 10k time, unless the no-op pack grows as much", () => {
    const scaling = (pack: number, noop: number) =>
      evaluateTargets(report({ analyze: [sizeResult(10000, 1000, 1000), sizeResult(50000, pack, noop)] })).find((t) =>
        t.name.includes("50,000 / 10,000"),
      )?.pass;
    expect(scaling(5500, 5000)).toBe(true);
    expect(scaling(5600, 5000)).toBe(false);
    // The floor itself over 5.5×: within 1.10× of its growth passes (6.64× against 6.56×, the run of 2026-12-02).
    expect(scaling(6640, 6560)).toBe(true);
    expect(scaling(7220, 6560)).toBe(false);
  });

  it("fails a memory target it could not measure", () => {
    const r = report({
      analyze: [{ ...sizeResult(10000, 1, 1), pack: { ...packResult(1, 1), peakRssBytes: undefined } }],
    });
    expect(evaluateTargets(r).find((t) => t.name.startsWith("Peak memory"))).toMatchObject({
      measured: "n/a (n/a vs 100.0 MiB)",
      pass: false,
    });
  });

  it("checks the CIS-monitoring run's time and memory from 10,000 resources on, named by its config file", () => {
    const cisMonitoring = {
      configFile: "config/cis-monitoring.json",
      stackPolicyCount: 18,
      monitoring: "cis" as const,
      calibration: [],
      sizes: [sizeResult(1000, 3000, 1000), sizeResult(10000, 12600, 10000, 126, 100)],
    };
    expect(verdicts(report({ cisMonitoring }))).toEqual([
      ["config/cis-monitoring.json (18 stack policies): AnalyzeStack at 10,000 resources vs no-op", "1.26×", false],
      [
        "config/cis-monitoring.json (18 stack policies): Peak memory at 10,000 resources vs no-op",
        "1.26× (126.0 MiB vs 100.0 MiB)",
        false,
      ],
    ]);
  });

  it("wants every control's slowest coverage verdict strictly under 20 ms", () => {
    const row = (control: string, worstMs: number) => ({
      control,
      cases: 8,
      worstMs,
      worstCpuMs: worstMs,
      worstCase: "worst-case JSON pattern",
      verdict: "covers",
    });
    const filter = {
      cases: [],
      worstMs: 20,
      worstCase: "x",
      controls: [row("vpc-changes", 19.9), row("kms-key-disable-or-deletion", 20)],
      firstVerdicts: [],
    };
    expect(verdicts(report({ filter })).slice(1)).toEqual([
      ["Coverage verdict, slowest for vpc-changes", "19.9 ms (worst-case JSON pattern)", true],
      ["Coverage verdict, slowest for kms-key-disable-or-deletion", "20.0 ms (worst-case JSON pattern)", false],
    ]);
  });

  it("wants the filter-pattern worst case strictly under 20 ms", () => {
    const filter = (worstMs: number) => ({
      cases: [],
      worstMs,
      worstCase: "deep nesting",
      controls: [],
      firstVerdicts: [],
    });
    expect(verdicts(report({ filter: filter(19.9) }))).toEqual([
      ["Filter-pattern worst case", "19.9 ms (deep nesting)", true],
    ]);
    expect(verdicts(report({ filter: filter(20) }))[0][2]).toBe(false);
    expect(verdicts(report({ filter: filter(NaN) }))[0]).toEqual([
      "Filter-pattern worst case",
      "n/a (deep nesting)",
      false,
    ]);
  });

  it("wants the published install within 1.10× of the empty pack's", () => {
    const install = (packMiB: number) => ({
      packBytes: packMiB * MiB,
      emptyBytes: 100 * MiB,
      packPackages: 2,
      emptyPackages: 1,
      versions: {},
      npmVersion: "11",
      nodeVersion: "v20",
      date: "",
      installMs: 1,
    });
    expect(verdicts(report({ install: install(110) }))).toEqual([
      ["Published install vs empty pack", "1.10× (110.0 MiB vs 100.0 MiB)", true],
    ]);
    expect(verdicts(report({ install: install(111) }))[0][2]).toBe(false);
  });

  it("has no target for a smoke run of 200 resources without start-up or filter", () => {
    expect(evaluateTargets(report({ analyze: [sizeResult(200, 5, 1)] }))).toEqual([]);
  });
});
