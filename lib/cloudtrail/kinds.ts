/**
 * Kinds of call, as the coverage judgment names them to a user: which record field tells which kinds apart,
 * and the words for "every call but this kind" and for short lists of kinds.
 */

/**
 * What tells kinds of call apart: the outcome (`successful calls`, `calls that fail with AccessDenied`), the
 * caller (`calls by an assumed role`), the client (`console calls`), how the trail is named (`calls that name
 * the trail by ARN`), the region (`calls in eu-west-1`) and the event version (`event version 1.08 records`).
 */
export type KindAspect = "outcome" | "caller" | "client" | "trail" | "region" | "version";

/** Every aspect, in the order a record lists its kinds. */
export const KIND_ASPECTS: readonly KindAspect[] = ["outcome", "caller", "client", "trail", "region", "version"];

/** The aspects a top-level field (or the fields below it) tells apart; fields not listed tell none apart. */
const ASPECTS_BY_FIELD: ReadonlyMap<string, readonly KindAspect[]> = new Map<string, readonly KindAspect[]>([
  ["userIdentity", ["caller"]],
  ["sourceIPAddress", ["caller"]],
  ["errorCode", ["outcome"]],
  ["errorMessage", ["outcome"]],
  ["responseElements", ["outcome"]],
  ["awsRegion", ["region"]],
  ["eventVersion", ["version"]],
  ["managementEvent", ["version"]],
  ["eventCategory", ["version"]],
  ["tlsDetails", ["version", "caller"]],
  ["userAgent", ["client"]],
  ["sessionCredentialFromConsole", ["client", "version"]],
]);

/**
 * The aspects whose kinds the field at `path` tells apart, e.g. `userIdentity.type` → caller, `errorCode` →
 * outcome, `awsRegion` → region, `requestParameters.name` → trail. Empty when the field tells no kinds apart
 * (then naming missed calls by any family kind would name an incidental one).
 */
export function aspectsOfPath(path: readonly string[]): readonly KindAspect[] {
  if (path.length === 0) return [];
  if (path[0] === "requestParameters") return path.length === 2 && path[1] === "name" ? ["trail"] : [];
  if (path[0] === "tlsDetails" && path[1] === "clientProvidedHostHeader") return ["region"];
  return ASPECTS_BY_FIELD.get(path[0]) ?? [];
}

/**
 * Words for every call except those of `kind` (the kind's aspect split the calls in two), e.g.
 * `calls by an IAM user` → `calls by any caller other than an IAM user`, `calls in us-east-1` →
 * `calls outside us-east-1`.
 */
export function complementOfKind(kind: string): string {
  const rules: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
    [/^calls by (.+)$/, (m) => `calls by any caller other than ${m[1]}`],
    [/^calls in (.+)$/, (m) => `calls outside ${m[1]}`],
    [/^event version (.+) records$/, (m) => `records of event versions other than ${m[1]}`],
    [/^calls that fail with (.+)$/, (m) => `calls that do not fail with ${m[1]}`],
    [/^successful calls$/, () => "calls that fail"],
    [/^calls that fail$/, () => "successful calls"],
  ];
  for (const [pattern, words] of rules) {
    const match = pattern.exec(kind);
    if (match) return words(match);
  }
  return `calls other than ${kind}`;
}

/** Whether the complement of `kind` names a set of callers (then examples of them help the reader). */
export function complementNamesCallers(kind: string): boolean {
  return kind.startsWith("calls by ");
}

const CALLER_PREFIX = "calls by ";

/**
 * A short list of kinds for a parenthesis: when every kind is a `calls by ...` kind, the prefix is written once
 * (or not at all, with `dropCallerPrefix`) and the callers are made plural: `calls by the root user, assumed
 * roles, AWS services`. Otherwise the kinds as they are, comma-separated.
 */
export function shortKindList(kinds: readonly string[], dropCallerPrefix: boolean): string {
  if (kinds.length === 0 || !kinds.every((kind) => kind.startsWith(CALLER_PREFIX))) return kinds.join(", ");
  const callers = kinds.map((kind) => pluralCaller(kind.slice(CALLER_PREFIX.length))).join(", ");
  return dropCallerPrefix ? callers : `${CALLER_PREFIX}${callers}`;
}

/** `an assumed role` → `assumed roles`, `a role (userIdentity type Role)` → `roles (userIdentity type Role)`; `the root user` stays. */
export function pluralCaller(caller: string): string {
  const match = /^an? ([^(]+?)( \(.*\))?$/.exec(caller);
  if (!match) return caller;
  const noun = match[1];
  const plural = /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `${plural}${match[2] ?? ""}`;
}
