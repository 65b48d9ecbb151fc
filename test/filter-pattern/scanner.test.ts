/**
 * The scanner's functions one by one: which characters separate, make up names and words, which texts are numbers,
 * and the tokens (with their offsets and problems) read at an offset. The language is AWS's "Filter pattern syntax"
 * (CloudWatch Logs User Guide).
 */
import {
  DELIMITED_VALUE_STOPS,
  JSON_VALUE_STOPS,
  isBlank,
  isDigit,
  isNameChar,
  isNumberLiteral,
  isWordChar,
  scanBare,
  scanConnective,
  scanLetters,
  scanName,
  scanOperator,
  scanQuoted,
  scanRegex,
  skipBlanks,
} from "../../lib/filter-pattern/scanner";

describe("character classes", () => {
  it.each([" ", "\t", "\n", "\r"])("%j is a blank", (ch) => {
    expect(isBlank(ch)).toBe(true);
  });

  it.each(["a", "_", "\u00a0", "", undefined])("%j is not a blank", (ch) => {
    expect(isBlank(ch)).toBe(false);
  });

  it("skips blanks from an offset to the next other character, or to the end", () => {
    expect(skipBlanks("a \t\r\n b", 1)).toBe(6);
    expect(skipBlanks("a b", 0)).toBe(0);
    expect(skipBlanks("a  ", 1)).toBe(3);
  });

  // Unquoted terms: letters, digits and _ (AWS: terms with other characters go in double quotes).
  it.each(["a", "Z", "0", "9", "_"])("%j is a word character", (ch) => {
    expect(isWordChar(ch)).toBe(true);
  });

  it.each(["-", ".", " ", "é", undefined])("%j is not a word character", (ch) => {
    expect(isWordChar(ch)).toBe(false);
  });

  // Selector keys and delimited field names: the word characters and -.
  it.each(["a", "Z", "0", "_", "-"])("%j is a name character", (ch) => {
    expect(isNameChar(ch)).toBe(true);
  });

  it.each([".", "'", "[", "*", undefined])("%j is not a name character", (ch) => {
    expect(isNameChar(ch)).toBe(false);
  });

  it.each(["0", "5", "9"])("%j is a digit", (ch) => {
    expect(isDigit(ch)).toBe(true);
  });

  // "/" and ":" are the characters on either side of the digits in ASCII.
  it.each(["/", ":", "a", undefined])("%j is not a digit", (ch) => {
    expect(isDigit(ch)).toBe(false);
  });
});

describe("number literals (sign, digits, optional decimals, optional exponent)", () => {
  // AWS ("Filter pattern syntax", JSON log events): integers, decimals and scientific notation, each with an optional
  // sign, e.g. 1e-3, 10e3, +1000, 55.5, -1e+3; the exponent's E may be a capital as in JSON (RFC 8259). Whether AWS
  // takes `.5` or `1.` is not documented: not asserted here.
  it.each(["1", "12", "-1", "+1000", "55.5", "0.25", "1e-3", "10e3", "-1e+3", "1E+3", "-1e+33"])(
    "%j is a number",
    (text) => {
      expect(isNumberLiteral(text)).toBe(true);
    },
  );

  it.each(["", "+", "-", ".", "1e", "e3", "1e+", "x1", "1x", "1.2.3", "--1", "1 ", "0x10", "1,000"])(
    "%j is not a number",
    (text) => {
      expect(isNumberLiteral(text)).toBe(false);
    },
  );
});

describe("tokens at an offset", () => {
  it("reads a name up to the first other character", () => {
    expect(scanName("$.ab-c_1.x", 2)).toEqual({ kind: "name", start: 2, end: 8, text: "ab-c_1" });
    expect(scanName("$.abc", 2)).toEqual({ kind: "name", start: 2, end: 5, text: "abc" });
    expect(scanName("$.*", 2)).toEqual({ kind: "name", start: 2, end: 2, text: "" });
  });

  it("reads letters only", () => {
    expect(scanLetters("a IS1 NULL", 2)).toEqual({ kind: "letters", start: 2, end: 4, text: "IS" });
    expect(scanLetters("a NULL", 2)).toEqual({ kind: "letters", start: 2, end: 6, text: "NULL" });
  });

  it("reads a double-quoted string, a backslash keeping the next character inside", () => {
    expect(scanQuoted('x "a\\"b" c', 2)).toEqual({ kind: "string", start: 2, end: 8, text: 'a\\"b' });
    expect(scanQuoted('""', 0)).toEqual({ kind: "string", start: 0, end: 2, text: "" });
  });

  it.each([
    ['x "abc', 2, "abc"],
    ['x "ab\\"', 2, 'ab\\"'],
    ['x "ab\\', 2, "ab\\"],
    ['x "', 2, ""],
  ])("reports the string of %j at %d as never closed", (text, pos, inside) => {
    expect(scanQuoted(text, pos)).toEqual({
      kind: "string",
      start: pos,
      end: text.length,
      text: inside,
      problem: {
        code: "unterminated-string",
        offset: pos,
        message: "the double-quoted string that starts here is never closed",
        hint: 'add the closing "',
      },
    });
  });

  it("reads a regular expression up to the next %", () => {
    expect(scanRegex("a %ab.*% b", 2)).toEqual({ kind: "regex", start: 2, end: 8, source: "ab.*" });
  });

  it("reports an unclosed and an empty regular expression", () => {
    expect(scanRegex("a %ab", 2)).toEqual({
      kind: "regex",
      start: 2,
      end: 5,
      source: "ab",
      problem: {
        code: "unterminated-regex",
        offset: 2,
        message: "the regular expression that starts here has no closing %",
        hint: "write a regex as %expression%",
      },
    });
    expect(scanRegex("a %% b", 2)).toEqual({
      kind: "regex",
      start: 2,
      end: 4,
      source: "",
      problem: { code: "empty-regex", offset: 2, message: "the regular expression %% is empty" },
    });
  });

  it.each([
    ["==", 2],
    ["!=", 2],
    ["<=", 2],
    [">=", 2],
    ["=", 1],
    ["<", 1],
    [">", 1],
  ])("reads the operator %j", (operator, length) => {
    expect(scanOperator(`$.a ${operator}5`, 4)).toEqual({
      kind: "operator",
      start: 4,
      end: 4 + length,
      text: operator,
    });
  });

  it.each(["!5", "5", "", "&&"])("reads no operator in %j", (rest) => {
    expect(scanOperator(`$.a ${rest}`, 4)).toBeUndefined();
  });

  it.each([
    ["&&", 2],
    ["||", 2],
    ["&", 1],
    ["|", 1],
  ])("reads the connective %j", (connective, length) => {
    expect(scanConnective(`x ${connective} y`, 2)).toEqual({
      kind: "connective",
      start: 2,
      end: 2 + length,
      text: connective,
    });
  });

  it.each(["=", "y", ""])("reads no connective in %j", (rest) => {
    expect(scanConnective(`x ${rest}`, 2)).toBeUndefined();
  });

  it("reads a bare value up to a blank or a stop of its pattern kind", () => {
    expect(scanBare("= abc def", 2, JSON_VALUE_STOPS)).toEqual({ kind: "bare", start: 2, end: 5, text: "abc" });
    expect(scanBare("= a,b]c)d", 2, JSON_VALUE_STOPS)).toEqual({ kind: "bare", start: 2, end: 7, text: "a,b]c" });
    expect(scanBare("= a,b]c)d", 2, DELIMITED_VALUE_STOPS)).toEqual({ kind: "bare", start: 2, end: 3, text: "a" });
    expect(scanBare("= ab", 2, JSON_VALUE_STOPS)).toEqual({ kind: "bare", start: 2, end: 4, text: "ab" });
  });

  it.each([..."(){}&|"])("ends a bare value in a JSON pattern at %j", (stop) => {
    expect(scanBare(`ab${stop}c`, 0, JSON_VALUE_STOPS).text).toBe("ab");
  });

  it.each([..."(){}&|,[]"])("ends a bare value in a space-delimited pattern at %j", (stop) => {
    expect(scanBare(`ab${stop}c`, 0, DELIMITED_VALUE_STOPS).text).toBe("ab");
  });
});
