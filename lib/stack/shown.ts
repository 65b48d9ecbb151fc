/**
 * Stack values as message data: a known field becomes a `StackText` that keeps the field's secrecy, so a finding
 * never prints a value the engine sent as a secret.
 */
import { quoted, stackText, type StackText } from "../findings/message";
import type { Field } from "./read";

/** A known field's value as printed (`String(value)`), secret if the field is. */
export function shownValue(field: Extract<Field<unknown>, { state: "known" }>): StackText {
  return stackText(String(field.value), field.secret === true);
}

/** A known string field in double quotes, secret if the field is. */
export function shownQuoted(field: Extract<Field<string>, { state: "known" }>): StackText {
  return quoted(field.value, field.secret === true);
}
