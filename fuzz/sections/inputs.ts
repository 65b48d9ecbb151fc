/**
 * The inputs section: every bad input of fuzz/sections/input-cases.ts given to its compiled entry point as a user
 * would (`node bin/...`), each in its own process group so that whatever it starts (the program's child process,
 * the pack, their children) can be found afterwards: on Linux, /proc/<pid>/stat gives each process's group.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FindingLog } from "../findings";
import { commandProblems, type CommandRun } from "../invariants/command-output";
import type { Progress } from "../progress";
import { derivedSeed } from "../random";
import { inputCases, type EntryPoint, type InputCase } from "./input-cases";

const scripts: Readonly<Record<EntryPoint, string>> = {
  start: "bin/tools/run.js",
  "test-metric-filter": "bin/tools/test-metric-filter.js",
  bench: "bin/bench/run.js",
  fuzz: "bin/fuzz/run.js",
};

/** A command's deadline: a program case waits for its run and the pack; the others answer at once. */
const deadlineMs = (c: InputCase): number => (c.slow ? 90_000 : 30_000);
/** How long processes of the group may take to exit after the command did. */
const graceMs = 2_000;

export interface InputSectionOptions {
  /** The project root (its bin/ holds the compiled entry points). */
  readonly root: string;
  /** Run at most this many cases (all when undefined), picked by the seed. */
  readonly limit?: number;
  /** Only cases that answer at once (no program run, no pack start). */
  readonly fastOnly?: boolean;
  readonly seed: number;
  readonly progress: Progress;
}

export interface InputSectionResult {
  readonly cases: number;
  readonly byEntryPoint: Readonly<Record<string, number>>;
  readonly passed: number;
  readonly nonZeroExits: number;
  readonly stackTraces: number;
  readonly leftovers: number;
  readonly elapsedMs: number;
  readonly findings: FindingLog;
}

/** The live (not zombie) processes whose process group is `group`, from /proc. */
export function processesInGroup(group: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] !== "Z" && Number(fields[2]) === group) found.push(Number(entry));
  }
  return found;
}

function killGroup(group: number): void {
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Runs one command in a new process group; counts what of the group outlives it, then ends those. */
export function runCommand(args: readonly string[], cwd: string, timeoutMs: number): Promise<CommandRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const group = child.pid as number;
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(group);
    }, timeoutMs);
    const settle = async (code: number | null, signal: string | null): Promise<void> => {
      clearTimeout(timer);
      const until = Date.now() + graceMs;
      let alive = processesInGroup(group);
      while (alive.length > 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        alive = processesInGroup(group);
      }
      if (alive.length > 0) killGroup(group);
      resolve({ code, signal, stdout, stderr, timedOut, leftovers: alive.length });
    };
    child.on("close", (code, signal) => void settle(code, signal));
  });
}

const bareProject = {
  "Pulumi.yaml": "name: scratch\nruntime: nodejs\n",
  "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n",
};

/** The cases to run: all, or `limit` of them picked by the seed (a stable shuffle). */
export function selectCases(seed: number, limit: number | undefined, fastOnly: boolean): InputCase[] {
  const pool = inputCases.filter((c) => !fastOnly || c.slow !== true);
  if (limit === undefined || limit >= pool.length) return [...pool];
  return pool
    .map((c) => ({ c, key: derivedSeed(seed, "inputs", c.id) }))
    .sort((a, b) => a.key - b.key)
    .slice(0, limit)
    .map(({ c }) => c);
}

export async function runInputSection(options: InputSectionOptions): Promise<InputSectionResult> {
  const started = Date.now();
  const findings = new FindingLog(10);
  const byEntryPoint: Record<string, number> = {};
  const state = { passed: 0, nonZeroExits: 0, stackTraces: 0, leftovers: 0 };
  const cases = selectCases(options.seed, options.limit, options.fastOnly === true);
  for (const c of cases) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-input-"));
    try {
      const files = { ...(c.program ? bareProject : {}), ...(c.files ?? {}) };
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const args = [path.join(options.root, scripts[c.entry]), ...c.args.map((a) => a.split("{dir}").join(dir))];
      const run = await runCommand(args, options.root, deadlineMs(c));
      byEntryPoint[c.entry] = (byEntryPoint[c.entry] ?? 0) + 1;
      if (run.code !== 0) state.nonZeroExits++;
      if (/^ {4}at /m.test(run.stderr + run.stdout)) state.stackTraces++;
      state.leftovers += run.leftovers;
      const problems = commandProblems(run, c.expect);
      if (problems.length === 0) state.passed++;
      else
        findings.add({
          kind: "input",
          detail: `${c.id}: ${problems.join("; ")}`,
          reproducer: `${c.entry} ${c.args.join(" ")}`.slice(0, 300),
        });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    options.progress.tick(
      () =>
        `inputs: ${Object.values(byEntryPoint).reduce((a, b) => a + b, 0)} of ${cases.length} cases, failures ${findings.total()}`,
    );
  }
  return { cases: cases.length, byEntryPoint, ...state, elapsedMs: Date.now() - started, findings };
}
