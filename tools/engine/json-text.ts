/**
 * A strict JSON (RFC 8259) reader that never throws: on bad input it returns the 1-based line and column of the
 * first problem, which `JSON.parse` on Node 20 does not report. Duplicate object keys are allowed (the last one
 * wins, as in Go's `encoding/json`, which the Pulumi CLI uses) but listed so callers can warn about them.
 */

/** Where a problem is in the text. */
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

/** Computes the 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

class JsonSyntaxError {
  constructor(readonly message: string, readonly offset: number) {}
}

const whitespace = new Set([" ", "\t", "\n", "\r"]);
const escapes: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Describes the character at `offset` for a message: `'}'`, `U+FEFF`, or `end of file`. */
function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return "end of file";
  const ch = text[offset];
  const code = ch.charCodeAt(0);
  return code < 0x20 || code > 0x7e ? `character U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `'${ch}'`;
}

/** Reads JSON text; see the module comment. */
export function readJsonText(text: string): JsonReadResult {
  let i = 0;
  const duplicates: { path: string; offset: number }[] = [];

  const fail = (expected: string): never => {
    throw new JsonSyntaxError(`expected ${expected} but found ${describeAt(text, i)}`, i);
  };
  const skipWhitespace = (): void => {
    while (i < text.length && whitespace.has(text[i])) i++;
  };
  const readString = (): string => {
    i++; // opening quote
    let out = "";
    for (;;) {
      if (i >= text.length) throw new JsonSyntaxError("unterminated string", i);
      const ch = text[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch.charCodeAt(0) < 0x20) throw new JsonSyntaxError("control character in string (escape it)", i);
      if (ch !== "\\") {
        out += ch;
        i++;
        continue;
      }
      const esc = text[i + 1];
      if (esc === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError("invalid \\u escape (needs 4 hex digits)", i);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (esc !== undefined && esc in escapes) {
        out += escapes[esc];
        i += 2;
      } else {
        throw new JsonSyntaxError(`invalid escape '\\${esc ?? ""}' in string`, i);
      }
    }
  };
  const readNumber = (): number => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (match === null || match[0] === "" || match[0] === "-") fail("a value");
    const literal = (match as RegExpExecArray)[0];
    i += literal.length;
    return Number(literal);
  };
  const readLiteral = <T>(word: string, value: T): T => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail("a value");
  };
  const readValue = (path: string): unknown => {
    skipWhitespace();
    const ch = text[i];
    if (ch === "{") return readObject(path);
    if (ch === "[") return readArray(path);
    if (ch === '"') return readString();
    if (ch === "t") return readLiteral("true", true);
    if (ch === "f") return readLiteral("false", false);
    if (ch === "n") return readLiteral("null", null);
    return readNumber();
  };
  const readObject = (path: string): Record<string, unknown> => {
    i++;
    const result: Record<string, unknown> = {};
    skipWhitespace();
    if (text[i] === "}") {
      i++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] !== '"') fail("a property name in double quotes");
      const keyOffset = i;
      const key = readString();
      const keyPath = path === "" ? key : `${path}.${key}`;
      if (Object.prototype.hasOwnProperty.call(result, key)) duplicates.push({ path: keyPath, offset: keyOffset });
      skipWhitespace();
      if (text[i] !== ":") fail("':'");
      i++;
      Object.defineProperty(result, key, { value: readValue(keyPath), enumerable: true, writable: true, configurable: true });
      skipWhitespace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return result;
      }
      fail("',' or '}'");
    }
  };
  const readArray = (path: string): unknown[] => {
    i++;
    const result: unknown[] = [];
    skipWhitespace();
    if (text[i] === "]") {
      i++;
      return result;
    }
    for (;;) {
      result.push(readValue(`${path}[${result.length}]`));
      skipWhitespace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return result;
      }
      fail("',' or ']'");
    }
  };

  try {
    const value = readValue("");
    skipWhitespace();
    if (i < text.length) fail("end of file");
    return {
      ok: true,
      value,
      duplicateKeys: duplicates.map((d) => ({ path: d.path, position: positionOf(text, d.offset) })),
    };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, message: e.message, position: positionOf(text, e.offset) };
    throw e;
  }
}
