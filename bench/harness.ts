/**
 * Runs the benchmark sections the options ask for and gathers one report. The entry point (bench/run.ts) adds
 * the command line, the console output and the file; the smoke test calls {@link runBench} directly.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packName, policies } from "../policies";
import { AnalyzeSizeResult, AnalyzeTarget, measureAnalyzeSize } from "./analyze-stack";
import { toolRoot } from "../tools/project-root";
import { buildReferencePacks } from "./bench-packs";
import { runFilterSection } from "./filter-section";
import { installPublishedPack } from "./install-size";
import { BenchOptions, runsFor } from "./options";
import { ProfileSummary, summarizeProfilesIn } from "./profile-summary";
import type { BenchReport, MachineInfo, StartupResult } from "./results";
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

/** The number of stack policies in this pack: the no-op floor gets as many. */
export function countStackPolicies(list: readonly object[]): number {
  return list.filter((p) => "validateStack" in p).length;
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

async function runStartup(pack: StartupTarget, empty: StartupTarget, runs: number, log: (line: string) => void): Promise<StartupResult> {
  log(`start-up: ${runs} runs each of ${pack.label} and ${empty.label}`);
  const samples = await sampleStartups([pack, empty], runs, (label, ms) => log(`  ${label}: ${ms.toFixed(0)} ms`));
  return {
    packLabel: pack.label,
    emptyLabel: empty.label,
    packSamplesMs: samples[pack.label],
    emptySamplesMs: samples[empty.label],
    packMedianMs: median(samples[pack.label]),
    emptyMedianMs: median(samples[empty.label]),
  };
}

/** Runs the benchmark and returns its report (targets included); writes nothing. */
export async function runBench(options: BenchOptions, context: BenchContext = {}): Promise<BenchReport> {
  const log = context.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const projectRoot = context.projectRoot ?? toolRoot(__dirname);
  const loadAverageStart = os.loadavg()[0];
  const main = path.join(projectRoot, "bin", "index.js");
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: compile the pack first (npm run build)`);
  const stackPolicyCount = countStackPolicies(policies);
  const refs = buildReferencePacks(projectRoot, stackPolicyCount);
  const packLabel = `this pack (${packName})`;

  let startup: StartupResult | undefined;
  if (options.sections.includes("startup")) {
    startup = await runStartup(
      { label: packLabel, packDir: projectRoot, entry: "." },
      { label: "empty pack", packDir: refs.emptyPackDir, entry: "." },
      options.startupRuns,
      log,
    );
  }

  const analyze: AnalyzeSizeResult[] = [];
  const calibration: AnalyzeSizeResult[] = [];
  let profiles: ProfileSummary[] = [];
  if (options.sections.includes("analyze")) {
    const profileDir = options.cpuProfDir ? path.resolve(options.cpuProfDir) : undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const packTarget: AnalyzeTarget = {
      label: packLabel,
      packDir: projectRoot,
      entry: ".",
      env: profileDir ? { NODE_OPTIONS: `--require ${refs.cpuProfilerScript}`, BENCH_CPU_PROF_DIR: profileDir } : {},
    };
    const noopTarget: AnalyzeTarget = { label: `no-op pack (${stackPolicyCount} stack policies)`, packDir: refs.noopPackDir, entry: "." };
    log(`AnalyzeStack: sizes ${options.sizes.join(", ")}`);
    for (const size of options.sizes) {
      analyze.push(await measureAnalyzeSize(size, { pack: packTarget, noop: noopTarget }, runsFor(options, size), log));
      if (options.calibrate) {
        log(`  calibration (A/A): ${noopTarget.label} against itself`);
        const copy: AnalyzeTarget = { ...noopTarget, label: `${noopTarget.label}, second copy` };
        calibration.push(await measureAnalyzeSize(size, { pack: copy, noop: noopTarget }, runsFor(options, size), log));
      }
    }
    if (profileDir) profiles = summarizeProfilesIn(profileDir, projectRoot);
  }

  let filter: BenchReport["filter"];
  if (options.sections.includes("filter")) {
    log(`filter-pattern: ${options.filterIterations} iterations per case`);
    filter = runFilterSection(options.filterIterations);
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
    startup,
    analyze,
    calibration,
    filter,
    install,
    profiles,
  };
  return { ...partial, targets: evaluateTargets(partial) };
}
