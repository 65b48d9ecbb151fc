/**
 * Shows an analysis like the Pulumi CLI's "Policies:" section (pulumi/pulumi pkg/backend/display progress.go
 * `printPolicies` and diff.go `renderDiffPolicyViolationEvent`): a header per pack with ✅ / ⚠️ / ❌, then per
 * violation `- [level]  policy  (type: name)` and the message indented below it. Also the `--json` document.
 */
import type { EngineDiagnostic } from "../engine";
import type { StackAnalysis } from "./analyze";

/** A diagnostic attributed the way the engine attributes stack-policy violations. */
export interface AttributedDiagnostic extends EngineDiagnostic {
  /** The resource's type and name from the URN the diagnostic is attributed to. */
  readonly resourceType: string;
  readonly resourceName: string;
}

/** Type and name of a URN (`urn:pulumi:stack::project::parent$type::name`). */
export function urnTypeAndName(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return { type: qualified.split("$").pop() ?? "", name: parts.slice(3).join("::") };
}

/**
 * Attributes each diagnostic as the engine does (`resolveStackPolicyViolationURN`): a URN naming a resource of
 * the stack stays, anything else (none, or unknown) goes to the root stack resource.
 */
export function attributeDiagnostics(
  diagnostics: readonly EngineDiagnostic[],
  urns: readonly string[],
): AttributedDiagnostic[] {
  const known = new Set(urns);
  const stackUrn = urns.find((u) => urnTypeAndName(u).type === "pulumi:pulumi:Stack") ?? "";
  return diagnostics.map((d) => {
    const urn = known.has(d.urn) ? d.urn : stackUrn;
    const { type, name } = urnTypeAndName(urn);
    return { ...d, urn, resourceType: type, resourceName: name };
  });
}

/** True when a diagnostic fails the preview (mandatory; remediate counts as mandatory for stack policies). */
export function isBlocking(d: EngineDiagnostic): boolean {
  return d.enforcementLevel === "mandatory" || d.enforcementLevel === "remediate";
}

/** Sorts as the CLI does: level, policy name, URN. */
function cliOrder(a: AttributedDiagnostic, b: AttributedDiagnostic): number {
  return (
    a.enforcementLevel.localeCompare(b.enforcementLevel) ||
    a.policyName.localeCompare(b.policyName) ||
    a.urn.localeCompare(b.urn)
  );
}

/** Renders the "Policies:" section. `localPath` is shown as the CLI shows `--policy-pack <dir>`. */
export function renderPolicies(
  analysis: StackAnalysis,
  diagnostics: readonly AttributedDiagnostic[],
  localPath: string,
): string {
  const lines = ["Policies:"];
  const mark = diagnostics.some(isBlocking) ? "❌" : diagnostics.length > 0 ? "⚠️" : "✅";
  lines.push(`    ${mark} ${analysis.pack.name}@v${analysis.pack.version} (local: ${localPath})`);
  for (const d of [...diagnostics].sort(cliOrder)) {
    lines.push(`        - [${d.enforcementLevel}]  ${d.policyName}  (${d.resourceType}: ${d.resourceName})`);
    for (const line of d.message.replace(/\n+$/, "").split("\n")) lines.push(`          ${line}`);
  }
  return lines.join("\n") + "\n";
}

/** The `--json` document: exactly one object on stdout. */
export function jsonReport(
  analysis: StackAnalysis,
  diagnostics: readonly AttributedDiagnostic[],
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return {
    policyPack: analysis.pack,
    diagnostics: diagnostics.map((d) => ({
      policyPack: d.policyPack,
      policyPackVersion: d.policyPackVersion,
      policyName: d.policyName,
      enforcementLevel: d.enforcementLevel,
      severity: d.severity,
      urn: d.urn,
      message: d.message,
      description: d.description,
    })),
    notApplicable: analysis.notApplicable,
    resources: analysis.resourceCount,
    mandatoryViolations: diagnostics.filter(isBlocking).length,
    ...extra,
  };
}
