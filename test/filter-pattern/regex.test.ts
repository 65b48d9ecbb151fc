/**
 * Regular expressions in patterns (`%…%`): which characters and escapes AWS allows (AWS, "Filter pattern syntax for
 * metric filters, subscription filters, filter log events, and Live Tail", "Supported regular expressions (regex)
 * syntax"), the messages a user reads when one is not allowed, and AWS's `{,n}` read as RE2's `{0,n}`.
 */
import { parseFilterPattern } from "../../lib/filter-pattern";
import type { PatternError } from "../../lib/filter-pattern";
import { compileRegexSearch, toRe2Source, validateRegex } from "../../lib/filter-pattern/regex";

function errorOf(text: string): PatternError {
  const result = parseFilterPattern(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

const AT = (column: number): string => `Invalid metric filter pattern at column ${column}: `;
const CHARACTER_HINT =
  "(hint: allowed are letters, digits, space, : _ # = @ / ; , - and the operators ^ $ ? [ ] { } | \\ * + . " +
  "(no parentheses); escape an operator with \\)";
const ESCAPE_HINT = "(hint: allowed escapes are \\d \\D \\s \\S \\w \\W \\xhh and \\ before an operator)";

describe("characters AWS allows in a regular expression", () => {
  it.each([
    // Letters, digits, and the symbol characters AWS lists: : _ # = @ / ; , -
    "%Az09%",
    "%a b%",
    "%:_#=@/;,-%",
    // The operators AWS lists: ^ $ ? [ ] { } | \ * + .
    "%^a?[bc]{1,2}|d*e+.$%",
    // Class escapes, and a backslash before an operator.
    "%\\d\\D\\s\\S\\w\\W%",
    "%\\^\\$\\?\\[\\]\\{\\}\\|\\\\\\*\\+\\.%",
    // \xhh with two hexadecimal digits of either case.
    "%\\x41\\x2f\\x2F%",
  ])("accepts %s", (pattern) => {
    const result = parseFilterPattern(pattern);
    expect(result.ok ? "accepted" : result.error.message).toBe("accepted");
  });

  it.each<[string, number, string]>([
    // [pattern, column, the character as the message names it]
    ["%something!%", 11, "'!'"],
    ["%a(b)%", 3, "'('"],
    ["%a~%", 3, "'~'"],
    ["%a'%", 3, `'''`],
    // Characters outside printable ASCII are named by code point (AWS: no multibyte characters).
    ["%caf\u00e9%", 5, "U+00E9"],
    ["%a\tb%", 3, "U+0009"],
    ["%a\u001fb%", 3, "U+001F"],
    ["%a\u007fb%", 3, "U+007F"],
    ["%a\u{1F600}%", 3, "U+1F600"],
  ])("rejects %j at column %d, naming %s", (pattern, column, named) => {
    expect(errorOf(pattern)).toEqual({
      code: "regex-disallowed-character",
      column,
      offset: column - 1,
      message: `${AT(column)}the character ${named} is not allowed in a regular expression ${CHARACTER_HINT}`,
    });
  });

  it("checks the characters after an escape, however long the escape", () => {
    // \x41 is four characters, \d two, \\ two: the character after each is checked in turn.
    expect(errorOf("%\\x41!%").column).toBe(6);
    expect(errorOf("%\\d!%").column).toBe(4);
    expect(errorOf("%\\\\!%").column).toBe(4);
    // An x before the backslash does not make \d a \x escape.
    expect(errorOf("%x\\d!%").column).toBe(5);
  });

  it("reads an escaped backslash as one escape, so the letter after it is a plain letter", () => {
    // `\\n` is a backslash then the letter n, not the escape \n.
    expect(parseFilterPattern("%a\\\\n%").ok).toBe(true);
  });

  it.each<[string, number, string]>([
    ["%a\\nb%", 3, "\\n"],
    ["%\\t%", 2, "\\t"],
    // Two hexadecimal digits make an escape only after \x.
    ["%\\n41%", 2, "\\n"],
    ["%a\\x4%", 3, "\\x"],
    ["%a\\xG1%", 3, "\\x"],
    ["%a\\x%", 3, "\\x"],
    ["%a\\%", 3, "\\ at the end"],
  ])("rejects the escape in %j at column %d (%s)", (pattern, column, escape) => {
    expect(errorOf(pattern)).toEqual({
      code: "regex-invalid-escape",
      column,
      offset: column - 1,
      message: `${AT(column)}the escape ${escape} is not allowed in a regular expression ${ESCAPE_HINT}`,
    });
  });

  it("points at the regex inside a JSON pattern", () => {
    expect(errorOf("{ $.a = %x!% }").column).toBe(11);
    expect(errorOf("[a, b = %\\q%]").column).toBe(10);
  });
});

describe("regular expressions RE2 does not compile", () => {
  // Syntax errors are RE2's own (github.com/google/re2, regexp/syntax error texts), quoted at the regex's first
  // character, the one after the opening %.
  it.each<[string, number, string]>([
    ["%[a%", 2, "missing closing ]: `[a`"],
    ["%*a%", 2, "missing argument to repetition operator: `*`"],
    ["{ $.a = %a**% }", 10, "invalid nested repetition operator: `**`"],
  ])("%j at column %d", (pattern, column, re2Error) => {
    expect(errorOf(pattern)).toEqual({
      code: "regex-invalid",
      column,
      offset: column - 1,
      message: `${AT(column)}the regular expression does not compile (error parsing regexp: ${re2Error})`,
    });
  });
});

describe("validateRegex", () => {
  it("places an empty regex at its opening %", () => {
    expect(validateRegex("", 5)).toEqual({
      code: "empty-regex",
      offset: 4,
      message: "the regular expression %% is empty",
    });
    expect(validateRegex("", 0)?.offset).toBe(0);
  });

  it("accepts a valid source, the same again from its cache", () => {
    expect(validateRegex("^ab+$", 1)).toBeUndefined();
    expect(validateRegex("^ab+$", 1)).toBeUndefined();
  });
});

describe("AWS's {,n} (lower bound omitted) as RE2's {0,n}", () => {
  it.each<[string, string]>([
    ["a{,3}", "a{0,3}"],
    ["a{,12}b{,1}", "a{0,12}b{0,1}"],
    // Not a {,n} repetition: left as written.
    ["a{1,3}", "a{1,3}"],
    ["a{,}", "a{,}"],
    ["a{,x}", "a{,x}"],
    ["a{,3", "a{,3"],
    // Only a { that starts {,n} itself changes, not one before it.
    ["a{x}b{,2}", "a{x}b{0,2}"],
    // An escaped { is a literal brace.
    ["a\\{,3}", "a\\{,3}"],
    ["\\\\{,3}", "\\\\{0,3}"],
  ])("%s becomes %s", (source, re2) => {
    expect(toRe2Source(source)).toBe(re2);
  });

  it("matches an escaped {,n} literally", () => {
    expect(compileRegexSearch("a\\{,2}")("a{,2}")).toBe(true);
    expect(compileRegexSearch("a\\{,2}")("aa")).toBe(false);
  });
});
