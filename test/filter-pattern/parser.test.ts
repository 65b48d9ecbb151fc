/**
 * The parser, as two tables in the shape of typescript-eslint's rule tests: patterns AWS accepts (with the
 * tree, or the part of it that the row is about) and patterns AWS rejects (with the error code and column).
 */
import type { AndOrReading, FilterPattern, JsonExpression, ParseResult } from "../../lib/filter-pattern";
import { ERROR_PREFIX, parseFilterPattern } from "../../lib/filter-pattern";

/** The tree with every `span` removed, for comparing shapes. */
function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (key !== "span") out[key] = withoutSpans(inner);
    return out;
  }
  return value;
}

function parsed(text: string): FilterPattern {
  const result: ParseResult = parseFilterPattern(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error.message}`);
  return result.pattern;
}

function jsonExpression(text: string): JsonExpression {
  const pattern = parsed(text);
  if (pattern.kind !== "json") throw new Error(`expected a JSON pattern, got ${pattern.kind}`);
  return pattern.expression;
}

const eq = (name: string, value: string, quoted = false) => ({
  kind: "condition",
  selector: { text: `$.${name}`, steps: [{ kind: "key", name }] },
  test: { kind: "compare", operator: "=", value: { kind: "string", text: value, quoted } },
});

const CANONICAL_NAMES = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"];
const canonicalTree = { kind: "or", operands: CANONICAL_NAMES.map((name) => eq("eventName", name)) };

describe("kinds of pattern", () => {
  it.each([
    ["", "matchAll"],
    ["   ", "matchAll"],
    ['""', "matchAll"],
    ['" "', "matchAll"],
    ["  { $.a = 1 }", "json"],
    ["[a, b]", "delimited"],
    ["%ERR%", "regex"],
    ["ERROR", "terms"],
    ['"ERROR"', "terms"],
    // What decides the kind: the first character after blanks.
    [" [a]", "delimited"],
    ["\t%a%", "regex"],
    ['"  "', "terms"],
  ])("%j is a %s pattern", (text, kind) => {
    expect(parsed(text).kind).toBe(kind);
  });
});

describe("term patterns", () => {
  it.each([
    ["ERROR", [{ text: "ERROR", quoted: false, modifier: "required" }]],
    [
      '"[ERROR]" Exception',
      [
        { text: "[ERROR]", quoted: true, modifier: "required" },
        { text: "Exception", quoted: false, modifier: "required" },
      ],
    ],
    ['"ERROR Exception"', [{ text: "ERROR Exception", quoted: true, modifier: "required" }]],
    ['"ORDER-ITEM-1"', [{ text: "ORDER-ITEM-1", quoted: true, modifier: "required" }]],
    [
      "ERROR -Exiting",
      [
        { text: "ERROR", quoted: false, modifier: "required" },
        { text: "Exiting", quoted: false, modifier: "excluded" },
      ],
    ],
    [
      '"ERROR" - "Exiting"',
      [
        { text: "ERROR", quoted: true, modifier: "required" },
        { text: "Exiting", quoted: true, modifier: "excluded" },
      ],
    ],
    [
      '?ERROR ?"bad thing"',
      [
        { text: "ERROR", quoted: false, modifier: "optional" },
        { text: "bad thing", quoted: true, modifier: "optional" },
      ],
    ],
    ['"say \\"hi\\""', [{ text: 'say \\"hi\\"', quoted: true, modifier: "required" }]],
    [
      "under_score 123",
      [
        { text: "under_score", quoted: false, modifier: "required" },
        { text: "123", quoted: false, modifier: "required" },
      ],
    ],
  ])("%j", (text, terms) => {
    const pattern = parsed(text);
    expect(pattern.kind).toBe("terms");
    if (pattern.kind !== "terms") return;
    expect(pattern.terms.map(({ text: t, quoted, modifier }) => ({ text: t, quoted, modifier }))).toEqual(terms);
  });

  it("records the span of each term, modifier included", () => {
    const pattern = parsed('A -"b c"');
    if (pattern.kind !== "terms") throw new Error("terms expected");
    expect(pattern.terms).toEqual([
      { kind: "term", text: "A", quoted: false, modifier: "required", span: { start: 0, end: 1 } },
      { kind: "term", text: "b c", quoted: true, modifier: "excluded", span: { start: 2, end: 8 } },
    ]);
  });
});

describe("JSON patterns", () => {
  it.each([
    [
      "canonical CIS pattern",
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || " +
        "($.eventName = StartLogging) || ($.eventName = StopLogging) }",
    ],
    [
      "compact form from the CloudTrail docs",
      "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||" +
        "($.eventName=StartLogging)||($.eventName=StopLogging)}",
    ],
    [
      "unparenthesised",
      "{ $.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || " +
        "$.eventName = StartLogging || $.eventName = StopLogging }",
    ],
    [
      "nested parentheses flatten",
      "{ (($.eventName = CreateTrail || $.eventName = UpdateTrail) || $.eventName = DeleteTrail) || " +
        "($.eventName = StartLogging || ($.eventName = StopLogging)) }",
    ],
    [
      "line breaks and tabs as blanks",
      "{\n\t$.eventName = CreateTrail ||\n\t$.eventName = UpdateTrail || $.eventName = DeleteTrail ||" +
        " $.eventName = StartLogging || $.eventName = StopLogging\n}",
    ],
  ])("%s", (_name, text) => {
    expect(withoutSpans(jsonExpression(text))).toEqual(canonicalTree);
  });

  it("reads the CDK output form: every value double-quoted, every clause parenthesised", () => {
    const text =
      '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ' +
      '($.eventName = "StartLogging") || ($.eventName = "StopLogging") }';
    expect(withoutSpans(jsonExpression(text))).toEqual({
      kind: "or",
      operands: CANONICAL_NAMES.map((name) => eq("eventName", name, true)),
    });
  });

  it('reads CDK\'s exists() as = "*"', () => {
    expect(withoutSpans(jsonExpression('{ $.latency = "*" }'))).toEqual(eq("latency", "*", true));
  });

  it("gives && precedence over ||", () => {
    expect(withoutSpans(jsonExpression("{ $.a = x || $.b = y && $.c = z }"))).toEqual({
      kind: "or",
      operands: [eq("a", "x"), { kind: "and", operands: [eq("b", "y"), eq("c", "z")] }],
    });
  });

  it("lets parentheses override precedence", () => {
    expect(withoutSpans(jsonExpression("{ ($.a = x || $.b = y) && $.c = z }"))).toEqual({
      kind: "and",
      operands: [{ kind: "or", operands: [eq("a", "x"), eq("b", "y")] }, eq("c", "z")],
    });
  });

  it.each([
    [
      "$.a.b",
      [
        { kind: "key", name: "a" },
        { kind: "key", name: "b" },
      ],
    ],
    [
      "$.a[0]",
      [
        { kind: "key", name: "a" },
        { kind: "index", index: 0 },
      ],
    ],
    [
      "$.a[12].b",
      [
        { kind: "key", name: "a" },
        { kind: "index", index: 12 },
        { kind: "key", name: "b" },
      ],
    ],
    ["$.a[*]", [{ kind: "key", name: "a" }, { kind: "anyIndex" }]],
    ["$.a.*", [{ kind: "key", name: "a" }, { kind: "anyKey" }]],
    ["$.['cluster.name']", [{ kind: "key", name: "cluster.name" }]],
    [
      "$.a['b c']",
      [
        { kind: "key", name: "a" },
        { kind: "key", name: "b c" },
      ],
    ],
    ["$.user-name_2", [{ kind: "key", name: "user-name_2" }]],
    // A quoted key ends at the first '] after its opening quote, so it may hold ] itself.
    [
      "$.a[']']",
      [
        { kind: "key", name: "a" },
        { kind: "key", name: "]" },
      ],
    ],
  ])("selector %s", (selector, steps) => {
    const expression = jsonExpression(`{ ${selector} = 1 }`);
    if (expression.kind !== "condition") throw new Error("condition expected");
    expect(expression.selector.steps).toEqual(steps);
    expect(expression.selector.text).toBe(selector);
    expect(expression.selector.span).toEqual({ start: 2, end: 2 + selector.length });
  });

  it.each([
    ["CreateTrail", { kind: "string", text: "CreateTrail", quoted: false }],
    ['"CreateTrail"', { kind: "string", text: "CreateTrail", quoted: true }],
    ["kms.amazonaws.com", { kind: "string", text: "kms.amazonaws.com", quoted: false }],
    ["123.123.*", { kind: "string", text: "123.123.*", quoted: false }],
    ["*", { kind: "string", text: "*", quoted: false }],
    ["4*", { kind: "string", text: "4*", quoted: false }],
    ['"%bar%"', { kind: "string", text: "%bar%", quoted: true }],
    ['"123"', { kind: "string", text: "123", quoted: true }],
    ["123", { kind: "number", text: "123", value: 123 }],
    ["-1e+3", { kind: "number", text: "-1e+3", value: -1000 }],
    ["1e-3", { kind: "number", text: "1e-3", value: 0.001 }],
    ["10e3", { kind: "number", text: "10e3", value: 10000 }],
    ["+1000", { kind: "number", text: "+1000", value: 1000 }],
    ["55.5", { kind: "number", text: "55.5", value: 55.5 }],
    ["%^Create.*Trail$%", { kind: "regex", source: "^Create.*Trail$" }],
  ])("value %s", (valueText, value) => {
    const expression = jsonExpression(`{ $.a = ${valueText} }`);
    if (expression.kind !== "condition" || expression.test.kind !== "compare") throw new Error("compare expected");
    expect(withoutSpans(expression.test.value)).toEqual(value);
    expect(expression.test.value.span).toEqual({ start: 8, end: 8 + valueText.length });
  });

  it.each([
    ["=", "="],
    ["!=", "!="],
    ["<", "<"],
    ["<=", "<="],
    [">", ">"],
    [">=", ">="],
  ])("operator %s", (written, operator) => {
    const expression = jsonExpression(`{ $.latency ${written} 5 }`);
    expect(expression.kind === "condition" && expression.test.kind === "compare" && expression.test.operator).toBe(
      operator,
    );
  });

  it.each([
    ["IS NULL", "isNull"],
    ["IS TRUE", "isTrue"],
    ["IS FALSE", "isFalse"],
    ["NOT EXISTS", "notExists"],
    ["IS   NULL", "isNull"],
  ])("keyword test %s", (written, kind) => {
    const expression = jsonExpression(`{ $.errorCode ${written} }`);
    expect(expression.kind === "condition" && expression.test.kind).toBe(kind);
  });

  it("accepts the CIS KMS pattern with an unquoted dotted value", () => {
    const expression = jsonExpression(
      "{($.eventSource=kms.amazonaws.com)&&(($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}",
    );
    expect(expression.kind).toBe("and");
  });

  it("accepts three wildcard selectors and two regexes", () => {
    expect(parseFilterPattern("{ $.a[*] = %x% && $.b.* = %y% && $.c[*].d = 1 }").ok).toBe(true);
  });

  it("gives a condition the span from its selector to the end of its value", () => {
    const expression = jsonExpression('{ $.a = "x" }');
    expect(expression.span).toEqual({ start: 2, end: 11 });
  });
});

describe("space-delimited patterns", () => {
  it("reads AWS's TestMetricFilter example, the trailing comma adding a blank last field", () => {
    const pattern = parsed("[..., request=*.html*, status_code=4*,]");
    expect(withoutSpans(pattern)).toEqual({
      kind: "delimited",
      fields: [
        { kind: "ellipsis" },
        {
          kind: "field",
          name: "request",
          condition: { kind: "compare", operator: "=", value: { kind: "string", text: "*.html*", quoted: false } },
        },
        {
          kind: "field",
          name: "status_code",
          condition: { kind: "compare", operator: "=", value: { kind: "string", text: "4*", quoted: false } },
        },
        { kind: "field" },
      ],
    });
  });

  it("reads [] as no fields", () => {
    expect(withoutSpans(parsed("[]"))).toEqual({ kind: "delimited", fields: [] });
  });

  it("reads || and && on the same field, && binding tighter", () => {
    const pattern = parsed("[ip, status_code = 404 || status_code = 410 && status_code != 5, bytes > 1000]");
    expect(withoutSpans(pattern)).toEqual({
      kind: "delimited",
      fields: [
        { kind: "field", name: "ip" },
        {
          kind: "field",
          name: "status_code",
          condition: {
            kind: "or",
            operands: [
              { kind: "compare", operator: "=", value: { kind: "number", text: "404", value: 404 } },
              {
                kind: "and",
                operands: [
                  { kind: "compare", operator: "=", value: { kind: "number", text: "410", value: 410 } },
                  { kind: "compare", operator: "!=", value: { kind: "number", text: "5", value: 5 } },
                ],
              },
            ],
          },
        },
        {
          kind: "field",
          name: "bytes",
          condition: { kind: "compare", operator: ">", value: { kind: "number", text: "1000", value: 1000 } },
        },
      ],
    });
  });

  it("reads blank positions, quoted values and regexes", () => {
    const pattern = parsed('[, w2 = "a b", w3 = %ERR.*%]');
    if (pattern.kind !== "delimited") throw new Error("delimited expected");
    expect(pattern.fields.map((field) => (field.kind === "field" ? (field.name ?? "(blank)") : "..."))).toEqual([
      "(blank)",
      "w2",
      "w3",
    ]);
  });
});

describe("patterns AWS rejects", () => {
  const long = `{ $.eventName = "${"x".repeat(1100)}" }`;
  it.each([
    // [pattern, code, column]
    [long, "too-long", 1025],
    ['{ status = "401" }', "selector-without-dollar-dot", 3],
    ["{ $status = 401 }", "selector-without-dollar-dot", 3],
    ["{ $[0] = 1 }", "selector-without-dollar-dot", 3],
    ["{ $.userIdentity.type = 'Root' }", "single-quoted-value", 25],
    ["{ ($.a = 1 }", "unbalanced-parenthesis", 12],
    ["{ $.a = 1) }", "unbalanced-parenthesis", 10],
    ["{ $.a = 1", "unclosed-brace", 10],
    ["{", "unclosed-brace", 1],
    ["{ $.a = 1 } }", "trailing-characters", 13],
    ["{ $.a = 1 } x", "trailing-characters", 13],
    ["[a, b", "unclosed-bracket", 6],
    ["[a] b", "trailing-characters", 5],
    ["%ab% c", "trailing-characters", 6],
    ["{ $.a[0 = 1 }", "unclosed-bracket", 6],
    ["{ $.a = 1 OR $.b = 2 }", "word-operator", 11],
    ["{ $.a = 1 AND $.b = 2 }", "word-operator", 11],
    ["{ $.a = 1 and $.b = 2 }", "word-operator", 11],
    ["{ $.a == 1 }", "double-equals", 7],
    ["{ $.a = 1 & $.b = 2 }", "single-ampersand", 11],
    ["{ $.a = 1 | $.b = 2 }", "single-pipe", 11],
    ["{ $.a IS NOT NULL }", "is-not-unsupported", 7],
    ["{ $.a EXISTS }", "exists-unsupported", 7],
    ["{ $.a is null }", "lowercase-keyword", 7],
    ["{ $.a IS null }", "lowercase-keyword", 10],
    ["{ $.a not exists }", "lowercase-keyword", 7],
    ["{ $.a NOT EXIST }", "expected-keyword", 11],
    ["{ $.a IS MISSING }", "expected-keyword", 10],
    ["%a(b)%", "regex-disallowed-character", 3],
    ["%something!%", "regex-disallowed-character", 11],
    ["%caf\u00e9%", "regex-disallowed-character", 5],
    ["%a\\nb%", "regex-invalid-escape", 3],
    ["%a\\x4%", "regex-invalid-escape", 3],
    ["%a\\%", "regex-invalid-escape", 3],
    ["%[a%", "regex-invalid", 2],
    ["%%", "empty-regex", 1],
    ["{ $.a = %% }", "empty-regex", 9],
    ["%abc", "unterminated-regex", 1],
    ['{ $.a = "abc }', "unterminated-string", 9],
    ['"abc', "unterminated-string", 1],
    ["{ $.a = %x% || $.b = %y% || $.c = %z% }", "too-many-regexes", 35],
    ["[a = %x%, b = %y%, c = %z%]", "too-many-regexes", 24],
    ["{ $.a[*].b[*] = 1 }", "too-many-wildcards-in-selector", 11],
    ["{ $.a.*.b.* = 1 }", "too-many-wildcards-in-selector", 10],
    ["{ $.a[*] = 1 || $.b[*] = 1 || $.c[*] = 1 || $.d[*] = 1 }", "too-many-wildcards-in-pattern", 48],
    ["{}", "empty-json-pattern", 1],
    ["{   }", "empty-json-pattern", 1],
    ["{ $.a = }", "missing-value", 9],
    ["{ $.a = && $.b = 1 }", "missing-value", 9],
    ["{ $.a != }", "missing-value", 10],
    ["[a = , b]", "missing-value", 6],
    ["[status_code = 4* && bytes > 1000]", "conditions-on-different-fields", 22],
    ["[a = 1 || b = 2]", "conditions-on-different-fields", 11],
    ["ORDER-ITEM-1", "unquoted-term-characters", 6],
    ["ERROR:", "unquoted-term-characters", 6],
    ["$.eventName = CreateTrail", "unquoted-term-characters", 1],
    ['ERROR"x"', "unquoted-term-characters", 6],
    ['"a""b"', "term-not-separated", 4],
    ["ERROR -", "missing-term", 7],
    ["? ERROR", "missing-term", 1],
    ["-?ERROR", "conflicting-term-modifiers", 2],
    ["?-ERROR", "conflicting-term-modifiers", 2],
    ["{ $.a > abc }", "relational-needs-number", 9],
    ['{ $.a >= "5" }', "relational-needs-number", 10],
    ["{ $.a < %5% }", "relational-needs-number", 9],
    ["{ $. = 1 }", "invalid-selector-step", 5],
    ["{ $.a..b = 1 }", "invalid-selector-step", 7],
    ["{ $.a[x] = 1 }", "invalid-selector-step", 7],
    ["{ $.a }", "expected-operator", 7],
    ["{ $.a ~ 1 }", "expected-operator", 7],
    ["{ $.a = 1 $.b = 2 }", "expected-logical-operator", 11],
    ["{ && $.a = 1 }", "expected-condition", 3],
    ["{ $.a = 1 || }", "expected-condition", 14],
    ["{ () }", "expected-condition", 4],
    ["[a b]", "expected-comma", 4],
    ["[a, $b]", "invalid-field-name", 5],
  ])("%j is rejected as %s at column %d", (text, code, column) => {
    const result = parseFilterPattern(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, column: result.error.column }).toEqual({ code, column });
    expect(result.error.offset).toBe(column - 1);
    expect(result.error.message.startsWith(`${ERROR_PREFIX} at column ${column}: `)).toBe(true);
  });

  it("accepts exactly 1024 characters", () => {
    const text = `"${"x".repeat(1022)}"`;
    expect(text.length).toBe(1024);
    expect(parseFilterPattern(text).ok).toBe(true);
    expect(parseFilterPattern(`${text} `).ok).toBe(false);
  });

  it("gives a hint with the fix where one helps", () => {
    const result = parseFilterPattern("{ $.userIdentity.type = 'Root' }");
    expect(!result.ok && result.error.message).toContain('use double quotes: "Root"');
    const keyword = parseFilterPattern("{ $.errorCode not exists }");
    expect(!keyword.ok && keyword.error.message).toContain("keywords are upper case");
  });

  it.each([42, null, undefined, {}])("does not throw on a non-string input %p", (input) => {
    expect(() => parseFilterPattern(input as string)).not.toThrow();
  });
});

describe("how && and || group where parentheses do not say (ParseOptions.andOr)", () => {
  // AWS's filter-pattern documentation states no precedence between && and || (it parenthesises compound JSON
  // conditions), so each reading is a tree of its own.
  const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => eq(name, "x"));
  const and = (...operands: unknown[]) => ({ kind: "and", operands });
  const or = (...operands: unknown[]) => ({ kind: "or", operands });
  const tree = (text: string, andOr?: AndOrReading) => {
    const result = parseFilterPattern(text, andOr === undefined ? {} : { andOr });
    if (!result.ok || result.pattern.kind !== "json") throw new Error(`expected a JSON pattern: ${text}`);
    return withoutSpans(result.pattern.expression);
  };

  it.each<[string, AndOrReading | undefined, unknown]>([
    ["{ $.a = x && $.b = x || $.c = x }", undefined, or(and(a, b), c)],
    ["{ $.a = x && $.b = x || $.c = x }", "and-first", or(and(a, b), c)],
    ["{ $.a = x && $.b = x || $.c = x }", "or-first", and(a, or(b, c))],
    ["{ $.a = x && $.b = x || $.c = x }", "left-to-right", or(and(a, b), c)],
    ["{ $.a = x || $.b = x && $.c = x }", "and-first", or(a, and(b, c))],
    ["{ $.a = x || $.b = x && $.c = x }", "or-first", and(or(a, b), c)],
    ["{ $.a = x || $.b = x && $.c = x }", "left-to-right", and(or(a, b), c)],
    ["{ $.a = x && $.b = x || $.c = x && $.d = x }", "and-first", or(and(a, b), and(c, d))],
    ["{ $.a = x && $.b = x || $.c = x && $.d = x }", "or-first", and(a, or(b, c), d)],
    ["{ $.a = x && $.b = x || $.c = x && $.d = x }", "left-to-right", and(or(and(a, b), c), d)],
    ["{ $.a = x || $.b = x || $.c = x }", "left-to-right", or(a, b, c)],
    ["{ $.a = x && $.b = x && $.c = x }", "left-to-right", and(a, b, c)],
    ["{ $.a = x && $.b = x && $.c = x }", "or-first", and(a, b, c)],
    ["{ $.a = x || ($.b = x || $.c = x) }", "or-first", or(a, b, c)],
  ])("%s read %s", (text, andOr, expected) => {
    expect(tree(text, andOr)).toEqual(expected);
  });
});

describe("spans: where each part of a pattern starts and ends (offsets from 0, end excluded)", () => {
  it("a match-all pattern spans the whole text", () => {
    expect(parsed("  ").span).toEqual({ start: 0, end: 2 });
  });

  it("a term pattern spans from its first term to its last", () => {
    expect(parsed("  A  B ").span).toEqual({ start: 2, end: 6 });
  });

  it("a standalone regex spans its two % signs", () => {
    const pattern = parsed(" %ab% ");
    expect(pattern.span).toEqual({ start: 1, end: 5 });
    expect(pattern.kind === "regex" && pattern.regex.span).toEqual({ start: 1, end: 5 });
  });

  it("a JSON pattern spans its braces, an OR its operands, a condition its selector to its value", () => {
    const pattern = parsed("  { $.a = 1 }  ");
    expect(pattern.span).toEqual({ start: 2, end: 13 });
    expect(pattern.kind === "json" && pattern.expression.span).toEqual({ start: 4, end: 11 });
    const or = parsed("{ $.a = 1 || $.b = 2 }");
    expect(or.span).toEqual({ start: 0, end: 22 });
    if (or.kind !== "json" || or.expression.kind !== "or") throw new Error("or expected");
    expect(or.expression.span).toEqual({ start: 2, end: 20 });
    expect(or.expression.operands.map((operand) => operand.span)).toEqual([
      { start: 2, end: 9 },
      { start: 13, end: 20 },
    ]);
  });

  it("a keyword condition ends after its keyword; parentheses are not part of a condition", () => {
    expect(jsonExpression("{ $.a IS NULL }").span).toEqual({ start: 2, end: 13 });
    expect(jsonExpression("{ $.a NOT EXISTS }").span).toEqual({ start: 2, end: 16 });
    expect(parsed("{ ($.a = 1) }").span).toEqual({ start: 0, end: 13 });
    expect(jsonExpression("{ ($.a = 1) }").span).toEqual({ start: 3, end: 10 });
  });

  it("a space-delimited pattern spans its brackets; fields and their conditions their own text", () => {
    const pattern = parsed("[a, b = 1 || b = 2 && b = 3] ");
    expect(pattern.span).toEqual({ start: 0, end: 28 });
    if (pattern.kind !== "delimited") throw new Error("delimited expected");
    expect(pattern.fields.map((field) => field.span)).toEqual([
      { start: 1, end: 2 },
      { start: 4, end: 27 },
    ]);
    const condition = pattern.fields[1].kind === "field" ? pattern.fields[1].condition : undefined;
    expect(condition?.span).toEqual({ start: 4, end: 27 });
    if (condition?.kind !== "or") throw new Error("or expected");
    expect(condition.operands.map((operand) => operand.span)).toEqual([
      { start: 4, end: 9 },
      { start: 13, end: 27 },
    ]);
    const inner = condition.operands[1];
    expect(inner.kind === "and" && inner.operands.map((operand) => operand.span)).toEqual([
      { start: 13, end: 18 },
      { start: 22, end: 27 },
    ]);
  });

  it("blank fields are empty spans where they stand; ... spans its three dots", () => {
    const pattern = parsed("[..., ,]");
    expect(pattern.kind === "delimited" && pattern.fields.map((field) => [field.kind, field.span])).toEqual([
      ["ellipsis", { start: 1, end: 4 }],
      ["field", { start: 6, end: 6 }],
      ["field", { start: 7, end: 7 }],
    ]);
    expect(parsed("[ ]").span).toEqual({ start: 0, end: 3 });
  });
});

describe("what decides the kind of a pattern", () => {
  it("reads a value that is not a string as its text", () => {
    const pattern = parsed(42 as unknown as string);
    expect(pattern.kind === "terms" && pattern.terms.map((term) => term.text)).toEqual(["42"]);
  });
});
