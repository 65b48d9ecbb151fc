/**
 * Blame: which clause makes a record fail the pattern. In an AND, its false operands; in an OR (all false), the
 * operands that came closest (some condition held). A record of a call no eventName clause names is missed
 * because "no clause matches" it, and a hint names the eventName literal nearest to its name (another case, a
 * small typo, a quoted regex look-alike).
 */
import type { FamilyRecord } from "../cloudtrail";
import type { FilterPattern, JsonCondition, JsonExpression, Term, TermPattern } from "../filter-pattern/ast";
import { evaluateJsonPattern, evaluatePattern } from "../filter-pattern/evaluate";
import type { EventJson } from "../filter-pattern/evaluate";
import { asPattern, clauseText, conditionsOf, isEventNameCondition, stringLiteral } from "./clauses";

/** Why records were missed: the clauses to blame, or "no clause matches" their event name. */
export type Blame =
  | { readonly kind: "clauses"; readonly clauses: readonly string[] }
  | { readonly kind: "noClauseForEvent"; readonly hint?: string };

/** The pattern being judged, as `blameFor` needs it. */
export interface BlameContext {
  readonly pattern: FilterPattern;
  readonly text: string;
  /** Whether the target records are named by event (then "no clause matches" a name can be said). */
  readonly family: { readonly namedByEvent: boolean };
}

/**
 * A missed record as blame reads it, a family record or a variant of one: a JSON pattern reads the record itself (as
 * the variants were evaluated, never written out and parsed back: a variant with arrays of hundreds of elements is
 * blamed dozens of times a verdict), a term pattern its message (a getter, written only when read).
 */
export type BlamedRecord = Pick<FamilyRecord, "eventName" | "record" | "message">;

/** The clauses that make the record fail the pattern, or "no clause matches" when none comes close. */
export function blameFor(context: BlameContext, record: BlamedRecord): Blame {
  const pattern = context.pattern;
  switch (pattern.kind) {
    case "json": {
      const culprits = explainJson(pattern.expression, record.record);
      const eventNameConditions = conditionsOf(pattern.expression).filter(isEventNameCondition);
      const eventNameMatched = eventNameConditions.some((condition) => truthOf(condition, record.record) === "match");
      // A false clause that tests eventName alone already rejects every record of this call: other false clauses
      // (a region, say) are beside the point, and blaming them would hide the spelling hint.
      const failsOnName = culprits.some((node) => conditionsOf(node).every(isEventNameCondition));
      if (context.family.namedByEvent && !eventNameMatched && (failsOnName || culprits.length === 0)) {
        return { kind: "noClauseForEvent", hint: nearestHint(context.text, eventNameConditions, record.eventName) };
      }
      return { kind: "clauses", clauses: culprits.map((node) => clauseText(context.text, node.span)) };
    }
    case "terms": {
      const culprits = explainTerms(pattern, record.message);
      if (culprits === "none") {
        if (!context.family.namedByEvent) return { kind: "clauses", clauses: [clauseText(context.text, pattern.span)] };
        return { kind: "noClauseForEvent", hint: nearestTermHint(context.text, pattern.terms, record.eventName) };
      }
      return { kind: "clauses", clauses: culprits.map((term) => clauseText(context.text, term.span)) };
    }
    default:
      return { kind: "clauses", clauses: [clauseText(context.text, pattern.span)] };
  }
}

export function combineBlames(blames: readonly Blame[]): Blame {
  const clauses = [...new Set(blames.flatMap((blame) => (blame.kind === "clauses" ? blame.clauses : [])))];
  if (clauses.length > 0) return { kind: "clauses", clauses };
  return blames[0] ?? { kind: "clauses", clauses: [] };
}

export function blameKey(blame: Blame): string {
  return blame.kind === "clauses" ? blame.clauses.join("\n") : `none:${blame.hint ?? ""}`;
}

function truthOf(expression: JsonExpression, json: EventJson): "match" | "noMatch" | "indeterminate" {
  return evaluateJsonPattern(asPattern(expression), json).outcome;
}

/**
 * The false leaves to blame for a false expression: in an AND, its false operands; in an OR (all false),
 * the operands that came closest (some condition held), else the OR itself.
 */
export function explainJson(expression: JsonExpression, json: EventJson): JsonExpression[] {
  if (truthOf(expression, json) !== "noMatch") return [];
  switch (expression.kind) {
    case "condition":
      return [expression];
    case "and":
      return expression.operands.flatMap((operand) => explainJson(operand, json));
    case "or": {
      const close = expression.operands
        .filter((operand) => conditionsOf(operand).some((condition) => truthOf(condition, json) === "match"))
        .map((operand) => explainJson(operand, json))
        .filter((culprits) => culprits.length > 0);
      if (close.length === 0) return [expression];
      // An operand about another event (only its eventName conditions fail) explains nothing about this one.
      const aboutThisEvent = close.filter(
        (culprits) => !culprits.every((node) => conditionsOf(node).every(isEventNameCondition)),
      );
      const candidates = aboutThisEvent.length > 0 ? aboutThisEvent : close;
      const fewest = Math.min(...candidates.map((culprits) => culprits.length));
      const chosen: JsonExpression[] = [];
      for (const culprits of candidates.filter((list) => list.length === fewest)) {
        for (const node of culprits) if (!chosen.includes(node)) chosen.push(node);
      }
      return chosen;
    }
  }
}

/** Required terms that are absent and excluded terms that are present; "none" when no required term occurs. */
export function explainTerms(pattern: TermPattern, message: string): Term[] | "none" {
  const occurs = (term: Term): boolean =>
    evaluatePattern({ kind: "terms", terms: [{ ...term, modifier: "required" }], span: term.span }, message).outcome ===
    "match";
  const hasFixed = pattern.terms.some((term) => term.modifier !== "optional");
  if (!hasFixed) return "none";
  const culprits = pattern.terms.filter(
    (term) => (term.modifier === "required" && !occurs(term)) || (term.modifier === "excluded" && occurs(term)),
  );
  // A record that holds none of the required terms is not one the pattern names: "no clause matches" it, whatever
  // excluded terms it also holds (as for an eventName clause in blameFor). Without required terms (`-AccessDenied`),
  // the excluded terms it holds are to blame.
  const hasRequired = pattern.terms.some((term) => term.modifier === "required");
  const mentionsEvent = pattern.terms.some((term) => term.modifier === "required" && occurs(term));
  return culprits.length > 0 && (mentionsEvent || !hasRequired) ? culprits : "none";
}

/** A hint naming the eventName literal closest to the missed event: another case, or a small typo. */
function nearestHint(text: string, conditions: readonly JsonCondition[], eventName: string): string | undefined {
  for (const condition of conditions) {
    const literal = stringLiteral(condition);
    if (literal === undefined) continue;
    const clause = `\`${clauseText(text, condition.span)}\``;
    if (isQuotedRegexLookalike(condition)) return `${clause} is a quoted literal, not a regex: drop the quotes`;
    if (literal !== eventName && literal.toLowerCase() === eventName.toLowerCase()) {
      return `${clause} differs only in case; values compare case-sensitively`;
    }
    if (withinEditDistance(literal, eventName, 2)) return `nearest: ${clause}`;
  }
  return undefined;
}

function nearestTermHint(text: string, terms: readonly Term[], eventName: string): string | undefined {
  for (const term of terms) {
    const clause = `\`${clauseText(text, term.span)}\``;
    if (term.text !== eventName && term.text.toLowerCase() === eventName.toLowerCase()) {
      return `${clause} differs only in case; terms are case-sensitive`;
    }
    if (term.text !== eventName && withinEditDistance(term.text, eventName, 2)) return `nearest: ${clause}`;
  }
  return undefined;
}

/**
 * `"%…%"`: quotes make it literal text (CloudWatch Logs user guide, "Filter pattern syntax": regular expressions
 * are written between percent signs, unquoted).
 */
function isQuotedRegexLookalike(condition: JsonCondition): boolean {
  if (condition.test.kind !== "compare" || condition.test.value.kind !== "string") return false;
  const value = condition.test.value;
  return value.quoted && value.text.length > 2 && value.text.startsWith("%") && value.text.endsWith("%");
}

/**
 * Whether the Levenshtein distance between `a` and `b` is at most `limit`, for typo hints. Strings whose lengths
 * differ by more cannot be, and a row of the table whose every entry is over the limit ends the search: a missed
 * record is blamed at every verdict, against every eventName clause, so this stays cheap.
 */
export function withinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}
