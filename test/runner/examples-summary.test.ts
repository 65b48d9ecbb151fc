import { findingOf, renderExamplesSummary } from "../../tools/runner/examples";

describe("the examples summary", () => {
  const description = "Every alarm must notify.";

  it("shows the first line after the policy's description", () => {
    expect(findingOf({ description, message: `${description}\nAlarm "a" has no ALARM actions.\nFix: add one.` })).toBe(
      'Alarm "a" has no ALARM actions.',
    );
  });

  it("shortens a long quoted setting but keeps the reason after it", () => {
    const pattern = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) }";
    const finding = findingOf({
      description,
      message: `${description}\nFilter "f": its pattern "${pattern}" misses StopLogging.`,
    });
    expect(finding).toBe('Filter "f": its pattern "{ ($.eventName = CreateT…dateTrail) }" misses StopLogging.');
  });

  it("prints a why line under each example that fired", () => {
    const text = renderExamplesSummary([
      {
        name: "alarm-without-sns",
        expected: [{ policyName: "p", enforcementLevel: "mandatory", resourceName: "a" }],
        fired: [{ policyName: "p", enforcementLevel: "mandatory", resourceName: "a" }],
        pass: true,
        findings: ['Alarm "a" has no ALARM actions.'],
      },
    ]);
    expect(text).toContain('why:      Alarm "a" has no ALARM actions.');
    expect(text).toContain("1/1 examples behave as expected");
  });
});
