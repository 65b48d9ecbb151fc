/** The results of one benchmark run, as the report and the targets read them. */
import type { AnalyzeSizeResult } from "./analyze-stack";
import type { FilterSectionResult } from "./filter-section";
import type { InstallSizeResult } from "./install-size";
import type { ProfileSummary } from "./profile-summary";
import type { MonitoredControls } from "./synthetic-stack";

/** The machine the numbers were measured on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  platform: string;
  /** The 1-minute load average when the run started and ended (0 where the OS has none). */
  loadAverageStart: number;
  loadAverageEnd: number;
}

/** Start-up of this pack and the empty pack. */
export interface StartupResult {
  packLabel: string;
  emptyLabel: string;
  packSamplesMs: number[];
  emptySamplesMs: number[];
  packMedianMs: number;
  emptyMedianMs: number;
}

/** One configuration of this pack measured against its no-op floor, at each stack size. */
export interface AnalyzeRun {
  /** The policy pack config file sent with `Configure`, relative to the project root; undefined: none. */
  configFile: string | undefined;
  /** This pack's enabled stack policies in that configuration, and the no-op floor's stack policies. */
  stackPolicyCount: number;
  /** What the synthetic stacks' chains monitor. */
  monitoring: MonitoredControls;
  sizes: AnalyzeSizeResult[];
  /** With `--calibrate`: the no-op pack against a second copy of itself, per size (no target). */
  calibration: AnalyzeSizeResult[];
}

/** Everything one run measured. */
export interface BenchReport {
  date: string;
  machine: MachineInfo;
  smoke: boolean;
  runs: number;
  startupRuns: number;
  filterIterations: number;
  packName: string;
  /** This pack's stack policies enabled by default: the default run's no-op floor has as many. */
  stackPolicyCount: number;
  /** All of this pack's stack policies, enabled or not. */
  stackPolicyTotal: number;
  startup?: StartupResult;
  /** The default configuration (no config file), CloudTrail-changes chains. */
  analyze: AnalyzeSizeResult[];
  /** With `--calibrate`: the no-op pack against a second copy of itself, per size (no target). */
  calibration: AnalyzeSizeResult[];
  /** The run with config/cis-monitoring.json on stacks that monitor every CIS control; undefined when not run. */
  cisMonitoring?: AnalyzeRun;
  /** Undefined when the filter section did not run. */
  filter?: FilterSectionResult;
  /** Undefined when the install section did not run. */
  install?: InstallSizeResult;
  profiles: ProfileSummary[];
  targets: TargetCheck[];
}

/** One target and whether the run met it. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}
