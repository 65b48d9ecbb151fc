/**
 * Policy-pack configuration the way the Pulumi CLI builds it before it calls `Configure`
 * (pulumi/pulumi `pkg/resource/analyzer/config.go`: `parsePolicyPackConfig`, `ReconcilePolicyPackConfig`,
 * `applyConfig`, `validatePolicyPackConfig`; the `enforcementLevel` schema injection is in
 * `sdk/go/common/resource/plugin/analyzer_plugin.go` `GetAnalyzerInfo`).
 *
 * Deliberately stricter than the CLI, so mistakes surface before CI: a key that names no policy of the pack, and a
 * key repeated in the file, are errors (the CLI passes the first on silently and keeps the last of the second).
 * Properties a policy's schema does not declare are accepted, as by the CLI, but reported as warnings.
 */
import * as fs from "fs";
import { isPlainObject, readJsonText, textLocation } from "./json-text";
import { validateJsonSchema } from "./json-schema";
import { EnforcementLevel, enforcementLevels, PolicyPackInfo } from "./protocol";

/**
 * The content of a `--policy-pack-config` file: keys are policy names, `"all"` (sets every policy's level) or
 * `"environments"` (Pulumi ESC environment names); values are an enforcement level or
 * `{ enforcementLevel?, ...properties }`. Checked by `reconcilePolicyConfig`.
 */
export type PolicyPackConfigFile = Record<string, unknown>;

/** The final configuration of one policy: what `Configure` sends for it. */
export interface ReconciledPolicyEntry {
  enforcementLevel: EnforcementLevel;
  properties: Record<string, unknown>;
}

/** The configuration of every policy of the pack, plus notes that do not stop the run. */
export interface ReconciledPolicyConfig {
  /** One entry per policy of the pack, each with an explicit level and (possibly empty) properties. */
  policies: Record<string, ReconciledPolicyEntry>;
  /** Things the CLI accepts but that are probably mistakes (e.g. a property the schema does not declare). */
  warnings: string[];
}

/** Bad policy-pack configuration: `problems` lists each problem, naming the policy, the property and what is wrong. */
export class PolicyConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`validating policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PolicyConfigError";
    this.problems = problems;
  }
}

/** True when `value` is one of the four enforcement levels. */
export function isEnforcementLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (enforcementLevels as readonly string[]).includes(value);
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

const levelList = enforcementLevels.map((l) => `"${l}"`).join(", ");

/** One entry of a config source after parsing: an optional level and properties (never `enforcementLevel`). */
interface ParsedEntry {
  enforcementLevel?: EnforcementLevel;
  properties: Record<string, unknown>;
}

interface ParsedConfig {
  entries: Map<string, ParsedEntry>;
  problems: string[];
  warnings: string[];
}

/**
 * Parses one config source (`file` or the pack's `initialConfig`) the way `parsePolicyPackConfig` does: levels are
 * checked, `enforcementLevel` is split from the properties, empty entries are dropped.
 */
function parseConfigSource(config: PolicyPackConfigFile, source: string, policyNames: readonly string[]): ParsedConfig {
  const entries = new Map<string, ParsedEntry>();
  const problems: string[] = [];
  const warnings: string[] = [];
  const known = new Set(policyNames);
  for (const [key, value] of Object.entries(config)) {
    if (key === "environments") {
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
        warnings.push(
          `${source}: "environments" (Pulumi ESC) is not resolved here; only the CLI reads those environments`,
        );
      } else {
        problems.push(
          `${source}: "environments" must be a list of ESC environment names, but is ${describeJson(value)}`,
        );
      }
      continue;
    }
    if (key !== "all" && !known.has(key)) {
      problems.push(
        `${source}: "${key}" is not a policy of this pack (its policies: ${policyNames.join(", ")}; or use "all")`,
      );
      continue;
    }
    let entry: ParsedEntry;
    if (typeof value === "string") {
      if (!isEnforcementLevel(value)) {
        problems.push(`${source}: "${key}": "${value}" is not a valid enforcement level (use one of ${levelList})`);
        continue;
      }
      entry = { enforcementLevel: value, properties: {} };
    } else if (isPlainObject(value)) {
      const { enforcementLevel, ...properties } = value;
      if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
        problems.push(
          `${source}: "${key}".enforcementLevel: ${describeJson(enforcementLevel)} is not a valid enforcement level (use one of ${levelList})`,
        );
        continue;
      }
      entry = { enforcementLevel, properties };
    } else {
      problems.push(
        `${source}: "${key}" must be an enforcement level string or an object, but is ${describeJson(value)}`,
      );
      continue;
    }
    if (entry.enforcementLevel === undefined && Object.keys(entry.properties).length === 0) continue;
    if (key === "all" && Object.keys(entry.properties).length > 0) {
      warnings.push(
        `${source}: "all" only sets the enforcement level; its properties ${Object.keys(entry.properties).join(", ")} are ignored`,
      );
    }
    entries.set(key, entry);
  }
  return { entries, problems, warnings };
}

/** The starting point: every policy with its own level and its schema's `default`s (`createConfigWithDefaults`). */
function configWithDefaults(info: PolicyPackInfo, problems: string[]): Map<string, ReconciledPolicyEntry> {
  const result = new Map<string, ReconciledPolicyEntry>();
  for (const policy of info.policies) {
    const properties: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
      if (isPlainObject(schema) && "default" in schema) properties[name] = schema.default;
    }
    let level: EnforcementLevel = "advisory";
    if (isEnforcementLevel(policy.enforcementLevel)) level = policy.enforcementLevel;
    else
      problems.push(
        `${policy.name}: the pack reports the enforcement level "${policy.enforcementLevel}", which is not valid`,
      );
    result.set(policy.name, { enforcementLevel: level, properties });
  }
  return result;
}

/** Applies one parsed source on top of `result` (`applyConfig`): "all" first, then each policy's entry. */
function applyConfig(result: Map<string, ReconciledPolicyEntry>, parsed: ParsedConfig): void {
  const all = parsed.entries.get("all");
  if (all?.enforcementLevel !== undefined) {
    for (const entry of result.values()) entry.enforcementLevel = all.enforcementLevel;
  }
  for (const [name, given] of parsed.entries) {
    const entry = result.get(name);
    if (entry === undefined) continue; // "all", or an unknown name already reported
    if (given.enforcementLevel !== undefined) entry.enforcementLevel = given.enforcementLevel;
    entry.properties = { ...entry.properties, ...given.properties };
  }
}

/** Validates each policy's final properties against its schema, with `enforcementLevel` added as the CLI does. */
function validateAgainstSchemas(
  info: PolicyPackInfo,
  result: Map<string, ReconciledPolicyEntry>,
  problems: string[],
  warnings: string[],
): void {
  for (const policy of info.policies) {
    const entry = result.get(policy.name);
    if (entry === undefined) continue;
    const declared = policy.configSchema?.properties ?? {};
    const schema = {
      type: "object",
      properties: { ...declared, enforcementLevel: { type: "string", enum: [...enforcementLevels] } },
      ...(policy.configSchema?.required !== undefined && policy.configSchema.required.length > 0
        ? { required: policy.configSchema.required }
        : {}),
    };
    for (const problem of validateJsonSchema(entry.properties, schema)) {
      problems.push(`${policy.name}: ${problem.path === "" ? "(config)" : problem.path}: ${problem.message}`);
    }
    for (const name of Object.keys(entry.properties)) {
      if (!Object.prototype.hasOwnProperty.call(declared, name)) {
        warnings.push(
          `${policy.name}: "${name}" is not a property of the policy's config schema; the policy ignores it`,
        );
      }
    }
  }
}

/**
 * Builds the configuration the CLI sends with `Configure` (pure): schema defaults, then the pack's
 * `initialConfig`, then `file` (`"all"` sets every level, then per-policy entries override; properties are merged
 * shallowly), then validates every policy against its schema. Throws `PolicyConfigError` listing every problem.
 */
export function reconcilePolicyConfig(
  info: PolicyPackInfo,
  file: PolicyPackConfigFile | undefined,
): ReconciledPolicyConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const policyNames = info.policies.map((p) => p.name);
  const result = configWithDefaults(info, problems);
  for (const [source, config] of [
    ["the pack's initialConfig", info.initialConfig],
    ["policy pack config", file],
  ] as const) {
    if (config === undefined) continue;
    const parsed = parseConfigSource(config, source, policyNames);
    problems.push(...parsed.problems);
    warnings.push(...parsed.warnings);
    applyConfig(result, parsed);
  }
  validateAgainstSchemas(info, result, problems, warnings);
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return { policies: Object.fromEntries(result), warnings };
}

/**
 * Parses the text of a `--policy-pack-config` file (pure). Whitespace-only text is an empty config, as in the CLI.
 * Bad JSON, a top level that is not an object, or a repeated key → `PolicyConfigError` with `name:line:column`.
 */
export function parsePolicyPackConfigText(text: string, name: string): PolicyPackConfigFile {
  if (text.trim() === "") return {};
  const read = readJsonText(text);
  if (!read.ok) {
    throw new PolicyConfigError([`${textLocation(name, read.position)}: invalid JSON: ${read.message}`]);
  }
  if (!isPlainObject(read.value)) {
    throw new PolicyConfigError([
      `${name}:1:1: the policy pack config must be a JSON object whose keys are policy names or "all", but is ${describeJson(read.value)}`,
    ]);
  }
  if (read.duplicateKeys.length > 0) {
    throw new PolicyConfigError(
      read.duplicateKeys.map((d) => `${textLocation(name, d.position)}: "${d.path}" appears more than once`),
    );
  }
  return read.value;
}

const readErrorReasons: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
};

/** A short reason for a failed read, without a stack (works across jest's realms, where `instanceof Error` fails). */
function describeReadError(e: unknown): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : undefined;
  if (code === undefined) return String(e);
  return `${readErrorReasons[code] ?? "error"} (${code})`;
}

/** Reads and parses a `--policy-pack-config` file; see `parsePolicyPackConfigText`. Unreadable → `PolicyConfigError`. */
export function readPolicyPackConfigFile(path: string): PolicyPackConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (e) {
    throw new PolicyConfigError([`cannot read the policy pack config file ${path}: ${describeReadError(e)}`]);
  }
  return parsePolicyPackConfigText(text, path);
}
