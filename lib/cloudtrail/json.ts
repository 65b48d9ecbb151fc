/** Plain JSON values, as a CloudTrail record holds them, and small pure helpers over them. */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** Whether a JSON value is an object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds an object in the order its entries are given, leaving out entries whose value is `undefined`.
 * CloudTrail writes keys in a fixed order and omits absent optional fields, so records are built this way.
 */
export function orderedObject(entries: ReadonlyArray<readonly [string, JsonValue | undefined]>): JsonObject {
  const result: { [key: string]: JsonValue } = {};
  for (const [key, value] of entries) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** Reads the value at a key path, or `undefined` when a step is missing or steps into a non-object. */
export function getAtPath(root: JsonValue, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const key of path) {
    if (!isJsonObject(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
  }
  return node;
}

/**
 * Returns a copy of `root` with the value at `path` replaced (or removed when `value` is `undefined`), copying
 * only the objects along the path. Missing or null parents are created as objects. Returns `undefined` when a
 * parent on the path is a string, number, boolean or array: the path cannot exist in such a record.
 * A key that is new is appended, so existing keys keep their order.
 */
export function setAtPath(
  root: JsonObject,
  path: readonly string[],
  value: JsonValue | undefined,
): JsonObject | undefined {
  if (path.length === 0) return isJsonObject(value ?? null) ? (value as JsonObject) : undefined;
  return setFrom(root, path, 0, value);
}

/** `setAtPath` from `path[at]` on (`at` < path length), without copying the path. */
function setFrom(
  root: JsonObject,
  path: readonly string[],
  at: number,
  value: JsonValue | undefined,
): JsonObject | undefined {
  const head = path[at];
  let replacement: JsonValue | undefined;
  if (at === path.length - 1) {
    replacement = value;
  } else {
    const child = Object.prototype.hasOwnProperty.call(root, head) ? root[head] : undefined;
    if (child !== undefined && child !== null && !isJsonObject(child)) return undefined;
    const nested = setFrom(child ?? {}, path, at + 1, value);
    if (nested === undefined) return undefined;
    replacement = nested;
  }
  if (replacement === undefined) {
    // Left out by a rest copy, not deleted from a full one: an object with a key deleted becomes a dictionary in V8,
    // and a variant of it copies and reads several times slower.
    const { [head]: _removed, ...rest } = root;
    return rest;
  }
  return { ...root, [head]: replacement };
}

/** Every string leaf of a value with its key path (array elements are skipped: these records hold few). */
export function stringLeaves(
  root: JsonValue,
  prefix: readonly string[] = [],
): Array<{ path: string[]; value: string }> {
  if (typeof root === "string") return [{ path: [...prefix], value: root }];
  if (!isJsonObject(root)) return [];
  const leaves: Array<{ path: string[]; value: string }> = [];
  for (const key of Object.keys(root)) leaves.push(...stringLeaves(root[key], [...prefix, key]));
  return leaves;
}
