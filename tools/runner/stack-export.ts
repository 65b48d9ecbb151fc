/**
 * Reads a `pulumi stack export` file (deployment version 3) into the resources the engine would send to
 * AnalyzeStack for that deployed state: outputs as properties (all known), parent, dependencies, property
 * dependencies, options, and each resource's provider with the provider's inputs.
 *
 * Secrets: with `--show-secrets` the export holds `{sig, plaintext}` (JSON text), decoded here and passed as
 * secret values. Without it, the export holds `{sig, ciphertext}`, which only the stack's secrets provider can
 * decrypt; such values are passed as UNKNOWN (so a policy that needs one reports "can't run policy ... during
 * preview" instead of judging a placeholder) and the caller is told how many there were.
 */
import { isPlainObject, readJsonText, textLocation } from "../engine/json-text";
import { EngineResource, secretValue, specialSignatureKey, secretSignature, unknownSentinels } from "../engine";
import { RunnerError } from "./errors";
import { providerRefUrn } from "./preview-monitor";
import { urnTypeAndName } from "./report";

/** The resources of an export, plus what the reader had to approximate. */
export interface StackExport {
  readonly project: string;
  readonly stack: string;
  readonly resources: EngineResource[];
  /** Secrets that were encrypted and are passed as unknown values. */
  readonly encryptedSecrets: number;
  /** Resources left out: pending deletions. */
  readonly skipped: number;
}

type Json = Record<string, unknown>;

/** Replaces exported secrets: plaintext → secret value, ciphertext → unknown (counted). */
function decodeSecrets(value: unknown, where: string, counter: { encrypted: number }): unknown {
  if (Array.isArray(value)) return value.map((v, i) => decodeSecrets(v, `${where}[${i}]`, counter));
  if (!isPlainObject(value)) return value;
  if (value[specialSignatureKey] === secretSignature) {
    if (typeof value.plaintext === "string") {
      try {
        return secretValue(decodeSecrets(JSON.parse(value.plaintext), where, counter));
      } catch {
        throw new RunnerError(`${where}: the secret's plaintext is not valid JSON`);
      }
    }
    if ("value" in value) return secretValue(decodeSecrets(value.value, where, counter));
    counter.encrypted++;
    return secretValue(unknownSentinels.string);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = decodeSecrets(v, `${where}.${k}`, counter);
  return out;
}

function requireString(resource: Json, field: string, where: string): string {
  const value = resource[field];
  if (typeof value !== "string" || value === "")
    throw new RunnerError(`${where}: missing '${field}' (a non-empty string)`);
  return value;
}

function optionalObject(resource: Json, field: string, where: string): Json {
  const value = resource[field];
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw new RunnerError(`${where}.${field}: expected an object`);
  return value;
}

function optionalStrings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw new RunnerError(`${where}: expected a list of strings`);
  return value as string[];
}

/** Parses export text (see the module comment); errors name the JSON position or the resource and field. */
export function readStackExport(text: string, fileName: string): StackExport {
  const parsed = readJsonText(text);
  if (!parsed.ok) {
    throw new RunnerError(`${textLocation(fileName, parsed.position)}: ${parsed.message}`);
  }
  const root = parsed.value;
  if (!isPlainObject(root))
    throw new RunnerError(`${fileName}: expected a JSON object (the output of 'pulumi stack export')`);
  if (root.version !== 3) {
    throw new RunnerError(
      `${fileName}: 'version' is ${JSON.stringify(root.version)}; only version 3 deployments (pulumi stack export) are supported`,
    );
  }
  if (!isPlainObject(root.deployment)) throw new RunnerError(`${fileName}: missing 'deployment' (an object)`);
  const list = root.deployment.resources ?? [];
  if (!Array.isArray(list)) throw new RunnerError(`${fileName}: deployment.resources must be a list`);

  const counter = { encrypted: 0 };
  const raw = list.map((r, i) => {
    const where = `${fileName}: deployment.resources[${i}]`;
    if (!isPlainObject(r)) throw new RunnerError(`${where}: expected an object`);
    const urn = requireString(r, "urn", where);
    const type = requireString(r, "type", where);
    if (urnTypeAndName(urn).type !== type)
      throw new RunnerError(`${where}: urn '${urn}' does not end in type '${type}'`);
    return {
      urn,
      type,
      resource: r,
      where,
      inputs: decodeSecrets(optionalObject(r, "inputs", where), `${where}.inputs`, counter) as Json,
      outputs: decodeSecrets(optionalObject(r, "outputs", where), `${where}.outputs`, counter) as Json,
    };
  });
  const live = raw.filter((r) => r.resource.delete !== true);
  const byUrn = new Map(live.map((r) => [r.urn, r]));

  const resources = live.map(({ urn, type, resource, where, outputs }): EngineResource => {
    const engineResource: EngineResource = { type, urn, name: urnTypeAndName(urn).name, properties: outputs };
    const parent = resource.parent;
    if (parent !== undefined && typeof parent !== "string")
      throw new RunnerError(`${where}.parent: expected a URN string`);
    if (parent) engineResource.parent = parent;
    engineResource.dependencies = optionalStrings(resource.dependencies, `${where}.dependencies`).filter((u) =>
      byUrn.has(u),
    );
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, urns] of Object.entries(optionalObject(resource, "propertyDependencies", where))) {
      const list = optionalStrings(urns, `${where}.propertyDependencies.${key}`);
      if (list.length > 0) propertyDependencies[key] = list;
    }
    engineResource.propertyDependencies = propertyDependencies;
    if (resource.provider !== undefined && resource.provider !== "") {
      if (typeof resource.provider !== "string") throw new RunnerError(`${where}.provider: expected 'urn::id'`);
      const provider = byUrn.get(providerRefUrn(resource.provider));
      if (!provider) throw new RunnerError(`${where}.provider: '${resource.provider}' names no resource of the export`);
      engineResource.provider = {
        type: provider.type,
        urn: provider.urn,
        name: urnTypeAndName(provider.urn).name,
        properties: provider.inputs,
      };
    }
    engineResource.options = {
      ...(resource.protect === true ? { protect: true } : {}),
      ...(parent ? { parent } : {}),
      additionalSecretOutputs: optionalStrings(resource.additionalSecretOutputs, `${where}.additionalSecretOutputs`),
      aliases: optionalStrings(resource.aliases, `${where}.aliases`),
    };
    return engineResource;
  });
  const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack");
  const urnParts = (stackResource?.urn ?? resources[0]?.urn ?? "urn:pulumi:stack::project::").split("::");
  return {
    project: urnParts[1] ?? "project",
    stack: (urnParts[0] ?? "").replace(/^urn:pulumi:/, "") || "stack",
    resources,
    encryptedSecrets: counter.encrypted,
    skipped: raw.length - live.length,
  };
}
