import * as policySdk from "@pulumi/policy";
import {
  booleanField,
  numberField,
  objectListField,
  patternField,
  readProp,
  stringField,
  stringListField,
  stringMapField,
} from "../../lib/stack/read";
import { unknownValue } from "../helpers/engine-resources";

const proxy = (policySdk as unknown as { unknownCheckingProxy: (o: object) => Record<string, unknown> })
  .unknownCheckingProxy;
const U = unknownValue.string;

describe("readProp over the SDK's unknown-checking proxy", () => {
  const props = proxy({ name: "x", arn: U, actions: ["a", U], nested: { v: U, w: 1 }, flag: false, nothing: null });

  it("the proxy itself throws on these reads (so the test is meaningful)", () => {
    expect(() => props.arn).toThrow();
    expect(() => (props.nested as Record<string, unknown>).v).toThrow();
  });

  it("reads known values, and unknowns as their sentinel, without throwing", () => {
    expect(readProp(props, "name")).toBe("x");
    expect(readProp(props, "arn")).toBe(U);
    expect(readProp(props, "actions")).toEqual(["a", U]);
    expect(readProp(props, "nested")).toEqual({ v: U, w: 1 });
    expect(readProp(props, "flag")).toBe(false);
    expect(readProp(props, "nothing")).toBeNull();
    expect(readProp(props, "missing")).toBeUndefined();
  });

  it("returns plain data (JSON-serializable, no proxy left)", () => {
    expect(JSON.stringify(readProp(props, "nested"))).toBe(JSON.stringify({ v: U, w: 1 }));
  });

  it("tolerates non-objects", () => {
    expect(readProp(undefined, "x")).toBeUndefined();
    expect(readProp(null, "x")).toBeUndefined();
    expect(readProp("text", "length")).toBeUndefined();
  });

  it("copies only JSON-like data: functions are absent (no key left), non-finite numbers read as null", () => {
    const source = { f: () => 1, n: Infinity, nested: { f: () => 1, x: 1, nan: NaN } };
    expect(readProp(source, "f")).toBeUndefined();
    expect(readProp(source, "n")).toBeNull();
    // toStrictEqual: a key holding `undefined` would not be equal to a missing key.
    expect(readProp(source, "nested")).toStrictEqual({ x: 1, nan: null });
  });

  it("keeps array positions: a hole or a function element reads as null", () => {
    // eslint-disable-next-line no-sparse-arrays
    const source = { list: [() => 1, , "b"] };
    expect(readProp(source, "list")).toStrictEqual([null, null, "b"]);
  });
});

describe("fields", () => {
  it("strings: unknown sentinel, deployed-state empty string as absent", () => {
    expect(stringField(U)).toEqual({ state: "unknown" });
    expect(stringField("")).toEqual({ state: "absent" });
    expect(stringField(undefined)).toEqual({ state: "absent" });
    expect(stringField("a")).toEqual({ state: "known", value: "a" });
  });
  it("numbers: the number sentinel, 0 as unset only when asked (datapointsToAlarm)", () => {
    expect(numberField(unknownValue.number)).toEqual({ state: "unknown" });
    expect(numberField(0)).toEqual({ state: "known", value: 0 });
    expect(numberField(0, true)).toEqual({ state: "absent" });
    expect(numberField("300")).toEqual({ state: "known", value: 300 });
  });
  it("booleans", () => {
    expect(booleanField(unknownValue.bool)).toEqual({ state: "unknown" });
    expect(booleanField(false)).toEqual({ state: "known", value: false });
    expect(booleanField(undefined)).toEqual({ state: "absent" });
  });
  it('booleans given as the strings "true"/"false" (config-like values); other strings are absent', () => {
    expect(booleanField("true")).toEqual({ state: "known", value: true });
    expect(booleanField("false")).toEqual({ state: "known", value: false });
    expect(booleanField("")).toEqual({ state: "absent" });
    expect(booleanField("yes")).toEqual({ state: "absent" });
  });
  it('numbers: a blank string is not 0 (Number("  ") would be)', () => {
    expect(numberField("  ")).toEqual({ state: "absent" });
    expect(numberField(" 60 ")).toEqual({ state: "known", value: 60 });
  });
  it('filter patterns: "" is a real pattern (match everything), a non-string is absent', () => {
    expect(patternField("")).toEqual({ state: "known", value: "" });
    expect(patternField(U)).toEqual({ state: "unknown" });
    expect(patternField(undefined)).toEqual({ state: "absent" });
    expect(patternField(5)).toEqual({ state: "absent" });
  });
  it("string lists: whole unknown, element unknown, deployed empty list", () => {
    expect(stringListField(unknownValue.array)).toEqual({ state: "unknown" });
    expect(stringListField(["a", U])).toEqual({
      state: "known",
      value: [{ state: "known", value: "a" }, { state: "unknown" }],
    });
    expect(stringListField([])).toEqual({ state: "absent" });
  });
  it("string maps: deployed empty map as absent, an unknown value makes the map unknown", () => {
    expect(stringMapField({})).toEqual({ state: "absent" });
    expect(stringMapField({ k: U })).toEqual({ state: "unknown" });
    expect(stringMapField(unknownValue.object)).toEqual({ state: "unknown" });
    expect(stringMapField({ k: "v" })).toEqual({ state: "known", value: { k: "v" } });
  });
  it("string maps: null is absent, non-string values are written as their JSON text", () => {
    expect(stringMapField(null)).toEqual({ state: "absent" });
    expect(stringMapField({ n: 5, b: true })).toEqual({ state: "known", value: { n: "5", b: "true" } });
  });
  it("object lists: non-objects are skipped, and a list of none but non-objects is absent", () => {
    const names = (entry: { readonly [key: string]: unknown }): unknown => entry.name;
    expect(objectListField([1, "x", { name: "a" }], names)).toEqual({ state: "known", value: ["a"] });
    expect(objectListField([1, "x", null], names)).toEqual({ state: "absent" });
    expect(objectListField([], names)).toEqual({ state: "absent" });
    expect(objectListField([{ name: "a" }, U], names)).toEqual({ state: "unknown" });
    expect(objectListField(unknownValue.array, names)).toEqual({ state: "unknown" });
  });
});
