/**
 * The scanner of the composite-alarm rule language: it turns text at an offset into one token with its offsets.
 *
 * What a character means depends on where it stands (`:` and `-` are ordinary inside an alarm ARN written without
 * quotes, and meaningless between operands), so, as in the filter-pattern scanner, there is one scan function per
 * context and the parser (parser.ts) decides which to call. Nothing here throws; a malformed token carries a
 * `problem` saying what is wrong.
 */
import type { AlarmRuleErrorCode } from "./ast";

/** A token: `start` inclusive, `end` exclusive. */
export interface Token<K extends string = string> {
  readonly kind: K;
  readonly start: number;
  readonly end: number;
}

/** Why a token is malformed, with the offset of the offending character. */
export interface ScanProblem {
  readonly code: AlarmRuleErrorCode;
  readonly offset: number;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Spaces, tabs and line breaks separate tokens. The CloudWatch console writes rules over several lines
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html), so line breaks count.
 */
export function isBlank(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/** Offset of the first non-blank character at or after `pos` (or the text length). */
export function skipBlanks(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && isBlank(text[p])) p++;
  return p;
}

/** Letters, digits and `_`: keywords (`INSUFFICIENT_DATA`, `AT_LEAST`) and thresholds (`2`, `60`). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9_]$/.test(ch);
}

export type WordToken = Token<"word"> & {
  readonly text: string;
  /** The word in upper case, for keyword comparison. */
  readonly upper: string;
};

/** Reads a run of word characters (possibly empty). */
export function scanWord(text: string, pos: number): WordToken {
  let p = pos;
  while (p < text.length && isWordChar(text[p])) p++;
  const word = text.slice(pos, p);
  return { kind: "word", start: pos, end: p, text: word, upper: word.toUpperCase() };
}

export type QuotedToken = Token<"string"> & {
  /** Between the quotes, escapes kept as written. */
  readonly text: string;
  readonly problem?: ScanProblem;
};

/**
 * Reads a double-quoted alarm reference starting at the `"` at `pos`. AWS documents the quotes ("Alarm names
 * specified in AlarmRule can be surrounded with double-quotes") but no escape; as in the filter-pattern scanner, a
 * backslash keeps the next character inside the string and stays in the text as written.
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
        message: "the double-quoted alarm name that starts here is never closed",
        hint: 'add the closing "',
      },
    };
  }
  return { kind: "string", start: pos, end: p + 1, text: text.slice(pos + 1, p) };
}

/** What ends an alarm name written without quotes. */
export const BARE_REFERENCE_STOPS = '()",';

/**
 * Reads an alarm name or ARN written without quotes: every character up to a blank or one of `( ) " ,`. AWS ends an
 * unquoted name at a blank (a name with a space fails with "Unsupported token ... must be: ')'",
 * https://github.com/aws/aws-cdk/issues/13953), and ARNs contain `:` and `/`, which must not end it.
 */
export function scanBareReference(text: string, pos: number): Token<"bare"> & { readonly text: string } {
  let p = pos;
  while (p < text.length && !isBlank(text[p]) && !BARE_REFERENCE_STOPS.includes(text[p])) p++;
  return { kind: "bare", start: pos, end: p, text: text.slice(pos, p) };
}

/** A short, quoted excerpt of the text at `pos` for messages (`the end of the rule` past the end). */
export function describeAt(text: string, pos: number): string {
  if (pos >= text.length) return "the end of the rule";
  const word = scanWord(text, pos);
  const excerpt = word.end > pos ? word.text : text.slice(pos, pos + 1);
  return JSON.stringify(excerpt.length > 20 ? `${excerpt.slice(0, 20)}…` : excerpt);
}
