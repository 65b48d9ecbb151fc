import { controlBenchCases, controlBroadPattern, controlRoutineWorstCasePattern } from "../../bench/filter-pattern";
import { allControls } from "../../lib/controls";
import { judgeCoverage } from "../../lib/coverage";

// AWS caps a metric filter pattern at 1024 characters (CloudWatch Logs API Reference, PutMetricFilter: filterPattern
// "Length Constraints: Minimum length of 0. Maximum length of 1024").
const maxPatternLength = 1024;

describe("the per-control filter-pattern cases", () => {
  it("stay within AWS's 1024-character limit", () => {
    for (const c of controlBenchCases()) expect([c.name, c.pattern.length <= maxPatternLength]).toEqual([c.name, true]);
  });

  it("judge every control: its prescribed texts, four worst cases, a whole-message regex and two patterns that count routine records", () => {
    const cases = controlBenchCases();
    for (const control of allControls) {
      const own = cases.filter((c) => c.control?.id === control.id);
      expect([control.id, own.length]).toEqual([control.id, control.prescribedPatterns.length + 7]);
    }
  });

  // Every account makes routine calls all day that these patterns match (lib/cloudtrail/routine lists them with their
  // public sources): AWS Config and Security Hub describe and list resources on every periodic run (Security Hub
  // user guide, "Schedule for running security checks"), services call KMS Decrypt on a caller's behalf, people sign
  // in to the console with MFA daily, and the CloudTrail console's GetInsightSelectors fails on every trail without
  // Insights.
  it("that should count routine records do, for every control", () => {
    for (const control of allControls) {
      const broad = controlBroadPattern(control).pattern;
      expect([control.id, broad, judgeCoverage(broad, control).verdict]).toEqual([control.id, broad, "countsRoutine"]);
      const worst = controlRoutineWorstCasePattern(control);
      expect([control.id, judgeCoverage(worst, control).verdict]).toEqual([control.id, "countsRoutine"]);
    }
  });

  it("write the broad patterns as a hurried author would", () => {
    const byId = (id: string) => {
      const control = allControls.find((candidate) => candidate.id === id);
      if (control === undefined) throw new Error(`no control ${id}`);
      return controlBroadPattern(control);
    };
    expect(byId("kms-key-disable-or-deletion")).toEqual({
      what: "every kms.amazonaws.com call",
      pattern: "{ $.eventSource = kms.amazonaws.com }",
    });
    expect(byId("console-signin-without-mfa").pattern).toBe("{ $.eventName = ConsoleLogin }");
    expect(byId("unauthorized-api-calls").pattern).toBe("{ $.errorCode = * }");
  });
});
