/**
 * Where each node of a parsed composite-alarm rule stands in the text: every node's span covers exactly the
 * characters it was read from (a group's node is its inner expression, its span including the parentheses; a quoted
 * reference includes its quotes), and runs whose meaning depends on an undocumented precedence keep their items,
 * NOTs and operators as written.
 *
 * Grammar: PutCompositeAlarm, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html;
 * AT_LEAST as AWS's CDK writes it, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.AtLeastOptions.html.
 */
import type { RuleExpression, Span } from "../../lib/alarm-rule";
import { parseRule } from "../helpers/alarm-rule";

const parse = parseRule;

/** Each node as `kind: text of its span`, depth first, with the references of functions. */
function outline(text: string): string[] {
  const cut = (span: Span) => text.slice(span.start, span.end);
  const out: string[] = [];
  const visit = (node: RuleExpression): void => {
    out.push(`${node.kind}: ${cut(node.span)}`);
    switch (node.kind) {
      case "state":
        out.push(`reference: ${cut(node.alarm.span)}`);
        return;
      case "atLeast":
        for (const alarm of node.alarms) out.push(`reference: ${cut(alarm.span)}`);
        return;
      case "not":
        visit(node.operand);
        return;
      case "and":
      case "or":
        node.operands.forEach(visit);
        return;
      case "sequence":
        for (const item of node.items) {
          for (const not of item.negations) out.push(`NOT: ${cut(not)}`);
          visit(item.operand);
        }
        return;
      default:
        return;
    }
  };
  visit(parse(text));
  return out;
}

describe("spans", () => {
  it("cover each function, its reference and the operators' operands", () => {
    const text = ' ALARM ( "x" ) AND (true OR AT_LEAST( 50% , NOT ok , ( a , "b c" ) ) ) AND NOT NOT OK(y) ';
    expect(outline(text)).toEqual([
      'and: ALARM ( "x" ) AND (true OR AT_LEAST( 50% , NOT ok , ( a , "b c" ) ) ) AND NOT NOT OK(y)',
      'state: ALARM ( "x" )',
      'reference: "x"',
      'or: (true OR AT_LEAST( 50% , NOT ok , ( a , "b c" ) ) )',
      "constant: true",
      'atLeast: AT_LEAST( 50% , NOT ok , ( a , "b c" ) )',
      "reference: a",
      'reference: "b c"',
      "not: NOT NOT OK(y)",
      "not: NOT OK(y)",
      "state: OK(y)",
      "reference: y",
    ]);
  });

  it("of a sequence run from its first NOT to its last operand", () => {
    const text = " NOT NOT ALARM(a) AND OK(b) OR FALSE ";
    expect(outline(text)).toEqual([
      "sequence: NOT NOT ALARM(a) AND OK(b) OR FALSE",
      "NOT: NOT",
      "NOT: NOT",
      "state: ALARM(a)",
      "reference: a",
      "state: OK(b)",
      "reference: b",
      "constant: FALSE",
    ]);
  });

  it("of a parenthesised operand include its parentheses, and so do the nodes built on it", () => {
    // The AND of a group and a negated group covers the whole rule: its first ( and its last ) included.
    expect(outline("(ALARM(a) OR ALARM(b)) AND NOT (OK(c))")).toEqual([
      "and: (ALARM(a) OR ALARM(b)) AND NOT (OK(c))",
      "or: (ALARM(a) OR ALARM(b))",
      "state: ALARM(a)",
      "reference: a",
      "state: ALARM(b)",
      "reference: b",
      "not: NOT (OK(c))",
      "state: (OK(c))",
      "reference: c",
    ]);
    // A group flattened into the AND around it (AND is associative) still counts its parentheses in that AND.
    expect(outline("(ALARM(a) AND ALARM(b)) AND ALARM(c)")[0]).toBe("and: (ALARM(a) AND ALARM(b)) AND ALARM(c)");
  });

  it("of a sequence without NOT start at its first operand", () => {
    expect(outline("TRUE OR INSUFFICIENT_DATA(c) AND NOT ALARM(d)")).toEqual([
      "sequence: TRUE OR INSUFFICIENT_DATA(c) AND NOT ALARM(d)",
      "constant: TRUE",
      "state: INSUFFICIENT_DATA(c)",
      "reference: c",
      "NOT: NOT",
      "state: ALARM(d)",
      "reference: d",
    ]);
  });

  it("of the NOTs of a sequence are those of the NOT keywords, in order", () => {
    const rule = parse("not  NOT ALARM(a) AND ALARM(b)");
    expect(rule.kind === "sequence" ? rule.items.map((item) => item.negations) : rule).toEqual([
      [
        { start: 0, end: 3 },
        { start: 5, end: 8 },
      ],
      [],
    ]);
  });
});

describe("runs of AND and OR", () => {
  it("of one operator, NOT only before the last operand, are one node", () => {
    expect(outline("ALARM(a) AND ALARM(b) AND NOT ALARM(c)")).toEqual([
      "and: ALARM(a) AND ALARM(b) AND NOT ALARM(c)",
      "state: ALARM(a)",
      "reference: a",
      "state: ALARM(b)",
      "reference: b",
      "not: NOT ALARM(c)",
      "state: ALARM(c)",
      "reference: c",
    ]);
  });

  it("that mix AND and OR keep their operators in order, whatever the case they are written in", () => {
    const rule = parse("TRUE and FALSE AND TRUE or FALSE");
    expect(rule.kind === "sequence" ? rule.operators : rule).toEqual(["AND", "AND", "OR"]);
  });

  it("with NOT before an inner operand are a sequence even with one operator", () => {
    const rule = parse("TRUE OR NOT FALSE OR TRUE");
    expect(rule.kind === "sequence" ? rule.operators : rule).toEqual(["OR", "OR"]);
  });
});
