/**
 * A validator for the JSON-schema subset a policy's `configSchema` may use (`PolicyConfigJSONSchema` in
 * `@pulumi/policy/schema.d.ts`, checked by the CLI with gojsonschema, drafts 4 to 7). Supported keywords:
 * type (incl. "integer" and type lists), enum, const, multipleOf, minimum, maximum, exclusiveMinimum,
 * exclusiveMaximum (number or draft-4 boolean form), minLength, maxLength, pattern, items (schema or tuple),
 * additionalItems, minItems, maxItems, uniqueItems, contains, properties, patternProperties,
 * additionalProperties, required, minProperties, maxProperties, dependencies, propertyNames, and boolean
 * schemas. `format`, `description` and `default` are annotations and are not checked.
 * Pure: returns a list of messages, each naming the path of the offending value.
 */
import { isPlainObject } from "./json-text";

/** One problem found while validating. */
export interface SchemaProblem {
  /** Dotted path of the value, `""` for the validated value itself. */
  path: string;
  message: string;
}

/** The JSON type name of a value (`integer` is reported as `number`, like the JSON-schema data model). */
function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, typeName: string): boolean {
  const actual = jsonTypeOf(value);
  if (typeName === "number") return actual === "number" || actual === "integer";
  return actual === typeName;
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => jsonEqual(x, b[k]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function compilePattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, "u");
  } catch {
    return undefined;
  }
}

function checkNumber(value: number, schema: Record<string, unknown>, report: (m: string) => void): void {
  const minimum = numberOr(schema.minimum);
  const maximum = numberOr(schema.maximum);
  const exMin = schema.exclusiveMinimum;
  const exMax = schema.exclusiveMaximum;
  if (minimum !== undefined) {
    if (exMin === true ? value <= minimum : value < minimum)
      report(exMin === true ? `must be greater than ${minimum}` : `must be greater than or equal to ${minimum}`);
  }
  if (maximum !== undefined) {
    if (exMax === true ? value >= maximum : value > maximum)
      report(exMax === true ? `must be less than ${maximum}` : `must be less than or equal to ${maximum}`);
  }
  if (typeof exMin === "number" && value <= exMin) report(`must be greater than ${exMin}`);
  if (typeof exMax === "number" && value >= exMax) report(`must be less than ${exMax}`);
  const multipleOf = numberOr(schema.multipleOf);
  if (multipleOf !== undefined && multipleOf > 0) {
    const quotient = value / multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) report(`must be a multiple of ${multipleOf}`);
  }
}

function checkString(value: string, schema: Record<string, unknown>, report: (m: string) => void): void {
  const length = [...value].length;
  const minLength = numberOr(schema.minLength);
  const maxLength = numberOr(schema.maxLength);
  if (minLength !== undefined && length < minLength) report(`must be at least ${minLength} characters long`);
  if (maxLength !== undefined && length > maxLength) report(`must be at most ${maxLength} characters long`);
  if (typeof schema.pattern === "string") {
    const regex = compilePattern(schema.pattern);
    if (regex === undefined) report(`the schema's pattern ${show(schema.pattern)} is not a valid regular expression`);
    else if (!regex.test(value)) report(`must match the pattern ${show(schema.pattern)}`);
  }
}

function checkArray(
  value: unknown[],
  schema: Record<string, unknown>,
  path: string,
  out: SchemaProblem[],
  report: (m: string) => void,
): void {
  const minItems = numberOr(schema.minItems);
  const maxItems = numberOr(schema.maxItems);
  if (minItems !== undefined && value.length < minItems) report(`must have at least ${minItems} item(s)`);
  if (maxItems !== undefined && value.length > maxItems) report(`must have at most ${maxItems} item(s)`);
  if (schema.uniqueItems === true) {
    const dup = value.findIndex((x, k) => value.findIndex((y) => jsonEqual(x, y)) !== k);
    if (dup >= 0) report(`items must be unique (item ${dup} repeats an earlier one)`);
  }
  const items = schema.items;
  if (Array.isArray(items)) {
    value.forEach((item, k) => {
      if (k < items.length) validateValue(item, items[k], childPath(path, k), out);
      else if (schema.additionalItems !== undefined)
        validateValue(item, schema.additionalItems, childPath(path, k), out);
    });
  } else if (items !== undefined) {
    value.forEach((item, k) => validateValue(item, items, childPath(path, k), out));
  }
  if (schema.contains !== undefined && !value.some((item) => validateJsonSchema(item, schema.contains).length === 0))
    report("must contain at least one item matching the schema's `contains`");
}

function checkObject(
  value: Record<string, unknown>,
  schema: Record<string, unknown>,
  path: string,
  out: SchemaProblem[],
  report: (m: string) => void,
): void {
  const keys = Object.keys(value);
  const minProperties = numberOr(schema.minProperties);
  const maxProperties = numberOr(schema.maxProperties);
  if (minProperties !== undefined && keys.length < minProperties) report(`must have at least ${minProperties} properties`);
  if (maxProperties !== undefined && keys.length > maxProperties) report(`must have at most ${maxProperties} properties`);
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name === "string" && !Object.prototype.hasOwnProperty.call(value, name))
        out.push({ path: childPath(path, name), message: "is required" });
    }
  }
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const patternProperties = isPlainObject(schema.patternProperties) ? schema.patternProperties : {};
  for (const key of keys) {
    const keyPath = childPath(path, key);
    let matched = false;
    if (Object.prototype.hasOwnProperty.call(properties, key)) {
      matched = true;
      validateValue(value[key], properties[key], keyPath, out);
    }
    for (const [source, sub] of Object.entries(patternProperties)) {
      const regex = compilePattern(source);
      if (regex !== undefined && regex.test(key)) {
        matched = true;
        validateValue(value[key], sub, keyPath, out);
      }
    }
    if (!matched && schema.additionalProperties !== undefined) {
      if (schema.additionalProperties === false) out.push({ path: keyPath, message: "is not an allowed property" });
      else validateValue(value[key], schema.additionalProperties, keyPath, out);
    }
    if (schema.propertyNames !== undefined && validateJsonSchema(key, schema.propertyNames).length > 0)
      out.push({ path: keyPath, message: "has a name that does not match the schema's `propertyNames`" });
  }
  if (isPlainObject(schema.dependencies)) {
    for (const [key, dependency] of Object.entries(schema.dependencies)) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      if (Array.isArray(dependency)) {
        for (const needed of dependency) {
          if (typeof needed === "string" && !Object.prototype.hasOwnProperty.call(value, needed))
            report(`has ${show(key)}, so it must also have ${show(needed)}`);
        }
      } else {
        validateValue(value, dependency, path, out);
      }
    }
  }
}

function validateValue(value: unknown, schema: unknown, path: string, out: SchemaProblem[]): void {
  if (schema === true || schema === undefined) return;
  const report = (message: string): void => {
    out.push({ path, message });
  };
  if (schema === false) {
    report("is not allowed");
    return;
  }
  if (!isPlainObject(schema)) return;

  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t): t is string => typeof t === "string");
    if (!types.some((t) => matchesType(value, t))) {
      report(`must be of type ${types.join(" or ")}, but is ${jsonTypeOf(value) === "integer" ? "number" : jsonTypeOf(value)} ${show(value)}`);
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => jsonEqual(allowed, value)))
    report(`must be one of ${schema.enum.map(show).join(", ")}, but is ${show(value)}`);
  if ("const" in schema && !jsonEqual(schema.const, value)) report(`must be ${show(schema.const)}, but is ${show(value)}`);

  if (typeof value === "number") checkNumber(value, schema, report);
  else if (typeof value === "string") checkString(value, schema, report);
  else if (Array.isArray(value)) checkArray(value, schema, path, out, report);
  else if (isPlainObject(value)) checkObject(value, schema, path, out, report);
}

/** Validates a JSON value against a schema of the supported subset; returns every problem found (none = valid). */
export function validateJsonSchema(value: unknown, schema: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  validateValue(value, schema, "", out);
  return out;
}
