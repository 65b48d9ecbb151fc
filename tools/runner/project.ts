/**
 * Reads a Pulumi program directory the way the CLI does before it runs the program: `Pulumi.yaml` (project name,
 * runtime, `main`), the stack's `Pulumi.<stack>.yaml` config, and `--config` overrides.
 */
import * as fs from "fs";
import * as path from "path";
import { isYamlMapping, readYamlFile, YamlReading, YamlValue } from "../engine/pulumi-yaml";
import { RunnerError } from "./errors";

/** One stack config value; `secure` values are ciphertext this tool cannot decrypt (they run as unknowns). */
export interface StackConfigValue {
  readonly value: string;
  readonly secure: boolean;
}

/** A program directory ready to run. */
export interface ProgramProject {
  readonly dir: string;
  readonly project: string;
  /** Absolute file or directory to `require`: Pulumi.yaml `main`, else the directory (package.json `main`, index). */
  readonly entry: string;
  readonly stack: string;
  /** Full config keys (`aws:region`, `<project>:logGroupName`) → value. */
  readonly config: Record<string, StackConfigValue>;
}

function readYaml(file: string, reading: YamlReading): YamlValue {
  const read = readYamlFile(file, reading);
  if (!read.ok) throw new RunnerError(read.message);
  return read.value;
}

/** Qualifies a config key the way the CLI does: a key without a namespace belongs to the project. */
export function qualifyConfigKey(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

/** A `{secure: <ciphertext>}` value: the CLI's encrypted config (`isSecureValue` in config/value.go). */
function secureText(value: YamlValue | undefined): string | undefined {
  return isYamlMapping(value) && Object.keys(value).length === 1 && typeof value.secure === "string"
    ? value.secure
    : undefined;
}

/**
 * A stack config value as the CLI's `config.Value` holds it (pulumi/pulumi sdk/go/common/resource/config/value.go,
 * `unmarshalValue`): a scalar keeps its text (`text`, from the text reading; null is ""), `{secure: ...}` is
 * ciphertext, and an object or list is JSON of its core-schema values (`typed`, from the typed reading), which the
 * program's `config.getObject` parses.
 */
function stackConfigValue(text: YamlValue, typed: YamlValue): StackConfigValue {
  const secure = secureText(text);
  if (secure !== undefined) return { value: secure, secure: true };
  if (text === null) return { value: "", secure: false };
  if (typeof text === "string") return { value: text, secure: false };
  return { value: JSON.stringify(typed), secure: false };
}

/**
 * A Pulumi.yaml project config value as the CLI's `createConfigValue` stores it (sdk/go/common/workspace): YAML
 * scalars with their types, formatted (`%v`), structured values as JSON.
 */
function projectConfigValue(value: YamlValue): StackConfigValue {
  const secure = secureText(value);
  if (secure !== undefined) return { value: secure, secure: true };
  return { value: typeof value === "object" && value !== null ? JSON.stringify(value) : String(value), secure: false };
}

/** Keys of a Pulumi.yaml config declaration (`{type, default, description, secret, items}`), not a value. */
const declarationKeys = new Set(["type", "default", "description", "secret", "items", "value"]);

/**
 * Project-level config from Pulumi.yaml's `config:` section, which every stack inherits: `key: value`,
 * `key: {value: v}`, or a declaration `key: {type, default}` (its default). Declarations without a default give
 * nothing. A `config:` that is a string (an old config directory setting) is ignored.
 */
export function projectConfig(section: YamlValue | undefined, project: string): Record<string, StackConfigValue> {
  const out: Record<string, StackConfigValue> = {};
  if (!isYamlMapping(section)) return out;
  for (const [key, entry] of Object.entries(section)) {
    let value: YamlValue | undefined = entry;
    if (
      isYamlMapping(entry) &&
      Object.keys(entry).length > 0 &&
      Object.keys(entry).every((k) => declarationKeys.has(k))
    ) {
      value = "value" in entry ? entry.value : entry.default;
    }
    if (value !== undefined && value !== null) out[qualifyConfigKey(key, project)] = projectConfigValue(value);
  }
  return out;
}

/** Picks the stack: the one asked for, else `dev` if it has a config file, else the only `Pulumi.<stack>.yaml`. */
export function chooseStack(dir: string, requested: string | undefined): string {
  if (requested) return requested;
  const stacks = fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);
  if (stacks.length === 0 || stacks.includes("dev")) return "dev";
  if (stacks.length === 1) return stacks[0];
  throw new RunnerError(`${dir} has several stacks (${stacks.sort().join(", ")}); choose one with --stack <name>`, 2);
}

/** Parses `--config key=value` overrides. */
export function parseConfigOverrides(pairs: readonly string[], project: string): Record<string, StackConfigValue> {
  const out: Record<string, StackConfigValue> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new RunnerError(`--config expects key=value, got '${pair}'`, 2);
    out[qualifyConfigKey(pair.slice(0, at), project)] = { value: pair.slice(at + 1), secure: false };
  }
  return out;
}

/** Reads the program directory; throws a {@link RunnerError} with a clear message when it is not a Node.js program. */
export function readProgramProject(
  dirArg: string,
  options: { stack?: string; config?: readonly string[] } = {},
): ProgramProject {
  const dir = path.resolve(dirArg);
  if (!fs.existsSync(dir)) throw new RunnerError(`no such directory: ${dirArg}`, 2);
  if (!fs.statSync(dir).isDirectory()) throw new RunnerError(`not a directory: ${dirArg}`, 2);
  const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!projectFile) throw new RunnerError(`${dirArg} has no Pulumi.yaml: it is not a Pulumi program directory`, 2);
  const projectYaml = readYaml(projectFile, "text");
  if (!isYamlMapping(projectYaml) || typeof projectYaml.name !== "string" || projectYaml.name === "") {
    throw new RunnerError(`${projectFile}: 'name' is missing`);
  }
  const project = projectYaml.name;
  const runtime = isYamlMapping(projectYaml.runtime) ? projectYaml.runtime.name : projectYaml.runtime;
  if (runtime !== "nodejs") {
    throw new RunnerError(
      `${projectFile}: runtime '${typeof runtime === "string" ? runtime : JSON.stringify(runtime)}' is not supported; only nodejs programs can run offline`,
    );
  }
  const main =
    typeof projectYaml.main === "string" && projectYaml.main !== "" ? path.resolve(dir, projectYaml.main) : dir;
  if (!fs.existsSync(main))
    throw new RunnerError(`${projectFile}: main '${projectYaml.main as string}' does not exist`);

  const stack = chooseStack(dir, options.stack);
  const typedProject = readYaml(projectFile, "typed");
  const config = projectConfig(isYamlMapping(typedProject) ? typedProject.config : undefined, project);
  const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
  if (fs.existsSync(stackFile)) {
    const text = readYaml(stackFile, "text");
    const typed = readYaml(stackFile, "typed");
    const section = isYamlMapping(text) ? text.config : undefined;
    const typedSection = isYamlMapping(typed) ? typed.config : undefined;
    if (section !== undefined && section !== null && !isYamlMapping(section)) {
      throw new RunnerError(`${stackFile}: 'config' must be a mapping`);
    }
    for (const [key, value] of Object.entries(isYamlMapping(section) ? section : {})) {
      const typedValue = isYamlMapping(typedSection) ? typedSection[key] : value;
      config[qualifyConfigKey(key, project)] = stackConfigValue(value, typedValue);
    }
  } else if (options.stack) {
    throw new RunnerError(`${dirArg} has no Pulumi.${stack}.yaml for stack '${stack}'`, 2);
  }
  Object.assign(config, parseConfigOverrides(options.config ?? [], project));
  return { dir, project, entry: main, stack, config };
}
