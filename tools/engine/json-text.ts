/**
 * Strict JSON (RFC 8259) with positions, which `JSON.parse` on Node 20 does not give as line and column: jsonc-parser
 * (the parser of VS Code's JSON support) finds the first syntax error and every repeated key with its line and
 * column, and `JSON.parse` builds the value (so a `__proto__` key stays plain data). Repeated keys are allowed (the
 * last one wins, as in Go's `encoding/json`, which the Pulumi CLI uses) but listed so callers can warn about them.
 */
import { printParseErrorCode, visit } from "jsonc-parser";

/** Where a problem is in the text (1-based line and column, in UTF-16 code units like an editor). */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** The result of reading JSON text. */
export type JsonReadResult =
  | { ok: true; value: unknown; duplicateKeys: { path: string; position: TextPosition }[] }
  | { ok: false; message: string; position: TextPosition };

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `name:line:column`, the way problems in a file are located in messages. */
export function textLocation(name: string, position: TextPosition): string {
  return `${name}:${position.line}:${position.column}`;
}

/**
 * What each jsonc-parser error means, in words, by the name `printParseErrorCode` gives it (jsonc-parser declares
 * its codes as a const enum, which code compiled file by file cannot read); "expected …" ones are followed by what
 * was found.
 */
const errorText: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: "expected a value",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected ',' or '}'",
  CloseBracketExpected: "expected ',' or ']'",
  EndOfFileExpected: "expected end of file",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "incomplete number",
  InvalidUnicode: "invalid \\u escape (needs 4 hex digits)",
  InvalidEscapeCharacter: "invalid escape in string",
  InvalidCharacter: "control character in string (escape it)",
};

/** Describes the character at `offset` for a message: `'}'`, `character U+FEFF`, or `end of file`. */
function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return "end of file";
  const code = text.charCodeAt(offset);
  return code < 0x20 || code > 0x7e
    ? `character U+${code.toString(16).toUpperCase().padStart(4, "0")}`
    : `'${text[offset]}'`;
}

/** `a.b[0].c` for jsonc-parser's path segments. */
function pathText(segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (out, s) => (typeof s === "number" ? `${out}[${s}]` : out === "" ? s : `${out}.${s}`),
    "",
  );
}

/**
 * The deepest nesting of `[` and `{` in JSON text (strings skipped) and where it is first reached: jsonc-parser
 * reads recursively, so a file nested thousands of levels deep exhausts the stack before it is read.
 */
function deepestNesting(text: string): { depth: number; offset: number } {
  let depth = 0;
  let deepest = { depth: 0, offset: 0 };
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '"') {
      for (k++; k < text.length && text[k] !== '"'; k++) if (text[k] === "\\") k++;
    } else if (ch === "[" || ch === "{") {
      depth++;
      if (depth > deepest.depth) deepest = { depth, offset: k };
    } else if (ch === "]" || ch === "}") {
      depth--;
    }
  }
  return deepest;
}

/** Line and column (1-based, UTF-16 code units) of `offset`. */
function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { offset, line, column: offset - before.lastIndexOf("\n") };
}

/** Reads JSON text; see the module comment. Never throws. */
export function readJsonText(text: string): JsonReadResult {
  try {
    return readJsonTextUnguarded(text);
  } catch (e) {
    // A stack overflow in the recursive reader (a value nested thousands of levels deep) is the input's doing: say
    // where, rather than let "Maximum call stack size exceeded" escape.
    // By name: under jest, errors raised in another realm fail `instanceof`.
    if (!(e instanceof Error && e.name === "RangeError")) throw e;
    const deepest = deepestNesting(text);
    return {
      ok: false,
      message: `nested too deeply to read (${deepest.depth} levels)`,
      position: positionOf(text, deepest.offset),
    };
  }
}

function readJsonTextUnguarded(text: string): JsonReadResult {
  let error: { message: string; position: TextPosition } | undefined;
  const duplicateKeys: { path: string; position: TextPosition }[] = [];
  // The keys of each open object (undefined for an open array), innermost last.
  const open: (Set<string> | undefined)[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push(new Set()),
      onArrayBegin: () => void open.push(undefined),
      onObjectEnd: () => void open.pop(),
      onArrayEnd: () => void open.pop(),
      onObjectProperty: (name, offset, _length, line, character, pathSupplier) => {
        const keys = open[open.length - 1];
        const position = { offset, line: line + 1, column: character + 1 };
        if (keys?.has(name)) duplicateKeys.push({ path: pathText([...pathSupplier(), name]), position });
        keys?.add(name);
      },
      onError: (code, offset, _length, line, character) => {
        if (error !== undefined) return;
        const name = printParseErrorCode(code);
        let message = errorText[name] ?? `syntax error ${name}`;
        if (name === "CommaExpected") message += ` or '${open[open.length - 1] === undefined ? "]" : "}"}'`;
        if (message.startsWith("expected")) message += ` but found ${describeAt(text, offset)}`;
        error = { message, position: { offset, line: line + 1, column: character + 1 } };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (error !== undefined) return { ok: false, ...error };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, duplicateKeys };
  } catch (e) {
    // Only if jsonc-parser accepted something JSON.parse does not: no position to give.
    return {
      ok: false,
      message: e instanceof Error ? e.message : String(e),
      position: { offset: 0, line: 1, column: 1 },
    };
  }
}
