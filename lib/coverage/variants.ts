/**
 * Narrowing the family cannot show: literal-driven adversarial variants. For every field the pattern tests that
 * varies between real calls, a few family records get, in that field, each value the pattern compares it with
 * (wildcards expanded), realistic values the family lacks, and absent or null where CloudTrail allows it; for term
 * and regex patterns, excluded words are slipped into caller-chosen text and required words stripped from fields
 * that vary. A variant that is still a target record (the family's membership test) and no longer matches proves
 * the pattern misses real calls.
 */
import { fieldSpecOf, getAtPath, KIND_ASPECTS, rewriteStrings, setAtPath } from "../cloudtrail";
import type { EventFamily, FamilyRecord, FieldSpec, JsonObject, JsonValue } from "../cloudtrail";
import type { JsonExpression, TermPattern, Value } from "../filter-pattern/ast";
import { readWildcard } from "../filter-pattern/evaluate";
import { blameFor } from "./blame";
import { conditionsOf, keyPath } from "./clauses";
import type { JudgeContext } from "./context";
import { describeValue } from "./describe";
import { mergeGroups, orderByEvents } from "./reason";
import type { MissGroup } from "./reason";

/** A change to a record that a real call of the required kind could show. */
interface Variant {
  /** The kind of call it stands for, e.g. `calls whose userIdentity.type is "SAMLUser"`. */
  readonly kind: string;
  readonly apply: (record: JsonObject) => JsonObject | undefined;
  /** A cheap test that the variant can change this record at all (skips pointless work). */
  readonly appliesTo?: (base: FamilyRecord) => boolean;
}

export function findNarrowing(context: JudgeContext, records: readonly FamilyRecord[], budget: number): MissGroup[] {
  const variants = variantsFor(context);
  if (variants.length === 0) return [];
  const bases = basesBySubject(context.family, records);
  const pairs = [...bases].flatMap(([subject, list]) => list.map((record) => ({ subject, record })));
  if (pairs.length === 0) return [];
  const groups: MissGroup[] = [];
  let evaluations = 0;
  let attempts = 0;
  const attemptBudget = 4 * budget;
  /** The variant of `base`, if it is a target record the pattern misses (its message is written only when reported). */
  const misses = (variant: Variant, base: FamilyRecord): JsonObject | undefined => {
    if (variant.appliesTo && !variant.appliesTo(base)) return undefined;
    attempts++;
    const changed = variant.apply(base.record);
    if (!changed) return undefined;
    const outcome = context.evaluator.evaluateVariant(changed, base);
    if (outcome === undefined) return undefined;
    evaluations++;
    // A variant that leaves the target set (a sign-in with MFA, an error code the control is not about) proves
    // nothing: only a target record the pattern misses is a miss.
    if (outcome.outcome !== "noMatch" || context.family.membership(changed) !== "target") return undefined;
    return changed;
  };
  const groupOf = (variant: Variant, subject: string, base: FamilyRecord, missed: JsonObject): MissGroup => ({
    events: [subject],
    kinds: [variant.kind],
    blame: blameFor(context, { eventName: base.eventName, message: context.evaluator.messageOf(missed) }),
  });
  // Each pass tries every variant on one base record (a different one per variant and per pass: the stride shares
  // no factor with the number of bases, so as many passes put each variant on every base); a variant that misses is
  // then tried on every subject's bases, to name all the subjects it misses.
  const spent = (): boolean => evaluations >= budget || attempts >= attemptBudget;
  const stride = strideFor(pairs.length);
  for (let pass = 0; pass < pairs.length && groups.length === 0 && !spent(); pass++) {
    variants.forEach((variant, index) => {
      if (spent()) return;
      const pair = pairs[(index + pass * stride) % pairs.length];
      const missed = misses(variant, pair.record);
      if (missed === undefined) return;
      groups.push(groupOf(variant, pair.subject, pair.record, missed));
      for (const [subject, list] of bases) {
        if (subject === pair.subject) continue;
        // Every base is tried (the budget counts them all), the first miss is reported.
        const tried = list.map((record) => ({ record, missed: misses(variant, record) }));
        const other = tried.find((entry) => entry.missed !== undefined);
        if (other?.missed !== undefined) groups.push(groupOf(variant, subject, other.record, other.missed));
      }
    });
  }
  return mergeGroups(orderByEvents(groups, context.family.subjects));
}

/**
 * The step between the base records a variant meets on successive passes, for `count` bases (at least one): 7
 * (consecutive passes land on other subjects), or the next number that shares no factor with `count`. A step that
 * did (7 of 14 bases) would bring each variant back to the same few bases, never to the others.
 */
function strideFor(count: number): number {
  let stride = 7;
  while (greatestCommonDivisor(stride, count) !== 1) stride++;
  return stride;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** How many base records each subject's variants are tried on, at most. */
const BASES_PER_SUBJECT = 4;

/**
 * Up to four of `records` per subject, chosen to differ in outcome, caller and version: one of each wanted kind the
 * subject has, then records of callers not yet picked (a family whose records lack the wanted kinds, such as failed
 * calls only, would otherwise vary a single caller's records, and a clause that lets that caller through would hide
 * every other caller's misses), then records of kinds not yet picked (a subject of one caller, such as its failed
 * sign-ins, would otherwise vary one event version's and one region's record).
 */
function basesBySubject(family: EventFamily, records: readonly FamilyRecord[]): Map<string, FamilyRecord[]> {
  const wanted = [
    (r: FamilyRecord) => r.kinds.includes("successful calls") && r.kinds.includes("CLI calls"),
    (r: FamilyRecord) => r.kinds.includes("calls that fail") && r.kinds.includes("console calls"),
    (r: FamilyRecord) => r.kinds.includes("calls by an AWS service"),
    (r: FamilyRecord) => r.kinds.includes("calls by the root user") && r.kinds.includes("successful calls"),
  ];
  const bases = new Map<string, FamilyRecord[]>();
  for (const subject of family.subjects) {
    const own = records.filter((record) => record.subject === subject);
    const picks: FamilyRecord[] = [];
    for (const predicate of wanted) {
      const pick = own.find((record) => predicate(record) && !picks.includes(record));
      if (pick) picks.push(pick);
    }
    bases.set(subject, addOtherKinds(own, addOtherCallers(own, picks)));
  }
  return bases;
}

/**
 * `picks` followed by the first of `own`'s records of each caller none of the picks is, in order, up to
 * `BASES_PER_SUBJECT` in all (with no picks, the first record comes first).
 */
function addOtherCallers(own: readonly FamilyRecord[], picks: readonly FamilyRecord[]): FamilyRecord[] {
  const bases = [...picks];
  const callers = new Set(bases.map(callerOf));
  for (const record of own) {
    if (bases.length >= BASES_PER_SUBJECT) break;
    const caller = callerOf(record);
    if (callers.has(caller)) continue;
    callers.add(caller);
    bases.push(record);
  }
  return bases;
}

/**
 * `picks` followed, up to `BASES_PER_SUBJECT` in all, by records of `own` that each bring the most aspects (version,
 * region, client, ...) whose kinds no base has yet, the first of equals; a record that brings none is not added.
 */
function addOtherKinds(own: readonly FamilyRecord[], picks: readonly FamilyRecord[]): FamilyRecord[] {
  const bases = [...picks];
  while (bases.length < BASES_PER_SUBJECT) {
    let best: FamilyRecord | undefined;
    let bestCount = 0;
    for (const record of own) {
      const count = newAspects(record, bases);
      if (count > bestCount) [best, bestCount] = [record, count];
    }
    if (best === undefined) break;
    bases.push(best);
  }
  return bases;
}

/** How many aspects of `record` have kinds that none of `bases` has (0 for a record among them). */
function newAspects(record: FamilyRecord, bases: readonly FamilyRecord[]): number {
  return KIND_ASPECTS.filter((aspect) => {
    const kinds = record.kindsByAspect[aspect].join(", ");
    return bases.every((base) => base.kindsByAspect[aspect].join(", ") !== kinds);
  }).length;
}

/** Who made the call, as the family's kinds tell callers apart (`calls by an assumed role, calls by ...`). */
function callerOf(record: FamilyRecord): string {
  return record.kindsByAspect.caller.join(", ");
}

function variantsFor(context: JudgeContext): Variant[] {
  switch (context.pattern.kind) {
    case "json":
      return jsonVariants(context.pattern.expression, context.family.invariantPaths);
    case "terms":
      return [...termVariants(context.pattern, context.family), neutralisingVariant(context.family)];
    case "regex":
    case "delimited":
      return [neutralisingVariant(context.family)];
    case "matchAll":
      return [];
  }
}

/** For each varying key path the pattern tests: its literals (wildcards expanded), realistic others, absent, null. */
function jsonVariants(expression: JsonExpression, invariantPaths: ReadonlySet<string>): Variant[] {
  const literalsByPath = new Map<string, { path: string[]; values: Value[] }>();
  for (const condition of conditionsOf(expression)) {
    const path = keyPath(condition);
    if (!path || invariantPaths.has(path.join("."))) continue;
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
 * number) and lose their presence only if CloudTrail may omit them; undocumented fields try every type, objects
 * and arrays both with a member and empty.
 */
function candidateValues(
  path: readonly string[],
  literals: readonly Value[],
  spec: FieldSpec | undefined,
): Candidate[] {
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
      ...containerCandidates(label),
    );
  }
  return candidates;
}

/**
 * Objects and arrays for a field of any type: with a member, which a key (`.zz`), an index (`[0]`) or a wildcard
 * (`.*`) selector reaches, and empty, where every selector below the field reaches nothing (and no comparison,
 * not even `= "*"`, holds for the container itself).
 */
function containerCandidates(label: string): Candidate[] {
  return [
    { value: { zz: "zz" }, kind: `calls whose ${label} is an object` },
    { value: {}, kind: `calls whose ${label} is an empty object` },
    { value: ["zz"], kind: `calls whose ${label} is an array` },
    { value: [], kind: `calls whose ${label} is an empty array` },
  ];
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
      return [
        { value: `zz${wildcard.text}zz`, kind: `calls whose ${label} contains ${JSON.stringify(wildcard.text)}` },
      ];
    case "suffix":
      return [{ value: `zz${wildcard.text}`, kind: `calls whose ${label} ends with ${JSON.stringify(wildcard.text)}` }];
    case "prefix":
      return [
        { value: `${wildcard.text}zz`, kind: `calls whose ${label} starts with ${JSON.stringify(wildcard.text)}` },
      ];
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
      for (const field of family.callerChosenText) {
        if (!field.accepts.test(term.text)) continue;
        variants.push({
          kind: `calls whose ${field.label} contains ${JSON.stringify(term.text)}`,
          apply: (record) => {
            const current = getAtPath(record, field.path);
            const value =
              field.path[0] === "userAgent" && typeof current === "string" ? `${current} ${term.text}` : term.text;
            return setAtPath(record, field.path, value);
          },
        });
      }
    } else if (term.text.length > 0 && !family.eventNames.includes(term.text)) {
      variants.push({
        kind: `calls that mention ${JSON.stringify(term.text)} only in fields that vary`,
        appliesTo: (base) => base.message.includes(term.text),
        apply: (record) =>
          rewriteStrings(
            record,
            (value) => (value.includes(term.text) ? value.split(term.text).join("zz") : value),
            family.keptPaths,
          ),
      });
    }
  }
  return variants;
}

/** Every varying string field replaced: a regex or delimited match must not lean on any of them. */
function neutralisingVariant(family: EventFamily): Variant {
  return {
    kind: "calls whose varying fields hold other values",
    apply: (record) => rewriteStrings(record, () => "zz", family.keptPaths),
  };
}
