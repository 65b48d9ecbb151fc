/**
 * What a user reads when a pattern is wrong: for each way the parser rejects a pattern, the whole message (our
 * own wording, with its hint), the code and the column. Which patterns are wrong follows AWS, "Filter pattern
 * syntax for metric filters, subscription filters, filter log events, and Live Tail" (CloudWatch Logs User Guide)
 * and the PutMetricFilter API reference (filterPattern: at most 1024 characters). Columns are counted by hand,
 * from 1, in the pattern as written.
 */
import { parseFilterPattern } from "../../lib/filter-pattern";
import type { PatternError } from "../../lib/filter-pattern";

interface Rejection {
  readonly pattern: string;
  readonly code: string;
  readonly column: number;
  /** The whole message, prefix and hint included. */
  readonly message: string;
}

function errorOf(text: string): PatternError {
  const result = parseFilterPattern(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

function expectRejected({ pattern, code, column, message }: Rejection): void {
  expect(errorOf(pattern)).toEqual({ code, column, offset: column - 1, message });
}

const AT = (column: number): string => `Invalid metric filter pattern at column ${column}: `;

describe("term patterns AWS rejects", () => {
  it.each<Rejection>([
    {
      pattern: "ERROR -",
      code: "missing-term",
      column: 7,
      message: `${AT(7)}- must be followed by a term (hint: write -term or -"phrase")`,
    },
    {
      pattern: "ERROR - \t",
      code: "missing-term",
      column: 7,
      message: `${AT(7)}- must be followed by a term (hint: write -term or -"phrase")`,
    },
    {
      pattern: "ERROR ?",
      code: "missing-term",
      column: 7,
      message: `${AT(7)}? must be followed by a term (hint: write ?term)`,
    },
    {
      pattern: "? ERROR",
      code: "missing-term",
      column: 1,
      message: `${AT(1)}? must be followed by a term (hint: write ?term)`,
    },
    {
      pattern: "?\tERROR",
      code: "missing-term",
      column: 1,
      message: `${AT(1)}? must be followed by a term (hint: write ?term)`,
    },
    {
      // The blank after a minus is allowed (the old docs write `"ERROR" - "Exiting"`), so the ? is a second modifier.
      pattern: "- ?ERROR",
      code: "conflicting-term-modifiers",
      column: 3,
      message:
        `${AT(3)}a term may carry one of - and ? only, found -? ` +
        "(hint: AWS does not document combining them; write the term once with a single modifier)",
    },
    {
      pattern: "A ?-ERROR",
      code: "conflicting-term-modifiers",
      column: 4,
      message:
        `${AT(4)}a term may carry one of - and ? only, found ?- ` +
        "(hint: AWS does not document combining them; write the term once with a single modifier)",
    },
    {
      pattern: "--ERROR",
      code: "conflicting-term-modifiers",
      column: 2,
      message:
        `${AT(2)}a term may carry one of - and ? only, found -- ` +
        "(hint: AWS does not document combining them; write the term once with a single modifier)",
    },
    {
      pattern: "??ERROR",
      code: "conflicting-term-modifiers",
      column: 2,
      message:
        `${AT(2)}a term may carry one of - and ? only, found ?? ` +
        "(hint: AWS does not document combining them; write the term once with a single modifier)",
    },
    {
      pattern: '"a""b"',
      code: "term-not-separated",
      column: 4,
      message: `${AT(4)}terms must be separated by spaces (hint: write "first" "second")`,
    },
    {
      pattern: 'x "a"b',
      code: "term-not-separated",
      column: 6,
      message: `${AT(6)}terms must be separated by spaces (hint: write "first" "second")`,
    },
    {
      // AWS: unquoted terms are letters, digits and _; others go in double quotes ("ORDER-ITEM-1" is AWS's example).
      pattern: "ORDER-ITEM-1 shipped",
      code: "unquoted-term-characters",
      column: 6,
      message:
        `${AT(6)}the unquoted term "ORDER-ITEM-1" contains '-' ` +
        '(hint: put terms with characters other than letters, digits and _ in double quotes, e.g. "ORDER-ITEM-1")',
    },
    {
      // The suggested quoting drops the quotes the term already had.
      pattern: 'ERROR"x"',
      code: "unquoted-term-characters",
      column: 6,
      message:
        `${AT(6)}the unquoted term "ERROR\\"x\\"" contains '"' ` +
        '(hint: put terms with characters other than letters, digits and _ in double quotes, e.g. "ERRORx")',
    },
    {
      // The term quoted in the message is the one after the modifier, up to the next blank.
      pattern: "ok -a:b c",
      code: "unquoted-term-characters",
      column: 6,
      message:
        `${AT(6)}the unquoted term "a:b" contains ':' ` +
        '(hint: put terms with characters other than letters, digits and _ in double quotes, e.g. "a:b")',
    },
    {
      // A JSON selector written without braces.
      pattern: "$.eventName = CreateTrail",
      code: "unquoted-term-characters",
      column: 1,
      message: `${AT(1)}the unquoted term "$.eventName" contains '$' (hint: a JSON pattern must start with { and end with })`,
    },
    {
      pattern: "x -a.b",
      code: "unquoted-term-characters",
      column: 5,
      message: `${AT(5)}the unquoted term "a.b" contains '.' (hint: a JSON pattern must start with { and end with })`,
    },
    {
      pattern: "CreateTrail }",
      code: "unquoted-term-characters",
      column: 13,
      message: `${AT(13)}the unquoted term "}" contains '}' (hint: a JSON pattern must start with { and end with })`,
    },
  ])("$pattern", expectRejected);

  it("reads blanks other than spaces between terms and after a minus", () => {
    const result = parseFilterPattern('"a"\t"b"\n-\tc\r"d"');
    expect(result.ok && result.pattern.kind === "terms" && result.pattern.terms.map((t) => t.text)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });
});

describe("standalone regular expressions AWS rejects", () => {
  it.each<Rejection>([
    {
      pattern: "%ab% c",
      code: "trailing-characters",
      column: 6,
      message:
        `${AT(6)}unexpected text after the end of the regular expression %…% ` +
        "(hint: the whole pattern must be one regular expression %…%)",
    },
    {
      pattern: "%abc",
      code: "unterminated-regex",
      column: 1,
      message: `${AT(1)}the regular expression that starts here has no closing % (hint: write a regex as %expression%)`,
    },
    { pattern: " %%", code: "empty-regex", column: 2, message: `${AT(2)}the regular expression %% is empty` },
  ])("$pattern", expectRejected);

  it("accepts blanks after the closing %", () => {
    expect(parseFilterPattern("%ab% \t").ok).toBe(true);
  });
});

describe("JSON patterns AWS rejects: braces, parentheses and connectives", () => {
  it.each<Rejection>([
    {
      pattern: "{}",
      code: "empty-json-pattern",
      column: 1,
      message:
        `${AT(1)}the JSON pattern {} has no condition ` +
        "(hint: write a condition, e.g. { $.eventName = CreateTrail })",
    },
    {
      pattern: "  {  }",
      code: "empty-json-pattern",
      column: 3,
      message:
        `${AT(3)}the JSON pattern {} has no condition ` +
        "(hint: write a condition, e.g. { $.eventName = CreateTrail })",
    },
    {
      pattern: " {  ",
      code: "unclosed-brace",
      column: 2,
      message: `${AT(2)}the { is never closed (hint: end the pattern with })`,
    },
    {
      pattern: "  { $.a = 1",
      code: "unclosed-brace",
      column: 12,
      message: `${AT(12)}} is missing to close the { at column 3`,
    },
    {
      pattern: "{ $.a = 1 } x",
      code: "trailing-characters",
      column: 13,
      message:
        `${AT(13)}unexpected text after the end of the JSON pattern { … } ` +
        "(hint: the whole pattern must be one JSON pattern { … })",
    },
    {
      pattern: "{ $.a = 1) }",
      code: "unbalanced-parenthesis",
      column: 10,
      message: `${AT(10)}this ) has no matching (`,
    },
    {
      pattern: "{ ($.a = 1 }",
      code: "unbalanced-parenthesis",
      column: 12,
      message: `${AT(12)}) is missing to close the ( at column 3`,
    },
    {
      pattern: "{ $.a = 1 && ($.b = 2",
      code: "unbalanced-parenthesis",
      column: 22,
      message: `${AT(22)}) is missing to close the ( at column 14`,
    },
    {
      pattern: "{ ($.a = 1 $.b = 2) }",
      code: "expected-logical-operator",
      column: 12,
      message: `${AT(12)}expected && or || or ) but found "$.b = 2) }" (hint: join conditions with && or ||)`,
    },
    {
      // What was found is quoted up to 12 characters.
      pattern: "{ $.a = 1 $.bbbbbbbbbbbb = 2 }",
      code: "expected-logical-operator",
      column: 11,
      message: `${AT(11)}expected && or || or } but found "$.bbbbbbbbbb" (hint: join conditions with && or ||)`,
    },
    {
      pattern: "{ $.a = 1 ANDY $.b = 2 }",
      code: "expected-logical-operator",
      column: 11,
      message: `${AT(11)}expected && or || or } but found "ANDY $.b = 2" (hint: join conditions with && or ||)`,
    },
    {
      pattern: "{ $.a = 1 AND $.b = 2 }",
      code: "word-operator",
      column: 11,
      message: `${AT(11)}AND is not an operator (hint: use &&)`,
    },
    {
      pattern: "{ ($.a = 1 or $.b = 2) }",
      code: "word-operator",
      column: 12,
      message: `${AT(12)}or is not an operator (hint: use ||)`,
    },
    {
      pattern: "{ $.a = 1 & $.b = 2 }",
      code: "single-ampersand",
      column: 11,
      message: `${AT(11)}& is not an operator (hint: use && for AND)`,
    },
    {
      pattern: "{ $.a = 1 | $.b = 2 }",
      code: "single-pipe",
      column: 11,
      message: `${AT(11)}| is not an operator (hint: use || for OR)`,
    },
    {
      pattern: "{ $.a = 1 ||",
      code: "unclosed-brace",
      column: 13,
      message: `${AT(13)}the pattern ends where a condition should start (hint: end the pattern with })`,
    },
    {
      pattern: "{ (",
      code: "unclosed-brace",
      column: 4,
      message: `${AT(4)}the pattern ends where a condition should start (hint: end the pattern with })`,
    },
  ])("$pattern", expectRejected);
});

describe("JSON patterns AWS rejects: conditions and selectors", () => {
  const expectedCondition = (column: number, found: string): string =>
    `${AT(column)}expected a condition such as $.eventName = CreateTrail but found '${found}'`;

  it.each<Rejection>([
    {
      pattern: "{ $.a = 1 || }",
      code: "expected-condition",
      column: 14,
      message: expectedCondition(14, "}"),
    },
    { pattern: "{ () }", code: "expected-condition", column: 4, message: expectedCondition(4, ")") },
    { pattern: "{ && $.a = 1 }", code: "expected-condition", column: 3, message: expectedCondition(3, "&") },
    { pattern: "{ || $.a = 1 }", code: "expected-condition", column: 3, message: expectedCondition(3, "|") },
    { pattern: "{ # = 1 }", code: "expected-condition", column: 3, message: expectedCondition(3, "#") },
    {
      pattern: "{ 'a' = 1 }",
      code: "single-quoted-value",
      column: 3,
      message: `${AT(3)}single quotes are allowed only inside $.['key']`,
    },
    {
      pattern: '{ status = "401" }',
      code: "selector-without-dollar-dot",
      column: 3,
      message: `${AT(3)}the selector status must start with $. (hint: write $.status)`,
    },
    {
      pattern: "{ $status = 401 }",
      code: "selector-without-dollar-dot",
      column: 3,
      message: `${AT(3)}a selector must start with $. (hint: write e.g. $.eventName)`,
    },
    {
      pattern: "{ $ = 401 }",
      code: "selector-without-dollar-dot",
      column: 3,
      message: `${AT(3)}a selector must start with $. (hint: write e.g. $.eventName)`,
    },
    {
      pattern: "{ $. = 1 }",
      code: "invalid-selector-step",
      column: 5,
      message:
        `${AT(5)}expected a key name (letters, digits, _ or -) after the . in the selector ` +
        "(hint: write other keys as $.['key.with.dots'])",
    },
    {
      pattern: "{ $.['a = 1 }",
      code: "unclosed-bracket",
      column: 5,
      message: `${AT(5)}the ['…'] step is never closed (hint: write $.['key'])`,
    },
    {
      pattern: "{ $.a['b = 1 }",
      code: "unclosed-bracket",
      column: 6,
      message: `${AT(6)}the ['…'] step is never closed (hint: write $.['key'])`,
    },
    {
      pattern: "{ $.[0] = 1 }",
      code: "invalid-selector-step",
      column: 6,
      message: `${AT(6)}after .[ a quoted key is expected (hint: write $.['key'])`,
    },
    {
      pattern: "{ $.a[x] = 1 }",
      code: "invalid-selector-step",
      column: 7,
      message: `${AT(7)}expected an array index, * or a quoted key inside [ ]`,
    },
    {
      pattern: "{ $.a[0 = 1 }",
      code: "unclosed-bracket",
      column: 6,
      message: `${AT(6)}the [ in the selector is not closed by ]`,
    },
    {
      pattern: "{ $.a[*x] = 1 }",
      code: "unclosed-bracket",
      column: 6,
      message: `${AT(6)}the [ in the selector is not closed by ]`,
    },
    {
      // AWS: at most one wildcard selector step in a selector, and at most three in a pattern.
      pattern: "{ $.a[*].b[*] = 1 }",
      code: "too-many-wildcards-in-selector",
      column: 11,
      message: `${AT(11)}a selector may contain at most 1 wildcard ([*] or .*)`,
    },
    {
      pattern: "{ $.a.* = 1 || $.b.* = 1 || $.c.* = 1 || $.d.* = 1 }",
      code: "too-many-wildcards-in-pattern",
      column: 45,
      message: `${AT(45)}a pattern may contain at most 3 wildcard selectors ([*] or .*)`,
    },
  ])("$pattern", expectRejected);

  it("accepts one wildcard in each of three selectors", () => {
    expect(parseFilterPattern("{ $.a.* = 1 || $.b[*] = 1 || $.c[*].d = 1 }").ok).toBe(true);
  });
});

describe("JSON patterns AWS rejects: operators and values", () => {
  const expectedOperator = (column: number, found: string): string =>
    `${AT(column)}expected an operator (= != < <= > >= IS NULL IS TRUE IS FALSE NOT EXISTS) after the selector ` +
    `but found ${found}`;
  const relational = (column: number, operator: string): string =>
    `${AT(column)}${operator} compares numbers, but the value is not an unquoted number ` +
    "(hint: use = or != for text, or write a number such as 1000 or -1e3)";
  const missingValue = (column: number, operator: string): string =>
    `${AT(column)}a value is missing after ${operator} (hint: write a value, e.g. = "CreateTrail" or = *)`;

  it.each<Rejection>([
    { pattern: "{ $.a }", code: "expected-operator", column: 7, message: expectedOperator(7, '"}"') },
    { pattern: "{ $.a", code: "expected-operator", column: 6, message: expectedOperator(6, "the end of the pattern") },
    {
      pattern: "{ $.a ~ 1 2 3 4 5 6 }",
      code: "expected-operator",
      column: 7,
      message: expectedOperator(7, '"~ 1 2 3 4 5 "'),
    },
    {
      pattern: "{ $.a AND 1 }",
      code: "word-operator",
      column: 7,
      message: `${AT(7)}AND is not an operator (hint: use &&)`,
    },
    {
      pattern: "{ $.a & 1 }",
      code: "single-ampersand",
      column: 7,
      message: `${AT(7)}& is not an operator (hint: use && for AND)`,
    },
    {
      pattern: "{ $.a == 1 }",
      code: "double-equals",
      column: 7,
      message: `${AT(7)}== is not an operator (hint: use a single = to compare)`,
    },
    { pattern: "{ $.a = }", code: "missing-value", column: 9, message: missingValue(9, "=") },
    { pattern: "{ $.a !=", code: "missing-value", column: 9, message: missingValue(9, "!=") },
    { pattern: "{ $.a = && $.b = 1 }", code: "missing-value", column: 9, message: missingValue(9, "=") },
    {
      pattern: "{ $.a = (1) }",
      code: "missing-value",
      column: 9,
      message: `${AT(9)}a value is missing after = (found '(')`,
    },
    {
      pattern: "{ $.a != {1} }",
      code: "missing-value",
      column: 10,
      message: `${AT(10)}a value is missing after != (found '{')`,
    },
    {
      pattern: "{ $.userIdentity.type = 'Root' }",
      code: "single-quoted-value",
      column: 25,
      message: `${AT(25)}values must not be single-quoted (hint: use double quotes: "Root")`,
    },
    {
      pattern: "{ $.a = 'Admin' }",
      code: "single-quoted-value",
      column: 9,
      message: `${AT(9)}values must not be single-quoted (hint: use double quotes: "Admin")`,
    },
    {
      // Without a closing quote the hint quotes back the word after the opening one, up to a blank.
      pattern: "{ $.a = 'Admin }",
      code: "single-quoted-value",
      column: 9,
      message: `${AT(9)}values must not be single-quoted (hint: use double quotes: "Admin")`,
    },
    {
      // ... or up to a closing bracket.
      pattern: "{ ($.a = 'Admin) }",
      code: "single-quoted-value",
      column: 10,
      message: `${AT(10)}values must not be single-quoted (hint: use double quotes: "Admin")`,
    },
    {
      // Nothing after the quote: the hint shows AWS's CIS example value (CIS 4.3 / CloudWatch.1: userIdentity.type
      // = "Root").
      pattern: "{ $.a = ' }",
      code: "single-quoted-value",
      column: 9,
      message: `${AT(9)}values must not be single-quoted (hint: use double quotes: "Root")`,
    },
    {
      // A blank right after the quote: what follows is the rest of the pattern, not the value's word.
      pattern: "{ $.a = ' && $.b = x }",
      code: "single-quoted-value",
      column: 9,
      message: `${AT(9)}values must not be single-quoted (hint: use double quotes: "Root")`,
    },
    { pattern: "{ $.a > abc }", code: "relational-needs-number", column: 9, message: relational(9, ">") },
    { pattern: '{ $.a >= "5" }', code: "relational-needs-number", column: 10, message: relational(10, ">=") },
    { pattern: "{ $.a < %5% }", code: "relational-needs-number", column: 9, message: relational(9, "<") },
    { pattern: "{ $.a <= 1.2.3 }", code: "relational-needs-number", column: 10, message: relational(10, "<=") },
    {
      // AWS: at most two regular expressions in a JSON or space-delimited pattern.
      pattern: "{ $.a = %x% || $.b = %y% || $.c = %z% }",
      code: "too-many-regexes",
      column: 35,
      message:
        `${AT(35)}this is regular expression number 3; AWS allows at most 2 in one pattern ` +
        "(hint: combine alternatives into one regex with |)",
    },
  ])("$pattern", expectRejected);

  it.each(["=", "!="])("compares text with %s", (operator) => {
    expect(parseFilterPattern(`{ $.a ${operator} abc || $.b ${operator} "5" || $.c ${operator} %5% }`).ok).toBe(true);
  });
});

describe("JSON patterns AWS rejects: keyword tests", () => {
  const lowercase = (column: number, written: string, upper: string): string =>
    `${AT(column)}the keyword ${written} is not upper case ` +
    `(hint: keywords are upper case: write ${upper} (AWS documents only upper case))`;

  it.each<Rejection>([
    {
      pattern: "{ $.a IS NOT NULL }",
      code: "is-not-unsupported",
      column: 7,
      message: `${AT(7)}IS NOT is not supported by AWS (hint: use != or NOT EXISTS instead)`,
    },
    {
      // NOT after IS is refused whatever its case.
      pattern: "{ $.a IS not NULL }",
      code: "is-not-unsupported",
      column: 7,
      message: `${AT(7)}IS NOT is not supported by AWS (hint: use != or NOT EXISTS instead)`,
    },
    {
      pattern: "{ $.a IS MISSING }",
      code: "expected-keyword",
      column: 10,
      message: `${AT(10)}IS must be followed by NULL, TRUE or FALSE`,
    },
    {
      pattern: "{ $.a IS }",
      code: "expected-keyword",
      column: 10,
      message: `${AT(10)}IS must be followed by NULL, TRUE or FALSE`,
    },
    {
      pattern: "{ $.a NOT EXIST }",
      code: "expected-keyword",
      column: 11,
      message: `${AT(11)}NOT must be followed by EXISTS`,
    },
    {
      pattern: "{ $.a EXISTS }",
      code: "exists-unsupported",
      column: 7,
      message: `${AT(7)}EXISTS on its own is not supported by AWS (hint: use = * to require the field, or NOT EXISTS)`,
    },
    {
      pattern: "{ $.a exists }",
      code: "exists-unsupported",
      column: 7,
      message: `${AT(7)}EXISTS on its own is not supported by AWS (hint: use = * to require the field, or NOT EXISTS)`,
    },
    { pattern: "{ $.a is NULL }", code: "lowercase-keyword", column: 7, message: lowercase(7, "is", "IS") },
    { pattern: "{ $.a IS null }", code: "lowercase-keyword", column: 10, message: lowercase(10, "null", "NULL") },
    { pattern: "{ $.a IS True }", code: "lowercase-keyword", column: 10, message: lowercase(10, "True", "TRUE") },
    { pattern: "{ $.a Not EXISTS }", code: "lowercase-keyword", column: 7, message: lowercase(7, "Not", "NOT") },
    {
      pattern: "{ $.a NOT exists }",
      code: "lowercase-keyword",
      column: 11,
      message: lowercase(11, "exists", "EXISTS"),
    },
  ])("$pattern", expectRejected);
});

describe("space-delimited patterns AWS rejects", () => {
  it.each<Rejection>([
    {
      pattern: "[a] b",
      code: "trailing-characters",
      column: 5,
      message:
        `${AT(5)}unexpected text after the end of the space-delimited pattern [ … ] ` +
        "(hint: the whole pattern must be one space-delimited pattern [ … ])",
    },
    {
      pattern: " [a, b",
      code: "unclosed-bracket",
      column: 7,
      message: `${AT(7)}] is missing to close the [ at column 2`,
    },
    {
      pattern: "[a,",
      code: "unclosed-bracket",
      column: 4,
      message: `${AT(4)}] is missing at the end of the pattern`,
    },
    { pattern: "[", code: "unclosed-bracket", column: 2, message: `${AT(2)}] is missing at the end of the pattern` },
    {
      pattern: "[a b]",
      code: "expected-comma",
      column: 4,
      message: `${AT(4)}expected , or ] after the field but found "b]"`,
    },
    {
      pattern: "[a = 1 AND a = 2]",
      code: "word-operator",
      column: 8,
      message: `${AT(8)}AND is not an operator (hint: use && between conditions on the same field)`,
    },
    {
      pattern: "[a = 1 or a = 2]",
      code: "word-operator",
      column: 8,
      message: `${AT(8)}or is not an operator (hint: use || between conditions on the same field)`,
    },
    {
      pattern: "[a = 1 | a = 2]",
      code: "single-pipe",
      column: 8,
      message: `${AT(8)}| is not an operator (hint: use || for OR)`,
    },
    {
      pattern: "[a, $b]",
      code: "invalid-field-name",
      column: 5,
      message: `${AT(5)}expected a field name (letters, digits, _ or -), ... or , but found '$'`,
    },
    {
      // AWS: && and || join conditions on the same field only.
      pattern: "[status_code = 4* && bytes > 1000]",
      code: "conditions-on-different-fields",
      column: 22,
      message:
        `${AT(22)}a condition joined to field status_code must be on status_code too, not bytes ` +
        "(hint: AWS rejects && and || between different fields; put each field's condition in its own position)",
    },
    {
      pattern: "[a = 1 || = 2]",
      code: "conditions-on-different-fields",
      column: 11,
      message:
        `${AT(11)}a condition joined to field a must be on a too ` +
        "(hint: AWS rejects && and || between different fields; put each field's condition in its own position)",
    },
    {
      pattern: "[a = 1 && a  ]",
      code: "expected-operator",
      column: 14,
      message: `${AT(14)}expected a comparison operator after a`,
    },
    {
      pattern: "[a == 1]",
      code: "double-equals",
      column: 4,
      message: `${AT(4)}== is not an operator (hint: use a single = to compare)`,
    },
    {
      pattern: "[a = ]",
      code: "missing-value",
      column: 6,
      message: `${AT(6)}a value is missing after = (hint: write a value, e.g. = "CreateTrail" or = *)`,
    },
    {
      pattern: "[a = , b]",
      code: "missing-value",
      column: 6,
      message: `${AT(6)}a value is missing after = (hint: write a value, e.g. = "CreateTrail" or = *)`,
    },
    {
      pattern: "[a = (x)]",
      code: "missing-value",
      column: 6,
      message: `${AT(6)}a value is missing after = (found '(')`,
    },
    {
      pattern: "[a >= x]",
      code: "relational-needs-number",
      column: 7,
      message:
        `${AT(7)}>= compares numbers, but the value is not an unquoted number ` +
        "(hint: use = or != for text, or write a number such as 1000 or -1e3)",
    },
    {
      pattern: "[a = %x%, b = %y%, c = %z%]",
      code: "too-many-regexes",
      column: 24,
      message:
        `${AT(24)}this is regular expression number 3; AWS allows at most 2 in one pattern ` +
        "(hint: combine alternatives into one regex with |)",
    },
  ])("$pattern", expectRejected);
});

describe("the length limit (PutMetricFilter: filterPattern of at most 1024 characters)", () => {
  const hint = "(hint: shorten the pattern, for example by using one regex or fewer alternatives)";

  it("points at the 1025th character", () => {
    expectRejected({
      pattern: `"${"x".repeat(1100)}"`,
      code: "too-long",
      column: 1025,
      message: `${AT(1025)}the pattern is 1102 characters long; AWS accepts at most 1024 ${hint}`,
    });
  });

  // AWS API string lengths count Unicode code points (Smithy, "length trait": a string's length is its number of
  // Unicode scalar values), so an emoji (two UTF-16 units) counts once; the column is in UTF-16 units, like JS's.
  it("counts characters, not UTF-16 units", () => {
    const emoji = "\u{1F600}";
    expect(parseFilterPattern(`"${emoji.repeat(1022)}"`).ok).toBe(true);
    expectRejected({
      pattern: `"${emoji.repeat(1022)}"x`,
      code: "too-long",
      column: 2047,
      message: `${AT(2047)}the pattern is 1025 characters long; AWS accepts at most 1024 ${hint}`,
    });
  });
});

describe("a failure inside the parser", () => {
  afterEach(() => jest.restoreAllMocks());

  it("comes back as an internal-error result, never as an exception", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const scanner = require("../../lib/filter-pattern/scanner") as typeof import("../../lib/filter-pattern/scanner");
    jest.spyOn(scanner, "skipBlanks").mockImplementation(() => {
      throw new Error("boom");
    });
    expect(errorOf("ERROR")).toEqual({
      code: "internal-error",
      offset: 0,
      column: 1,
      message: `${AT(1)}the parser failed unexpectedly (boom)`,
    });
  });

  it("reports a thrown value that is not an Error as text", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const scanner = require("../../lib/filter-pattern/scanner") as typeof import("../../lib/filter-pattern/scanner");
    jest.spyOn(scanner, "skipBlanks").mockImplementation(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: a thrown non-Error
      throw "plain";
    });
    expect(errorOf("ERROR").message).toBe(`${AT(1)}the parser failed unexpectedly (plain)`);
  });
});
