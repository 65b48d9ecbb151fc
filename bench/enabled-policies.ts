/**
 * How many of a pack's stack policies run in a configuration. The policy SDK skips a policy whose level is
 * "disabled" before it converts a single resource (@pulumi/policy server.js, `makeAnalyzeStackRpcFun`: `if
 * (enforcementLevel === "disabled" || !isStackPolicy(p)) continue`), while every other stack policy gets the whole
 * stack converted for it. So a disabled policy costs nothing, and the no-op floor is fair only with as many
 * enabled stack policies as the pack runs in the configuration measured.
 */
import { reconcilePolicyConfig, type PolicyPackConfigFile, type PolicyPackInfo } from "../tools/engine";

/** The parts of a `Policy` (@pulumi/policy) the count reads. */
export interface CountedPolicy {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel?: string;
  readonly configSchema?: { readonly properties: Record<string, unknown>; readonly required?: string[] };
  readonly validateStack?: unknown;
}

/**
 * The number of stack policies whose level is not "disabled" once `config` (a `--policy-pack-config` file's
 * content; undefined: none) is reconciled with the policies' own levels as the CLI does before `Configure`
 * (tools/engine/config.ts). A policy without a level takes the pack's, as the SDK does.
 */
export function enabledStackPolicyCount(
  list: readonly CountedPolicy[],
  packEnforcementLevel: string,
  config?: PolicyPackConfigFile,
): number {
  const info: PolicyPackInfo = {
    name: "counted",
    version: "0.0.0",
    policies: list.map((p) => ({
      name: p.name,
      description: p.description,
      enforcementLevel: p.enforcementLevel ?? packEnforcementLevel,
      severity: "medium",
      configSchema:
        p.configSchema === undefined
          ? undefined
          : { properties: p.configSchema.properties, required: p.configSchema.required },
    })),
    initialConfig: {},
  };
  const levels = reconcilePolicyConfig(info, config).policies;
  return list.filter((p) => p.validateStack !== undefined && levels[p.name]?.enforcementLevel !== "disabled").length;
}
