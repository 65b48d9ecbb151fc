/**
 * Plain-language explanations of why a rule has a value in a fully assigned world: the conditions the rule still
 * needs, e.g. `"CPUHigh" in ALARM` for `ALARM(x) AND ALARM(CPUHigh)` when CPUHigh is OK.
 */
import type { AlarmReference, AlarmState, AtLeastFunction, RuleExpression } from "./ast";
import { type AlarmIdentities, type World, evaluate } from "./evaluate";
import { printReference } from "./printer";

/** One condition the rule needs, and the keys of the other alarms it mentions. */
export interface Requirement {
  readonly text: string;
  readonly keys: readonly string[];
}

/**
 * The conditions that would have to hold for `rule` to be `wanted`, given that in `world` (fully assigned) it is
 * not. AND wanted true lists every false operand's needs; OR wanted true needs any one of its operands.
 */
export function unmetRequirements(
  rule: RuleExpression,
  wanted: boolean,
  world: World,
  ids: AlarmIdentities,
): Requirement[] {
  switch (rule.kind) {
    case "constant":
      return [
        { text: `${rule.value ? "TRUE" : "FALSE"} to be ${wanted ? "true" : "false"}, which it never is`, keys: [] },
      ];
    case "state":
      return [{ text: statePhrase(rule.alarm, rule.state, wanted), keys: keysOf([rule.alarm], ids) }];
    case "atLeast":
      return [{ text: atLeastPhrase(rule, wanted), keys: keysOf(rule.alarms, ids) }];
    case "not":
      return unmetRequirements(rule.operand, !wanted, world, ids);
    case "and":
    case "or": {
      const wantedTruth = wanted ? "true" : "false";
      const failing = rule.operands.filter((operand) => evaluate(operand, world, ids) !== wantedTruth);
      const needsAll = (rule.kind === "and") === wanted;
      if (needsAll) return failing.flatMap((operand) => unmetRequirements(operand, wanted, world, ids));
      const options = failing.map((operand) => joinRequirements(unmetRequirements(operand, wanted, world, ids)));
      if (options.length === 1) return [options[0]];
      return [{ text: `one of: ${options.map((o) => o.text).join("; or ")}`, keys: options.flatMap((o) => o.keys) }];
    }
    case "sequence":
      return [];
  }
}

/** Requirements joined with "and" into one. */
export function joinRequirements(requirements: readonly Requirement[]): Requirement {
  return { text: requirements.map((r) => r.text).join(" and "), keys: requirements.flatMap((r) => r.keys) };
}

function keysOf(references: readonly AlarmReference[], ids: AlarmIdentities): string[] {
  return references.filter((reference) => !ids.isWatched(reference)).map((reference) => ids.keyOf(reference));
}

function statePhrase(alarm: AlarmReference, state: AlarmState, wanted: boolean): string {
  return `${printReference({ ...alarm, quoted: true })} ${wanted ? "in" : "not in"} ${state}`;
}

function atLeastPhrase(node: AtLeastFunction, wanted: boolean): string {
  const threshold = node.threshold.kind === "count" ? `${node.threshold.value}` : `${node.threshold.value}%`;
  const list = node.alarms.map((alarm) => printReference({ ...alarm, quoted: true })).join(", ");
  const state = `${node.negated ? "not in" : "in"} ${node.state}`;
  return wanted ? `at least ${threshold} of (${list}) ${state}` : `fewer than ${threshold} of (${list}) ${state}`;
}

/** `"y" in OK, "z" in ALARM` for the given keys (in order, without repeats), or "" when there are none. */
export function describeStates(keys: readonly string[], world: World, displayName: (key: string) => string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const state = world.others.get(key);
    if (state) parts.push(`${displayName(key)} is in ${state}`);
  }
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
