/**
 * What must hold for every filter pattern, whatever its text: the parser answers (a tree or an error with a
 * position, never an exception and never its own "internal-error"), an accepted pattern prints to text that parses
 * back to the same tree (spans and the selectors' spelling aside) and prints the same again, evaluation answers
 * match / noMatch / indeterminate and gives the same answer for the printed form, and the coverage verdict of a
 * pattern and of its printed form agree.
 */
import type { FilterPattern, MatchOutcome, PatternError } from "../../lib/filter-pattern";
import { ERROR_PREFIX, parseFilterPattern, printFilterPattern } from "../../lib/filter-pattern";
import type { CoverageVerdict } from "../coverage-adapter";

/** The tree without spans and without selectors' `text` (which records how the selector was written). */
export function normalisedTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalisedTree);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    const isSelector = "steps" in value;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "span" || (isSelector && key === "text")) continue;
      out[key] = normalisedTree(inner);
    }
    return out;
  }
  return value;
}

/** Equality of two trees ignoring spans and selector spelling. */
export function sameTree(a: FilterPattern, b: FilterPattern): boolean {
  return JSON.stringify(normalisedTree(a)) === JSON.stringify(normalisedTree(b));
}

/** What is wrong with a parse error for `text`, or undefined: a plain message at a column inside the text. */
export function parseErrorProblem(text: string, error: PatternError): string | undefined {
  if (error.code === "internal-error") return `the parser failed: ${error.message}`;
  if (!error.message.startsWith(`${ERROR_PREFIX} at column ${error.column}: `))
    return `a message without its column: ${error.message}`;
  if (error.offset < 0 || error.offset > text.length || error.column !== error.offset + 1)
    return `a position outside the text: ${error.message}`;
  return undefined;
}

/** The result of printing an accepted tree and reading it back. */
export type RoundTrip =
  | { readonly ok: true; readonly printed: string; readonly reparsed: FilterPattern }
  | { readonly ok: false; readonly printed: string; readonly problem: string };

/** Prints `tree`, parses the text again and checks the tree and a second printing. */
export function roundTrip(tree: FilterPattern): RoundTrip {
  const printed = printFilterPattern(tree);
  const reparsed = parseFilterPattern(printed);
  if (!reparsed.ok)
    return { ok: false, printed, problem: `the printed form does not parse: ${reparsed.error.message}` };
  if (!sameTree(tree, reparsed.pattern))
    return { ok: false, printed, problem: "the printed form parses to a different tree" };
  const again = printFilterPattern(reparsed.pattern);
  if (again !== printed) return { ok: false, printed, problem: `printing twice differs: ${JSON.stringify(again)}` };
  return { ok: true, printed, reparsed: reparsed.pattern };
}

/**
 * Whether the text mixes `&&` and `||` without parentheses in a way whose grouping changes the tree: AWS states no
 * precedence between them, the parser reads `&&` first by default (parser.ts `AndOrReading`), and the printed form
 * of that tree spells the grouping out. Such a pattern and its printed form may rightly get different verdicts (the
 * coverage engine judges every reading of the first), so their verdicts are not compared.
 */
export function hasAmbiguousGrouping(text: string, tree: FilterPattern): boolean {
  if (tree.kind !== "json" || !(text.includes("&&") && text.includes("||"))) return false;
  return (["or-first", "left-to-right"] as const).some((andOr) => {
    const other = parseFilterPattern(text, { andOr });
    return other.ok && !sameTree(other.pattern, tree);
  });
}

/** The outcome as a comparable word; extracted values count (space-delimited patterns extract them). */
export function outcomeKey(outcome: MatchOutcome): string {
  switch (outcome.outcome) {
    case "match":
      return `match ${JSON.stringify(outcome.extractedValues ?? {})}`;
    case "noMatch":
      return "noMatch";
    case "indeterminate":
      return "indeterminate";
  }
}

/**
 * A verdict in the words that must not depend on how the pattern is written: its kind, the events missed and
 * their kinds, how many negative controls it also matches. Reasons quote the pattern's clauses as written, so
 * they are left out.
 */
export function verdictKey(verdict: CoverageVerdict): string {
  const broader =
    "broaderThanRequired" in verdict && verdict.broaderThanRequired !== undefined
      ? `${verdict.broaderThanRequired.matched}/${verdict.broaderThanRequired.of}`
      : "-";
  switch (verdict.verdict) {
    case "misses": {
      const missed = verdict.missed.map((event) => `${event.eventName}:${[...event.kinds].sort().join("+")}`).sort();
      return `misses ${missed.join(",")} broader ${broader}`;
    }
    case "countsRoutine":
      return `countsRoutine ${verdict.routine.eventSource} ${verdict.routine.eventName}`;
    case "invalid":
      return `invalid ${verdict.error.code}`;
    default:
      return `${verdict.verdict} broader ${broader}`;
  }
}
