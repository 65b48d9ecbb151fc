/**
 * A clause's own words for the calls it rejects, as miss reasons print them. The words are worked out from the
 * clause alone: `$.x < 5` lets through values below 5, so it rejects "calls whose x is at least 5".
 */
import { phraseOfExpression } from "../../lib/coverage/phrases";
import { parseFilterPattern } from "../../lib/filter-pattern";

function phrase(pattern: string): string | undefined {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok || parsed.pattern.kind !== "json") throw new Error(`not a JSON pattern: ${pattern}`);
  return phraseOfExpression(parsed.pattern.expression);
}

describe("the calls a numeric comparison rejects", () => {
  it.each([
    ["{ $.bytes < 5 }", "calls whose bytes is at least 5"],
    ["{ $.bytes <= 5 }", "calls whose bytes is above 5"],
    ["{ $.bytes > 5 }", "calls whose bytes is at most 5"],
    ["{ $.bytes >= 5 }", "calls whose bytes is below 5"],
    ["{ $.bytes = 5 }", "calls whose bytes is not 5"],
    ["{ $.bytes != 5 }", "calls whose bytes is 5"],
    ["{ $.latency > -1.5e3 }", "calls whose latency is at most -1.5e3"],
  ])("%s rejects %s", (pattern, words) => {
    expect(phrase(pattern)).toBe(words);
  });
});

describe("the calls a text comparison rejects", () => {
  it.each([
    ['{ $.userAgent = "*console*" }', 'calls whose userAgent does not contain "console"'],
    ["{ $.errorCode NOT EXISTS }", "calls that have errorCode"],
    ['{ $.userIdentity.type = "IAMUser" }', 'calls whose userIdentity.type is not "IAMUser"'],
    ['{ $.userIdentity.type != "IAMUser" }', 'calls whose userIdentity.type is "IAMUser"'],
    ["{ ($.eventName = A) || ($.eventName = B) }", 'calls whose eventName is neither "A" nor "B"'],
  ])("%s rejects %s", (pattern, words) => {
    expect(phrase(pattern)).toBe(words);
  });
});

// AWS, "Filter pattern syntax" (JSON log events): IS NULL, IS TRUE and IS FALSE match only a field holding null,
// true or false, so each rejects the calls whose field holds anything else.
describe("the calls a null or boolean test rejects", () => {
  it.each([
    ["{ $.responseElements IS NULL }", "calls whose responseElements is not null"],
    ["{ $.readOnly IS TRUE }", "calls whose readOnly is not true"],
    ["{ $.readOnly IS FALSE }", "calls whose readOnly is not false"],
  ])("%s rejects %s", (pattern, words) => {
    expect(phrase(pattern)).toBe(words);
  });
});

// AWS, "Filter pattern syntax": `= *` matches a field that is present whatever it holds, and a * at either end of a
// value is a wildcard for the rest; `%…%` is a regular expression, allowed with = and !=.
describe("the calls a wildcard or regular expression rejects", () => {
  it.each([
    ["{ $.errorCode = * }", "calls without errorCode"],
    ['{ $.eventName = "*Trail" }', 'calls whose eventName does not end with "Trail"'],
    ['{ $.eventName != "*Trail" }', 'calls whose eventName ends with "Trail"'],
    ['{ $.eventName = "Create*" }', 'calls whose eventName does not start with "Create"'],
    ['{ $.eventName != "Create*" }', 'calls whose eventName starts with "Create"'],
    ['{ $.userAgent != "*console*" }', 'calls whose userAgent contains "console"'],
    ['{ $.eventName = "Create*Trail" }', 'calls whose eventName does not match "Create*Trail"'],
    ['{ $.eventName != "Create*Trail" }', 'calls whose eventName matches "Create*Trail"'],
    ["{ $.eventName = %Trail$% }", "calls whose eventName does not match %Trail$%"],
    ["{ $.eventName != %Trail$% }", "calls whose eventName matches %Trail$%"],
  ])("%s rejects %s", (pattern, words) => {
    expect(phrase(pattern)).toBe(words);
  });

  test("`!= *` has no plain words", () => {
    expect(phrase("{ $.errorCode != * }")).toBeUndefined();
  });
});

describe("an || of equalities on one field", () => {
  it.each([
    ["{ $.eventName = A || $.eventName = B || $.eventName = C }", 'calls whose eventName is none of "A", "B", "C"'],
    ["{ $.errorCode = 1 || $.errorCode = 2 }", "calls whose errorCode is neither 1 nor 2"],
  ])("%s rejects %s", (pattern, words) => {
    expect(phrase(pattern)).toBe(words);
  });

  it.each([
    ["another field", "{ $.eventName = A || $.eventSource = B }"],
    ["an inequality", "{ $.eventName = A || $.eventName != B }"],
    ["a presence test", "{ $.eventName = A || $.errorCode NOT EXISTS }"],
    ["a wildcard", '{ $.eventName = A || $.eventName = "B*" }'],
    ["a regular expression", "{ $.eventName = A || $.eventName = %B% }"],
    ["an && inside", "{ $.eventName = A || ($.eventName = B && $.eventSource = C) }"],
  ])("with %s has no plain words", (_name, pattern) => {
    expect(phrase(pattern)).toBeUndefined();
  });

  test("an && has no plain words, even of equalities on one field", () => {
    expect(phrase("{ $.eventName = A && $.eventSource = B }")).toBeUndefined();
    expect(phrase("{ $.eventName = A && $.eventName = B }")).toBeUndefined();
  });
});
