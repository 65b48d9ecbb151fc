/**
 * The CloudWatch Logs filter-pattern engine: parse a pattern into a tree with positions, print a tree back as
 * canonical text, and evaluate a tree against one log-event message. Knows nothing about Pulumi.
 *
 * To evaluate one pattern against many events, `compilePattern` once (or just call `evaluatePattern`, which
 * caches the compiled form per tree); events already parsed go through `evaluatePatternOnJson`.
 *
 * ```ts
 * const result = matchFilterPattern("{ $.eventName = CreateTrail }", '{"eventName":"CreateTrail"}');
 * // { ok: true, outcome: "match" }
 * ```
 */
import type { MatchOutcome, PatternError } from "./ast";
import { evaluatePattern } from "./evaluate";
import { parseFilterPattern } from "./parser";

export type {
  ComparisonOperator,
  ConditionTest,
  DelimitedEllipsis,
  DelimitedExpression,
  DelimitedField,
  DelimitedNamedField,
  DelimitedPattern,
  FilterPattern,
  JsonAnd,
  JsonCondition,
  JsonExpression,
  JsonOr,
  JsonPattern,
  MatchAllPattern,
  MatchOutcome,
  NumberValue,
  ParseResult,
  PatternError,
  RegexPattern,
  RegexValue,
  Selector,
  SelectorStep,
  Span,
  StringValue,
  Term,
  TermModifier,
  TermPattern,
  Value,
} from "./ast";
export { parseFilterPattern, ERROR_PREFIX, MAX_PATTERN_LENGTH } from "./parser";
export type { AndOrReading, ParseOptions } from "./parser";
export { printCondition, printFilterPattern, printValue } from "./printer";
export {
  compilePattern,
  evaluateJsonPattern,
  evaluatePattern,
  evaluatePatternOnJson,
  INDETERMINATE_REASONS,
  parseEventJson,
  type CompiledPattern,
  type EventJson,
  type IndeterminateReasonKey,
} from "./evaluate";

/** The result of `matchFilterPattern`: the pattern's error, or the outcome against the message. */
export type MatchResult = { readonly ok: false; readonly error: PatternError } | ({ readonly ok: true } & MatchOutcome);

/**
 * Parses `patternText` and evaluates it against `message` in one call, as `aws logs test-metric-filter` does
 * for one event. Never throws.
 */
export function matchFilterPattern(patternText: string, message: string): MatchResult {
  const parsed = parseFilterPattern(patternText);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, ...evaluatePattern(parsed.pattern, message) };
}
