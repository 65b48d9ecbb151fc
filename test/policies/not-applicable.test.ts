/**
 * A stack with nothing for a policy to judge gets "not applicable" and a reason, which Pulumi Cloud shows in place
 * of a silent pass (@pulumi/policy `StackValidationArgs.notApplicable(reason)`). The reason is read by people: it
 * is asserted whole here, one per policy kind, on a stack without any resource.
 */
import { allControls } from "../../lib/controls";
import { definitions } from "../../policies";
import { monitoredDefinition } from "../../policies/control-monitored";
import { StackFixture } from "../helpers/engine-resources";
import { runOutcome } from "../helpers/policy-tester";

const empty = { name: "empty stack", stack: () => new StackFixture() };
const [logsToCloudWatch, metricFilter, alarm, alarmSns] = definitions;

describe("the reason a policy gives when the stack has nothing for it to judge", () => {
  it.each([
    [logsToCloudWatch.name, "the stack has no CloudTrail trail, so no trail delivers to CloudWatch Logs here"],
    [
      metricFilter.name,
      "the stack has no CloudTrail trail and no log group is named in `logGroupNames`, so no CloudTrail log group " +
        "is here to filter",
    ],
    [
      alarm.name,
      "the stack has no CloudTrail trail and no metric filter counts CloudTrail configuration changes, so no metric " +
        "is here to alarm on",
    ],
    [
      alarmSns.name,
      "the stack has no CloudTrail trail and no metric filter counts CloudTrail configuration changes, so no alarm " +
        "is here to notify anyone",
    ],
  ])("%s", (name, reason) => {
    const definition = definitions.find((candidate) => candidate.name === name);
    if (definition === undefined) throw new Error(`no policy ${name}`);
    expect(runOutcome(definition, empty)).toEqual({ kind: "notApplicable", reason });
  });

  it("a control's chain policy names the control's events (CIS AWS Foundations 4.3: root account usage)", () => {
    const control = allControls.find((candidate) => candidate.id === "root-account-usage");
    if (control === undefined) throw new Error("no control root-account-usage");
    expect(runOutcome(monitoredDefinition(control), empty, control)).toEqual({
      kind: "notApplicable",
      reason:
        "the stack has no CloudTrail trail, no log group is named in `logGroupNames` and no metric filter counts " +
        "root account usage: nothing here to judge",
    });
  });
});
