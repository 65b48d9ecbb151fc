import type { BenchReport } from "../../bench/results";
import { renderBenchmarksMarkdown, renderConsoleSummary } from "../../bench/report";

const MiB = 1048576;

const report: BenchReport = {
  date: "2026-01-02T03:04:05.000Z",
  machine: {
    cpuModel: "Test CPU 3000",
    cores: 2,
    memoryBytes: 8 * 1024 * MiB,
    node: "v20.0.0",
    platform: "linux x64",
    loadAverageStart: 0.5,
    loadAverageEnd: 1.25,
  },
  smoke: false,
  runs: 3,
  startupRuns: 3,
  filterIterations: 10,
  packName: "cloudtrail-changes-monitoring",
  stackPolicyCount: 4,
  stackPolicyTotal: 18,
  startup: {
    packLabel: "this pack",
    emptyLabel: "empty pack",
    packSamplesMs: [1000, 1100, 1200],
    emptySamplesMs: [1000, 1000, 1000],
    packMedianMs: 1100,
    emptyMedianMs: 1000,
  },
  analyze: [
    {
      size: 10000,
      chains: 20,
      requestBytes: 18 * MiB,
      clientEncodeMs: 9000,
      pack: {
        label: "this pack",
        firstCallMs: 9000,
        samplesMs: [6000],
        medianMs: 6000,
        cpuSamplesMs: [5400],
        cpuMedianMs: 5400,
        peakRssBytes: 1200 * MiB,
        diagnostics: 3,
        diagnosticsByPolicy: { b: 1, a: 2 },
        previewErrors: 0,
        notApplicable: 0,
      },
      noop: {
        label: "no-op",
        firstCallMs: 8000,
        samplesMs: [5000],
        medianMs: 5000,
        cpuSamplesMs: [4500],
        cpuMedianMs: 4500,
        peakRssBytes: 1000 * MiB,
        diagnostics: 0,
        diagnosticsByPolicy: {},
        previewErrors: 0,
        notApplicable: 0,
      },
    },
  ],
  calibration: [],
  profiles: [],
  targets: [
    { name: "Start-up vs empty pack", target: "≤ 1.10×", measured: "1.10×", pass: true },
    { name: "AnalyzeStack at 10,000 resources vs no-op", target: "≤ 1.25×", measured: "1.20×", pass: true },
    { name: "Peak memory at 10,000 resources vs no-op", target: "≤ 1.25×", measured: "1.20×", pass: true },
  ],
};

describe("renderBenchmarksMarkdown", () => {
  const md = renderBenchmarksMarkdown(report);

  it("names the machine", () => {
    expect(md).toContain("| Test CPU 3000 | 2 | 8.0 GiB | v20.0.0 | linux x64 | 0.50 → 1.25 |");
  });

  it("summarizes the targets and marks each", () => {
    expect(md).toContain("All 3 targets pass.");
    expect(md).toContain("| Start-up vs empty pack | ≤ 1.10× | 1.10× | PASS |");
  });

  it("shows a failed target in bold", () => {
    const failed = renderBenchmarksMarkdown({ ...report, targets: [{ ...report.targets[0], pass: false }] });
    expect(failed).toContain("1 of 1 targets FAIL.");
    expect(failed).toContain("| **FAIL** |");
  });

  it("gives start-up medians and their ratio", () => {
    expect(md).toContain("| this pack | 1100 ms | 1000 ms | 1200 ms | 18% | 1000, 1100, 1200 |");
    expect(md).toContain("Ratio (median / median): **1.10×**; the difference is 100 ms.");
  });

  it("gives the AnalyzeStack row with time and memory ratios and the diagnostics per policy", () => {
    expect(md).toContain(
      "| 10,000 | 20 | 18.0 MiB | 9000 ms | 6000 ms | 5000 ms | **1.20×** | 5400 ms / 4500 ms = 1.20× | 9000 ms / 8000 ms | 1200.0 MiB | 1000.0 MiB | **1.20×** |",
    );
    expect(md).toContain("| 10,000 | 3 (a 2, b 1) | 0 | 0 | 0 |");
  });

  it("shows the A/A calibration when the run has one", () => {
    const withCalibration = renderBenchmarksMarkdown({ ...report, calibration: [report.analyze[0]] });
    expect(withCalibration).toContain("Calibration (A/A)");
    expect(withCalibration).toContain("| 10,000 | 6000 ms / 5000 ms | 1.20× | 1.20× | 1.20× |");
    expect(md).not.toContain("Calibration (A/A)");
  });

  it("gives both install sizes, how they were measured, and their ratio", () => {
    const install = {
      packBytes: 105 * MiB,
      emptyBytes: 100 * MiB,
      packPackages: 223,
      emptyPackages: 221,
      versions: { "@pulumi/policy": "1.21.0", "@pulumi/pulumi": "3.248.0" },
      npmVersion: "11.0.0",
      nodeVersion: "v20.0.0",
      date: "2026-01-02T03:04:05.000Z",
      installMs: 50000,
    };
    const withInstall = renderBenchmarksMarkdown({ ...report, install });
    expect(withInstall).toContain("## 5. Published install size");
    expect(withInstall).toContain("an empty pack that depends on @pulumi/policy 1.21.0, @pulumi/pulumi 3.248.0 alone");
    expect(withInstall).toContain("with npm 11.0.0 and Node v20.0.0");
    expect(withInstall).toContain("| this pack's tarball | 223 | 105.0 MiB |");
    expect(withInstall).toContain("| empty pack | 221 | 100.0 MiB |");
    expect(withInstall).toContain("Ratio: **1.05×**; the pack adds 5.0 MiB.");
    expect(renderConsoleSummary({ ...report, install, targets: [] })).toContain(
      "published install: 105.0 MiB, empty pack 100.0 MiB, ratio 1.05×",
    );
  });

  it("says how many stack policies the pack has and how many run by default", () => {
    expect(md).toContain("Pack: `cloudtrail-changes-monitoring` (18 stack policies, 4 enabled by default).");
    expect(md).toContain("4 of its 18 stack policies are enabled");
    expect(md).toContain("The floor is a no-op pack with 4 stack policies");
  });

  it("gives the CIS-monitoring run its own section, floor and tables", () => {
    const cisMonitoring = {
      configFile: "config/cis-monitoring.json",
      stackPolicyCount: 18,
      monitoring: "cis" as const,
      sizes: [report.analyze[0]],
      calibration: [],
    };
    const withCis = renderBenchmarksMarkdown({ ...report, cisMonitoring });
    expect(withCis).toContain("## 3. AnalyzeStack with config/cis-monitoring.json");
    expect(withCis).toContain("which enables 18 stack policies");
    expect(withCis).toContain(
      "The floor is a no-op pack with 18 stack policies, as many as this pack has enabled here.",
    );
    // The same row as the default run's, under the CIS heading.
    expect(withCis.split("## 3. AnalyzeStack")[1]).toContain(
      "| 10,000 | 20 | 18.0 MiB | 9000 ms | 6000 ms | 5000 ms | **1.20×** |",
    );
    expect(renderConsoleSummary({ ...report, cisMonitoring, targets: [] })).toContain(
      "analyze with config/cis-monitoring.json 10,000: pack 6000 ms, no-op 5000 ms, ratio 1.20× (CPU 1.20×); peak RSS 1200.0 MiB vs 1000.0 MiB; 3 diagnostics",
    );
  });

  it("shows each control's slowest verdict against 20 ms and its first verdict in a fresh process", () => {
    const filter = {
      cases: [
        {
          name: "vpc-changes: worst-case JSON pattern",
          control: "vpc-changes",
          timingsMs: { "median parse + verdict": 1.5 },
          worstMs: 1.5,
          details: { verdict: "covers" },
        },
      ],
      worstMs: 1.5,
      worstCase: "vpc-changes: worst-case JSON pattern",
      controls: [
        {
          control: "vpc-changes",
          cases: 9,
          worstMs: 1.5,
          worstCpuMs: 1.25,
          worstCase: "worst-case JSON pattern",
          verdict: "covers",
        },
      ],
      firstVerdicts: [
        { control: "vpc-changes", familySize: 148, loadMs: 262.4, firstVerdictMs: 56.6, verdict: "covers" },
      ],
    };
    const withFilter = renderBenchmarksMarkdown({ ...report, filter });
    expect(withFilter).toContain("## 4. Filter-pattern worst cases and coverage per control");
    expect(withFilter).toContain("| vpc-changes | 9 | **1.5 ms** | 1.3 ms | worst-case JSON pattern | covers | PASS |");
    expect(withFilter).toContain("| vpc-changes | 148 | 262 ms | 56.6 ms | covers |");
    expect(renderConsoleSummary({ ...report, filter, targets: [] })).toContain(
      "coverage vpc-changes: slowest verdict 1.5 ms (worst-case JSON pattern); first verdict in a fresh process 56.6 ms",
    );
  });

  it("leaves out sections that did not run", () => {
    expect(md).not.toContain("## 3. AnalyzeStack");
    expect(md).not.toContain("## 4. Filter-pattern");
    expect(md).not.toContain("## 5. Published install size");
    expect(md).not.toContain("## Profile");
  });
});

describe("renderConsoleSummary", () => {
  it("prints one line per measurement and per target", () => {
    expect(renderConsoleSummary(report).split("\n")).toEqual([
      "start-up: pack 1100 ms, empty 1000 ms, ratio 1.10×",
      "analyze 10,000: pack 6000 ms, no-op 5000 ms, ratio 1.20× (CPU 1.20×); peak RSS 1200.0 MiB vs 1000.0 MiB; 3 diagnostics",
      "PASS  Start-up vs empty pack: 1.10× (target ≤ 1.10×)",
      "PASS  AnalyzeStack at 10,000 resources vs no-op: 1.20× (target ≤ 1.25×)",
      "PASS  Peak memory at 10,000 resources vs no-op: 1.20× (target ≤ 1.25×)",
    ]);
  });
});
