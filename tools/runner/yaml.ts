/**
 * A small reader for the subset of YAML that `Pulumi.yaml` and `Pulumi.<stack>.yaml` use: block mappings,
 * block sequences, plain / single-quoted / double-quoted scalars and comments. Scalars stay strings (the engine
 * keeps config values as strings too). Anything outside the subset (flow collections, anchors, multi-line
 * scalars, tabs) is reported with its line number instead of being guessed at. It never throws.
 */

/** A YAML value in the subset: every scalar is a string. */
export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

/** The result of reading YAML text. */
export type YamlReadResult = { ok: true; value: YamlValue } | { ok: false; message: string; line: number };

interface Line {
  readonly number: number;
  readonly indent: number;
  readonly text: string;
}

class YamlSyntaxError {
  constructor(readonly message: string, readonly line: number) {}
}

/** Reads YAML text in the supported subset; see the module comment. An empty document reads as `{}`. */
export function readYamlText(text: string): YamlReadResult {
  try {
    const lines = significantLines(text);
    if (lines.length === 0) return { ok: true, value: {} };
    const cursor = { index: 0 };
    const value = readBlock(lines, cursor, lines[0].indent);
    if (cursor.index < lines.length) {
      throw new YamlSyntaxError("unexpected indentation", lines[cursor.index].number);
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof YamlSyntaxError) return { ok: false, message: e.message, line: e.line };
    throw e;
  }
}

/** Splits the text into non-blank, non-comment lines with their indentation, comments removed. */
function significantLines(text: string): Line[] {
  const out: Line[] = [];
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
    const number = i + 1;
    if (/^\t/.test(raw) || /^ *\t/.test(raw)) throw new YamlSyntaxError("tabs are not allowed for indentation", number);
    const stripped = stripComment(raw, number).replace(/\s+$/, "");
    if (stripped.trim() === "" || stripped.trim() === "---") return;
    const indent = stripped.length - stripped.trimStart().length;
    out.push({ number, indent, text: stripped.trimStart() });
  });
  return out;
}

/** Removes a `#` comment that is not inside quotes. */
function stripComment(raw: string, line: number): string {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === "#" && (i === 0 || /\s/.test(raw[i - 1]))) {
      return raw.slice(0, i);
    }
  }
  if (quote) throw new YamlSyntaxError(`unterminated ${quote === '"' ? "double" : "single"}-quoted string`, line);
  return raw;
}

/** Reads the mapping or sequence whose entries start at `indent`. */
function readBlock(lines: Line[], cursor: { index: number }, indent: number): YamlValue {
  return lines[cursor.index].text.startsWith("- ") || lines[cursor.index].text === "-"
    ? readSequence(lines, cursor, indent)
    : readMapping(lines, cursor, indent);
}

function readMapping(lines: Line[], cursor: { index: number }, indent: number): { [key: string]: YamlValue } {
  const out: { [key: string]: YamlValue } = {};
  while (cursor.index < lines.length && lines[cursor.index].indent === indent) {
    const line = lines[cursor.index];
    if (line.text.startsWith("- ")) throw new YamlSyntaxError("a sequence item where a mapping key was expected", line.number);
    const { key, rest } = splitKey(line);
    if (Object.prototype.hasOwnProperty.call(out, key)) throw new YamlSyntaxError(`duplicate key '${key}'`, line.number);
    cursor.index++;
    out[key] = rest === "" ? readNested(lines, cursor, indent, line) : readScalar(rest, line.number);
  }
  if (cursor.index < lines.length && lines[cursor.index].indent > indent) {
    throw new YamlSyntaxError("unexpected indentation", lines[cursor.index].number);
  }
  return out;
}

function readSequence(lines: Line[], cursor: { index: number }, indent: number): YamlValue[] {
  const out: YamlValue[] = [];
  while (cursor.index < lines.length && lines[cursor.index].indent === indent && /^-( |$)/.test(lines[cursor.index].text)) {
    const line = lines[cursor.index];
    const rest = line.text.slice(1).trim();
    cursor.index++;
    if (rest === "") out.push(readNested(lines, cursor, indent, line));
    else if (/^[^'"][^:]*:( |$)/.test(rest)) throw new YamlSyntaxError("mappings inside sequence items are not supported", line.number);
    else out.push(readScalar(rest, line.number));
  }
  return out;
}

/** Reads the block under a `key:` or `-` with nothing after it; an empty value reads as "". */
function readNested(lines: Line[], cursor: { index: number }, parentIndent: number, parent: Line): YamlValue {
  const next = lines[cursor.index];
  if (next === undefined || next.indent <= parentIndent) {
    // `key:` followed by a sibling: YAML null. A sequence may also sit at the same indent as its key.
    if (next !== undefined && next.indent === parentIndent && /^-( |$)/.test(next.text) && !parent.text.startsWith("-")) {
      return readSequence(lines, cursor, parentIndent);
    }
    return "";
  }
  return readBlock(lines, cursor, next.indent);
}

/** Splits `key: rest`, unquoting a quoted key. */
function splitKey(line: Line): { key: string; rest: string } {
  const text = line.text;
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = findClosingQuote(text, 0);
    if (end < 0 || text[end + 1] !== ":") throw new YamlSyntaxError("expected ':' after a quoted key", line.number);
    return { key: readScalar(text.slice(0, end + 1), line.number), rest: text.slice(end + 2).trim() };
  }
  const match = /^(.*?\S):(?: +(.*))?$/.exec(text);
  if (!match) throw new YamlSyntaxError(`expected 'key: value' but found '${text}'`, line.number);
  return { key: match[1], rest: match[2] ?? "" };
}

function findClosingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Reads a one-line scalar. */
function readScalar(text: string, line: number): string {
  if (text.startsWith('"')) {
    if (findClosingQuote(text, 0) !== text.length - 1) throw new YamlSyntaxError("text after a closing quote", line);
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new YamlSyntaxError("unsupported escape in a double-quoted string", line);
    }
  }
  if (text.startsWith("'")) {
    if (findClosingQuote(text, 0) !== text.length - 1) throw new YamlSyntaxError("text after a closing quote", line);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>]/.test(text)) {
    throw new YamlSyntaxError(`'${text[0]}' (flow collections, anchors, tags, block scalars) is not supported here`, line);
  }
  return text;
}

/** True when `value` is a YAML mapping. */
export function isYamlMapping(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
