/**
 * The load section: many AnalyzeStack calls of one realistic 1k-resource first-preview stack
 * (bench/synthetic-stack.ts) to one compiled pack process, back to back and then many in flight at once, with
 * the pack's resident memory (VmRSS in /proc/<pid>/status) before, after the first call and at the end. Every
 * answer must be the first one: concurrent requests must not see each other's state (the pack caches its stack
 * model by fingerprint and keeps each request's secrets in an AsyncLocalStorage context).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { encodeAnalyzeStackRequest, RawAnalyzeClient, type AnalyzeStackOutcome } from "../../bench/raw-analyze";
import { buildSyntheticStack } from "../../bench/synthetic-stack";
import { startPack } from "../../tools/engine";
import { FindingLog } from "../findings";
import type { Progress } from "../progress";

export interface LoadSectionOptions {
  readonly packDir: string;
  /** Calls back to back, and again with `concurrency` in flight. */
  readonly calls: number;
  readonly concurrency: number;
  readonly resources: number;
  readonly seed: number;
  readonly progress: Progress;
}

export interface LoadSectionResult {
  readonly resources: number;
  readonly requestBytes: number;
  readonly sequential: { readonly calls: number; readonly ms: number; readonly failures: number };
  readonly concurrent: {
    readonly calls: number;
    readonly inFlight: number;
    readonly ms: number;
    readonly failures: number;
  };
  /** Resident set size of the pack process, bytes. */
  readonly rss: {
    readonly beforeFirstCall: number;
    readonly afterFirstCall: number;
    readonly afterSequential: number;
    readonly end: number;
  };
  /** RSS after each fiftieth of the calls, back to back then concurrent (100 samples). */
  readonly rssSamples: readonly number[];
  /**
   * The heap in use after a full collection, at the same points (fuzz/memory-probe.ts in the pack's process): a leak
   * shows as steady growth. Empty when the probe did not answer.
   */
  readonly heapSamples: readonly number[];
  readonly differentAnswers: number;
  readonly elapsedMs: number;
  readonly findings: FindingLog;
}

/** The resident set size of a process, from /proc (Linux); 0 when it can't be read. */
export function residentBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/** RSS samples per phase: enough that a median sees through the swings of V8's collections. */
const SAMPLES_PER_PHASE = 50;

/** The memory probe's answer file for one pack process. */
interface ProbeReading {
  readonly sample: number;
  readonly heapUsed: number;
  readonly rss: number;
}

/**
 * Asks the probe in the pack's process (SIGUSR2) for its heap after a full collection, and waits for the answer (the
 * pack handles the signal between requests); undefined when none comes within `timeoutMs`.
 */
async function liveHeap(pid: number, file: string, sample: number, timeoutMs = 10_000): Promise<number | undefined> {
  try {
    process.kill(pid, "SIGUSR2");
  } catch {
    return undefined;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const reading = JSON.parse(fs.readFileSync(file, "utf8")) as ProbeReading;
      if (reading.sample === sample) return reading.heapUsed;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return undefined;
}

const answerOf = (outcome: AnalyzeStackOutcome): string =>
  JSON.stringify([
    outcome.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.urn, d.message]),
    outcome.notApplicable,
  ]);

export async function runLoadSection(options: LoadSectionOptions): Promise<LoadSectionResult> {
  const started = Date.now();
  const findings = new FindingLog();
  const stack = buildSyntheticStack({ size: options.resources, seed: options.seed >>> 0 || 1 });
  const request = encodeAnalyzeStackRequest(stack.resources);
  const probeFile = path.join(os.tmpdir(), `fuzz-memory-probe-${process.pid}-${Date.now()}.json`);
  // The compiled probe (this file may run from source, under jest).
  const probe = path.join(options.packDir, "bin", "fuzz", "memory-probe.js");
  const probeEnv = fs.existsSync(probe)
    ? {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(probe)}`.trim(),
        FUZZ_MEMORY_PROBE: probeFile,
      }
    : {};
  const pack = await startPack({
    packDir: options.packDir,
    env: { ...process.env, ...probeEnv },
    stack: "bench",
    project: "bench",
    dryRun: true,
    stackConfig: { "aws:region": "us-east-1" },
  });
  const client = new RawAnalyzeClient(pack.port);
  let differentAnswers = 0;
  try {
    await pack.configure(undefined);
    const beforeFirstCall = residentBytes(pack.pid);
    const expected = answerOf(await client.analyzeStack(request));
    const afterFirstCall = residentBytes(pack.pid);
    const one = async (phase: string, index: number): Promise<boolean> => {
      try {
        const answer = answerOf(await client.analyzeStack(request));
        if (answer !== expected) {
          differentAnswers++;
          findings.add({
            kind: "different-answer",
            detail: `${phase} call ${index} answered differently from the first`,
            reproducer: `--seed ${options.seed} load`,
          });
        }
        return true;
      } catch (error) {
        findings.add({
          kind: "crash",
          detail: `${phase} call ${index}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
          reproducer: `--seed ${options.seed} load`,
        });
        return false;
      }
    };

    const rssSamples: number[] = [];
    const heapSamples: number[] = [];
    let probeAnswers = true;
    const every = Math.max(1, Math.floor(options.calls / SAMPLES_PER_PHASE));
    // One probe reading at a time (signals sent while one is pending may merge into one).
    let probing: Promise<void> = Promise.resolve();
    const sample = (done: number): Promise<void> => {
      if (done % every !== 0) return Promise.resolve();
      probing = probing.then(async () => {
        rssSamples.push(residentBytes(pack.pid));
        if (!probeAnswers) return;
        const heap = await liveHeap(pack.pid, probeFile, rssSamples.length);
        if (heap === undefined) probeAnswers = false;
        else heapSamples.push(heap);
      });
      return probing;
    };
    let failures = 0;
    const t0 = Date.now();
    for (let k = 0; k < options.calls; k++) {
      if (!(await one("back-to-back", k))) failures++;
      await sample(k + 1);
      options.progress.tick(() => `load: ${k + 1} of ${options.calls} back-to-back calls`);
    }
    const sequential = { calls: options.calls, ms: Date.now() - t0, failures };
    const afterSequential = residentBytes(pack.pid);

    let concurrentFailures = 0;
    let next = 0;
    let done = 0;
    const t1 = Date.now();
    const worker = async (): Promise<void> => {
      while (next < options.calls) {
        const index = next++;
        if (!(await one("concurrent", index))) concurrentFailures++;
        done++;
        await sample(done);
        options.progress.tick(
          () => `load: ${done} of ${options.calls} concurrent calls (${options.concurrency} in flight)`,
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.calls) }, worker));
    const concurrent = {
      calls: options.calls,
      inFlight: options.concurrency,
      ms: Date.now() - t1,
      failures: concurrentFailures,
    };
    const end = residentBytes(pack.pid);
    return {
      resources: stack.resources.length,
      requestBytes: request.length,
      sequential,
      concurrent,
      rss: { beforeFirstCall, afterFirstCall, afterSequential, end },
      rssSamples,
      heapSamples: probeAnswers ? heapSamples : [],
      differentAnswers,
      elapsedMs: Date.now() - started,
      findings,
    };
  } finally {
    client.close();
    await pack.close();
    fs.rmSync(probeFile, { force: true });
  }
}
