/**
 * The tree of a CloudWatch Logs filter pattern (AWS CloudWatch Logs user guide, "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live Tail": https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
 *
 * Every node carries `span`: offsets into the pattern text, `start` inclusive and `end` exclusive, so that a
 * finding can point at the characters it is about. Parentheses are not nodes: nesting of `and`/`or` records
 * them, and the printer puts back the ones precedence needs. This module knows nothing about Pulumi.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The kinds of pattern; the first non-blank character decides (AWS, "Filter pattern syntax"). */
export type FilterPattern = MatchAllPattern | TermPattern | RegexPattern | JsonPattern | DelimitedPattern;

/** `""`, blanks only, or the quoted space `" "`: every event matches. */
export interface MatchAllPattern {
  readonly kind: "matchAll";
  readonly span: Span;
}

/** Words, quoted phrases, `-` exclusions and `?` optional terms over the raw message (AWS, "Filter pattern syntax", unstructured log events). */
export interface TermPattern {
  readonly kind: "terms";
  readonly terms: readonly Term[];
  readonly span: Span;
}

export type TermModifier = "required" | "optional" | "excluded";

export interface Term {
  readonly kind: "term";
  /** The text to look for, quotes removed (escapes, if any, kept as written: their meaning is undocumented). */
  readonly text: string;
  readonly quoted: boolean;
  readonly modifier: TermModifier;
  readonly span: Span;
}

/** A standalone `%regex%`: an unanchored search over the message (AWS, "Filter pattern syntax", regular expressions). */
export interface RegexPattern {
  readonly kind: "regex";
  readonly regex: RegexValue;
  readonly span: Span;
}

/** `{ ... }` (AWS, "Filter pattern syntax", JSON log events). */
export interface JsonPattern {
  readonly kind: "json";
  readonly expression: JsonExpression;
  readonly span: Span;
}

export type JsonExpression = JsonOr | JsonAnd | JsonCondition;

export interface JsonOr {
  readonly kind: "or";
  /** Two or more operands, none of them an `or`. */
  readonly operands: readonly JsonExpression[];
  readonly span: Span;
}

export interface JsonAnd {
  readonly kind: "and";
  /** Two or more operands, none of them an `and`. */
  readonly operands: readonly JsonExpression[];
  readonly span: Span;
}

export interface JsonCondition {
  readonly kind: "condition";
  readonly selector: Selector;
  readonly test: ConditionTest;
  readonly span: Span;
}

export interface Selector {
  /** The selector as written, e.g. `$.userIdentity.type` or `$.['cluster.name'][0]`. */
  readonly text: string;
  readonly steps: readonly SelectorStep[];
  readonly span: Span;
}

export type SelectorStep =
  | { readonly kind: "key"; readonly name: string } // `.name` or `.['name']`
  | { readonly kind: "index"; readonly index: number } // `[0]`
  | { readonly kind: "anyIndex" } // `[*]`
  | { readonly kind: "anyKey" }; // `.*`

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

export type ConditionTest =
  | { readonly kind: "compare"; readonly operator: ComparisonOperator; readonly value: Value }
  | { readonly kind: "isNull" }
  | { readonly kind: "isTrue" }
  | { readonly kind: "isFalse" }
  | { readonly kind: "notExists" };

/** A value on the right of a comparison, in JSON and in space-delimited patterns. */
export type Value = StringValue | NumberValue | RegexValue;

export interface StringValue {
  readonly kind: "string";
  /** Quotes removed. A leading or trailing `*` is a wildcard; the evaluator decides what the text means. */
  readonly text: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export interface NumberValue {
  readonly kind: "number";
  /** As written (`-1e+3`, `55.5`, `+1000`). */
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

export interface RegexValue {
  readonly kind: "regex";
  /** Between the `%` signs. */
  readonly source: string;
  readonly span: Span;
}

/** `[ field, field, ... ]` over a message split on spaces (AWS, "Filter pattern syntax", space-delimited log events). */
export interface DelimitedPattern {
  readonly kind: "delimited";
  readonly fields: readonly DelimitedField[];
  readonly span: Span;
}

export type DelimitedField = DelimitedEllipsis | DelimitedNamedField;

export interface DelimitedEllipsis {
  readonly kind: "ellipsis";
  readonly span: Span;
}

export interface DelimitedNamedField {
  readonly kind: "field";
  /** The field's name, or undefined for a position left blank (extracted as `$1..$n`). */
  readonly name?: string;
  /** Conditions on this field only, combined with `&&` / `||`. */
  readonly condition?: DelimitedExpression;
  readonly span: Span;
}

export type DelimitedExpression =
  | { readonly kind: "or"; readonly operands: readonly DelimitedExpression[]; readonly span: Span }
  | { readonly kind: "and"; readonly operands: readonly DelimitedExpression[]; readonly span: Span }
  | { readonly kind: "compare"; readonly operator: ComparisonOperator; readonly value: Value; readonly span: Span };

/** Why a pattern is one that AWS rejects at PutMetricFilter time. */
export interface PatternError {
  /** A stable identifier, e.g. `too-long`, `selector-without-dollar-dot`, `single-quoted-value`. */
  readonly code: string;
  /** Begins with `Invalid metric filter pattern` and says what is wrong and where. */
  readonly message: string;
  /** Offset into the pattern text where the problem starts (0-based). */
  readonly offset: number;
  /** 1-based column of `offset` (patterns are one line; a newline counts as a character). */
  readonly column: number;
}

export type ParseResult =
  { readonly ok: true; readonly pattern: FilterPattern } | { readonly ok: false; readonly error: PatternError };

/** The outcome of one pattern against one log-event message. */
export type MatchOutcome =
  | { readonly outcome: "match"; readonly extractedValues?: Readonly<Record<string, string>> }
  | { readonly outcome: "noMatch" }
  /** Depends on a rule AWS neither documents nor was observed to follow; `reason` names it. */
  | { readonly outcome: "indeterminate"; readonly reason: string };
