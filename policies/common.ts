/**
 * What the four policies share: compliance metadata, the environment (stack region), the wrapper that turns a
 * pure check over the stack model into a `StackValidationPolicy`, and message helpers.
 */
import type { PolicyComplianceFramework, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { cloudTrailChangesControl, type MonitoringControl } from "../lib/control";
import type { ModelResourceBase, StackModel } from "../lib/stack/model";
import { readStackModel } from "../lib/stack/stack";
import { stackRegionFromEnvironment } from "../lib/stack/regions";
import { configSchemaOf, readConfig, type ConfigOf, type ConfigProperties } from "./config";

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

/** One violation: a message and the URN of the resource it is about (`undefined`: the stack). */
export interface Violation {
  readonly message: string;
  readonly urn: string | undefined;
}

/** What a policy file declares: metadata, config and a pure check (typescript-eslint rule style). */
export interface PolicyDefinition<S extends ConfigProperties> {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly remediationSteps: string;
  readonly tags: readonly string[];
  readonly configProperties: S;
  /** The check: pure over the model and the config; returns the violations. */
  check(model: StackModel, config: ConfigOf<S>, control: MonitoringControl): readonly Violation[];
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
      for (const violation of runCheck(definition, args, environment, control)) {
        reportViolation(violation.message, violation.urn);
      }
    },
  };
}

/** Runs a definition's check; bad config and internal errors become violations, never exceptions. */
export function runCheck<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  args: Pick<StackValidationArgs, "resources" | "getConfig">,
  environment: PolicyEnvironment,
  control: MonitoringControl,
): readonly Violation[] {
  try {
    const config = readConfig(definition.configProperties, args.getConfig<object>());
    if (!config.ok) {
      const list = config.problems.map((problem) => `  - ${problem}`).join("\n");
      return [{ message: `Invalid configuration for policy "${definition.name}":\n${list}\nFix the policy pack config file.`, urn: undefined }];
    }
    const model = readStackModel(args.resources, environment.stackRegion());
    return definition.check(model, config.config, control);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ message: `Internal error in policy "${definition.name}": ${detail}. Please report it.`, urn: undefined }];
  }
}

/** `Kind "logical-name"`, e.g. `Trail "main"`: how messages name a resource. */
export function named(kind: string, resource: Pick<ModelResourceBase, "name">): string {
  return `${kind} "${resource.name}"`;
}

/** Words for an ARN/name/etc list in messages. */
export function quoteList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(", ");
}

/** "can't be verified at preview" phrasing for a value computed from another resource's output. */
export function notKnownAtPreview(what: string): string {
  return `${what} is not known at preview (it is computed from another resource's output), so it can't be verified`;
}
