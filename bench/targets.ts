/** The benchmark's targets, checked against a run's results. */
import type { AnalyzeSizeResult } from "./analyze-stack";
import type { BenchReport, TargetCheck } from "./results";
import { formatMiB, formatMs, formatRatio, ratio } from "./stats";

/** The limits, in one place. */
export const targetLimits = {
  /** This pack's start-up median / the empty pack's. */
  startupRatio: 1.1,
  /** This pack's AnalyzeStack median / the no-op pack's, at sizes of at least `analyzeRatioFromSize`. */
  analyzeRatio: 1.25,
  analyzeRatioFromSize: 10000,
  /**
   * This pack's median at 50k / at 10k: at most `maxRatio`, or, when the no-op pack itself grows by more than that
   * (the SDK's own conversion is superlinear on a quiet machine here: 6.56× on 2026-12-02), at most
   * `overFloorGrowth` × the no-op pack's growth. No pack can grow less than its floor.
   */
  scaling: { small: 10000, large: 50000, maxRatio: 5.5, overFloorGrowth: 1.1 },
  /** This pack's peak RSS / the no-op pack's, at sizes of at least `analyzeRatioFromSize`. */
  memoryRatio: 1.25,
  /** The slowest filter-pattern case, and each control's slowest coverage verdict. */
  filterWorstMs: 20,
  /** Disk used by a production install of the published tarball / that of an empty pack's (bench/install-size.ts). */
  installRatio: 1.1,
} as const;

function check(
  name: string,
  target: string,
  measuredValue: number,
  limit: number,
  format: (n: number) => string,
  strict = false,
): TargetCheck {
  const pass = Number.isFinite(measuredValue) && (strict ? measuredValue < limit : measuredValue <= limit);
  return { name, target, measured: format(measuredValue), pass };
}

/**
 * The AnalyzeStack targets of one run: time and memory ratios from 10,000 resources on, and the 50k/10k scaling
 * when both sizes ran. `prefix` names the run (empty for the default one).
 */
function analyzeChecks(sizes: readonly AnalyzeSizeResult[], prefix = ""): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const l = targetLimits;
  for (const s of sizes.filter((r) => r.size >= l.analyzeRatioFromSize)) {
    checks.push(
      check(
        `${prefix}AnalyzeStack at ${s.size.toLocaleString("en-US")} resources vs no-op`,
        `≤ ${formatRatio(l.analyzeRatio)}`,
        ratio(s.pack.medianMs, s.noop.medianMs),
        l.analyzeRatio,
        formatRatio,
      ),
    );
  }
  const small = sizes.find((r) => r.size === l.scaling.small);
  const large = sizes.find((r) => r.size === l.scaling.large);
  if (small && large) {
    const floorGrowth = ratio(large.noop.medianMs, small.noop.medianMs);
    const c = check(
      `${prefix}AnalyzeStack ${large.size.toLocaleString("en-US")} / ${small.size.toLocaleString("en-US")} time`,
      `≤ ${formatRatio(l.scaling.maxRatio)}, or ≤ ${l.scaling.overFloorGrowth.toFixed(2)} × the no-op's growth when that is over ${formatRatio(l.scaling.maxRatio)}`,
      ratio(large.pack.medianMs, small.pack.medianMs),
      Math.max(l.scaling.maxRatio, l.scaling.overFloorGrowth * floorGrowth),
      formatRatio,
    );
    checks.push({
      ...c,
      measured: `${c.measured} (no-op: ${formatRatio(floorGrowth)})`,
    });
  }
  for (const s of sizes.filter((r) => r.size >= l.analyzeRatioFromSize)) {
    const r = ratio(s.pack.peakRssBytes, s.noop.peakRssBytes);
    const c = check(
      `${prefix}Peak memory at ${s.size.toLocaleString("en-US")} resources vs no-op`,
      `≤ ${formatRatio(l.memoryRatio)}`,
      r,
      l.memoryRatio,
      formatRatio,
    );
    checks.push({
      ...c,
      measured: `${c.measured} (${formatMiB(s.pack.peakRssBytes)} vs ${formatMiB(s.noop.peakRssBytes)})`,
    });
  }
  return checks;
}

/** The name the CIS-monitoring run's targets start with. */
export function cisTargetPrefix(configFile: string | undefined, stackPolicyCount: number): string {
  return `${configFile ?? "default config"} (${stackPolicyCount} stack policies): `;
}

/**
 * Checks every target the run has numbers for: start-up ratio; AnalyzeStack ratio and memory ratio at sizes of
 * 10,000 and more and 50k/10k scaling when both sizes ran, for the default run and for the CIS-monitoring run; the
 * published install's size; the slowest filter-pattern case, and each control's slowest coverage verdict. A target
 * whose measurement is not a finite number fails.
 */
export function evaluateTargets(report: Omit<BenchReport, "targets">): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const l = targetLimits;
  if (report.startup) {
    checks.push(
      check(
        "Start-up vs empty pack",
        `≤ ${formatRatio(l.startupRatio)}`,
        ratio(report.startup.packMedianMs, report.startup.emptyMedianMs),
        l.startupRatio,
        formatRatio,
      ),
    );
  }
  checks.push(...analyzeChecks(report.analyze));
  const cis = report.cisMonitoring;
  if (cis) checks.push(...analyzeChecks(cis.sizes, cisTargetPrefix(cis.configFile, cis.stackPolicyCount)));
  if (report.install) {
    const { packBytes, emptyBytes } = report.install;
    const c = check(
      "Published install vs empty pack",
      `≤ ${formatRatio(l.installRatio)}`,
      ratio(packBytes, emptyBytes),
      l.installRatio,
      formatRatio,
    );
    checks.push({ ...c, measured: `${c.measured} (${formatMiB(packBytes)} vs ${formatMiB(emptyBytes)})` });
  }
  if (report.filter) {
    const c = check(
      "Filter-pattern worst case",
      `< ${l.filterWorstMs} ms`,
      report.filter.worstMs,
      l.filterWorstMs,
      formatMs,
      true,
    );
    checks.push({ ...c, measured: `${c.measured} (${report.filter.worstCase})` });
    for (const row of report.filter.controls) {
      const perControl = check(
        `Coverage verdict, slowest for ${row.control}`,
        `< ${l.filterWorstMs} ms`,
        row.worstMs,
        l.filterWorstMs,
        formatMs,
        true,
      );
      checks.push({ ...perControl, measured: `${perControl.measured} (${row.worstCase})` });
    }
  }
  return checks;
}
