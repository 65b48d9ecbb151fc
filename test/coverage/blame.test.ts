/**
 * What a miss is put down to (lib/coverage/blame.ts), as the reason line says it: the clauses a missed call fails, or
 * "no clause matches" its eventName with a hint at the nearest spelling.
 *
 * Expected values are checked by hand against:
 * - CloudWatch Logs, "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live
 *   Tail" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html): terms and values
 *   are case-sensitive; `?a ?b` matches either term; `-a` excludes events holding it; JSON selectors `$.x`, `=`,
 *   `!=`, `IS NULL`, `NOT EXISTS`, `&&`, `||`; regular expressions are written between percent signs, unquoted.
 * - CloudTrail user guide, "CloudTrail record contents" and "userIdentity element": eventName, eventSource, awsRegion,
 *   errorCode (present only on calls that fail), userIdentity.type (Root, IAMUser, AssumedRole, SAMLUser,
 *   WebIdentityUser, ...).
 * - The controls' target sets: CIS 4.5 (CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging on
 *   cloudtrail.amazonaws.com), CIS 4.3 (any record of the root user; here its ConsoleLogin, iam, s3 ListBuckets and
 *   ec2 DescribeInstances calls), CIS 4.1 (calls failing with AccessDenied, AccessDeniedException or
 *   UnauthorizedOperation).
 */
import { withinEditDistance } from "../../lib/coverage/blame";
import { rootAccountUsage } from "../../lib/controls/root-account-usage";
import { unauthorizedApiCalls } from "../../lib/controls/unauthorized-api-calls";
import { FIVE, reasonOf } from "../helpers/coverage-verdicts";

const FOUR_NAMES = "$.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = StartLogging";
const FIVE_NAMES = `${FOUR_NAMES} || $.eventName = StopLogging`;

describe("a call no eventName clause names is missed because no clause matches it", () => {
  test("a spelling slip beside a narrowing clause: the slip is the reason, and its hint is kept", () => {
    // StopLogging fails `$.eventName = StopLoging` whatever its region; the region clause only adds to the other four.
    expect(reasonOf(`{ (${FOUR_NAMES} || $.eventName = StopLoging) && $.awsRegion = us-east-1 }`)).toBe(
      "misses CreateTrail, UpdateTrail, DeleteTrail and StartLogging calls outside us-east-1, because of `$.awsRegion = us-east-1`; " +
        "misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `$.eventName = StopLoging`)",
    );
  });

  test("the calls of other names are not put down to a region clause they also fail", () => {
    expect(reasonOf("{ $.eventName = CreateTrail && $.awsRegion = us-east-1 }")).toBe(
      "misses CreateTrail calls outside us-east-1, because of `$.awsRegion = us-east-1`; " +
        "misses all UpdateTrail, DeleteTrail, StartLogging and StopLogging calls: no clause matches their eventName",
    );
  });

  test("an eventSource clause that holds for the call does not make it named", () => {
    expect(reasonOf(`{ $.eventSource = cloudtrail.amazonaws.com && (${FOUR_NAMES}) }`)).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging",
    );
  });

  test("an || that also lets the root user through is blamed, not the name: the root user's StopLogging counts", () => {
    // The clause is cut at 90 characters (89 and an ellipsis).
    expect(reasonOf(`{ ${FOUR_NAMES} || $.userIdentity.type = Root }`)).toBe(
      "misses StopLogging calls by any caller other than the root user (IAM users, assumed roles, AWS services, ...), " +
        "because of `$.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.…`",
    );
  });
});

describe("the hint at the nearest eventName spelling", () => {
  test("two missed calls keep their own hints: another case for one, a typo for the other", () => {
    const pattern =
      "{ $.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = startlogging || $.eventName = StopLoging }";
    expect(reasonOf(pattern)).toBe(
      "misses all StartLogging calls: no clause matches eventName StartLogging (`$.eventName = startlogging` differs only in case; values compare case-sensitively); " +
        "misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `$.eventName = StopLoging`)",
    );
  });

  test("two letters off is still near: StopLogin", () => {
    expect(reasonOf(`{ ${FOUR_NAMES} || $.eventName = StopLogin }`)).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `$.eventName = StopLogin`)",
    );
  });

  test("a clause that excludes the call by its exact name is the nearest, not another case", () => {
    expect(reasonOf("{ $.eventName != StopLogging && $.eventSource = cloudtrail.amazonaws.com }")).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `$.eventName != StopLogging`)",
    );
  });

  test("an eventName test with no string (IS NULL) offers no spelling", () => {
    expect(reasonOf(`{ $.eventName IS NULL || ${FOUR_NAMES} }`)).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging",
    );
  });

  test.each(['"%%"', '"%Trail"', '"Trail%"'])(
    "%s is no quoted regex (a regex needs a percent sign at each end and something between)",
    (value) => {
      expect(reasonOf(`{ $.eventName = ${value} }`)).toBe(
        `misses all ${FIVE} calls: no clause matches their eventName`,
      );
    },
  );
});

describe("a miss of an || blames the alternative that came closest", () => {
  test("StopLogging by SAML users, or by web-identity users from one address: one clause short beats two", () => {
    // The five calls' records hold neither caller type nor that address (a documentation address, RFC 5737).
    const pattern =
      "{ ($.eventName = StopLogging && $.userIdentity.type = SAMLUser) || " +
      "($.eventName = StopLogging && $.userIdentity.type = WebIdentityUser && $.sourceIPAddress = 203.0.113.7) || " +
      "($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }";
    expect(reasonOf(pattern)).toBe("misses all StopLogging calls, because of `$.userIdentity.type = SAMLUser`");
  });

  test("a root pattern that lists calls by name blames those names for the services it leaves out", () => {
    const pattern =
      "{ ($.userIdentity.type = Root && $.eventName = ConsoleLogin) || ($.userIdentity.type = Root && $.eventName = ListBuckets) }";
    expect(reasonOf(pattern, rootAccountUsage)).toBe(
      "misses all root calls to iam.amazonaws.com and ec2.amazonaws.com, because of `$.eventName = ConsoleLogin` and `$.eventName = ListBuckets`",
    );
  });

  test("records of one call missed for different clauses name every clause", () => {
    // Successful calls have no errorCode (`= *` fails), failed ones have one (`NOT EXISTS` fails).
    expect(reasonOf(`{ (${FIVE_NAMES}) && $.errorCode NOT EXISTS && $.errorCode = * }`)).toBe(
      `misses all ${FIVE} calls, because of \`$.errorCode = *\` and \`$.errorCode NOT EXISTS\``,
    );
  });
});

describe("term patterns", () => {
  test("optional terms that leave out a call: no clause matches it", () => {
    expect(reasonOf("?CreateTrail ?UpdateTrail ?DeleteTrail ?StartLogging")).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging",
    );
  });

  test("a term in another case: terms are case-sensitive", () => {
    expect(reasonOf("?CreateTrail ?UpdateTrail ?DeleteTrail ?StartLogging ?stoplogging")).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging (`?stoplogging` differs only in case; terms are case-sensitive)",
    );
  });

  test.each(["StopLoging", "StopLogin"])("a term one or two letters off is the nearest: %s", (typo) => {
    expect(reasonOf(`?CreateTrail ?UpdateTrail ?DeleteTrail ?StartLogging ?${typo}`)).toBe(
      `misses all StopLogging calls: no clause matches eventName StopLogging (nearest: \`?${typo}\`)`,
    );
  });

  test("beside a required term an optional one widens nothing, and its exact name is no hint", () => {
    expect(reasonOf('"StopLogging" ?CreateTrail')).toBe(
      "misses all CreateTrail, UpdateTrail, DeleteTrail and StartLogging calls: no clause matches their eventName",
    );
  });

  test("an optional term beside required and excluded ones is not blamed", () => {
    expect(reasonOf('?CreateTrail "cloudtrail.amazonaws.com" -AccessDenied')).toBe(
      `misses ${FIVE} calls that fail with AccessDenied and calls that fail with AccessDeniedException, because of \`-AccessDenied\``,
    );
  });

  test("a pattern of one excluded term blames that term", () => {
    expect(reasonOf("-AccessDenied")).toBe(
      `misses ${FIVE} calls that fail with AccessDenied and calls that fail with AccessDeniedException, because of \`-AccessDenied\``,
    );
  });

  test("calls the required term does not name are not put down to an excluded term they also hold", () => {
    expect(reasonOf('"StopLogging" -AccessDenied')).toBe(
      "misses all CreateTrail, UpdateTrail, DeleteTrail and StartLogging calls: no clause matches their eventName; " +
        "misses StopLogging calls that fail with AccessDenied and calls that fail with AccessDeniedException, because of `-AccessDenied`",
    );
  });

  test("two excluded names: each call is missed for its own term", () => {
    expect(reasonOf('"cloudtrail.amazonaws.com" -CreateTrail -UpdateTrail')).toBe(
      "misses all CreateTrail calls, because of `-CreateTrail`; misses all UpdateTrail calls, because of `-UpdateTrail`",
    );
  });
});

describe("families not named by event, and whole patterns", () => {
  test("root activity: a term pattern that names one call is blamed for the services it leaves out", () => {
    expect(reasonOf("?ConsoleLogin", rootAccountUsage)).toBe(
      "misses all root calls to iam.amazonaws.com, s3.amazonaws.com and ec2.amazonaws.com, because of `?ConsoleLogin`",
    );
  });

  test("unauthorized calls: a term for one error code is blamed for the other codes", () => {
    expect(reasonOf("?UnauthorizedOperation", unauthorizedApiCalls)).toBe(
      "misses all calls failing with AccessDeniedException and AccessDenied, because of `?UnauthorizedOperation`",
    );
  });

  test("a regex no record holds misses every call, because of the regex", () => {
    expect(reasonOf("%NoSuchText%")).toBe(`misses all ${FIVE} calls, because of \`%NoSuchText%\``);
  });
});

describe("withinEditDistance: the Levenshtein distance (insertions, deletions, substitutions), bounded", () => {
  // Distances counted by hand: each case lists the edits.
  test.each([
    ["StopLogging", "StopLogging", 0, true],
    ["StopLoging", "StopLogging", 2, true], // insert g: 1
    ["StopLogin", "StopLogging", 2, true], // insert g, insert g: 2
    ["StopLog", "StopLogging", 2, false], // four insertions: lengths differ by 4
    ["xxopLogging", "StopLogging", 2, true], // S→x, t→x: 2 (the first rows are already at 2)
    ["xxxpLogging", "StopLogging", 2, false], // S→x, t→x, o→x: 3
    ["StopLoggingXY", "StopLogging", 2, true], // delete X, Y: 2
    ["CreateTrail", "DeleteTrail", 2, false], // C→D, r→e, e→l, a→e: 4
    ["CreateTrail", "DeleteTrail", 4, true],
    ["ab", "ba", 1, false], // no transpositions in Levenshtein: two substitutions
    ["", "ab", 2, true],
  ])("%s, %s within %d: %s", (a, b, limit, expected) => {
    expect(withinEditDistance(a, b, limit)).toBe(expected);
    expect(withinEditDistance(b, a, limit)).toBe(expected);
  });
});
