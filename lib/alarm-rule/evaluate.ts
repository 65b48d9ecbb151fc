/**
 * Three-valued evaluation of an unambiguous rule tree (no `sequence` node) over a partial assignment of alarm states.
 *
 * Every alarm is in exactly one of ALARM, OK and INSUFFICIENT_DATA
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-states). An alarm
 * whose state is not assigned is "free": an atom on it is `unknown`, and AND, OR and NOT combine `unknown` as in
 * Kleene's logic. That is sound (a `true` or `false` result holds for every state of the free alarms) and, when each
 * free alarm occurs in one atom only, exact: an `unknown` result can then be made either true or false, because the
 * atoms on different free alarms can be set independently (`realize` does it).
 */
import type { AlarmReference, AlarmState, AtLeastFunction, RuleExpression } from "./ast";

export type Truth = "true" | "false" | "unknown";

/** How the references of one rule map to alarms. */
export interface AlarmIdentities {
  /** Whether the reference designates the watched alarm. */
  isWatched(reference: AlarmReference): boolean;
  /** The identity of any other alarm: references with the same key designate the same alarm. */
  keyOf(reference: AlarmReference): string;
}

/** The watched alarm's state and the states assigned to other alarms (by key); absent keys are free. */
export interface World {
  readonly watched: AlarmState;
  readonly others: ReadonlyMap<string, AlarmState>;
}

/** The truth of `rule` in `world`. */
export function evaluate(rule: RuleExpression, world: World, ids: AlarmIdentities): Truth {
  switch (rule.kind) {
    case "constant":
      return rule.value ? "true" : "false";
    case "state":
      return stateTruth(rule.alarm, rule.state, world, ids);
    case "atLeast":
      return atLeastTruth(rule, world, ids);
    case "not": {
      const inner = evaluate(rule.operand, world, ids);
      return inner === "unknown" ? "unknown" : inner === "true" ? "false" : "true";
    }
    case "and":
    case "or": {
      const absorbing: Truth = rule.kind === "and" ? "false" : "true";
      let unknown = false;
      for (const operand of rule.operands) {
        const value = evaluate(operand, world, ids);
        if (value === absorbing) return absorbing;
        if (value === "unknown") unknown = true;
      }
      if (unknown) return "unknown";
      return rule.kind === "and" ? "true" : "false";
    }
    case "sequence":
      // Callers read sequences first (readings.ts); an unread one cannot be evaluated.
      return "unknown";
  }
}

function stateOf(reference: AlarmReference, world: World, ids: AlarmIdentities): AlarmState | undefined {
  return ids.isWatched(reference) ? world.watched : world.others.get(ids.keyOf(reference));
}

function stateTruth(reference: AlarmReference, state: AlarmState, world: World, ids: AlarmIdentities): Truth {
  const actual = stateOf(reference, world, ids);
  if (actual === undefined) return "unknown";
  return actual === state ? "true" : "false";
}

/** How many listed alarms must qualify: the count, or the percentage of the list rounded up. */
export function atLeastNeeded(node: AtLeastFunction): number {
  if (node.threshold.kind === "count") return node.threshold.value;
  return Math.ceil((node.threshold.value * node.alarms.length) / 100);
}

/** Whether an alarm in `state` counts towards the AT_LEAST threshold. */
export function qualifies(node: AtLeastFunction, state: AlarmState): boolean {
  return (state === node.state) !== node.negated;
}

function atLeastTruth(node: AtLeastFunction, world: World, ids: AlarmIdentities): Truth {
  let certain = 0;
  let free = 0;
  for (const alarm of node.alarms) {
    const state = stateOf(alarm, world, ids);
    if (state === undefined) free++;
    else if (qualifies(node, state)) certain++;
  }
  const needed = atLeastNeeded(node);
  if (certain >= needed) return "true";
  if (certain + free < needed) return "false";
  return "unknown";
}

/** A state other than `state`, for an atom that must be false: OK when possible, as the most ordinary state. */
export function otherState(state: AlarmState): AlarmState {
  return state === "OK" ? "ALARM" : "OK";
}

/**
 * Assigns free alarms so that `rule` takes the value `target`, adding to `out`. Precondition: `rule` evaluates to
 * `target` or `unknown` in `world`, and every free alarm occurs in one atom only (so assignments never conflict).
 * Nodes already equal to `target` are left alone.
 */
export function realize(
  rule: RuleExpression,
  target: boolean,
  world: World,
  ids: AlarmIdentities,
  out: Map<string, AlarmState>,
): void {
  if (evaluate(rule, world, ids) !== "unknown") return;
  switch (rule.kind) {
    case "state":
      out.set(ids.keyOf(rule.alarm), target ? rule.state : otherState(rule.state));
      return;
    case "atLeast": {
      const inState = qualifies(rule, rule.state) ? rule.state : otherState(rule.state);
      const outState = qualifies(rule, rule.state) ? otherState(rule.state) : rule.state;
      for (const alarm of rule.alarms) {
        if (stateOf(alarm, world, ids) === undefined) out.set(ids.keyOf(alarm), target ? inState : outState);
      }
      return;
    }
    case "not":
      realize(rule.operand, !target, world, ids, out);
      return;
    case "and":
    case "or": {
      // AND made true and OR made false need every operand; the other two need one.
      const needsAll = (rule.kind === "and") === target;
      if (needsAll) {
        for (const operand of rule.operands) realize(operand, target, world, ids, out);
        return;
      }
      const wanted: Truth = target ? "true" : "false";
      if (rule.operands.some((operand) => evaluate(operand, world, ids) === wanted)) return;
      const open = rule.operands.find((operand) => evaluate(operand, world, ids) === "unknown");
      if (open) realize(open, target, world, ids, out);
      return;
    }
    default:
      return;
  }
}

/** The number of nodes in the tree, to size enumeration budgets. */
export function countNodes(rule: RuleExpression): number {
  switch (rule.kind) {
    case "not":
      return 1 + countNodes(rule.operand);
    case "and":
    case "or":
      return rule.operands.reduce((sum, operand) => sum + countNodes(operand), 1);
    case "sequence":
      return rule.items.reduce((sum, item) => sum + countNodes(item.operand) + item.negations.length, 1);
    default:
      return 1;
  }
}
