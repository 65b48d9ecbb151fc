/**
 * The culprits of missed calls: for a term pattern each term, for a regex or space-delimited pattern the whole
 * pattern. Expected values follow from the filter pattern syntax (CloudWatch Logs user guide, "Filter pattern syntax
 * for metric filters, subscription filters, filter log events, and Live Tail": a `-term` excludes events holding it,
 * `%regex%` matches anywhere in the event, `[w1, ...]` splits the event on spaces) and the CloudTrail records'
 * contents (CloudTrail user guide, "CloudTrail record contents": `userAgent` is `console.amazonaws.com` for requests
 * made in the console, `aws-cli/...` for the AWS CLI; `errorCode` names the error of a failed call).
 */
import { FIVE, missesOf } from "../helpers/coverage-verdicts";


describe("a term pattern: each term is a clause of its own", () => {
  test("two excluded terms: each names the calls it excludes", () => {
    // "AccessDenied" is in the errorCode of CloudTrail's two spellings of an authorization failure (AccessDenied,
    // AccessDeniedException); "console" in the user agent of console calls.
    const verdict = missesOf('"cloudtrail.amazonaws.com" -AccessDenied -console');
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls that fail with AccessDenied and calls that fail with AccessDeniedException, because of ` +
        '`-AccessDenied`, and calls that mention "console" (e.g. console calls), because of `-console`',
    );
    expect(verdict.missed[0]).toEqual({
      eventName: "CreateTrail",
      kinds: [
        "calls that fail with AccessDenied",
        "calls that fail with AccessDeniedException",
        'calls that mention "console" (e.g. console calls)',
      ],
    });
  });
});

describe("a regex or space-delimited pattern is one clause, the whole pattern", () => {
  test("a regex: the calls with no match, with the kinds of call the matched text tells apart as examples", () => {
    // "console" is in the user agent of console calls only: the AWS CLI's and the SDKs' user agents lack it.
    expect(missesOf("%console%").reason).toBe(
      `misses ${FIVE} calls with no match for %console% (e.g. CLI calls, SDK calls), because of \`%console%\``,
    );
  });

  test("a space-delimited pattern: an example call and how many of the sample calls it misses", () => {
    // A CloudTrail record's first space is in the AWS CLI's user agent (`aws-cli/2.15.30 Python/...`), so only the
    // CLI calls, 60 of the 300 sample calls, have "aws-cli" in their first field.
    expect(missesOf('[w1 = "*aws-cli*", ...]').reason).toBe(
      `misses ${FIVE} calls such as CreateTrail/root-console/success/1.05/name/us-east-1 (240 of their 300 sample ` +
        'calls), because of `[w1 = "*aws-cli*", ...]`',
    );
  });
});

describe("a JSON pattern: a missed call no eventName clause matches has no clause to blame", () => {
  test("failed calls are counted, not put down to the clause about another event", () => {
    // Every successful call matches; a failed CreateTrail (45 of its 60 sample calls fail) comes closest to the
    // ConsoleLogin clause, whose eventName it does not have.
    const verdict = missesOf("{ ($.errorCode NOT EXISTS) || ($.eventName = ConsoleLogin && $.errorCode = *) }");
    expect(verdict.missed[0]).toEqual({
      eventName: "CreateTrail",
      kinds: ["calls such as CreateTrail/root-console/access-denied/1.08/name/eu-west-1 (45 of its 60 sample calls)"],
    });
  });
});
