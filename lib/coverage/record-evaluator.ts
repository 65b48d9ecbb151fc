/**
 * Evaluates the pattern against family records and their variants, as the JSON values they are (never serialised
 * and parsed back). A variant is evaluated only if the pattern can see a difference from its base record: for a
 * JSON pattern whose selectors are all plain key paths (`$.a.b`), the outcome depends only on the values at those
 * paths (a selector resolves by walking keys; anything off the path is never read), so only those values are
 * compared; for any other pattern, the whole record is.
 */
import { getAtPath } from "../cloudtrail";
import type { FamilyRecord, JsonObject, JsonValue } from "../cloudtrail";
import type { FilterPattern, JsonPattern, MatchOutcome } from "../filter-pattern/ast";
import { evaluateJsonPattern, evaluatePatternOnJson } from "../filter-pattern/evaluate";
import { plainKeyPaths } from "./clauses";

export interface RecordEvaluator {
  /** The outcome for a family record. */
  readonly evaluateBase: (base: FamilyRecord) => MatchOutcome;
  /** The outcome for a variant of `base`, or undefined when the pattern sees no difference from `base`. */
  readonly evaluateVariant: (variant: JsonObject, base: FamilyRecord) => MatchOutcome | undefined;
}

export function recordEvaluator(pattern: FilterPattern): RecordEvaluator {
  const paths = plainKeyPaths(pattern);
  return {
    // A JSON pattern reads only the record, so a family record's message need not be written for it.
    evaluateBase:
      pattern.kind === "json"
        ? (base) => evaluateJsonPattern(pattern, base.record)
        : (base) => evaluatePatternOnJson(pattern, base.message, base.record),
    evaluateVariant: pattern.kind === "json" ? jsonVariantEvaluator(pattern, paths) : messageVariantEvaluator(pattern),
  };
}

function jsonVariantEvaluator(
  pattern: JsonPattern,
  paths: readonly string[][] | undefined,
): RecordEvaluator["evaluateVariant"] {
  const baseValues = new Map<FamilyRecord, (JsonValue | undefined)[]>();
  const valuesOf = (base: FamilyRecord, keyPaths: readonly string[][]): (JsonValue | undefined)[] => {
    let values = baseValues.get(base);
    if (!values) {
      values = keyPaths.map((path) => getAtPath(base.record, path));
      baseValues.set(base, values);
    }
    return values;
  };
  return (variant, base) => {
    const same = paths ? sameAtPaths(variant, valuesOf(base, paths), paths) : sameJson(variant, base.record);
    return same ? undefined : evaluateJsonPattern(pattern, variant);
  };
}

/** Term, regex and delimited patterns read the message: a variant differs when its compact JSON does. */
function messageVariantEvaluator(pattern: FilterPattern): RecordEvaluator["evaluateVariant"] {
  return (variant, base) => {
    const message = JSON.stringify(variant);
    return message === base.message ? undefined : evaluatePatternOnJson(pattern, message, variant);
  };
}

/** Whether a record holds the given values (as compact JSON) at every path. */
function sameAtPaths(
  record: JsonObject,
  values: readonly (JsonValue | undefined)[],
  paths: readonly string[][],
): boolean {
  for (let i = 0; i < paths.length; i++) {
    const left = getAtPath(record, paths[i]);
    const right = values[i];
    if (left === right) continue;
    if (left === undefined || right === undefined || !sameJson(left, right)) return false;
  }
  return true;
}

/**
 * Whether two JSON values have the same compact JSON text (keys in the same order), without writing it:
 * variants share every untouched subtree with their base, so most comparisons stop at `===`.
 */
function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameArrays(a, b);
  return sameObjects(a as JsonObject, b as JsonObject);
}

function sameArrays(a: readonly JsonValue[], b: readonly JsonValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
  return true;
}

function sameObjects(a: JsonObject, b: JsonObject): boolean {
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== otherKeys[i] || !sameJson(a[key], b[key])) return false;
  }
  return true;
}
