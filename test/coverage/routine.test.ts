/**
 * Patterns so broad the alarm never falls quiet: CloudWatch acts on a state change only, so a metric that also
 * counts routine records (lib/cloudtrail/routine, each with its source) keeps its alarm in ALARM and a change made
 * then notifies nobody. Which routine calls count depends on what the trails record.
 */
import { callShapeOf } from "../../lib/cloudtrail/calls";
import { ROUTINE_CALLS } from "../../lib/cloudtrail/routine";
import { allControls, controlById } from "../../lib/controls";
import type { ControlDefinition } from "../../lib/controls";
import { judgeCoverage, routineCallsFor } from "../../lib/coverage";
import type { CoverageVerdict, RoutineCall } from "../../lib/coverage";

// Looked up before each test, not when the file is read: Stryker credits a mutant to the tests during which its code
// ran (beforeEach runs inside its test), and lib/controls' lookup run at top level would be credited to none.
let cloudtrail: ControlDefinition;
beforeEach(() => {
  cloudtrail = controlById("cloudtrail-changes");
});
const FIVE = "($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)";

/** Trails that record write events only (an event selector with readOnly false). */
function writesOnly(call: RoutineCall): boolean {
  return callShapeOf(call.eventSource, call.eventName)?.readOnly === false;
}

function routineOf(verdict: CoverageVerdict): Extract<CoverageVerdict, { verdict: "countsRoutine" }> {
  if (verdict.verdict !== "countsRoutine") throw new Error(`expected countsRoutine, got ${JSON.stringify(verdict)}`);
  return verdict;
}

describe("the routine calls that count against a control", () => {
  test("a failed routine read that is itself an unauthorized call does not count against unauthorized-api-calls", () => {
    // routine/workloads.ts: GetBucketPolicy refused with AccessDenied, which the control's target set (AccessDenied*)
    // contains; it still counts against every other control.
    const names = (id: Parameters<typeof controlById>[0]) => routineCallsFor(controlById(id)).map((call) => call.eventName);
    expect(names("unauthorized-api-calls")).not.toContain("GetBucketPolicy");
    expect(names("cloudtrail-changes")).toContain("GetBucketPolicy");
  });

  test("every routine call counts against the CloudTrail control, whose target calls none of them is", () => {
    expect(routineCallsFor(cloudtrail)).toEqual(ROUTINE_CALLS);
  });

  test("the routine sign-in (with MFA) counts against the no-MFA control: it is not in its target set", () => {
    expect(routineCallsFor(controlById("console-signin-without-mfa")).map((call) => call.eventName)).toContain("ConsoleLogin");
  });
});

describe("countsRoutine", () => {
  test("{ $.eventSource = cloudtrail.amazonaws.com } counts CloudTrail's routine reads, unless reads are not recorded", () => {
    const pattern = "{ $.eventSource = cloudtrail.amazonaws.com }";
    const verdict = routineOf(judgeCoverage(pattern, cloudtrail));
    // The first routine CloudTrail call (routine/governance.ts), made first by AWS services (Security Hub, AWS Config).
    expect(verdict.routine).toMatchObject({ eventSource: "cloudtrail.amazonaws.com", eventName: "DescribeTrails", caller: "AWS services" });
    expect(verdict.reason).toMatch(/^counts routine DescribeTrails calls by AWS services \(Security Hub's periodic /);
    expect(judgeCoverage(pattern, cloudtrail, { recorded: writesOnly }).verdict).toBe("covers");
  });

  test("$.eventName = *Trail counts GetTrail, the one routine read whose name ends in Trail", () => {
    // DescribeTrails ends in "Trails", GetTrailStatus in "Status"; GetTrail is read by IaC roles, then users.
    const verdict = routineOf(judgeCoverage("{ $.eventName = *Trail || $.eventName = *Logging }", cloudtrail));
    expect(verdict.reason).toBe(
      "counts routine GetTrail calls by roles (Infrastructure-as-code previews and refreshes read every trail they manage " +
        "on each run), so the alarm sits in ALARM and a change made then notifies nobody",
    );
  });

  test("a failing routine call is named with its error", () => {
    // GetInsightSelectors is routinely refused with InsightNotEnabledException (routine/governance.ts).
    const verdict = routineOf(judgeCoverage(`{ (${FIVE}) || $.errorCode = InsightNotEnabledException }`, cloudtrail));
    expect(verdict.reason).toMatch(/^counts routine GetInsightSelectors calls by users that fail with InsightNotEnabledException \(/);
  });

  test("the routine call named is one of the control's own service, even where another service's comes first", () => {
    // AWS Config changes, counted with every CloudTrail call too: CloudTrail's routine reads come first in the routine
    // data (routine/governance.ts), but the first AWS Config one is named, DescribeConfigurationRecorders, made first
    // by AWS services; its reason keeps the full stop inside "Config.1" and drops the one that ends it.
    const pattern = "{ $.eventSource = cloudtrail.amazonaws.com || $.eventSource = config.amazonaws.com }";
    expect(judgeCoverage(pattern, controlById("aws-config-changes"))).toEqual({
      verdict: "countsRoutine",
      routine: {
        eventSource: "config.amazonaws.com",
        eventName: "DescribeConfigurationRecorders",
        caller: "AWS services",
        why: "Security Hub's Config.1 control reads the recorders on every periodic run.",
      },
      reason:
        "counts routine DescribeConfigurationRecorders calls by AWS services (Security Hub's Config.1 control reads the " +
        "recorders on every periodic run), so the alarm sits in ALARM and a change made then notifies nobody",
    });
  });

  test("extra configuration changes of the control's own service, and readOnly false, count nothing routine", () => {
    expect(judgeCoverage(`{ (${FIVE}) || $.eventName = PutEventSelectors || $.eventName = AddTags }`, cloudtrail).verdict).toBe("covers");
    expect(judgeCoverage("{ $.eventSource = cloudtrail.amazonaws.com && $.readOnly IS FALSE }", cloudtrail).verdict).toBe("covers");
  });

  test.each([
    ["the empty pattern", ""],
    ["a tautology", "{ ($.eventName != CreateTrail) || ($.eventName != StopLogging) }"],
  ])("%s fails whatever the trails record", (_name, pattern) => {
    for (const recorded of [undefined, writesOnly, () => false]) {
      const verdict = routineOf(judgeCoverage(pattern, cloudtrail, { recorded }));
      expect(verdict.reason).toMatch(/^matches nearly every record, routine DescribeTrails calls by AWS services /);
    }
  });

  const byService = allControls.flatMap((control) =>
    control.target.kind === "apiCalls" ? [[control.id, control, control.target.eventSource] as const] : [],
  );
  test.each(byService)("%s: every call of its service (%s) counts that service's routine calls", (_id, control, eventSource) => {
    // routine/: every service of a control has routine calls (e.g. kms Decrypt, ec2 Describe*).
    expect(routineOf(judgeCoverage(`{ $.eventSource = ${eventSource} }`, control)).routine.eventSource).toBe(eventSource);
  });

  test("console sign-in without MFA: every ConsoleLogin counts the routine sign-ins with MFA", () => {
    const verdict = routineOf(judgeCoverage('{ $.eventName = "ConsoleLogin" }', controlById("console-signin-without-mfa")));
    expect(verdict.routine).toMatchObject({ eventName: "ConsoleLogin", caller: "users" });
  });

  test("root activity: any caller's console visits count (ListBuckets, DescribeInstances are routine for users)", () => {
    const verdict = routineOf(judgeCoverage('{ $.eventName = "ListBuckets" || $.userIdentity.type = "Root" }', controlById("root-account-usage")));
    expect(verdict.routine.eventName).toBe("ListBuckets");
  });
});
