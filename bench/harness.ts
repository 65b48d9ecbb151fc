/**
 * Runs the benchmark sections the options ask for and gathers one report. The entry point (bench/run.ts) adds
 * the command line, the console output and the file; the smoke test calls {@link runBench} directly.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packName, policies } from "../policies";
import { readPolicyPackConfigFile, type PolicyPackConfigFile } from "../tools/engine";
import { AnalyzeSizeResult, AnalyzeTarget, measureAnalyzeSize } from "./analyze-stack";
import { toolRoot } from "../tools/project-root";
import { buildNoopPack, buildReferencePacks } from "./bench-packs";
import { enabledStackPolicyCount } from "./enabled-policies";
import { runFilterSection } from "./filter-section";
import { installPublishedPack } from "./install-size";
import { BenchOptions, runsFor } from "./options";
import { ProfileSummary, summarizeProfilesIn } from "./profile-summary";
import type { AnalyzeRun, BenchReport, MachineInfo, StartupResult } from "./results";
import type { MonitoredControls } from "./synthetic-stack";
import { median } from "./stats";
import { sampleStartups, StartupTarget } from "./startup";
import { evaluateTargets } from "./targets";

/** Where and how to run. */
export interface BenchContext {
  /** The project root (default: found from this file's directory). */
  projectRoot?: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

/** The pack's own level, for policies that set none (index.ts: `new PolicyPack(…, { enforcementLevel: "mandatory" })`). */
const packEnforcementLevel = "mandatory";

/** The config file of the CIS-monitoring run: every policy mandatory, so all fifteen controls are checked. */
export const cisMonitoringConfigFile = "config/cis-monitoring.json";

/** The number of this pack's stack policies that run under `config` (none: the default run); the no-op floor gets as many. */
export function enabledPackStackPolicies(config?: PolicyPackConfigFile): number {
  return enabledStackPolicyCount(policies, packEnforcementLevel, config);
}

function machineInfo(loadAverageStart: number): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageStart,
    loadAverageEnd: os.loadavg()[0],
  };
}

async function runStartup(
  pack: StartupTarget,
  empty: StartupTarget,
  runs: number,
  warmUp: boolean,
  log: (line: string) => void,
): Promise<StartupResult> {
  log(`start-up: ${runs} runs each of ${pack.label} and ${empty.label}`);
  const samples = await sampleStartups(
    [pack, empty],
    runs,
    (label, ms) => log(`  ${label}: ${ms.toFixed(0)} ms`),
    warmUp,
  );
  return {
    packLabel: pack.label,
    emptyLabel: empty.label,
    packSamplesMs: samples[pack.label],
    emptySamplesMs: samples[empty.label],
    packMedianMs: median(samples[pack.label]),
    emptyMedianMs: median(samples[empty.label]),
  };
}

/** One AnalyzeStack run: a configuration of this pack, the stacks it is measured on, and its floor. */
interface AnalyzeRunPlan {
  sizes: readonly number[];
  /** Enabled stack policies of this pack in the configuration: the no-op floor's count. */
  stackPolicyCount: number;
  monitoring: MonitoredControls;
  config?: PolicyPackConfigFile;
  configFile?: string;
}

/**
 * Measures this pack in one configuration against a no-op pack with as many enabled stack policies, at each size
 * of the plan (and, with `--calibrate`, the no-op pack against a second copy of itself).
 */
async function runAnalyze(
  plan: AnalyzeRunPlan,
  packTarget: AnalyzeTarget,
  options: BenchOptions,
  projectRoot: string,
  log: (line: string) => void,
): Promise<AnalyzeRun> {
  const noop: AnalyzeTarget = {
    label: `no-op pack (${plan.stackPolicyCount} stack policies)`,
    packDir: buildNoopPack(projectRoot, plan.stackPolicyCount),
    entry: ".",
  };
  const pack: AnalyzeTarget = { ...packTarget, config: plan.config };
  const configured = plan.configFile === undefined ? "" : ` with ${plan.configFile}`;
  log(`AnalyzeStack${configured}: sizes ${plan.sizes.join(", ")}, ${plan.stackPolicyCount} enabled stack policies`);
  const sizes: AnalyzeSizeResult[] = [];
  const calibration: AnalyzeSizeResult[] = [];
  for (const size of plan.sizes) {
    sizes.push(await measureAnalyzeSize(size, { pack, noop }, runsFor(options, size), log, plan.monitoring));
    if (options.calibrate) {
      log(`  calibration (A/A): ${noop.label} against itself`);
      const copy: AnalyzeTarget = { ...noop, label: `${noop.label}, second copy` };
      calibration.push(
        await measureAnalyzeSize(size, { pack: copy, noop }, runsFor(options, size), log, plan.monitoring),
      );
    }
  }
  return {
    configFile: plan.configFile,
    stackPolicyCount: plan.stackPolicyCount,
    monitoring: plan.monitoring,
    sizes,
    calibration,
  };
}

/** Runs the benchmark and returns its report (targets included); writes nothing. */
export async function runBench(options: BenchOptions, context: BenchContext = {}): Promise<BenchReport> {
  const log = context.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const projectRoot = context.projectRoot ?? toolRoot(__dirname);
  const loadAverageStart = os.loadavg()[0];
  const main = path.join(projectRoot, "bin", "index.js");
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: compile the pack first (npm run build)`);
  const stackPolicyCount = enabledPackStackPolicies();
  const refs = buildReferencePacks(projectRoot);
  const packLabel = `this pack (${packName})`;

  let startup: StartupResult | undefined;
  if (options.sections.includes("startup")) {
    startup = await runStartup(
      { label: packLabel, packDir: projectRoot, entry: "." },
      { label: "empty pack", packDir: refs.emptyPackDir, entry: "." },
      options.startupRuns,
      !options.smoke,
      log,
    );
  }

  const profileDir = options.cpuProfDir ? path.resolve(options.cpuProfDir) : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const packTarget: AnalyzeTarget = {
    label: packLabel,
    packDir: projectRoot,
    entry: ".",
    env: profileDir ? { NODE_OPTIONS: `--require ${refs.cpuProfilerScript}`, BENCH_CPU_PROF_DIR: profileDir } : {},
  };
  let analyze: AnalyzeRun | undefined;
  if (options.sections.includes("analyze")) {
    analyze = await runAnalyze(
      { sizes: options.sizes, stackPolicyCount, monitoring: "cloudtrail-changes" },
      packTarget,
      options,
      projectRoot,
      log,
    );
  }
  let cisMonitoring: AnalyzeRun | undefined;
  if (options.sections.includes("cis")) {
    const config = readPolicyPackConfigFile(path.join(projectRoot, cisMonitoringConfigFile));
    const plan: AnalyzeRunPlan = {
      sizes: options.cisSizes,
      stackPolicyCount: enabledPackStackPolicies(config),
      monitoring: "cis",
      config,
      configFile: cisMonitoringConfigFile,
    };
    cisMonitoring = await runAnalyze(plan, packTarget, options, projectRoot, log);
  }
  const profiles: ProfileSummary[] =
    profileDir && (analyze || cisMonitoring) ? summarizeProfilesIn(profileDir, projectRoot) : [];

  let filter: BenchReport["filter"];
  if (options.sections.includes("filter")) {
    log(`filter-pattern: ${options.filterIterations} iterations per case`);
    filter = runFilterSection(options.filterIterations, {
      firstVerdictScript: path.join(projectRoot, "bin", "bench", "first-verdict.js"),
      firstVerdictControls: options.smoke ? 1 : undefined,
      log,
    });
  }

  let install: BenchReport["install"];
  if (options.sections.includes("install")) {
    log("published install: npm pack, then production installs of the tarball and of an empty pack");
    const installed = await installPublishedPack(projectRoot);
    fs.rmSync(installed.scratchDir, { recursive: true, force: true });
    install = installed.result;
  }

  const partial: Omit<BenchReport, "targets"> = {
    date: new Date().toISOString(),
    machine: machineInfo(loadAverageStart),
    smoke: options.smoke,
    runs: options.runs,
    startupRuns: options.startupRuns,
    filterIterations: options.filterIterations,
    packName,
    stackPolicyCount,
    stackPolicyTotal: policies.length,
    startup,
    analyze: analyze?.sizes ?? [],
    calibration: analyze?.calibration ?? [],
    cisMonitoring,
    filter,
    install,
    profiles,
  };
  return { ...partial, targets: evaluateTargets(partial) };
}
