/**
 * The clauses a reason quotes and the calls it says they miss (lib/coverage/culprits.ts, clauses.ts): each clause as
 * written, each with the calls it alone rejects.
 *
 * Expected values are checked by hand against:
 * - CloudWatch Logs, "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live
 *   Tail" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html): `-term` excludes
 *   events holding the term; `%regex%` matches events with a match anywhere in the message; JSON selectors with
 *   `.key` and `[index]` steps, `= *` (any value), `NOT EXISTS`; a selector names one field, so `$.userIdentitytype`
 *   is a field of its own, not `userIdentity.type`.
 * - CloudTrail user guide, "CloudTrail record contents" and "userIdentity element": errorCode, userIdentity.type
 *   (Root, IAMUser, AssumedRole, AWSService, ...), userAgent; CreateTrail's request parameters
 *   (AWS CloudTrail API reference, CreateTrail: TagsList, optional).
 */
import { FIVE, FIVE_NAMES_PARENTHESISED as FIVE_NAMES, missesOf as misses } from "../helpers/coverage-verdicts";


describe("each term of a term pattern accounts for its own calls", () => {
  test("two excluded terms: the failing calls for one, the root user's for the other", () => {
    expect(misses('"cloudtrail.amazonaws.com" -AccessDenied -Root').reason).toBe(
      `misses ${FIVE} calls that fail with AccessDenied and calls that fail with AccessDeniedException, because of \`-AccessDenied\`, ` +
        "and calls by the root user, because of `-Root`",
    );
  });
});

describe("a standalone regex: the calls with no match, named by the field the matched calls hold it in", () => {
  test("%IAMUser%: every caller but IAM users (and the federated users whose session issuer is one)", () => {
    // userIdentity.type is IAMUser for IAM users; other callers' records hold no "IAMUser", except a federated
    // user's, whose session issuer is the IAM user that called GetFederationToken: no kind is missed exactly.
    expect(misses("%IAMUser%").reason).toBe(
      `misses ${FIVE} calls with no match for %IAMUser% (calls by the root user, assumed roles, AWS services, ...), because of \`%IAMUser%\``,
    );
  });
});

describe("a space-delimited pattern is one clause, quoted as written", () => {
  test("the pattern itself is blamed for the calls it misses", () => {
    const verdict = misses("[w1 = *Trail*, ...]");
    // StartLogging and StopLogging hold "Trail" only where a request names the trail; CreateTrail, UpdateTrail and
    // DeleteTrail always do, in their eventName.
    expect(verdict.missed.map((event) => event.eventName)).toEqual(["StartLogging", "StopLogging"]);
    expect(verdict.reason).toMatch(/^misses StartLogging and StopLogging calls .*, because of `\[w1 = \*Trail\*, \.\.\.\]`$/);
  });
});

describe("clauses are quoted as written", () => {
  test("an escaped quote before a parenthesis stays inside its string: no parenthesis is added for it", () => {
    // The || runs from inside the first parenthesis; only the `)` after NoSuchCall needs its `(` back.
    expect(misses('{ ($.userAgent = "say \\"(hi)" && $.eventName = NoSuchCall) || $.eventName = CreateTrail }').reason).toBe(
      'misses all UpdateTrail, DeleteTrail, StartLogging and StopLogging calls, because of `($.userAgent = "say \\"(hi)" && $.eventName = NoSuchCall) || $.eventName = CreateTrail`',
    );
  });
});

describe("a clause written over several lines is quoted on one", () => {
  test("line breaks and indentation read as one space", () => {
    const pattern = "{ $.eventName = CreateTrail ||\n    $.eventName = UpdateTrail ||\n    $.userIdentity.type = Root }";
    expect(misses(pattern).reason).toBe(
      "misses DeleteTrail, StartLogging and StopLogging calls by any caller other than the root user (IAM users, assumed roles, AWS services, ...), " +
        "because of `$.eventName = CreateTrail || $.eventName = UpdateTrail || $.userIdentity.type = Root`",
    );
  });

  test("spaces around a whole pattern are not part of the clause", () => {
    expect(misses(" %NoSuchText% ").reason).toBe(`misses all ${FIVE} calls, because of \`%NoSuchText%\``);
  });
});

describe("fields the pattern tests", () => {
  test("$.userIdentitytype (a missing dot) is another field: it does not stand for userIdentity.type", () => {
    // No CloudTrail record has a top-level userIdentitytype, so NOT EXISTS holds for every call.
    expect(
      misses(`{ (${FIVE_NAMES}) && $.userIdentitytype NOT EXISTS && $.userIdentity.type = IAMUser }`).reason,
    ).toBe(
      `misses ${FIVE} calls by any caller other than an IAM user (the root user, assumed roles, AWS services, ...), because of \`$.userIdentity.type = IAMUser\``,
    );
  });

  test("a selector with an index: the first tag of a CreateTrail request", () => {
    // Only CreateTrail takes TagsList; the calls that tag a new trail are the ones the clause misses.
    expect(misses(`{ (${FIVE_NAMES}) && $.requestParameters.tagsList[0].key NOT EXISTS }`).reason).toBe(
      "misses CreateTrail calls that have requestParameters.tagsList[0].key, because of `$.requestParameters.tagsList[0].key NOT EXISTS`",
    );
  });
});

describe("calls of a name no clause matches, where another clause lets some of them through", () => {
  test("the root user's calls count; the others are missed because no clause matches their eventName", () => {
    const verdict = misses("{ ($.eventName = CreateTrail && $.eventSource = cloudtrail.amazonaws.com) || $.userIdentity.type = Root }");
    expect(verdict.missed.map((event) => event.eventName)).toEqual(["UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"]);
    expect(verdict.reason).toMatch(/^misses UpdateTrail calls such as .*: no clause matches eventName UpdateTrail; /);
  });
});
