/** The command line of `npm run fuzz`, parsed into options without throwing (node:util parseArgs). */
import { minimumSyntheticStackSize } from "../bench/synthetic-stack";
import { OptionSpecs, readCommandLine } from "../tools/command-line";

export type FuzzSection = "patterns" | "stacks" | "inputs" | "load";
export const allSections: readonly FuzzSection[] = ["patterns", "stacks", "inputs", "load"];

/** What one fuzz run does. */
export interface FuzzOptions {
  readonly seed: number;
  readonly sections: readonly FuzzSection[];
  readonly patterns: number;
  readonly stacks: number;
  /** Bad-input cases to run (all of them when undefined). */
  readonly inputs: number | undefined;
  /** Only the bad inputs that answer at once (no program run, no pack start). */
  readonly fastInputsOnly: boolean;
  readonly loadCalls: number;
  readonly loadConcurrency: number;
  readonly loadResources: number;
  /** Seconds after which the sections stop generating (undefined: no limit). */
  readonly timeBudgetSeconds: number | undefined;
  readonly smoke: boolean;
  /** Where to write the report; undefined: do not write. */
  readonly out: string | undefined;
  readonly help: boolean;
}

/** The counts the reliability figures are published at. */
export const requiredCounts = {
  patterns: 1_000_000,
  stacks: 10_000,
  loadCalls: 1_000,
  loadConcurrency: 50,
  loadResources: 1_000,
} as const;

/** Small counts that take seconds: what `npm test` runs. */
export const smokeCounts = {
  patterns: 800,
  stacks: 8,
  inputs: 5,
  loadCalls: 3,
  loadConcurrency: 3,
  loadResources: 100,
} as const;

export const defaultReportFile = "RELIABILITY.md";

export const usage = `usage: npm run fuzz -- [options]
  --seed N               the run's seed (default 1): the same seed generates the same inputs
  --sections LIST        any of patterns,stacks,inputs,load (default all)
  --patterns N           filter patterns to generate and mutate (default 1000000)
  --stacks N             random stacks to send to the pack (default 10000)
  --inputs N             bad-input cases to run, picked by the seed (default all)
  --load-calls N         AnalyzeStack calls back to back, then as many concurrently (default 1000)
  --load-concurrency N   concurrent calls in flight (default 50)
  --load-resources N     resources of the load stack (default 1000)
  --time-budget SECONDS  stop generating after this long; each section reports how far it got
  --smoke                small counts, seconds (what npm test runs); writes nothing unless --out
  --out FILE             write the report to FILE (default RELIABILITY.md at the project root)
  --help                 this text
exit status: 0 no failure found, 1 failures found (or the run failed), 2 bad usage`;

const options = {
  seed: { type: "string" },
  sections: { type: "string" },
  patterns: { type: "string" },
  stacks: { type: "string" },
  inputs: { type: "string" },
  "load-calls": { type: "string" },
  "load-concurrency": { type: "string" },
  "load-resources": { type: "string" },
  "time-budget": { type: "string" },
  smoke: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpecs;

export type ParseFuzzArgsResult = { ok: true; options: FuzzOptions } | { ok: false; message: string };

function positive(name: string, text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) return `--${name}: expected a positive integer, got '${text}'`;
  return Number(text);
}

function parseSections(text: string): FuzzSection[] | string {
  if (text === "") return `--sections: expected a comma-separated list of ${allSections.join(", ")}`;
  const result: FuzzSection[] = [];
  for (const item of text.split(",").map((s) => s.trim())) {
    const section = allSections.find((s) => s === item);
    if (section === undefined) return `--sections: unknown section '${item}' (expected ${allSections.join(", ")})`;
    if (!result.includes(section)) result.push(section);
  }
  return result;
}

/** Parses the arguments after `node bin/fuzz/run.js`. */
export function parseFuzzArgs(argv: readonly string[]): ParseFuzzArgsResult {
  const read = readCommandLine(argv, options, false);
  if (!read.ok) return read;
  const { values } = read;
  let seed = 1;
  if (values.seed !== undefined) {
    if (!/^-?\d+$/.test(values.seed) || Math.abs(Number(values.seed)) > 2 ** 31 - 1) {
      return {
        ok: false,
        message: `--seed: expected an integer between -2147483647 and 2147483647, got '${values.seed}'`,
      };
    }
    seed = Number(values.seed);
  }
  const names = [
    "patterns",
    "stacks",
    "inputs",
    "load-calls",
    "load-concurrency",
    "load-resources",
    "time-budget",
  ] as const;
  const counts = names.map((name) => positive(name, values[name]));
  const bad = counts.find((c): c is string => typeof c === "string");
  if (bad !== undefined) return { ok: false, message: bad };
  const [patterns, stacks, inputs, loadCalls, loadConcurrency, loadResources, timeBudget] = counts as (
    number | undefined
  )[];
  let sections: readonly FuzzSection[] = allSections;
  if (values.sections !== undefined) {
    const list = parseSections(values.sections);
    if (typeof list === "string") return { ok: false, message: list };
    sections = list;
  }
  if (loadResources !== undefined && loadResources < minimumSyntheticStackSize) {
    return {
      ok: false,
      message: `--load-resources: expected at least ${minimumSyntheticStackSize}, got ${loadResources}`,
    };
  }
  if (values.out === "") return { ok: false, message: "--out: expected a file name" };
  const smoke = values.smoke === true;
  const base = smoke ? smokeCounts : { ...requiredCounts, inputs: undefined };
  return {
    ok: true,
    options: {
      seed,
      sections,
      patterns: patterns ?? base.patterns,
      stacks: stacks ?? base.stacks,
      inputs: inputs ?? base.inputs,
      fastInputsOnly: smoke && inputs === undefined,
      loadCalls: loadCalls ?? base.loadCalls,
      loadConcurrency: loadConcurrency ?? base.loadConcurrency,
      loadResources: loadResources ?? base.loadResources,
      timeBudgetSeconds: timeBudget,
      smoke,
      out: values.out ?? (smoke ? undefined : defaultReportFile),
      help: values.help === true,
    },
  };
}
