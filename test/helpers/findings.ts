/**
 * Findings in a form tests can compare: nested messages become `{ id, ...data }`, lists become arrays, stack
 * values their text (`"[secret]"` when secret, whatever words the renderer would print instead). Expectations are
 * partial objects (jest's `toMatchObject`): a row names the message id and the data that make the rule, not every
 * word. Arrays are compared whole (same length, same order), so `problems: [{ id: "loggingOff" }]` also says
 * "and no other problem". Asymmetric matchers (`expect.stringContaining`) may stand for a leaf.
 */
import type { Datum, Finding, MessageData } from "../../lib/findings/message";

export type PlainDatum = string | number | PlainDatum[] | { readonly [key: string]: PlainDatum };
export type PlainData = { [key: string]: PlainDatum };

/** The normalised form of a secret stack value (never its text). */
export const secretMark = "[secret]";

export function plainDatum(datum: Datum): PlainDatum {
  if (typeof datum === "string" || typeof datum === "number") return datum;
  switch (datum.kind) {
    case "stack":
      return datum.secret ? secretMark : datum.text;
    case "message":
      return { id: datum.id, ...plainData(datum.data) };
    case "list":
      return datum.items.map(plainDatum);
  }
}

export function plainData(data: MessageData): PlainData {
  const plain: PlainData = {};
  for (const [key, value] of Object.entries(data)) plain[key] = plainDatum(value);
  return plain;
}

/** A finding as tests compare it. */
export interface PlainFinding {
  readonly urn: string | undefined;
  readonly messageId: string;
  readonly data: PlainData;
}

export function plainFinding(found: Finding): PlainFinding {
  return { urn: found.urn, messageId: found.messageId, data: plainData(found.data) };
}

/** Every message id in a finding: its own and those of every nested message, depth first. */
export function messageIdsOf(found: Finding): string[] {
  const ids = [found.messageId];
  const visit = (datum: Datum): void => {
    if (typeof datum !== "object" || datum.kind === "stack") return;
    if (datum.kind === "list") datum.items.forEach(visit);
    else {
      ids.push(datum.id);
      Object.values(datum.data).forEach(visit);
    }
  };
  Object.values(found.data).forEach(visit);
  return ids;
}

/** `{ id: "namedResource", kind, name }`: how a finding names a resource by its logical name. */
export function namedResource(kind: string, name: string): { id: string; kind: string; name: string } {
  return { id: "namedResource", kind, name };
}

/** `{ id: "notKnownAtPreview", what }`: "<what> is not known at preview ..., so it can't be verified". */
export function notKnown(what: PlainDatum): { id: string; what: PlainDatum } {
  return { id: "notKnownAtPreview", what };
}

/** A string value as the pack quotes stack values (`JSON.stringify`): `"trail-logs"` with the quotes. */
export function q(text: string): string {
  return JSON.stringify(text);
}
