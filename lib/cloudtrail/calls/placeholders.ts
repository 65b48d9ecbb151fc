/** Filling a shape's placeholders (`${account}`, `${partition}`, `${region}`) with one account's values. */
import type { JsonObject, JsonValue } from "../json";

export interface PlaceholderValues {
  /** 12-digit account id. */
  readonly account: string;
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  readonly region: string;
}

/** The placeholders a string holds, in order of appearance, with repeats (e.g. ["${partition}", "${account}"]). */
export function placeholdersIn(text: string): string[] {
  return text.match(/\$\{[^}]*\}/g) ?? [];
}

/** A string with every placeholder replaced; unknown placeholders are left as they are. */
export function fillString(text: string, values: PlaceholderValues): string {
  return text
    .replace(/\$\{account\}/g, values.account)
    .replace(/\$\{partition\}/g, values.partition)
    .replace(/\$\{region\}/g, values.region);
}

/** A copy of a JSON value with every string (keys included) filled. */
export function fillPlaceholders<T extends JsonValue>(value: T, values: PlaceholderValues): T {
  return fillValue(value, values) as T;
}

function fillValue(value: JsonValue, values: PlaceholderValues): JsonValue {
  if (typeof value === "string") return fillString(value, values);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item) => fillValue(item, values));
  const result: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value as JsonObject))
    result[fillString(key, values)] = fillValue(item, values);
  return result;
}

/** Every string of a JSON value, keys included (for checks over a whole shape). */
export function allStrings(value: JsonValue): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return (value as readonly JsonValue[]).flatMap(allStrings);
  return Object.entries(value as JsonObject).flatMap(([key, item]) => [key, ...allStrings(item)]);
}
