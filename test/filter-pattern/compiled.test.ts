/**
 * The compiled evaluator's entry points (compilePattern, evaluatePatternOnJson, evaluateJsonPattern) and the
 * three-valued rules that short-circuiting must keep: false wins an AND and true wins an OR even after an unknown
 * operand, and otherwise the FIRST unknown operand gives the reason.
 */
import {
  compilePattern,
  evaluateJsonPattern,
  evaluatePattern,
  evaluatePatternOnJson,
  INDETERMINATE_REASONS,
  parseEventJson,
  parseFilterPattern,
} from "../../lib/filter-pattern";
import type { EventJson, FilterPattern, JsonPattern, MatchOutcome } from "../../lib/filter-pattern";
import { compileRegexSearch } from "../../lib/filter-pattern/regex";
import { PATTERN_CORPUS } from "./corpus";

function parse(text: string): FilterPattern {
  const result = parseFilterPattern(text);
  if (!result.ok) throw new Error(`test pattern does not parse: ${text}: ${result.error.message}`);
  return result.pattern;
}

function parseJson(text: string): JsonPattern {
  const pattern = parse(text);
  if (pattern.kind !== "json") throw new Error(`not a JSON pattern: ${text}`);
  return pattern;
}

const indeterminate = (reason: string): MatchOutcome => ({ outcome: "indeterminate", reason });

describe("evaluatePatternOnJson and evaluateJsonPattern", () => {
  test("a JSON pattern reads the JSON value given, not the message text", () => {
    // Parsed inside the test, not in the describe body: Stryker credits a mutant to the tests during which its code
    // ran, so a pattern parsed when the file is read would leave this test out of the parser's mutants' runs.
    const canonical = parseJson("{ ($.eventName = CreateTrail) || ($.eventName = StopLogging) }");
    expect(evaluatePatternOnJson(canonical, "not read", { eventName: "StopLogging" })).toEqual({ outcome: "match" });
    expect(evaluatePatternOnJson(canonical, '{"eventName":"StopLogging"}', { eventName: "GetTrail" })).toEqual({
      outcome: "noMatch",
    });
    expect(evaluateJsonPattern(canonical, { eventName: "CreateTrail" })).toEqual({ outcome: "match" });
  });

  test("a JSON pattern never matches a message that is not JSON (json undefined)", () => {
    expect(evaluatePatternOnJson(parse("{ $.a NOT EXISTS }"), "plain text", undefined)).toEqual({ outcome: "noMatch" });
  });

  test("term, regex and delimited patterns read the message text, not the JSON value", () => {
    expect(evaluatePatternOnJson(parse("CreateTrail"), "x CreateTrail y", undefined)).toEqual({ outcome: "match" });
    expect(evaluatePatternOnJson(parse("CreateTrail"), "x y", { eventName: "CreateTrail" })).toEqual({
      outcome: "noMatch",
    });
    expect(evaluatePatternOnJson(parse("%^Stop%"), "StopLogging", { a: 1 })).toEqual({ outcome: "match" });
    expect(evaluatePatternOnJson(parse("[a, b = 2]"), "1 2", { b: 3 })).toEqual({
      outcome: "match",
      extractedValues: { $a: "1", $b: "2" },
    });
  });

  test("parseEventJson reads JSON values, and undefined for text that is not JSON", () => {
    expect(parseEventJson('{"a":[1,null]}')).toEqual({ a: [1, null] });
    expect(parseEventJson("42")).toBe(42);
    expect(parseEventJson("null")).toBeNull();
    expect(parseEventJson("{oops")).toBeUndefined();
  });

  const messages = [
    '{"eventName":"CreateTrail","a":{"b":[1,"x",null,true]},"n":5,"s":"5","t":true,"z":null}',
    '{"eventName":"StopLogging","list":[],"o":{},"cluster.name":"prod","arrayKey":["val12"]}',
    '{"a":[{"b":"x"}],"latency":0,"b":55.5,"c":1000,"d":9999,"e":0,"foo":"%bar%"}',
    "[ERROR] Exception in thread main",
    "1.2.3.4 - bob [10/Oct/2000:13:55:36 -0700] GET /index.html 404 2326",
    "",
    "null",
  ];

  test.each(PATTERN_CORPUS.filter((text) => parseFilterPattern(text).ok))(
    "%s gives the same outcome from the message and from its parsed JSON",
    (text) => {
      const pattern = parse(text);
      for (const message of messages) {
        expect(evaluatePatternOnJson(pattern, message, parseEventJson(message))).toEqual(
          evaluatePattern(pattern, message),
        );
      }
    },
  );
});

describe("compilePattern", () => {
  test("compiles a tree once: the same tree gives the same compiled pattern", () => {
    const pattern = parse("{ $.a = 1 }");
    expect(compilePattern(pattern)).toBe(compilePattern(pattern));
    expect(compilePattern(parse("{ $.a = 1 }"))).not.toBe(compilePattern(pattern));
  });

  test("evaluates like evaluatePattern, many times over", () => {
    const compiled = compilePattern(parse("{ $.n > 2 && $.s = ab* }"));
    expect(compiled.evaluate('{"n":3,"s":"abc"}')).toEqual({ outcome: "match" });
    expect(compiled.evaluate('{"n":2,"s":"abc"}')).toEqual({ outcome: "noMatch" });
    expect(compiled.evaluateParsed("", { n: 3, s: "xab" })).toEqual({ outcome: "noMatch" });
    expect(compiled.evaluateParsed("", { n: 9, s: "ab" })).toEqual({ outcome: "match" });
  });
});

describe("three-valued operators stop early without changing the outcome", () => {
  const infix = INDETERMINATE_REASONS.infixWildcard;
  const escape = INDETERMINATE_REASONS.quotedEscape;

  test("OR: true wins after an unknown; otherwise the first unknown gives the reason", () => {
    const pattern = parse('{ $.a = Cr*Trail || $.b = "x\\\\y" || $.c = 1 }');
    expect(evaluatePattern(pattern, '{"a":"x","b":"y","c":1}')).toEqual({ outcome: "match" });
    expect(evaluatePattern(pattern, '{"a":"x","b":"y","c":2}')).toEqual(indeterminate(infix));
    const swapped = parse('{ $.b = "x\\\\y" || $.a = Cr*Trail || $.c = 1 }');
    expect(evaluatePattern(swapped, '{"a":"x","b":"y","c":2}')).toEqual(indeterminate(escape));
  });

  test("AND: false wins after an unknown; otherwise the first unknown gives the reason", () => {
    const pattern = parse("{ $.a = Cr*Trail && $.c = 2 }");
    expect(evaluatePattern(pattern, '{"a":"x","c":1}')).toEqual({ outcome: "noMatch" });
    expect(evaluatePattern(pattern, '{"a":"x","c":2}')).toEqual(indeterminate(infix));
  });

  test("space-delimited fields: false wins after an unknown field, and an unknown field after a true one is kept", () => {
    // E*R has a * in the middle (infixWildcard); "fail" is not ok; ERROR is ERROR.
    expect(evaluatePattern(parse("[w1 = E*R, w2 = ok]"), "EXR fail")).toEqual({ outcome: "noMatch" });
    expect(evaluatePattern(parse("[w1 = ERROR, w2 = E*R]"), "ERROR EXR")).toEqual(indeterminate(infix));
  });

  test("a wildcard selector holds when any node it reaches does, in document order", () => {
    const pattern = parse("{ $.list[*] = 5 }");
    // "5" is a string compared with a number (unknown); 5 then holds.
    expect(evaluatePattern(pattern, '{"list":["5",5]}')).toEqual({ outcome: "match" });
    expect(evaluatePattern(pattern, '{"list":["5",6]}')).toEqual(indeterminate(INDETERMINATE_REASONS.numberVsString));
    expect(evaluatePattern(pattern, '{"list":[]}')).toEqual({ outcome: "noMatch" });
    // 6 does not hold and "5" is unknown: the unknown is kept, in whichever order they come.
    expect(evaluatePattern(pattern, '{"list":[6,"5"]}')).toEqual(indeterminate(INDETERMINATE_REASONS.numberVsString));
    // Reaching no node tests "absent".
    expect(evaluatePattern(parse("{ $.list[*] NOT EXISTS }"), '{"list":[]}')).toEqual({ outcome: "match" });
    expect(evaluatePattern(parse("{ $.o.* NOT EXISTS }"), '{"o":{}}')).toEqual({ outcome: "match" });
    expect(evaluatePattern(parse("{ $.o.* = b }"), '{"o":{"x":"a","y":"b"}}')).toEqual({ outcome: "match" });
  });

  test("selectors see own keys only, never what objects inherit", () => {
    expect(evaluatePattern(parse("{ $.constructor NOT EXISTS }"), "{}")).toEqual({ outcome: "match" });
    expect(evaluatePattern(parse("{ $.toString = * }"), "{}")).toEqual({ outcome: "noMatch" });
    expect(evaluatePattern(parse("{ $.o.* NOT EXISTS }"), '{"o":{}}')).toEqual({ outcome: "match" });
    const built: EventJson = { toString: "mine" };
    expect(evaluateJsonPattern(parseJson("{ $.toString = mine }"), built)).toEqual({ outcome: "match" });
    // An object built in memory may inherit enumerable keys; .* reaches its own members only.
    const inheriting = { o: Object.create({ k: "inherited" }) as EventJson };
    expect(evaluateJsonPattern(parseJson("{ $.o.* = inherited }"), inheriting)).toEqual({ outcome: "noMatch" });
  });
});

describe("compileRegexSearch", () => {
  test("agrees with a plain search on short and long texts, and after its memory fills up", () => {
    const search = compileRegexSearch("^[a-z]{2}-");
    expect(search("eu-west-1")).toBe(true);
    expect(search("EU-west-1")).toBe(false);
    expect(search(`us-${"x".repeat(400)}`)).toBe(true);
    expect(search(`${"x".repeat(400)}us-`)).toBe(false);
    for (let i = 0; i < 1500; i++) {
      expect(search(`${i % 2 === 0 ? "ab" : "a1"}-${i}`)).toBe(i % 2 === 0);
    }
    expect(search("eu-west-1")).toBe(true);
  });

  // The search program adds a never-matching alternative (a speed matter): the language must stay the source's.
  // Expected values by RE2 syntax (github.com/google/re2/wiki/Syntax): `^` and `$` are the text's ends, `.` is any
  // character but a newline, and AWS's `{,n}` is `{0,n}` ("Filter pattern syntax", regular expressions).
  test.each<[string, string, boolean]>([
    ["^.+$", "x", true],
    ["^.+$", "", false],
    ["^.+$", "a\nb", false],
    ["^.+$", "x".repeat(1500), true],
    ["^.*$", "", true],
    ["^$", "", true],
    ["^$", " ", false],
    ["^a{,2}$", "aa", true],
    ["^a{,2}$", "aaa", false],
    ["Trail$", "StopLoggingTrail", true],
    ["Trail$", "TrailStop", false],
  ])("%s on %j: %s", (source, text, expected) => {
    expect(compileRegexSearch(source)(text)).toBe(expected);
  });

  test("a source that does not compile never matches", () => {
    expect(compileRegexSearch("(")("(")).toBe(false);
  });
});
