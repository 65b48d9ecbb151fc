/** The printer: canonical text for each kind of pattern, and print→parse giving back the same tree. */
import type { FilterPattern, Span, Term, Value } from "../../lib/filter-pattern";
import { parseFilterPattern, printCondition, printFilterPattern } from "../../lib/filter-pattern";
import { printSelector } from "../../lib/filter-pattern/printer";
import { PATTERN_CORPUS, sameTree } from "./corpus";

const NO_SPAN: Span = { start: 0, end: 0 };

/** `{ $.a = value }`, built by hand. */
function jsonEquals(value: Value): FilterPattern {
  return {
    kind: "json",
    span: NO_SPAN,
    expression: {
      kind: "condition",
      span: NO_SPAN,
      selector: { text: "$.a", steps: [{ kind: "key", name: "a" }], span: NO_SPAN },
      test: { kind: "compare", operator: "=", value },
    },
  };
}

function canonical(text: string): string {
  const result = parseFilterPattern(text);
  if (!result.ok) throw new Error(result.error.message);
  return printFilterPattern(result.pattern);
}

describe("canonical text", () => {
  it.each([
    ["", ""],
    ['" "', ""],
    ["ERROR   WARN", "ERROR WARN"],
    ['"ERROR" - "Exiting"', '"ERROR" -"Exiting"'],
    ['?"a b"  ?c', '?"a b" ?c'],
    ["  %ERR.*%  ", "%ERR.*%"],
    [
      "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)}",
      "{ $.eventName = CreateTrail || $.eventName = UpdateTrail }",
    ],
    [
      '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") }',
      '{ $.eventName = "CreateTrail" || $.eventName = "UpdateTrail" }',
    ],
    ["{ ($.a = 1 || $.b = 2) && $.c = 3 }", "{ ($.a = 1 || $.b = 2) && $.c = 3 }"],
    // AWS's filter-pattern documentation states no precedence between && and || (it writes compound conditions with
    // parentheses), so the printed form keeps the parentheses of an && run inside an || run too.
    ["{ $.a = 1 || ($.b = 2 && $.c = 3) }", "{ $.a = 1 || ($.b = 2 && $.c = 3) }"],
    ["{ $.a = 1 || $.b = 2 && $.c = 3 }", "{ $.a = 1 || ($.b = 2 && $.c = 3) }"],
    ["{ (($.a = 1)) }", "{ $.a = 1 }"],
    ["{ $.a=-1e+3 }", "{ $.a = -1e+3 }"],
    ["{ $.a!=%x|y% }", "{ $.a != %x|y% }"],
    ["{$.a IS   NULL&&$.b NOT EXISTS}", "{ $.a IS NULL && $.b NOT EXISTS }"],
    ["{ $.a['b'] = x }", "{ $.a.b = x }"],
    ["{ $.['a.b'][0].* = x }", "{ $.['a.b'][0].* = x }"],
    // A quoted key after the first step keeps its `.` in the canonical form (the compact form drops it, below).
    ["{ $.a['b c'] = x }", "{ $.a.['b c'] = x }"],
    ['{ $.a[*] = "*" }', '{ $.a[*] = "*" }'],
    ["[..., request=*.html*, status_code=4*,]", "[..., request = *.html*, status_code = 4*, ]"],
    ["[ ]", "[]"],
    ["[,a]", "[, a]"],
    ["[w1!=ERROR&&w1!=WARN||w1=x, w2]", "[w1 != ERROR && w1 != WARN || w1 = x, w2]"],
  ])("%j prints as %j", (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it("quotes an unquoted string value that could not be read back bare", () => {
    const pattern = jsonEquals({ kind: "string", text: "a b", quoted: false, span: NO_SPAN });
    expect(printFilterPattern(pattern)).toBe('{ $.a = "a b" }');
  });

  // The parser gives an unquoted value only for text that reads back bare; a tree built otherwise (as the
  // hand-built one above) must still print to text whose value is the same string. Each row would read back as
  // something else bare: nothing (""), a number, a single-quoted value AWS rejects, a regular expression.
  it.each(["", "123", "-1e+3", ".5", "'a", "%a"])(
    "prints the unquoted string %j so that it reads back as that string",
    (text) => {
      const printed = printFilterPattern(jsonEquals({ kind: "string", text, quoted: false, span: NO_SPAN }));
      const reparsed = parseFilterPattern(printed);
      if (!reparsed.ok) throw new Error(`${printed}: ${reparsed.error.message}`);
      const value =
        reparsed.pattern.kind === "json" && reparsed.pattern.expression.kind === "condition"
          ? reparsed.pattern.expression.test
          : undefined;
      expect(value).toMatchObject({ kind: "compare", value: { kind: "string", text } });
    },
  );

  it("quotes an unquoted term that is not one word of letters, digits and _", () => {
    // AWS: terms with other characters are written in double quotes ("Filter pattern syntax").
    const term = (text: string): Term => ({ kind: "term", text, quoted: false, modifier: "required", span: NO_SPAN });
    const printed = printFilterPattern({ kind: "terms", terms: [term("a b"), term("c")], span: NO_SPAN });
    expect(printed).toBe('"a b" c');
    const reparsed = parseFilterPattern(printed);
    expect(reparsed.ok && reparsed.pattern.kind === "terms" && reparsed.pattern.terms.map((t) => t.text)).toEqual([
      "a b",
      "c",
    ]);
  });
});

describe("printCondition", () => {
  it("prints one condition of a JSON pattern", () => {
    const result = parseFilterPattern("{ $.eventName = StopLogging && $.errorCode   NOT EXISTS }");
    if (!result.ok || result.pattern.kind !== "json" || result.pattern.expression.kind !== "and") {
      throw new Error("an && of two conditions expected");
    }
    const second = result.pattern.expression.operands[1];
    if (second?.kind !== "condition") throw new Error("condition expected");
    expect(printCondition(second)).toBe("$.errorCode NOT EXISTS");
  });
});

describe("printSelector", () => {
  it("prints a selector from its steps: simple keys after a dot, others in brackets and quotes after a dot", () => {
    // AWS "Filter pattern syntax": a key may be written `.key` or `['key']` (quotes and brackets for keys with other
    // characters); `[0]` selects an array element, `[*]` any (one wildcard per selector). Written without the dots.
    const result = parseFilterPattern("{ $.a['b'][0]['c d'][*] = 1 }");
    if (!result.ok || result.pattern.kind !== "json" || result.pattern.expression.kind !== "condition") {
      throw new Error("one condition expected");
    }
    expect(printSelector(result.pattern.expression.selector)).toBe("$.a.b[0].['c d'][*]");
  });
});

describe("print then parse gives back the tree", () => {
  it.each(PATTERN_CORPUS)("%j", (text) => {
    const first = parseFilterPattern(text);
    if (!first.ok) throw new Error(first.error.message);
    const printed = printFilterPattern(first.pattern);
    const second = parseFilterPattern(printed);
    if (!second.ok) throw new Error(`${printed}: ${second.error.message}`);
    expect(sameTree(second.pattern, first.pattern)).toBe(true);
    expect(printFilterPattern(second.pattern)).toBe(printed);
  });
});

// Found by the fuzzer: a pattern written without blanks near AWS's limit of 1,024 characters ("Filter pattern
// syntax", CloudWatch Logs User Guide) printed with canonical spacing to more than 1,024 characters, which did not
// parse back. Such a tree prints without optional blanks.
describe("a pattern near the length limit", () => {
  // 146 clauses of 5 characters, 145 `||`, the braces: 146 * 5 + 145 * 2 + 2 = 1,022 characters. With canonical
  // spacing each clause takes 7 and each `||` 4, plus "{ " and " }": 1,606.
  const compact = `{${Array.from({ length: 146 }, () => "$.a=1").join("||")}}`;

  it("prints without optional blanks when canonical spacing would pass the limit, and parses back", () => {
    expect(compact.length).toBe(1022);
    const first = parseFilterPattern(compact);
    if (!first.ok) throw new Error(first.error.message);
    const printed = printFilterPattern(first.pattern);
    expect(printed).toBe(compact);
    const second = parseFilterPattern(printed);
    expect(second.ok && sameTree(second.pattern, first.pattern)).toBe(true);
  });

  it("prints with canonical spacing when that is exactly 1,024 characters", () => {
    // 93 clauses of 7 characters with canonical spacing, one of them 8 (`$.a = 10`), 92 ` || `, "{ " and " }":
    // 93 * 7 + 1 + 92 * 4 + 4 = 1,024.
    const text = `{ ${["$.a = 10", ...Array.from({ length: 92 }, () => "$.a = 1")].join(" || ")} }`;
    expect(text.length).toBe(1024);
    expect(canonical(text)).toBe(text);
  });

  it("keeps the blank before IS NULL and writes later quoted keys as ['key'] in the compact form", () => {
    // Compact: 140 clauses `$.a=1`, the `||` between them and two more clauses, 993 characters; canonical spacing
    // would pass 1,024. `$.b IS NULL` keeps its blank (`$.bIS` would be a selector); the first step stays `.['b c']`
    // (a selector starts with `$.`), later ones may drop the `.`.
    const text = `{${Array.from({ length: 140 }, () => "$.a=1").join("||")}||$.b IS NULL||$.['b c']['d e']=1}`;
    const first = parseFilterPattern(text);
    if (!first.ok) throw new Error(first.error.message);
    const printed = printFilterPattern(first.pattern);
    expect(printed).toBe(text);
    const second = parseFilterPattern(printed);
    expect(second.ok && sameTree(second.pattern, first.pattern)).toBe(true);
  });

  it("keeps the blank before a value that starts with =, which would otherwise read as ==", () => {
    const text = `{${Array.from({ length: 145 }, () => "$.a=1").join("||")}||$.b= =x}`;
    const first = parseFilterPattern(text);
    if (!first.ok) throw new Error(first.error.message);
    expect(printFilterPattern(first.pattern)).toBe(text);
  });
});
