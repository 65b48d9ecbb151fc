/** The command line of `npm run bench`, parsed into options without throwing. */
import { OptionSpecs, readCommandLine } from "../tools/command-line";
import { minimumStackSize } from "./synthetic-stack";

/**
 * The parts of the benchmark, in the order they run: `analyze` is the default configuration, `cis` the run with
 * config/cis-monitoring.json on stacks that monitor every CIS control.
 */
export type BenchSection = "startup" | "analyze" | "cis" | "filter" | "install";
export const allSections: readonly BenchSection[] = ["startup", "analyze", "cis", "filter", "install"];

/** What one benchmark run does. */
export interface BenchOptions {
  /** Tiny sizes and few runs, to check that the harness works. */
  smoke: boolean;
  sections: BenchSection[];
  /** Stack sizes for the AnalyzeStack round trip in the default configuration. */
  sizes: number[];
  /** Stack sizes for the run with config/cis-monitoring.json. */
  cisSizes: number[];
  /** Timed AnalyzeStack calls per pack and size (after one untimed first call), below `largeSize` resources. */
  runs: number;
  /** Timed calls per pack at sizes of `largeSize` and more (a 50,000-resource call takes about a minute). */
  largeRuns: number;
  /** Start-ups per pack. */
  startupRuns: number;
  /** Iterations per filter-pattern case. */
  filterIterations: number;
  /** Where to write the markdown report; undefined: do not write. */
  out: string | undefined;
  /** Also measure the no-op pack against a second copy of itself at each size (an A/A run: the noise floor). */
  calibrate: boolean;
  /** When set, this pack is CPU-profiled into this directory during the AnalyzeStack section. */
  cpuProfDir: string | undefined;
  help: boolean;
}

/** Stacks of this many resources and more get `largeRuns` timed calls instead of `runs`. */
export const largeSize = 50000;

/** The number of timed AnalyzeStack calls per pack at `size`. */
export function runsFor(options: Pick<BenchOptions, "runs" | "largeRuns">, size: number): number {
  return size >= largeSize ? options.largeRuns : options.runs;
}

/** The outcome of {@link parseBenchArgs}. */
export type ParseBenchArgsResult = { ok: true; options: BenchOptions } | { ok: false; message: string };

/** The usage text printed by `--help` and after a bad option. */
export const usage = `usage: npm run bench -- [options]
  --smoke              tiny sizes (200 resources, 2 start-ups, 2 runs); writes nothing unless --write or --out
  --sizes 1000,10000   stack sizes for the AnalyzeStack round trip (default 1000,10000,50000)
  --cis-sizes 1000,10000  stack sizes for the run with config/cis-monitoring.json, on stacks that monitor
                       every CIS control (default 1000,10000; at least ${minimumStackSize("cis")})
  --runs N             timed AnalyzeStack calls per pack and size (default 5; also sets --large-runs)
  --large-runs N       timed calls per pack at 50,000 resources and more (default 5)
  --startup-runs N     start-ups per pack (default 31: start-up times here spread from 1.2 s to 1.8 s)
  --filter-iterations N  iterations per filter-pattern case (default 50)
  --sections LIST      any of startup,analyze,cis,filter,install (default all; cis: the run with
                       config/cis-monitoring.json; install: npm pack and a production install of the
                       tarball against an empty pack's, about a minute)
  --out FILE           write the report to FILE (default BENCHMARKS.md at the project root)
  --calibrate          also time the no-op pack against itself at each size (A/A: how much noise to expect)
  --write              write the report even with --smoke or --cpu-prof
  --cpu-prof DIR       CPU-profile this pack during the AnalyzeStack section into DIR; prints the top functions
  --help               this text`;

const defaultReportFile = "BENCHMARKS.md";

const options = {
  smoke: { type: "boolean" },
  write: { type: "boolean" },
  calibrate: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  sizes: { type: "string" },
  "cis-sizes": { type: "string" },
  runs: { type: "string" },
  "large-runs": { type: "string" },
  "startup-runs": { type: "string" },
  "filter-iterations": { type: "string" },
  sections: { type: "string" },
  out: { type: "string" },
  "cpu-prof": { type: "string" },
} as const satisfies OptionSpecs;

/** Reads `--name N` as a positive integer: undefined when absent, a message when not a positive integer. */
function countOption(name: string, text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  const parsed = parsePositiveInteger(text);
  return typeof parsed === "string" ? `--${name}: ${parsed}` : parsed;
}

/**
 * Parses the arguments after `node bin/bench/run.js` (node:util parseArgs: `--x v` or `--x=v`). `--out` defaults to
 * BENCHMARKS.md unless `--smoke` or `--cpu-prof` is given (their numbers are not the ones to publish), in which
 * case only `--write` or `--out` writes.
 */
export function parseBenchArgs(argv: readonly string[]): ParseBenchArgsResult {
  const read = readCommandLine(argv, options, false);
  if (!read.ok) return read;
  const { values } = read;

  let sizes: number[] | undefined;
  if (values.sizes !== undefined) {
    const list = parseIntegerList(values.sizes, minimumStackSize("cloudtrail-changes"));
    if (typeof list === "string") return { ok: false, message: `--sizes: ${list}` };
    sizes = list;
  }
  let cisSizes: number[] | undefined;
  if (values["cis-sizes"] !== undefined) {
    const list = parseIntegerList(values["cis-sizes"], minimumStackSize("cis"));
    if (typeof list === "string") return { ok: false, message: `--cis-sizes: ${list}` };
    cisSizes = list;
  }
  const counts = (["runs", "large-runs", "startup-runs", "filter-iterations"] as const).map((name) =>
    countOption(name, values[name]),
  );
  const bad = counts.find((c): c is string => typeof c === "string");
  if (bad !== undefined) return { ok: false, message: bad };
  const [runs, largeRuns, startupRuns, filterIterations] = counts as (number | undefined)[];
  let sections: BenchSection[] = [...allSections];
  if (values.sections !== undefined) {
    const list = parseSections(values.sections);
    if (typeof list === "string") return { ok: false, message: `--sections: ${list}` };
    sections = list;
  }
  if (values.out === "") return { ok: false, message: "--out: expected a file name" };
  if (values["cpu-prof"] === "") return { ok: false, message: "--cpu-prof: expected a directory" };

  const smoke = values.smoke === true;
  const cpuProfDir = values["cpu-prof"];
  const quiet = smoke || cpuProfDir !== undefined;
  return {
    ok: true,
    options: {
      smoke,
      sections,
      sizes: sizes ?? (smoke ? [200] : [1000, 10000, 50000]),
      cisSizes: cisSizes ?? (smoke ? [200] : [1000, 10000]),
      runs: runs ?? (smoke ? 2 : 5),
      largeRuns: largeRuns ?? runs ?? (smoke ? 2 : 5),
      startupRuns: startupRuns ?? (smoke ? 2 : 31),
      filterIterations: filterIterations ?? (smoke ? 3 : 50),
      out: values.out ?? (values.write === true || !quiet ? defaultReportFile : undefined),
      calibrate: values.calibrate === true,
      cpuProfDir,
      help: values.help === true,
    },
  };
}

function parsePositiveInteger(text: string): number | string {
  if (!/^\d+$/.test(text)) return `expected a positive integer, got '${text}'`;
  const n = Number(text);
  return n >= 1 ? n : `expected a positive integer, got '${text}'`;
}

function parseIntegerList(text: string, min: number): number[] | string {
  if (!text) return "expected a comma-separated list of integers";
  const items = text.split(",");
  const values: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const parsed = parsePositiveInteger(items[k].trim());
    if (typeof parsed === "string" || parsed < min)
      return `item ${k + 1}: ${typeof parsed === "string" ? parsed : `expected at least ${min}`}`;
    values.push(parsed);
  }
  return values;
}

function parseSections(text: string): BenchSection[] | string {
  if (!text) return `expected a comma-separated list of ${allSections.join(", ")}`;
  const result: BenchSection[] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    const section = allSections.find((s) => s === item);
    if (!section) return `unknown section '${item}' (expected ${allSections.join(", ")})`;
    if (!result.includes(section)) result.push(section);
  }
  return result;
}
