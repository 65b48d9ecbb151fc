/**
 * What the four policies share: compliance metadata, the environment (stack region), the wrapper that turns a
 * pure check over the stack model into a `StackValidationPolicy` that renders its findings.
 */
import type { PolicyComplianceFramework, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { cloudTrailChanges } from "../lib/controls/cloudtrail-changes";
import type { ControlDefinition } from "../lib/controls/types";
import { finding, list, message, type Finding } from "../lib/findings/message";
import { renderFinding } from "../lib/findings/render";
import { profileProperty, profiles, type Profile, type ProfileName } from "../lib/monitoring/profiles";
import type { StackModel } from "../lib/stack/model";
import { readStackModel } from "../lib/stack/stack";
import { stackRegionFromEnvironment } from "../lib/stack/regions";
import { configSchemaOf, readConfig, type ConfigOf, type ConfigProperties } from "./config";
import { messageCatalogue } from "./messages";

/** CIS AWS Foundations Benchmark: the control a policy implements a part of (v3.0.0 numbering, as CIS prints it). */
export function cisFrameworkOf(control: ControlDefinition): PolicyComplianceFramework {
  return {
    name: "CIS AWS Foundations Benchmark",
    version: "3.0.0",
    reference: control.references.cisV14ToV5,
    specification: control.title,
  };
}

/** AWS Security Hub's page for the control (the same check, after deployment). */
export function controlUrlOf(control: ControlDefinition): string {
  const id = control.references.securityHub;
  return id === undefined
    ? "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html"
    : `https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#${id.toLowerCase().replace(".", "-")}`;
}

/**
 * Tags naming every framework reference the control's policies implement: CIS v1.2, v1.4 to v5, v6 and v7
 * sections, the Security Hub control, and (kept for filters written against earlier releases) the v3 section.
 */
export function referenceTagsOf(control: ControlDefinition): string[] {
  const { cisV12, cisV14ToV5, cisV6ToV7, securityHub } = control.references;
  return [
    `cis-aws-foundations-${cisV14ToV5}`,
    ...(cisV12 === undefined ? [] : [`cis-aws-foundations-v1.2-${cisV12}`]),
    `cis-aws-foundations-v1.4-to-v5-${cisV14ToV5}`,
    `cis-aws-foundations-v6-to-v7-${cisV6ToV7}`,
    ...(securityHub === undefined ? [] : [`security-hub-${securityHub.toLowerCase().replace(".", "-")}`]),
  ];
}

/** Tags every policy carries. */
export const sharedTags: readonly string[] = ["cloudtrail", "cloudwatch", "monitoring"];

/** Trend Micro Cloud Conformity's rule for the CloudTrail-changes control. */
export const conformityTag = "conformity-cloudwatch-alarm-for-cloudtrail-changes";

/** Where the stack's region and the time come from; injectable so tests need not touch the process environment. */
export interface PolicyEnvironment {
  /** The stack's `aws:region`, if any; read lazily at each AnalyzeStack. */
  stackRegion(): string | undefined;
  /** The time of the preview (mute rules are judged at it); the clock when absent. */
  now?(): Date;
}

/** The pack process's environment: `PULUMI_CONFIG`'s `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`. */
export const processEnvironment: PolicyEnvironment = {
  stackRegion: () => stackRegionFromEnvironment(process.env),
};

/** What a check is run with besides the model and its config. */
export interface PolicyContext {
  readonly control: ControlDefinition;
  readonly profile: Profile;
  /** When the preview runs. */
  readonly now: Date;
}

/** What a policy file declares: metadata, config and a pure check (typescript-eslint rule style). */
export interface PolicyDefinition<S extends ConfigProperties> {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly remediationSteps: string;
  readonly tags: readonly string[];
  /** The level when no config sets one (default "mandatory"). */
  readonly enforcementLevel?: "mandatory" | "advisory" | "disabled";
  /** The policy's own settings; every policy also takes `profile`. */
  readonly configProperties: S;
  /** The check: pure over the model and the config; returns the findings. */
  check(model: StackModel, config: ConfigOf<S>, context: PolicyContext): readonly Finding[];
  /**
   * Why the stack has nothing for this policy to judge (Pulumi Cloud then shows "not applicable" rather than a
   * silent pass), or `undefined` when it has.
   */
  notApplicable(model: StackModel, config: ConfigOf<S>, context: PolicyContext): string | undefined;
}

/** Every policy's settings: its own plus `profile`. */
function allProperties<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
): S & { readonly profile: typeof profileProperty } {
  return { ...definition.configProperties, profile: profileProperty };
}

/** The outcome of running a check: findings, or the reason the stack has nothing to judge. */
export type CheckOutcome =
  | { readonly kind: "findings"; readonly findings: readonly Finding[] }
  | { readonly kind: "notApplicable"; readonly reason: string };

/** Turns a definition into a mandatory `StackValidationPolicy` that never throws into the SDK. */
export function toStackPolicy<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  environment: PolicyEnvironment = processEnvironment,
  control: ControlDefinition = cloudTrailChanges,
): StackValidationPolicy {
  return {
    name: definition.name,
    displayName: definition.displayName,
    description: definition.description,
    enforcementLevel: definition.enforcementLevel ?? "mandatory",
    severity: "medium",
    framework: cisFrameworkOf(control),
    tags: [...sharedTags, ...referenceTagsOf(control), conformityTag, ...definition.tags],
    remediationSteps: definition.remediationSteps,
    url: controlUrlOf(control),
    configSchema: configSchemaOf(allProperties(definition)),
    validateStack: (args: StackValidationArgs, reportViolation) => {
      const outcome = runCheck(definition, args, environment, control);
      // `notApplicable` throws the SDK's own error, which it reports as "not applicable": outside any try here.
      if (outcome.kind === "notApplicable") args.notApplicable(outcome.reason);
      else for (const found of outcome.findings) reportViolation(renderFinding(found, messageCatalogue), found.urn);
    },
  };
}

/** Runs a definition's check; bad config and internal errors become findings, never exceptions. */
export function runCheck<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  args: Pick<StackValidationArgs, "resources" | "getConfig">,
  environment: PolicyEnvironment,
  control: ControlDefinition,
): CheckOutcome {
  try {
    const config = readConfig(allProperties(definition), args.getConfig<object>());
    if (!config.ok) {
      const problems = list(
        config.problems.map((problem) => message("configProblem", { problem })),
        "\n",
      );
      return {
        kind: "findings",
        findings: [finding("invalidConfig", { policy: definition.name, problems }, undefined)],
      };
    }
    const model = readStackModel(args.resources, environment.stackRegion());
    const now = environment.now?.() ?? new Date();
    const context: PolicyContext = { control, profile: profiles[config.config.profile as ProfileName], now };
    const reason = definition.notApplicable(model, config.config, context);
    if (reason !== undefined) return { kind: "notApplicable", reason };
    return { kind: "findings", findings: definition.check(model, config.config, context) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: "findings", findings: [finding("internalError", { policy: definition.name, detail }, undefined)] };
  }
}
