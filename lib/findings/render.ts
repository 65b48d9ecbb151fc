/**
 * Renders findings into English from a catalogue of templates. A template names data as `{{key}}`, or
 * `{{key|lowerFirst}}` to print the value with a lower-case first letter (a subject in mid-sentence).
 * Secrets print as `[secret]` (or the value's own `whenSecret` words). Rendering never throws: a key a template
 * names but the data lacks prints as `{{key}}`, which the catalogue tests catch.
 */
import { SECRET_TEXT, type Datum, type Finding, type MessageData } from "./message";

/** Templates by message id. */
export type MessageCatalogue = Readonly<Record<string, string>>;

const placeholder = /\{\{(\w+)(\|lowerFirst)?\}\}/g;

/** The text of the message `id` filled with `data`. */
export function renderMessage(id: string, data: MessageData, catalogue: MessageCatalogue): string {
  const template = Object.prototype.hasOwnProperty.call(catalogue, id) ? catalogue[id] : undefined;
  if (template === undefined) return `[message ${id}]`;
  return template.replace(placeholder, (whole, key: string, lower: string | undefined) => {
    if (!Object.prototype.hasOwnProperty.call(data, key)) return whole;
    const text = renderDatum(data[key], catalogue);
    return lower === undefined ? text : text.charAt(0).toLowerCase() + text.slice(1);
  });
}

/** A finding's message text. */
export function renderFinding(found: Finding, catalogue: MessageCatalogue): string {
  return renderMessage(found.messageId, found.data, catalogue);
}

/** One datum as text. */
export function renderDatum(datum: Datum, catalogue: MessageCatalogue): string {
  if (typeof datum === "string") return datum;
  if (typeof datum === "number") return String(datum);
  switch (datum.kind) {
    case "stack":
      return datum.secret ? (datum.whenSecret ?? SECRET_TEXT) : datum.text;
    case "message":
      return renderMessage(datum.id, datum.data, catalogue);
    case "list": {
      const items = datum.items.map((item) => renderDatum(item, catalogue));
      if (datum.lastSeparator === undefined || items.length < 2) return items.join(datum.separator);
      return `${items.slice(0, -1).join(datum.separator)}${datum.lastSeparator}${items[items.length - 1]}`;
    }
  }
}

/** The `{{key}}` names a template uses (for catalogue tests). */
export function templateKeys(template: string): readonly string[] {
  return [...template.matchAll(placeholder)].map((match) => match[1]);
}
