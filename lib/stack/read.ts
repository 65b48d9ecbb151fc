/**
 * Unknown-safe reading of resource properties: the ONLY code that touches the SDK's `props` proxies.
 *
 * The policy SDK wraps every resource's `props` (and its provider's `props`) in `unknownCheckingProxy`, whose
 * `get` trap throws `UnknownValueError` when the value read is one of the engine's unknown sentinels (values not
 * known until the update, e.g. the ARN of a resource not created yet). The SDK turns that error into an
 * advisory "can't run policy" diagnostic, silently disarming a mandatory policy. Reading through property
 * descriptors never runs the trap, so this module copies what a policy needs into plain data and marks unknowns.
 */

/** The engine's unknown sentinels (pulumi/pulumi `sdk/go/common/resource/plugin/rpc.go`), hard-coded on purpose. */
export const unknownSentinels: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // bool
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** True when `value` is one of the engine's unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
  return typeof value === "string" && unknownSentinels.has(value);
}

/**
 * Plain data copied out of a props proxy. Unknown values stay as their sentinel strings (they are plain strings
 * here, and safe to compare); `undefined` means absent.
 */
export type PlainValue =
  string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/**
 * Reads own property `key` of `source` (a props proxy, a plain object or anything else) without running a proxy
 * trap, and returns a plain deep copy (arrays and objects are copied the same way). Returns `undefined` when the
 * property is absent or `source` is not an object. Never throws on unknowns.
 */
export function readProp(source: unknown, key: string): PlainValue | undefined {
  if (source === null || typeof source !== "object") return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(source, key);
  if (descriptor === undefined || !("value" in descriptor)) return undefined;
  return toPlain(descriptor.value);
}

/** A plain deep copy of `value`, read through descriptors only; functions and symbols become absent. */
function toPlain(value: unknown): PlainValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "object") return undefined;
  if (Array.isArray(value)) return copyArray(value);
  const copy: { [key: string]: PlainValue } = {};
  for (const key of Object.keys(value)) {
    const element = readProp(value, key);
    if (element !== undefined) copy[key] = element;
  }
  return copy;
}

function copyArray(array: readonly unknown[]): PlainValue[] {
  const lengthDescriptor = Object.getOwnPropertyDescriptor(array, "length");
  const length = typeof lengthDescriptor?.value === "number" ? lengthDescriptor.value : 0;
  const copy: PlainValue[] = [];
  for (let index = 0; index < length; index++) {
    const element = readProp(array, String(index));
    copy.push(element === undefined ? null : element);
  }
  return copy;
}

/** A value a policy needs: known, unknown until the update (preview), or absent (unset). */
export type Field<T> =
  /** `secret`: the engine sent the value (or a part of it) as a secret: use it, never print it. */
  | { readonly state: "known"; readonly value: T; readonly secret?: boolean }
  | { readonly state: "unknown" }
  | { readonly state: "absent" };

export const absent: Field<never> = Object.freeze({ state: "absent" });
export const unknown: Field<never> = Object.freeze({ state: "unknown" });

/** A known field. */
export function known<T>(value: T): Field<T> {
  return { state: "known", value };
}

/**
 * A string field. The empty string reads as absent: deployed state (stack export, refresh) writes `""` for
 * unset string properties. A non-string value also reads as absent.
 */
export function stringField(value: PlainValue | undefined): Field<string> {
  if (isUnknownSentinel(value)) return unknown;
  if (typeof value !== "string" || value === "") return absent;
  return known(value);
}

/** A string whose absence means the (provider) default `whenAbsent`. */
export function stringWithDefault(value: PlainValue | undefined, whenAbsent: string): Field<string> {
  const field = stringField(value);
  return field.state === "absent" ? known(whenAbsent) : field;
}

/** A filter pattern: unlike other strings, `""` is a real pattern (match everything). */
export function patternField(value: PlainValue | undefined): Field<string> {
  if (isUnknownSentinel(value)) return unknown;
  return typeof value === "string" ? known(value) : absent;
}

/**
 * A number field. Numeric strings are accepted (config-like values); `zeroIsUnset` makes `0` absent, as
 * deployed state writes `0` for unset numbers such as `datapointsToAlarm`.
 */
export function numberField(value: PlainValue | undefined, zeroIsUnset = false): Field<number> {
  if (isUnknownSentinel(value)) return unknown;
  let number: number | undefined;
  if (typeof value === "number") number = value;
  else if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) number = Number(value);
  if (number === undefined || (zeroIsUnset && number === 0)) return absent;
  return known(number);
}

/** A boolean field; the strings "true"/"false" are accepted too. */
export function booleanField(value: PlainValue | undefined): Field<boolean> {
  if (isUnknownSentinel(value)) return unknown;
  if (typeof value === "boolean") return known(value);
  if (value === "true" || value === "false") return known(value === "true");
  return absent;
}

/** A boolean whose absence means the (provider) default `whenAbsent`. */
export function booleanWithDefault(value: PlainValue | undefined, whenAbsent: boolean): Field<boolean> {
  const field = booleanField(value);
  return field.state === "absent" ? known(whenAbsent) : field;
}

/**
 * A list of strings whose elements may each be unknown. An unknown list is `unknown`; an empty list is absent
 * (deployed state writes `[]` for unset lists).
 */
export function stringListField(value: PlainValue | undefined): Field<readonly Field<string>[]> {
  if (isUnknownSentinel(value)) return unknown;
  if (!Array.isArray(value) || value.length === 0) return absent;
  return known(value.map((element: PlainValue) => stringField(element)));
}

/**
 * A string map (e.g. alarm dimensions). An empty map is absent (deployed state writes `{}`); a map holding an
 * unknown key value is `unknown` as a whole.
 */
export function stringMapField(value: PlainValue | undefined): Field<Readonly<Record<string, string>>> {
  if (isUnknownSentinel(value)) return unknown;
  if (!isPlainObject(value)) return absent;
  const entries = Object.entries(value);
  if (entries.length === 0) return absent;
  const map: Record<string, string> = {};
  for (const [key, element] of entries) {
    if (isUnknownSentinel(element)) return unknown;
    map[key] = typeof element === "string" ? element : JSON.stringify(element);
  }
  return known(map);
}

/** True for a list value (`Array.isArray` alone would type its elements `any`). */
export function isPlainList(value: PlainValue | undefined): value is readonly PlainValue[] {
  return Array.isArray(value);
}

/** True for a plain (non-array) object value. */
export function isPlainObject(value: PlainValue | undefined): value is { readonly [key: string]: PlainValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A list of objects read one by one: unknown as a whole (or an unknown element) is `unknown`, an empty list is
 * absent (deployed state writes `[]`), non-objects are skipped (none left: absent).
 */
export function objectListField<T>(
  value: PlainValue | undefined,
  read: (entry: { readonly [key: string]: PlainValue }) => T,
): Field<readonly T[]> {
  if (isUnknownSentinel(value)) return unknown;
  if (!isPlainList(value) || value.length === 0) return absent;
  const entries: T[] = [];
  for (const entry of value) {
    if (isUnknownSentinel(entry)) return unknown;
    if (isPlainObject(entry)) entries.push(read(entry));
  }
  return entries.length === 0 ? absent : known(entries);
}
