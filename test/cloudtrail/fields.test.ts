import { fieldSpecOf, isInvariantPath, rewriteStrings, rewriteVaryingStrings, setAtPath } from "../../lib/cloudtrail";
import type { JsonObject } from "../../lib/cloudtrail";

describe("isInvariantPath", () => {
  test.each([
    [["eventName"], true],
    [["eventSource"], true],
    [["readOnly"], true],
    [["userIdentity", "type"], false],
    [["userIdentity", "eventName"], false],
    // `$.event.Name` selects a field `Name` inside an object `event`, which no record has: not `eventName`.
    [["event", "Name"], false],
    [["read", "Only"], false],
    [["nope"], false],
    // `$.['eventName']` is eventName; `$.['event.Name']` a top-level key with a dot, which no record has.
    [["event.Name"], false],
  ])("%j is invariant: %s", (path, expected) => {
    expect(isInvariantPath(path)).toBe(expected);
  });
});

describe("fieldSpecOf", () => {
  test("documents userIdentity.type as the nested field, not a top-level key of that name", () => {
    // CloudTrail record contents: userIdentity is an object, and type one of its string fields. A key with a dot
    // (`$.['userIdentity.type']`) is no documented field.
    expect(fieldSpecOf(["userIdentity", "type"])).toBeDefined();
    expect(fieldSpecOf(["userIdentity.type"])).toBeUndefined();
    expect(fieldSpecOf(["userIdentity", "type.x"])).toBeUndefined();
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

  test("a replaced key keeps its place, a removed one leaves the others in order, a new one comes last", () => {
    // The order of keys is the order CloudTrail writes them in, and the message text follows it.
    const record: JsonObject = { a: 1, b: { c: 2, d: 3 }, e: 4 };
    expect(JSON.stringify(setAtPath(record, ["b"], 5))).toBe('{"a":1,"b":5,"e":4}');
    expect(JSON.stringify(setAtPath(record, ["b"], undefined))).toBe('{"a":1,"e":4}');
    expect(JSON.stringify(setAtPath(record, ["b", "c"], undefined))).toBe('{"a":1,"b":{"d":3},"e":4}');
    expect(JSON.stringify(setAtPath(record, ["f"], 6))).toBe('{"a":1,"b":{"c":2,"d":3},"e":4,"f":6}');
    expect(JSON.stringify(record)).toBe('{"a":1,"b":{"c":2,"d":3},"e":4}');
  });

  test("a key named __proto__ (request parameters hold any key) is set and removed as a key, not as the prototype", () => {
    const record = JSON.parse('{"requestParameters":{"__proto__":"x","name":"t"}}') as JsonObject;
    expect(JSON.stringify(setAtPath(record, ["requestParameters", "__proto__"], "y"))).toBe(
      '{"requestParameters":{"__proto__":"y","name":"t"}}',
    );
    expect(JSON.stringify(setAtPath(record, ["requestParameters", "__proto__"], undefined))).toBe(
      '{"requestParameters":{"name":"t"}}',
    );
    expect(JSON.stringify(setAtPath(record, ["__proto__"], { a: 1 }))).toBe(
      '{"requestParameters":{"__proto__":"x","name":"t"},"__proto__":{"a":1}}',
    );
  });
});

describe("rewriteStrings with kept paths below the top level", () => {
  // A console sign-in as the CloudTrail user guide shows it (sign-in event examples), and the paths the sign-in
  // family keeps (families/sign-in.ts): the invariant fields, the identity type, the outcome, whether MFA was used
  // and the error message. A fresh set: the prefixes of a kept set are computed once per set.
  const signIn: JsonObject = {
    eventVersion: "1.08",
    userIdentity: {
      type: "IAMUser",
      principalId: "AIDACKCEVSQ6C2EXAMPLE",
      arn: "arn:aws:iam::111122223333:user/JohnDoe",
      accountId: "111122223333",
      userName: "JohnDoe",
    },
    eventTime: "2021-07-08T18:55:00Z",
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: "us-east-1",
    sourceIPAddress: "192.0.2.0",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:89.0) Gecko/20100101 Firefox/89.0",
    requestParameters: null,
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
      MobileVersion: "No",
      MFAUsed: "No",
    },
    eventID: "11a1a1a1-1111-1111-1111-111111111111",
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    managementEvent: true,
    recipientAccountId: "111122223333",
    eventCategory: "Management",
    tlsDetails: {
      tlsVersion: "TLSv1.2",
      cipherSuite: "ECDHE-RSA-AES128-GCM-SHA256",
      clientProvidedHostHeader: "signin.aws.amazon.com",
    },
  };
  const kept = (): Set<string> =>
    new Set([
      ...["eventSource", "eventName", "readOnly", "eventType", "managementEvent", "eventCategory"],
      "userIdentity.type",
      "responseElements.ConsoleLogin",
      "additionalEventData.MFAUsed",
      "errorMessage",
    ]);

  test("keeps the strings at the kept nested paths and rewrites every other string", () => {
    expect(rewriteStrings(signIn, () => "zz", kept())).toEqual({
      eventVersion: "zz",
      userIdentity: { type: "IAMUser", principalId: "zz", arn: "zz", accountId: "zz", userName: "zz" },
      eventTime: "zz",
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      awsRegion: "zz",
      sourceIPAddress: "zz",
      userAgent: "zz",
      requestParameters: null,
      responseElements: { ConsoleLogin: "Success" },
      additionalEventData: { LoginTo: "zz", MobileVersion: "zz", MFAUsed: "No" },
      eventID: "zz",
      readOnly: false,
      eventType: "AwsConsoleSignIn",
      managementEvent: true,
      recipientAccountId: "zz",
      eventCategory: "Management",
      tlsDetails: { tlsVersion: "zz", cipherSuite: "zz", clientProvidedHostHeader: "zz" },
    });
  });

  test("a kept path is kept at its own depth only", () => {
    // `type` of an assumed role's session issuer is not `userIdentity.type`; `MFAUsed` at the top is not
    // `additionalEventData.MFAUsed`.
    const record: JsonObject = {
      userIdentity: {
        type: "AssumedRole",
        sessionContext: { sessionIssuer: { type: "Role", userName: "Admin" } },
      },
      MFAUsed: "No",
      additionalEventData: { MFAUsed: "Yes", nested: { MFAUsed: "Yes" } },
    };
    expect(rewriteStrings(record, (value) => value.toUpperCase(), kept())).toEqual({
      userIdentity: {
        type: "AssumedRole",
        sessionContext: { sessionIssuer: { type: "ROLE", userName: "ADMIN" } },
      },
      MFAUsed: "NO",
      additionalEventData: { MFAUsed: "Yes", nested: { MFAUsed: "YES" } },
    });
  });
});

describe("setAtPath at the root and below a value that is not an object", () => {
  const record: JsonObject = {
    eventName: "StopLogging",
    userIdentity: { type: "Root", arn: "arn:aws:iam::111122223333:root" },
    resources: [{ ARN: "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events" }],
  };

  test("the empty path replaces the whole record with an object, and refuses any other value", () => {
    const replacement: JsonObject = { eventName: "StartLogging" };
    expect(setAtPath(record, [], replacement)).toBe(replacement);
    expect(setAtPath(record, [], "StartLogging")).toBeUndefined();
    expect(setAtPath(record, [], null)).toBeUndefined();
    expect(setAtPath(record, [], [replacement])).toBeUndefined();
    expect(setAtPath(record, [], undefined)).toBeUndefined();
  });

  test("a path that steps into a string or an array deeper down cannot exist: undefined, not a record without it", () => {
    expect(setAtPath(record, ["userIdentity", "type", "name"], "x")).toBeUndefined();
    expect(setAtPath(record, ["userIdentity", "arn", "partition"], undefined)).toBeUndefined();
    expect(
      setAtPath({ requestParameters: { tagsList: [] } }, ["requestParameters", "tagsList", "key"], "x"),
    ).toBeUndefined();
    expect(record.userIdentity).toEqual({ type: "Root", arn: "arn:aws:iam::111122223333:root" });
  });
});
