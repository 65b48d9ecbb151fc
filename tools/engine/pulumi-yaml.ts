/**
 * Pulumi's YAML files (`Pulumi.yaml`, `Pulumi.<stack>.yaml`, `PulumiPolicy.yaml`) read with js-yaml, the library
 * `@pulumi/pulumi` reads the same files with (its automation API). A document can be read two ways:
 * - `text`: every scalar keeps its text (`1.10`, `true`, `0777`), null aside. This is what the CLI's Go
 *   `config.Value` holds for a scalar stack config value: its `unmarshalValue` first decodes the node into a
 *   string, which keeps the text (pulumi/pulumi `sdk/go/common/resource/config/value.go`). `PulumiPolicy.yaml`'s
 *   `version` is a Go string field too.
 * - `typed`: the YAML 1.2 core schema (booleans, numbers, null): the types the CLI gives the values inside a
 *   structured (object or list) config value before `json.Marshal` writes it as JSON (same function), and those of
 *   `Pulumi.yaml` project config.
 * Both readings accept merge keys (`<<: *anchor`) and keep timestamps as text, as Go's yaml packages do when they
 * decode into an untyped value. Go's yaml also reads some YAML 1.1 forms inside structured values (`yes`, `0777`
 * as octal) that the core schema reads as the string `yes` and the number 777.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";

/** A YAML value: scalars are strings under the `text` reading. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** How scalars are read; see the module comment. */
export type YamlReading = "text" | "typed";

/** js-yaml's own types (exported by js-yaml 4, not declared by @types/js-yaml 4.0.9). */
const builtin = (yaml as unknown as { types: Record<"null" | "merge", yaml.Type> }).types;

const schemas: Record<YamlReading, yaml.Schema> = {
  text: yaml.FAILSAFE_SCHEMA.extend({ implicit: [builtin.null, builtin.merge] }),
  typed: yaml.CORE_SCHEMA.extend({ implicit: [builtin.merge] }),
};

/** The result of reading a YAML document; `line` and `column` are 1-based. */
export type YamlReadResult =
  { ok: true; value: YamlValue } | { ok: false; message: string; line: number; column: number };

/** Reads one YAML document. An empty document (or one that is only `null`) reads as `{}`. Never throws. */
export function readYamlText(text: string, reading: YamlReading): YamlReadResult {
  try {
    const value = yaml.load(text, { schema: schemas[reading] }) as YamlValue | undefined;
    return { ok: true, value: value ?? {} };
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      return { ok: false, message: e.reason, line: e.mark.line + 1, column: e.mark.column + 1 };
    }
    throw e;
  }
}

/** Reads a YAML file; a syntax error becomes `{ ok: false }` with its position, `file:line:column: reason`. */
export function readYamlFile(
  file: string,
  reading: YamlReading,
): { ok: true; value: YamlValue } | { ok: false; message: string } {
  const result = readYamlText(fs.readFileSync(file, "utf8"), reading);
  return result.ok ? result : { ok: false, message: `${file}:${result.line}:${result.column}: ${result.message}` };
}

/** True when `value` is a YAML mapping. */
export function isYamlMapping(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
