/**
 * What every synthetic record shares: the account, the event versions and regions records rotate through, stable
 * ids and times, and the version-dependent fields (CloudTrail user guide, "CloudTrail record contents":
 * managementEvent since 1.06, eventCategory since 1.07, tlsDetails since 1.08, sessionCredentialFromConsole since
 * 1.09). Deterministic: no randomness.
 */
import { orderedObject } from "./json";
import type { JsonObject } from "./json";

/** The account every record is in (a documentation example id). */
export const ACCOUNT_ID = "111122223333";

/** Event versions CloudTrail has written for management events, oldest first. */
export const EVENT_VERSIONS: readonly string[] = ["1.05", "1.06", "1.07", "1.08", "1.09", "1.10", "1.11"];

export interface Region {
  readonly name: string;
  readonly partition: string;
  readonly dnsSuffix: string;
}

/** Regions of the families, with their partition. */
export const REGIONS: readonly Region[] = [
  { name: "us-east-1", partition: "aws", dnsSuffix: "amazonaws.com" },
  { name: "eu-west-1", partition: "aws", dnsSuffix: "amazonaws.com" },
  { name: "ap-southeast-2", partition: "aws", dnsSuffix: "amazonaws.com" },
  { name: "us-gov-west-1", partition: "aws-us-gov", dnsSuffix: "amazonaws.com" },
  { name: "cn-north-1", partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" },
];

/** The region of a name: a known one, else the commercial partition's. */
export function regionNamed(name: string): Region {
  return REGIONS.find((region) => region.name === name) ?? { name, partition: "aws", dnsSuffix: "amazonaws.com" };
}

export function versionAtLeast(version: string, minimum: string): boolean {
  return Number(version) >= Number(minimum);
}

/** A deterministic UUID-shaped id from a number (Knuth multiplicative hashing, no randomness). */
export function deterministicUuid(seed: number): string {
  const a = (Math.imul(seed + 1, 2654435761) >>> 0).toString(16).padStart(8, "0");
  const b = (Math.imul(seed + 7, 2246822519) >>> 0).toString(16).padStart(8, "0");
  const c = (Math.imul(seed + 13, 3266489917) >>> 0).toString(16).padStart(8, "0");
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${a}`;
}

/** The event time of the n-th record: minutes apart from a fixed start. */
export function eventTimeOf(index: number, offsetMinutes = 0): string {
  const start = Date.UTC(2026, 0, 15, 9, 0, 0);
  return new Date(start + (index * 7 + offsetMinutes) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The TLS details of a call to `host` (since event version 1.08), alternating TLS 1.3 and 1.2 by `index`. */
export function tlsDetails(index: number, host: string): JsonObject {
  const tls13 = index % 2 === 0;
  return orderedObject([
    ["tlsVersion", tls13 ? "TLSv1.3" : "TLSv1.2"],
    ["cipherSuite", tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256"],
    ["clientProvidedHostHeader", host],
  ]);
}
