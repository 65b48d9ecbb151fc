/**
 * Deterministic synthetic stacks for the AnalyzeStack benchmark: the resources a `pulumi preview` of a large
 * AWS program would send, as the engine sends them (outputs, unknown sentinels, secrets, providers, parents,
 * dependencies and propertyDependencies).
 *
 * A stack holds the root `pulumi:pulumi:Stack`, two AWS provider resources (the default one and an explicit
 * eu-west-1 one), a number of monitoring chains (bench/monitoring-chains.ts: trail -> log group -> metric filter
 * -> alarm -> topic -> subscription; for CloudTrail changes alone, or with one filter and alarm per CIS monitoring
 * control) and many unrelated resources (S3 buckets, IAM roles, EC2 instances, Lambda functions) with realistic
 * nested properties. The chain count grows with the stack (one per `resourcesPerChain` resources), so a pack whose
 * work is quadratic in the number of chains or resources shows it in the 50k/10k ratio.
 */
import type { EngineResource } from "../tools/engine/protocol";
import {
  chainKindCycle,
  cisMonitoringChain,
  cisMonitoringChainLength,
  cloudTrailChain,
  cloudTrailChainLength,
  type ChainKind,
} from "./monitoring-chains";
import { StackContext, type ProviderRef } from "./synthetic-context";

export { chainKindCycle, type ChainKind } from "./monitoring-chains";

/** What the stack's chains monitor: CloudTrail configuration changes alone, or all fifteen CIS controls. */
export type MonitoredControls = "cloudtrail-changes" | "cis";

/** The resources of one monitoring chain. */
export const resourcesPerChainCount = cloudTrailChainLength;

/** Options of {@link buildSyntheticStack}. */
export interface SyntheticStackOptions {
  /** Total number of resources in the stack (at least the fixed part: root, providers and 4 chains). */
  size: number;
  /** What each chain monitors (default "cloudtrail-changes"). */
  monitoring?: MonitoredControls;
  /** One monitoring chain per this many resources (default 500), and never fewer than 4 chains. */
  resourcesPerChain?: number;
  /** Seed of the pseudo-random generator (default 1): the same options give the same stack. */
  seed?: number;
  stack?: string;
  project?: string;
}

/** A synthetic stack and what it contains. */
export interface SyntheticStack {
  resources: EngineResource[];
  chainKinds: ChainKind[];
  /** Count of resources per type token. */
  typeCounts: Record<string, number>;
}

const minimumChains = 4;
const fixedResourceCount = 3; // the Stack and two provider resources

const chains = {
  "cloudtrail-changes": { build: cloudTrailChain, length: cloudTrailChainLength },
  cis: { build: cisMonitoringChain, length: cisMonitoringChainLength },
} as const;

/** The smallest size {@link buildSyntheticStack} accepts for chains that monitor `monitoring`. */
export function minimumStackSize(monitoring: MonitoredControls): number {
  return fixedResourceCount + minimumChains * chains[monitoring].length;
}

/** The smallest size {@link buildSyntheticStack} accepts for the default (CloudTrail-changes) chains. */
export const minimumSyntheticStackSize = minimumStackSize("cloudtrail-changes");

/** Builds a stack of exactly `options.size` resources. Throws a RangeError when the size is too small. */
export function buildSyntheticStack(options: SyntheticStackOptions): SyntheticStack {
  const {
    size,
    monitoring = "cloudtrail-changes",
    resourcesPerChain = 500,
    seed = 1,
    stack = "bench",
    project = "bench",
  } = options;
  const minimum = minimumStackSize(monitoring);
  if (!Number.isInteger(size) || size < minimum) {
    throw new RangeError(`a synthetic stack needs at least ${minimum} resources, got ${size}`);
  }
  const chain = chains[monitoring];
  const ctx = new StackContext(stack, project, seed);
  const root = ctx.rootStack();
  const defaultProvider = ctx.provider("default_7_48_0", "us-east-1");
  const euProvider = ctx.provider("eu", "eu-west-1");
  const resources: EngineResource[] = [root, defaultProvider.resource, euProvider.resource];

  const chainCount = Math.max(minimumChains, Math.floor(size / resourcesPerChain));
  const chainKinds: ChainKind[] = [];
  for (let i = 0; i < chainCount && resources.length + chain.length <= size; i++) {
    const kind = chainKindCycle[i % chainKindCycle.length];
    const provider = i % 3 === 2 ? euProvider : defaultProvider;
    chainKinds.push(kind);
    resources.push(...chain.build(ctx, i, kind, provider));
  }
  const fillers: ((index: number, provider: ProviderRef) => EngineResource)[] = [
    (index, provider) => ctx.bucket(index, provider),
    (index, provider) => ctx.role(index, provider),
    (index, provider) => ctx.instance(index, provider),
    (index, provider) => ctx.lambda(index, provider),
  ];
  for (let i = 0; resources.length < size; i++) {
    const provider = i % 5 === 4 ? euProvider : defaultProvider;
    resources.push(fillers[i % fillers.length](i, provider));
  }
  return { resources, chainKinds, typeCounts: countTypes(resources) };
}

function countTypes(resources: EngineResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}
