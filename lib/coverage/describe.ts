/**
 * The kinds of missed calls in words, by the field the blamed clause tests (never by an incidental kind):
 * 1. the family kinds that field tells apart and that the clause misses entirely, when they are exactly the
 *    missed calls: listed if few (`calls that fail`); when many, as all calls but the one kind matched
 *    (`calls by any caller other than an IAM user (the root user, assumed roles, AWS services, ...)`,
 *    `calls outside us-east-1`), else the clause's own words with the first kinds;
 * 2. else the clause's own words (`calls whose userAgent contains "console"`), with examples of kinds it misses;
 * 3. else the values the missed calls hold in the tested fields, or a count.
 */
import { aspectsOfPath, complementNamesCallers, complementOfKind, getAtPath, shortKindList } from "../cloudtrail";
import type { FamilyRecord, JsonValue, KindAspect } from "../cloudtrail";
import type { JudgeContext } from "./context";
import type { CulpritMisses } from "./culprits";
import { kindOrder } from "./family-cache";

/** How many kinds a reason lists before it names them otherwise. */
const MAX_LISTED_KINDS = 3;
/** How many kinds follow an "e.g.". */
const MAX_EXAMPLE_KINDS = 2;
/** The share of a kind's records (2/3) that must be missed for the kind to serve as an example of the missed calls. */
const MOSTLY_NUMERATOR = 2;
const MOSTLY_DENOMINATOR = 3;

export function describeMisses(context: JudgeContext, entry: CulpritMisses): string[] {
  const { culprit, records, missed } = entry;
  const paths = culprit.paths(records, missed);
  const aspects = [...new Set(paths.flatMap((path) => aspectsOfPath(path)))];
  const members = kindMembers(records, aspects);
  const order = kindOrder(context.family);
  const cover = coverByFullKinds(members, missed);
  const chosen = [...cover.chosen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const more = chosen.length > MAX_LISTED_KINDS ? ", ..." : "";
  // The clause's words describe the missed calls only if every call the clause rejects is missed (an `||`
  // elsewhere may let some through); they are drawn from the missed calls, to hold for each of them.
  const missedRecords = records.filter((record) => missed.has(record));
  const exact = records.every((record) => missed.has(record) || !culprit.fails(record));
  const phrase = exact ? culprit.phrase?.(missedRecords) : undefined;
  if (chosen.length > 0 && cover.uncovered === 0) {
    const matchedKind = chosen.length >= MAX_LISTED_KINDS ? soleMatchedKind(members, records, missed) : undefined;
    if (matchedKind !== undefined) {
      const examples = complementNamesCallers(matchedKind)
        ? ` (${shortKindList(chosen.slice(0, MAX_LISTED_KINDS), true)}${more})`
        : "";
      return [`${complementOfKind(matchedKind)}${examples}`];
    }
    if (chosen.length <= MAX_LISTED_KINDS) return chosen;
    if (phrase) return [`${phrase} (${shortKindList(chosen.slice(0, MAX_LISTED_KINDS), false)}${more})`];
    return chosen;
  }
  if (phrase) {
    // Examples: kinds missed entirely; else, when the clause tells apart one aspect only, kinds mostly missed.
    const examples = chosen.length > 0 ? chosen : aspects.length === 1 ? mostlyMissedKinds(members, missed) : [];
    return [
      examples.length > 0 ? `${phrase} (e.g. ${shortKindList(examples.slice(0, MAX_EXAMPLE_KINDS), false)})` : phrase,
    ];
  }
  const byValue = describeByValues(paths, missedRecords);
  if (byValue.length > 0 && byValue.length <= MAX_LISTED_KINDS) return byValue;
  return [
    sampleCount(
      records.find((record) => missed.has(record)),
      missed.size,
      records.length,
      entry.events.length,
    ),
  ];
}

/** `calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (23 of its 45 sample calls)`: when no words fit. */
export function sampleCount(example: FamilyRecord | undefined, missed: number, total: number, events = 1): string {
  return `calls such as ${example?.id ?? "none"} (${missed} of ${events > 1 ? "their" : "its"} ${total} sample calls)`;
}

/** The records of each kind of the given aspects. */
function kindMembers(records: readonly FamilyRecord[], aspects: readonly KindAspect[]): Map<string, FamilyRecord[]> {
  const members = new Map<string, FamilyRecord[]>();
  for (const record of records) {
    for (const aspect of aspects) {
      for (const kind of record.kindsByAspect[aspect]) {
        const list = members.get(kind);
        if (list) list.push(record);
        else members.set(kind, [record]);
      }
    }
  }
  return members;
}

/** A greedy cover of the missed records by kinds ALL of whose records are missed, largest first. */
function coverByFullKinds(
  members: ReadonlyMap<string, readonly FamilyRecord[]>,
  missed: ReadonlySet<FamilyRecord>,
): { chosen: string[]; uncovered: number } {
  const full = [...members].filter(([, list]) => list.every((record) => missed.has(record)));
  const uncovered = new Set(missed);
  const chosen: string[] = [];
  for (;;) {
    let best: { kind: string; gain: number } | undefined;
    for (const [kind, list] of full) {
      const gain = list.filter((record) => uncovered.has(record)).length;
      if (gain > 0 && (!best || gain > best.gain)) best = { kind, gain };
    }
    if (!best) break;
    chosen.push(best.kind);
    for (const record of members.get(best.kind) ?? []) uncovered.delete(record);
  }
  return { chosen, uncovered: uncovered.size };
}

/** The one kind whose records are exactly the records the clause lets through, if there is one. */
function soleMatchedKind(
  members: ReadonlyMap<string, readonly FamilyRecord[]>,
  records: readonly FamilyRecord[],
  missed: ReadonlySet<FamilyRecord>,
): string | undefined {
  const matched = records.length - missed.size;
  for (const [kind, list] of members) {
    if (list.length === matched && list.every((record) => !missed.has(record))) return kind;
  }
  return undefined;
}

/** Kinds most of whose records are missed, most missed first: examples when no kind is missed entirely. */
function mostlyMissedKinds(
  members: ReadonlyMap<string, readonly FamilyRecord[]>,
  missed: ReadonlySet<FamilyRecord>,
): string[] {
  return [...members]
    .map(([kind, list]) => ({
      kind,
      missedCount: list.filter((record) => missed.has(record)).length,
      size: list.length,
    }))
    .filter((entry) => entry.missedCount * MOSTLY_DENOMINATOR >= entry.size * MOSTLY_NUMERATOR)
    .map((entry) => ({ kind: entry.kind, share: entry.missedCount / entry.size }))
    .sort((a, b) => b.share - a.share)
    .map((entry) => entry.kind);
}

/** `calls whose requestParameters.name is "org-audit"`, from the values the missed records hold at `paths`. */
function describeByValues(paths: readonly string[][], missed: readonly FamilyRecord[]): string[] {
  const descriptions: string[] = [];
  for (const path of paths) {
    for (const record of missed) {
      const description = describeValue(path, getAtPath(record.record, path));
      if (!descriptions.includes(description)) descriptions.push(description);
    }
  }
  return descriptions;
}

export function describeValue(path: readonly string[], value: JsonValue | undefined): string {
  return describeLabelled(path.join("."), value);
}

/** `describeValue` for a field named by `label` as written (`resources[0].ARN`). */
export function describeLabelled(label: string, value: JsonValue | undefined): string {
  if (value === undefined) return `calls without ${label}`;
  if (value === null) return `calls whose ${label} is null`;
  if (typeof value === "string") return `calls whose ${label} is ${JSON.stringify(value)}`;
  if (typeof value === "object") return `calls whose ${label} is ${containerWords(value)}`;
  return `calls whose ${label} is ${String(value)}`;
}

/** An array or object in words, saying when it is empty (`{}`: a selector below it reaches nothing). */
function containerWords(value: readonly JsonValue[] | { readonly [key: string]: JsonValue }): string {
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  return Object.keys(value).length === 0 ? "an empty object" : "an object";
}
