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
