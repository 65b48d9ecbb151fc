/**
 * Turns what the preview monitor recorded into the `AnalyzeStack` resources the engine would send: every
 * registered resource (stack, components, providers, custom resources) with its outputs, parent, dependencies,
 * property dependencies, options, and its provider's type/urn/name/inputs.
 */
import type { EngineResource } from "../engine";
import type { Registration } from "./child-protocol";
import { providerRefUrn } from "./preview-monitor";

/** Converts registrations (in registration order) to engine resources. Pure. */
export function engineResourcesFromRegistrations(registrations: readonly Registration[]): EngineResource[] {
  const byUrn = new Map(registrations.map((r) => [r.urn, r]));
  return registrations.map((r) => {
    const resource: EngineResource = { type: r.type, urn: r.urn, name: r.name, properties: r.outputs };
    if (r.parent) resource.parent = r.parent;
    resource.dependencies = r.dependencies.filter((urn) => byUrn.has(urn));
    resource.propertyDependencies = r.propertyDependencies;
    const provider = r.provider ? byUrn.get(providerRefUrn(r.provider)) : undefined;
    if (provider)
      resource.provider = { type: provider.type, urn: provider.urn, name: provider.name, properties: provider.inputs };
    resource.options = { ...r.options, ...(r.parent ? { parent: r.parent } : {}) };
    return resource;
  });
}
