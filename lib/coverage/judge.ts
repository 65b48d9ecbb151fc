/**
 * The coverage judgment: does a metric-filter pattern count every record of a control's target set, and only as
 * much more as lets its alarm fall quiet?
 *
 * 1. Parse the pattern; a pattern AWS would reject is `invalid`. A pattern that mixes `&&` and `||` without
 *    parentheses is judged under every reading (readings.ts); readings that disagree make it `indeterminate`.
 * 2. Evaluate it against every record of the control's family (lib/cloudtrail/families): a subject (an event, or a
 *    label of records) is covered only if ALL its records match. A record that does not match is a definite miss.
 * 3. If no record is missed, look for narrowing the family cannot show (adversarial variants, variants.ts) in variants
 *    of every record, undecided ones too: a variant that fails for certain is a miss however the rule AWS leaves
 *    open is decided.
 * 4. A pattern that covers but counts routine records is `countsRoutine` (routine.ts).
 * 5. Otherwise a record the evaluator cannot decide, or a selector reaching further into an array than variants try
 *    (variants.ts `untriedSelector`), makes the verdict `indeterminate`; else `covers`.
 *
 * Negative controls never change the verdict; how many matched is reported in `broaderThanRequired`. Every
 * `misses` reason names the subjects, the kinds of call, and the clause to blame.
 */
import type { EventFamily } from "../cloudtrail";
import type { RoutineCall } from "../cloudtrail/routine";
import type { ControlDefinition } from "../controls/types";
import type { FilterPattern } from "../filter-pattern/ast";
import { evaluatePatternOnJson } from "../filter-pattern/evaluate";
import { parseFilterPattern } from "../filter-pattern/parser";
import { conditionsOf } from "./clauses";
import type { JudgeContext } from "./context";
import { familyFor, parsedNegatives } from "./family-cache";
import { familyMissGroups } from "./family-misses";
import { readingsOf } from "./readings";
import type { Reading } from "./readings";
import { recordEvaluator } from "./record-evaluator";
import { missesVerdict, withBroader } from "./reason";
import { countedRoutine } from "./routine";
import type { BroaderThanRequired, CoverageVerdict } from "./types";
import { findNarrowing, untriedSelector } from "./variants";

/** Tuning of the judgment; every field has a default. */
export interface CoverageOptions {
  /** Which routine calls the trails delivering to this log group record (default: every one). */
  readonly recorded?: (call: RoutineCall) => boolean;
  /**
   * The most adversarial variants evaluated per judgment (bounds the time). Default: 4000 divided by the number
   * of conditions in the pattern, between 60 and 400.
   */
  readonly maxVariantEvaluations?: number;
}

/** Condition evaluations the variants may spend by default: long patterns get fewer variants. */
const VARIANT_CONDITION_BUDGET = 4000;
const MIN_VARIANT_BUDGET = 60;
const MAX_VARIANT_BUDGET = 400;

const everyCall = (): boolean => true;

/** Judges whether `patternText` counts every record of the control's target set. Never throws. */
export function judgeCoverage(
  patternText: string,
  control: ControlDefinition,
  options: CoverageOptions = {},
): CoverageVerdict {
  const parsed = parseFilterPattern(patternText);
  if (!parsed.ok) return { verdict: "invalid", error: parsed.error };
  const family = familyFor(control);
  const readings = readingsOf(patternText, parsed.pattern);
  const verdicts = readings.map((reading) => judgeReading(reading.pattern, patternText, control, family, options));
  return agreed(readings, verdicts, control);
}

/** The verdict all readings agree on (the first reading's), or `indeterminate` naming how they differ. */
function agreed(
  readings: readonly Reading[],
  verdicts: readonly CoverageVerdict[],
  control: ControlDefinition,
): CoverageVerdict {
  const first = verdicts[0];
  if (verdicts.every((verdict) => verdict.verdict === first.verdict)) return first;
  const each = readings.map(
    (reading, index) => `read with ${reading.label} it ${summary(verdicts[index], control)}`,
  );
  return {
    verdict: "indeterminate",
    reason:
      `the pattern mixes && and || without parentheses, and what it counts depends on how they group: ${each.join("; ")}; ` +
      "add parentheses to say which is meant",
  };
}

function summary(verdict: CoverageVerdict, control: ControlDefinition): string {
  switch (verdict.verdict) {
    case "covers":
      return `counts every ${control.nameOfOne}`;
    case "misses":
    case "countsRoutine":
      return verdict.reason;
    case "indeterminate":
      return `cannot be judged (${verdict.reason})`;
    case "invalid":
      return verdict.error.message;
  }
}

function judgeReading(
  pattern: FilterPattern,
  text: string,
  control: ControlDefinition,
  family: EventFamily,
  options: CoverageOptions,
): CoverageVerdict {
  const context: JudgeContext = { pattern, text, family, evaluator: recordEvaluator(pattern) };
  const outcomes = family.positives.map((record) => ({ record, outcome: context.evaluator.evaluateBase(record) }));
  const broader = broaderThanRequired(context);
  const misses = outcomes.filter((entry) => entry.outcome.outcome === "noMatch").map((entry) => entry.record);
  if (misses.length > 0) return missesVerdict(familyMissGroups(context, misses), broader, family);

  // Every record matches or is undecided: a variant of either that fails for certain is a miss whatever AWS decides.
  const budget = options.maxVariantEvaluations ?? defaultVariantBudget(pattern);
  const narrowing = findNarrowing(context, family.positives, budget);
  if (narrowing.length > 0) return missesVerdict(narrowing, broader, family);

  const routine = countedRoutine(pattern, control, options.recorded ?? everyCall);
  if (routine !== undefined) return routine;

  const undecided = outcomes.find((entry) => entry.outcome.outcome === "indeterminate");
  if (undecided && undecided.outcome.outcome === "indeterminate") {
    const what = family.subjectStyle === "eventName" ? `${undecided.record.eventName} calls` : undecided.record.subject;
    return {
      verdict: "indeterminate",
      reason: `cannot tell whether the pattern matches ${what}: ${undecided.outcome.reason}`,
    };
  }
  const untried = untriedSelector(pattern);
  if (untried !== undefined) {
    return {
      verdict: "indeterminate",
      reason:
        `cannot tell whether the pattern matches every ${control.nameOfOne}: ${untried}`,
    };
  }
  return withBroader({ verdict: "covers" }, broader);
}

function defaultVariantBudget(pattern: FilterPattern): number {
  const size =
    pattern.kind === "json"
      ? conditionsOf(pattern.expression).length
      : pattern.kind === "terms"
        ? pattern.terms.length
        : 1;
  return Math.min(
    MAX_VARIANT_BUDGET,
    Math.max(MIN_VARIANT_BUDGET, Math.floor(VARIANT_CONDITION_BUDGET / Math.max(1, size))),
  );
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
