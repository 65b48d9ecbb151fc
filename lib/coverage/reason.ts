/**
 * Miss groups and the reason line. A group is the records of some events missed for one reason: the kinds of
 * call, and the clause to blame (or "no clause matches"). Groups about the same clause and kinds merge, then those
 * about the same clause and events; the reason shows the first few as sentences, e.g.
 * "misses CreateTrail, ... and StopLogging calls that fail, because of `$.errorCode NOT EXISTS`".
 */
import type { Blame } from "./blame";
import { blameKey } from "./blame";
import type { BroaderThanRequired, CoverageVerdict, MissedEvent } from "./types";

/** The kind that stands for every record of an event. */
export const ALL_CALLS = "all calls";
const MAX_GROUPS_IN_REASON = 3;
const MAX_KINDS_IN_REASON = 3;

/** Events missed for one reason: the kinds of call, and the clause to blame (or "no clause matches"). */
export interface MissGroup {
  readonly events: string[];
  readonly kinds: string[];
  readonly blame: Blame;
}

/** How a family's subjects read in a reason (lib/cloudtrail family-types.ts). */
export interface SubjectWords {
  readonly subjectStyle: "eventName" | "label";
  /** Per subject, a sentence a reason adds when it misses the subject. */
  readonly notes: Readonly<Record<string, string>>;
}

export function missesVerdict(
  groups: readonly MissGroup[],
  broader: BroaderThanRequired,
  words: SubjectWords,
): CoverageVerdict {
  const perEvent = new Map<string, string[]>();
  for (const group of groups) {
    for (const event of group.events) {
      const kinds = perEvent.get(event) ?? [];
      for (const kind of group.kinds) if (!kinds.includes(kind)) kinds.push(kind);
      perEvent.set(event, kinds);
    }
  }
  const missed: MissedEvent[] = [...perEvent].map(([eventName, kinds]) => ({
    eventName,
    kinds: kinds.includes(ALL_CALLS) ? [ALL_CALLS] : kinds,
  }));
  const shown = formatGroups(groups.slice(0, MAX_GROUPS_IN_REASON), words);
  if (groups.length > MAX_GROUPS_IN_REASON) shown.push(`and ${groups.length - MAX_GROUPS_IN_REASON} more`);
  return withBroader({ verdict: "misses", missed, reason: shown.join("; ") }, broader);
}

export function withBroader<T extends CoverageVerdict>(verdict: T, broader: BroaderThanRequired): T {
  return broader.matched > 0 ? { ...verdict, broaderThanRequired: broader } : verdict;
}

/**
 * The groups as sentences; a group about the same events as the one before, for another clause, continues its
 * sentence: `misses A and B calls that fail, because of `x`, and calls by the root user, because of `y``.
 */
function formatGroups(groups: readonly MissGroup[], words: SubjectWords): string[] {
  const sentences: string[] = [];
  groups.forEach((group, index) => {
    const previous = groups[index - 1];
    const continues =
      previous !== undefined &&
      previous.events.join("\n") === group.events.join("\n") &&
      [previous, group].every((g) => g.blame.kind === "clauses" && !g.kinds.includes(ALL_CALLS));
    if (continues) sentences[sentences.length - 1] += `, and ${whatAndWhy(group)}`;
    else sentences.push(formatGroup(group, words));
  });
  return sentences;
}

/** `calls that fail, because of `x``: the kinds and the blame of a group, without its events. */
function whatAndWhy(group: MissGroup): string {
  const clauses = group.blame.kind === "clauses" ? group.blame.clauses : [];
  return `${joinWords(limitKinds(group.kinds))}, because of ${clauses.map((clause) => `\`${clause}\``).join(" and ")}`;
}

/**
 * One group as words:
 * - `misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `...`)`
 * - `misses all CreateTrail calls, because of `$.eventName = UpdateTrail``
 * - `misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS``
 * - `misses failed ConsoleLogin calls by IAM users outside us-east-1, because of `$.awsRegion = us-east-1``
 * A subject with a note (why the control counts that call) gets it in parentheses.
 */
function formatGroup(group: MissGroup, words: SubjectWords): string {
  const allCalls = group.kinds.includes(ALL_CALLS);
  const noted = group.events.filter((event) => words.notes[event] !== undefined);
  const notes = noted.map((event) => ` (${event}: ${words.notes[event]})`).join("");
  if (words.subjectStyle === "label") {
    const labels = joinLabels(group.events);
    const what = allCalls ? `all ${labels}` : withKinds(labels, limitKinds(group.kinds));
    if (group.blame.kind === "noClauseForEvent") {
      return `misses ${what}: no clause matches their eventName${group.blame.hint ? ` (${group.blame.hint})` : ""}${notes}`;
    }
    return `misses ${what}, because of ${group.blame.clauses.map((clause) => `\`${clause}\``).join(" and ")}${notes}`;
  }
  const events = joinWords(group.events);
  const what = allCalls ? `all ${events} calls` : `${events} ${joinWords(limitKinds(group.kinds))}`;
  if (group.blame.kind === "noClauseForEvent") {
    const subject = group.events.length === 1 ? `eventName ${events}` : "their eventName";
    return `misses ${what}: no clause matches ${subject}${group.blame.hint ? ` (${group.blame.hint})` : ""}${notes}`;
  }
  return `misses ${what}, because of ${group.blame.clauses.map((clause) => `\`${clause}\``).join(" and ")}${notes}`;
}

/**
 * Labels joined, their shared words said once: `root calls to iam.amazonaws.com and s3.amazonaws.com`,
 * `calls failing with AccessDenied and AccessDeniedException`.
 */
function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join("");
  const split = labels.map((label) => label.split(" "));
  const head = split[0].slice(0, -1).join(" ");
  const sameHead = split.every((words) => words.length === split[0].length && words.slice(0, -1).join(" ") === head);
  return sameHead && head !== ""
    ? `${head} ${joinWords(split.map((words) => words[words.length - 1]))}`
    : joinWords(labels);
}

/**
 * A label narrowed by the kinds of call missed: one kind reads as part of the label (`... that fail`, `... outside
 * us-east-1`, `successful ...`), several follow a colon.
 */
function withKinds(label: string, kinds: readonly string[]): string {
  if (kinds.length !== 1) return `${label}: ${joinWords(kinds)}`;
  const kind = kinds[0];
  if (kind.startsWith("calls ")) return `${label}${kind.slice("calls".length)}`;
  if (kind.endsWith(" calls")) return `${kind.slice(0, -" calls".length)} ${label}`;
  return `${label} (${kind})`;
}

function limitKinds(kinds: readonly string[]): string[] {
  if (kinds.length <= MAX_KINDS_IN_REASON) return [...kinds];
  const more = kinds.length - MAX_KINDS_IN_REASON;
  return [...kinds.slice(0, MAX_KINDS_IN_REASON), `${more} more ${more === 1 ? "kind" : "kinds"}`];
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Merges groups with the same blame and kinds, then those with the same blame and events, keeping order. */
export function mergeGroups(groups: readonly MissGroup[]): MissGroup[] {
  const byKinds = mergeBy(
    groups,
    (g) => `${blameKey(g.blame)}|${g.kinds.join("|")}`,
    (a, b) => ({
      ...a,
      events: union(a.events, b.events),
    }),
  );
  return mergeBy(
    byKinds,
    (g) => `${blameKey(g.blame)}|${g.events.join("|")}`,
    (a, b) => ({
      ...a,
      kinds: union(a.kinds, b.kinds),
    }),
  );
}

function mergeBy(
  groups: readonly MissGroup[],
  key: (g: MissGroup) => string,
  merge: (a: MissGroup, b: MissGroup) => MissGroup,
): MissGroup[] {
  const merged = new Map<string, MissGroup>();
  for (const group of groups) {
    const k = key(group);
    const existing = merged.get(k);
    merged.set(k, existing ? merge(existing, group) : group);
  }
  return [...merged.values()];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...b.filter((item) => !a.includes(item))];
}

/** Groups in the order of the required event names, so merged groups list events in that order. */
export function orderByEvents(groups: readonly MissGroup[], eventNames: readonly string[]): MissGroup[] {
  return [...groups].sort((a, b) => eventNames.indexOf(a.events[0]) - eventNames.indexOf(b.events[0]));
}
