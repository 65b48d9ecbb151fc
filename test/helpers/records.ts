/** Reading the CloudTrail records the pack builds, in tests. */
import type { JsonObject } from "../../lib/cloudtrail";

/** A record's string field, or "" when it holds none. */
export const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The record a log event message holds, or undefined for a line that is not JSON (a negative control's). */
export function recordOf(message: string): JsonObject | undefined {
  try {
    return JSON.parse(message) as JsonObject;
  } catch {
    return undefined;
  }
}
