/**
 * What must hold for the pack's answer to any stack: no "can't run policy ... during preview" diagnostic (the
 * policy SDK's advisory downgrade when a policy reads an unknown value through its proxy, @pulumi/policy
 * server.js), no "Internal error in policy" finding (policies/common.ts turns exceptions into those), no secret in
 * any message, and the same answer for stacks that must be judged alike.
 */
import type { AnalyzeResult, EngineDiagnostic, EngineResource } from "../../tools/engine/protocol";
import { secretSignature, specialSignatureKey } from "../../tools/engine/protocol";

/** The SDK's downgrade of a policy that read an unknown value: `can't run policy '<name>' ... during preview: ...`. */
export function isCantRun(diagnostic: EngineDiagnostic): boolean {
  return diagnostic.message.includes("can't run policy") && diagnostic.message.includes("during preview");
}

/** The pack's own report of an exception inside a policy. */
export function isInternalError(diagnostic: EngineDiagnostic): boolean {
  return diagnostic.message.includes("Internal error in policy");
}

export function hasMandatory(result: AnalyzeResult): boolean {
  return result.diagnostics.some((d) => d.enforcementLevel === "mandatory");
}

const markerPattern = /SECRET-\d+/g;
/** Numbers a secret-wrapped number is replaced by (fuzz/mutators/stacks.ts `toSecret`). */
const markerNumberMin = 7_000_000;
const markerNumberMax = 7_999_999;

function isSecret(value: unknown): value is { value: unknown } {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[specialSignatureKey] === secretSignature
  );
}

/** Collects markers in `value`, into `secret` inside secret wrappers and into `plain` elsewhere. */
function collect(value: unknown, inSecret: boolean, into: { secret: Set<string>; plain: Set<string> }): void {
  const target = inSecret ? into.secret : into.plain;
  if (typeof value === "string") {
    for (const marker of value.match(markerPattern) ?? []) target.add(marker);
  } else if (typeof value === "number") {
    if (inSecret && value >= markerNumberMin && value <= markerNumberMax) target.add(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, inSecret, into);
  } else if (value !== null && typeof value === "object") {
    if (isSecret(value)) collect(value.value, true, into);
    else
      for (const [key, item] of Object.entries(value)) if (key !== specialSignatureKey) collect(item, inSecret, into);
  }
}

/**
 * The markers the request holds only as secrets: printing one is a leak. A marker that is also sent in the clear
 * somewhere (a log group's name is secret but a filter names the group in plain text) may be printed.
 */
export function secretOnlyMarkers(resources: readonly EngineResource[]): ReadonlySet<string> {
  const into = { secret: new Set<string>(), plain: new Set<string>() };
  for (const resource of resources) {
    collect([resource.urn, resource.name, resource.type, resource.parent ?? ""], false, into);
    collect(resource.properties, false, into);
    if (resource.provider !== undefined) collect(resource.provider.properties, false, into);
  }
  return new Set([...into.secret].filter((marker) => !into.plain.has(marker)));
}

/** The secret-only markers printed in the diagnostics (and not-applicable reasons). */
export function printedSecrets(result: AnalyzeResult, secretOnly: ReadonlySet<string>): string[] {
  if (secretOnly.size === 0) return [];
  const texts = [...result.diagnostics.map((d) => d.message), ...result.notApplicable.map((n) => n.reason)];
  const found = new Set<string>();
  for (const text of texts) {
    for (const token of text.match(/SECRET-\d+|\d+/g) ?? []) if (secretOnly.has(token)) found.add(token);
  }
  return [...found];
}

/** The answer as a sorted list of lines (policy, level, resource, message), plus the not-applicable entries. */
export function answerLines(result: AnalyzeResult, rewrite: (message: string) => string = (m) => m): string[] {
  return [
    ...result.diagnostics.map((d) => `${d.policyName} | ${d.enforcementLevel} | ${d.urn} | ${rewrite(d.message)}`),
    ...result.notApplicable.map((n) => `${n.policyName} | not applicable | ${rewrite(n.reason)}`),
  ].sort();
}

/** The first line that differs between two answers, for a finding's detail; undefined when they are the same. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | undefined {
  const onlyA = a.filter((line) => !b.includes(line));
  const onlyB = b.filter((line) => !a.includes(line));
  if (onlyA.length === 0 && onlyB.length === 0 && a.length === b.length) return undefined;
  const [x, y] = [onlyA[0], onlyB[0]];
  // Show both lines from a little before where they start to differ.
  let at = 0;
  while (x !== undefined && y !== undefined && at < x.length && x[at] === y[at]) at++;
  const from = Math.max(0, at - 80);
  const shorten = (s: string | undefined): string =>
    s === undefined ? "(none)" : JSON.stringify(`${from > 0 ? "…" : ""}${s.slice(from, from + 240)}`);
  return `before ${shorten(x)}, after ${shorten(y)} (${a.length} vs ${b.length} lines)`;
}

/**
 * A message with a pattern's text and its quoted clauses written as placeholders (a list of clauses as one), so
 * that a pattern and its printed form can be compared by what the pack says about them.
 */
export function withoutPatternText(message: string, patterns: readonly string[]): string {
  let out = message;
  // Messages quote a pattern as JSON does (lib/findings/message.ts `quoted`), the empty one as "".
  for (const pattern of [...patterns].sort((x, y) => y.length - x.length))
    out = out.split(JSON.stringify(pattern)).join("<pattern>");
  // Blame quotes the distinct clauses as written: `- A` and `-A` are two texts, their printed forms one.
  return out.replace(/`[^`\n]*`/g, "`<clause>`").replace(/`<clause>`(?:(?:, and |, | and )`<clause>`)+/g, "`<clause>`");
}
