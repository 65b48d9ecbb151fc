/**
 * The data the Pulumi engine exchanges with a policy pack over the `pulumirpc.Analyzer` gRPC service, in plain
 * TypeScript shapes (no protobuf classes). See docs/reference: pulumi/pulumi `proto/pulumi/analyzer.proto`.
 */

/**
 * The strings the engine sends in place of values it cannot know yet during a preview
 * (pulumi/pulumi `sdk/go/common/resource/plugin/rpc.go`; the same constants as `@pulumi/policy/proxy.js`).
 * An unknown output of any kind that the provider types as a string (an ARN, a name) arrives as `string`.
 */
export const unknownSentinels = {
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
  asset: "030794c1-ac77-496b-92df-f27374a8bd58",
  archive: "e48ece36-62e2-4504-bad9-02848725956a",
} as const;

/** The key of the signature property that marks special values (secrets, assets, resource references). */
export const specialSignatureKey = "4dabf18193072939515e22adb298388d";
/** The signature value that marks a secret. */
export const secretSignature = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Wraps a value the way the engine sends a secret output (`KeepSecrets: true`):
 * `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value}`.
 * For validation the SDK unwraps it to the plain value.
 */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [specialSignatureKey]: secretSignature, value };
}

/** An enforcement level as the CLI and config files spell it. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** Every valid enforcement level, in the order the CLI lists them. */
export const enforcementLevels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A severity as the SDK spells it; `""` when the policy declares none. */
export type Severity = "" | "low" | "medium" | "high" | "critical";

/** One resource of an `AnalyzeStack` request: its outputs (`properties`) after the step, as the engine sends them. */
export interface EngineResource {
  type: string;
  urn: string;
  name: string;
  /** Outputs; use `unknownSentinels` for values unknown during preview and `secretValue` for secrets. */
  properties: Record<string, unknown>;
  parent?: string;
  dependencies?: string[];
  /** Keyed by top-level input property name; the engine omits empty lists. */
  propertyDependencies?: Record<string, string[]>;
  /** The provider resource; its `properties` are the provider's inputs (e.g. `{ region: "us-east-1" }`). */
  provider?: { type: string; urn: string; name: string; properties: Record<string, unknown> };
  options?: {
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    aliases?: string[];
    additionalSecretOutputs?: string[];
    parent?: string;
  };
}

/** One policy violation as the pack reports it in an `AnalyzeResponse`. */
export interface EngineDiagnostic {
  policyPack: string;
  policyPackVersion: string;
  policyName: string;
  enforcementLevel: EnforcementLevel;
  severity: Severity;
  /** The resource the violation is attributed to; `""` when the pack named none. */
  urn: string;
  /** The policy's description, a newline, then the violation message. */
  message: string;
  description: string;
}

/** What the pack answers to one `AnalyzeStack`: its violations and the policies it could not apply. */
export interface AnalyzeResult {
  diagnostics: EngineDiagnostic[];
  notApplicable: { policyName: string; reason: string }[];
}

/** A policy's config schema as the pack declares it (a JSON-schema subset per property). */
export interface PolicyConfigSchema {
  properties: Record<string, unknown>;
  required?: string[];
}

/** What `GetAnalyzerInfo` returns, with enums turned into the strings above. */
export interface PolicyPackInfo {
  name: string;
  version: string;
  /** What Pulumi Cloud shows on the pack's page. */
  readme?: string;
  repository?: string;
  policies: {
    name: string;
    description: string;
    enforcementLevel: string;
    severity: string;
    tags?: string[];
    /** The compliance framework reference, e.g. `{ name: "CIS AWS Foundations Benchmark", reference: "4.5" }`. */
    framework?: { name: string; version: string; reference: string; specification: string };
    configSchema?: PolicyConfigSchema;
  }[];
  /**
   * The pack's `initialConfig` (third `PolicyPack` argument) as the engine receives it: each entry is
   * `{ enforcementLevel, ...properties }`. Over the wire an entry always carries a level, and an entry the pack
   * wrote without one arrives as `"advisory"` (protobuf's zero value).
   */
  initialConfig: Record<string, unknown>;
}
