/**
 * A small reader for the subset of YAML that `Pulumi.yaml` and `Pulumi.<stack>.yaml` use: block mappings,
 * block sequences, plain / single-quoted / double-quoted scalars, one-line flow collections (`[a, b]`,
 * `{k: v}`), block scalars (`|`, `>`, with `-`/`+` chomping) and comments. Scalars stay strings (the engine keeps
 * config values as strings too) unless `typed` is asked for, where plain `true`/`false`/`null`/numbers get their
 * YAML 1.2 core-schema types (structured config values keep them in their JSON). Anything outside the subset
 * (anchors, tags, multi-line flow collections or quoted scalars, tabs) is reported with its line number instead
 * of being guessed at. It never throws.
 */

/** A YAML value in the subset: every scalar is a string (or, when typed, a boolean, number or null). */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** Reading options. */
export interface YamlReadOptions {
  /** Give plain scalars their core-schema types (default: every scalar is a string). */
  readonly typed?: boolean;
}

interface Context {
  readonly lines: Line[];
  readonly raw: readonly string[];
  readonly typed: boolean;
  index: number;
}

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
export function readYamlText(text: string, options: YamlReadOptions = {}): YamlReadResult {
  try {
    const raw = text.replace(/^\uFEFF/, "").split(/\r?\n/);
    const lines = significantLines(raw);
    if (lines.length === 0) return { ok: true, value: {} };
    const context: Context = { lines, raw, typed: options.typed === true, index: 0 };
    const value = readBlock(context, lines[0].indent);
    if (context.index < lines.length) {
      throw new YamlSyntaxError("unexpected indentation", lines[context.index].number);
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof YamlSyntaxError) return { ok: false, message: e.message, line: e.line };
    throw e;
  }
}

/** Splits the text into non-blank, non-comment lines with their indentation, comments removed. */
function significantLines(rawLines: readonly string[]): Line[] {
  const out: Line[] = [];
  let blockIndent: number | undefined;
  rawLines.forEach((raw, i) => {
    const number = i + 1;
    if (/^\t/.test(raw) || /^ *\t/.test(raw)) throw new YamlSyntaxError("tabs are not allowed for indentation", number);
    // Inside a block scalar, lines are content: no comments, no quotes (readBlockScalar reads them raw).
    const rawIndent = raw.length - raw.trimStart().length;
    if (blockIndent !== undefined && (raw.trim() === "" || rawIndent > blockIndent)) {
      if (raw.trim() !== "") out.push({ number, indent: rawIndent, text: raw.trim() });
      return;
    }
    blockIndent = undefined;
    const stripped = stripComment(raw, number).replace(/\s+$/, "");
    if (/(?:^|:|-)\s*[|>][-+]?$/.test(stripped)) blockIndent = rawIndent;
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
    } else if ((ch === '"' || ch === "'") && startsScalar(raw.slice(0, i))) {
      quote = ch;
    } else if (ch === "#" && (i === 0 || /\s/.test(raw[i - 1]))) {
      return raw.slice(0, i);
    }
  }
  if (quote) throw new YamlSyntaxError(`unterminated ${quote === '"' ? "double" : "single"}-quoted string`, line);
  return raw;
}

/**
 * True when a quote after `before` opens a quoted scalar (or key): at the start of the line's content, or after
 * `key:`, `-`, `[`, `{` or `,`. Elsewhere (`description: Bob's stack`) it is part of a plain scalar.
 */
function startsScalar(before: string): boolean {
  const text = before.trimEnd();
  return text === "" || /(?:^|\s)-$|[:[{,]$/.test(text);
}

/** Reads the mapping or sequence whose entries start at `indent`. */
function readBlock(context: Context, indent: number): YamlValue {
  const text = context.lines[context.index].text;
  return text.startsWith("- ") || text === "-" ? readSequence(context, indent) : readMapping(context, indent);
}

/** The value after `key:` or `-` on the line `line`: a block scalar, a nested block, or a one-line value. */
function readValue(context: Context, rest: string, indent: number, line: Line): YamlValue {
  if (/^[|>][-+]?$/.test(rest)) return readBlockScalar(context, rest, indent, line);
  return rest === "" ? readNested(context, indent, line) : readScalar(rest, line.number, context.typed);
}

function readMapping(context: Context, indent: number): { [key: string]: YamlValue } {
  const { lines } = context;
  const out: { [key: string]: YamlValue } = {};
  while (context.index < lines.length && lines[context.index].indent === indent) {
    const line = lines[context.index];
    if (line.text.startsWith("- ")) throw new YamlSyntaxError("a sequence item where a mapping key was expected", line.number);
    const { key, rest } = splitKey(line);
    if (Object.prototype.hasOwnProperty.call(out, key)) throw new YamlSyntaxError(`duplicate key '${key}'`, line.number);
    context.index++;
    out[key] = readValue(context, rest, indent, line);
  }
  if (context.index < lines.length && lines[context.index].indent > indent) {
    throw new YamlSyntaxError("unexpected indentation", lines[context.index].number);
  }
  return out;
}

function readSequence(context: Context, indent: number): YamlValue[] {
  const { lines } = context;
  const out: YamlValue[] = [];
  while (context.index < lines.length && lines[context.index].indent === indent && /^-( |$)/.test(lines[context.index].text)) {
    const line = lines[context.index];
    const rest = line.text.slice(1).trim();
    context.index++;
    if (/^[^'"[{][^:]*:( |$)/.test(rest)) throw new YamlSyntaxError("mappings inside sequence items are not supported", line.number);
    out.push(readValue(context, rest, indent, line));
  }
  return out;
}

/** Reads the block under a `key:` or `-` with nothing after it; an empty value reads as "" (null when typed). */
function readNested(context: Context, parentIndent: number, parent: Line): YamlValue {
  const next = context.lines[context.index];
  if (next === undefined || next.indent <= parentIndent) {
    // `key:` followed by a sibling: YAML null. A sequence may also sit at the same indent as its key.
    if (next !== undefined && next.indent === parentIndent && /^-( |$)/.test(next.text) && !parent.text.startsWith("-")) {
      return readSequence(context, parentIndent);
    }
    return context.typed ? null : "";
  }
  return readBlock(context, next.indent);
}

/** A block scalar (`|` keeps line breaks, `>` folds them; `-` strips the final break, `+` keeps every one). */
function readBlockScalar(context: Context, indicator: string, parentIndent: number, parent: Line): string {
  const { lines, raw } = context;
  let last = parent.number;
  while (context.index < lines.length && lines[context.index].indent > parentIndent) last = lines[context.index++].number;
  const body = raw.slice(parent.number, last);
  const indent = Math.min(...body.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length), Infinity);
  const content = body.map((l) => (l.trim() === "" ? "" : l.slice(indent === Infinity ? 0 : indent)));
  let text = indicator.startsWith("|") ? content.join("\n") : foldLines(content);
  const chomp = indicator.slice(1);
  if (chomp === "-") return text.replace(/\n+$/, "");
  const trailing = raw.slice(last).findIndex((l) => l.trim() !== "");
  const keptBreaks = chomp === "+" ? (trailing < 0 ? raw.length - last : trailing) : 0;
  text = text.replace(/\n+$/, "");
  return text === "" ? "" : `${text}\n${"\n".repeat(keptBreaks)}`;
}

/** Folds `>` content: single line breaks become spaces, blank lines become line breaks. */
function foldLines(content: readonly string[]): string {
  let out = "";
  for (let i = 0; i < content.length; i++) {
    const line = content[i];
    if (i === 0) out = line;
    else if (line === "") out += "\n";
    else out += out.endsWith("\n") || out === "" ? line : ` ${line}`;
  }
  return out;
}

/** Splits `key: rest`, unquoting a quoted key. */
function splitKey(line: Line): { key: string; rest: string } {
  const text = line.text;
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = findClosingQuote(text, 0);
    if (end < 0 || text[end + 1] !== ":") throw new YamlSyntaxError("expected ':' after a quoted key", line.number);
    return { key: unquote(text.slice(0, end + 1), line.number), rest: text.slice(end + 2).trim() };
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

/** Reads a one-line scalar or flow collection. */
function readScalar(text: string, line: number, typed: boolean): YamlValue {
  if (text.startsWith('"') || text.startsWith("'")) {
    if (findClosingQuote(text, 0) !== text.length - 1) throw new YamlSyntaxError("text after a closing quote", line);
    return unquote(text, line);
  }
  if (text.startsWith("[") || text.startsWith("{")) {
    const cursor = { at: 0 };
    const value = readFlow(text, cursor, line, typed);
    if (text.slice(cursor.at).trim() !== "") throw new YamlSyntaxError("text after a flow collection", line);
    return value;
  }
  if (/^[&*!|>%@`]/.test(text)) {
    throw new YamlSyntaxError(`'${text[0]}' (anchors, aliases, tags, reserved characters) is not supported here`, line);
  }
  return typed ? typedPlain(text) : text;
}

function unquote(text: string, line: number): string {
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  try {
    return JSON.parse(text) as string;
  } catch {
    throw new YamlSyntaxError("unsupported escape in a double-quoted string", line);
  }
}

/** A plain scalar's YAML 1.2 core-schema value. */
function typedPlain(text: string): YamlValue {
  if (/^(?:null|Null|NULL|~)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?\d+$/.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Reads a one-line flow collection starting at `cursor.at` (`[a, 'b', {k: v}]`). */
function readFlow(text: string, cursor: { at: number }, line: number, typed: boolean): YamlValue {
  const open = text[cursor.at];
  const close = open === "[" ? "]" : "}";
  cursor.at++;
  const items: YamlValue[] = [];
  const entries: { [key: string]: YamlValue } = {};
  const skipSpace = () => {
    while (cursor.at < text.length && text[cursor.at] === " ") cursor.at++;
  };
  for (;;) {
    skipSpace();
    if (cursor.at >= text.length) throw new YamlSyntaxError(`unterminated flow collection (multi-line ones are not supported)`, line);
    if (text[cursor.at] === close) {
      cursor.at++;
      return open === "[" ? items : entries;
    }
    const first = readFlowItem(text, cursor, line, typed, close);
    skipSpace();
    if (open === "{") {
      if (text[cursor.at] !== ":") throw new YamlSyntaxError("expected ':' in a flow mapping", line);
      cursor.at++;
      skipSpace();
      const value = text[cursor.at] === "," || text[cursor.at] === close ? (typed ? null : "") : readFlowItem(text, cursor, line, typed, close);
      entries[String(first)] = value;
    } else {
      items.push(first);
    }
    skipSpace();
    if (text[cursor.at] === ",") cursor.at++;
    else if (text[cursor.at] !== close) throw new YamlSyntaxError(`expected ',' or '${close}' in a flow collection`, line);
  }
}

function readFlowItem(text: string, cursor: { at: number }, line: number, typed: boolean, close: string): YamlValue {
  const ch = text[cursor.at];
  if (ch === "[" || ch === "{") return readFlow(text, cursor, line, typed);
  if (ch === '"' || ch === "'") {
    const end = findClosingQuote(text, cursor.at);
    if (end < 0) throw new YamlSyntaxError("unterminated quoted string", line);
    const value = unquote(text.slice(cursor.at, end + 1), line);
    cursor.at = end + 1;
    return value;
  }
  const start = cursor.at;
  while (cursor.at < text.length && text[cursor.at] !== "," && text[cursor.at] !== close && !(text[cursor.at] === ":" && /[ ,\]}]/.test(text[cursor.at + 1] ?? " "))) {
    cursor.at++;
  }
  const plain = text.slice(start, cursor.at).trim();
  return typed ? typedPlain(plain) : plain;
}

/** True when `value` is a YAML mapping. */
export function isYamlMapping(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
