/**
 * Validates a value against a policy's `configSchema` with Ajv (JSON Schema draft-07), as the Pulumi CLI validates
 * policy config with gojsonschema before it calls `Configure` (pulumi/pulumi `pkg/resource/analyzer/config.go`).
 * `PolicyConfigJSONSchema` in `@pulumi/policy/schema.d.ts` is the draft-06/07 vocabulary (`exclusiveMinimum` is
 * a number, `const`, `contains`, `propertyNames`). Unknown keywords are ignored, as gojsonschema does; `format` is an
 * annotation here (not checked). A schema Ajv cannot compile (such as draft-04's boolean `exclusiveMinimum`) is
 * reported as a problem, not thrown.
 */
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { isPlainObject } from "./json-text";

/** One problem found while validating. */
export interface SchemaProblem {
  /** Path of the value (`actions[1]`, `tags.team`), `""` for the validated value itself. */
  path: string;
  message: string;
}

const ajv = new Ajv({
  allErrors: true,
  strict: false,
  validateFormats: false,
  // `error.data`, to say what the value was.
  verbose: true,
  // 0.3 is a multiple of 0.1 (gojsonschema divides exactly); without this, 0.3 % 0.1 in floating point is not 0.
  multipleOfPrecision: 9,
  logger: false,
});

/** Compiled validators by schema text: policy schemas are rebuilt as new objects for every validation. */
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: unknown): ValidateFunction | string {
  const key = JSON.stringify(schema) ?? "undefined";
  const known = compiled.get(key);
  if (known !== undefined) return known;
  try {
    const validate = ajv.compile(schema as object | boolean);
    compiled.set(key, validate);
    return validate;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^schema is invalid: /, "");
    return `the config schema is not valid JSON Schema (draft-07): ${reason}`;
  }
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** "number 30.5", "string \"300\"", "null": the value and its JSON type. */
function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `array ${show(value)}`;
  return `${typeof value} ${show(value)}`;
}

/** A JSON-pointer instance path as `a.b[1].c`, reading the data to tell list indexes from object keys. */
function readablePath(pointer: string, data: unknown): string {
  let out = "";
  let node = data;
  for (const segment of pointer.split("/").slice(1)) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    out = Array.isArray(node) ? `${out}[${key}]` : out === "" ? key : `${out}.${key}`;
    node = Array.isArray(node) ? node[Number(key)] : isPlainObject(node) ? node[key] : undefined;
  }
  return out;
}

function child(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

/**
 * One Ajv error as a problem. Ajv's wording is kept, except where the property or the value makes it clearer:
 * a missing or disallowed property is named in the path, and type, enum and const errors say what the value was.
 */
function toProblem(error: ErrorObject, data: unknown): SchemaProblem {
  const path = readablePath(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  // An error inside `propertyNames` is about a key of the object at `path`.
  if (error.propertyName !== undefined)
    return { path: child(path, error.propertyName), message: `its name ${error.message}` };
  switch (error.keyword) {
    case "required":
      return { path: child(path, String(params.missingProperty)), message: "is required" };
    case "additionalProperties":
      return { path: child(path, String(params.additionalProperty)), message: "is not an allowed property" };
    case "type":
      return {
        path,
        message: `must be ${String(params.type).split(",").join(" or ")}, but is ${describeValue(error.data)}`,
      };
    case "enum":
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map(show).join(", ")}, but is ${show(error.data)}`,
      };
    case "const":
      return { path, message: `must be ${show(params.allowedValue)}, but is ${show(error.data)}` };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

/** Validates a JSON value against a JSON schema; returns every problem found (none = valid). */
export function validateJsonSchema(value: unknown, schema: unknown): SchemaProblem[] {
  const validate = validatorFor(schema);
  if (typeof validate === "string") return [{ path: "", message: validate }];
  if (validate(value)) return [];
  // Ajv follows a failed `propertyNames` with a summary ("property name must be valid"); the key's own error says more.
  return (validate.errors ?? []).filter((e) => e.keyword !== "propertyNames").map((e) => toProblem(e, value));
}
