/**
 * The AnalyzeStack round trip over gRPC: this pack against a no-op pack with as many enabled stack policies, on the
 * same synthetic stack, alternating, each in a fresh process per stack size so that its peak memory (VmHWM) belongs
 * to that size. A pack may be configured (`Configure` with a policy pack config file, as `pulumi preview
 * --policy-pack-config` does) before the first call.
 */
import * as path from "path";
import { EngineDiagnostic, EngineResource, PackProcess, PolicyPackConfigFile, startPack } from "../tools/engine";
import { peakResidentBytes, processCpuMs } from "./memory";
import { AnalyzeStackOutcome, encodeAnalyzeStackRequest, RawAnalyzeClient } from "./raw-analyze";
import { elapsedMs, median } from "./stats";
import { benchStackConfig } from "./startup";
import { buildSyntheticStack, type MonitoredControls } from "./synthetic-stack";

/** A pack to measure and how to start it. */
export interface AnalyzeTarget {
  label: string;
  packDir: string;
  entry: string;
  /** Extra environment for the pack process (e.g. NODE_OPTIONS for --cpu-prof). */
  env?: NodeJS.ProcessEnv;
  /** The policy pack config sent with `Configure` (default: none, every policy at its own level). */
  config?: PolicyPackConfigFile;
}

/** The measurements of one pack at one stack size. */
export interface PackAnalyzeResult {
  label: string;
  /** The first AnalyzeStack call of a fresh process (what one `pulumi preview` pays); not in the median. */
  firstCallMs: number;
  samplesMs: number[];
  medianMs: number;
  /** CPU time (user + system) the pack process spent on each timed call; empty off Linux. */
  cpuSamplesMs: number[];
  cpuMedianMs: number;
  /** Peak resident set size of the pack process over start-up and all calls (VmHWM); undefined off Linux. */
  peakRssBytes: number | undefined;
  diagnostics: number;
  diagnosticsByPolicy: Record<string, number>;
  /** Advisory "can't run policy … during preview" diagnostics: a policy tripped over an unknown value. */
  previewErrors: number;
  notApplicable: number;
}

/** The measurements at one stack size. */
export interface AnalyzeSizeResult {
  size: number;
  chains: number;
  /** Serialized size of the AnalyzeStack request. */
  requestBytes: number;
  /** Median time the client (the bench) takes to build and serialize the request; done once, not in the timings. */
  clientEncodeMs: number;
  pack: PackAnalyzeResult;
  noop: PackAnalyzeResult;
}

type AnalyzeOutcome = AnalyzeStackOutcome;

const previewErrorMarker = "during preview: ";

/** Encodes the request once, timed: the bytes every call sends and how long the encoding took. */
export function encodeTimed(resources: EngineResource[]): { request: Buffer; ms: number } {
  const start = process.hrtime.bigint();
  const request = encodeAnalyzeStackRequest(resources);
  return { request, ms: elapsedMs(start) };
}

/** One timed call: wall time, the pack process's CPU time (when /proc has it) and the answer. */
interface TimedCall {
  ms: number;
  cpuMs: number | undefined;
  outcome: AnalyzeOutcome;
}

async function timedAnalyze(client: RawAnalyzeClient, pid: number, request: Buffer): Promise<TimedCall> {
  const cpuBefore = processCpuMs(pid);
  const start = process.hrtime.bigint();
  const outcome = await client.analyzeStack(request);
  const ms = elapsedMs(start);
  const cpuAfter = processCpuMs(pid);
  return { ms, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, outcome };
}

function summarize(
  label: string,
  first: TimedCall,
  calls: TimedCall[],
  peakRssBytes: number | undefined,
): PackAnalyzeResult {
  const outcome = calls.length > 0 ? calls[calls.length - 1].outcome : first.outcome;
  const samplesMs = calls.map((c) => c.ms);
  const cpuSamplesMs = calls.flatMap((c) => (c.cpuMs === undefined ? [] : [c.cpuMs]));
  const byPolicy: Record<string, number> = {};
  for (const d of outcome.diagnostics) byPolicy[d.policyName] = (byPolicy[d.policyName] ?? 0) + 1;
  return {
    label,
    firstCallMs: first.ms,
    samplesMs,
    medianMs: median(samplesMs),
    cpuSamplesMs,
    cpuMedianMs: median(cpuSamplesMs),
    peakRssBytes,
    diagnostics: outcome.diagnostics.length,
    diagnosticsByPolicy: byPolicy,
    previewErrors: outcome.diagnostics.filter(isPreviewError).length,
    notApplicable: outcome.notApplicable.length,
  };
}

/** True for the SDK's advisory diagnostic when a policy read an unknown value through its proxy. */
export function isPreviewError(d: EngineDiagnostic): boolean {
  return d.message.includes(previewErrorMarker) && d.message.includes("can't run policy");
}

async function startConfigured(target: AnalyzeTarget): Promise<PackProcess> {
  const pack = await startPack({
    packDir: path.resolve(target.packDir),
    entry: target.entry,
    stack: "bench",
    project: "bench",
    stackConfig: benchStackConfig,
    env: { ...process.env, ...target.env },
    startTimeoutMs: 120000,
  });
  try {
    await pack.getAnalyzerInfo();
    await pack.configure(target.config);
  } catch (e) {
    await pack.close();
    throw e;
  }
  return pack;
}

/**
 * Measures one stack size: builds the stack (chains that monitor `monitoring`), starts both packs (at once), makes
 * one untimed first call on each, then `runs` timed calls alternating which pack goes first (A B, B A, …), reads both
 * peak RSS values and closes both.
 */
export async function measureAnalyzeSize(
  size: number,
  targets: { pack: AnalyzeTarget; noop: AnalyzeTarget },
  runs: number,
  log: (line: string) => void = () => undefined,
  monitoring: MonitoredControls = "cloudtrail-changes",
): Promise<AnalyzeSizeResult> {
  const stack = buildSyntheticStack({ size, monitoring });
  const encode = encodeTimed(stack.resources);
  log(
    `  ${size} resources, ${stack.chainKinds.length} chains, request ${(encode.request.length / 1048576).toFixed(1)} MiB, client encode ${encode.ms.toFixed(0)} ms`,
  );
  const packs = await startBoth(targets);
  const clients: RawAnalyzeClient[] = [];
  try {
    const running = { pack: new RawAnalyzeClient(packs.pack.port), noop: new RawAnalyzeClient(packs.noop.port) };
    clients.push(running.pack, running.noop);
    const pids = { pack: packs.pack.pid, noop: packs.noop.pid };
    const first = {
      pack: await timedAnalyze(running.pack, pids.pack, encode.request),
      noop: await timedAnalyze(running.noop, pids.noop, encode.request),
    };
    const calls: Record<"pack" | "noop", TimedCall[]> = { pack: [], noop: [] };
    for (let round = 0; round < runs; round++) {
      const order: ("pack" | "noop")[] = round % 2 === 0 ? ["pack", "noop"] : ["noop", "pack"];
      for (const key of order) calls[key].push(await timedAnalyze(running[key], pids[key], encode.request));
      const describe = (c: TimedCall): string =>
        `${c.ms.toFixed(0)} ms${c.cpuMs === undefined ? "" : ` (CPU ${c.cpuMs.toFixed(0)} ms)`}`;
      log(
        `    round ${round + 1}/${runs}: ${targets.pack.label} ${describe(calls.pack[round])}, ${targets.noop.label} ${describe(calls.noop[round])}`,
      );
    }
    return {
      size,
      chains: stack.chainKinds.length,
      requestBytes: encode.request.length,
      clientEncodeMs: encode.ms,
      pack: summarize(targets.pack.label, first.pack, calls.pack, peakResidentBytes(pids.pack)),
      noop: summarize(targets.noop.label, first.noop, calls.noop, peakResidentBytes(pids.noop)),
    };
  } finally {
    for (const c of clients) c.close();
    await packs.pack.close();
    await packs.noop.close();
  }
}

/** Starts both packs at once (their start-up is not measured here); closes the one that started if the other fails. */
async function startBoth(targets: {
  pack: AnalyzeTarget;
  noop: AnalyzeTarget;
}): Promise<Record<"pack" | "noop", PackProcess>> {
  const [pack, noop] = await Promise.allSettled([startConfigured(targets.pack), startConfigured(targets.noop)]);
  if (pack.status === "fulfilled" && noop.status === "fulfilled") return { pack: pack.value, noop: noop.value };
  for (const started of [pack, noop]) if (started.status === "fulfilled") await started.value.close();
  throw pack.status === "rejected" ? pack.reason : (noop as PromiseRejectedResult).reason;
}
