/**
 * Whether a composite alarm's rule notifies when the watched alarm x goes into ALARM.
 *
 * Each expected verdict is worked out by hand from the documented meaning of the functions (PutCompositeAlarm,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html: "ALARM(...) is TRUE if
 * the named alarm is in ALARM state", AlarmActions run "when this alarm transitions to the ALARM state from any other
 * state") and the rule of the module: yes when the rule is true whenever x is in ALARM and can be false while x is in
 * OK and while it is in INSUFFICIENT_DATA.
 */
import { creditsWatchedAlarm } from "../../lib/alarm-rule";
import { isX, X_ARN } from "../helpers/alarm-rule";

const verdict = (rule: string) => creditsWatchedAlarm(rule, isX).verdict;

describe("the documented examples, with x as one of their alarms", () => {
  it.each([
    // x OR y: true when x is; false when both are OK.
    ["(ALARM(x) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh)", "no"],
    ["ALARM(x) AND ALARM(DiskReadOpsTooHigh)", "no"],
    // "goes to ALARM state if CPUUtilizationTooHigh is in ALARM state and DeploymentInProgress is not": a
    // deployment in progress silences x, so x alone does not make the rule true.
    ["ALARM(x) AND NOT ALARM(DeploymentInProgress)", "no"],
    ['(ALARM("x") OR \nALARM("DiskReadOpsTooHigh"))', "yes"],
  ])("%j: %s", (rule, expected) => {
    expect(verdict(rule)).toBe(expected);
  });
});

describe("the question's cases", () => {
  it.each([
    ['ALARM("x")', "yes"],
    ["ALARM(x)", "yes"],
    [`ALARM("${X_ARN}")`, "yes"],
    ["ALARM(x) OR ALARM(y)", "yes"],
    ["ALARM(y) OR ALARM(x) OR ALARM(z)", "yes"],
    ["ALARM(x) AND ALARM(y)", "no"],
    ["NOT ALARM(x)", "no"],
    ["OK(x)", "no"],
    ["INSUFFICIENT_DATA(x)", "no"],
    // Always true: the composite stays in ALARM and never changes state, so it never notifies again.
    ["TRUE", "no"],
    ["TRUE OR ALARM(x)", "no"],
    ["ALARM(x) OR NOT ALARM(x)", "no"],
    ["ALARM(x) OR ALARM(y) OR NOT ALARM(y)", "no"],
    // Already true while x is OK: the OK -> ALARM change of x does not change the composite.
    ["ALARM(x) OR OK(x)", "no"],
    // Already true while x is INSUFFICIENT_DATA, as an alarm on a sparse metric is with missing data "missing".
    ["ALARM(x) OR INSUFFICIENT_DATA(x)", "no"],
    ["NOT OK(x)", "no"],
    ["FALSE", "no"],
    ["ALARM(x) AND FALSE", "no"],
    ["ALARM(x) OR FALSE", "yes"],
    ["ALARM(x) AND TRUE", "yes"],
    ["ALARM(y)", "no"],
  ])("%j: %s", (rule, expected) => {
    expect(verdict(rule)).toBe(expected);
  });
});

describe("atoms on the same alarm are correlated", () => {
  it.each([
    // y cannot be in ALARM and not in ALARM: the second operand is never true, so this is ALARM(x).
    ["ALARM(x) OR (ALARM(y) AND NOT ALARM(y))", "yes"],
    // y is in exactly one state: OK(y) OR ALARM(y) OR INSUFFICIENT_DATA(y) is always true.
    ["ALARM(x) AND (OK(y) OR ALARM(y) OR INSUFFICIENT_DATA(y))", "yes"],
    ["ALARM(x) AND (OK(y) OR ALARM(y))", "no"],
    // NOT OK(y) AND NOT ALARM(y) means y is INSUFFICIENT_DATA: (x AND ...) OR ALARM(x) is still ALARM(x).
    ["ALARM(x) OR (NOT OK(y) AND NOT ALARM(y) AND ALARM(x))", "yes"],
    // An alarm by name and by its ARN is one alarm within one account and Region; a different account's ARN of
    // the same name could be another alarm, and then `ALARM(y) OR NOT ALARM(arn...:y)` is not always true.
    ["ALARM(x) OR ALARM(y) OR NOT ALARM(arn:aws:cloudwatch:us-east-1:111122223333:alarm:y)", "unknown"],
  ])("%j: %s", (rule, expected) => {
    expect(verdict(rule)).toBe(expected);
  });
});

describe("AT_LEAST counts the listed alarms in a state", () => {
  it.each([
    // At least 1 of (x, y) in ALARM: x in ALARM suffices; false when both are OK.
    ["AT_LEAST(1, ALARM, (x, y))", "yes"],
    ["AT_LEAST(50%, ALARM, (x, y))", "yes"],
    // 51% of 2 is 1.02 alarms, so 2 are needed: x alone is not enough.
    ["AT_LEAST(51%, ALARM, (x, y))", "no"],
    ["AT_LEAST(2, ALARM, (x, y, z))", "no"],
    // NOT OK counts x in ALARM, but x in INSUFFICIENT_DATA is "not OK" too: the rule is already true then.
    ["AT_LEAST(1, NOT OK, (x, y))", "no"],
    // NOT INSUFFICIENT_DATA counts x in OK as well: already true while x is OK.
    ["AT_LEAST(1, NOT INSUFFICIENT_DATA, (x))", "no"],
    // A count above the list can never be reached.
    ["AT_LEAST(3, ALARM, (x, y))", "no"],
  ])("%j: %s", (rule, expected) => {
    expect(verdict(rule)).toBe(expected);
  });
});

describe("precedence the documentation does not give", () => {
  it.each([
    // AND first: x OR (y AND z), yes. OR first: (x OR y) AND z, no. Unknown.
    ["ALARM(x) OR ALARM(y) AND ALARM(z)", "unknown"],
    // AND first: (y AND z) OR x, yes. OR first: y AND (z OR x), no.
    ["ALARM(y) AND ALARM(z) OR ALARM(x)", "unknown"],
    // Every reading gives no: (x AND y) OR z and x AND (y OR z) both need something besides x.
    ["ALARM(x) AND ALARM(y) OR ALARM(z)", "no"],
    // NOT on one operand: (NOT y) OR x, yes; NOT reaching to the right: NOT (y OR x), no.
    ["NOT ALARM(y) OR ALARM(x)", "unknown"],
    // (NOT y) AND x and NOT (y AND x): neither is true whenever x is in ALARM.
    ["NOT ALARM(y) AND ALARM(x)", "no"],
    // With parentheses every reading agrees.
    ["ALARM(x) OR (ALARM(y) AND ALARM(z))", "yes"],
    ["(NOT ALARM(y)) OR ALARM(x)", "yes"],
  ])("%j: %s", (rule, expected) => {
    expect(verdict(rule)).toBe(expected);
  });

  it("says what decides an ambiguous rule and how to fix it", () => {
    const reason = creditsWatchedAlarm("ALARM(x) OR ALARM(y) AND ALARM(z)", isX).reason;
    expect(reason).toContain("AND binding tighter than OR");
    expect(reason).toContain("OR binding tighter than AND");
    expect(reason).toContain("add parentheses");
  });
});

describe("reasons", () => {
  it("name what else a conjunction needs", () => {
    expect(creditsWatchedAlarm("ALARM(x) AND ALARM(y)", isX).reason).toBe(
      'when "x" is in ALARM the rule is still false if "y" is in OK: it also needs "y" in ALARM',
    );
  });

  it("explain an always-true rule", () => {
    expect(creditsWatchedAlarm("TRUE", isX).reason).toContain("always true");
  });

  it("return the parse error of a rule AWS rejects, which credits nothing", () => {
    const credit = creditsWatchedAlarm("ALARM(x) AND", isX);
    expect(credit.verdict).toBe("no");
    expect(credit.error?.code).toBe("expected-operand");
    expect(credit.reason).toContain("Invalid alarm rule at column 13");
  });
});

describe("rules beyond the enumeration budget", () => {
  it("stay exact when every alarm is named once (100 alarms, AWS's maximum)", () => {
    const others = Array.from({ length: 99 }, (_, i) => `ALARM(a${i})`).join(" OR ");
    expect(verdict(`ALARM(x) OR ${others}`)).toBe("yes");
    expect(verdict(`ALARM(x) AND (${others})`)).toBe("no");
  });

  it("answer unknown rather than guess when too many alarms are named more than once", () => {
    // Twenty alarms each named twice, in a rule whose answer depends on all of them together:
    // x AND (every aI equal in both atoms) is never decided by Kleene evaluation of a few.
    const pairs = Array.from({ length: 20 }, (_, i) => `(ALARM(a${i}) OR NOT ALARM(a${i}))`).join(" AND ");
    const credit = creditsWatchedAlarm(`ALARM(x) OR (OK(x) AND ${pairs})`, isX);
    // While x is OK the rule is `pairs`, which is always true; only enumerating all 20 alarms shows it.
    expect(credit.verdict).not.toBe("yes");
  });
});
