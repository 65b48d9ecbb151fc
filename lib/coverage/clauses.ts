/**
 * The clauses of a parsed pattern as the judgment reads them: the conditions of an expression, the key path a
 * condition's selector walks, a clause's text as written, and a sub-expression as a pattern of its own. Computed
 * once per tree node and kept in weak maps, since blame and description ask about the same clauses many times.
 */
import type {
  FilterPattern,
  JsonCondition,
  JsonExpression,
  JsonPattern,
  SelectorStep,
  Span,
} from "../filter-pattern/ast";
import { printSelector } from "../filter-pattern/printer";

/** A clause longer than this is shortened with an ellipsis in reasons. */
const MAX_CLAUSE_LENGTH = 90;

const conditionLists = new WeakMap<JsonExpression, readonly JsonCondition[]>();

/** The conditions of an expression, left to right (computed once per tree node). */
export function conditionsOf(expression: JsonExpression): readonly JsonCondition[] {
  let conditions = conditionLists.get(expression);
  if (!conditions) {
    conditions = expression.kind === "condition" ? [expression] : expression.operands.flatMap(conditionsOf);
    conditionLists.set(expression, conditions);
  }
  return conditions;
}

/** The key path of a selector made only of `.key` steps; undefined when it has an index or a wildcard. */
export function keyPath(condition: JsonCondition): string[] | undefined {
  const path: string[] = [];
  for (const step of condition.selector.steps) {
    if (step.kind !== "key") return undefined;
    path.push(step.name);
  }
  return path;
}

/** A selector cut before its first index or wildcard step: the key path of the container it walks into, and the rest. */
export interface SplitSelector {
  /** The keys before the first index or wildcard step (`resources` of `$.resources[0].ARN`); empty for `$.*`. */
  readonly container: readonly string[];
  /** The steps from the first index or wildcard step on (`[0]`, `.ARN`); never empty. */
  readonly steps: readonly SelectorStep[];
}

/** The selector cut before its first index or wildcard step; undefined for a selector of `.key` steps only. */
export function splitSelector(condition: JsonCondition): SplitSelector | undefined {
  const steps = condition.selector.steps;
  const at = steps.findIndex((step) => step.kind !== "key");
  if (at < 0) return undefined;
  const container = steps.slice(0, at).flatMap((step) => (step.kind === "key" ? [step.name] : []));
  return { container, steps: steps.slice(at) };
}

export function uniquePaths(paths: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = path.join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The key paths of a JSON pattern, each once; undefined when a selector has an index or a wildcard. */
export function plainKeyPaths(pattern: FilterPattern): string[][] | undefined {
  if (pattern.kind !== "json") return undefined;
  const paths: string[][] = [];
  for (const condition of conditionsOf(pattern.expression)) {
    const path = keyPath(condition);
    if (!path) return undefined;
    paths.push(path);
  }
  return uniquePaths(paths);
}

/** Clause texts by span (with the pattern text they were cut from): blame asks for the same clauses often. */
const clauseTexts = new WeakMap<Span, { readonly text: string; readonly clause: string }>();

/** The clause as written, on one line, shortened when long. */
export function clauseText(text: string, span: Span): string {
  const cached = clauseTexts.get(span);
  if (cached && cached.text === text) return cached.clause;
  const whole = balanced(text.slice(span.start, span.end).replace(/\s+/g, " ").trim());
  const clause = whole.length <= MAX_CLAUSE_LENGTH ? whole : `${whole.slice(0, MAX_CLAUSE_LENGTH - 1)}…`;
  clauseTexts.set(span, { text, clause });
  return clause;
}

/**
 * A clause cut from `(a) || (b)` runs from inside the first parenthesis to inside the last (parentheses are not
 * nodes): `a) || (b`. Its unmatched parentheses are closed again, `(a) || (b)`. Quoted text is skipped.
 */
function balanced(clause: string): string {
  let unopened = 0;
  let open = 0;
  let quoted = false;
  for (let i = 0; i < clause.length; i++) {
    const ch = clause[i];
    if (ch === "\\" && quoted) i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") open++;
    else if (!quoted && ch === ")") {
      if (open > 0) open--;
      else unopened++;
    }
  }
  return `${"(".repeat(unopened)}${clause}${")".repeat(open)}`;
}

const expressionPatterns = new WeakMap<JsonExpression, JsonPattern>();

/** A sub-expression as a pattern of its own, made once per node (so its compiled form is reused). */
export function asPattern(expression: JsonExpression): JsonPattern {
  let pattern = expressionPatterns.get(expression);
  if (!pattern) {
    pattern = { kind: "json", expression, span: expression.span };
    expressionPatterns.set(expression, pattern);
  }
  return pattern;
}

/** Whether a condition tests the top-level `eventName`. */
export function isEventNameCondition(condition: JsonCondition): boolean {
  const path = keyPath(condition);
  return path !== undefined && path.length === 1 && path[0] === "eventName";
}

/** The string a condition compares with, if it compares with one. */
export function stringLiteral(condition: JsonCondition): string | undefined {
  return condition.test.kind === "compare" && condition.test.value.kind === "string"
    ? condition.test.value.text
    : undefined;
}

/**
 * The selector without its leading `$.`: `userIdentity.type`. Printed from its steps, not as written, so that a
 * pattern and its printed form name the same calls (`$.a['b c']` and `$.a.['b c']` are one selector).
 */
export function selectorLabel(condition: JsonCondition): string {
  return printSelector(condition.selector).replace(/^\$\.?/, "") || "the event";
}
