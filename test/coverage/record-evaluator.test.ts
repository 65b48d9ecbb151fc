/**
 * The record evaluator skips a variant the pattern cannot tell from its base record: for a JSON pattern whose
 * selectors are plain key paths, only the values at those paths count, compared as compact JSON (JSON.stringify:
 * same keys in the same order, same array elements); for any other pattern, the whole record. Expected outcomes
 * follow CloudWatch Logs "Filter pattern syntax for metric filters" (JSON property selectors, `EXISTS`, terms).
 */
import type { FamilyRecord, JsonObject } from "../../lib/cloudtrail";
import { recordEvaluator } from "../../lib/coverage/record-evaluator";
import type { RecordEvaluator } from "../../lib/coverage/record-evaluator";
import type { FilterPattern } from "../../lib/filter-pattern";
import { parseFilterPattern } from "../../lib/filter-pattern";

function pattern(text: string): FilterPattern {
  const parsed = parseFilterPattern(text);
  if (!parsed.ok) throw new Error(`test pattern does not parse: ${text}`);
  return parsed.pattern;
}

/**
 * The evaluator of a pattern, built anew inside each test that calls it: code run while jest collects the tests (a
 * `describe` body) is credited to no test, so mutation testing would not run these tests against `recordEvaluator`.
 */
const evaluatorOf = (text: string) => (): RecordEvaluator => recordEvaluator(pattern(text));

const noKinds = { outcome: [], caller: [], client: [], trail: [], region: [], version: [] };

function familyRecord(record: JsonObject, message = JSON.stringify(record)): FamilyRecord {
  const eventName = typeof record.eventName === "string" ? record.eventName : "";
  return { id: eventName, eventName, subject: eventName, kinds: [], kindsByAspect: noKinds, record, message };
}

const base = familyRecord({
  eventName: "CreateTrail",
  userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111122223333:user/alice" },
  sourceIPAddress: "192.0.2.1",
  requestParameters: { name: "org-trail", tags: ["a", "b"], options: { x: 1, y: 2 } },
  resources: [{ ARN: "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail" }],
});

/** A deep copy: equal as JSON, but no object shared with the original. */
const copy = (record: JsonObject): JsonObject => JSON.parse(JSON.stringify(record)) as JsonObject;

function withParameters(parameters: JsonObject | null | string[]): JsonObject {
  return { ...base.record, requestParameters: parameters };
}

describe("recordEvaluator: a JSON pattern of plain key paths", () => {
  const evaluator = evaluatorOf("{ $.eventName = CreateTrail || $.requestParameters NOT EXISTS }");

  test("a family record is judged by its JSON record, not by its message text", () => {
    expect(evaluator().evaluateBase(familyRecord(base.record, "not the record"))).toEqual({ outcome: "match" });
  });

  test("a variant that changes a field off the pattern's paths is skipped", () => {
    expect(evaluator().evaluateVariant({ ...base.record, sourceIPAddress: "198.51.100.7" }, base)).toBeUndefined();
  });

  test("a variant equal at the paths as JSON, in objects of its own, is skipped", () => {
    expect(evaluator().evaluateVariant(copy(base.record), base)).toBeUndefined();
  });

  test("a variant with another value at a path is evaluated", () => {
    expect(evaluator().evaluateVariant({ ...base.record, eventName: "DeleteTrail" }, base)).toEqual({
      outcome: "noMatch",
    });
  });

  test("a variant without a field the base has, or with one the base lacks, is evaluated", () => {
    const { requestParameters: _dropped, ...without } = base.record;
    expect(evaluator().evaluateVariant(without, base)).toEqual({ outcome: "match" });
    expect(evaluator().evaluateVariant(base.record, familyRecord(without))).toEqual({ outcome: "match" });
  });

  test("a variant that lacks a path's field as its base does, and differs only off the paths, is skipped", () => {
    // Both lack requestParameters: the same (absent) value at that path, the same eventName at the other.
    const { requestParameters: _dropped, ...without } = base.record;
    expect(evaluator().evaluateVariant({ ...without, sourceIPAddress: "198.51.100.7" }, familyRecord(without))).toBeUndefined();
  });

  // requestParameters is the value at a path: it is compared as JSON text, element by element and key by key.
  const differing: ReadonlyArray<readonly [string, JsonObject | null | string[]]> = [
    ["an array one element shorter", { name: "org-trail", tags: ["a"], options: { x: 1, y: 2 } }],
    ["an array element changed", { name: "org-trail", tags: ["a", "c"], options: { x: 1, y: 2 } }],
    ["an object where the base has an array", { name: "org-trail", tags: { 0: "a", 1: "b" }, options: { x: 1, y: 2 } }],
    ["an array where the base has an object", ["org-trail"]],
    ["one key more", { name: "org-trail", tags: ["a", "b"], options: { x: 1, y: 2 }, extra: true }],
    ["one key fewer", { name: "org-trail", tags: ["a", "b"] }],
    ["the same keys in another order", { name: "org-trail", tags: ["a", "b"], options: { y: 2, x: 1 } }],
    ["another key in the same place", { name: "org-trail", tags: ["a", "b"], options: { x: 1, z: 2 } }],
    ["a nested value changed", { name: "org-trail", tags: ["a", "b"], options: { x: 1, y: 3 } }],
    ["null", null],
  ];
  test.each(differing)("a variant whose value at a path is %s is evaluated", (_name, parameters) => {
    // eventName = CreateTrail decides: the point is that the variant is evaluated at all.
    expect(evaluator().evaluateVariant(withParameters(parameters), base)).toEqual({ outcome: "match" });
  });

  test("a variant whose value at a path is a string where the base has an object is evaluated", () => {
    expect(evaluator().evaluateVariant({ ...base.record, requestParameters: "org-trail" }, base)).toEqual({
      outcome: "match",
    });
  });

  test("a value of another JSON type is never the same, even where its keys or length would agree", () => {
    // A number has no keys, like an empty object; an array-like object has a length, like an array.
    const emptyParameters = familyRecord({ ...base.record, requestParameters: {} });
    expect(evaluator().evaluateVariant({ ...base.record, requestParameters: 0 }, emptyParameters)).toEqual({
      outcome: "match",
    });
    const zeroParameters = familyRecord({ ...base.record, requestParameters: 0 });
    expect(evaluator().evaluateVariant({ ...base.record, requestParameters: {} }, zeroParameters)).toEqual({
      outcome: "match",
    });
    const arrayLike = familyRecord({ ...base.record, requestParameters: { 0: "org-trail", length: 1 } });
    expect(evaluator().evaluateVariant({ ...base.record, requestParameters: ["org-trail"] }, arrayLike)).toEqual({
      outcome: "match",
    });
  });

  test("the values of a base are read once and reused for every variant of it", () => {
    // The first variant notes the base's values; a second, equal at the paths, is still skipped.
    const one = evaluator();
    expect(one.evaluateVariant(copy(base.record), base)).toBeUndefined();
    expect(one.evaluateVariant({ ...copy(base.record), awsRegion: "eu-west-1" }, base)).toBeUndefined();
  });
});

describe("recordEvaluator: a JSON pattern with an index or a wildcard compares whole records", () => {
  const evaluator = evaluatorOf('{ $.resources[0].ARN = "arn:aws:cloudtrail:*" }');

  test("an equal copy of the base is skipped", () => {
    expect(evaluator().evaluateVariant(copy(base.record), base)).toBeUndefined();
  });

  test("a change anywhere in the record is evaluated, even off the selector", () => {
    expect(evaluator().evaluateVariant({ ...base.record, sourceIPAddress: "198.51.100.7" }, base)).toEqual({
      outcome: "match",
    });
    expect(evaluator().evaluateVariant({ ...base.record, resources: [] }, base)).toEqual({ outcome: "noMatch" });
  });
});

describe("recordEvaluator: term patterns read the message", () => {
  const evaluator = evaluatorOf('"CreateTrail"');

  test("a family record is judged by its message", () => {
    expect(evaluator().evaluateBase(base)).toEqual({ outcome: "match" });
    expect(evaluator().evaluateBase(familyRecord(base.record, '{"eventName":"DeleteTrail"}'))).toEqual({
      outcome: "noMatch",
    });
  });

  test("a variant whose compact JSON is the base's message is skipped; any other is evaluated on its own text", () => {
    expect(evaluator().evaluateVariant(copy(base.record), base)).toBeUndefined();
    // The record holds "CreateTrail" only as its eventName.
    expect(evaluator().evaluateVariant({ ...base.record, eventName: "DeleteTrail" }, base)).toEqual({
      outcome: "noMatch",
    });
  });
});

describe("recordEvaluator: keys named like a JavaScript object's own members", () => {
  // requestParameters holds whatever the caller sent, so any JSON key may appear in a record and in a selector.
  test.each(["constructor", "toString", "__proto__"])("a path through %s reads its value, and sees it change", (key) => {
    const text = (name: string) => `{"eventName":"CreateTrail","requestParameters":{"${key}":{"name":"${name}"}}}`;
    const record = familyRecord(JSON.parse(text("x")) as JsonObject);
    const evaluator = recordEvaluator(pattern(`{ $.requestParameters.${key}.name = "x" && $.eventName = CreateTrail }`));
    expect(evaluator.evaluateBase(record)).toEqual({ outcome: "match" });
    expect(evaluator.evaluateVariant(JSON.parse(text("y")) as JsonObject, record)).toEqual({ outcome: "noMatch" });
    expect(evaluator.evaluateVariant(JSON.parse(text("x")) as JsonObject, record)).toBeUndefined();
  });
});
