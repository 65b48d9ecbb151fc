/**
 * Runs the sections a fuzz run asks for and gathers one report. The entry point (fuzz/run.ts) adds the command
 * line and the file; the smoke test in `npm test` calls {@link runFuzz} directly.
 */
import * as os from "os";
import type { Finding } from "./findings";
import { machineFacts, type MachineFacts } from "./machine";
import type { FuzzOptions } from "./options";
import { progressOn, type Progress } from "./progress";
import { runInputSection, type InputSectionResult } from "./sections/inputs";
import { runLoadSection, type LoadSectionResult } from "./sections/load";
import { runPatternSection, type PatternSectionResult } from "./sections/patterns";
import { runStackSection, type StackSectionResult } from "./sections/stacks";

export interface FuzzReport {
  readonly options: FuzzOptions;
  readonly machine: MachineFacts;
  readonly wallMs: number;
  readonly patterns?: PatternSectionResult;
  readonly stacks?: StackSectionResult;
  readonly inputs?: InputSectionResult;
  readonly load?: LoadSectionResult;
  /** Every failure kept as an example, by section. */
  readonly failures: readonly (Finding & { readonly section: string })[];
  /** Failures counted, all sections. */
  readonly failureCount: number;
}

export interface FuzzContext {
  /** The project root: the pack directory and where bin/ is. */
  readonly root: string;
  readonly progress?: Progress;
  /** Where failing stacks are written (none when undefined). */
  readonly failureDir?: string;
}

export async function runFuzz(options: FuzzOptions, context: FuzzContext): Promise<FuzzReport> {
  const started = Date.now();
  const machine = machineFacts();
  const progress = context.progress ?? progressOn();
  const deadline = options.timeBudgetSeconds === undefined ? undefined : started + options.timeBudgetSeconds * 1000;
  const wants = (section: FuzzOptions["sections"][number]): boolean => options.sections.includes(section);
  const run: { -readonly [K in "patterns" | "stacks" | "inputs" | "load"]?: FuzzReport[K] } = {};

  if (wants("patterns")) {
    progress.line(`patterns: ${options.patterns.toLocaleString("en-US")} generated and mutated filter patterns`);
    run.patterns = runPatternSection({
      count: options.patterns,
      seed: options.seed,
      root: context.root,
      deadline,
      progress,
    });
  }
  if (wants("stacks")) {
    progress.line(`stacks: ${options.stacks.toLocaleString("en-US")} random stacks over gRPC to one pack process`);
    run.stacks = await runStackSection({
      count: options.stacks,
      seed: options.seed,
      packDir: context.root,
      deadline,
      progress,
      failureDir: context.failureDir,
    });
  }
  if (wants("inputs")) {
    progress.line("inputs: bad input to every entry point");
    run.inputs = await runInputSection({
      root: context.root,
      limit: options.inputs,
      fastOnly: options.fastInputsOnly,
      seed: options.seed,
      progress,
    });
  }
  if (wants("load")) {
    progress.line(
      `load: ${options.loadCalls} back-to-back and ${options.loadCalls} concurrent calls of a ${options.loadResources}-resource stack`,
    );
    run.load = await runLoadSection({
      packDir: context.root,
      calls: options.loadCalls,
      concurrency: options.loadConcurrency,
      resources: options.loadResources,
      seed: options.seed,
      progress,
    });
  }

  const failures = (["patterns", "stacks", "inputs", "load"] as const).flatMap((section) =>
    (run[section]?.findings.examples() ?? []).map((finding) => ({ ...finding, section })),
  );
  const failureCount = (["patterns", "stacks", "inputs", "load"] as const).reduce(
    (n, section) => n + (run[section]?.findings.total() ?? 0),
    0,
  );
  machine.loadAverage.end = os.loadavg()[0] ?? 0;
  return { options, machine, wallMs: Date.now() - started, ...run, failures, failureCount };
}
