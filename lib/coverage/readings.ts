/**
 * The trees a pattern could mean. AWS's filter-pattern documentation writes compound JSON conditions with
 * parentheses and states no precedence between `&&` and `||`; CIS texts mix them without parentheses (4.1 from
 * v2.0.0, the 4.13 audit procedure from v3.0.0). A run like `a || b && c` is read with `&&` binding tighter (as most
 * languages do, and the parser by default), with `||` binding tighter, and strictly left to right; a pattern without
 * such a run has one meaning.
 */
import type { FilterPattern } from "../filter-pattern/ast";
import { parseFilterPattern } from "../filter-pattern/parser";
import type { AndOrReading } from "../filter-pattern/parser";
import { printFilterPattern } from "../filter-pattern/printer";

export interface Reading {
  readonly andOr: AndOrReading;
  /** For reasons: "&& binding tighter than ||". */
  readonly label: string;
  readonly pattern: FilterPattern;
}

const LABELS: Readonly<Record<AndOrReading, string>> = {
  "and-first": "&& binding tighter than ||",
  "or-first": "|| binding tighter than &&",
  "left-to-right": "&& and || applied left to right",
};

/** The distinct readings of a pattern that parses, the default (`&&` first) first; one when it has one meaning. */
export function readingsOf(text: string, pattern: FilterPattern): Reading[] {
  const first: Reading = { andOr: "and-first", label: LABELS["and-first"], pattern };
  if (pattern.kind !== "json" || !(text.includes("&&") && text.includes("||"))) return [first];
  const seen = new Set([printFilterPattern(pattern)]);
  const readings = [first];
  for (const andOr of ["or-first", "left-to-right"] as const) {
    const parsed = parseFilterPattern(text, { andOr });
    if (!parsed.ok) continue;
    const key = printFilterPattern(parsed.pattern);
    if (seen.has(key)) continue;
    seen.add(key);
    readings.push({ andOr, label: LABELS[andOr], pattern: parsed.pattern });
  }
  return readings;
}
