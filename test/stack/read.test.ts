import * as policySdk from "@pulumi/policy";
import {
  booleanField,
  numberField,
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
    expect(readProp("text", "length")).toBeUndefined();
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
});
