/** The results of one benchmark run, as the report and the targets read them. */
import type { AnalyzeSizeResult } from "./analyze-stack";
import type { FilterSectionResult } from "./filter-section";
import type { InstallSizeResult } from "./install-size";
import type { ProfileSummary } from "./profile-summary";

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

/** Everything one run measured. */
export interface BenchReport {
  date: string;
  machine: MachineInfo;
  smoke: boolean;
  runs: number;
  startupRuns: number;
  filterIterations: number;
  packName: string;
  stackPolicyCount: number;
  startup?: StartupResult;
  analyze: AnalyzeSizeResult[];
  /** With `--calibrate`: the no-op pack against a second copy of itself, per size (no target). */
  calibration: AnalyzeSizeResult[];
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
