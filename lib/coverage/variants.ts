/**
 * Narrowing the family cannot show: literal-driven adversarial variants. For every field the pattern tests that
 * varies between real calls, a few family records get, in that field, each value the pattern compares it with
 * (wildcards expanded), realistic values the family lacks, and absent or null where CloudTrail allows it; a selector
 * with an index or a wildcard step (`$.resources[0].ARN`, `$.foo.*`) gets those values in the element it reaches; for
 * term and regex patterns, excluded words are slipped into caller-chosen text and required words stripped from fields
 * that vary. A variant that is still a target record (the family's membership test) and no longer matches proves
 * the pattern misses real calls. When no single change does, two changes at once, in different selectors, are tried.
 */
import { dottedPathOf, fieldSpecOf, getAtPath, isJsonObject, KIND_ASPECTS, rewriteStrings, setAtPath } from "../cloudtrail";
import type { EventFamily, FamilyRecord, FieldSpec, JsonObject, JsonValue } from "../cloudtrail";
import type { FilterPattern, JsonExpression, SelectorStep, TermPattern, Value } from "../filter-pattern/ast";
import { readWildcard } from "../filter-pattern/evaluate";
import { blameFor } from "./blame";
import { conditionsOf, keyPath, selectorLabel, splitSelector } from "./clauses";
import type { SplitSelector } from "./clauses";
import type { JudgeContext } from "./context";
import { describeLabelled, describeValue } from "./describe";
import { mergeGroups, orderByEvents } from "./reason";
import type { MissGroup } from "./reason";

/** A change to a record that a real call of the required kind could show. */
interface Variant {
  /** The kind of call it stands for, e.g. `calls whose userIdentity.type is "SAMLUser"`. */
  readonly kind: string;
  readonly apply: (record: JsonObject) => JsonObject | undefined;
  /** A cheap test that the variant can change this record at all (skips pointless work). */
  readonly appliesTo?: (base: FamilyRecord) => boolean;
  /** What it changes, for JSON patterns: the selector's group (`userAgent`); two changes pair only across groups. */
  readonly group?: string;
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
    blame: blameFor(context, {
      eventName: base.eventName,
      record: missed,
      get message() {
        return JSON.stringify(missed);
      },
    }),
  });
  // Each pass tries every variant on one base record (a different one per variant and per pass: the stride shares
  // no factor with the number of bases, so as many passes put each variant on every base); a variant that misses is
  // then tried on every subject's bases, to name all the subjects it misses.
  const spent = (): boolean => evaluations >= budget || attempts >= attemptBudget;
  const stride = strideFor(pairs.length);
  const search = (candidates: readonly Variant[]): void => {
    for (let pass = 0; pass < pairs.length && groups.length === 0 && !spent(); pass++) {
      candidates.forEach((variant, index) => {
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
  };
  search(variants);
  // No single change shows a miss: two changes at once, in two fields, may (a call recorded in event version 1.09
  // whose user agent ends with "beta" fails `$.eventVersion != "1.09" || $.userAgent != "*beta"`, though every base
  // record has one of the two). Tried with what the budget leaves.
  if (groups.length === 0 && !spent()) search(pairedVariants(variants, attemptBudget - attempts));
  return mergeGroups(orderByEvents(groups, context.family.subjects));
}

/**
 * Every two variants of different groups (`group`) applied one after the other, in the order of `variants` (each
 * pair once), at most `limit` of them (the attempts left: no more can be tried): a change in one field, then one in
 * another. Variants without a group (term and regex patterns) pair with none.
 */
function pairedVariants(variants: readonly Variant[], limit: number): Variant[] {
  const paired: Variant[] = [];
  variants.forEach((first, index) => {
    if (first.group === undefined) return;
    for (const second of variants.slice(index + 1)) {
      if (paired.length >= limit) return;
      if (second.group === undefined || second.group === first.group) continue;
      paired.push({
        kind: `${first.kind} and ${second.kind.replace(/^calls /, "")}`,
        apply: (record) => {
          const changed = first.apply(record);
          return changed && second.apply(changed);
        },
      });
    }
  });
  return paired;
}

/**
 * The step between the base records a variant meets on successive passes, for `count` bases (at least one): 7
 * (consecutive passes land on other subjects), or the next number that shares no factor with `count`. A step that
 * did (7 of 14 bases) would bring each variant back to the same few bases, never to the others.
 */
function strideFor(count: number): number {
  let stride = count === 0 ? 1 : 7; // gcd(7, 0) is 7: no stride fits zero bases
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

/**
 * For each varying key path the pattern tests: its literals (wildcards expanded), realistic others, absent, null;
 * for each selector with an index or a wildcard step, the same in the element it reaches (`elementVariants`). A
 * change already tried (the same value at the same path) is not tried again.
 */
function jsonVariants(expression: JsonExpression, invariantPaths: ReadonlySet<string>): Variant[] {
  const variants: Variant[] = [];
  const seen = new Set<string>();
  for (const group of literalGroups(expression, invariantPaths)) {
    const keyed = group.path
      ? pathVariants(group.label, group.path, group.values)
      : elementVariants(group.label, group.split, group.values);
    for (const { key, ...variant } of keyed) {
      if (seen.has(key)) continue;
      seen.add(key);
      variants.push({ ...variant, group: group.label });
    }
  }
  return variants;
}

/** A variant with what it changes (`changeKey`): two variants with the same key make the same record. */
type KeyedVariant = Variant & { readonly key: string };

/** The conditions on one key path, or on one selector with an index or a wildcard step, and the values they compare with. */
type LiteralGroup = {
  /** The selector without `$.`: `userAgent`, `resources[0].ARN`. */
  readonly label: string;
  readonly values: Value[];
} & (
  | { readonly path: readonly string[]; readonly split?: undefined }
  | { readonly path?: undefined; readonly split: SplitSelector }
);

/**
 * The pattern's conditions grouped by selector, in order, leaving out those on paths every target call shares. A key
 * path is told by its keys, not by their text joined with dots: `$.['a.b']` (a key with a dot, AWS "Filter pattern
 * syntax") is another field than `$.a.b`, and is named as written.
 */
function literalGroups(expression: JsonExpression, invariantPaths: ReadonlySet<string>): LiteralGroup[] {
  const groups = new Map<string, LiteralGroup>();
  for (const condition of conditionsOf(expression)) {
    const split = splitSelector(condition);
    const container = split ? split.container : keyPath(condition);
    if (!container) continue;
    const name = dottedPathOf(container);
    if (name !== undefined && invariantPaths.has(name)) continue;
    const label = split || name === undefined ? selectorLabel(condition) : name;
    const key = split ? `$.${label}` : JSON.stringify(container);
    const group = groups.get(key) ?? (split ? { label, split, values: [] } : { label, path: container, values: [] });
    if (condition.test.kind === "compare") group.values.push(condition.test.value);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Each candidate value (`candidateValues`) set at a key path. */
function pathVariants(label: string, path: readonly string[], literals: readonly Value[]): KeyedVariant[] {
  return candidateValues(label, literals, fieldSpecOf(path)).map((candidate) =>
    setVariant(path, candidate.value, candidate.kind),
  );
}

/** The value at `path` replaced by `value` (removed for undefined). */
function setVariant(path: readonly string[], value: JsonValue | undefined, kind: string): KeyedVariant {
  return { key: changeKey(path, value), kind, apply: (record) => setAtPath(record, path, value) };
}

/** The object at `path` with one more member (`withMember`). */
function addVariant(path: readonly string[], member: JsonValue, kind: string): KeyedVariant {
  return { key: changeKey(path, member, true), kind, apply: (record) => withMember(record, path, member) };
}

/**
 * What a variant changes, to try each change once: `["foo"]=["zz"]`, `["foo"]=absent`,
 * `["requestParameters"]+={"zz":0}`. The path as a JSON list, so that `["a.b"]` and `["a","b"]` differ.
 */
function changeKey(path: readonly string[], value: JsonValue | undefined, added = false): string {
  return `${JSON.stringify(path)}${added ? "+" : ""}=${value === undefined ? "absent" : JSON.stringify(value)}`;
}

/** The member added to an object so that a `.*` selector reaches it. */
const ADDED_MEMBER = "zz";
/**
 * The largest index an `[n]` step is tried with: the array built holds n + 1 elements, and each variant's array is
 * built, compared with its base and evaluated, so the time grows with n (a verdict with `[1000]`: about 3 ms of
 * CPU). Nested arrays are tried while they hold n + 1 elements in all (`beyondTriedIndex`).
 */
export const MAX_TRIED_INDEX = 1000;
/** The record itself, the container of `$.*`: an object every call has. */
const RECORD_SPEC: FieldSpec = { type: "object", presence: "always" };

/**
 * Variants for a selector with an index or a wildcard step: its container absent or null (where CloudTrail allows
 * it), then each candidate value (`candidateValues`, the element's type undocumented) placed where the selector
 * reaches it (`placementOf`); absent places an empty array or object, which the selector reaches nothing in.
 * Nothing where the selector reaches past `MAX_TRIED_INDEX` (`untriedSelector` names it).
 */
function elementVariants(label: string, split: SplitSelector, literals: readonly Value[]): KeyedVariant[] {
  const { container, steps } = split;
  if (beyondTriedIndex(steps) !== undefined) return [];
  const spec = containerSpecOf(container);
  const variants = containerValues(spec).map((value) => setVariant(container, value, describeValue(container, value)));
  const placement = placementOf(spec, steps[0]);
  if (placement === undefined) return variants;
  const built = spec?.type === "array" ? asArraySteps(steps) : steps;
  for (const { value, kind } of candidateValues(label, literals, undefined)) {
    if (placement === "replace") variants.push(setVariant(container, reaching(built, value), kind));
    // A member the selector reaches nothing in leaves what it reaches as it was: not tried.
    else if (value !== undefined) variants.push(addVariant(container, reaching(steps.slice(1), value), kind));
  }
  return variants;
}

/** A container's own values that no selector below it reaches into: absent and null, where CloudTrail allows them. */
function containerValues(spec: FieldSpec | undefined): (null | undefined)[] {
  const values: (null | undefined)[] = [];
  if (!spec || spec.presence === "optional") values.push(undefined);
  if (spec?.nullable) values.push(null);
  return values;
}

/** What CloudTrail documents of a container: the record itself for `$.*`, else its field spec (undefined if none). */
function containerSpecOf(container: readonly string[]): FieldSpec | undefined {
  return container.length === 0 ? RECORD_SPEC : fieldSpecOf(container);
}

/**
 * Why the steps reach nothing any variant tries, if so: an index past `MAX_TRIED_INDEX`, or indexes in nested arrays
 * (`[18].*[12][24]`) whose built value would hold more than `MAX_TRIED_INDEX + 1` elements in all (each array is
 * built whole, so the copies multiply: 19 × 13 × 25 = 6,175, each compared and evaluated for every variant).
 */
function beyondTriedIndex(steps: readonly SelectorStep[]): string | undefined {
  const indexes = steps.flatMap((step) => (step.kind === "index" ? [step.index] : []));
  if (indexes.some((index) => index > MAX_TRIED_INDEX)) {
    return `reaches past element ${MAX_TRIED_INDEX} of an array, and calls holding arrays that long are not tried`;
  }
  const elements = indexes.reduce((product, index) => product * (index + 1), 1);
  if (elements <= MAX_TRIED_INDEX + 1) return undefined;
  return (
    `reaches into nested arrays of ${elements} elements in all (more than ${MAX_TRIED_INDEX + 1}), and calls ` +
    "holding arrays that large are not tried"
  );
}

/**
 * The first selector of a JSON pattern whose element no variant tries (`beyondTriedIndex`) in a container that could
 * hold it (`$.foo[5000]`), with why: a pattern judged covering with it can only be undecided.
 */
export function untriedSelector(pattern: FilterPattern): string | undefined {
  if (pattern.kind !== "json") return undefined;
  for (const condition of conditionsOf(pattern.expression)) {
    const split = splitSelector(condition);
    const why = split && beyondTriedIndex(split.steps);
    if (!split || !why) continue;
    if (placementOf(containerSpecOf(split.container), split.steps[0]) !== undefined) {
      return `${condition.selector.text} ${why}`;
    }
  }
  return undefined;
}

/**
 * How an element is placed where a selector reaches it from its container: an undocumented container, or a
 * documented array, is replaced by the smallest value the steps reach it in; a documented object under a wildcard
 * keeps its members (a CloudTrail record's `requestParameters.name` stays) and gets one more. Undefined for an index
 * into a documented object (an index reaches elements of arrays only) or a documented string or boolean. A wildcard
 * reaches the elements of an array and the members of an object whichever way it is written, `[*]` or `.*`, as the
 * evaluator reads it (AWS: "the JSON wildcard to select any array element or any JSON object field").
 */
function placementOf(spec: FieldSpec | undefined, first: SelectorStep): "replace" | "add" | undefined {
  if (!spec || spec.type === "array") return "replace";
  if (spec.type === "object" && first.kind !== "index") return "add";
  return undefined;
}

/** The steps with a leading `.*` written `[*]`, so that the value built for a documented array is an array. */
function asArraySteps(steps: readonly SelectorStep[]): readonly SelectorStep[] {
  return steps[0].kind === "anyKey" ? [{ kind: "anyIndex" }, ...steps.slice(1)] : steps;
}

/**
 * The smallest value in which `steps` reach `value`: `[0]` → [value], `[2]` → [value, value, value], `[*]` →
 * [value], `.*` → {"zz": value}, `.key` → {"key": value}. For `value` undefined, the steps reach nothing: the
 * innermost array or object is empty. With no steps, `value` itself.
 */
function reaching<T extends JsonValue | undefined>(steps: readonly SelectorStep[], value: T): JsonValue | T {
  let inner: JsonValue | T = value;
  for (let i = steps.length - 1; i >= 0; i--) inner = holding(steps[i], inner);
  return inner;
}

/** An array or object in which one step reaches `value` (empty for undefined). */
function holding(step: SelectorStep, value: JsonValue | undefined): JsonValue {
  switch (step.kind) {
    case "key":
      return value === undefined ? {} : { [step.name]: value };
    case "anyKey":
      return value === undefined ? {} : { [ADDED_MEMBER]: value };
    case "index":
      return value === undefined ? [] : new Array<JsonValue>(step.index + 1).fill(value);
    case "anyIndex":
      return value === undefined ? [] : [value];
  }
}

/** The record with one more member in the object at `path` (created where absent or null); undefined if it is not an object. */
function withMember(record: JsonObject, path: readonly string[], member: JsonValue): JsonObject | undefined {
  const current = getAtPath(record, path);
  if (current !== undefined && current !== null && !isJsonObject(current)) return undefined;
  return setAtPath(record, path, { ...(current ?? {}), [ADDED_MEMBER]: member });
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
function candidateValues(label: string, literals: readonly Value[], spec: FieldSpec | undefined): Candidate[] {
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
  for (const other of spec?.others ?? []) candidates.push({ value: other, kind: describeLabelled(label, other) });
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
