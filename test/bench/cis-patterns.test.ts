import { cisMonitoringPatterns, cloudTrailChangesPattern } from "../../bench/cis-patterns";
import { allControls } from "../../lib/controls";
import { judgeCoverage } from "../../lib/coverage";

describe("the CIS-monitoring stacks' patterns", () => {
  it("name every CIS monitoring control once, in CIS order (4.1 to 4.15)", () => {
    expect(cisMonitoringPatterns.map((p) => p.id)).toEqual(allControls.map((control) => control.id));
  });

  it("use CIS v1.2.0 3.5 for CloudTrail changes", () => {
    // CIS v1.2.0 3.5, as quoted by AWS Security Hub (CloudWatch.5) and Prowler's compliance data.
    expect(cloudTrailChangesPattern).toBe(
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
    );
  });

  it("each cover their control, so the compliant chains are compliant", () => {
    for (const { id, pattern } of cisMonitoringPatterns) {
      const control = allControls.find((candidate) => candidate.id === id);
      expect([id, control === undefined ? "no control" : judgeCoverage(pattern, control).verdict]).toEqual([
        id,
        "covers",
      ]);
    }
  });
});
