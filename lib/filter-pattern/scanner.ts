/**
 * The scanner of the filter-pattern language: it turns text at an offset into one token with its offsets.
 *
 * The language is context-dependent (a `*` is a wildcard in a value, a step in a selector, an error in a term),
 * so instead of one global token stream the scanner offers one scan function per context, each pure: given the
 * text and an offset, it returns the token found there. The parser (parser.ts) decides which to call. Nothing
 * here throws; malformed input gives a token whose `problem` says what is wrong.
 */

/** A token: `start` inclusive, `end` exclusive. */
export interface Token<K extends string = string> {
  readonly kind: K;
  readonly start: number;
  readonly end: number;
}

/** Why a token is malformed, with the offset of the offending character. */
export interface ScanProblem {
  readonly code: string;
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
}

/** Spaces, tabs and line breaks separate tokens everywhere in the language. */
export function isBlank(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/** Offset of the first non-blank character at or after `pos` (or the text length). */
export function skipBlanks(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && isBlank(text[p])) p++;
  return p;
}

/** Letters, digits and `_`: the characters an unquoted term may contain (AWS, "Filter pattern syntax", unstructured log events). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9_]$/.test(ch);
}

/** Letters, digits, `_` and `-`: selector key names and delimited field names (AWS, "Filter pattern syntax", JSON and space-delimited log events). */
export function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9_-]$/.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** Reads a run of `isNameChar` characters. */
export function scanName(text: string, pos: number): Token<"name"> & { readonly text: string } {
  let p = pos;
  while (p < text.length && isNameChar(text[p])) p++;
  return { kind: "name", start: pos, end: p, text: text.slice(pos, p) };
}

/** Reads a run of ASCII letters (keywords such as `IS`, `NOT`, `AND`). */
export function scanLetters(text: string, pos: number): Token<"letters"> & { readonly text: string } {
  let p = pos;
  while (p < text.length && /^[A-Za-z]$/.test(text[p] ?? "")) p++;
  return { kind: "letters", start: pos, end: p, text: text.slice(pos, p) };
}

export type QuotedToken = Token<"string"> & {
  /** Between the quotes, escapes kept as written. */
  readonly text: string;
  readonly problem?: ScanProblem;
};

/**
 * Reads a double-quoted string starting at the `"` at `pos`. A backslash keeps the next character inside the
 * string (so `\"` does not end it); what the escape means is left to the evaluator, because AWS does not
 * document it.
 */
export function scanQuoted(text: string, pos: number): QuotedToken {
  let p = pos + 1;
  while (p < text.length && text[p] !== '"') {
    p += text[p] === "\\" ? 2 : 1;
  }
  if (p >= text.length) {
    return {
      kind: "string",
      start: pos,
      end: text.length,
      text: text.slice(pos + 1),
      problem: {
        code: "unterminated-string",
        offset: pos,
        message: "the double-quoted string that starts here is never closed",
        hint: 'add the closing "',
      },
    };
  }
  return { kind: "string", start: pos, end: p + 1, text: text.slice(pos + 1, p) };
}

export type RegexToken = Token<"regex"> & { readonly source: string; readonly problem?: ScanProblem };

/** Reads `%…%` starting at the `%` at `pos`; the regex ends at the next `%` (a `%` is not a regex character). */
export function scanRegex(text: string, pos: number): RegexToken {
  const close = text.indexOf("%", pos + 1);
  if (close < 0) {
    return {
      kind: "regex",
      start: pos,
      end: text.length,
      source: text.slice(pos + 1),
      problem: {
        code: "unterminated-regex",
        offset: pos,
        message: "the regular expression that starts here has no closing %",
        hint: "write a regex as %expression%",
      },
    };
  }
  const source = text.slice(pos + 1, close);
  if (source.length === 0) {
    return {
      kind: "regex",
      start: pos,
      end: close + 1,
      source,
      problem: { code: "empty-regex", offset: pos, message: "the regular expression %% is empty" },
    };
  }
  return { kind: "regex", start: pos, end: close + 1, source };
}

/** Comparison operators as scanned, including the invalid `==`. */
export type OperatorText = "=" | "!=" | "<" | "<=" | ">" | ">=" | "==";

/** Reads a comparison operator at `pos`, or returns undefined when there is none. */
export function scanOperator(
  text: string,
  pos: number,
): (Token<"operator"> & { readonly text: OperatorText }) | undefined {
  const two = text.slice(pos, pos + 2);
  if (two === "==" || two === "!=" || two === "<=" || two === ">=") {
    return { kind: "operator", start: pos, end: pos + 2, text: two };
  }
  const one = text[pos];
  if (one === "=" || one === "<" || one === ">") return { kind: "operator", start: pos, end: pos + 1, text: one };
  return undefined;
}

/** Logical connectives as scanned, including the invalid single `&` and `|`. */
export type ConnectiveText = "&&" | "||" | "&" | "|";

/** Reads `&&`, `||`, or a lone `&` / `|` at `pos`. */
export function scanConnective(
  text: string,
  pos: number,
): (Token<"connective"> & { readonly text: ConnectiveText }) | undefined {
  const two = text.slice(pos, pos + 2);
  if (two === "&&" || two === "||") return { kind: "connective", start: pos, end: pos + 2, text: two };
  const one = text[pos];
  if (one === "&" || one === "|") return { kind: "connective", start: pos, end: pos + 1, text: one };
  return undefined;
}

/**
 * Reads an unquoted value: every character up to a blank or one of `stops`. In JSON patterns values are
 * permissive (`kms.amazonaws.com`, `123.123.*`, `-1e+3`); the stop set is what may follow a value.
 */
export function scanBare(text: string, pos: number, stops: string): Token<"bare"> & { readonly text: string } {
  let p = pos;
  while (p < text.length && !isBlank(text[p]) && !stops.includes(text[p])) p++;
  return { kind: "bare", start: pos, end: p, text: text.slice(pos, p) };
}

/** What may end a bare value in a JSON pattern. */
export const JSON_VALUE_STOPS = "(){}&|";
/** What may end a bare value in a space-delimited pattern. */
export const DELIMITED_VALUE_STOPS = "(){}&|,[]";

/** A number as the language writes it: sign, digits, optional decimals, optional exponent (AWS, "Filter pattern syntax", JSON log events). */
export function isNumberLiteral(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
}
