/**
 * A clause's own words for the calls it rejects, as miss reasons print them, checked against the missed calls: the
 * words must hold for every one of them. `$.x < 5` lets through values below 5, so it rejects "calls whose x is at
 * least 5", and also the calls without x, of which "is at least 5" is false. The semantics are the CloudWatch Logs
 * user guide's ("Filter pattern syntax", JSON log events): a condition holds when its test holds for any value the
 * selector reaches ("You can use the JSON wildcard to select any array element or any JSON object field"), and a
 * comparison holds for no absent field, object or array, not even `!=` ("If a property selector points to an array
 * or object, the filter pattern won't match the log format").
 */
import type { JsonObject, JsonValue } from "../../lib/cloudtrail";
import { phraseOfExpression } from "../../lib/coverage/phrases";
import { parseFilterPattern } from "../../lib/filter-pattern";
import { evaluateJsonPattern } from "../../lib/filter-pattern/evaluate";

function phrase(pattern: string, ...missed: JsonObject[]): string | undefined {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok || parsed.pattern.kind !== "json") throw new Error(`not a JSON pattern: ${pattern}`);
  return phraseOfExpression(parsed.pattern.expression, missed);
}

describe("the calls a numeric comparison rejects", () => {
  it.each([
    ["{ $.bytes < 5 }", { bytes: 5 }, "calls whose bytes is at least 5"],
    ["{ $.bytes <= 5 }", { bytes: 6 }, "calls whose bytes is above 5"],
    ["{ $.bytes > 5 }", { bytes: 5 }, "calls whose bytes is at most 5"],
    ["{ $.bytes >= 5 }", { bytes: 4 }, "calls whose bytes is below 5"],
    ["{ $.bytes = 5 }", { bytes: 4 }, "calls whose bytes is not 5"],
    ["{ $.bytes != 5 }", { bytes: 5 }, "calls whose bytes is 5"],
    ["{ $.latency > -1.5e3 }", { latency: -2000 }, "calls whose latency is at most -1.5e3"],
  ])("%s rejects %j: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });

  it.each([
    ["{ $.bytes < 5 }", "calls without bytes or whose bytes is at least 5"],
    ["{ $.bytes != 5 }", "calls without bytes or whose bytes is 5"],
  ])("%s also rejects a call without the field: %s", (pattern, words) => {
    expect(phrase(pattern, { bytes: pattern.includes("<") ? 7 : 5 }, {})).toBe(words);
  });

  test("a value of another type: no words (true is not at least 5, nor is it 5)", () => {
    expect(phrase("{ $.bytes < 5 }", { bytes: true })).toBeUndefined();
    expect(phrase("{ $.bytes != 5 }", { bytes: false })).toBeUndefined();
  });

  // A comparison with a number holds for no boolean or null, so these calls are missed; yet JavaScript would call
  // true (1) at most 5 and null (0) below 5: the words must not.
  it.each([
    ["{ $.bytes > 5 }", { bytes: true }],
    ["{ $.bytes >= 5 }", { bytes: null }],
    ["{ $.bytes <= -1 }", { bytes: false }],
  ])("%s misses %j, which is no number: no words", (pattern, missed) => {
    const parsed = parseFilterPattern(pattern);
    if (!parsed.ok || parsed.pattern.kind !== "json") throw new Error(`not a JSON pattern: ${pattern}`);
    expect(evaluateJsonPattern(parsed.pattern, missed).outcome).toBe("noMatch");
    expect(phrase(pattern, missed)).toBeUndefined();
  });

  // The value itself is the boundary: `<=` and `>=` count a call holding it, `<` and `>` miss it. Words are said
  // only when they hold for every call they are given, so a call at the boundary that the clause counts, given with
  // a missed one, leaves no words ("bytes is above 5" is false of 5).
  it.each([
    ["{ $.bytes <= 5 }", { bytes: 6 }, { bytes: 5 }],
    ["{ $.bytes >= 5 }", { bytes: 4 }, { bytes: 5 }],
    ["{ $.bytes < 5 }", { bytes: 5 }, { bytes: 4 }],
    ["{ $.bytes > 5 }", { bytes: 5 }, { bytes: 6 }],
    ["{ $.bytes = 5 }", { bytes: 4 }, { bytes: 5 }],
    ["{ $.bytes != 5 }", { bytes: 5 }, { bytes: 4 }],
  ])("%s misses %j and counts %j: no words fit both", (pattern, missed, counted) => {
    expect(phrase(pattern, missed, counted)).toBeUndefined();
  });

  it.each([
    ["{ $.bytes <= 5 }", { bytes: 5.5 }, "calls whose bytes is above 5"],
    ["{ $.bytes >= 5 }", { bytes: 4.5 }, "calls whose bytes is below 5"],
  ])("%s misses %j, just past the boundary: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });
});

describe("the calls a text comparison rejects", () => {
  it.each([
    ['{ $.userAgent = "*console*" }', { userAgent: "aws-cli" }, 'calls whose userAgent does not contain "console"'],
    ["{ $.errorCode NOT EXISTS }", { errorCode: "AccessDenied" }, "calls that have errorCode"],
    ['{ $.userIdentity.type = "IAMUser" }', { userIdentity: { type: "Root" } }, 'calls whose userIdentity.type is not "IAMUser"'],
    ['{ $.userIdentity.type != "IAMUser" }', { userIdentity: { type: "IAMUser" } }, 'calls whose userIdentity.type is "IAMUser"'],
    ["{ ($.eventName = A) || ($.eventName = B) }", { eventName: "C" }, 'calls whose eventName is neither "A" nor "B"'],
  ])("%s rejects %j: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });

  test("a negation holds of calls without the field too: the words stay", () => {
    // "whose userIdentity.type is not IAMUser" is true of a call without userIdentity.
    expect(phrase('{ $.userIdentity.type = "IAMUser" }', { userIdentity: { type: "Root" } }, {})).toBe(
      'calls whose userIdentity.type is not "IAMUser"',
    );
  });

  test("!= misses calls without the field: they are named, not said to hold the value", () => {
    expect(phrase('{ $.userIdentity.type != "IAMUser" }', {})).toBe("calls without userIdentity.type");
    expect(phrase('{ $.userIdentity.type != "IAMUser" }', { userIdentity: { type: "IAMUser" } }, {})).toBe(
      'calls without userIdentity.type or whose userIdentity.type is "IAMUser"',
    );
  });

  test("only calls without the field are missed: they are named so, whatever the operator", () => {
    expect(phrase('{ $.userIdentity.type = "IAMUser" }', {}, { userIdentity: {} })).toBe(
      "calls without userIdentity.type",
    );
  });

  test("!= on a field holding an object: no words (the object is not the value, nor does it lack the field)", () => {
    expect(phrase('{ $.requestParameters != "x" }', { requestParameters: { name: "x" } })).toBeUndefined();
  });

  test("NOT EXISTS has no words for a call without the field, which it does not reject", () => {
    expect(phrase("{ $.errorCode NOT EXISTS }", {})).toBeUndefined();
  });
});

// AWS, "Filter pattern syntax" (JSON log events): IS NULL, IS TRUE and IS FALSE match only a field holding null,
// true or false, so each rejects the calls whose field holds anything else.
describe("the calls a null or boolean test rejects", () => {
  it.each([
    ["{ $.responseElements IS NULL }", { responseElements: { a: 1 } }, "calls whose responseElements is not null"],
    ["{ $.readOnly IS TRUE }", { readOnly: false }, "calls whose readOnly is not true"],
    ["{ $.readOnly IS FALSE }", { readOnly: true }, "calls whose readOnly is not false"],
  ])("%s rejects %j: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });

  it.each([
    ["{ $.responseElements IS NULL }", { responseElements: null }],
    ["{ $.readOnly IS TRUE }", { readOnly: true }],
    ["{ $.readOnly IS FALSE }", { readOnly: false }],
  ])("%s counts %j: given with a missed call, no words fit both", (pattern, counted) => {
    expect(phrase(pattern, { responseElements: "x", readOnly: "x" }, counted)).toBeUndefined();
  });
});

// AWS, "Filter pattern syntax": `= *` matches a field that is present whatever it holds, and a * at either end of a
// value is a wildcard for the rest; `%…%` is a regular expression, allowed with = and !=.
describe("the calls a wildcard or regular expression rejects", () => {
  it.each([
    ["{ $.errorCode = * }", {}, "calls without errorCode"],
    ['{ $.eventName = "*Trail" }', { eventName: "StopLogging" }, 'calls whose eventName does not end with "Trail"'],
    ['{ $.eventName != "*Trail" }', { eventName: "CreateTrail" }, 'calls whose eventName ends with "Trail"'],
    ['{ $.eventName = "Create*" }', { eventName: "StopLogging" }, 'calls whose eventName does not start with "Create"'],
    ['{ $.eventName != "Create*" }', { eventName: "CreateTrail" }, 'calls whose eventName starts with "Create"'],
    ['{ $.userAgent != "*console*" }', { userAgent: "console.amazonaws.com" }, 'calls whose userAgent contains "console"'],
    ["{ $.eventName = %Trail$% }", { eventName: "StopLogging" }, "calls whose eventName does not match %Trail$%"],
    ["{ $.eventName != %Trail$% }", { eventName: "CreateTrail" }, "calls whose eventName matches %Trail$%"],
  ])("%s rejects %j: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });

  // Whether a * in the middle is a wildcard is undocumented: the evaluator leaves every value it meets undecided.
  test.each([["="], ["!="]])("an infix * with %s: no words but for calls without the field", (operator) => {
    expect(phrase(`{ $.eventName ${operator} "Create*Trail" }`, { eventName: "CreateTrail" })).toBeUndefined();
    expect(phrase(`{ $.eventName ${operator} "Create*Trail" }`, {})).toBe("calls without eventName");
  });

  test("`= *` on a field holding an object: no words (the object is present, yet no comparison holds for it)", () => {
    expect(phrase("{ $.requestParameters = * }", { requestParameters: {} })).toBeUndefined();
  });

  test("`!= *` has no plain words", () => {
    expect(phrase("{ $.errorCode != * }", {})).toBeUndefined();
    expect(phrase("{ $.errorCode != * }", { errorCode: "AccessDenied" })).toBeUndefined();
  });
});

describe("an || of equalities on one field", () => {
  it.each([
    ["{ $.eventName = A || $.eventName = B || $.eventName = C }", { eventName: "D" }, 'calls whose eventName is none of "A", "B", "C"'],
    ["{ $.errorCode = 1 || $.errorCode = 2 }", { errorCode: 3 }, "calls whose errorCode is neither 1 nor 2"],
  ])("%s rejects %j: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });

  // The words hold for any value but those named, whatever it reads; a call holding a named one is counted.
  it.each([["D"], [""], ["Stryker was here"]])("a call whose eventName is %j is neither A nor B", (name) => {
    expect(phrase("{ $.eventName = A || $.eventName = B }", { eventName: name })).toBe(
      'calls whose eventName is neither "A" nor "B"',
    );
    expect(phrase("{ $.eventName = A || $.eventName = B }", { eventName: name }, { eventName: "B" })).toBeUndefined();
  });

  it.each([
    ["another field", "{ $.eventName = A || $.eventSource = B }"],
    ["an inequality", "{ $.eventName = A || $.eventName != B }"],
    ["a presence test", "{ $.eventName = A || $.errorCode NOT EXISTS }"],
    ["a wildcard", '{ $.eventName = A || $.eventName = "B*" }'],
    ["a regular expression", "{ $.eventName = A || $.eventName = %B% }"],
    ["an && inside", "{ $.eventName = A || ($.eventName = B && $.eventSource = C) }"],
  ])("with %s has no plain words", (_name, pattern) => {
    expect(phrase(pattern, { eventName: "Z", eventSource: "Z" })).toBeUndefined();
  });

  test("an && has no plain words, even of equalities on one field", () => {
    expect(phrase("{ $.eventName = A && $.eventSource = B }", { eventName: "Z" })).toBeUndefined();
    expect(phrase("{ $.eventName = A && $.eventName = B }", { eventName: "Z" })).toBeUndefined();
  });

  test("under a wildcard: the calls none of whose elements is one of the values", () => {
    expect(phrase('{ $.names[*] = "A" || $.names[*] = "B" }', { names: ["C"] }, {})).toBe(
      'calls where no names[*] is "A" or "B"',
    );
    expect(phrase("{ $.names[*] = A || $.names[*] = B || $.names[*] = C }", { names: ["D", "E"] })).toBe(
      'calls where no names[*] is one of "A", "B", "C"',
    );
  });
});

// A wildcard selector reaches every member of an object or element of an array, and the condition holds if its test
// holds for any of them: a call is rejected when its test holds for none, or when the selector reaches nothing.
describe("the calls a condition under a wildcard rejects", () => {
  test("!=: the calls without the container, else every member holds the value", () => {
    const clause = '{ $.tlsDetails.* != "TLSv1.0" }';
    expect(phrase(clause, {}, { eventName: "A" })).toBe("calls without tlsDetails");
    expect(phrase(clause, { tlsDetails: { tlsVersion: "TLSv1.0" } })).toBe('calls where every tlsDetails.* is "TLSv1.0"');
    expect(phrase(clause, { tlsDetails: { tlsVersion: "TLSv1.0" } }, {})).toBe(
      'calls without tlsDetails or where every tlsDetails.* is "TLSv1.0"',
    );
  });

  test("a container that holds nothing the wildcard reaches: named by the selector", () => {
    expect(phrase('{ $.tlsDetails.* != "TLSv1.0" }', { tlsDetails: {} })).toBe("calls without tlsDetails.*");
    expect(phrase('{ $.tlsDetails.* != "TLSv1.0" }', { tlsDetails: "TLSv1.0" }, {})).toBe("calls without tlsDetails.*");
  });

  test("a member that is an object, which no comparison holds for: no words", () => {
    expect(phrase('{ $.tlsDetails.* != "TLSv1.0" }', { tlsDetails: { nested: {} } })).toBeUndefined();
  });

  test("[*] reaches the members of an object as .* does", () => {
    expect(phrase('{ $.tlsDetails[*] != "TLSv1.0" }', { tlsDetails: { tlsVersion: "TLSv1.0", v: "TLSv1.0" } })).toBe(
      'calls where every tlsDetails[*] is "TLSv1.0"',
    );
  });

  it.each([
    ['{ $.agents[*] != "*console*" }', { agents: ["console.amazonaws.com"] }, 'calls where every agents[*] contains "console"'],
    ["{ $.sizes[*] < 5 }", { sizes: [7, 9] }, "calls where every sizes[*] is at least 5"],
    ["{ $.sizes[*] >= 5 }", { sizes: [1] }, "calls where every sizes[*] is below 5"],
    ["{ $.sizes[*] != 5 }", { sizes: [5, 5] }, "calls where every sizes[*] is 5"],
    ["{ $.sizes[*] != %^5$% }", { sizes: ["5"] }, "calls where every sizes[*] matches %^5$%"],
  ])("%s rejects %j: %s", (pattern, missed, words) => {
    expect(phrase(pattern, missed)).toBe(words);
  });

  test("a numeric comparison: an element that is not a number gets no words", () => {
    expect(phrase("{ $.sizes[*] < 5 }", { sizes: [7, true] })).toBeUndefined();
  });

  it.each([
    ['{ $.tlsDetails.* = "TLSv1.3" }', 'calls where no tlsDetails.* is "TLSv1.3"'],
    ['{ $.tlsDetails.* = "*1.3" }', 'calls where no tlsDetails.* ends with "1.3"'],
    ["{ $.tlsDetails.* = %1\\.3$% }", "calls where no tlsDetails.* matches %1\\.3$%"],
    ["{ $.tlsDetails.* IS NULL }", "calls where no tlsDetails.* is null"],
    ["{ $.tlsDetails.* IS TRUE }", "calls where no tlsDetails.* is true"],
    ["{ $.tlsDetails.* IS FALSE }", "calls where no tlsDetails.* is false"],
  ])("%s: the calls none of whose members passes, with or without the container: %s", (pattern, words) => {
    // "whose tlsDetails.* is not ..." would fit a call whose other member is not the value, too.
    expect(phrase(pattern, { tlsDetails: { tlsVersion: "TLSv1.2", cipherSuite: "X" } }, {})).toBe(words);
  });

  test("= with a number: the calls none of whose elements is the number", () => {
    expect(phrase("{ $.sizes[*] = 5 }", { sizes: [4, 6] }, { sizes: [] })).toBe("calls where no sizes[*] is 5");
  });

  test("= with no call reaching a member: the calls without the container", () => {
    expect(phrase('{ $.tlsDetails.* = "TLSv1.3" }', {}, {})).toBe("calls without tlsDetails");
  });

  test("NOT EXISTS: the calls it reaches a member in", () => {
    expect(phrase("{ $.tlsDetails.* NOT EXISTS }", { tlsDetails: { tlsVersion: "TLSv1.2" } })).toBe(
      "calls that have tlsDetails.*",
    );
    expect(phrase("{ $.tlsDetails.* NOT EXISTS }", { tlsDetails: {} })).toBeUndefined();
  });

  test("`= *`: the calls without the container; a member that is an object gets no words", () => {
    expect(phrase("{ $.tlsDetails.* = * }", {})).toBe("calls without tlsDetails");
    expect(phrase("{ $.tlsDetails.* = * }", { tlsDetails: { a: [] } })).toBeUndefined();
  });
});

describe("the calls a condition with an index rejects", () => {
  test("!=: the calls without the array, without the element, or whose element holds the value", () => {
    const clause = '{ $.resources[0].ARN != "a" }';
    expect(phrase(clause, {})).toBe("calls without resources");
    expect(phrase(clause, { resources: [] })).toBe("calls without resources[0].ARN");
    expect(phrase(clause, { resources: [{ ARN: "a" }] })).toBe('calls whose resources[0].ARN is "a"');
    expect(phrase(clause, { resources: [{ ARN: "a" }] }, {})).toBe(
      'calls without resources or whose resources[0].ARN is "a"',
    );
  });

  test("=: the index reaches one value, so the words are those of a plain field", () => {
    expect(phrase('{ $.resources[0].ARN = "a" }', { resources: [{ ARN: "b" }] }, {})).toBe(
      'calls whose resources[0].ARN is not "a"',
    );
  });

  test("NOT EXISTS: the calls that have the element", () => {
    expect(phrase("{ $.resources[1] NOT EXISTS }", { resources: [1, 2] })).toBe("calls that have resources[1]");
  });
});

// Words drawn from the missed calls never fit a call the clause counts: such a call reaches a value the test accepts
// (or, for NOT EXISTS, nothing), which no word for the missed calls describes. Checked over small records of every
// JSON type, made by a fixed pseudo-random sequence, with the evaluator telling counted calls from rejected ones.
describe("words never fit a call the clause counts", () => {
  const SCALARS = ["a", "b", "xay", 4, 5, 6, true, false, null];
  let state = 7;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const value = (depth: number): JsonValue | undefined => {
    const choice = next(depth > 1 ? 3 : 6);
    if (choice < 3) return SCALARS[next(SCALARS.length)];
    if (choice === 3) return Array.from({ length: next(3) }, () => value(depth + 1) ?? null);
    if (choice === 4) return Object.fromEntries(Array.from({ length: next(3) }, (_, i) => [`k${i}`, value(depth + 1) ?? null]));
    return undefined;
  };
  const records: JsonObject[] = Array.from({ length: 300 }, () => {
    const x = value(0);
    const record: JsonObject = x === undefined ? { y: 1 } : { x };
    return record;
  });

  it.each([
    ['$.x != "a"'],
    ['$.x = "a"'],
    ['$.x.* != "a"'],
    ['$.x[*] = "a"'],
    ["$.x[0] != 5"],
    ["$.x[*] < 5"],
    ["$.x.* >= 5"],
    ['$.x != "*a*"'],
    ['$.x[*] = "a*"'],
    ["$.x.* IS NULL"],
    ["$.x IS TRUE"],
    ["$.x[*] NOT EXISTS"],
    ["$.x NOT EXISTS"],
    ["$.x.* = *"],
    ["$.x[*] != %^a%"],
    ["$.x = a || $.x = b"],
    ["$.x[*] = a || $.x[*] = 5"],
    ["$.x.k0 != 4"],
  ])("{ %s }", (clause) => {
    const parsed = parseFilterPattern(`{ ${clause} }`);
    if (!parsed.ok || parsed.pattern.kind !== "json") throw new Error(`not a JSON pattern: ${clause}`);
    const pattern = parsed.pattern;
    const outcome = (record: JsonObject): string => evaluateJsonPattern(pattern, record).outcome;
    const rejected = records.filter((record) => outcome(record) === "noMatch");
    const counted = records.filter((record) => outcome(record) === "match");
    let worded = 0;
    for (let start = 0; start + 3 <= rejected.length; start += 3) {
      const missed = rejected.slice(start, start + 3);
      if (phraseOfExpression(pattern.expression, missed) !== undefined) worded++;
      for (const call of counted.slice(start, start + 3)) {
        expect(phraseOfExpression(pattern.expression, [...missed, call])).toBeUndefined();
      }
    }
    expect(worded).toBeGreaterThan(0);
  });
});
