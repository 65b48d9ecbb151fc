/**
 * Findings as data, in the shape of typescript-eslint rule reports: a finding names a message by its id and
 * carries the data the message's template is filled with. Policies and tests deal in ids and data; English is
 * produced once, by `render.ts`, from a closed catalogue of templates.
 *
 * A value that comes from the stack (a name, an ARN, a pattern, a setting) is a `StackText`, never a plain
 * string: it remembers whether the engine sent it as a secret, so the renderer can print `[secret]` in its place.
 * Plain strings and numbers in data are the pack's own words or config values, never resource data.
 */

/** A value read from the stack, as it would be printed, and whether it was a secret. */
export interface StackText {
  readonly kind: "stack";
  readonly text: string;
  readonly secret: boolean;
  /** What to print instead when `secret` (default `[secret]`). */
  readonly whenSecret?: string;
}

/** A nested message: a part of a finding with its own template (a problem, a fix, a subject). */
export interface Message {
  readonly kind: "message";
  readonly id: string;
  readonly data: MessageData;
}

/** Several data printed one after another: `a; b` or `a, b and c`. */
export interface DatumList {
  readonly kind: "list";
  readonly items: readonly Datum[];
  readonly separator: string;
  /** The separator before the last item, when it differs (`" and "`). */
  readonly lastSeparator?: string;
}

export type Datum = string | number | StackText | Message | DatumList;
export type MessageData = Readonly<Record<string, Datum>>;

/** One violation: the message id, its data, and the URN of the resource to fix (`undefined`: the stack). */
export interface Finding {
  readonly messageId: string;
  readonly data: MessageData;
  readonly urn: string | undefined;
}

/** The printed form of a secret value. */
export const SECRET_TEXT = "[secret]";

/** A nested message. */
export function message(id: string, data: MessageData = {}): Message {
  return { kind: "message", id, data };
}

/** A finding about the resource `urn`. */
export function finding(messageId: string, data: MessageData, urn: string | undefined): Finding {
  return { messageId, data, urn };
}

/** A stack value printed as it is. */
export function stackText(text: string, secret = false, whenSecret?: string): StackText {
  return whenSecret === undefined ? { kind: "stack", text, secret } : { kind: "stack", text, secret, whenSecret };
}

/** A stack value printed in double quotes, as JSON writes a string (`"cloudtrail-logs"`). */
export function quoted(text: string, secret = false): StackText {
  return stackText(JSON.stringify(text), secret);
}

/** Items separated by `separator`. */
export function list(items: readonly Datum[], separator = ", "): DatumList {
  return { kind: "list", items, separator };
}

/** Items as words: `a`, `a and b`, `a, b and c`. */
export function words(items: readonly Datum[]): DatumList {
  return { kind: "list", items, separator: ", ", lastSeparator: " and " };
}

/** Whether any stack value in `datum` is a secret. */
export function holdsSecret(datum: Datum): boolean {
  if (typeof datum !== "object") return false;
  switch (datum.kind) {
    case "stack":
      return datum.secret;
    case "message":
      return Object.values(datum.data).some(holdsSecret);
    case "list":
      return datum.items.some(holdsSecret);
  }
}
