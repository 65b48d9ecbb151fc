/**
 * Reading the engine's resources into the stack model, once per AnalyzeStack.
 *
 * The SDK hands every policy its own freshly converted `args.resources`, so object identity can't tell the four
 * policies of one AnalyzeStack apart from a new stack. Instead: pick the relevant resources by type token (a map
 * lookup), copy the few properties the adapters need out of the proxies (unknown-safe), and key the model by a
 * fingerprint of that plain copy. The 2nd..4th policy find the same fingerprint and reuse the model (and the
 * analysis memoized on it in `chain.ts`).
 */
import { adapterRegistry, type RawResource, type ResourceAdapter } from "./adapter";
import { awsAdapters } from "./aws";
import { awsNativeAdapters } from "./aws-native";
import type { ModelKind, ModelResource, StackModel } from "./model";
import { readProp, type PlainValue } from "./read";
import { resolveRegion } from "./regions";
import { currentSecrets } from "./secret-capture";
import { isSecretProperty, isSecretProviderProperty, noSecrets, type SecretKnowledge } from "./secrets";

/** The parts of a policy SDK `PolicyResource` the model reads (a `PolicyResource` is assignable to it). */
export interface EngineResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  /** The SDK's unknown-checking proxy over the resource's outputs: read only through `read.ts`. */
  readonly props: unknown;
  readonly provider?: { readonly urn: string; readonly props: unknown };
  readonly propertyDependencies?: Readonly<Record<string, readonly { readonly urn: string }[]>>;
}

/** Every adapter the pack knows: classic `@pulumi/aws` and `@pulumi/aws-native`. */
export const defaultAdapters: ReadonlyMap<string, ResourceAdapter> = adapterRegistry([
  ...awsAdapters,
  ...awsNativeAdapters,
]);

/** Copies one relevant resource out of the engine's data, with what the engine sent of it as secret. */
export function snapshotResource(
  resource: EngineResource,
  adapter: ResourceAdapter,
  secrets: SecretKnowledge = noSecrets,
): RawResource {
  const props: Record<string, PlainValue> = {};
  for (const key of [...adapter.propertyNames, "region"]) {
    const value = readProp(resource.props, key);
    if (value !== undefined) props[key] = value;
  }
  const dependencies: Record<string, readonly string[]> = {};
  for (const key of adapter.dependencyNames) {
    const urns = dependencyUrns(resource.propertyDependencies, key);
    if (urns.length > 0) dependencies[key] = urns;
  }
  const providerUrn = resource.provider?.urn;
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    providerUrn,
    providerRegion: resource.provider === undefined ? undefined : readProp(resource.provider.props, "region"),
    props,
    dependencies,
    secretKeys: Object.keys(props).filter((key) => isSecretProperty(secrets, resource.urn, key)),
    providerRegionSecret: resource.provider !== undefined && isSecretProviderProperty(secrets, providerUrn, "region"),
  };
}

function dependencyUrns(propertyDependencies: EngineResource["propertyDependencies"], key: string): readonly string[] {
  const value: unknown =
    propertyDependencies === undefined ? undefined : Object.getOwnPropertyDescriptor(propertyDependencies, key)?.value;
  if (!Array.isArray(value)) return [];
  const urns: string[] = [];
  for (const dependency of value) {
    const urn: unknown =
      dependency !== null && typeof dependency === "object" ? (dependency as { urn?: unknown }).urn : undefined;
    if (typeof urn === "string") urns.push(urn);
  }
  return urns;
}

/**
 * The relevant resources of a stack as plain data, ordered by URN: the engine's order carries no meaning, so no
 * verdict, attribution or wording may depend on it (duplicates resolve the same way whatever order they came in).
 */
export function snapshotStack(
  resources: readonly EngineResource[],
  adapters: ReadonlyMap<string, ResourceAdapter> = defaultAdapters,
  secrets: SecretKnowledge = noSecrets,
): RawResource[] {
  const snapshot: RawResource[] = [];
  for (const resource of resources) {
    const adapter = adapters.get(resource.type);
    if (adapter !== undefined) snapshot.push(snapshotResource(resource, adapter, secrets));
  }
  return snapshot.sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/** The model's lists by resource kind. */
const listOfKind = {
  trail: "trails",
  logGroup: "logGroups",
  metricFilter: "metricFilters",
  alarm: "alarms",
  topic: "topics",
  subscription: "subscriptions",
  kmsKey: "kmsKeys",
  kmsAlias: "kmsAliases",
  kmsKeyPolicy: "kmsKeyPolicies",
  muteRule: "muteRules",
  compositeAlarm: "compositeAlarms",
} as const satisfies Record<ModelKind, keyof Omit<StackModel, "byUrn">>;

/** Builds the model from a snapshot (in the snapshot's order, which `snapshotStack` makes the URN order); pure. */
export function buildStackModel(
  snapshot: readonly RawResource[],
  stackRegion: string | undefined,
  adapters: ReadonlyMap<string, ResourceAdapter> = defaultAdapters,
): StackModel {
  const lists: Record<keyof Omit<StackModel, "byUrn">, ModelResource[]> = {
    trails: [],
    logGroups: [],
    metricFilters: [],
    alarms: [],
    topics: [],
    subscriptions: [],
    kmsKeys: [],
    kmsAliases: [],
    kmsKeyPolicies: [],
    muteRules: [],
    compositeAlarms: [],
  };
  const byUrn = new Map<string, ModelResource>();
  for (const raw of snapshot) {
    const adapter = adapters.get(raw.type);
    if (adapter === undefined) continue;
    const region = resolveRegion(raw.props.region, { urn: raw.providerUrn, region: raw.providerRegion }, stackRegion, {
      own: raw.secretKeys.includes("region"),
      provider: raw.providerRegionSecret,
    });
    const resource = adapter.build(raw, {
      urn: raw.urn,
      name: raw.name,
      type: raw.type,
      providerUrn: raw.providerUrn,
      region,
    });
    byUrn.set(resource.urn, resource);
    lists[listOfKind[resource.kind]].push(resource);
  }
  // Each list holds only resources of its kind (filled through `listOfKind` above).
  return { ...(lists as unknown as Omit<StackModel, "byUrn">), byUrn };
}

/** A stable text for a snapshot and region: equal texts mean equal models. Only ever over plain data. */
export function fingerprintOf(snapshot: readonly RawResource[], stackRegion: string | undefined): string {
  return JSON.stringify([stackRegion ?? null, snapshot]);
}

let lastRead: { readonly fingerprint: string; readonly model: StackModel } | undefined;

/**
 * The stack model of `resources`, reused across the policies of one AnalyzeStack: the model is rebuilt only
 * when the relevant resources (or the stack region) differ from the previous call's.
 */
export function readStackModel(
  resources: readonly EngineResource[],
  stackRegion: string | undefined,
  secrets: SecretKnowledge = currentSecrets(),
): StackModel {
  const snapshot = snapshotStack(resources, defaultAdapters, secrets);
  const fingerprint = fingerprintOf(snapshot, stackRegion);
  if (lastRead !== undefined && lastRead.fingerprint === fingerprint) return lastRead.model;
  const model = buildStackModel(snapshot, stackRegion);
  lastRead = { fingerprint, model };
  return model;
}
