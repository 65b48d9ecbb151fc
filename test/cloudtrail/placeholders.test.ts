import { allStrings, fillPlaceholders, fillString, placeholdersIn } from "../../lib/cloudtrail/calls";
import type { JsonValue } from "../../lib/cloudtrail/json";

/**
 * The placeholders of the call shapes (`${account}`, `${partition}`, `${region}`), filled with one account's values
 * as the doc comments of lib/cloudtrail/calls/placeholders.ts promise. toStrictEqual throughout: toEqual would take a
 * missing array item or an `undefined` for an empty list.
 */
const VALUES = { account: "111122223333", partition: "aws-us-gov", region: "us-gov-west-1" };

describe("placeholdersIn", () => {
  test("lists every placeholder of a string in order of appearance, with repeats", () => {
    expect(placeholdersIn("arn:${partition}:iam::${account}:role/${account}-${region}")).toStrictEqual([
      "${partition}",
      "${account}",
      "${account}",
      "${region}",
    ]);
  });

  test("lists unknown placeholders too (so a check can tell them), and nothing for a plain string", () => {
    expect(placeholdersIn("s3://${bucket}/${account}")).toStrictEqual(["${bucket}", "${account}"]);
    expect(placeholdersIn("arn:aws:iam::111122223333:root")).toStrictEqual([]);
  });
});

describe("fillPlaceholders", () => {
  test("fills every string of a JSON value, keys included, and keeps numbers, booleans, null and arrays", () => {
    const shape: JsonValue = {
      "${account}-trail": ["arn:${partition}:s3:::logs-${region}", 3, 0, true, false, null, { size: 1.5 }],
      bucketName: "logs-${account}",
      count: 2,
      enabled: true,
      deleted: false,
      marker: null,
      empty: [],
    };
    expect(fillPlaceholders(shape, VALUES)).toStrictEqual({
      "111122223333-trail": ["arn:aws-us-gov:s3:::logs-us-gov-west-1", 3, 0, true, false, null, { size: 1.5 }],
      bucketName: "logs-111122223333",
      count: 2,
      enabled: true,
      deleted: false,
      marker: null,
      empty: [],
    });
  });

  test("a number, a boolean and null are themselves; unknown placeholders are left as they are", () => {
    expect(fillPlaceholders(42, VALUES)).toBe(42);
    expect(fillPlaceholders(false, VALUES)).toBe(false);
    expect(fillPlaceholders(null, VALUES)).toBe(null);
    expect(fillString("${bucket}/${account}", VALUES)).toBe("${bucket}/111122223333");
  });
});

describe("allStrings", () => {
  test("every string of a JSON value, keys included, in order; no numbers, booleans or nulls", () => {
    const value: JsonValue = { a: ["x", 1, null, true, { b: "y" }], c: 2, d: { e: false, f: null }, g: [] };
    expect(allStrings(value)).toStrictEqual(["a", "x", "b", "y", "c", "d", "e", "f", "g"]);
  });

  test("a string is its one string; a number, a boolean and null hold none", () => {
    expect(allStrings("${account}")).toStrictEqual(["${account}"]);
    expect(allStrings(7)).toStrictEqual([]);
    expect(allStrings(true)).toStrictEqual([]);
    expect(allStrings(null)).toStrictEqual([]);
    expect(allStrings(["p", ["q"]])).toStrictEqual(["p", "q"]);
  });
});
