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
    ['{ $.userIdentity.type != "IAMUser" }', 'calls whose userIdentity.type is "IAMUser"'],
    ["{ ($.eventName = A) || ($.eventName = B) }", 'calls whose eventName is neither "A" nor "B"'],
  ])("%s rejects %s", (pattern, words) => {
    expect(phrase(pattern)).toBe(words);
  });
});
