/**
 * The record families, built lazily (the first pattern judged for a control builds its family) and kept for the
 * life of the process, with what judgments derive from a family once: its negative controls parsed as JSON and
 * the order its kinds first appear in.
 */
import type { EventFamily } from "../cloudtrail";
import { buildTargetFamily } from "../cloudtrail/families";
import type { ControlDefinition } from "../controls/types";
import { parseEventJson } from "../filter-pattern/evaluate";
import type { EventJson } from "../filter-pattern/evaluate";
import { memoTable } from "../memo";

const families = memoTable<string, EventFamily>();

/** The family of a control's target records, built on first use. */
export function familyFor(control: ControlDefinition): EventFamily {
  // Keyed by the target set itself, not the control's id: two definitions with the same id could differ.
  const key = JSON.stringify(control.target);
  let family = families.get(key);
  if (!family) {
    family = buildTargetFamily(control.target);
    families.set(key, family);
  }
  return family;
}

const negativeJson = new WeakMap<EventFamily, readonly (EventJson | undefined)[]>();

/** The family's negative controls read as JSON (undefined: not JSON), once per family. */
export function parsedNegatives(family: EventFamily): readonly (EventJson | undefined)[] {
  let parsed = negativeJson.get(family);
  if (!parsed) {
    parsed = family.negatives.map((control) => parseEventJson(control.message));
    negativeJson.set(family, parsed);
  }
  return parsed;
}

const kindOrders = new WeakMap<EventFamily, Map<string, number>>();

/** Every kind of the family in the order it first appears, so reasons list kinds the same way for every event. */
export function kindOrder(family: EventFamily): Map<string, number> {
  let order = kindOrders.get(family);
  if (!order) {
    order = new Map<string, number>();
    for (const record of family.positives)
      for (const kind of record.kinds) if (!order.has(kind)) order.set(kind, order.size);
    kindOrders.set(family, order);
  }
  return order;
}
