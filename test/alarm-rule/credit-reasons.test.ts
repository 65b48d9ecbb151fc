/**
 * The whole reason given with each answer to "does this composite alarm notify when x goes into ALARM?", and the
 * boundaries of the exact check.
 *
 * Each verdict and the world named in its reason are worked out by hand from the documented meaning of the rule
 * (PutCompositeAlarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html:
 * "ALARM(...) is TRUE if the named alarm is in ALARM state"; AlarmActions run "when this alarm transitions to the
 * ALARM state from any other state") and AT_LEAST as AWS's CDK writes it
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AtLeastOptions.html). Where the rule is
 * false for several worlds, the one named is the first in the order OK, ALARM, INSUFFICIENT_DATA of the alarms named
 * more than once (the first such alarm varying fastest), every other alarm OK unless it must be otherwise.
 */
import { ENUMERATION_BUDGET, creditsWatchedAlarm } from "../../lib/alarm-rule";
import { isX, X_ARN } from "../helpers/alarm-rule";

const Y_ARN = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:y";
const credit = (rule: string) => creditsWatchedAlarm(rule, isX);

/** `(ALARM(aI) OR NOT ALARM(aI))` for n alarms: each always true, but only when its alarm's state is known. */
const tautologies = (n: number) =>
  Array.from({ length: n }, (_, i) => `(ALARM(a${i}) OR NOT ALARM(a${i}))`).join(" AND ");
/** `(ALARM(s0) OR ... )` over n alarms named once. */
const anyOf = (n: number) => `(${Array.from({ length: n }, (_, i) => `ALARM(s${i})`).join(" OR ")})`;

describe("yes: true whenever x is in ALARM, and can be false while x is in OK and while it is in INSUFFICIENT_DATA", () => {
  it.each([
    [
      "ALARM(x)",
      'the rule is true whenever "x" is in ALARM, whatever the other alarms\' states, and can be false while "x" is ' +
        'in OK or INSUFFICIENT_DATA, so the composite alarm goes into ALARM when "x" does',
    ],
    [
      "ALARM(x) OR ALARM(y)",
      'the rule is true whenever "x" is in ALARM, whatever the other alarms\' states, and can be false while "x" is ' +
        'in OK or INSUFFICIENT_DATA (e.g. when "y" is in OK), so the composite alarm goes into ALARM when "x" does',
    ],
    [
      "ALARM(x) OR ALARM(y) OR OK(z) OR ALARM(w)",
      'the rule is true whenever "x" is in ALARM, whatever the other alarms\' states, and can be false while "x" is ' +
        'in OK or INSUFFICIENT_DATA (e.g. when "y" is in OK, "z" is in ALARM and "w" is in OK), so the composite ' +
        'alarm goes into ALARM when "x" does',
    ],
    // The watched alarm is named as first written, here by its ARN.
    [
      `ALARM(${X_ARN}) OR ALARM(x)`,
      `the rule is true whenever "${X_ARN}" is in ALARM, whatever the other alarms' states, and can be false while ` +
        `"${X_ARN}" is in OK or INSUFFICIENT_DATA, so the composite alarm goes into ALARM when "${X_ARN}" does`,
    ],
  ])("%j", (rule, reason) => {
    expect(credit(rule)).toEqual({ verdict: "yes", reason });
  });
});

describe("no: when x is in ALARM the rule can still be false", () => {
  it.each([
    [
      "ALARM(x) AND FALSE",
      'when "x" is in ALARM the rule is still false: it also needs FALSE to be true, which it never is',
    ],
    [
      "ALARM(x) AND NOT TRUE",
      'when "x" is in ALARM the rule is still false: it also needs TRUE to be false, which it never is',
    ],
    // Every other alarm left OK unless it must be otherwise: all three are named.
    [
      "ALARM(x) AND ALARM(y) AND ALARM(z)",
      'when "x" is in ALARM the rule is still false if "y" is in OK and "z" is in OK: it also needs "y" in ALARM ' +
        'and "z" in ALARM',
    ],
    [
      "ALARM(x) AND NOT ALARM(y)",
      'when "x" is in ALARM the rule is still false if "y" is in ALARM: it also needs "y" not in ALARM',
    ],
    // One false operand is enough to make an AND false: y is left OK, z at its default OK, where OK(z) holds.
    [
      "ALARM(x) AND ALARM(y) AND OK(z)",
      'when "x" is in ALARM the rule is still false if "y" is in OK: it also needs "y" in ALARM',
    ],
    // Only what is not yet so is needed: z is already not in ALARM.
    [
      "ALARM(x) AND NOT (ALARM(y) OR ALARM(z))",
      'when "x" is in ALARM the rule is still false if "y" is in ALARM: it also needs "y" not in ALARM',
    ],
    [
      "ALARM(x) AND NOT OK(y)",
      'when "x" is in ALARM the rule is still false if "y" is in OK: it also needs "y" not in OK',
    ],
    // y false in OK(y) OR NOT ALARM(y) only when in ALARM: the second state tried.
    [
      "ALARM(x) AND (OK(y) OR NOT ALARM(y))",
      'when "x" is in ALARM the rule is still false if "y" is in ALARM: it also needs one of: "y" in OK; or "y" not ' +
        "in ALARM",
    ],
    // y in neither OK nor ALARM: INSUFFICIENT_DATA, the third state tried.
    [
      "ALARM(x) AND (OK(y) OR ALARM(y))",
      'when "x" is in ALARM the rule is still false if "y" is in INSUFFICIENT_DATA: it also needs one of: "y" in ' +
        'OK; or "y" in ALARM',
    ],
    // As above, but a free z keeps the OR open while y is INSUFFICIENT_DATA: the OR is false only with z not in
    // ALARM too, so z is set (OK), and y keeps the state that made OK(y) and ALARM(y) false. In y OK or ALARM the
    // rule is true, so a world naming y in either would not make it false.
    [
      "ALARM(x) AND (OK(y) OR ALARM(y) OR ALARM(z))",
      'when "x" is in ALARM the rule is still false if "y" is in INSUFFICIENT_DATA and "z" is in OK: it also needs ' +
        'one of: "y" in OK; or "y" in ALARM; or "z" in ALARM',
    ],
    // The same with y also listed in an AT_LEAST: AT_LEAST(1, ALARM, (y, z)) is false only with neither in ALARM;
    // y, in INSUFFICIENT_DATA, already is not, and only z is set (OK). y in OK would make OK(y) true.
    [
      "ALARM(x) AND (OK(y) OR AT_LEAST(1, ALARM, (y, z)))",
      'when "x" is in ALARM the rule is still false if "y" is in INSUFFICIENT_DATA and "z" is in OK: it also needs ' +
        'one of: "y" in OK; or at least 1 of ("y", "z") in ALARM',
    ],
    // y's part is always true; only z in INSUFFICIENT_DATA makes the rule false: the second alarm's state changes
    // after the first has gone through all three.
    [
      "ALARM(x) AND (OK(y) OR NOT OK(y)) AND (OK(z) OR ALARM(z))",
      'when "x" is in ALARM the rule is still false if "z" is in INSUFFICIENT_DATA: it also needs one of: "z" in ' +
        'OK; or "z" in ALARM',
    ],
    // 51% of 2 alarms is 1.02, so 2 are needed.
    [
      "AT_LEAST(51%, ALARM, (x, y))",
      'when "x" is in ALARM the rule is still false if "y" is in OK: it also needs at least 51% of ("x", "y") in ALARM',
    ],
    // NOT OK counts x in ALARM; y must also not be OK.
    [
      "AT_LEAST(2, NOT OK, (x, y))",
      'when "x" is in ALARM the rule is still false if "y" is in OK: it also needs at least 2 of ("x", "y") not in OK',
    ],
    [
      "ALARM(x) AND NOT AT_LEAST(1, ALARM, (y, z))",
      'when "x" is in ALARM the rule is still false if "y" is in ALARM and "z" is in ALARM: it also needs fewer ' +
        'than 1 of ("y", "z") in ALARM',
    ],
    [
      "ALARM(x) AND NOT AT_LEAST(50%, NOT INSUFFICIENT_DATA, (y))",
      'when "x" is in ALARM the rule is still false if "y" is in OK: it also needs fewer than 50% of ("y") not in ' +
        "INSUFFICIENT_DATA",
    ],
  ])("%j", (rule, reason) => {
    expect(credit(rule)).toEqual({ verdict: "no", reason });
  });
});

describe("no: the rule is already true before x goes into ALARM", () => {
  const always = (x: string) =>
    `the rule is true whatever state ${x} and the other alarms are in, so the composite alarm stays in ALARM and ` +
    `does not notify when ${x} goes into ALARM (CloudWatch acts on a change into ALARM)`;
  const already = (from: string) =>
    `while "x" is in ${from} the rule is already true whatever the other alarms' states, so when "x" goes from ` +
    `${from} to ALARM the composite alarm does not change state and does not notify`;

  it.each([
    ["TRUE OR ALARM(x)", always('"x"')],
    ["ALARM(x) OR NOT ALARM(x)", always('"x"')],
    ["ALARM(x) OR ALARM(y) OR NOT ALARM(y)", always('"x"')],
    ["ALARM(x) OR OK(x)", already("OK")],
    ["ALARM(x) OR INSUFFICIENT_DATA(x)", already("INSUFFICIENT_DATA")],
    ["ALARM(x) OR OK(x) OR ALARM(y)", already("OK")],
    // Certainly true while x is OK or INSUFFICIENT_DATA; while x is in ALARM the rule is 20 alarms' tautologies,
    // more than the check enumerates: not "always true", but already true before x changes.
    [`OK(x) OR INSUFFICIENT_DATA(x) OR (ALARM(x) AND ${tautologies(20)})`, already("OK or INSUFFICIENT_DATA")],
  ])("%j", (rule, reason) => {
    expect(credit(rule)).toEqual({ verdict: "no", reason });
  });
});

describe("no: the rule does not refer to x", () => {
  it.each([
    ["ALARM(y)", "the rule never refers to the watched alarm, so the watched alarm going into ALARM cannot change it"],
    [
      "ALARM(y) OR NOT ALARM(y)",
      "the rule never refers to the watched alarm, so the watched alarm going into ALARM cannot change it",
    ],
    [
      "ALARM(y) OR TRUE",
      "the rule is always true, so the composite alarm stays in ALARM and never notifies again; it does not refer " +
        "to the watched alarm either",
    ],
  ])("%j", (rule, reason) => {
    expect(credit(rule)).toEqual({ verdict: "no", reason });
  });

  it("gives the parse error of a rule AWS rejects", () => {
    const message =
      "Invalid alarm rule at column 13: an operand is missing: the rule ends here (hint: a rule combines " +
      "ALARM(name), OK(name), INSUFFICIENT_DATA(name), AT_LEAST(...), TRUE and FALSE with AND, OR, NOT and " +
      "parentheses)";
    expect(credit("ALARM(x) AND")).toEqual({
      verdict: "no",
      reason: `AWS would reject the rule: ${message}`,
      error: { code: "expected-operand", offset: 12, column: 13, message },
    });
  });
});

describe("unknown: what the answer depends on", () => {
  it("names the readings of an undocumented precedence that disagree, and the fix", () => {
    // AND first: x OR (y AND z), yes. OR first (and left to right): (x OR y) AND z, false with z OK.
    expect(credit("ALARM(x) OR ALARM(y) AND ALARM(z)")).toEqual({
      verdict: "unknown",
      reason:
        "the answer depends on how AWS reads ALARM(x) OR ALARM(y) AND ALARM(z), whose precedence of AND, OR and " +
        "NOT is not documented: AND binding tighter than OR, NOT applying to the next operand only, yes; OR " +
        'binding tighter than AND, NOT applying to the next operand only, no (when "x" is in ALARM the rule is ' +
        'still false if "z" is in OK: it also needs "z" in ALARM); add parentheses to say which is meant',
    });
  });

  it("shortens a long rule to 117 characters and an ellipsis", () => {
    const long = `ALARM(x) OR ALARM(y) AND ALARM(${"z".repeat(100)})`;
    const reason = credit(long).reason;
    expect(reason.startsWith(`the answer depends on how AWS reads ${long.slice(0, 117)}..., whose precedence`)).toBe(
      true,
    );
  });

  it("keeps a rule of 120 characters whole", () => {
    const rule = `ALARM(x) OR ALARM(y) AND ALARM(${"z".repeat(120 - 32)})`;
    expect(rule).toHaveLength(120);
    expect(credit(rule).reason).toContain(`how AWS reads ${rule}, whose precedence`);
  });

  it("names the two spellings of one alarm name when the answer depends on whether they are one alarm", () => {
    // Same alarm: ALARM(y) OR NOT ALARM(y) is always true, no. Different alarms (another account's ARN): yes.
    expect(credit(`ALARM(x) OR ALARM(y) OR NOT ALARM(${Y_ARN})`)).toEqual({
      verdict: "unknown",
      reason:
        `the answer depends on whether two spellings designate the same alarm: taking "y" and "${Y_ARN}" as ` +
        `different alarms, yes; taking "y" and "${Y_ARN}" as the same alarm, no (the rule is true whatever state ` +
        `"x" and the other alarms are in, so the composite alarm stays in ALARM and does not notify when "x" goes ` +
        "into ALARM (CloudWatch acts on a change into ALARM))",
    });
  });

  it("says how many alarms would have to be enumerated when they are more than the budget allows", () => {
    // 1 AND node + 20 ORs of 4 nodes + two ALARM(x) = 83 nodes; 3^7 * 83 <= 500,000 < 3^8 * 83: 7 alarms enumerated.
    expect(ENUMERATION_BUDGET).toBe(500_000);
    // x named twice is the watched alarm, not one of the alarms to enumerate: 83 nodes, still 7.
    expect(credit(`ALARM(x) AND ${tautologies(20)} AND ALARM(x)`)).toEqual({
      verdict: "unknown",
      reason:
        "the rule refers to 20 alarms more than once; deciding exactly means trying 3^20 combinations of their " +
        "states, and this check tries at most 3^7",
    });
  });
});

describe("the enumeration budget", () => {
  // ALARM(x) OR (ALARM(w) AND tautologies AND anyOf): while x is OK the rule is false when w is OK, which only the
  // enumeration of every repeated alarm (making each tautology true) can show.
  it("decides exactly when the alarms named more than once are as many as it enumerates", () => {
    // OR + ALARM(x) + AND + ALARM(w) + 7 * 4 + (1 + 50) = 83 nodes: 3^7 * 83 <= 500,000 < 3^8 * 83, 7 enumerated.
    expect(credit(`ALARM(x) OR (ALARM(w) AND ${tautologies(7)} AND ${anyOf(50)})`).verdict).toBe("yes");
  });

  it("answers unknown with one more", () => {
    // OR + ALARM(x) + AND + ALARM(w) + 8 * 4 + (1 + 46) = 83 nodes: still 7 enumerated, of 8.
    expect(credit(`ALARM(x) OR (ALARM(w) AND ${tautologies(8)} AND ${anyOf(46)})`)).toEqual({
      verdict: "unknown",
      reason:
        "the rule refers to 8 alarms more than once; deciding exactly means trying 3^8 combinations of their " +
        "states, and this check tries at most 3^7",
    });
  });
});

describe("the enumeration budget goes to the alarms named most often", () => {
  it("enumerates an alarm named three times before those named twice", () => {
    // While x is OK: each (ALARM(bI) AND ALARM(bI) AND FALSE) is false whatever bI's state; (ALARM(t) AND NOT ALARM(t)
    // AND NOT ALARM(t)) is false too, but that shows only when t's state is enumerated. OR + ALARM(x) + 9 * 4 + 6 =
    // 44 nodes: 8 of the 10 alarms named more than once are enumerated, t first, though it is written last.
    const falses = Array.from({ length: 9 }, (_, i) => `(ALARM(b${i}) AND ALARM(b${i}) AND FALSE)`).join(" OR ");
    expect(credit(`ALARM(x) OR ${falses} OR (ALARM(t) AND NOT ALARM(t) AND NOT ALARM(t))`).verdict).toBe("yes");
  });
});

describe("a check that cannot finish in one state of x is not a yes", () => {
  it.each([
    // While x is INSUFFICIENT_DATA the rule is 20 tautologies, more than the check enumerates; OK and ALARM decide.
    `ALARM(x) OR (INSUFFICIENT_DATA(x) AND ${tautologies(20)})`,
    `ALARM(x) OR (OK(x) AND ${tautologies(20)})`,
  ])("%j", (rule) => {
    // OR + ALARM(x) + AND + INSUFFICIENT_DATA(x) or OK(x) + 20 * 4 = 84 nodes: 7 alarms enumerated.
    expect(credit(rule)).toEqual({
      verdict: "unknown",
      reason:
        "the rule refers to 20 alarms more than once; deciding exactly means trying 3^20 combinations of their " +
        "states, and this check tries at most 3^7",
    });
  });

  it("gives the reason of the reading that cannot be decided when the others say no", () => {
    // AND first: (FALSE AND x) OR (x AND tautologies): undecided while x is in ALARM. OR first: FALSE AND ...:
    // never true, no. Left to right: ((FALSE AND x) OR x) AND tautologies: undecided. Not every reading says no,
    // none says yes: the answer is the undecided one's. AND first: OR + 3 + (AND + x + 80) = 86 nodes, 7 enumerated.
    expect(credit(`FALSE AND ALARM(x) OR ALARM(x) AND ${tautologies(20)}`)).toEqual({
      verdict: "unknown",
      reason:
        "the rule refers to 20 alarms more than once; deciding exactly means trying 3^20 combinations of their " +
        "states, and this check tries at most 3^7",
    });
  });
});

describe("two spellings of one alarm name", () => {
  it("are named by the first written, and only two of them in the reason", () => {
    const other = "arn:aws:cloudwatch:us-east-1:444455556666:alarm:y";
    // Same alarm: ALARM(y) OR NOT ALARM(y) OR NOT ALARM(y) is always true, no. Different alarms: yes.
    expect(credit(`ALARM(x) OR ALARM(y) OR NOT ALARM(${Y_ARN}) OR NOT ALARM(${other})`).reason).toBe(
      `the answer depends on whether two spellings designate the same alarm: taking "y" and "${Y_ARN}" as ` +
        `different alarms, yes; taking "y" and "${Y_ARN}" as the same alarm, no (the rule is true whatever state ` +
        `"x" and the other alarms are in, so the composite alarm stays in ALARM and does not notify when "x" goes ` +
        "into ALARM (CloudWatch acts on a change into ALARM))",
    );
  });

  it("are those of another alarm than x, whatever is written before them", () => {
    // x by name and by ARN is the watched alarm either way; z has one spelling; y's two decide the answer.
    expect(credit(`ALARM(x) OR ALARM(${X_ARN}) OR ALARM(z) OR ALARM(y) OR NOT ALARM(${Y_ARN})`).reason).toBe(
      `the answer depends on whether two spellings designate the same alarm: taking "y" and "${Y_ARN}" as ` +
        `different alarms, yes; taking "y" and "${Y_ARN}" as the same alarm, no (the rule is true whatever state ` +
        `"x" and the other alarms are in, so the composite alarm stays in ALARM and does not notify when "x" goes ` +
        "into ALARM (CloudWatch acts on a change into ALARM))",
    );
  });

  it("are one alarm shown as first written when every reading agrees", () => {
    // Same alarm: y must be in ALARM, and (ALARM(y) OR NOT ALARM(y)) is always true. Different alarms: the ARN's
    // alarm must be in ALARM. Both no; the reason is the same-alarm one, the alarm shown by its ARN.
    expect(credit(`ALARM(x) AND ALARM(${Y_ARN}) AND (ALARM(y) OR NOT ALARM(y))`)).toEqual({
      verdict: "no",
      reason: `when "x" is in ALARM the rule is still false if "${Y_ARN}" is in OK: it also needs "${Y_ARN}" in ALARM`,
    });
  });
});
