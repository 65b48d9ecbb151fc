import { isInvariantPath, rewriteVaryingStrings, setAtPath } from "../../lib/cloudtrail";
import type { JsonObject } from "../../lib/cloudtrail";

describe("isInvariantPath", () => {
  test.each([
    [["eventName"], true],
    [["eventSource"], true],
    [["readOnly"], true],
    [["userIdentity", "type"], false],
    [["userIdentity", "eventName"], false],
    [["nope"], false],
  ])("%j is invariant: %s", (path, expected) => {
    expect(isInvariantPath(path)).toBe(expected);
  });
});

describe("rewriteVaryingStrings", () => {
  const record: JsonObject = {
    eventVersion: "1.08",
    userIdentity: { type: "Root", arn: "arn:aws:iam::1:root", eventName: "nested" },
    eventSource: "cloudtrail.amazonaws.com",
    eventName: "StopLogging",
    resources: [{ ARN: "arn:aws:cloudtrail:x" }],
    readOnly: false,
    count: 3,
    responseElements: null,
  };

  test("rewrites every string outside arrays except on the invariant paths, keeping key order", () => {
    const rewritten = rewriteVaryingStrings(record, () => "zz");
    expect(rewritten).toEqual({
      eventVersion: "zz",
      userIdentity: { type: "zz", arn: "zz", eventName: "zz" },
      eventSource: "cloudtrail.amazonaws.com",
      eventName: "StopLogging",
      resources: [{ ARN: "arn:aws:cloudtrail:x" }],
      readOnly: false,
      count: 3,
      responseElements: null,
    });
    expect(Object.keys(rewritten)).toEqual(Object.keys(record));
    expect(Object.keys(rewritten.userIdentity as JsonObject)).toEqual(["type", "arn", "eventName"]);
  });

  test("leaves the record untouched, and returns it as is when nothing changes", () => {
    const before = JSON.stringify(record);
    expect(rewriteVaryingStrings(record, (value) => value)).toBe(record);
    rewriteVaryingStrings(record, (value) => value.toUpperCase());
    expect(JSON.stringify(record)).toBe(before);
  });

  test("copies only the objects on the way to a change", () => {
    const rewritten = rewriteVaryingStrings(record, (value) => (value === "1.08" ? "2.0" : value));
    expect(rewritten.eventVersion).toBe("2.0");
    expect(rewritten.userIdentity).toBe(record.userIdentity);
    expect(rewritten.resources).toBe(record.resources);
  });

  test("gives the same record as setting each varying string leaf in turn", () => {
    const rewrite = (value: string): string => value.split("a").join("zz");
    let expected: JsonObject | undefined = record;
    const leaves: Array<[string[], string]> = [
      [["eventVersion"], "1.08"],
      [["userIdentity", "type"], "Root"],
      [["userIdentity", "arn"], "arn:aws:iam::1:root"],
      [["userIdentity", "eventName"], "nested"],
    ];
    for (const [path, value] of leaves) if (expected) expected = setAtPath(expected, path, rewrite(value));
    expect(JSON.stringify(rewriteVaryingStrings(record, rewrite))).toBe(JSON.stringify(expected));
  });
});

describe("setAtPath on deep paths", () => {
  test("creates missing parents, keeps order, and refuses to step into a scalar or an array", () => {
    const record: JsonObject = { a: { b: { c: 1 } }, s: "x", list: [1] };
    expect(setAtPath(record, ["a", "b", "d"], 2)).toEqual({ a: { b: { c: 1, d: 2 } }, s: "x", list: [1] });
    expect(setAtPath(record, ["n", "m", "k"], true)).toEqual({
      a: { b: { c: 1 } },
      s: "x",
      list: [1],
      n: { m: { k: true } },
    });
    expect(setAtPath(record, ["a", "b", "c"], undefined)).toEqual({ a: { b: {} }, s: "x", list: [1] });
    expect(setAtPath(record, ["s", "t", "u"], 1)).toBeUndefined();
    expect(setAtPath(record, ["list", "x"], 1)).toBeUndefined();
    expect(record).toEqual({ a: { b: { c: 1 } }, s: "x", list: [1] });
  });
});
