/**
 * The composite-alarm rule parser: the rules AWS documents (with the tree, or the part of it the row is about), the
 * precedence cases it keeps as written, the limits, and rules AWS rejects (with the error code and column).
 *
 * Sources: PutCompositeAlarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 * (API); Create a composite alarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 * (guide); AT_LEAST as AWS's CDK writes it, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AtLeastOptions.html (CDK).
 */
import type { AlarmRuleErrorCode, RuleExpression } from "../../lib/alarm-rule";
import { ERROR_PREFIX, MAX_RULE_LENGTH, parseAlarmRule } from "../../lib/alarm-rule";

/** The tree with every `span` removed, for comparing shapes. */
function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (key !== "span") out[key] = withoutSpans(inner);
    return out;
  }
  return value;
}

function tree(text: string): unknown {
  const result = parseAlarmRule(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error.message}`);
  return withoutSpans(result.rule);
}

const ref = (text: string, quoted = false) => ({ text, quoted });
const alarm = (name: string, quoted = false) => ({ kind: "state", state: "ALARM", alarm: ref(name, quoted) });
const ok = (name: string, quoted = false) => ({ kind: "state", state: "OK", alarm: ref(name, quoted) });
const not = (operand: unknown) => ({ kind: "not", operand });
const and = (...operands: unknown[]) => ({ kind: "and", operands });
const or = (...operands: unknown[]) => ({ kind: "or", operands });

describe("the rules AWS documents parse to the tree they describe", () => {
  it.each<[string, string, unknown]>([
    // API and guide: "ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh) specifies that the composite alarm
    // goes into ALARM state only if both ... are in ALARM state"
    [
      "API",
      "ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh)",
      and(alarm("CPUUtilizationTooHigh"), alarm("DiskReadOpsTooHigh")),
    ],
    // "... goes to ALARM state if CPUUtilizationTooHigh is in ALARM state and DeploymentInProgress is not"
    [
      "API",
      "ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DeploymentInProgress)",
      and(alarm("CPUUtilizationTooHigh"), not(alarm("DeploymentInProgress"))),
    ],
    // "... if CPUUtilizationTooHigh OR DiskReadOpsTooHigh is in ALARM state, and if NetworkOutTooHigh is in OK state"
    [
      "API",
      "(ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh)",
      and(or(alarm("CPUUtilizationTooHigh"), alarm("DiskReadOpsTooHigh")), ok("NetworkOutTooHigh")),
    ],
    // The console example, quoted names over three lines.
    [
      "guide",
      '(ALARM("CPUUtilizationTooHigh") OR \nALARM("DiskReadOpsTooHigh")) AND \nOK("NetworkOutTooHigh")',
      and(or(alarm("CPUUtilizationTooHigh", true), alarm("DiskReadOpsTooHigh", true)), ok("NetworkOutTooHigh", true)),
    ],
    // "TRUE always evaluates to TRUE. FALSE always evaluates to FALSE."
    ["API", "TRUE", { kind: "constant", value: true }],
    ["API", "FALSE", { kind: "constant", value: false }],
    // The guide's cycle note writes the constant as `False` (and the API as `false`).
    ["guide", "False", { kind: "constant", value: false }],
    // "INSUFFICIENT_DATA(\"alarm-name or alarm-ARN\") is TRUE if the named alarm is in INSUFFICIENT_DATA state"
    [
      "API",
      'INSUFFICIENT_DATA("arn:aws:cloudwatch:us-east-1:123456789012:alarm:Trail changes")',
      {
        kind: "state",
        state: "INSUFFICIENT_DATA",
        alarm: ref("arn:aws:cloudwatch:us-east-1:123456789012:alarm:Trail changes", true),
      },
    ],
    // An ARN without quotes, as the CDK writes references (`ALARM("${alarmArn}")` quoted, AT_LEAST lists unquoted).
    [
      "API",
      "ALARM(arn:aws:cloudwatch:us-east-1:123456789012:alarm:x)",
      alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x"),
    ],
  ])("%s: %j", (_source, text, expected) => {
    expect(tree(text)).toEqual(expected);
  });
});

describe("AT_LEAST (CDK: AT_LEAST(threshold, [NOT] state, (alarm, ...)))", () => {
  it.each<[string, unknown]>([
    [
      "AT_LEAST(2, ALARM, (a, b, c))",
      {
        kind: "atLeast",
        threshold: { kind: "count", value: 2 },
        negated: false,
        state: "ALARM",
        alarms: [ref("a"), ref("b"), ref("c")],
      },
    ],
    [
      'AT_LEAST(60%, NOT OK, ("a", b))',
      {
        kind: "atLeast",
        threshold: { kind: "percentage", value: 60 },
        negated: true,
        state: "OK",
        alarms: [ref("a", true), ref("b")],
      },
    ],
    [
      "AT_LEAST( 1 , NOT INSUFFICIENT_DATA , ( a ) )",
      {
        kind: "atLeast",
        threshold: { kind: "count", value: 1 },
        negated: true,
        state: "INSUFFICIENT_DATA",
        alarms: [ref("a")],
      },
    ],
  ])("%j", (text, expected) => {
    expect(tree(text)).toEqual(expected);
  });
});

describe("precedence the documentation does not give is kept as written", () => {
  it("a run of one operator is an n-ary node (AND and OR are associative)", () => {
    expect(tree("ALARM(a) OR ALARM(b) OR ALARM(c)")).toEqual(or(alarm("a"), alarm("b"), alarm("c")));
    expect(tree("ALARM(a) AND (ALARM(b) AND ALARM(c))")).toEqual(and(alarm("a"), alarm("b"), alarm("c")));
  });

  it("NOT before the last operand reads the same under every precedence", () => {
    expect(tree("ALARM(a) OR NOT ALARM(b)")).toEqual(or(alarm("a"), not(alarm("b"))));
    expect(tree("NOT NOT ALARM(a)")).toEqual(not(not(alarm("a"))));
  });

  it.each([
    ["ALARM(a) OR ALARM(b) AND ALARM(c)", ["OR", "AND"]],
    ["ALARM(a) AND ALARM(b) OR ALARM(c)", ["AND", "OR"]],
    ["NOT ALARM(a) AND ALARM(b)", ["AND"]],
  ])("%j is a sequence", (text, operators) => {
    const parsed = tree(text) as { kind: string; operators: string[] };
    expect(parsed.kind).toBe("sequence");
    expect(parsed.operators).toEqual(operators);
  });

  it("parentheses remove the ambiguity", () => {
    expect(tree("ALARM(a) OR (ALARM(b) AND ALARM(c))")).toEqual(or(alarm("a"), and(alarm("b"), alarm("c"))));
    expect(tree("(NOT ALARM(a)) AND ALARM(b)")).toEqual(and(not(alarm("a")), alarm("b")));
  });

  it("keywords are read whatever their case", () => {
    expect(tree("alarm(a) and not Ok(b)")).toEqual(and(alarm("a"), not(ok("b"))));
  });
});

describe("limits (API: AlarmRule length at most 10240; 100 child alarms; 500 elements)", () => {
  const orOf = (n: number, name: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `ALARM(${name(i)})`).join(" OR ");

  it("accepts 10240 characters and rejects 10241", () => {
    const padded = (length: number) => `ALARM(x)${" ".repeat(length - 8)}`;
    expect(parseAlarmRule(padded(MAX_RULE_LENGTH)).ok).toBe(true);
    const result = parseAlarmRule(padded(MAX_RULE_LENGTH + 1));
    expect(result.ok ? undefined : [result.error.code, result.error.column]).toEqual(["too-long", 10241]);
  });

  it("accepts 100 child alarms and rejects the 101st", () => {
    expect(parseAlarmRule(orOf(100, (i) => `a${i}`)).ok).toBe(true);
    const result = parseAlarmRule(orOf(101, (i) => `a${i}`));
    // 100 times "ALARM(aN) OR " before it: 10 of 13 characters, 90 of 14 -> offset 1390, then "ALARM(" -> column 1397.
    expect(result.ok ? undefined : [result.error.code, result.error.column]).toEqual(["too-many-alarms", 1397]);
  });

  it("counts an alarm named twice, or by name and by ARN, once", () => {
    const twice = `${orOf(100, (i) => `a${i}`)} OR ALARM(a0) OR OK(arn:aws:cloudwatch:us-east-1:123456789012:alarm:a1)`;
    expect(parseAlarmRule(twice).ok).toBe(true);
  });

  it("counts references, TRUE/FALSE and parenthesis pairs as elements, 500 at most", () => {
    // 100 alarms named 5 times each = 500 elements.
    const five = Array.from({ length: 5 }, () => orOf(100, (i) => `a${i}`)).join(" OR ");
    expect(parseAlarmRule(five).ok).toBe(true);
    // With an outer pair of parentheses (element 1), the last reference, the name in the final "ALARM(a99)", is 501.
    const result = parseAlarmRule(`(${five})`);
    const lastName = 1 + five.length - "a99)".length;
    expect(result.ok ? undefined : [result.error.code, result.error.offset]).toEqual(["too-many-elements", lastName]);
  });
});

describe("rules AWS rejects", () => {
  it.each<[string, AlarmRuleErrorCode, number]>([
    ["", "empty-rule", 1],
    ["   \n", "empty-rule", 1],
    ["ALARM(x) AND", "expected-operand", 13],
    ["AND ALARM(x)", "expected-operand", 1],
    ["NOT", "expected-operand", 4],
    ["ALARM(x) ALARM(y)", "expected-operator", 10],
    ["ALARM(x) && ALARM(y)", "expected-operator", 10],
    ["ALARM(x) || ALARM(y)", "expected-operator", 10],
    ["!ALARM(x)", "unexpected-character", 1],
    ["CPUHigh", "unknown-word", 1],
    ["ALARM(x) XOR ALARM(y)", "expected-operator", 10],
    ['"CPUHigh"', "expected-operand", 1],
    ["ALARM x", "expected-opening-parenthesis", 7],
    ["ALARM()", "empty-reference", 7],
    ['ALARM("")', "empty-reference", 7],
    ['ALARM("x)', "unterminated-string", 7],
    ["ALARM(x", "expected-closing-parenthesis", 8],
    // A bare name ends at a space, as AWS's own error says: "Unsupported token 'Oldest' at char 67, must be: ')'".
    ["ALARM(Queue Oldest Age)", "expected-closing-parenthesis", 13],
    ["ALARM(a, b)", "expected-closing-parenthesis", 8],
    ["ALARM(a(b))", "invalid-reference-character", 8],
    ["(ALARM(x)", "unbalanced-parenthesis", 1],
    ["ALARM(x))", "unbalanced-parenthesis", 9],
    ["()", "expected-operand", 2],
    ["AT_LEAST(ALARM, (a))", "invalid-threshold", 10],
    ["AT_LEAST(0, ALARM, (a))", "threshold-out-of-range", 10],
    ["AT_LEAST(101%, ALARM, (a))", "threshold-out-of-range", 10],
    ["AT_LEAST(1.5, ALARM, (a))", "expected-comma", 11],
    ["AT_LEAST(1 ALARM, (a))", "expected-comma", 12],
    ["AT_LEAST(1, ALARMS, (a))", "expected-state", 13],
    ["AT_LEAST(1, ALARM, a)", "expected-opening-parenthesis", 20],
    ["AT_LEAST(1, ALARM, ())", "empty-alarm-list", 20],
    ["AT_LEAST(1, ALARM, (a b))", "expected-comma", 23],
    ["AT_LEAST(1, ALARM, (a)", "expected-closing-parenthesis", 23],
  ])("%j is rejected with %s at column %i", (text, code, column) => {
    const result = parseAlarmRule(text);
    if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
    expect([result.error.code, result.error.column]).toEqual([code, column]);
    expect(result.error.message.startsWith(`${ERROR_PREFIX} at column ${column}: `)).toBe(true);
  });

  it("says how to quote a name with spaces", () => {
    const result = parseAlarmRule("ALARM(Queue Oldest Age)");
    expect(result.ok ? "" : result.error.message).toContain('ALARM("Queue Oldest Age")');
  });
});

describe("spans", () => {
  it("point at the characters of each node", () => {
    const result = parseAlarmRule('ALARM(x) AND NOT OK("y")');
    if (!result.ok) throw new Error(result.error.message);
    const rule = result.rule as RuleExpression & { kind: "and" };
    expect(rule.span).toEqual({ start: 0, end: 24 });
    expect(rule.operands[1]?.span).toEqual({ start: 13, end: 24 });
    const negated = rule.operands[1] as RuleExpression & { kind: "not" };
    expect(negated.operand.span).toEqual({ start: 17, end: 24 });
  });
});
