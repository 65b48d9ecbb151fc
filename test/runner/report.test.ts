/**
 * The offline "Policies:" section and JSON report. The engine counts a `remediate` diagnostic as blocking for a
 * stack policy (pulumi/pulumi-policy `server.ts`: "Stack policies cannot be remediated, so treat the level as
 * mandatory"), so the offline report must too: the ❌ mark, a failing count, and the level as sent.
 */
import type { EngineDiagnostic } from "../../tools/engine";
import type { StackAnalysis } from "../../tools/runner/analyze";
import { isBlocking, jsonReport, renderPolicies, type AttributedDiagnostic } from "../../tools/runner/report";

const urn = "urn:pulumi:dev::demo::aws:cloudwatch/metricAlarm:MetricAlarm::alarm";

function diagnostic(enforcementLevel: EngineDiagnostic["enforcementLevel"]): AttributedDiagnostic {
  return {
    policyPack: "cloudtrail-changes-monitoring",
    policyPackVersion: "0.1.0",
    policyName: "cloudtrail-changes-alarm",
    enforcementLevel,
    severity: "medium",
    urn,
    message: 'Description.\nAlarm "alarm" has a problem.',
    description: "Description.",
    resourceType: "aws:cloudwatch/metricAlarm:MetricAlarm",
    resourceName: "alarm",
  };
}

const analysis: StackAnalysis = {
  pack: { name: "cloudtrail-changes-monitoring", version: "0.1.0" },
  diagnostics: [],
  notApplicable: [],
  resourceCount: 3,
};

describe("the offline report", () => {
  it("counts mandatory and remediate diagnostics as blocking, advisory ones not", () => {
    expect(
      ["mandatory", "remediate", "advisory", "disabled"].map((level) =>
        isBlocking(diagnostic(level as EngineDiagnostic["enforcementLevel"])),
      ),
    ).toEqual([true, true, false, false]);
  });

  it("marks a stack with a remediate diagnostic as failing, and shows the level as sent", () => {
    const text = renderPolicies(analysis, [diagnostic("remediate")], ".");
    expect(text).toContain("❌ cloudtrail-changes-monitoring@v0.1.0 (local: .)");
    expect(text).toContain("- [remediate]  cloudtrail-changes-alarm  (aws:cloudwatch/metricAlarm:MetricAlarm: alarm)");
    expect(jsonReport(analysis, [diagnostic("remediate")], {}).mandatoryViolations).toBe(1);
  });

  it("marks advisory-only findings with a warning, and none with a check mark", () => {
    expect(renderPolicies(analysis, [diagnostic("advisory")], ".")).toContain(
      "⚠️ cloudtrail-changes-monitoring@v0.1.0",
    );
    expect(renderPolicies(analysis, [], ".")).toContain("✅ cloudtrail-changes-monitoring@v0.1.0");
    expect(jsonReport(analysis, [diagnostic("advisory")], {}).mandatoryViolations).toBe(0);
  });
});
