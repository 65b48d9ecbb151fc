/**
 * Truth tables for the evaluator, worked out by hand from AWS's filter pattern syntax documentation (terms, regex, JSON,
 * space-delimited). Each row: pattern, message, expected outcome ("match" / "noMatch" / the key
 * of the INDETERMINATE_REASONS entry).
 */
import type { IndeterminateReasonKey, MatchResult } from "../../lib/filter-pattern";
import {
  INDETERMINATE_REASONS,
  evaluatePattern,
  matchFilterPattern,
  parseFilterPattern,
} from "../../lib/filter-pattern";
import { selectedNodes, type EventJson } from "../../lib/filter-pattern/evaluate";

type Expected = "match" | "noMatch" | IndeterminateReasonKey;

function outcomeOf(result: MatchResult): string {
  if (!result.ok) return `invalid: ${result.error.message}`;
  if (result.outcome !== "indeterminate") return result.outcome;
  const key = (Object.keys(INDETERMINATE_REASONS) as IndeterminateReasonKey[]).find(
    (k) => INDETERMINATE_REASONS[k] === result.reason,
  );
  return key ?? `unknown reason: ${result.reason}`;
}

function check(pattern: string, message: string, expected: Expected): void {
  expect(outcomeOf(matchFilterPattern(pattern, message))).toBe(expected);
}

/** A synthetic StopLogging record, compact as CloudWatch Logs receives it. */
const STOP_LOGGING =
  '{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLEROLEID:alice",' +
  '"arn":"arn:aws:sts::111122223333:assumed-role/Admin/alice","accountId":"111122223333",' +
  '"sessionContext":{"attributes":{"mfaAuthenticated":"true"}}},"eventTime":"2026-01-15T09:12:34Z",' +
  '"eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","awsRegion":"us-east-1",' +
  '"sourceIPAddress":"198.51.100.7","requestParameters":{"name":"main-trail"},"responseElements":null,' +
  '"readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333",' +
  '"resources":[{"ARN":"arn:aws:cloudtrail:us-east-1:111122223333:trail/main-trail","type":"AWS::CloudTrail::Trail"}]}';

const CANONICAL =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || " +
  "($.eventName = StartLogging) || ($.eventName = StopLogging) }";

describe("term patterns", () => {
  it.each<[string, string, Expected]>([
    ["ERROR", "Exiting with ERRORCODE: -1", "match"], // substring, not whole word
    ["ERROR", "error: lower case", "noMatch"], // case-sensitive
    ['"[ERROR]" Exception', "[ERROR] Unhanded exception: InvalidQueryException", "match"],
    ['"[ERROR]" Exception', "[ERROR] Terminating the application", "noMatch"],
    ['"ERROR Exception"', "ERROR Exception raised", "match"],
    ['"ERROR Exception"', "ERROR: an Exception", "noMatch"], // one phrase, not two terms
    ['"ERROR" "Exception"', "ERROR: an Exception", "match"],
    ["ERROR -Exiting", "ERROR while running", "match"],
    ["ERROR -Exiting", "ERROR Exiting now", "noMatch"],
    ['"ERROR" - "Exiting"', "ERROR Exiting now", "noMatch"],
    ["?ERROR ?WARN", "a WARN line", "match"], // all optional: OR
    ["?ERROR ?WARN", "an INFO line", "noMatch"],
    ["?ERROR ?ARGUMENTS REQUEST", "[INFO] REQUEST FAILED", "match"], // mixed: ? terms ignored
    ["?ERROR ?ARGUMENTS REQUEST", "ERROR ARGUMENTS", "noMatch"],
    ["?ERROR -Exiting", "ERROR Exiting", "noMatch"], // ? ignored; exclusion decides
    ["-Exiting", "all good", "exclusionOnly"],
    ["-Exiting", "Exiting now", "noMatch"],
    ['"say \\"hi\\""', 'say "hi"', "quotedEscape"],
    ["StopLogging", STOP_LOGGING, "match"],
    ["CreateTrail", STOP_LOGGING, "noMatch"],
  ])("%j against %j", check);
});

describe("match-all and standalone regex", () => {
  it.each<[string, string, Expected]>([
    ["", "anything", "match"],
    ['" "', "nospace", "match"],
    ["%AUTHORIZED%", "UNAUTHORIZED access", "match"], // unanchored search
    ["%^AUTHORIZED%", "UNAUTHORIZED access", "noMatch"],
    ["%^starting|^initializing|^shutting down%", "shutting down now", "match"],
    ["%^starting|^initializing|^shutting down%", "now shutting down", "noMatch"],
    ["%ab{,2}c%", "xac", "match"], // {,n}: lower bound optional
    ["%ab{,2}c%", "abbbc", "noMatch"],
    ["%\\d{3}%", "code 404", "match"],
    ["%\\d{3}%", "code 44", "noMatch"],
    ["%a\\.b%", "a.b", "match"],
    ["%a\\.b%", "axb", "noMatch"],
  ])("%j against %j", check);
});

describe("JSON patterns: conditions by the node they reach", () => {
  const msg = JSON.stringify({
    s: "CreateTrail",
    n: 5,
    f: 1.5,
    t: true,
    b: false,
    z: null,
    o: { k: "v" },
    a: ["value", "another value"],
    nums: [1, 20],
    dotted: "kms.amazonaws.com",
    ip: "123.123.1.1",
    "cluster.name": "prod",
    numtext: "5",
    objs: [{ k: 1 }, { j: 2 }],
    keyed: { "0": "x", undefined: "y" },
  });
  it.each<[string, Expected]>([
    // = text
    ["{ $.s = CreateTrail }", "match"],
    ['{ $.s = "CreateTrail" }', "match"],
    ["{ $.s = createtrail }", "noMatch"],
    ["{ $.s = Create }", "noMatch"],
    ["{ $.dotted = kms.amazonaws.com }", "match"],
    ["{ $.n = CreateTrail }", "textVsNumber"],
    ['{ $.n = "5" }', "quotedNumberVsNumber"],
    ['{ $.n = "CreateTrail" }', "textVsNumber"], // quoted, but not a number: text against a number
    ["{ $.t = true }", "textVsBoolean"],
    ["{ $.z = null }", "noMatch"],
    ["{ $.o = v }", "noMatch"],
    ["{ $.a = value }", "noMatch"],
    ["{ $.missing = x }", "noMatch"],
    // != text
    ["{ $.s != UpdateTrail }", "match"],
    ["{ $.s != CreateTrail }", "noMatch"],
    ["{ $.n != x }", "notEqualVsNumberOrBoolean"],
    ["{ $.t != x }", "notEqualVsNumberOrBoolean"],
    ["{ $.z != x }", "notEqualVsNull"],
    ["{ $.o != x }", "noMatch"],
    ["{ $.missing != x }", "noMatch"],
    // wildcards
    ["{ $.s = *Trail }", "match"],
    ["{ $.s = Create* }", "match"],
    ['{ $.s = "*eateTr*" }', "match"],
    ["{ $.s = *Logging }", "noMatch"],
    ["{ $.s = *eate }", "noMatch"], // a leading * takes the end of the value only: "eate" is inside "CreateTrail"
    ["{ $.s = Trail* }", "noMatch"], // and a trailing * its start
    ["{ $.s = Update* }", "noMatch"],
    ["{ $.s = *xyz* }", "noMatch"],
    ["{ $.s = Cr*Trail }", "infixWildcard"],
    // a run of stars: AWS documents `*` alone and a `*` at either end, so `**` is one at each end of an empty text and
    // the middle `*` of `***` is undecided like the one in `Cr*Trail`
    ["{ $.s = ** }", "match"],
    ["{ $.n = ** }", "wildcardVsNumber"],
    ["{ $.s = *** }", "infixWildcard"],
    ["{ $.s != *** }", "infixWildcard"],
    ["{ $.ip != 123.123.* }", "noMatch"],
    ["{ $.s != 123.123.* }", "match"],
    ["{ $.n = 5* }", "wildcardVsNumber"],
    ["{ $.o = *v* }", "noMatch"],
    ["{ $.missing = x* }", "noMatch"],
    // exists
    ["{ $.s = * }", "match"],
    ['{ $.n = "*" }', "match"],
    ["{ $.t = * }", "match"],
    ["{ $.z = * }", "existsVsNull"],
    ["{ $.o = * }", "noMatch"],
    ["{ $.missing = * }", "noMatch"],
    ["{ $.s != * }", "noMatch"],
    // a quoted %…% is literal text
    ['{ $.s = "%Create%" }', "noMatch"],
    // regex
    ["{ $.s = %^Create% }", "match"],
    ["{ $.s = %Trail$% }", "match"],
    ["{ $.s = %^Trail% }", "noMatch"],
    ["{ $.s != %^Update% }", "match"],
    ["{ $.s != %Create% }", "noMatch"],
    ["{ $.n = %5% }", "regexVsNonString"],
    ["{ $.o = %v% }", "noMatch"],
    ["{ $.missing != %x% }", "noMatch"],
    // numbers
    ["{ $.n = 5 }", "match"],
    ["{ $.n = 5.0 }", "match"],
    ["{ $.n = +5 }", "match"],
    ["{ $.n = 5e0 }", "match"],
    ["{ $.n = 6 }", "noMatch"],
    ["{ $.n != 6 }", "match"],
    ["{ $.n != 5 }", "noMatch"],
    ["{ $.n != 4 }", "match"],
    ["{ $.n > 4 }", "match"],
    ["{ $.n > 5 }", "noMatch"],
    ["{ $.n >= 5 }", "match"],
    ["{ $.n < 5 }", "noMatch"],
    ["{ $.n <= 5 }", "match"],
    ["{ $.n <= 6 }", "match"],
    ["{ $.n <= 4 }", "noMatch"],
    ["{ $.n >= 6 }", "noMatch"],
    ["{ $.f < 1.6 }", "match"],
    ["{ $.f > 1e1 }", "noMatch"],
    ["{ $.n > -1e+3 }", "match"],
    ["{ $.numtext = 5 }", "numberVsString"],
    ["{ $.s > 1 }", "numberVsString"],
    ["{ $.t = 1 }", "noMatch"],
    ["{ $.z < 1 }", "noMatch"],
    ["{ $.o = 1 }", "noMatch"],
    ["{ $.missing != 1 }", "noMatch"],
    // keywords
    ["{ $.z IS NULL }", "match"],
    ["{ $.missing IS NULL }", "noMatch"],
    ["{ $.s IS NULL }", "noMatch"],
    ["{ $.t IS TRUE }", "match"],
    ["{ $.b IS TRUE }", "noMatch"],
    ["{ $.b IS FALSE }", "match"],
    ["{ $.t IS FALSE }", "noMatch"],
    ["{ $.s IS TRUE }", "noMatch"],
    ["{ $.missing NOT EXISTS }", "match"],
    ["{ $.z NOT EXISTS }", "noMatch"],
    ["{ $.s NOT EXISTS }", "noMatch"],
    // selectors
    ["{ $.o.k = v }", "match"],
    ["{ $.o.k.deeper = v }", "noMatch"],
    ['{ $.a[1] = "another value" }', "match"],
    ["{ $.a[2] = value }", "noMatch"],
    ["{ $.a[0].x NOT EXISTS }", "match"],
    ["{ $.a[*] = %val.{2}% }", "match"], // the docs' [*] example
    ["{ $.a[*] = another* }", "match"],
    ["{ $.a[*] = nothing }", "noMatch"],
    ["{ $.nums[*] > 10 }", "match"],
    ["{ $.nums[*] > 30 }", "noMatch"],
    ["{ $.o.* = v }", "match"],
    ["{ $.o.* = w }", "noMatch"],
    ["{ $.['cluster.name'] = prod }", "match"],
    ["{ $.s[0] = C }", "noMatch"],
    ["{ $.a.k = x }", "noMatch"],
    ["{ $.missing[*] NOT EXISTS }", "match"],
    ["{ $.a[*] NOT EXISTS }", "noMatch"],
    // [*] reaches the k of the elements that have one: here the first, so k exists.
    ["{ $.objs[*].k NOT EXISTS }", "noMatch"],
    // A string is a scalar: it has no members or elements for .* or [*] to reach (not its characters).
    ["{ $.s.* = C }", "noMatch"],
    ["{ $.s[*] = C }", "noMatch"],
    // An index reaches an element of an array only; an object has none, whatever its keys are named.
    ["{ $.keyed[0] NOT EXISTS }", "match"],
  ])("%s", (pattern, expected) => check(pattern, msg, expected));
});

describe("JSON patterns: logic and messages", () => {
  const msg = '{"s":"x","n":5}';
  it.each<[string, string, Expected]>([
    ["{ $.s = x && $.n = 5 }", msg, "match"],
    ["{ $.s = x && $.n = 6 }", msg, "noMatch"],
    ["{ $.s = y || $.n = 5 }", msg, "match"],
    ["{ $.s = y || $.n = 6 }", msg, "noMatch"],
    ["{ $.s = x || $.n = y }", msg, "match"], // true || ? = true
    ["{ $.s = y && $.n = y }", msg, "noMatch"], // false && ? = false
    ["{ $.s = x && $.n = y }", msg, "textVsNumber"], // true && ? = ?
    ["{ $.s = y || $.n = y }", msg, "textVsNumber"], // false || ? = ?
    ["{ ($.s = y || $.n = 5) && $.s = x }", msg, "match"],
    ["{ $.s = y || $.n = 5 && $.s = y }", msg, "noMatch"], // && binds tighter
    ["{ $.s = x }", "not json at all", "noMatch"],
    ["{ $.s NOT EXISTS }", "not json at all", "noMatch"], // not even a test of absence: no JSON, no match
    ["{ $.s = x }", '{"s":"x"', "noMatch"],
    ["{ $.s = x }", '["x"]', "noMatch"],
    ["{ $.s = x }", '{\n  "s": "x"\n}', "match"], // JSON may span lines
  ])("%j against %j", check);
});

describe("the canonical CIS pattern against CloudTrail records", () => {
  const names = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"];
  const record = (eventName: string) => STOP_LOGGING.replace('"eventName":"StopLogging"', `"eventName":"${eventName}"`);
  it.each(names)("matches %s", (name) => check(CANONICAL, record(name), "match"));
  it.each(["GetTrail", "DescribeTrails", "CreateTrails", "createtrail", "PutEventSelectors"])(
    "does not match %s",
    (name) => check(CANONICAL, record(name), "noMatch"),
  );
  it("does not match an Insights record whose eventName is nested", () => {
    check(CANONICAL, '{"eventCategory":"Insight","insightDetails":{"eventName":"StopLogging"}}', "noMatch");
  });
  it("gives the same outcomes in the CDK form", () => {
    const cdk = CANONICAL.replace(/= (\w+)\)/g, '= "$1")');
    expect(cdk).toContain('($.eventName = "StopLogging")');
    check(cdk, record("StopLogging"), "match");
    check(cdk, record("GetTrail"), "noMatch");
  });
  it("narrows with && $.eventSource", () => {
    const narrowed = `{ ($.eventSource = cloudtrail.amazonaws.com) && (${CANONICAL.slice(2, -2)}) }`;
    check(narrowed, record("DeleteTrail"), "match");
    check(narrowed, record("DeleteTrail").replace("cloudtrail.amazonaws.com", "kms.amazonaws.com"), "noMatch");
  });
  it("misses failed calls when it requires $.errorCode NOT EXISTS", () => {
    const pattern = "{ $.eventName = StopLogging && $.errorCode NOT EXISTS }";
    check(pattern, record("StopLogging"), "match");
    check(pattern, record("StopLogging").replace('"readOnly"', '"errorCode":"AccessDenied","readOnly"'), "noMatch");
  });
  it("reads nested fields and booleans of a record", () => {
    check("{ $.userIdentity.type = AssumedRole && $.readOnly IS FALSE }", STOP_LOGGING, "match");
    check('{ $.userIdentity.sessionContext.attributes.mfaAuthenticated = "true" }', STOP_LOGGING, "match");
    check("{ $.responseElements IS NULL }", STOP_LOGGING, "match");
    check("{ $.resources[0].type = AWS::CloudTrail::Trail }", STOP_LOGGING, "match");
  });
});

describe("space-delimited patterns", () => {
  const apache = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';

  it("extracts values as AWS's TestMetricFilter example shows", () => {
    expect(matchFilterPattern("[..., request=*.html*, status_code=4*,]", apache)).toEqual({
      ok: true,
      outcome: "match",
      extractedValues: {
        $1: "127.0.0.1",
        $2: "-",
        $3: "frank",
        $4: "10/Oct/2000:13:25:15 -0700",
        $request: "GET /index.html HTTP/1.0",
        $status_code: "404",
        $7: "1534",
      },
    });
  });

  it("extracts $1..$7 for []", () => {
    const result = matchFilterPattern("[]", apache);
    expect(result.ok && result.outcome === "match" && Object.keys(result.extractedValues ?? {})).toEqual([
      "$1",
      "$2",
      "$3",
      "$4",
      "$5",
      "$6",
      "$7",
    ]);
  });

  it("extracts named fields", () => {
    const result = matchFilterPattern("[ip, server, username, timestamp, request, status_code, bytes > 1000]", apache);
    expect(result).toEqual({
      ok: true,
      outcome: "match",
      extractedValues: {
        $ip: "127.0.0.1",
        $server: "-",
        $username: "frank",
        $timestamp: "10/Oct/2000:13:25:15 -0700",
        $request: "GET /index.html HTTP/1.0",
        $status_code: "404",
        $bytes: "1534",
      },
    });
  });

  it.each<[string, string, Expected]>([
    ["[..., request=*.html*, status_code=4*,]", apache.replace(" 404 ", " 200 "), "noMatch"],
    ["[..., request=*.gif*, status_code=4*,]", apache, "noMatch"],
    ["[ip, user, username, timestamp, request, status_code = 404 || status_code = 410, bytes]", apache, "match"],
    ["[ip, user, username, timestamp, request, status_code = 403 || status_code = 410, bytes]", apache, "noMatch"],
    ["[..., bytes > 1000]", apache, "match"],
    ["[..., bytes > 2000]", apache, "noMatch"],
    ["[..., bytes < 2000 && bytes >= 1534]", apache, "match"],
    ["[..., bytes != 1534]", apache, "noMatch"],
    ["[ip = %^127\\.%, ...]", apache, "match"],
    ["[ip != %^127\\.%, ...]", apache, "noMatch"],
    ['[..., request = "GET /index.html HTTP/1.0", code, bytes]', apache, "match"],
    ["[w1 = ERROR, w2]", "ERROR message", "match"],
    ["[w1 = ERROR, w2]", "WARN message", "noMatch"],
    ["[w1 != ERROR && w1 != WARNING, w2]", "INFO message", "match"],
    ["[w1 != ERROR && w1 != WARNING, w2]", "WARNING message", "noMatch"],
    ["[w1 = ERROR, w2]", "ERROR three words", "match"], // the last field takes the rest
    ["[w1 = ERROR, w2]", "ERROR", "delimitedFewerFields"],
    ["[w1 = ERROR, ..., w3]", "ERROR", "delimitedFewerFields"], // fewer fields than the pattern needs around ...
    ["[w1 = ERROR, ..., last]", "ERROR a b c", "match"],
    ["[..., x, ...]", "a b", "delimitedManyEllipses"],
    ["[w1, w2]", "ERROR  message", "delimitedSpacing"],
    ["[w1 = E*R, w2]", "EXR message", "infixWildcard"],
    ["[w1 = ***, w2]", "ERROR message", "infixWildcard"],
    ["[w1, w2 > 10]", "a -", "noMatch"], // a non-number field is not > 10
  ])("%j against %j", check);
});

/**
 * How many words each field takes. The rule is the user guide's (FilterAndPatternSyntax.html, space-delimited
 * log events): `[w1=ERROR, w2]` returns the seven-word line "ERROR 09/25/2014 12:00:02 Failed to process request",
 * and "you must include a blank indicator" w2 after w1=ERROR, so the last field takes the rest of the line; `...`
 * "can reference as many fields as needed", none included. The guide shows no value extracted for a field that
 * takes several words: the text as written is this engine's reading, checked here so that it stays deliberate.
 */
describe("space-delimited patterns: which field takes which words", () => {
  const errorLine = "ERROR 09/25/2014 12:00:02 Failed to process request";
  const apache = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';

  it("gives the rest of the message to the last field", () => {
    expect(matchFilterPattern("[w1=ERROR, w2]", errorLine)).toEqual({
      ok: true,
      outcome: "match",
      extractedValues: { $w1: "ERROR", $w2: "09/25/2014 12:00:02 Failed to process request" },
    });
  });

  it("keeps the quotes and brackets of the fields inside the rest, as written", () => {
    const result = matchFilterPattern("[ip, identity, rest]", apache);
    expect(result.ok && result.outcome === "match" && result.extractedValues?.$rest).toBe(
      'frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
    );
  });

  it("numbers a blank last field by its position, with the rest as its value", () => {
    expect(matchFilterPattern("[w1 = ERROR, ]", "ERROR a b")).toEqual({
      ok: true,
      outcome: "match",
      extractedValues: { $w1: "ERROR", $2: "a b" },
    });
  });

  it.each<[string, string, Expected]>([
    ["[w1=ERROR]", errorLine, "noMatch"], // without the blank w2, w1 is the whole line
    ["[w1=ERROR]", "ERROR", "match"],
    ["[w1, w2 = 09/25/2014]", errorLine, "noMatch"], // w2 is the rest, not the second word
    ["[w1, w2 = *request]", errorLine, "match"],
    ["[logLevel, date, time, method, url, response_time = %^process request$%]", errorLine, "match"],
    ["[a, b, c, d, e, f, g, h]", apache, "delimitedFewerFields"],
    ["[a, b, c, d, e, f, g, h, ...]", apache, "delimitedFewerFields"],
    ["[..., a, b, c, d, e, f, g, h]", apache, "delimitedFewerFields"],
    ["[w1, w2]", "ERROR  two spaces", "delimitedSpacing"],
    ["[w1, w2]", 'ERROR "unclosed quote', "delimitedSpacing"],
    ["[w1, w2]", "ERROR ", "delimitedSpacing"], // a trailing space
    ["[w1, w2]", '"ERROR"ab message', "delimitedSpacing"], // text glued to a closing quote
    ["[w1]", "", "delimitedFewerFields"], // an empty message has no fields: fewer than the pattern has
  ])("%s against %j", check);

  // "Characters between brackets ("[]") and double quotation marks ("") are considered single fields": when the
  // last field takes one such field, and not the rest of a longer message, it takes it as extracted.
  it.each<[string, string, Record<string, string>]>([
    [
      "[ip, user, username, timestamp]",
      "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700]",
      { $ip: "127.0.0.1", $user: "-", $username: "frank", $timestamp: "10/Oct/2000:13:25:15 -0700" },
    ],
    [
      "[status_code, request]",
      '404 "GET /index.html HTTP/1.0"',
      { $status_code: "404", $request: "GET /index.html HTTP/1.0" },
    ],
  ])("a last field of one bracketed or quoted field: %s against %j", (pattern, message, extracted) => {
    expect(matchFilterPattern(pattern, message)).toEqual({ ok: true, outcome: "match", extractedValues: extracted });
  });

  it.each<[string, string, Record<string, string>]>([
    ["[...]", "x", { $1: "x" }],
    ["[...]", "", {}],
    ["[..., a]", "x", { $a: "x" }],
    ["[a, ...]", "x", { $a: "x" }],
    ["[a, ..., b]", "x y", { $a: "x", $b: "y" }],
    ["[, ..., b]", "x y", { $1: "x", $b: "y" }],
    ["[a, ..., ]", "x y", { $a: "x", $2: "y" }],
    ["[..., status_code, bytes]", '404 "a b"', { $status_code: "404", $bytes: "a b" }],
  ])("lets ... stand for no field: %s against %j", (pattern, message, extracted) => {
    expect(matchFilterPattern(pattern, message)).toEqual({ ok: true, outcome: "match", extractedValues: extracted });
  });

  it("lets ... stand for several fields, numbering them by position", () => {
    expect(matchFilterPattern("[a, ..., b]", "w x y z")).toEqual({
      ok: true,
      outcome: "match",
      extractedValues: { $a: "w", $2: "x", $3: "y", $b: "z" },
    });
  });
});

describe("evaluatePattern on a parsed tree", () => {
  it("agrees with matchFilterPattern", () => {
    const parsed = parseFilterPattern(CANONICAL);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(evaluatePattern(parsed.pattern, STOP_LOGGING)).toEqual({ outcome: "match" });
  });

  it("reports an invalid pattern instead of an outcome", () => {
    const result = matchFilterPattern("{ $.a = 'x' }", "{}");
    expect(result.ok).toBe(false);
  });

  it("matches in time linear in the message for a regex that backtracks in JavaScript", () => {
    // (a|a)* style blow-up is impossible without parentheses; a*a*a*…b on a long run of a's is the
    // classic polynomial case for backtracking engines. RE2 answers immediately.
    const pattern = `%${"a*".repeat(20)}b%`;
    expect(matchFilterPattern(pattern, "a".repeat(5000))).toEqual({ ok: true, outcome: "noMatch" });
  });
});

// The nodes a selector reaches (what a condition tests), as AWS's JSON selectors read: `[*]` every element of an
// array, `.*` every value of an object, `[n]` one element; nothing past a missing key, an index out of range or a
// scalar.
describe("selectedNodes", () => {
  const record: EventJson = {
    a: [{ b: 1 }, { b: 2 }, { c: 3 }],
    o: { x: "1", y: { z: true } },
    s: "text",
    e: [],
    n: null,
  };
  const stepsOf = (selector: string) => {
    const parsed = parseFilterPattern(`{ ${selector} = 1 }`);
    if (!parsed.ok || parsed.pattern.kind !== "json" || parsed.pattern.expression.kind !== "condition") {
      throw new Error(`${selector}: one condition expected`);
    }
    return parsed.pattern.expression.selector.steps;
  };

  it.each<[string, unknown[]]>([
    ["$.a[*].b", [1, 2]],
    ["$.a[1].b", [2]],
    ["$.a[2]", [{ c: 3 }]],
    ["$.a[3]", []],
    ["$.o.*", ["1", { z: true }]],
    ["$.o.y.z", [true]],
    ["$.s", ["text"]],
    ["$.n", [null]],
    ["$.s.x", []],
    ["$.s[*]", []],
    ["$.e[*]", []],
    ["$.missing", []],
    ["$.missing.b", []],
  ])("%s reaches %j", (selector, expected) => {
    expect(selectedNodes(record, stepsOf(selector))).toEqual(expected);
  });
});
