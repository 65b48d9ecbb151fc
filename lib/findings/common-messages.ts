/** Message templates every part of the pack uses. */
import { message, type Message } from "./message";

export const commonMessages = {
  notKnownAtPreview:
    "{{what}} is not known at preview (it is computed from another resource's output), so it can't be verified",
  namedResource: '{{kind}} "{{name}}"',
} as const;

/** "<what> is not known at preview ..., so it can't be verified". `what` is the pack's own words. */
export function notKnownAtPreview(what: string | Message): Message {
  return message("notKnownAtPreview", { what });
}

/** `Kind "logical-name"`, e.g. `Trail "main"`: how messages name a resource (logical names are never secret). */
export function named(kind: string, resource: { readonly name: string }): Message {
  return message("namedResource", { kind, name: resource.name });
}
