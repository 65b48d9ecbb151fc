/**
 * Policy config: one declaration per property gives both the JSON schema the engine validates (and fills
 * defaults from) and the in-code reading, which applies the same defaults (`getConfig()` returns `{}` in unit
 * tests and when Configure was never called) and reports bad values as plain messages instead of crashing.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";

interface PropertyBase {
  readonly description: string;
}
export interface BooleanProperty extends PropertyBase {
  readonly type: "boolean";
  readonly default: boolean;
}
export interface StringProperty extends PropertyBase {
  readonly type: "string";
  readonly default: string;
  readonly enum?: readonly string[];
  readonly minLength?: number;
}
export interface IntegerProperty extends PropertyBase {
  readonly type: "integer";
  readonly default: number;
  readonly minimum?: number;
}
export interface StringListProperty extends PropertyBase {
  readonly type: "array";
  readonly default: readonly string[];
  readonly items: { readonly type: "string"; readonly minLength?: number; readonly enum?: readonly string[] };
}
export type ConfigProperty = BooleanProperty | StringProperty | IntegerProperty | StringListProperty;
export type ConfigProperties = Readonly<Record<string, ConfigProperty>>;

type ValueOf<P extends ConfigProperty> = P extends BooleanProperty
  ? boolean
  : P extends StringProperty
    ? string
    : P extends IntegerProperty
      ? number
      : readonly string[];

/** The typed config a policy receives after defaults and validation. */
export type ConfigOf<S extends ConfigProperties> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** The JSON schema for the engine (`configSchema`). */
export function configSchemaOf(properties: ConfigProperties): PolicyConfigSchema {
  const schema: PolicyConfigSchema["properties"] = {};
  for (const [name, property] of Object.entries(properties)) {
    schema[name] = JSON.parse(JSON.stringify(property)) as PolicyConfigSchema["properties"][string];
  }
  return { properties: schema };
}

/** Describes a config value for an error message (config values are settings, never resource data). */
function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function problemOf(name: string, property: ConfigProperty, value: unknown): string | undefined {
  switch (property.type) {
    case "boolean":
      return typeof value === "boolean" ? undefined : `\`${name}\` must be true or false, got ${show(value)}`;
    case "string":
      if (typeof value !== "string") return `\`${name}\` must be a string, got ${show(value)}`;
      if (property.minLength !== undefined && value.length < property.minLength) return `\`${name}\` must not be empty`;
      if (property.enum !== undefined && !property.enum.includes(value)) {
        return `\`${name}\` must be one of ${property.enum.map((v) => `"${v}"`).join(", ")}, got ${show(value)}`;
      }
      return undefined;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value))
        return `\`${name}\` must be an integer, got ${show(value)}`;
      if (property.minimum !== undefined && value < property.minimum) {
        return `\`${name}\` must be at least ${property.minimum}, got ${show(value)}`;
      }
      return undefined;
    case "array":
      if (!Array.isArray(value)) return `\`${name}\` must be a list of strings, got ${show(value)}`;
      for (const [index, element] of value.entries()) {
        if (typeof element !== "string") return `\`${name}[${index}]\` must be a string, got ${show(element)}`;
        if (property.items.minLength !== undefined && element.length < property.items.minLength) {
          return `\`${name}[${index}]\` must not be empty`;
        }
        if (property.items.enum !== undefined && !property.items.enum.includes(element)) {
          return `\`${name}[${index}]\` must be one of ${property.items.enum.map((v) => `"${v}"`).join(", ")}, got ${show(element)}`;
        }
      }
      return undefined;
  }
}

/**
 * Applies defaults to `raw` (what `getConfig()` returned) and validates every declared property. Unknown extra
 * properties are ignored (the engine's schema check owns those).
 */
export function readConfig<S extends ConfigProperties>(
  properties: S,
  raw: unknown,
): { readonly ok: true; readonly config: ConfigOf<S> } | { readonly ok: false; readonly problems: readonly string[] } {
  const given: Record<string, unknown> =
    raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const value = given[name] === undefined || given[name] === null ? property.default : given[name];
    const problem = problemOf(name, property, value);
    if (problem !== undefined) problems.push(problem);
    values[name] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: values as ConfigOf<S> };
}
