/**
 * The coverage judgment: does a metric-filter pattern catch every required API call?
 *
 * 1. Parse the pattern; a pattern AWS would reject is `invalid`.
 * 2. Evaluate it against every record of the CloudTrail event family (lib/cloudtrail): an event is covered
 *    only if ALL its records match. A record that does not match is a definite miss.
 * 3. If the family is fully matched, look for narrowing the family cannot show (literal-driven adversarial
 *    variants): for every field the pattern tests that varies between real calls, set it, in a few family
 *    records, to each value the pattern compares it with (wildcards expanded), to realistic values the family
 *    lacks, and to absent or null where CloudTrail allows it; for term and regex patterns, slip excluded words
 *    into caller-chosen text and strip required words from fields that vary. A variant that no longer matches
 *    proves the pattern misses real calls.
 * 4. Otherwise a record the evaluator cannot decide makes the verdict `indeterminate`; else `covers`.
 *
 * Negative controls never change the verdict (a broader pattern is acceptable); how many matched is reported
 * in `broaderThanRequired`. Every `misses` reason names the events, the kinds of call, and the clause to blame.
 * The kinds are named by the field the blamed clause tests (callers for `userIdentity.*`, outcomes for
 * `errorCode`, regions for `awsRegion`, ...; see `aspectsOfPath`), or in the clause's own words; events missed
 * for the same clause in the same way share one group: "misses CreateTrail, ... and StopLogging calls by any
 * caller other than an IAM user (the root user, assumed roles, AWS services, ...), because of `...`".
 */
import {
  aspectsOfPath,
  buildEventFamily,
  CALLER_CHOSEN_TEXT,
  complementNamesCallers,
  complementOfKind,
  EventFamily,
  FamilyRecord,
  fieldSpecOf,
  getAtPath,
  isInvariantPath,
  isJsonObject,
  JsonObject,
  JsonValue,
  rewriteVaryingStrings,
  setAtPath,
  shortKindList,
  stringLeaves,
} from "../cloudtrail";
import type { FieldSpec, KindAspect } from "../cloudtrail";
import type {
  ComparisonOperator,
  FilterPattern,
  MatchOutcome,
  JsonCondition,
  JsonExpression,
  JsonPattern,
  Span,
  Term,
  TermPattern,
  Value,
} from "./ast";
import type { BroaderThanRequired, CoverageVerdict, MissedEvent } from "./coverage-types";
import { evaluateJsonPattern, evaluatePattern, evaluatePatternOnJson, parseEventJson, readWildcard } from "./evaluate";
import type { EventJson } from "./evaluate";
import { parseFilterPattern } from "./parser";

/** Tuning of the judgment; every field has a default. */
export interface CoverageOptions {
  /** The eventSource of the required calls. Default `cloudtrail.amazonaws.com`. */
  readonly eventSource?: string;
  /**
   * The most adversarial variants evaluated per judgment (bounds the time). Default: 4000 divided by the number
   * of conditions in the pattern, between 60 and 400.
   */
  readonly maxVariantEvaluations?: number;
}

const DEFAULT_EVENT_SOURCE = "cloudtrail.amazonaws.com";
/** Condition evaluations the variants may spend by default: long patterns get fewer variants. */
const VARIANT_CONDITION_BUDGET = 4000;
const MIN_VARIANT_BUDGET = 60;
const MAX_VARIANT_BUDGET = 400;
const ALL_CALLS = "all calls";
const MAX_GROUPS_IN_REASON = 3;
const MAX_KINDS_IN_REASON = 3;
const MAX_CLAUSE_LENGTH = 90;

/**
 * Judges whether `patternText` matches every required API call, over the CloudTrail event family for
 * `requiredEventNames`. Never throws.
 */
export function judgeCoverage(
  patternText: string,
  requiredEventNames: readonly string[],
  options: CoverageOptions = {},
): CoverageVerdict {
  const parsed = parseFilterPattern(patternText);
  if (!parsed.ok) return { verdict: "invalid", error: parsed.error };
  const family = familyFor(options.eventSource ?? DEFAULT_EVENT_SOURCE, requiredEventNames);
  const context: JudgeContext = { pattern: parsed.pattern, text: patternText, family, evaluator: recordEvaluator(parsed.pattern) };

  const outcomes = family.positives.map((record) => ({ record, outcome: context.evaluator.evaluateBase(record) }));
  const broader = broaderThanRequired(context);
  const misses = outcomes.filter((entry) => entry.outcome.outcome === "noMatch").map((entry) => entry.record);
  if (misses.length > 0) return missesVerdict(familyMissGroups(context, misses), broader);

  const matched = outcomes.filter((entry) => entry.outcome.outcome === "match").map((entry) => entry.record);
  const narrowing = findNarrowing(context, matched, options.maxVariantEvaluations ?? defaultVariantBudget(parsed.pattern));
  if (narrowing.length > 0) return missesVerdict(narrowing, broader);

  const undecided = outcomes.find((entry) => entry.outcome.outcome === "indeterminate");
  if (undecided && undecided.outcome.outcome === "indeterminate") {
    return {
      verdict: "indeterminate",
      reason: `cannot tell whether the pattern matches ${undecided.record.eventName} calls: ${undecided.outcome.reason}`,
    };
  }
  return withBroader({ verdict: "covers" }, broader);
}

function defaultVariantBudget(pattern: FilterPattern): number {
  const size = pattern.kind === "json" ? conditionsOf(pattern.expression).length : pattern.kind === "terms" ? pattern.terms.length : 1;
  return Math.min(MAX_VARIANT_BUDGET, Math.max(MIN_VARIANT_BUDGET, Math.floor(VARIANT_CONDITION_BUDGET / Math.max(1, size))));
}

interface JudgeContext {
  readonly pattern: FilterPattern;
  readonly text: string;
  readonly family: EventFamily;
  readonly evaluator: RecordEvaluator;
}

/**
 * Evaluates the pattern against family records and their variants, as the JSON values they are (never serialised
 * and parsed back). A variant is evaluated only if the pattern can see a difference from its base record: for a
 * JSON pattern whose selectors are all plain key paths (`$.a.b`), the outcome depends only on the values at those
 * paths (a selector resolves by walking keys; anything off the path is never read), so only those values are
 * compared; for any other pattern, the whole record is.
 */
interface RecordEvaluator {
  /** The outcome for a family record. */
  readonly evaluateBase: (base: FamilyRecord) => MatchOutcome;
  /** The outcome for a variant of `base`, or undefined when the pattern sees no difference from `base`. */
  readonly evaluateVariant: (variant: JsonObject, base: FamilyRecord) => MatchOutcome | undefined;
  /** The message blame explains for a record: its projection (a JSON object of just those values), or the full message. */
  readonly messageOf: (record: JsonObject, fullMessage?: string) => string;
}

function recordEvaluator(pattern: FilterPattern): RecordEvaluator {
  const paths = projectionPaths(pattern);
  return {
    evaluateBase: (base) => evaluatePatternOnJson(pattern, base.message, base.record),
    evaluateVariant: pattern.kind === "json" ? jsonVariantEvaluator(pattern, paths) : messageVariantEvaluator(pattern),
    messageOf: (record, fullMessage) => (paths ? JSON.stringify(project(record, paths)) : fullMessage ?? JSON.stringify(record)),
  };
}

function jsonVariantEvaluator(
  pattern: JsonPattern,
  paths: readonly string[][] | undefined,
): RecordEvaluator["evaluateVariant"] {
  const baseValues = new Map<FamilyRecord, (JsonValue | undefined)[]>();
  const valuesOf = (base: FamilyRecord, keyPaths: readonly string[][]): (JsonValue | undefined)[] => {
    let values = baseValues.get(base);
    if (!values) {
      values = keyPaths.map((path) => getAtPath(base.record, path));
      baseValues.set(base, values);
    }
    return values;
  };
  return (variant, base) => {
    const same = paths ? sameAtPaths(variant, valuesOf(base, paths), paths) : sameJson(variant, base.record);
    return same ? undefined : evaluateJsonPattern(pattern, variant);
  };
}

/** Term, regex and delimited patterns read the message: a variant differs when its compact JSON does. */
function messageVariantEvaluator(pattern: FilterPattern): RecordEvaluator["evaluateVariant"] {
  return (variant, base) => {
    const message = JSON.stringify(variant);
    return message === base.message ? undefined : evaluatePatternOnJson(pattern, message, variant);
  };
}

/** Whether a record holds the given values (as compact JSON) at every path: the same projection. */
function sameAtPaths(record: JsonObject, values: readonly (JsonValue | undefined)[], paths: readonly string[][]): boolean {
  for (let i = 0; i < paths.length; i++) {
    const left = getAtPath(record, paths[i]);
    const right = values[i];
    if (left === right) continue;
    if (left === undefined || right === undefined || !sameJson(left, right)) return false;
  }
  return true;
}

/**
 * Whether two JSON values have the same compact JSON text (keys in the same order), without writing it:
 * variants share every untouched subtree with their base, so most comparisons stop at `===`.
 */
function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameArrays(a, b);
  return sameObjects(a as JsonObject, b as JsonObject);
}

function sameArrays(a: readonly JsonValue[], b: readonly JsonValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
  return true;
}

function sameObjects(a: JsonObject, b: JsonObject): boolean {
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== otherKeys[i] || !sameJson(a[key], b[key])) return false;
  }
  return true;
}

/** The key paths of a JSON pattern, shortest first; undefined when a selector has an index or a wildcard. */
function projectionPaths(pattern: FilterPattern): string[][] | undefined {
  if (pattern.kind !== "json") return undefined;
  const paths: string[][] = [];
  for (const condition of conditionsOf(pattern.expression)) {
    const path = keyPath(condition);
    if (!path) return undefined;
    paths.push(path);
  }
  return uniquePaths(paths).sort((a, b) => a.length - b.length);
}

/** A JSON object holding only the values at `paths` (an unreachable path stays absent). Built in place. */
function project(record: JsonObject, paths: readonly string[][]): JsonObject {
  const projection: { [key: string]: JsonValue } = {};
  for (const path of paths) {
    const value = getAtPath(record, path);
    if (value === undefined) continue;
    let node: { [key: string]: JsonValue } = projection;
    let reachable = true;
    for (let i = 0; i < path.length - 1 && reachable; i++) {
      const key = path[i];
      const child = node[key];
      if (child === undefined) node = node[key] = {};
      else if (isJsonObject(child)) node = child as { [key: string]: JsonValue };
      else reachable = false;
    }
    if (reachable) node[path[path.length - 1]] = value;
  }
  return projection;
}

// ---------------------------------------------------------------------------------------------------------------
// The family, built once per (eventSource, event names)

const families = new Map<string, EventFamily>();

/** The event family for a set of required calls, built lazily and kept for the life of the process. */
function familyFor(eventSource: string, eventNames: readonly string[]): EventFamily {
  const key = `${eventSource}\n${eventNames.join("\n")}`;
  let family = families.get(key);
  if (!family) {
    family = buildEventFamily({ eventSource, eventNames });
    families.set(key, family);
  }
  return family;
}

const negativeJson = new WeakMap<EventFamily, readonly (EventJson | undefined)[]>();

/** The family's negative controls read as JSON (undefined: not JSON), once per family. */
function parsedNegatives(family: EventFamily): readonly (EventJson | undefined)[] {
  let parsed = negativeJson.get(family);
  if (!parsed) {
    parsed = family.negatives.map((control) => parseEventJson(control.message));
    negativeJson.set(family, parsed);
  }
  return parsed;
}

function broaderThanRequired(context: JudgeContext): BroaderThanRequired {
  const parsed = parsedNegatives(context.family);
  const matched = context.family.negatives.filter(
    (control, index) => evaluatePatternOnJson(context.pattern, control.message, parsed[index]).outcome === "match",
  );
  return {
    matched: matched.length,
    of: context.family.negatives.length,
    examples: matched.slice(0, 3).map((control) => control.description),
  };
}

function withBroader<T extends CoverageVerdict>(verdict: T, broader: BroaderThanRequired): T {
  return broader.matched > 0 ? { ...verdict, broaderThanRequired: broader } : verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Miss groups and the reason line

/** Events missed for one reason: the kinds of call, and the clause to blame (or "no clause matches"). */
interface MissGroup {
  readonly events: string[];
  readonly kinds: string[];
  readonly blame: Blame;
}

type Blame =
  | { readonly kind: "clauses"; readonly clauses: readonly string[] }
  | { readonly kind: "noClauseForEvent"; readonly hint?: string };

function missesVerdict(groups: readonly MissGroup[], broader: BroaderThanRequired): CoverageVerdict {
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
  const shown = formatGroups(groups.slice(0, MAX_GROUPS_IN_REASON));
  if (groups.length > MAX_GROUPS_IN_REASON) shown.push(`and ${groups.length - MAX_GROUPS_IN_REASON} more`);
  return withBroader({ verdict: "misses", missed, reason: shown.join("; ") }, broader);
}

/**
 * The groups as sentences; a group about the same events as the one before, for another clause, continues its
 * sentence: `misses A and B calls that fail, because of `x`, and calls by the root user, because of `y``.
 */
function formatGroups(groups: readonly MissGroup[]): string[] {
  const sentences: string[] = [];
  groups.forEach((group, index) => {
    const previous = groups[index - 1];
    const continues =
      previous !== undefined &&
      previous.events.join("\n") === group.events.join("\n") &&
      [previous, group].every((g) => g.blame.kind === "clauses" && !g.kinds.includes(ALL_CALLS));
    if (continues) sentences[sentences.length - 1] += `, and ${whatAndWhy(group)}`;
    else sentences.push(formatGroup(group));
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
 */
function formatGroup(group: MissGroup): string {
  const events = joinWords(group.events);
  const allCalls = group.kinds.includes(ALL_CALLS);
  const what = allCalls ? `all ${events} calls` : `${events} ${joinWords(limitKinds(group.kinds))}`;
  if (group.blame.kind === "noClauseForEvent") {
    const subject = group.events.length === 1 ? `eventName ${events}` : "their eventName";
    return `misses ${what}: no clause matches ${subject}${group.blame.hint ? ` (${group.blame.hint})` : ""}`;
  }
  return `misses ${what}, because of ${group.blame.clauses.map((clause) => `\`${clause}\``).join(" and ")}`;
}

function limitKinds(kinds: readonly string[]): string[] {
  if (kinds.length <= MAX_KINDS_IN_REASON) return [...kinds];
  return [...kinds.slice(0, MAX_KINDS_IN_REASON), `${kinds.length - MAX_KINDS_IN_REASON} more kinds`];
}

/** `a`, `a and b`, `a, b and c`. */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Merges groups with the same blame and kinds, then those with the same blame and events, keeping order. */
function mergeGroups(groups: readonly MissGroup[]): MissGroup[] {
  const byKinds = mergeBy(groups, (g) => `${blameKey(g.blame)}|${g.kinds.join("|")}`, (a, b) => ({
    ...a,
    events: union(a.events, b.events),
  }));
  return mergeBy(byKinds, (g) => `${blameKey(g.blame)}|${g.events.join("|")}`, (a, b) => ({
    ...a,
    kinds: union(a.kinds, b.kinds),
  }));
}

function mergeBy(groups: readonly MissGroup[], key: (g: MissGroup) => string, merge: (a: MissGroup, b: MissGroup) => MissGroup): MissGroup[] {
  const merged = new Map<string, MissGroup>();
  for (const group of groups) {
    const k = key(group);
    const existing = merged.get(k);
    merged.set(k, existing ? merge(existing, group) : group);
  }
  return [...merged.values()];
}

function blameKey(blame: Blame): string {
  return blame.kind === "clauses" ? blame.clauses.join("\n") : `none:${blame.hint ?? ""}`;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...a, ...b.filter((item) => !a.includes(item))];
}

// ---------------------------------------------------------------------------------------------------------------
// Definite misses in the family

/**
 * A clause to blame for missed records, and what the judgment needs to name those records in words.
 * For a JSON pattern: a condition or an `||` of them; for a term pattern: a term; otherwise the whole pattern.
 */
interface Culprit {
  /** The clause as written, shortened. */
  readonly text: string;
  /** Where the clause starts in the pattern: groups for clauses of the same events follow the pattern's order. */
  readonly position: number;
  /** Whether the clause alone is false for a record (so it accounts for that record's miss). */
  readonly fails: (record: FamilyRecord) => boolean;
  /** The key paths the clause is about: the fields it tests, or the fields that hold its text. */
  readonly paths: (records: readonly FamilyRecord[], missed: ReadonlySet<FamilyRecord>) => string[][];
  /** The calls the clause rejects, in words drawn from the clause alone, e.g. `calls whose userAgent contains "console"`. */
  readonly phrase?: string;
}

/** The records of some events missed for one clause. */
interface CulpritMisses {
  readonly culprit: Culprit;
  readonly events: string[];
  readonly records: FamilyRecord[];
  readonly missed: Set<FamilyRecord>;
}

/**
 * The family's misses as groups. An event none of whose records match is missed for the clauses its sampled
 * records blame. Otherwise each missed record is put down to the clauses that are false for it; each clause
 * then gets one group, over every event it narrows, naming the missed calls by the field the clause tests.
 */
function familyMissGroups(context: JudgeContext, misses: readonly FamilyRecord[]): MissGroup[] {
  const missedRecords = new Set(misses);
  const culprits = new CulpritCache(context, missedRecords);
  const groups: MissGroup[] = [];
  const byClause = new Map<string, CulpritMisses>();
  for (const eventName of context.family.eventNames) {
    const records = context.family.positives.filter((record) => record.eventName === eventName);
    const missed = records.filter((record) => missedRecords.has(record));
    if (missed.length === 0) continue;
    if (missed.length === records.length) {
      const blames = sampleMisses(records, missedRecords).map((record) => blameFor(context, recordForBlame(context, record)));
      groups.push({ events: [eventName], kinds: [ALL_CALLS], blame: combineBlames(blames) });
      continue;
    }
    const attribution = attributeMisses(culprits, missed);
    if (attribution.size === 0) {
      const kinds = [sampleCount(missed[0], missed.length, records.length)];
      groups.push({ events: [eventName], kinds, blame: blameFor(context, recordForBlame(context, missed[0])) });
    }
    for (const [culprit, accounted] of attribution) {
      const entry = byClause.get(culprit.text) ?? { culprit, events: [], records: [], missed: new Set<FamilyRecord>() };
      entry.events.push(eventName);
      entry.records.push(...records);
      for (const record of accounted) entry.missed.add(record);
      byClause.set(culprit.text, entry);
    }
  }
  for (const entry of [...byClause.values()].sort((a, b) => a.culprit.position - b.culprit.position)) {
    groups.push({ events: entry.events, kinds: describeMisses(context, entry), blame: { kind: "clauses", clauses: [entry.culprit.text] } });
  }
  return mergeGroups(orderByEvents(groups, context.family.eventNames));
}

function recordForBlame(context: JudgeContext, record: FamilyRecord): { eventName: string; message: string } {
  return { eventName: record.eventName, message: context.evaluator.messageOf(record.record, record.message) };
}

/** `calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (23 of its 45 sample calls)`: when no words fit. */
function sampleCount(example: FamilyRecord | undefined, missed: number, total: number, events = 1): string {
  return `calls such as ${example?.id ?? "none"} (${missed} of ${events > 1 ? "their" : "its"} ${total} sample calls)`;
}

/** Up to three missed records spread over the event's records, to find every clause to blame. */
function sampleMisses(records: readonly FamilyRecord[], missed: ReadonlySet<FamilyRecord>): FamilyRecord[] {
  const list = records.filter((record) => missed.has(record));
  const picks = [0, Math.floor(list.length / 2), list.length - 1];
  return [...new Set(picks.map((index) => list[index]))];
}

function combineBlames(blames: readonly Blame[]): Blame {
  const clauses = [...new Set(blames.flatMap((blame) => (blame.kind === "clauses" ? blame.clauses : [])))];
  if (clauses.length > 0) return { kind: "clauses", clauses };
  return blames[0] ?? { kind: "clauses", clauses: [] };
}

/** How many unexplained records may be explained one by one before the rest go to the first clause found. */
const MAX_EXTRA_EXPLANATIONS = 3;

/**
 * Which clause accounts for which missed record of one event: the clauses sampled records blame, plus those of
 * records none of them accounts for (a few at most); a record still unaccounted for goes to the first clause.
 */
function attributeMisses(culprits: CulpritCache, missed: readonly FamilyRecord[]): Map<Culprit, FamilyRecord[]> {
  const found: Culprit[] = [];
  const add = (record: FamilyRecord): void => {
    for (const culprit of culprits.of(record)) if (!found.includes(culprit)) found.push(culprit);
  };
  sampleMisses(missed, new Set(missed)).forEach(add);
  const unaccounted = (): FamilyRecord[] => missed.filter((record) => !found.some((culprit) => culprit.fails(record)));
  for (let extra = 0, left = unaccounted(); extra < MAX_EXTRA_EXPLANATIONS && left.length > 0; extra++, left = unaccounted()) {
    add(left[0]);
  }
  const attribution = new Map<Culprit, FamilyRecord[]>();
  for (const culprit of found) {
    const accounted = missed.filter((record) => culprit.fails(record));
    if (accounted.length > 0) attribution.set(culprit, accounted);
  }
  const rest = unaccounted();
  if (rest.length > 0 && found.length > 0) attribution.set(found[0], [...(attribution.get(found[0]) ?? []), ...rest]);
  return attribution;
}

/** The culprits of records, made once per clause of the judged pattern. */
class CulpritCache {
  private readonly byNode = new Map<object, Culprit>();

  /** `missed`: the family records the whole pattern misses. */
  constructor(
    private readonly context: JudgeContext,
    private readonly missed: ReadonlySet<FamilyRecord>,
  ) {}

  /** The clauses to blame for a missed record; empty when no clause comes close (no eventName clause matches). */
  of(record: FamilyRecord): Culprit[] {
    const pattern = this.context.pattern;
    switch (pattern.kind) {
      case "json": {
        const message = this.context.evaluator.messageOf(record.record, record.message);
        if (blameFor(this.context, { eventName: record.eventName, message }).kind !== "clauses") return [];
        return explainJson(pattern.expression, message).map((node) => this.cached(node, () => jsonCulprit(this.context.text, node)));
      }
      case "terms": {
        const culprits = explainTerms(pattern, record.message);
        if (culprits === "none") return [];
        return culprits.map((term) => this.cached(term, () => termCulprit(this.context.text, term)));
      }
      case "matchAll":
        return [];
      default:
        return [this.cached(pattern, () => wholePatternCulprit(this.context.text, pattern, this.missed))];
    }
  }

  private cached(node: object, make: () => Culprit): Culprit {
    let culprit = this.byNode.get(node);
    if (!culprit) {
      culprit = remembered(make());
      this.byNode.set(node, culprit);
    }
    return culprit;
  }
}

/** The culprit with `fails` remembered per record: attribution and description ask about the same records. */
function remembered(culprit: Culprit): Culprit {
  const known = new Map<FamilyRecord, boolean>();
  return {
    ...culprit,
    fails: (record) => {
      let fails = known.get(record);
      if (fails === undefined) {
        fails = culprit.fails(record);
        known.set(record, fails);
      }
      return fails;
    },
  };
}

function jsonCulprit(text: string, node: JsonExpression): Culprit {
  const paths = uniquePaths(conditionsOf(node).map(keyPath).filter((path): path is string[] => path !== undefined));
  return {
    text: clauseText(text, node.span),
    position: node.span.start,
    fails: (record) => evaluateJsonPattern(asPattern(node), record.record).outcome === "noMatch",
    paths: () => paths,
    phrase: phraseOfExpression(node),
  };
}

function termCulprit(text: string, term: Term): Culprit {
  const excluded = term.modifier === "excluded";
  const occurs = (value: string): boolean => value.includes(term.text);
  return {
    text: clauseText(text, term.span),
    position: term.span.start,
    fails: (record) => occurs(record.message) === excluded,
    // An excluded term: where the missed calls hold it; a required one: where the matched calls hold it.
    paths: (records, missed) => pathsHolding(records.filter((record) => missed.has(record) === excluded), occurs),
    phrase: `calls that ${excluded ? "" : "do not "}mention ${JSON.stringify(term.text)}`,
  };
}

/** A regex or space-delimited pattern is one clause: the records it misses are its misses. */
function wholePatternCulprit(text: string, pattern: FilterPattern, missedRecords: ReadonlySet<FamilyRecord>): Culprit {
  const regex = pattern.kind === "regex" ? pattern : undefined;
  return {
    text: clauseText(text, pattern.span),
    position: pattern.span.start,
    fails: (record) => missedRecords.has(record),
    paths: (records, missed) =>
      regex ? pathsHolding(records.filter((record) => !missed.has(record)), (value) => evaluatePattern(regex, value).outcome === "match") : [],
    phrase: regex ? `calls with no match for %${regex.regex.source}%` : undefined,
  };
}

/** How many records `pathsHolding` reads: the fields are the same kind of field in every record. */
const RECORDS_READ_FOR_PATHS = 4;

/** The key paths whose string values satisfy `holds`, in a few of the records. */
function pathsHolding(records: readonly FamilyRecord[], holds: (value: string) => boolean): string[][] {
  const paths = records
    .slice(0, RECORDS_READ_FOR_PATHS)
    .flatMap((record) => stringLeaves(record.record).filter((leaf) => holds(leaf.value)).map((leaf) => leaf.path));
  return uniquePaths(paths);
}

function uniquePaths(paths: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = path.join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many kinds a reason lists before it names them otherwise. */
const MAX_LISTED_KINDS = 3;
/** How many kinds follow an "e.g.". */
const MAX_EXAMPLE_KINDS = 2;

/**
 * The missed calls in words, by the field the clause tests (never by an incidental kind):
 * 1. the family kinds that field tells apart and that the clause misses entirely, when they are exactly the
 *    missed calls: listed if few (`calls that fail`); when many, as all calls but the one kind matched
 *    (`calls by any caller other than an IAM user (the root user, assumed roles, AWS services, ...)`,
 *    `calls outside us-east-1`), else the clause's own words with the first kinds;
 * 2. else the clause's own words (`calls whose userAgent contains "console"`), with examples of kinds it misses;
 * 3. else the values the missed calls hold in the tested fields, or a count.
 */
function describeMisses(context: JudgeContext, entry: CulpritMisses): string[] {
  const { culprit, records, missed } = entry;
  const paths = culprit.paths(records, missed);
  const aspects = [...new Set(paths.flatMap((path) => aspectsOfPath(path)))];
  const members = kindMembers(records, aspects);
  const order = kindOrder(context.family);
  const cover = coverByFullKinds(members, missed);
  const chosen = [...cover.chosen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const more = chosen.length > MAX_LISTED_KINDS ? ", ..." : "";
  // The clause's words describe the missed calls only if every call the clause rejects is missed (an `||`
  // elsewhere may let some through).
  const exact = records.every((record) => missed.has(record) || !culprit.fails(record));
  const phrase = exact ? culprit.phrase : undefined;
  if (chosen.length > 0 && cover.uncovered === 0) {
    const matchedKind = chosen.length >= MAX_LISTED_KINDS ? soleMatchedKind(members, records, missed) : undefined;
    if (matchedKind !== undefined) {
      const examples = complementNamesCallers(matchedKind) ? ` (${shortKindList(chosen.slice(0, MAX_LISTED_KINDS), true)}${more})` : "";
      return [`${complementOfKind(matchedKind)}${examples}`];
    }
    if (chosen.length <= MAX_LISTED_KINDS) return chosen;
    if (phrase) return [`${phrase} (${shortKindList(chosen.slice(0, MAX_LISTED_KINDS), false)}${more})`];
    return chosen;
  }
  if (phrase) {
    // Examples: kinds missed entirely; else, when the clause tells apart one aspect only, kinds mostly missed.
    const examples = chosen.length > 0 ? chosen : aspects.length === 1 ? mostlyMissedKinds(members, missed) : [];
    return [examples.length > 0 ? `${phrase} (e.g. ${shortKindList(examples.slice(0, MAX_EXAMPLE_KINDS), false)})` : phrase];
  }
  const byValue = describeByValues(paths, records.filter((record) => missed.has(record)));
  if (byValue.length > 0 && byValue.length <= MAX_LISTED_KINDS) return byValue;
  return [sampleCount(records.find((record) => missed.has(record)), missed.size, records.length, entry.events.length)];
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

/** The share of a kind's records (2/3) that must be missed for the kind to serve as an example of the missed calls. */
const MOSTLY_NUMERATOR = 2;
const MOSTLY_DENOMINATOR = 3;

/** Kinds most of whose records are missed, most missed first: examples when no kind is missed entirely. */
function mostlyMissedKinds(members: ReadonlyMap<string, readonly FamilyRecord[]>, missed: ReadonlySet<FamilyRecord>): string[] {
  return [...members]
    .map(([kind, list]) => ({ kind, missedCount: list.filter((record) => missed.has(record)).length, size: list.length }))
    .filter((entry) => entry.missedCount * MOSTLY_DENOMINATOR >= entry.size * MOSTLY_NUMERATOR)
    .map((entry) => ({ kind: entry.kind, share: entry.missedCount / entry.size }))
    .sort((a, b) => b.share - a.share)
    .map((entry) => entry.kind);
}

const kindOrders = new WeakMap<EventFamily, Map<string, number>>();

/** Every kind of the family in the order it first appears, so reasons list kinds the same way for every event. */
function kindOrder(family: EventFamily): Map<string, number> {
  let order = kindOrders.get(family);
  if (!order) {
    order = new Map<string, number>();
    for (const record of family.positives) for (const kind of record.kinds) if (!order.has(kind)) order.set(kind, order.size);
    kindOrders.set(family, order);
  }
  return order;
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

function describeValue(path: readonly string[], value: JsonValue | undefined): string {
  const label = path.join(".");
  if (value === undefined) return `calls without ${label}`;
  if (value === null) return `calls whose ${label} is null`;
  if (typeof value === "string") return `calls whose ${label} is ${JSON.stringify(value)}`;
  if (typeof value === "object") return `calls whose ${label} is ${Array.isArray(value) ? "an array" : "an object"}`;
  return `calls whose ${label} is ${String(value)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// A clause's own words: the calls it rejects

/** The calls a condition, or an `||` of equalities on one field, rejects; undefined when there are no plain words. */
function phraseOfExpression(node: JsonExpression): string | undefined {
  if (node.kind === "condition") return phraseOfCondition(node);
  if (node.kind !== "or") return undefined;
  const values: string[] = [];
  let label: string | undefined;
  for (const operand of node.operands) {
    if (operand.kind !== "condition" || operand.test.kind !== "compare" || operand.test.operator !== "=") return undefined;
    const value = operand.test.value;
    if (value.kind === "regex" || (value.kind === "string" && readWildcard(value.text).kind !== "exact")) return undefined;
    const operandLabel = selectorLabel(operand);
    if (label !== undefined && operandLabel !== label) return undefined;
    label = operandLabel;
    values.push(value.kind === "string" ? JSON.stringify(value.text) : value.text);
  }
  if (label === undefined) return undefined;
  return `calls whose ${label} is ${values.length === 2 ? `neither ${values[0]} nor ${values[1]}` : `none of ${values.join(", ")}`}`;
}

/** `calls whose userIdentity.type is not "IAMUser"`, `calls whose userAgent contains "console"`, `calls that have errorCode`. */
function phraseOfCondition(condition: JsonCondition): string | undefined {
  const label = selectorLabel(condition);
  const test = condition.test;
  switch (test.kind) {
    case "notExists":
      return `calls that have ${label}`;
    case "isNull":
      return `calls whose ${label} is not null`;
    case "isTrue":
      return `calls whose ${label} is not true`;
    case "isFalse":
      return `calls whose ${label} is not false`;
    case "compare": {
      const words = rejectedValueWords(test.operator, test.value);
      return words === undefined ? undefined : words === "absent" ? `calls without ${label}` : `calls whose ${label} ${words}`;
    }
  }
}

/** What a rejected value is, for `$.x <operator> <value>` (`is not "a"`, `contains "b"`), or "absent" for `= *`. */
function rejectedValueWords(operator: ComparisonOperator, value: Value): string | undefined {
  const equal = operator === "=";
  if (value.kind === "regex") return operator === "=" || operator === "!=" ? `${equal ? "does not match" : "matches"} %${value.source}%` : undefined;
  if (value.kind === "number") {
    const negated: Record<ComparisonOperator, string> = { "=": "is not", "!=": "is", "<": "is at least", "<=": "is above", ">": "is at most", ">=": "is below" };
    return `${negated[operator]} ${value.text}`;
  }
  if (operator !== "=" && operator !== "!=") return undefined;
  const wildcard = readWildcard(value.text);
  switch (wildcard.kind) {
    case "any":
      return equal ? "absent" : undefined;
    case "exact":
      return `${equal ? "is not" : "is"} ${JSON.stringify(wildcard.text)}`;
    case "contains":
      return `${equal ? "does not contain" : "contains"} ${JSON.stringify(wildcard.text)}`;
    case "prefix":
      return `${equal ? "does not start with" : "starts with"} ${JSON.stringify(wildcard.text)}`;
    case "suffix":
      return `${equal ? "does not end with" : "ends with"} ${JSON.stringify(wildcard.text)}`;
    case "infix":
      return `${equal ? "does not match" : "matches"} ${JSON.stringify(value.text)}`;
  }
}

/** The selector without its leading `$.`: `userIdentity.type`. */
function selectorLabel(condition: JsonCondition): string {
  return condition.selector.text.replace(/^\$\.?/, "") || "the event";
}

// ---------------------------------------------------------------------------------------------------------------
// Blame: which clause makes a record fail

/** The clauses that make `message` fail the pattern, or "no clause matches" when none comes close. */
function blameFor(context: JudgeContext, record: { readonly eventName: string; readonly message: string }): Blame {
  const pattern = context.pattern;
  switch (pattern.kind) {
    case "json": {
      const culprits = explainJson(pattern.expression, record.message);
      const eventNameConditions = conditionsOf(pattern.expression).filter(isEventNameCondition);
      const eventNameMatched = eventNameConditions.some((condition) => truthOf(condition, record.message) === "match");
      const onlyEventName = culprits.every((node) => conditionsOf(node).every(isEventNameCondition));
      if (!eventNameMatched && (onlyEventName || culprits.length === 0)) {
        return { kind: "noClauseForEvent", hint: nearestHint(context.text, eventNameConditions, record.eventName) };
      }
      return { kind: "clauses", clauses: culprits.map((node) => clauseText(context.text, node.span)) };
    }
    case "terms": {
      const culprits = explainTerms(pattern, record.message);
      if (culprits === "none") {
        return { kind: "noClauseForEvent", hint: nearestTermHint(context.text, pattern.terms, record.eventName) };
      }
      return { kind: "clauses", clauses: culprits.map((term) => clauseText(context.text, term.span)) };
    }
    default:
      return { kind: "clauses", clauses: [clauseText(context.text, pattern.span)] };
  }
}

function truthOf(expression: JsonExpression, message: string): "match" | "noMatch" | "indeterminate" {
  return evaluatePattern(asPattern(expression), message).outcome;
}

const expressionPatterns = new WeakMap<JsonExpression, JsonPattern>();

/** A sub-expression as a pattern of its own, made once per node (so its compiled form is reused). */
function asPattern(expression: JsonExpression): JsonPattern {
  let pattern = expressionPatterns.get(expression);
  if (!pattern) {
    pattern = { kind: "json", expression, span: expression.span };
    expressionPatterns.set(expression, pattern);
  }
  return pattern;
}

/**
 * The false leaves to blame for a false expression: in an AND, its false operands; in an OR (all false),
 * the operands that came closest (some condition held), else the OR itself.
 */
function explainJson(expression: JsonExpression, message: string): JsonExpression[] {
  if (truthOf(expression, message) !== "noMatch") return [];
  switch (expression.kind) {
    case "condition":
      return [expression];
    case "and":
      return expression.operands.flatMap((operand) => explainJson(operand, message));
    case "or": {
      const close = expression.operands
        .filter((operand) => conditionsOf(operand).some((condition) => truthOf(condition, message) === "match"))
        .map((operand) => explainJson(operand, message))
        .filter((culprits) => culprits.length > 0);
      if (close.length === 0) return [expression];
      // An operand about another event (only its eventName conditions fail) explains nothing about this one.
      const aboutThisEvent = close.filter((culprits) => !culprits.every((node) => conditionsOf(node).every(isEventNameCondition)));
      const candidates = aboutThisEvent.length > 0 ? aboutThisEvent : close;
      const fewest = Math.min(...candidates.map((culprits) => culprits.length));
      const chosen: JsonExpression[] = [];
      for (const culprits of candidates.filter((list) => list.length === fewest)) {
        for (const node of culprits) if (!chosen.includes(node)) chosen.push(node);
      }
      return chosen;
    }
  }
}

/** Required terms that are absent and excluded terms that are present; "none" when no optional term occurs. */
function explainTerms(pattern: TermPattern, message: string): Term[] | "none" {
  const occurs = (term: Term): boolean =>
    evaluatePattern({ kind: "terms", terms: [{ ...term, modifier: "required" }], span: term.span }, message).outcome === "match";
  const hasFixed = pattern.terms.some((term) => term.modifier !== "optional");
  if (!hasFixed) return "none";
  const culprits = pattern.terms.filter(
    (term) => (term.modifier === "required" && !occurs(term)) || (term.modifier === "excluded" && occurs(term)),
  );
  const mentionsEvent = pattern.terms.some((term) => term.modifier === "required" && occurs(term));
  return culprits.length > 0 && (mentionsEvent || culprits.some((term) => term.modifier === "excluded")) ? culprits : "none";
}

function isEventNameCondition(condition: JsonCondition): boolean {
  const path = keyPath(condition);
  return path !== undefined && path.length === 1 && path[0] === "eventName";
}

/** A hint naming the eventName literal closest to the missed event: another case, or a small typo. */
function nearestHint(text: string, conditions: readonly JsonCondition[], eventName: string): string | undefined {
  for (const condition of conditions) {
    const literal = stringLiteral(condition);
    if (literal === undefined) continue;
    const clause = `\`${clauseText(text, condition.span)}\``;
    if (isQuotedRegexLookalike(condition)) return `${clause} is a quoted literal, not a regex: drop the quotes`;
    if (literal !== eventName && literal.toLowerCase() === eventName.toLowerCase()) {
      return `${clause} differs only in case; values compare case-sensitively`;
    }
    if (editDistance(literal, eventName) <= 2) return `nearest: ${clause}`;
  }
  return undefined;
}

function nearestTermHint(text: string, terms: readonly Term[], eventName: string): string | undefined {
  for (const term of terms) {
    const clause = `\`${clauseText(text, term.span)}\``;
    if (term.text !== eventName && term.text.toLowerCase() === eventName.toLowerCase()) {
      return `${clause} differs only in case; terms are case-sensitive`;
    }
    if (term.text !== eventName && editDistance(term.text, eventName) <= 2) return `nearest: ${clause}`;
  }
  return undefined;
}

/** `"%…%"`: quotes make it literal text (reference §1.4, aws-cdk #30451). */
function isQuotedRegexLookalike(condition: JsonCondition): boolean {
  if (condition.test.kind !== "compare" || condition.test.value.kind !== "string") return false;
  const value = condition.test.value;
  return value.quoted && value.text.length > 2 && value.text.startsWith("%") && value.text.endsWith("%");
}

function stringLiteral(condition: JsonCondition): string | undefined {
  return condition.test.kind === "compare" && condition.test.value.kind === "string" ? condition.test.value.text : undefined;
}

/** Levenshtein distance, for typo hints. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The clause as written, on one line, shortened when long. */
function clauseText(text: string, span: Span): string {
  const cached = clauseTexts.get(span);
  if (cached && cached.text === text) return cached.clause;
  const whole = text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
  const clause = whole.length <= MAX_CLAUSE_LENGTH ? whole : `${whole.slice(0, MAX_CLAUSE_LENGTH - 1)}…`;
  clauseTexts.set(span, { text, clause });
  return clause;
}

/** Clause texts by span (with the pattern text they were cut from): blame asks for the same clauses often. */
const clauseTexts = new WeakMap<Span, { readonly text: string; readonly clause: string }>();
const conditionLists = new WeakMap<JsonExpression, readonly JsonCondition[]>();

/** The conditions of an expression, left to right (computed once per tree node). */
function conditionsOf(expression: JsonExpression): readonly JsonCondition[] {
  let conditions = conditionLists.get(expression);
  if (!conditions) {
    conditions = expression.kind === "condition" ? [expression] : expression.operands.flatMap(conditionsOf);
    conditionLists.set(expression, conditions);
  }
  return conditions;
}

/** The key path of a selector made only of `.key` steps; undefined when it has an index or a wildcard. */
function keyPath(condition: JsonCondition): string[] | undefined {
  const path: string[] = [];
  for (const step of condition.selector.steps) {
    if (step.kind !== "key") return undefined;
    path.push(step.name);
  }
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Narrowing the family cannot show: literal-driven adversarial variants

/** A change to a record that a real call of the required kind could show. */
interface Variant {
  /** The kind of call it stands for, e.g. `calls whose userIdentity.type is "SAMLUser"`. */
  readonly kind: string;
  readonly apply: (record: JsonObject) => JsonObject | undefined;
  /** A cheap test that the variant can change this record at all (skips pointless work). */
  readonly appliesTo?: (base: FamilyRecord) => boolean;
}

function findNarrowing(context: JudgeContext, matched: readonly FamilyRecord[], budget: number): MissGroup[] {
  const variants = variantsFor(context);
  if (variants.length === 0) return [];
  const bases = basesByEvent(context.family, matched);
  const pairs = [...bases].flatMap(([eventName, list]) => list.map((record) => ({ eventName, record })));
  if (pairs.length === 0) return [];
  const groups: MissGroup[] = [];
  let evaluations = 0;
  let attempts = 0;
  const attemptBudget = 4 * budget;
  const misses = (variant: Variant, base: FamilyRecord): string | undefined => {
    if (variant.appliesTo && !variant.appliesTo(base)) return undefined;
    attempts++;
    const changed = variant.apply(base.record);
    if (!changed) return undefined;
    const outcome = context.evaluator.evaluateVariant(changed, base);
    if (outcome === undefined) return undefined;
    evaluations++;
    return outcome.outcome === "noMatch" ? context.evaluator.messageOf(changed) : undefined;
  };
  // Each pass tries every variant on one base record (a different one per variant and per pass); a variant that
  // misses is then tried on every event's bases, to name all the events it misses.
  const spent = (): boolean => evaluations >= budget || attempts >= attemptBudget;
  for (let pass = 0; pass < pairs.length && groups.length === 0 && !spent(); pass++) {
    variants.forEach((variant, index) => {
      if (spent()) return;
      const pair = pairs[(index + pass * 7) % pairs.length];
      const message = misses(variant, pair.record);
      if (message === undefined) return;
      groups.push({ events: [pair.eventName], kinds: [variant.kind], blame: blameFor(context, { eventName: pair.eventName, message }) });
      for (const [eventName, list] of bases) {
        if (eventName === pair.eventName) continue;
        const other = list.map((record) => misses(variant, record)).find((found) => found !== undefined);
        if (other !== undefined) groups.push({ events: [eventName], kinds: [variant.kind], blame: blameFor(context, { eventName, message: other }) });
      }
    });
  }
  return mergeGroups(orderByEvents(groups, context.family.eventNames));
}

/** Groups in the order of the required event names, so merged groups list events in that order. */
function orderByEvents(groups: readonly MissGroup[], eventNames: readonly string[]): MissGroup[] {
  return [...groups].sort((a, b) => eventNames.indexOf(a.events[0]) - eventNames.indexOf(b.events[0]));
}

/** Up to four matched records per event, chosen to differ in outcome, caller and version. */
function basesByEvent(family: EventFamily, matched: readonly FamilyRecord[]): Map<string, FamilyRecord[]> {
  const wanted = [
    (r: FamilyRecord) => r.kinds.includes("successful calls") && r.kinds.includes("CLI calls"),
    (r: FamilyRecord) => r.kinds.includes("calls that fail") && r.kinds.includes("console calls"),
    (r: FamilyRecord) => r.kinds.includes("calls by an AWS service"),
    (r: FamilyRecord) => r.kinds.includes("calls by the root user") && r.kinds.includes("successful calls"),
  ];
  const bases = new Map<string, FamilyRecord[]>();
  for (const eventName of family.eventNames) {
    const own = matched.filter((record) => record.eventName === eventName);
    const picks: FamilyRecord[] = [];
    for (const predicate of wanted) {
      const pick = own.find((record) => predicate(record) && !picks.includes(record));
      if (pick) picks.push(pick);
    }
    if (picks.length === 0 && own.length > 0) picks.push(own[0]);
    bases.set(eventName, picks);
  }
  return bases;
}

function variantsFor(context: JudgeContext): Variant[] {
  switch (context.pattern.kind) {
    case "json":
      return jsonVariants(context.pattern.expression);
    case "terms":
      return [...termVariants(context.pattern, context.family), neutralisingVariant()];
    case "regex":
    case "delimited":
      return [neutralisingVariant()];
    case "matchAll":
      return [];
  }
}

/** For each varying key path the pattern tests: its literals (wildcards expanded), realistic others, absent, null. */
function jsonVariants(expression: JsonExpression): Variant[] {
  const literalsByPath = new Map<string, { path: string[]; values: Value[] }>();
  for (const condition of conditionsOf(expression)) {
    const path = keyPath(condition);
    if (!path || isInvariantPath(path)) continue;
    const key = path.join(".");
    const entry = literalsByPath.get(key) ?? { path, values: [] };
    if (condition.test.kind === "compare") entry.values.push(condition.test.value);
    literalsByPath.set(key, entry);
  }
  const variants: Variant[] = [];
  for (const { path, values } of literalsByPath.values()) {
    const seen = new Set<string>();
    for (const candidate of candidateValues(path, values, fieldSpecOf(path))) {
      const key = candidate.value === undefined ? "absent" : JSON.stringify(candidate.value);
      if (seen.has(key)) continue;
      seen.add(key);
      variants.push({ kind: candidate.kind, apply: (record) => setAtPath(record, path, candidate.value) });
    }
  }
  return variants;
}

interface Candidate {
  readonly value: JsonValue | undefined;
  readonly kind: string;
}

/**
 * Values to try at a path. Documented fields keep their documented type (a string field is never set to a
 * number) and lose their presence only if CloudTrail may omit them; undocumented fields try every type.
 */
function candidateValues(path: readonly string[], literals: readonly Value[], spec: FieldSpec | undefined): Candidate[] {
  const label = path.join(".");
  const candidates: Candidate[] = [];
  const allowsStrings = !spec || spec.type === "string";
  for (const literal of literals) {
    if (literal.kind === "string" && allowsStrings) candidates.push(...expandStringLiteral(label, literal.text));
    if (literal.kind === "number" && !spec) {
      for (const delta of [0, 1, -1]) {
        candidates.push({ value: literal.value + delta, kind: `calls whose ${label} is ${literal.value + delta}` });
      }
    }
  }
  for (const other of spec?.others ?? []) candidates.push({ value: other, kind: describeValue(path, other) });
  if (!spec || spec.presence === "optional") candidates.push({ value: undefined, kind: `calls without ${label}` });
  if (!spec || spec.nullable) candidates.push({ value: null, kind: `calls whose ${label} is null` });
  if (!spec) {
    candidates.push(
      { value: "zz-other", kind: `calls whose ${label} is another string` },
      { value: 0, kind: `calls whose ${label} is a number` },
      { value: true, kind: `calls whose ${label} is true` },
      { value: false, kind: `calls whose ${label} is false` },
      { value: { zz: "zz" }, kind: `calls whose ${label} is an object` },
    );
  }
  return candidates;
}

/** `*x` → "zzx" (ends with), `x*` → "xzz" (starts with), `*x*` → "zzxzz" (contains), plain `x` → "x". */
function expandStringLiteral(label: string, text: string): Candidate[] {
  const wildcard = readWildcard(text);
  switch (wildcard.kind) {
    case "any":
      return [];
    case "infix":
      return [{ value: text, kind: `calls whose ${label} is ${JSON.stringify(text)}` }];
    case "contains":
      return [{ value: `zz${wildcard.text}zz`, kind: `calls whose ${label} contains ${JSON.stringify(wildcard.text)}` }];
    case "suffix":
      return [{ value: `zz${wildcard.text}`, kind: `calls whose ${label} ends with ${JSON.stringify(wildcard.text)}` }];
    case "prefix":
      return [{ value: `${wildcard.text}zz`, kind: `calls whose ${label} starts with ${JSON.stringify(wildcard.text)}` }];
    case "exact":
      return [{ value: wildcard.text, kind: `calls whose ${label} is ${JSON.stringify(wildcard.text)}` }];
  }
}

/**
 * Term patterns: an excluded word slipped into caller-chosen text (the user agent, the trail name) proves an
 * evasion; a required word stripped from every field that varies proves the match leaned on that field.
 */
function termVariants(pattern: TermPattern, family: EventFamily): Variant[] {
  const variants: Variant[] = [];
  for (const term of pattern.terms) {
    if (term.modifier === "excluded") {
      for (const field of CALLER_CHOSEN_TEXT) {
        if (!field.accepts.test(term.text)) continue;
        variants.push({
          kind: `calls whose ${field.label} contains ${JSON.stringify(term.text)}`,
          apply: (record) => {
            const current = getAtPath(record, field.path);
            const value = field.path[0] === "userAgent" && typeof current === "string" ? `${current} ${term.text}` : term.text;
            return setAtPath(record, field.path, value);
          },
        });
      }
    } else if (term.text.length > 0 && !family.eventNames.includes(term.text)) {
      variants.push({
        kind: `calls that mention ${JSON.stringify(term.text)} only in fields that vary`,
        appliesTo: (base) => base.message.includes(term.text),
        apply: (record) => rewriteVaryingStrings(record, (value) => (value.includes(term.text) ? value.split(term.text).join("zz") : value)),
      });
    }
  }
  return variants;
}

/** Every varying string field replaced: a regex or delimited match must not lean on any of them. */
function neutralisingVariant(): Variant {
  return {
    kind: "calls whose varying fields hold other values",
    apply: (record) => rewriteVaryingStrings(record, () => "zz"),
  };
}

