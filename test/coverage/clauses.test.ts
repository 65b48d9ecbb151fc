/**
 * The clauses a `misses` reason blames: each shown as written (on one line, shortened when long, its parentheses
 * balanced), each reading the fields its selector names. Expected values follow from the CloudTrail record
 * contents (AWS CloudTrail user guide, "CloudTrail record contents for management, data, and network activity
 * events": every record has `eventName` and `eventSource`, a failed call has `errorCode`), the CloudTrail API
 * reference (`CreateTrail` takes a `TagsList`, `UpdateTrail` does not) and the filter pattern syntax (CloudWatch Logs
 * user guide, "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live Tail":
 * a JSON selector starts with `$.`, strings may be double-quoted, `\"` is a quote inside a quoted string).
 */
import { clauseText } from "../../lib/coverage/clauses";
import { parseFilterPattern } from "../../lib/filter-pattern";
import type { Span } from "../../lib/filter-pattern/ast";
import { FIVE, FIVE_NAMES_PARENTHESISED as CANONICAL_OR, reasonOf } from "../helpers/coverage-verdicts";


/** The span of the pattern's single JSON condition. */
function conditionSpan(pattern: string): Span {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok || parsed.pattern.kind !== "json" || parsed.pattern.expression.kind !== "condition") {
    throw new Error(`expected one JSON condition: ${pattern}`);
  }
  return parsed.pattern.expression.span;
}

describe("a blamed clause is shown as written", () => {
  test("on one line: line breaks, tabs and runs of spaces become one space", () => {
    const pattern = `{ (${CANONICAL_OR}) &&\n\t$.errorCode    NOT  EXISTS }`;
    expect(reasonOf(pattern)).toBe(`misses ${FIVE} calls that fail, because of \`$.errorCode NOT EXISTS\``);
  });

  // The clause below is 90 characters, the longest shown whole; one more character and it is cut to 89 and "…".
  // The callers in parentheses are the family's callers the clause rejects, in the family's order (root user, IAM
  // user, assumed role, AWS service, ...): the root user and roles are let through, and no record is a SAMLUser.
  const threeTypes = (last: string) =>
    `$.userIdentity.type = Root || $.userIdentity.type = Role || $.userIdentity.type = ${last}`;

  test("a clause of 90 characters is shown whole", () => {
    expect(threeTypes("SAMLUser")).toHaveLength(90);
    expect(reasonOf(`{ (${CANONICAL_OR}) && (${threeTypes("SAMLUser")}) }`)).toBe(
      `misses ${FIVE} calls whose userIdentity.type is none of "Root", "Role", "SAMLUser" (calls by IAM users, assumed ` +
        `roles, AWS services, ...), because of \`${threeTypes("SAMLUser")}\``,
    );
  });

  test("a clause of 91 characters is cut to its first 89 and an ellipsis", () => {
    expect(threeTypes("Directory")).toHaveLength(91);
    expect(reasonOf(`{ (${CANONICAL_OR}) && (${threeTypes("Directory")}) }`)).toBe(
      `misses ${FIVE} calls whose userIdentity.type is none of "Root", "Role", "Directory" (calls by IAM users, assumed ` +
        "roles, AWS services, ...), because of `$.userIdentity.type = Root || $.userIdentity.type = Role || " +
        "$.userIdentity.type = Directo…`",
    );
  });

  test("an || of parenthesised conditions keeps its outer parentheses, quoted values and all", () => {
    // The CDK's quoted spelling: the clause runs from inside the first parenthesis to inside the last.
    const or = '($.userIdentity.type = "IAMUser") || ($.userIdentity.type = "Root")';
    expect(reasonOf(`{ (${CANONICAL_OR}) && (${or}) }`)).toBe(
      `misses ${FIVE} calls whose userIdentity.type is neither "IAMUser" nor "Root" (calls by assumed roles, AWS ` +
        `services, roles (userIdentity type Role), ...), because of \`${or}\``,
    );
  });

  test("an || of three parenthesised conditions: the middle pair is already matched, only the outer two are closed", () => {
    // The clause runs from inside the first parenthesis to inside the last: `…-1) || ($.awsRegion = me-south-1) || (…`.
    // The family's records are in us-east-1, eu-west-1, ap-southeast-2, us-gov-west-1 and cn-north-1, none of these
    // three regions: no operand holds, so the whole || is blamed for every call.
    const or = "($.awsRegion = sa-east-1) || ($.awsRegion = me-south-1) || ($.awsRegion = af-south-1)";
    expect(reasonOf(`{ (${CANONICAL_OR}) && (${or}) }`)).toBe(`misses all ${FIVE} calls, because of \`${or}\``);
  });

  test("a parenthesis inside a quoted value is text, not grouping", () => {
    const pattern = '{ $.userAgent = "Mozilla/5.0 (X11" }';
    expect(clauseText(pattern, conditionSpan(pattern))).toBe('$.userAgent = "Mozilla/5.0 (X11"');
  });

  test('an escaped quote \\" does not end the quoted value', () => {
    const pattern = '{ $.requestParameters.name = "a \\" (b" }';
    expect(clauseText(pattern, conditionSpan(pattern))).toBe('$.requestParameters.name = "a \\" (b"');
  });
});

describe("each clause reads the fields its selector names", () => {
  test("two selectors whose keys run together ($.error.Code, $.errorCode) are two fields", () => {
    // No CloudTrail record has an `error` object, so `$.error.Code NOT EXISTS` holds for every call; the failed
    // calls are missed for `$.errorCode NOT EXISTS` alone.
    expect(reasonOf(`{ (${CANONICAL_OR}) && $.error.Code NOT EXISTS && $.errorCode NOT EXISTS }`)).toBe(
      `misses ${FIVE} calls that fail, because of \`$.errorCode NOT EXISTS\``,
    );
  });

  test("a selector with an array index reads the array: only CreateTrail calls with tags are missed", () => {
    // CreateTrail takes a TagsList; the other four calls have none, so the clause holds for them.
    expect(reasonOf(`{ (${CANONICAL_OR}) && $.requestParameters.tagsList[0].key NOT EXISTS }`)).toBe(
      "misses CreateTrail calls that have requestParameters.tagsList[0].key, because of " +
        "`$.requestParameters.tagsList[0].key NOT EXISTS`",
    );
  });
});

describe("only the top-level eventName names the event", () => {
  test.each([
    // Another top-level field: the calls are missed because of it, not for want of an eventName clause.
    ["another field", "{ $.eventSource = iam.amazonaws.com }", "`$.eventSource = iam.amazonaws.com`"],
    // A field under eventName (which is a string, so it has none) is not the event name either.
    ["a field below eventName", "{ $.eventName.name = StopLogging }", "`$.eventName.name = StopLogging`"],
  ])("%s is blamed as a clause", (_name, pattern, clause) => {
    expect(reasonOf(pattern)).toBe(`misses all ${FIVE} calls, because of ${clause}`);
  });

  test("an eventName clause that compares with no value: no clause matches their eventName", () => {
    // Every record has an eventName, so `NOT EXISTS` holds for none; there is no name to point to as the nearest.
    expect(reasonOf("{ $.eventName NOT EXISTS }")).toBe(`misses all ${FIVE} calls: no clause matches their eventName`);
  });
});
