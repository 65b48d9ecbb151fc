/**
 * The family's definite misses as groups, by subject (an event name, or a label such as `root calls to
 * s3.amazonaws.com`). A subject none of whose records match is missed for the clauses its sampled records blame.
 * Otherwise each missed record is put down to the clauses that are false for it; each clause then gets one group,
 * over every subject it narrows, naming the missed calls by the field the clause tests.
 */
import type { FamilyRecord } from "../cloudtrail";
import { blameFor, combineBlames } from "./blame";
import type { JudgeContext } from "./context";
import { CulpritCache } from "./culprits";
import type { Culprit, CulpritMisses } from "./culprits";
import { describeMisses, sampleCount } from "./describe";
import { ALL_CALLS, mergeGroups, orderByEvents } from "./reason";
import type { MissGroup } from "./reason";

export function familyMissGroups(context: JudgeContext, misses: readonly FamilyRecord[]): MissGroup[] {
  const missedRecords = new Set(misses);
  const culprits = new CulpritCache(context, missedRecords);
  const groups: MissGroup[] = [];
  const byClause = new Map<string, CulpritMisses>();
  for (const subject of context.family.subjects) {
    const records = context.family.positives.filter((record) => record.subject === subject);
    const missed = records.filter((record) => missedRecords.has(record));
    if (missed.length === 0) continue;
    if (missed.length === records.length) {
      const blames = sampleMisses(records, missedRecords).map((record) =>
        blameFor(context, record),
      );
      groups.push({ events: [subject], kinds: [ALL_CALLS], blame: combineBlames(blames) });
      continue;
    }
    const { attribution, rest } = attributeMisses(culprits, missed);
    // Calls no clause comes close for (a term pattern none of whose required terms they hold): named by example,
    // blamed as a wholly missed call would be, never described by the words of a clause that is true for them.
    if (rest.length > 0) {
      const kinds = [sampleCount(rest[0], rest.length, records.length)];
      groups.push({ events: [subject], kinds, blame: blameFor(context, rest[0]) });
    }
    for (const [culprit, accounted] of attribution) {
      const entry = byClause.get(culprit.key) ?? { culprit, events: [], records: [], missed: new Set<FamilyRecord>() };
      entry.events.push(subject);
      entry.records.push(...records);
      for (const record of accounted) entry.missed.add(record);
      byClause.set(culprit.key, entry);
    }
  }
  for (const entry of [...byClause.values()].sort((a, b) => a.culprit.position - b.culprit.position)) {
    groups.push({
      events: entry.events,
      kinds: describeMisses(context, entry),
      blame: { kind: "clauses", clauses: [entry.culprit.text] },
    });
  }
  return mergeGroups(orderByEvents(groups, context.family.subjects));
}

/** Up to three missed records spread over the event's records, to find every clause to blame. */
function sampleMisses(records: readonly FamilyRecord[], missed: ReadonlySet<FamilyRecord>): FamilyRecord[] {
  const list = records.filter((record) => missed.has(record));
  const picks = [0, Math.floor(list.length / 2), list.length - 1];
  return [...new Set(picks.map((index) => list[index]))];
}

/**
 * Which clause accounts for which missed record of one event: the clauses sampled records blame, plus those of
 * each record none of the clauses found so far accounts for (a record is never put down to a clause that is true
 * for it: `$.userIdentity.type != Root` does not miss a federated user's call). `rest`: the records no clause
 * accounts for (no clause comes close for them), in the event's order.
 */
function attributeMisses(
  culprits: CulpritCache,
  missed: readonly FamilyRecord[],
): { attribution: Map<Culprit, FamilyRecord[]>; rest: FamilyRecord[] } {
  const found: Culprit[] = [];
  const add = (record: FamilyRecord): void => {
    for (const culprit of culprits.of(record)) if (!found.includes(culprit)) found.push(culprit);
  };
  const accounted = (record: FamilyRecord): boolean => found.some((culprit) => culprit.fails(record));
  sampleMisses(missed, new Set(missed)).forEach(add);
  for (const record of missed) if (!accounted(record)) add(record);
  const attribution = new Map<Culprit, FamilyRecord[]>();
  for (const culprit of found) {
    const records = missed.filter((record) => culprit.fails(record));
    if (records.length > 0) attribution.set(culprit, records);
  }
  return { attribution, rest: missed.filter((record) => !accounted(record)) };
}
