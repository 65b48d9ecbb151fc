/**
 * What the four policies share: compliance metadata, the environment (stack region), the wrapper that turns a
 * pure check over the stack model into a `StackValidationPolicy` that renders its findings.
 */
import type { PolicyComplianceFramework, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { cloudTrailChangesControl, type MonitoringControl } from "../lib/control";
import { finding, list, message, type Finding } from "../lib/findings/message";
import { renderFinding } from "../lib/findings/render";
import type { StackModel } from "../lib/stack/model";
import { readStackModel } from "../lib/stack/stack";
import { stackRegionFromEnvironment } from "../lib/stack/regions";
import { configSchemaOf, readConfig, type ConfigOf, type ConfigProperties } from "./config";
import { messageCatalogue } from "./messages";

/** CIS AWS Foundations Benchmark: the control every policy of the pack implements a part of. */
export const cisFramework: PolicyComplianceFramework = {
  name: "CIS AWS Foundations Benchmark",
  version: "3.0.0",
  reference: "4.5",
  specification: "Ensure CloudTrail configuration changes are monitored",
};

/** AWS Security Hub's page for control CloudWatch.5 (the same check). */
export const controlUrl = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-5";

/** Tags shared by every policy; Trend Micro Cloud Conformity's rule is named here and in the remediation steps. */
export const sharedTags: readonly string[] = [
  "cloudtrail",
  "cloudwatch",
  "monitoring",
  "cis-aws-foundations-4.5",
  "security-hub-cloudwatch-5",
  "conformity-cloudwatch-alarm-for-cloudtrail-changes",
];

/** Where the stack's region comes from; injectable so tests need not touch the process environment. */
export interface PolicyEnvironment {
  /** The stack's `aws:region`, if any; read lazily at each AnalyzeStack. */
  stackRegion(): string | undefined;
}

/** The pack process's environment: `PULUMI_CONFIG`'s `aws:region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`. */
export const processEnvironment: PolicyEnvironment = {
  stackRegion: () => stackRegionFromEnvironment(process.env),
};

/** What a policy file declares: metadata, config and a pure check (typescript-eslint rule style). */
export interface PolicyDefinition<S extends ConfigProperties> {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly remediationSteps: string;
  readonly tags: readonly string[];
  readonly configProperties: S;
  /** The check: pure over the model and the config; returns the findings. */
  check(model: StackModel, config: ConfigOf<S>, control: MonitoringControl): readonly Finding[];
}

/** Turns a definition into a mandatory `StackValidationPolicy` that never throws into the SDK. */
export function toStackPolicy<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  environment: PolicyEnvironment = processEnvironment,
  control: MonitoringControl = cloudTrailChangesControl,
): StackValidationPolicy {
  return {
    name: definition.name,
    displayName: definition.displayName,
    description: definition.description,
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: cisFramework,
    tags: [...sharedTags, ...definition.tags],
    remediationSteps: definition.remediationSteps,
    url: controlUrl,
    configSchema: configSchemaOf(definition.configProperties),
    validateStack: (args: StackValidationArgs, reportViolation) => {
      for (const found of runCheck(definition, args, environment, control)) {
        reportViolation(renderFinding(found, messageCatalogue), found.urn);
      }
    },
  };
}

/** Runs a definition's check; bad config and internal errors become findings, never exceptions. */
export function runCheck<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  args: Pick<StackValidationArgs, "resources" | "getConfig">,
  environment: PolicyEnvironment,
  control: MonitoringControl,
): readonly Finding[] {
  try {
    const config = readConfig(definition.configProperties, args.getConfig<object>());
    if (!config.ok) {
      const problems = list(config.problems.map((problem) => message("configProblem", { problem })), "\n");
      return [finding("invalidConfig", { policy: definition.name, problems }, undefined)];
    }
    const model = readStackModel(args.resources, environment.stackRegion());
    return definition.check(model, config.config, control);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [finding("internalError", { policy: definition.name, detail }, undefined)];
  }
}
