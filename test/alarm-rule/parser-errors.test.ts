/**
 * Every way the composite-alarm rule parser rejects a rule: the whole message a user reads, its error code and the
 * column it points at (1-based, a line break counting as one character).
 *
 * What is rejected follows the grammar of PutCompositeAlarm's AlarmRule,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html (functions ALARM, OK,
 * INSUFFICIENT_DATA, TRUE, FALSE; AND, OR, NOT; parentheses; names or ARNs, optionally in double quotes; at most
 * 10240 characters, 100 child alarms and 500 elements) and AT_LEAST as AWS's CDK writes it,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AtLeastOptions.html (a count of at least 1
 * or a percentage from 1 to 100). The messages are the pack's own: each expected text below is the sentence the
 * user is meant to read, with the column counted by hand on the rule.
 */
import type { AlarmRuleErrorCode } from "../../lib/alarm-rule";
import { parseAlarmRule } from "../../lib/alarm-rule";

/** The hint given when the rule has something other than an operand where one is needed. */
const LANGUAGE =
  "a rule combines ALARM(name), OK(name), INSUFFICIENT_DATA(name), AT_LEAST(...), TRUE and FALSE with AND, OR, NOT " +
  "and parentheses";

function rejection(text: string): { code: string; column: number; offset: number; message: string } {
  const result = parseAlarmRule(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

type Row = [rule: string, code: AlarmRuleErrorCode, column: number, message: string];

function check([text, code, column, message]: Row): void {
  expect(rejection(text)).toEqual({
    code,
    column,
    offset: column - 1,
    message: `Invalid alarm rule at column ${column}: ${message}`,
  });
}

describe("an empty rule (API: AlarmRule length at least 1; guide: at least one child alarm, TRUE or FALSE)", () => {
  it.each<Row>([
    ["", "empty-rule", 1, "the rule is empty (hint: a rule needs at least one alarm function, TRUE or FALSE)"],
    // Blanks are spaces, tabs and line breaks (the console writes rules over several lines).
    [" \t\r\n", "empty-rule", 1, "the rule is empty (hint: a rule needs at least one alarm function, TRUE or FALSE)"],
  ])("%j", (...row) => check(row));
});

describe("what follows a complete operand", () => {
  it.each<Row>([
    ["ALARM(x))", "unbalanced-parenthesis", 9, "this ) has no matching ("],
    ["ALARM(x) & ALARM(y)", "expected-operator", 10, "& is not an operator (hint: write AND)"],
    ["ALARM(x) | ALARM(y)", "expected-operator", 10, "| is not an operator (hint: write OR)"],
    ["ALARM(x) ALARM(y)", "expected-operator", 10, 'expected AND or OR between operands but found "ALARM"'],
    ["TRUE\nXOR FALSE", "expected-operator", 6, 'expected AND or OR between operands but found "XOR"'],
    ["ALARM(x) - ALARM(y)", "expected-operator", 10, 'expected AND or OR between operands but found "-"'],
    // A word is quoted up to 20 characters, then cut with an ellipsis.
    [
      "TRUE ABCDEFGHIJKLMNOPQRST",
      "expected-operator",
      6,
      'expected AND or OR between operands but found "ABCDEFGHIJKLMNOPQRST"',
    ],
    [
      "TRUE ABCDEFGHIJKLMNOPQRSTU",
      "expected-operator",
      6,
      'expected AND or OR between operands but found "ABCDEFGHIJKLMNOPQRST…"',
    ],
    // Inside parentheses the same: the operand is complete, the next thing must be AND, OR or ).
    ["(ALARM(x) ALARM(y))", "expected-operator", 11, 'expected AND or OR between operands but found "ALARM"'],
    ["(ALARM(x) && ALARM(y))", "expected-operator", 11, "& is not an operator (hint: write AND)"],
  ])("%j", (...row) => check(row));
});

describe("a missing or unknown operand", () => {
  it.each<Row>([
    ["ALARM(x) AND", "expected-operand", 13, `an operand is missing: the rule ends here (hint: ${LANGUAGE})`],
    ["NOT", "expected-operand", 4, `NOT must be followed by an operand: the rule ends here (hint: ${LANGUAGE})`],
    [
      "ALARM(x) OR NOT NOT ",
      "expected-operand",
      21,
      `NOT must be followed by an operand: the rule ends here (hint: ${LANGUAGE})`,
    ],
    ["()", "expected-operand", 2, `an operand is missing: found ) (hint: ${LANGUAGE})`],
    ["(NOT )", "expected-operand", 6, `NOT must be followed by an operand: found ) (hint: ${LANGUAGE})`],
    ["AND ALARM(x)", "expected-operand", 1, `an operand is missing before AND (hint: ${LANGUAGE})`],
    // The keyword is quoted as written.
    ["ALARM(x) and or ALARM(y)", "expected-operand", 14, `an operand is missing before or (hint: ${LANGUAGE})`],
    ["NOT AND ALARM(x)", "expected-operand", 5, `NOT must be followed by an operand before AND (hint: ${LANGUAGE})`],
    [
      '"CPUHigh"',
      "expected-operand",
      1,
      'an alarm name must stand inside a function (hint: write ALARM("name") or OK("name"))',
    ],
    ["!ALARM(x)", "unexpected-character", 1, 'unexpected character "!" (hint: write NOT)'],
    ["ALARM(x) AND &", "unexpected-character", 14, 'unexpected character "&" (hint: write AND)'],
    ["ALARM(x) OR |", "unexpected-character", 13, 'unexpected character "|" (hint: write OR)'],
    ["ALARM(x) OR #", "unexpected-character", 13, `unexpected character "#" (hint: ${LANGUAGE})`],
    [
      "CPUHigh",
      "unknown-word",
      1,
      `"CPUHigh" is not a function or keyword of the rule language (hint: ${LANGUAGE}; to refer to an alarm write ` +
        "ALARM(CPUHigh))",
    ],
    [
      "TRUE OR cpu_high",
      "unknown-word",
      9,
      `"cpu_high" is not a function or keyword of the rule language (hint: ${LANGUAGE}; to refer to an alarm write ` +
        "ALARM(cpu_high))",
    ],
  ])("%j", (...row) => check(row));
});

// The column in the message is that of the ( left open, for a group and for a function call alike.
describe("parentheses that are never closed", () => {
  it.each<Row>([
    ["(ALARM(x)", "unbalanced-parenthesis", 1, "the ( at column 1 is never closed (hint: add the missing ))"],
    // The outer ( at column 13 is the one left open; the column of the message is the error's own.
    [
      "ALARM(y) OR (ALARM(x) AND (TRUE)",
      "unbalanced-parenthesis",
      13,
      "the ( at column 13 is never closed (hint: add the missing ))",
    ],
    ["ALARM(x", "expected-closing-parenthesis", 8, "the ALARM( at column 6 is never closed (hint: add the missing ))"],
    [
      "TRUE AND OK(x ",
      "expected-closing-parenthesis",
      15,
      "the OK( at column 12 is never closed (hint: add the missing ))",
    ],
  ])("%j", (...row) => check(row));
});

describe("ALARM, OK and INSUFFICIENT_DATA take one alarm name or ARN in parentheses", () => {
  it.each<Row>([
    ["ALARM x", "expected-opening-parenthesis", 7, 'ALARM must be followed by ( (hint: write ALARM("alarm-name"))'],
    ["ok", "expected-opening-parenthesis", 3, 'OK must be followed by ( (hint: write OK("alarm-name"))'],
    [
      "insufficient_data[x]",
      "expected-opening-parenthesis",
      18,
      'INSUFFICIENT_DATA must be followed by ( (hint: write INSUFFICIENT_DATA("alarm-name"))',
    ],
    ["ALARM(", "expected-closing-parenthesis", 7, "the rule ends inside ALARM("],
    ["OK(  ", "expected-closing-parenthesis", 6, "the rule ends inside OK("],
    ["ALARM()", "empty-reference", 7, 'an alarm name or ARN is missing in ALARM( (hint: write ALARM("alarm-name"))'],
    ["OK( ,)", "empty-reference", 5, 'an alarm name or ARN is missing in OK( (hint: write ALARM("alarm-name"))'],
    ['ALARM("")', "empty-reference", 7, 'the alarm name "" in ALARM( is empty'],
    [
      'ALARM("x)',
      "unterminated-string",
      7,
      'the double-quoted alarm name that starts here is never closed (hint: add the closing ")',
    ],
    // A backslash keeps the next character, a quote included, inside the name.
    [
      'ALARM("x\\")',
      "unterminated-string",
      7,
      'the double-quoted alarm name that starts here is never closed (hint: add the closing ")',
    ],
    [
      "ALARM((x))",
      "invalid-reference-character",
      7,
      "an alarm name written without quotes cannot contain ( (hint: put the name in double quotes)",
    ],
    [
      "ALARM(a(b))",
      "invalid-reference-character",
      8,
      "an alarm name written without quotes cannot contain ( (hint: put the name in double quotes)",
    ],
    [
      "ALARM(a, b)",
      "expected-closing-parenthesis",
      8,
      'expected ) after the alarm name but found "," (hint: ALARM takes one alarm; join several with AND or OR, or ' +
        "use AT_LEAST)",
    ],
    ['ALARM("a" b)', "expected-closing-parenthesis", 11, 'expected ) after the alarm name but found "b"'],
    // An unquoted name ends at a blank (AWS: "Unsupported token 'Oldest' at char 67, must be: ')'",
    // https://github.com/aws/aws-cdk/issues/13953); the hint quotes the name up to the ), blanks trimmed.
    [
      "ALARM(Queue Oldest Age )",
      "expected-closing-parenthesis",
      13,
      'expected ) after the alarm name but found "Oldest" (hint: put an alarm name that contains spaces in double ' +
        'quotes: ALARM("Queue Oldest Age"))',
    ],
    [
      "ok(Queue Oldest Age",
      "expected-closing-parenthesis",
      10,
      'expected ) after the alarm name but found "Oldest" (hint: put an alarm name that contains spaces in double ' +
        'quotes: OK("Queue Oldest Age"))',
    ],
  ])("%j", (...row) => check(row));
});

describe("AT_LEAST(threshold, [NOT] state, (alarm, ...))", () => {
  it.each<Row>([
    [
      "AT_LEAST",
      "expected-opening-parenthesis",
      9,
      "AT_LEAST must be followed by ( (hint: write AT_LEAST(2, ALARM, (a, b, c)))",
    ],
    [
      "AT_LEAST(ALARM, (a))",
      "invalid-threshold",
      10,
      'AT_LEAST needs a threshold first, a whole number of alarms or a percentage, but found "ALARM" (hint: write ' +
        "AT_LEAST(2, ALARM, (...)) or AT_LEAST(50%, ALARM, (...)))",
    ],
    [
      "AT_LEAST( ",
      "invalid-threshold",
      11,
      "AT_LEAST needs a threshold first, a whole number of alarms or a percentage, but found the end of the rule " +
        "(hint: write AT_LEAST(2, ALARM, (...)) or AT_LEAST(50%, ALARM, (...)))",
    ],
    // A threshold is digits only: not a word that starts or ends with them.
    [
      "AT_LEAST(1a, ALARM, (a))",
      "invalid-threshold",
      10,
      'AT_LEAST needs a threshold first, a whole number of alarms or a percentage, but found "1a" (hint: write ' +
        "AT_LEAST(2, ALARM, (...)) or AT_LEAST(50%, ALARM, (...)))",
    ],
    [
      "AT_LEAST(a1, ALARM, (a))",
      "invalid-threshold",
      10,
      'AT_LEAST needs a threshold first, a whole number of alarms or a percentage, but found "a1" (hint: write ' +
        "AT_LEAST(2, ALARM, (...)) or AT_LEAST(50%, ALARM, (...)))",
    ],
    // CDK: "percentage must be between 1 and 100", "count must be between 1 and alarm length".
    ["AT_LEAST(0%, ALARM, (a))", "threshold-out-of-range", 10, "the percentage 0% is outside 1% to 100%"],
    ["AT_LEAST(101%, ALARM, (a))", "threshold-out-of-range", 10, "the percentage 101% is outside 1% to 100%"],
    ["AT_LEAST(0, ALARM, (a))", "threshold-out-of-range", 10, "the AT_LEAST count must be at least 1"],
    ["AT_LEAST(1.5, ALARM, (a))", "expected-comma", 11, 'expected , after the AT_LEAST threshold but found "."'],
    ["AT_LEAST(1 ALARM, (a))", "expected-comma", 12, 'expected , after the AT_LEAST threshold but found "ALARM"'],
    [
      "AT_LEAST(1, ALARMS, (a))",
      "expected-state",
      13,
      'expected ALARM, OK or INSUFFICIENT_DATA (optionally after NOT) but found "ALARMS" (hint: write ' +
        "AT_LEAST(2, ALARM, (alarm1, alarm2, alarm3)))",
    ],
    [
      "AT_LEAST(1, NOT  BAD, (a))",
      "expected-state",
      18,
      'expected ALARM, OK or INSUFFICIENT_DATA (optionally after NOT) but found "BAD" (hint: write ' +
        "AT_LEAST(2, ALARM, (alarm1, alarm2, alarm3)))",
    ],
    [
      "AT_LEAST(1, NOT, (a))",
      "expected-state",
      16,
      'expected ALARM, OK or INSUFFICIENT_DATA (optionally after NOT) but found "," (hint: write ' +
        "AT_LEAST(2, ALARM, (alarm1, alarm2, alarm3)))",
    ],
    ["AT_LEAST(1, ALARM (a))", "expected-comma", 19, 'expected , after the AT_LEAST state but found "("'],
    [
      "AT_LEAST(1, ALARM, a)",
      "expected-opening-parenthesis",
      20,
      'expected ( to open the list of alarms but found "a" (hint: write the alarms in parentheses: (alarm1, alarm2))',
    ],
    // The empty list is pointed at by its (.
    ["AT_LEAST(1, ALARM, ( ))", "empty-alarm-list", 20, "the list of alarms is empty"],
    [
      "AT_LEAST(1, ALARM, (a b))",
      "expected-comma",
      23,
      'expected , or ) after the alarm name but found "b" (hint: put an alarm name that contains spaces in double ' +
        "quotes)",
    ],
    ['AT_LEAST(1, ALARM, ("a" b))', "expected-comma", 25, 'expected , or ) after the alarm name but found "b"'],
    [
      "AT_LEAST(1, ALARM, (a",
      "expected-comma",
      22,
      "expected , or ) after the alarm name but found the end of the rule",
    ],
    ["AT_LEAST(1, ALARM, (a, ", "expected-closing-parenthesis", 24, "the rule ends inside the list"],
    [
      "AT_LEAST(1, ALARM, (a,))",
      "empty-reference",
      23,
      'an alarm name or ARN is missing in the list (hint: write ALARM("alarm-name"))',
    ],
    ['AT_LEAST(1, ALARM, (a, ""))', "empty-reference", 24, 'the alarm name "" in the list is empty'],
    [
      "AT_LEAST(1, ALARM, ((a)))",
      "invalid-reference-character",
      21,
      "an alarm name written without quotes cannot contain ( (hint: put the name in double quotes)",
    ],
    [
      "AT_LEAST(1, ALARM, (a)",
      "expected-closing-parenthesis",
      23,
      "expected ) to close the AT_LEAST( at column 9 but found the end of the rule",
    ],
    [
      "TRUE OR AT_LEAST(1, ALARM, (a) x",
      "expected-closing-parenthesis",
      32,
      'expected ) to close the AT_LEAST( at column 17 but found "x"',
    ],
  ])("%j", (...row) => check(row));

  it.each([
    ["AT_LEAST(1%, ALARM, (a))", { kind: "percentage", value: 1 }],
    ["AT_LEAST(100%, ALARM, (a))", { kind: "percentage", value: 100 }],
    ["AT_LEAST(1, ALARM, (a))", { kind: "count", value: 1 }],
    ["AT_LEAST(12, ALARM, (a))", { kind: "count", value: 12 }],
  ])("accepts the threshold of %j", (text, threshold) => {
    const result = parseAlarmRule(text);
    expect(result.ok && result.rule.kind === "atLeast" ? result.rule.threshold : result).toEqual(threshold);
  });
});

describe("limits (API: at most 10240 characters, 100 child alarms, 500 elements)", () => {
  it("counts characters, not UTF-16 code units, and points at the first one past the limit", () => {
    // "😀" is one character and two UTF-16 code units: 10240 characters fit, the 10241st is at offset 10241.
    const rule = (characters: number) => `ALARM("😀")${" ".repeat(characters - 10)}`;
    expect(parseAlarmRule(rule(10240)).ok).toBe(true);
    expect(rejection(rule(10241))).toEqual({
      code: "too-long",
      column: 10242,
      offset: 10241,
      message: "Invalid alarm rule at column 10242: the rule is 10241 characters long; AWS accepts at most 10240",
    });
  });

  it("names the 101st child alarm", () => {
    const rule = Array.from({ length: 101 }, (_, i) => `ALARM(a${i})`).join(" OR ");
    // 100 times "ALARM(aN) OR ": 10 of 13 characters and 90 of 14 = 1390, then "ALARM(".
    expect(rejection(rule)).toEqual({
      code: "too-many-alarms",
      column: 1397,
      offset: 1396,
      message:
        "Invalid alarm rule at column 1397: this is child alarm number 101; AWS allows at most 100 in one rule " +
        "(hint: split the rule into nested composite alarms)",
    });
  });

  it("counts TRUE and FALSE as elements", () => {
    const constants = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? "FALSE" : "TRUE")).join(" OR ");
    expect(parseAlarmRule(constants(500)).ok).toBe(true);
    // 250 times "TRUE OR " and 250 times "FALSE OR ": 2000 + 2250, then the 501st, TRUE.
    expect(rejection(constants(501))).toEqual({
      code: "too-many-elements",
      column: 4251,
      offset: 4250,
      message:
        "Invalid alarm rule at column 4251: this is element number 501; AWS allows at most 500 (hint: elements are " +
        "child alarms, TRUE, FALSE and pairs of parentheses; split the rule into nested composite alarms)",
    });
  });

  it("counts a pair of parentheses as one element, at its (", () => {
    const trues = (n: number) => "TRUE OR ".repeat(n);
    // 498 TRUEs, the pair, the TRUE inside: 500.
    expect(parseAlarmRule(`${trues(498)}(TRUE)`).ok).toBe(true);
    // 499 TRUEs and the pair make 500; the TRUE inside, at offset 8 * 499 + 1 = 3993, is the 501st.
    expect(rejection(`${trues(499)}(TRUE)`).column).toBe(3994);
    // 500 TRUEs: the ( at offset 8 * 500 = 4000 is the 501st.
    const result = rejection(`${trues(500)}(TRUE)`);
    expect([result.code, result.column]).toEqual(["too-many-elements", 4001]);
  });

  it("does not count the parentheses of a function call", () => {
    const calls = Array.from({ length: 100 }, (_, i) => `ALARM(a${i})`).join(" OR ");
    const atLeast = `AT_LEAST(1, ALARM, (${Array.from({ length: 100 }, (_, i) => `a${i}`).join(", ")}))`;
    // 100 + 100 references and 300 TRUEs: 500 elements.
    expect(parseAlarmRule(`${calls} OR ${atLeast} OR ${"TRUE OR ".repeat(299)}TRUE`).ok).toBe(true);
    expect(rejection(`${calls} OR ${atLeast} OR ${"TRUE OR ".repeat(300)}TRUE`).code).toBe("too-many-elements");
  });
});

describe("a value that is not a string", () => {
  it("is reported as an internal error, never thrown", () => {
    const hostile = {
      toString(): string {
        throw new Error("no text");
      },
    };
    expect(rejection(hostile as unknown as string)).toEqual({
      code: "internal-error",
      column: 1,
      offset: 0,
      message: "Invalid alarm rule at column 1: the parser failed unexpectedly (no text)",
    });
  });

  it("reports what was thrown when it is not an Error", () => {
    const hostile = {
      toString(): string {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: not an Error
        throw "odd";
      },
    };
    expect(rejection(hostile as unknown as string).message).toBe(
      "Invalid alarm rule at column 1: the parser failed unexpectedly (odd)",
    );
  });
});
