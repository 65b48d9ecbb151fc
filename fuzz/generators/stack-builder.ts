/**
 * Turns a stack plan into the resources the engine sends to AnalyzeStack: URNs, parents, providers with their
 * region, outputs (unknown sentinels for what a provider computes at the first preview, literal ARNs once
 * deployed, the classic provider's "" / 0 / {} / [] for unset properties in deployed state), dependencies and
 * property dependencies. Property names follow `@pulumi/aws` v7 (lib/stack/aws.ts) and `@pulumi/aws-native`
 * (lib/stack/aws-native.ts, lib/stack/routing-adapters.ts); the values are written out here, never read from the
 * pack. Every free-text value carries a marker `SECRET-<n>` unique in the stack, so a secret printed in a message
 * can be found (fuzz/invariants/stack-diagnostics.ts).
 */
import { allControls } from "../../lib/controls";
import { unknownSentinels, type EngineResource } from "../../tools/engine/protocol";
import { buildChainResources } from "./chain-resources";
import type { StackPlan } from "./stack-plan";
import { unrelatedResource, type UnrelatedPlan } from "./unrelated-resources";

export const stackName = "dev";
export const projectName = "fuzz";
export const account = "123456789012";
const urnPrefix = `urn:pulumi:${stackName}::${projectName}::`;

/** The URN the engine gives a resource of `type` named `name` parented to the stack. */
export function urnOf(type: string, name: string): string {
  return `${urnPrefix}${type}::${name}`;
}

export const rootUrn = urnOf("pulumi:pulumi:Stack", `${projectName}-${stackName}`);

/** A provider resource and the reference resources carry to it. */
export interface ProviderRef {
  readonly resource: EngineResource;
  readonly ref: NonNullable<EngineResource["provider"]>;
  readonly region: string;
}

function provider(type: string, name: string, region: string, version: string): ProviderRef {
  const urn = urnOf(type, name);
  const properties = { region, version };
  return { resource: { type, urn, name, parent: rootUrn, properties }, ref: { type, urn, name, properties }, region };
}

/** What building one stack needs: the phase, the providers and a source of markers. */
export class StackContext {
  readonly resources: EngineResource[] = [];

  /** `markers`: how many markers are taken already (resources added to a built stack need fresh ones). */
  constructor(
    readonly plan: StackPlan,
    readonly providers: { readonly aws: ProviderRef; readonly explicit: ProviderRef; readonly native: ProviderRef },
    private markers = 0,
  ) {}

  get preview(): boolean {
    return this.plan.phase === "preview";
  }

  /** A new marker for a free-text value, e.g. `SECRET-7`. */
  mark(): string {
    this.markers++;
    return `SECRET-${this.markers}`;
  }

  /** What the provider computes: unknown at the first preview, `value` once deployed. */
  computed(value: unknown, sentinel: string = unknownSentinels.string): unknown {
    return this.preview ? sentinel : value;
  }

  /** The classic provider's state for an unset property once deployed ("" / 0 / {} / []), absent at preview. */
  deployedEmpty(props: Record<string, unknown>): Record<string, unknown> {
    return this.preview ? {} : props;
  }

  add(
    type: string,
    name: string,
    properties: Record<string, unknown>,
    options: { provider: ProviderRef; propertyDependencies?: Record<string, string[]> },
  ): string {
    const urn = urnOf(type, name);
    const propertyDependencies = Object.fromEntries(
      Object.entries(options.propertyDependencies ?? {}).filter(([, urns]) => urns.length > 0),
    );
    this.resources.push({
      type,
      urn,
      name,
      parent: rootUrn,
      properties,
      dependencies: [...new Set(Object.values(propertyDependencies).flat())],
      propertyDependencies,
      provider: options.provider.ref,
      options: { parent: rootUrn },
    });
    return urn;
  }
}

/** The resources of a plan, in the order a program would register them. */
export function buildStack(plan: StackPlan): EngineResource[] {
  const providers = {
    aws: provider("pulumi:providers:aws", "default_7_48_0", plan.region, "7.48.0"),
    explicit: provider("pulumi:providers:aws", "secondary", plan.explicitRegion, "7.48.0"),
    native: provider("pulumi:providers:aws-native", "default_1_79_0", plan.nativeRegion, "1.79.0"),
  };
  const context = new StackContext(plan, providers);
  context.resources.push({
    type: "pulumi:pulumi:Stack",
    urn: rootUrn,
    name: `${projectName}-${stackName}`,
    properties: {},
  });
  context.resources.push(providers.aws.resource);
  if (plan.chains.some((chain) => chain.family === "aws" && chain.explicitProvider))
    context.resources.push(providers.explicit.resource);
  const nativeUsed =
    plan.chains.some((chain) => chain.family === "native") ||
    plan.unrelated.some((u) => u.type.startsWith("aws-native:"));
  if (nativeUsed) context.resources.push(providers.native.resource);
  plan.chains.forEach((chain, index) => {
    const control = allControls[chain.controlIndex] ?? allControls[0];
    buildChainResources(context, chain, index, control);
  });
  plan.unrelated.forEach((unrelated, k) => context.resources.push(placeUnrelated(context, unrelated, `u${k}`)));
  return context.resources;
}

/** An unrelated resource named `name` in the stack, on the provider its type belongs to (none for other packages). */
export function placeUnrelated(context: StackContext, unrelated: UnrelatedPlan, name: string): EngineResource {
  const family = unrelated.type.split(":")[0];
  const provider =
    family === "aws" ? context.providers.aws.ref : family === "aws-native" ? context.providers.native.ref : undefined;
  return unrelatedResource(unrelated, urnOf(unrelated.type, name), name, rootUrn, provider, context.mark());
}
