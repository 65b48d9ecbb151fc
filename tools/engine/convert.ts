/**
 * Conversions between the plain shapes of `protocol.ts` and the protobuf messages of `pulumirpc.Analyzer`,
 * done the way the engine does them (pulumi/pulumi `sdk/go/common/resource/plugin/analyzer_plugin.go`).
 */
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ReconciledPolicyConfig } from "./config";
import {
  AnalyzeResult,
  EngineResource,
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyPackInfo,
  Severity,
} from "./protocol";

type StructInput = Parameters<typeof Struct.fromJavaScript>[0];

/**
 * Checks that `value` is JSON data and returns it without `undefined` object members (as `JSON.stringify` would
 * drop them), so `Struct.fromJavaScript` accepts it. Anything else (a function, NaN, a class instance) is an error
 * naming its path.
 */
export function toJsonData(value: unknown, path = "properties"): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new Error(`${path}: ${value} cannot be sent over the protocol (not a finite number)`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, k) => toJsonData(item, `${path}[${k}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = toJsonData(item, `${path}.${key}`);
    }
    return out;
  }
  throw new Error(`${path}: a ${typeof value} cannot be sent over the protocol (only JSON data)`);
}

/** Builds a protobuf `Struct` from a plain object (the engine's `MarshalProperties` of known values). */
export function toStruct(value: Record<string, unknown>, path = "properties"): Struct {
  return Struct.fromJavaScript(toJsonData(value, path) as StructInput);
}

/** The proto enum of an enforcement level (`marshalEnforcementLevel`). */
export function enforcementLevelToProto(level: EnforcementLevel): analyzerProto.EnforcementLevel {
  switch (level) {
    case "advisory":
      return analyzerProto.EnforcementLevel.ADVISORY;
    case "mandatory":
      return analyzerProto.EnforcementLevel.MANDATORY;
    case "remediate":
      return analyzerProto.EnforcementLevel.REMEDIATE;
    case "disabled":
      return analyzerProto.EnforcementLevel.DISABLED;
  }
}

/** The string of a proto enforcement level (`convertEnforcementLevel`); an unknown number is an error. */
export function enforcementLevelFromProto(level: analyzerProto.EnforcementLevel): EnforcementLevel {
  switch (level) {
    case analyzerProto.EnforcementLevel.ADVISORY:
      return "advisory";
    case analyzerProto.EnforcementLevel.MANDATORY:
      return "mandatory";
    case analyzerProto.EnforcementLevel.REMEDIATE:
      return "remediate";
    case analyzerProto.EnforcementLevel.DISABLED:
      return "disabled";
    default:
      throw new Error(`the policy pack sent an invalid enforcement level ${String(level)}`);
  }
}

/** The string of a proto severity; unspecified (and unknown numbers) become `""`. */
export function severityFromProto(severity: analyzerProto.PolicySeverity): Severity {
  switch (severity) {
    case analyzerProto.PolicySeverity.POLICY_SEVERITY_LOW:
      return "low";
    case analyzerProto.PolicySeverity.POLICY_SEVERITY_MEDIUM:
      return "medium";
    case analyzerProto.PolicySeverity.POLICY_SEVERITY_HIGH:
      return "high";
    case analyzerProto.PolicySeverity.POLICY_SEVERITY_CRITICAL:
      return "critical";
    default:
      return "";
  }
}

function toOptions(options: EngineResource["options"]): analyzerProto.AnalyzerResourceOptions {
  const result = new analyzerProto.AnalyzerResourceOptions();
  const o = options ?? {};
  result.setProtect(o.protect ?? false);
  result.setIgnorechangesList(o.ignoreChanges ?? []);
  result.setDeletebeforereplace(o.deleteBeforeReplace ?? false);
  result.setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined);
  result.setAliasesList(o.aliases ?? []);
  result.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
  result.setCustomtimeouts(new analyzerProto.AnalyzerResourceOptions.CustomTimeouts());
  result.setParent(o.parent ?? "");
  return result;
}

/**
 * Builds the `AnalyzerResource` the engine sends for one resource in `AnalyzeStack`: options always set (the SDK
 * refuses a resource without them), empty property-dependency lists omitted (as the engine does).
 */
export function toAnalyzerResource(resource: EngineResource): analyzerProto.AnalyzerResource {
  const result = new analyzerProto.AnalyzerResource();
  result.setType(resource.type);
  result.setUrn(resource.urn);
  result.setName(resource.name);
  result.setProperties(toStruct(resource.properties, `${resource.urn} properties`));
  result.setOptions(toOptions({ parent: resource.parent, ...resource.options }));
  result.setParent(resource.parent ?? "");
  result.setDependenciesList(resource.dependencies ?? []);
  const dependencies = result.getPropertydependenciesMap();
  for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
    if (urns.length === 0) continue;
    const entry = new analyzerProto.AnalyzerPropertyDependencies();
    entry.setUrnsList(urns);
    dependencies.set(property, entry);
  }
  if (resource.provider !== undefined) {
    const provider = new analyzerProto.AnalyzerProviderResource();
    provider.setType(resource.provider.type);
    provider.setUrn(resource.provider.urn);
    provider.setName(resource.provider.name);
    provider.setProperties(toStruct(resource.provider.properties, `${resource.provider.urn} properties`));
    result.setProvider(provider);
  }
  return result;
}

function fromPolicyConfig(config: analyzerProto.PolicyConfig): Record<string, unknown> {
  return {
    ...(config.getProperties()?.toJavaScript() ?? {}),
    enforcementLevel: enforcementLevelFromProto(config.getEnforcementlevel()),
  };
}

function fromConfigSchema(schema: analyzerProto.PolicyConfigSchema | undefined): PolicyConfigSchema | undefined {
  if (schema === undefined) return undefined;
  const required = schema.getRequiredList();
  return {
    properties: schema.getProperties()?.toJavaScript() ?? {},
    ...(required.length > 0 ? { required } : {}),
  };
}

/** Converts a `GetAnalyzerInfo` response; `versionOverride` is PulumiPolicy.yaml's `version`, which the engine prefers. */
export function fromAnalyzerInfo(info: analyzerProto.AnalyzerInfo, versionOverride?: string): PolicyPackInfo {
  const initialConfig: Record<string, unknown> = {};
  for (const [name, config] of info.getInitialconfigMap().entries()) initialConfig[name] = fromPolicyConfig(config);
  return {
    name: info.getName(),
    version: versionOverride ?? info.getVersion(),
    readme: info.getReadme(),
    repository: info.getRepository(),
    policies: info.getPoliciesList().map((p) => {
      const configSchema = fromConfigSchema(p.getConfigschema());
      const framework = p.getFramework();
      return {
        name: p.getName(),
        description: p.getDescription(),
        enforcementLevel: enforcementLevelFromProto(p.getEnforcementlevel()),
        severity: severityFromProto(p.getSeverity()),
        tags: p.getTagsList(),
        ...(framework !== undefined
          ? {
              framework: {
                name: framework.getName(),
                version: framework.getVersion(),
                reference: framework.getReference(),
                specification: framework.getSpecification(),
              },
            }
          : {}),
        ...(configSchema !== undefined ? { configSchema } : {}),
      };
    }),
    initialConfig,
  };
}

/** Builds the `Configure` request: one entry per policy, each with an explicit level and a properties Struct. */
export function toConfigureRequest(config: ReconciledPolicyConfig): analyzerProto.ConfigureAnalyzerRequest {
  const request = new analyzerProto.ConfigureAnalyzerRequest();
  const map = request.getPolicyconfigMap();
  for (const [name, entry] of Object.entries(config.policies)) {
    const policyConfig = new analyzerProto.PolicyConfig();
    policyConfig.setEnforcementlevel(enforcementLevelToProto(entry.enforcementLevel));
    policyConfig.setProperties(toStruct(entry.properties, `${name} config`));
    map.set(name, policyConfig);
  }
  return request;
}

/** Converts an `AnalyzeResponse`; `versionOverride` as in `fromAnalyzerInfo`. */
export function fromAnalyzeResponse(response: analyzerProto.AnalyzeResponse, versionOverride?: string): AnalyzeResult {
  return {
    diagnostics: response.getDiagnosticsList().map((d) => ({
      policyPack: d.getPolicypackname(),
      policyPackVersion: versionOverride ?? d.getPolicypackversion(),
      policyName: d.getPolicyname(),
      enforcementLevel: enforcementLevelFromProto(d.getEnforcementlevel()),
      severity: severityFromProto(d.getSeverity()),
      urn: d.getUrn(),
      message: d.getMessage(),
      description: d.getDescription(),
    })),
    notApplicable: response
      .getNotApplicableList()
      .map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
  };
}
