/**
 * Regular expressions of the filter-pattern language (`%…%`, AWS, "Filter pattern syntax", regular expressions): validation against the
 * character set AWS allows, and linear-time matching through re2js (a pure-JS RE2), never JS backtracking,
 * because the expressions come from users.
 */
import { RE2JS } from "re2js";
import type { ScanProblem } from "./scanner";

/** Characters allowed as themselves: letters, digits, space and `: _ # = @ / ; , -`. */
const LITERAL_CHARS = /^[A-Za-z0-9 :_#=@/;,-]$/;
/** The regex operators AWS allows. */
const OPERATOR_CHARS = "^$?[]{}|\\*+.";
/** Letters that may follow a backslash as a class escape. */
const CLASS_ESCAPES = "dDsSwW";

/**
 * Checks a regex source (between the `%` signs) against AWS's allowed characters and escapes, then against
 * RE2's syntax. `sourceOffset` is where the source starts in the pattern text, so that problems point at the
 * offending character. Returns undefined when the regex is acceptable.
 */
export function validateRegex(source: string, sourceOffset: number): ScanProblem | undefined {
  if (source.length === 0) {
    return {
      code: "empty-regex",
      offset: Math.max(0, sourceOffset - 1),
      message: "the regular expression %% is empty",
    };
  }
  const charProblem = findDisallowedCharacter(source, sourceOffset);
  if (charProblem) return charProblem;
  const compiled = tryCompile(source);
  if (typeof compiled === "string") {
    return {
      code: "regex-invalid",
      offset: sourceOffset,
      message: `the regular expression does not compile (${compiled})`,
    };
  }
  return undefined;
}

function findDisallowedCharacter(source: string, sourceOffset: number): ScanProblem | undefined {
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      const escapeProblem = checkEscape(source, i, sourceOffset);
      if (escapeProblem) return escapeProblem;
      i += source[i + 1] === "x" ? 3 : 1;
      continue;
    }
    if (LITERAL_CHARS.test(ch) || OPERATOR_CHARS.includes(ch)) continue;
    return {
      code: "regex-disallowed-character",
      offset: sourceOffset + i,
      // The code point, not the UTF-16 unit: a character outside the BMP is named whole, not by its first half.
      message: `the character ${describeChar(source.codePointAt(i) ?? 0)} is not allowed in a regular expression`,
      hint:
        "allowed are letters, digits, space, : _ # = @ / ; , - and the operators ^ $ ? [ ] { } | \\ * + . " +
        "(no parentheses); escape an operator with \\",
    };
  }
  return undefined;
}

function checkEscape(source: string, i: number, sourceOffset: number): ScanProblem | undefined {
  const next = source[i + 1];
  if (next !== undefined && (CLASS_ESCAPES.includes(next) || OPERATOR_CHARS.includes(next))) return undefined;
  if (next === "x" && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) return undefined;
  return {
    code: "regex-invalid-escape",
    offset: sourceOffset + i,
    message: `the escape ${next === undefined ? "\\ at the end" : "\\" + next} is not allowed in a regular expression`,
    hint: "allowed escapes are \\d \\D \\s \\S \\w \\W \\xhh and \\ before an operator",
  };
}

function describeChar(code: number): string {
  if (code < 0x20 || code > 0x7e) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${String.fromCodePoint(code)}'`;
}

/** AWS allows `{,n}` (lower bound omitted); RE2 reads that literally, so it becomes `{0,n}`. */
export function toRe2Source(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch === "{" && /^\{,\d+\}/.test(source.slice(i))) {
      out += "{0";
      continue;
    }
    out += ch;
  }
  return out;
}

const compiledCache = new Map<string, RE2JS>();
const CACHE_LIMIT = 512;

function tryCompile(source: string): RE2JS | string {
  const cached = compiledCache.get(source);
  if (cached) return cached;
  try {
    const compiled = RE2JS.compile(toRe2Source(source));
    if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
    compiledCache.set(source, compiled);
    return compiled;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * The program a search runs: the source in an alternation with `\z.` (the end of the text, then one more character),
 * which never matches, so the language is the source's. Why: for a program that starts at `^`, re2js tries its
 * one-pass engine before its lazy DFA, and the one-pass engine, made for capturing submatches, steps rune by rune
 * with an allocation per call; a search needs only yes or no, which the DFA answers several times faster (a
 * whole-message `^.+$` over a 1.5 KB record: 42 µs one-pass, 12 µs DFA). RE2's one-pass condition requires the
 * program to start with the `^` test, which the alternation removes. Validation compiles the plain source, so its
 * messages quote what the user wrote.
 */
function compileForSearch(source: string): RE2JS {
  const cached = searchCache.get(source);
  if (cached) return cached;
  const compiled = RE2JS.compile(`(?:${toRe2Source(source)})|\\z.`);
  if (searchCache.size >= CACHE_LIMIT) searchCache.clear();
  searchCache.set(source, compiled);
  return compiled;
}

const searchCache = new Map<string, RE2JS>();

const NEVER = (): boolean => false;
/** Texts up to this length have their result remembered: field values repeat across records. */
const REMEMBERED_TEXT_LENGTH = 256;
const REMEMBERED_TEXTS = 1024;

/**
 * The unanchored search of an (already validated) regex `source`, compiled once: call it on many texts. Results
 * on short texts are remembered by this search (a bounded cache, cleared when full), since JSON field values
 * repeat across the records a pattern is judged against. A source that does not compile never matches (the
 * parser rejects those before evaluation).
 */
export function compileRegexSearch(source: string): (text: string) => boolean {
  if (typeof tryCompile(source) === "string") return NEVER;
  const compiled = compileForSearch(source);
  const remembered = new Map<string, boolean>();
  return (text) => {
    if (text.length > REMEMBERED_TEXT_LENGTH) return compiled.test(text);
    let found = remembered.get(text);
    if (found === undefined) {
      found = compiled.test(text);
      if (remembered.size >= REMEMBERED_TEXTS) remembered.clear();
      remembered.set(text, found);
    }
    return found;
  };
}
