/**
 * The engine side of the `pulumirpc.Analyzer` protocol, reusable by the tests, the offline runner and the
 * benchmark: start a policy pack exactly as the Pulumi engine does, reconcile `--policy-pack-config` as the CLI
 * does, and send it stacks of resources as the engine would at `pulumi preview`.
 */
export { unknownSentinels, secretValue, specialSignatureKey, secretSignature, enforcementLevels } from "./protocol";
export type {
  EngineResource,
  EngineDiagnostic,
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyPackInfo,
  Severity,
} from "./protocol";
export {
  PolicyConfigError,
  reconcilePolicyConfig,
  readPolicyPackConfigFile,
  parsePolicyPackConfigText,
  isEnforcementLevel,
} from "./config";
export type { PolicyPackConfigFile, ReconciledPolicyConfig, ReconciledPolicyEntry } from "./config";
export { startPack, packEnvironment, readPolicyProjectVersion } from "./pack-process";
export type { StartPackOptions, PackProcess } from "./pack-process";
export { validateJsonSchema } from "./json-schema";
export type { SchemaProblem } from "./json-schema";
