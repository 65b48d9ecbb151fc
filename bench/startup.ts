/**
 * Start-up time of a pack as the engine sees it: from spawning `node <run-policy-pack> <engineAddress> <entry>`
 * (cwd = the pack directory, the engine's environment) to the first stdout line, the port.
 */
import { spawn } from "child_process";
import * as path from "path";
import { packEnvironment } from "../tools/engine";
import { elapsedMs } from "./stats";

/** One pack to start. */
export interface StartupTarget {
  label: string;
  packDir: string;
  /** The program argument; `"."` (package.json `main`) as the language host passes it. */
  entry: string;
}

/** The stack config the benchmark's packs run with. */
export const benchStackConfig: Record<string, string> = { "aws:region": "us-east-1" };

/**
 * Spawns the pack, resolves with the milliseconds until its port line, then kills it and waits for its exit.
 * Rejects (with the pack's stderr) when it exits or prints something else first, or after `timeoutMs`.
 */
export function timeStartup(target: StartupTarget, timeoutMs = 60000): Promise<number> {
  const packDir = path.resolve(target.packDir);
  const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  const env = packEnvironment({ packDir, stack: "bench", project: "bench", stackConfig: benchStackConfig });
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:0", target.entry], {
      cwd: packDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let settled: { ms?: number; error?: Error } | undefined;
    const settle = (outcome: { ms?: number; error?: Error }): void => {
      if (settled) return;
      settled = outcome;
      clearTimeout(timer);
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () => settle({ error: new Error(`${target.label}: no port line within ${timeoutMs} ms\n${stderr}`) }),
      timeoutMs,
    );
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline < 0 || settled) return;
      const ms = elapsedMs(start);
      const line = stdout.slice(0, newline).trim();
      settle(
        /^\d+$/.test(line)
          ? { ms }
          : {
              error: new Error(
                `${target.label}: first stdout line is not a port: ${JSON.stringify(line.slice(0, 200))}`,
              ),
            },
      );
    });
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => settle({ error: new Error(`${target.label}: cannot spawn: ${error.message}`) }));
    child.on("exit", (code, signal) => {
      settle({
        error: new Error(`${target.label}: exited (${signal ?? `code ${code}`}) before printing its port\n${stderr}`),
      });
      if (settled?.error) reject(settled.error);
      else resolve(settled?.ms as number);
    });
  });
}

/** Start-up samples of each target, in milliseconds, in the order they were taken. */
export type StartupSamples = Record<string, number[]>;

/**
 * Starts the targets `runs` times each, alternating which goes first in each round (A B, B A, A B, …) so that
 * drifts in machine load fall on both alike. Unless `warmUp` is false (the smoke run), one untimed start of each
 * first warms the file-system cache.
 */
export async function sampleStartups(
  targets: readonly StartupTarget[],
  runs: number,
  onSample?: (label: string, ms: number) => void,
  warmUp = true,
): Promise<StartupSamples> {
  const samples: StartupSamples = {};
  for (const t of targets) {
    samples[t.label] = [];
    if (warmUp) await timeStartup(t);
  }
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const ms = await timeStartup(t);
      samples[t.label].push(ms);
      onSample?.(t.label, ms);
    }
  }
  return samples;
}
