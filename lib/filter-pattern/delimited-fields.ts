/**
 * How a space-delimited pattern's fields take the words of a message, as the CloudWatch Logs user guide
 * ("Using filter patterns to match terms in space-delimited log events", FilterAndPatternSyntax.html) and the
 * TestMetricFilter API reference examples show it:
 *
 * - The message splits on single spaces; the text between `[` and `]`, or between double quotes, is one field and
 *   is extracted without them ("Characters between brackets ("[]") and double quotation marks ("") are considered
 *   single fields"; TestMetricFilter extracts `"$request": "GET /apache_pb.gif HTTP/1.0"`).
 * - `...` stands for as many fields as needed, none included: the fields before it take the first words and the
 *   fields after it the last ones (TestMetricFilter's `[..., size]` extracts `$1`…`$6` and `$size` from a
 *   seven-field line).
 * - Without `...`, a message with more words than the pattern has fields gives the rest of the message to the last
 *   field. The guide's `[w1=ERROR, w2]` "returns log events where the first word in the log events is ERROR" from a
 *   log of six- and seven-word lines, and it says a blank `w2` must follow `w1=ERROR` to do so: on its own, `w1`
 *   would be the whole line. The last field then holds the rest of the message as written; when the rest is a
 *   single field, it is that field as extracted.
 *
 * What the documentation shows no example of is left undecided, with the reason: a message with fewer words than
 * the pattern has fields (besides `...`), a pattern with several `...`, and spacing other than single spaces
 * between fields.
 */
import type { DelimitedField } from "./ast";

/** One field of a message: its text as extracted, and where its raw form (quote or bracket included) starts. */
export interface MessageField {
  readonly text: string;
  readonly start: number;
}

/**
 * Splits a message on single spaces; text inside `[…]` or `"…"` is one field, extracted without its brackets
 * or quotes. Returns undefined when the spacing is such that AWS's splitting is not documented: leading,
 * trailing or repeated spaces, a quote or bracket never closed, or text glued to a closing quote or bracket.
 */
export function splitDelimitedMessage(message: string): MessageField[] | undefined {
  const fields: MessageField[] = [];
  if (message.length === 0) return fields;
  let pos = 0;
  for (;;) {
    const ch = message[pos];
    if (ch === undefined || ch === " ") return undefined;
    let end: number;
    if (ch === '"' || ch === "[") {
      const close = message.indexOf(ch === '"' ? '"' : "]", pos + 1);
      if (close < 0) return undefined;
      fields.push({ text: message.slice(pos + 1, close), start: pos });
      end = close + 1;
      if (end < message.length && message[end] !== " ") return undefined;
    } else {
      end = message.indexOf(" ", pos);
      if (end < 0) end = message.length;
      fields.push({ text: message.slice(pos, end), start: pos });
    }
    if (end >= message.length) return fields;
    pos = end + 1;
  }
}

/** A value of the message and the pattern field that takes it (undefined: `...` or a pattern of no fields). */
export interface AlignedValue {
  readonly field: DelimitedField | undefined;
  /** 1-based: unnamed values are extracted as `$position`. */
  readonly position: number;
  readonly value: string;
}

/** Why a message cannot be aligned with a pattern: each an example the documentation does not give. */
export type AlignmentGap = "delimitedFewerFields" | "delimitedManyEllipses" | "delimitedSpacing";

/** Aligns a message's words with a pattern's fields, or says why it cannot. */
export type Alignment = (message: string) => readonly AlignedValue[] | AlignmentGap;

/** The alignment for a pattern's fields (see the file comment), compiled once per pattern. */
export function compileAlignment(fields: readonly DelimitedField[]): Alignment {
  const ellipsis = fields.findIndex((field) => field.kind === "ellipsis");
  const manyEllipses = fields.filter((field) => field.kind === "ellipsis").length > 1;
  const before = ellipsis < 0 ? fields : fields.slice(0, ellipsis);
  const after = ellipsis < 0 ? [] : fields.slice(ellipsis + 1);
  return (message) => {
    const words = splitDelimitedMessage(message);
    if (!words) return "delimitedSpacing";
    if (manyEllipses) return "delimitedManyEllipses";
    if (fields.length === 0) return words.map((word, index) => aligned(undefined, index, word.text));
    if (words.length < before.length + after.length) return "delimitedFewerFields";
    return ellipsis < 0 ? alignWithRest(before, words, message) : alignAroundEllipsis(before, after, words);
  };
}

/** Field i takes word i; the last field takes the rest of the message. */
function alignWithRest(
  fields: readonly DelimitedField[],
  words: readonly MessageField[],
  message: string,
): AlignedValue[] {
  const last = fields.length - 1;
  return fields.map((field, index) => {
    const word = words[index];
    const takesRest = index === last && words.length > fields.length;
    return aligned(field, index, takesRest ? message.slice(word.start) : word.text);
  });
}

/** The fields before `...` take the first words, those after it the last; `...` takes what is between. */
function alignAroundEllipsis(
  before: readonly DelimitedField[],
  after: readonly DelimitedField[],
  words: readonly MessageField[],
): AlignedValue[] {
  const firstAfter = words.length - after.length;
  return words.map((word, index) => {
    let field: DelimitedField | undefined;
    if (index < before.length) field = before[index];
    else if (index >= firstAfter) field = after[index - firstAfter];
    return aligned(field, index, word.text);
  });
}

function aligned(field: DelimitedField | undefined, index: number, value: string): AlignedValue {
  return { field, position: index + 1, value };
}
