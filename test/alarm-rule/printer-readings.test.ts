/**
 * The canonical text of a rule (upper-case keywords, one space around AND and OR, parentheses wherever a reader
 * would otherwise need a precedence AWS does not document, names quoted when they were or must be), and the trees an
 * ambiguous rule could mean, each printed that way.
 *
 * The language: PutCompositeAlarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 * (names "can be surrounded with double-quotes"; no precedence of AND, OR and NOT is given, every example either
 * uses one operator or parenthesises). AT_LEAST as AWS's CDK writes it,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AtLeastOptions.html.
 */
import { collectReferences, distinctReadings, printAlarmRule, printReference } from "../../lib/alarm-rule";
import { parseRule } from "../helpers/alarm-rule";

const parse = parseRule;

describe("printAlarmRule", () => {
  it.each([
    ["true or FALSE", "TRUE OR FALSE"],
    ["insufficient_data( x )", "INSUFFICIENT_DATA(x)"],
    ["alarm( a ) and not ( ok(b) or true )", "ALARM(a) AND NOT (OK(b) OR TRUE)"],
    ["NOT NOT ALARM(a)", "NOT NOT ALARM(a)"],
    // A NOT that is not the last operand is parenthesised: `NOT a AND b` has two readings.
    ["(NOT ALARM(a)) AND ALARM(b)", "(NOT ALARM(a)) AND ALARM(b)"],
    ["ALARM(a) AND (NOT ALARM(b))", "ALARM(a) AND NOT ALARM(b)"],
    ["(ALARM(a) OR ALARM(b)) AND ALARM(c)", "(ALARM(a) OR ALARM(b)) AND ALARM(c)"],
    ["ALARM(a) OR (ALARM(b) AND ALARM(c))", "ALARM(a) OR (ALARM(b) AND ALARM(c))"],
    // A run kept as written: its NOTs, its operators, and its parenthesised operands still in parentheses.
    ["not  NOT ALARM(a) and ALARM(b)", "NOT NOT ALARM(a) AND ALARM(b)"],
    ["ALARM(a) OR (ALARM(b) OR ALARM(c)) AND ALARM(d)", "ALARM(a) OR (ALARM(b) OR ALARM(c)) AND ALARM(d)"],
    ["ALARM(a) AND (NOT ALARM(b)) OR ALARM(c)", "ALARM(a) AND (NOT ALARM(b)) OR ALARM(c)"],
    ["ALARM(a) AND ALARM(b) OR (NOT ALARM(c))", "ALARM(a) AND ALARM(b) OR (NOT ALARM(c))"],
    ['NOT at_least(50%, not ok, (a, "b c", "d"))', 'NOT AT_LEAST(50%, NOT OK, (a, "b c", "d"))'],
    ["AT_LEAST(2,ALARM,(a,b))", "AT_LEAST(2, ALARM, (a, b))"],
  ])("%j prints as %j", (text, printed) => {
    expect(printAlarmRule(parse(text))).toBe(printed);
  });
});

describe("printReference", () => {
  const span = { start: 0, end: 0 };
  it.each([
    ["a", false, "a"],
    [
      "arn:aws:cloudwatch:us-east-1:123456789012:alarm:a/b-c",
      false,
      "arn:aws:cloudwatch:us-east-1:123456789012:alarm:a/b-c",
    ],
    ["a", true, '"a"'],
    // What would not read back as the same bare name: nothing, a blank, or one of ( ) " ,.
    ["", false, '""'],
    ["a b", false, '"a b"'],
    ["a\tb", false, '"a\tb"'],
    ["a\nb", false, '"a\nb"'],
    ["a\rb", false, '"a\rb"'],
    ["a(b", false, '"a(b"'],
    ["a)b", false, '"a)b"'],
    ["a,b", false, '"a,b"'],
    ['a"b', false, '"a"b"'],
  ])("%j (quoted: %s) prints as %j", (text, quoted, printed) => {
    expect(printReference({ text, quoted, span })).toBe(printed);
  });
});

describe("distinctReadings", () => {
  const readings = (text: string) =>
    distinctReadings(parse(text)).map(({ reading, tree }) => [reading.label, printAlarmRule(tree)]);
  const TIGHT = "NOT applying to the next operand only";
  const WIDE = "NOT applying to everything after it";

  it("gives one reading to a rule without a run that depends on precedence", () => {
    expect(readings("(NOT ALARM(d)) OR (ALARM(a) AND NOT ALARM(b))")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "(NOT ALARM(d)) OR (ALARM(a) AND NOT ALARM(b))"],
    ]);
  });

  it("reads AND and OR three ways", () => {
    expect(readings("ALARM(a) AND ALARM(b) OR ALARM(c) AND ALARM(d)")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "(ALARM(a) AND ALARM(b)) OR (ALARM(c) AND ALARM(d))"],
      [`OR binding tighter than AND, ${TIGHT}`, "ALARM(a) AND (ALARM(b) OR ALARM(c)) AND ALARM(d)"],
      [`AND and OR applied left to right, ${TIGHT}`, "((ALARM(a) AND ALARM(b)) OR ALARM(c)) AND ALARM(d)"],
    ]);
  });

  it("reads a first NOT as reaching one operand or all the rest", () => {
    expect(readings("NOT ALARM(a) AND ALARM(b) OR ALARM(c)")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "((NOT ALARM(a)) AND ALARM(b)) OR ALARM(c)"],
      [`AND binding tighter than OR, ${WIDE}`, "NOT ((ALARM(a) AND ALARM(b)) OR ALARM(c))"],
      [`OR binding tighter than AND, ${TIGHT}`, "(NOT ALARM(a)) AND (ALARM(b) OR ALARM(c))"],
      [`OR binding tighter than AND, ${WIDE}`, "NOT (ALARM(a) AND (ALARM(b) OR ALARM(c)))"],
    ]);
  });

  it("reads a NOT in the middle as reaching to the end of the run", () => {
    expect(readings("ALARM(a) OR NOT ALARM(b) AND ALARM(c)")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "ALARM(a) OR ((NOT ALARM(b)) AND ALARM(c))"],
      [`AND binding tighter than OR, ${WIDE}`, "ALARM(a) OR NOT (ALARM(b) AND ALARM(c))"],
      [`OR binding tighter than AND, ${TIGHT}`, "(ALARM(a) OR NOT ALARM(b)) AND ALARM(c)"],
    ]);
  });

  it("keeps every NOT of an operand, and reads each NOT of a run in turn", () => {
    expect(readings("NOT NOT ALARM(a) AND ALARM(b)")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "(NOT NOT ALARM(a)) AND ALARM(b)"],
      [`AND binding tighter than OR, ${WIDE}`, "NOT NOT (ALARM(a) AND ALARM(b))"],
    ]);
    expect(readings("NOT ALARM(a) AND NOT ALARM(b) OR ALARM(c)").slice(1, 2)).toEqual([
      [`AND binding tighter than OR, ${WIDE}`, "NOT (ALARM(a) AND NOT (ALARM(b) OR ALARM(c)))"],
    ]);
  });

  it("reads runs inside NOT and inside AND, joining AND into AND", () => {
    expect(readings("NOT (ALARM(a) OR ALARM(b) AND ALARM(c))")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "NOT (ALARM(a) OR (ALARM(b) AND ALARM(c)))"],
      [`OR binding tighter than AND, ${TIGHT}`, "NOT ((ALARM(a) OR ALARM(b)) AND ALARM(c))"],
    ]);
    expect(readings("ALARM(d) AND (ALARM(a) OR ALARM(b) AND ALARM(c))")).toEqual([
      [`AND binding tighter than OR, ${TIGHT}`, "ALARM(d) AND (ALARM(a) OR (ALARM(b) AND ALARM(c)))"],
      [`OR binding tighter than AND, ${TIGHT}`, "ALARM(d) AND (ALARM(a) OR ALARM(b)) AND ALARM(c)"],
    ]);
  });
});

describe("compound operands keep their parentheses", () => {
  it.each([
    // A run inside NOT or AND keeps its parentheses: without them NOT would reach its first operand only.
    ["NOT (ALARM(a) OR ALARM(b) AND ALARM(c))", "NOT (ALARM(a) OR ALARM(b) AND ALARM(c))"],
    ["ALARM(d) AND (ALARM(a) OR ALARM(b) AND ALARM(c))", "ALARM(d) AND (ALARM(a) OR ALARM(b) AND ALARM(c))"],
  ])("%j prints as %j", (text, printed) => {
    expect(printAlarmRule(parse(text))).toBe(printed);
  });
});

describe("collectReferences", () => {
  it("lists every reference in the order written, and nothing else", () => {
    const references = collectReferences(parse('TRUE AND (ALARM(a) OR NOT OK("b")) AND AT_LEAST(1, ALARM, (c, a))'));
    expect(references.map((reference) => reference.text)).toEqual(["a", "b", "c", "a"]);
  });
});
