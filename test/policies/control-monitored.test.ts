/** The fourteen `<id>-monitored` policies, each on its table (test/policies/cases/control-monitored.cases.ts). */
import { allControls } from "../../lib/controls";
import { monitoredDefinition } from "../../policies/control-monitored";
import { cisMonitoring } from "../helpers/cis-fixtures";
import { describePolicyCases } from "../helpers/policy-tester";
import { monitoredCases } from "./cases/control-monitored.cases";

describe("the fourteen control chain policies", () => {
  it("exist for every fixture control, and the fixture covers every control but CloudTrail changes", () => {
    expect(cisMonitoring.map((control) => control.id).sort()).toEqual(
      allControls
        .filter((control) => control.id !== "cloudtrail-changes")
        .map((control) => control.id)
        .sort(),
    );
  });
});

for (const { id } of cisMonitoring) {
  const control = allControls.find((candidate) => candidate.id === id);
  if (control === undefined) throw new Error(`no control ${id}`);
  describePolicyCases(monitoredDefinition(control), monitoredCases(id), control);
}

/**
 * What Pulumi shows of a control's chain policy, put together by hand from the control's CIS recommendation (title,
 * numbers in v1.4.0 to v5.0.0 and in v6.0.0 and v7.0.0) and its Security Hub control, where there is one (Security
 * Hub user guide, "Security Hub controls for Amazon CloudWatch": CloudWatch.7 is the KMS one; none for AWS
 * Organizations).
 */
describe("a control's chain policy as Pulumi shows it", () => {
  const definitionOf = (id: string) => {
    const control = allControls.find((candidate) => candidate.id === id);
    if (control === undefined) throw new Error(`no control ${id}`);
    return monitoredDefinition(control);
  };
  const remediation = (changes: string, reference: string) =>
    "Add an `aws.cloudwatch.LogMetricFilter` on the trail's log group with the CIS pattern for " +
    `${changes}, a metric alarm on its metric (Sum, period 300, threshold 1, GreaterThanOrEqualToThreshold, one ` +
    "evaluation period), and an SNS topic with a subscription in the alarm's `alarmActions`. Try a pattern offline " +
    `with \`npm run test-metric-filter\`. This is CIS AWS Foundations ${reference}.`;

  it("CIS 4.7: disabling or scheduled deletion of customer created CMKs", () => {
    const definition = definitionOf("kms-key-disable-or-deletion");
    expect({
      name: definition.name,
      displayName: definition.displayName,
      description: definition.description,
      remediationSteps: definition.remediationSteps,
      tags: definition.tags,
      enforcementLevel: definition.enforcementLevel,
    }).toEqual({
      name: "kms-key-disable-or-deletion-monitored",
      displayName: "Disabling or scheduled deletion of customer created CMKs is monitored",
      description:
        "A CloudWatch alarm must fire on KMS key disabling or scheduled deletion (DisableKey, ScheduleKeyDeletion): " +
        "a trail records them, a metric filter on its log group counts them, an alarm on that metric fires on a " +
        "single one within five minutes, and it notifies an SNS topic with a subscriber.",
      remediationSteps: remediation(
        "KMS key disabling or scheduled deletion",
        "4.7 (v6 and v7: 5.7) / Security Hub CloudWatch.7",
      ),
      tags: ["kms-key-disable-or-deletion"],
      enforcementLevel: "disabled",
    });
  });

  it("CIS 4.15: AWS Organizations changes, which no Security Hub control checks", () => {
    const definition = definitionOf("organizations-changes");
    expect([definition.displayName, definition.remediationSteps]).toEqual([
      "AWS Organizations changes are monitored",
      remediation("AWS Organizations changes", "4.15 (v6 and v7: 5.15)"),
    ]);
  });
});
