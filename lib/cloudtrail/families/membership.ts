/**
 * Whether a record belongs to a control's target set (lib/controls/types.ts `TargetSet`), is one a filter may count
 * or not (`exempt`), or neither. Variants of target records that leave the set prove nothing, and routine records
 * inside the set are no reason to fail a pattern.
 */
import type { TargetSet } from "../../controls/types";
import { getAtPath } from "../json";
import type { JsonObject } from "../json";
import type { Membership } from "../family-types";

/** `*X` (ends with X), `X*` (starts with X), `*X*` (contains X) or X itself, as the target set writes them. */
export function matchesWildcard(value: string, pattern: string): boolean {
  const starts = pattern.startsWith("*");
  const ends = pattern.endsWith("*") && pattern.length > 1;
  const core = pattern.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return value.includes(core);
  if (starts) return value.endsWith(core);
  if (ends) return value.startsWith(core);
  return value === core;
}

/** The membership test of a target set. */
export function membershipOf(target: TargetSet): (record: JsonObject) => Membership {
  switch (target.kind) {
    case "apiCalls":
      return (record) => {
        if (record.eventSource !== target.eventSource || typeof record.eventName !== "string") return "outside";
        if (target.eventNames.includes(record.eventName)) {
          return target.optionalEventNames?.includes(record.eventName) ? "exempt" : "target";
        }
        return "outside";
      };
    case "consoleSignIn":
      return (record) => {
        if (record.eventSource !== "signin.amazonaws.com" || record.eventName !== "ConsoleLogin") return "outside";
        const type = getAtPath(record, ["userIdentity", "type"]);
        if (typeof type !== "string" || !target.identityTypes.includes(type)) return "outside";
        if (target.outcome === "failure") return record.errorMessage === "Failed authentication" ? "target" : "outside";
        if (getAtPath(record, ["responseElements", "ConsoleLogin"]) !== "Success") return "outside";
        const mfa = getAtPath(record, ["additionalEventData", "MFAUsed"]);
        return target.mfaUsed === undefined || mfa === target.mfaUsed ? "target" : "outside";
      };
    case "rootActivity":
      return (record) =>
        getAtPath(record, ["userIdentity", "type"]) === "Root" &&
        getAtPath(record, ["userIdentity", "invokedBy"]) === undefined &&
        record.eventType !== "AwsServiceEvent"
          ? "target"
          : "outside";
    case "failedAuthorization":
      return (record) => {
        const code = record.errorCode;
        if (typeof code !== "string" || !target.errorCodePatterns.some((pattern) => matchesWildcard(code, pattern)))
          return "outside";
        const exempt = Object.entries(target.exempt).some(([field, values]) => {
          const value = getAtPath(record, field.split("."));
          return typeof value === "string" && values.includes(value);
        });
        return exempt ? "exempt" : "target";
      };
  }
}
