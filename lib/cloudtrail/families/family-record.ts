/** A family record from its parts: its kinds by aspect (kinds.ts) and its message (compact JSON). */
import type { FamilyRecord } from "../family-types";
import type { JsonObject } from "../json";
import { KIND_ASPECTS } from "../kinds";
import type { KindAspect } from "../kinds";

export interface RecordKindParts {
  /** Absent: a successful call; else the error code it fails with. */
  readonly errorCode?: string;
  /** Whether "calls that fail" is worth saying (not when every record of the family fails). */
  readonly failureIsKind?: boolean;
  readonly callerKinds: readonly string[];
  readonly clientKinds: readonly string[];
  readonly region: string;
  readonly eventVersion: string;
}

/** The kinds of call a record stands for, by aspect, in the family's vocabulary (`calls that fail with X`, ...). */
export function kindsOf(parts: RecordKindParts): Record<KindAspect, string[]> {
  const outcome =
    parts.errorCode === undefined
      ? ["successful calls"]
      : [
          ...(parts.failureIsKind === false ? [] : ["calls that fail"]),
          ...(parts.errorCode === "" ? [] : [`calls that fail with ${parts.errorCode}`]),
        ];
  return {
    outcome,
    caller: [...parts.callerKinds],
    client: [...parts.clientKinds],
    trail: [],
    region: [`calls in ${parts.region}`],
    version: [`event version ${parts.eventVersion} records`],
  };
}

/**
 * A family record; its message is written the first time it is read (JSON patterns read only the record). The record
 * is kept as a copy of `built`: objects built key by key, as the builders do, are often kept by V8 as dictionaries,
 * and every coverage variant copies its base record (a dictionary copies four times slower).
 */
export function familyRecord(
  id: string,
  subject: string,
  built: JsonObject,
  kindsByAspect: Record<KindAspect, string[]>,
): FamilyRecord {
  const record = { ...built };
  let message: string | undefined;
  return {
    id,
    eventName: typeof record.eventName === "string" ? record.eventName : "",
    subject,
    kinds: KIND_ASPECTS.flatMap((aspect) => kindsByAspect[aspect]),
    kindsByAspect,
    record,
    get message(): string {
      message ??= JSON.stringify(record);
      return message;
    },
  };
}
