/**
 * Does a composite alarm reach a person when the watched metric alarm x goes into ALARM?
 *
 * A composite alarm acts when its own state changes: its AlarmActions are "The actions to execute when this alarm
 * transitions to the ALARM state from any other state"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html), and "CloudWatch
 * alarms do not invoke actions simply because they are in a particular state, the state must have changed"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html). So x is credited
 * ("yes") only when both hold:
 *
 * 1. the rule is true whenever x is in ALARM, whatever state every other alarm is in; and
 * 2. for each state x can come from, OK and INSUFFICIENT_DATA, the rule can be false while x is in it, so that the
 *    composite alarm is not already in ALARM when x changes. A rule that is always true (`TRUE`, or
 *    `ALARM(x) OR NOT ALARM(x)`) keeps the composite alarm in ALARM, and it never notifies again; a rule true
 *    whenever x is OK (`ALARM(x) OR OK(x)`) misses the OK-to-ALARM change. Both states count because an alarm on a
 *    metric that reports only when something happens sits in OK or, with the default treatment of missing data
 *    (`missing`), in INSUFFICIENT_DATA (same page, "Configuring how CloudWatch alarms treat missing data").
 *
 * Each other alarm is in exactly one of ALARM, OK and INSUFFICIENT_DATA, and atoms on the same alarm are correlated.
 * The answer is exact by enumeration: alarms referenced once are left free (see evaluate.ts: exact for them), and
 * the states of alarms referenced more than once are enumerated, within ENUMERATION_BUDGET. Past the budget the
 * check stays sound: it answers "unknown" rather than "yes" or "no" when the enumerated part does not decide.
 *
 * When the rule's meaning depends on an undocumented precedence (readings.ts), or on whether a name and an ARN
 * designate the same alarm (references.ts), every possibility is checked and only an answer they all agree on is
 * given; otherwise "unknown", with the reason.
 */
import type { AlarmReference, AlarmRuleError, AlarmState, RuleExpression } from "./ast";
import { type AlarmIdentities, type World, countNodes, evaluate, realize } from "./evaluate";
import { describeStates, joinRequirements, unmetRequirements } from "./explain";
import { parseAlarmRule } from "./parser";
import { printAlarmRule, printReference } from "./printer";
import { READINGS, type Reading, distinctReadings, readAs } from "./readings";
import { canonicalAlarmName, collectReferences } from "./references";

export type CreditVerdict = "yes" | "no" | "unknown";

export interface AlarmRuleCredit {
  readonly verdict: CreditVerdict;
  /** Why, in plain words, without the verdict itself (e.g. `when "x" is in ALARM the rule is still false if ...`). */
  readonly reason: string;
  /** Present when the rule does not parse (then the verdict is "no": AWS rejects the rule). */
  readonly error?: AlarmRuleError;
}

/**
 * Node evaluations allowed per state of the watched alarm: 3^k combinations of the k alarms referenced more than once
 * times the size of the tree. 500,000 decides any rule with up to 8 such alarms in a 70-node tree in well under a
 * second, on a rule AWS limits to 100 alarms and 500 elements.
 */
export const ENUMERATION_BUDGET = 500_000;

/** Parses `ruleText` and checks it (see the module comment). Never throws. */
export function creditsWatchedAlarm(ruleText: string, isWatched: (reference: string) => boolean): AlarmRuleCredit {
  const parsed = parseAlarmRule(ruleText);
  if (!parsed.ok) {
    return { verdict: "no", reason: `AWS would reject the rule: ${parsed.error.message}`, error: parsed.error };
  }
  return creditsWatchedAlarmInTree(parsed.rule, isWatched);
}

/** Checks a parsed rule. `isWatched` receives each reference's text (name or ARN, quotes removed). */
export function creditsWatchedAlarmInTree(
  rule: RuleExpression,
  isWatched: (reference: string) => boolean,
): AlarmRuleCredit {
  const watchedCache = new Map<string, boolean>();
  const watched = (reference: AlarmReference): boolean => {
    let value = watchedCache.get(reference.text);
    if (value === undefined) {
      value = isWatched(reference.text);
      watchedCache.set(reference.text, value);
    }
    return value;
  };
  const references = collectReferences(rule);
  const first = references.find(watched);
  if (!first) {
    const always = evaluate(readAs(rule, READINGS[0]), { watched: "OK", others: new Map() }, IGNORE_ALL) === "true";
    const reason = always
      ? "the rule is always true, so the composite alarm stays in ALARM and never notifies again; it does not refer " +
        "to the watched alarm either"
      : "the rule never refers to the watched alarm, so the watched alarm going into ALARM cannot change it";
    return { verdict: "no", reason };
  }
  const x = printReference({ ...first, quoted: true });
  const hypotheses = identityHypotheses(references, watched);
  const scenarios: Scenario[] = [];
  for (const { reading, tree } of distinctReadings(rule)) {
    for (const hypothesis of hypotheses) {
      scenarios.push({ reading, hypothesis, outcome: creditOne(tree, hypothesis, x) });
    }
  }
  return combine(scenarios, rule);
}

/** Identities under which no reference is the watched alarm and every other alarm is free. */
const IGNORE_ALL: AlarmIdentities = { isWatched: () => false, keyOf: (reference) => reference.text };

interface Hypothesis {
  readonly ids: AlarmIdentities;
  /** How the hypothesis reads the references, for messages ("" when there is only one way). */
  readonly label: string;
  readonly display: (key: string) => string;
}

interface Scenario {
  readonly reading: Reading;
  readonly hypothesis: Hypothesis;
  readonly outcome: AlarmRuleCredit;
}

/**
 * One identity hypothesis when no two spellings share an alarm name; otherwise two: same name, same alarm (true
 * within one account and Region, where names are unique), and every spelling a different alarm (possible with an
 * ARN of another account).
 */
function identityHypotheses(
  references: readonly AlarmReference[],
  watched: (reference: AlarmReference) => boolean,
): Hypothesis[] {
  const others = references.filter((reference) => !watched(reference));
  const spellings = new Map<string, Set<string>>();
  for (const reference of others) {
    const name = canonicalAlarmName(reference.text);
    const set = spellings.get(name) ?? new Set<string>();
    set.add(reference.text);
    spellings.set(name, set);
  }
  const shared = [...spellings.values()].find((set) => set.size > 1);
  const byText = hypothesis(others, watched, (text) => text, "");
  if (!shared) return [byText];
  const pair = [...shared]
    .slice(0, 2)
    .map((text) => JSON.stringify(text))
    .join(" and ");
  return [
    hypothesis(others, watched, canonicalAlarmName, `taking ${pair} as the same alarm`),
    { ...byText, label: `taking ${pair} as different alarms` },
  ];
}

function hypothesis(
  others: readonly AlarmReference[],
  watched: (reference: AlarmReference) => boolean,
  keyOfText: (text: string) => string,
  label: string,
): Hypothesis {
  const names = new Map<string, string>();
  for (const reference of others) {
    const key = keyOfText(reference.text);
    if (!names.has(key)) names.set(key, printReference({ ...reference, quoted: true }));
  }
  return {
    ids: { isWatched: watched, keyOf: (reference) => keyOfText(reference.text) },
    label,
    display: (key) => names.get(key) ?? JSON.stringify(key),
  };
}

type Search =
  { readonly kind: "found"; readonly world: World } | { readonly kind: "none" } | { readonly kind: "undecided" };

function creditOne(tree: RuleExpression, hypothesis: Hypothesis, x: string): AlarmRuleCredit {
  const { ids } = hypothesis;
  const occurrences = new Map<string, number>();
  for (const reference of collectReferences(tree)) {
    if (ids.isWatched(reference)) continue;
    const key = ids.keyOf(reference);
    occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
  }
  const repeated = [...occurrences.entries()].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]);
  const maxSplit = Math.max(0, Math.floor(Math.log(ENUMERATION_BUDGET / countNodes(tree)) / Math.log(3)));
  const split = repeated.slice(0, maxSplit).map(([key]) => key);
  const exact = repeated.length <= maxSplit;
  const search = (watchedState: AlarmState): Search =>
    findFalse(tree, watchedState, split, ids, exact, [...occurrences.keys()]);

  const inAlarm = search("ALARM");
  if (inAlarm.kind === "found") {
    const requirement = joinRequirements(unmetRequirements(tree, true, inAlarm.world, ids));
    const states = describeStates(requirement.keys, inAlarm.world, hypothesis.display);
    const when = states ? ` if ${states}` : "";
    return {
      verdict: "no",
      reason: `when ${x} is in ALARM the rule is still false${when}: it also needs ${requirement.text}`,
    };
  }
  const fromOk = search("OK");
  const fromInsufficient = search("INSUFFICIENT_DATA");
  const stuck = [
    fromOk.kind === "none" ? "OK" : "",
    fromInsufficient.kind === "none" ? "INSUFFICIENT_DATA" : "",
  ].filter(Boolean);
  if (stuck.length === 2 && inAlarm.kind === "none") {
    return {
      verdict: "no",
      reason:
        `the rule is true whatever state ${x} and the other alarms are in, so the composite alarm stays in ALARM ` +
        `and does not notify when ${x} goes into ALARM (CloudWatch acts on a change into ALARM)`,
    };
  }
  if (stuck.length > 0) {
    const from = stuck.join(" or ");
    return {
      verdict: "no",
      reason:
        `while ${x} is in ${from} the rule is already true whatever the other alarms' states, so when ${x} goes ` +
        `from ${from} to ALARM the composite alarm does not change state and does not notify`,
    };
  }
  if (inAlarm.kind === "undecided" || fromOk.kind === "undecided" || fromInsufficient.kind === "undecided") {
    return {
      verdict: "unknown",
      reason:
        `the rule refers to ${repeated.length} alarms more than once; deciding exactly means trying ` +
        `3^${repeated.length} combinations of their states, and this check tries at most 3^${maxSplit}`,
    };
  }
  const okWorld = (fromOk as { readonly world: World }).world;
  const why = joinRequirements(unmetRequirements(tree, true, okWorld, ids));
  const states = describeStates(why.keys, okWorld, hypothesis.display);
  return {
    verdict: "yes",
    reason:
      `the rule is true whenever ${x} is in ALARM, whatever the other alarms' states, and can be false while ${x} ` +
      `is in OK or INSUFFICIENT_DATA${states ? ` (e.g. when ${states})` : ""}, so the composite alarm goes into ` +
      `ALARM ` +
      `when ${x} does`,
  };
}

/**
 * Looks for a world where the rule is false with the watched alarm in `watchedState`: enumerates the `split` alarms'
 * states and evaluates with the others free. "undecided" when only an inexact evaluation came back unknown.
 */
function findFalse(
  tree: RuleExpression,
  watchedState: AlarmState,
  split: readonly string[],
  ids: AlarmIdentities,
  exact: boolean,
  allKeys: readonly string[],
): Search {
  const states: readonly AlarmState[] = ["OK", "ALARM", "INSUFFICIENT_DATA"];
  const digits = split.map(() => 0);
  let undecided = false;
  for (;;) {
    const others = new Map<string, AlarmState>(split.map((key, i) => [key, states[digits[i]]]));
    const world: World = { watched: watchedState, others };
    const value = evaluate(tree, world, ids);
    if (value === "false" || (value === "unknown" && exact)) {
      const assigned = new Map(others);
      if (value === "unknown") realize(tree, false, world, ids, assigned);
      for (const key of allKeys) if (!assigned.has(key)) assigned.set(key, "OK");
      return { kind: "found", world: { watched: watchedState, others: assigned } };
    }
    if (value === "unknown") undecided = true;
    let i = 0;
    while (i < digits.length && digits[i] === 2) digits[i++] = 0;
    if (i === digits.length) break;
    digits[i] = digits[i] + 1;
  }
  return undecided ? { kind: "undecided" } : { kind: "none" };
}

/** One answer from the scenarios: theirs when they agree, "unknown" naming what decides it otherwise. */
function combine(scenarios: readonly Scenario[], rule: RuleExpression): AlarmRuleCredit {
  const first = scenarios[0];
  if (scenarios.every((s) => s.outcome.verdict === first.outcome.verdict)) return first.outcome;
  const yes = scenarios.find((s) => s.outcome.verdict === "yes");
  const no = scenarios.find((s) => s.outcome.verdict === "no");
  if (yes && no) {
    const byReading = yes.reading !== no.reading;
    const what = byReading
      ? `how AWS reads ${shorten(printAlarmRule(rule))}, whose precedence of AND, OR and NOT is not documented`
      : "whether two spellings designate the same alarm";
    const yesLabel = byReading ? yes.reading.label : yes.hypothesis.label;
    const noLabel = byReading ? no.reading.label : no.hypothesis.label;
    const fix = byReading ? "; add parentheses to say which is meant" : "";
    return {
      verdict: "unknown",
      reason: `the answer depends on ${what}: ${yesLabel}, yes; ${noLabel}, no (${no.outcome.reason})${fix}`,
    };
  }
  const open = scenarios.find((s) => s.outcome.verdict === "unknown") as Scenario;
  return open.outcome;
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
