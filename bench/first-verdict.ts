/**
 * What one preview pays for a control's coverage: its first verdict in a fresh Node process, where the engine is
 * loaded and the control's record family and routine records are built before anything is judged. The pack loads
 * the engine on the first metric filter it judges (lib/monitoring/coverage.ts) and keeps families for the life of
 * the process, so a `pulumi preview` (one pack process, one AnalyzeStack) pays this once per control it checks.
 *
 * Run as `node bin/bench/first-verdict.js --first <control id>` it measures one control and prints JSON; the
 * benchmark spawns it once per control.
 */
import { execFileSync } from "child_process";
import { allControls } from "../lib/controls";
import { snippetPattern } from "../lib/controls/target";
import { judgeCoverage } from "../lib/coverage";
import { familyFor } from "../lib/coverage/family-cache";
import { elapsedMs } from "./stats";

/** A control's first verdict in a fresh process: loading the engine, then judging its fix-snippet pattern. */
export interface FirstVerdictResult {
  readonly control: string;
  /** Records in the control's family. */
  readonly familySize: number;
  /** From the process's start to the first verdict's start: Node's start-up and loading the engine and its data. */
  readonly loadMs: number;
  /** The first verdict: building the family and the routine records, then judging. */
  readonly firstVerdictMs: number;
  /** Its verdict, to show it judged what it claims. */
  readonly verdict: string;
}

/** Run in the child: judge once, print the figures. Returns undefined for an unknown control id. */
function measureFirstVerdict(controlId: string): FirstVerdictResult | undefined {
  // This file's imports have loaded the engine (lib/coverage) and the control data; no family is built yet.
  const loaded = performance.now();
  const control = allControls.find((candidate) => candidate.id === controlId);
  if (control === undefined) return undefined;
  const start = process.hrtime.bigint();
  const { verdict } = judgeCoverage(snippetPattern(control), control);
  const firstVerdictMs = elapsedMs(start);
  return {
    control: controlId,
    familySize: familyFor(control).positives.length,
    loadMs: loaded,
    firstVerdictMs,
    verdict,
  };
}

/**
 * Each control's first verdict, each in a fresh Node process running `script` (this file, compiled: under jest
 * `__filename` is the TypeScript source, which Node cannot run). `controls`: how many, in CIS order (default all).
 */
export function runFirstVerdictBench(script: string, controls = allControls.length): FirstVerdictResult[] {
  return allControls.slice(0, controls).map((control) => {
    const output = execFileSync(process.execPath, [script, "--first", control.id], { encoding: "utf8" });
    return JSON.parse(output) as FirstVerdictResult;
  });
}

// The child process of `runFirstVerdictBench`.
if (require.main === module && process.argv[2] === "--first") {
  const result = measureFirstVerdict(process.argv[3] ?? "");
  if (result === undefined) {
    process.stderr.write(`first-verdict: no control '${process.argv[3] ?? ""}'\n`);
    process.exitCode = 2;
  } else {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
