/**
 * The adapter contract: how one provider's resource type is read into the stack model. An adapter names the
 * properties it needs (only those are copied out of the SDK's proxies, so tags, policies and subscription
 * endpoints are never read) and the `propertyDependencies` it links through, then builds a model record from
 * that plain snapshot.
 */
import type { ModelKind, ModelResource, ModelResourceBase } from "./model";
import type { PlainValue } from "./read";

/** A resource as copied out of the engine's data: plain values only (fingerprintable, never a proxy). */
export interface RawResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly providerUrn: string | undefined;
  /** The provider's `region` input, as sent (may be an unknown sentinel). */
  readonly providerRegion: PlainValue | undefined;
  /** The adapter's `propertyNames`, read unknown-safely; absent properties are missing. */
  readonly props: Readonly<Record<string, PlainValue>>;
  /** The adapter's `dependencyNames` -> URNs of the resources that input depends on. */
  readonly dependencies: Readonly<Record<string, readonly string[]>>;
}

/** Reads one resource type into the model. */
export interface ResourceAdapter {
  /** The type token, e.g. `aws:cloudtrail/trail:Trail`. */
  readonly type: string;
  readonly kind: ModelKind;
  /** Top-level properties to copy (besides `region`, which is always read). */
  readonly propertyNames: readonly string[];
  /** Top-level input names whose `propertyDependencies` link to other resources. */
  readonly dependencyNames: readonly string[];
  /** Builds the model record; `base` carries URN, name, type, provider and the resolved region. */
  build(raw: RawResource, base: ModelResourceBase): ModelResource;
}

/** Indexes adapters by type token (one string comparison per resource picks the few relevant ones). */
export function adapterRegistry(adapters: readonly ResourceAdapter[]): ReadonlyMap<string, ResourceAdapter> {
  return new Map(adapters.map((adapter) => [adapter.type, adapter]));
}
