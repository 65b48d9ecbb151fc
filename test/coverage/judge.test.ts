/**
 * The judgment's own steps (lib/coverage/judge.ts): what a pattern is told when a record cannot be decided, when its
 * readings disagree, how many negative controls it names, and how long patterns share the variant budget.
 */
import { controlById } from "../../lib/controls";
import type { ControlDefinition } from "../../lib/controls";
import { judgeCoverage } from "../../lib/coverage";
import { FIVE, FIVE_NAMES_OR, FIVE_NAMES_PARENTHESISED } from "../helpers/coverage-verdicts";

// Looked up before each test, not when the file is read: Stryker credits a mutant to the tests during which its code
// ran (beforeEach runs inside its test), and lib/controls' lookup run at top level would be credited to none.
let cloudtrail: ControlDefinition;
beforeEach(() => {
  cloudtrail = controlById("cloudtrail-changes");
});

// Whether a * inside a value is a wildcard is not documented (old AWS docs: literal; current "Filter pattern syntax":
// silent), so the evaluator leaves such a comparison undecided (lib/filter-pattern/evaluate.ts, infixWildcard).
const INFIX = "the value has a * in the middle; old AWS docs say such a * is literal, current docs do not say, so whether it is a wildcard is unknown";

describe("a record the pattern may or may not match", () => {
  test("is named by its event in a family named by event", () => {
    // CreateTrail to StartLogging match their own clause; StopLogging meets only "Stop*ing".
    const verdict = judgeCoverage(
      '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = "Stop*ing") }',
      cloudtrail,
    );
    expect(verdict).toEqual({
      verdict: "indeterminate",
      reason: `cannot tell whether the pattern matches StopLogging calls: ${INFIX}`,
    });
  });

  test("is named by its event in a family of one service's API calls", () => {
    // DisableKey matches its own clause; ScheduleKeyDeletion meets only "Schedule*Deletion".
    const verdict = judgeCoverage(
      '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = DisableKey) || ($.eventName = "Schedule*Deletion")) }',
      controlById("kms-key-disable-or-deletion"),
    );
    expect(verdict).toEqual({
      verdict: "indeterminate",
      reason: `cannot tell whether the pattern matches ScheduleKeyDeletion calls: ${INFIX}`,
    });
  });

  test("is named by its label in a family of labelled records (the root user's calls, by service)", () => {
    // The root user's sign-ins match `$.eventSource = "signin.amazonaws.com"`; its first other call is an IAM one
    // (EnableMFADevice, lib/cloudtrail/calls/root.ts), for which only the undecided `!= "x*y"` remains.
    const verdict = judgeCoverage(
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" && ($.eventSource = "signin.amazonaws.com" || $.eventSource != "x*y") }',
      controlById("root-account-usage"),
    );
    expect(verdict).toEqual({
      verdict: "indeterminate",
      reason: `cannot tell whether the pattern matches root calls to iam.amazonaws.com: ${INFIX}`,
    });
  });

  test("does not hide a definite miss among its variants", () => {
    // StopLogging calls meet `$.userAgent != "a*b"`, undecided while they have a user agent; CloudTrail may omit
    // userAgent (lib/cloudtrail/fields.ts), and an absent field satisfies no comparison, not even != (AWS, "Filter
    // pattern syntax", JSON log events): StopLogging calls without one are missed whatever the * means.
    const verdict = judgeCoverage(
      '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging && $.userAgent != "a*b") }',
      cloudtrail,
    );
    expect(verdict).toMatchObject({
      verdict: "misses",
      missed: [{ eventName: "StopLogging", kinds: ["calls without userAgent"] }],
      reason: 'misses StopLogging calls without userAgent, because of `$.userAgent != "a*b"`',
    });
  });
});

describe("readings of && and || that disagree", () => {
  /** The reason given when readings disagree: each reading's own words, then the request for parentheses. */
  const disagreement = (...readings: string[]): string =>
    "the pattern mixes && and || without parentheses, and what it counts depends on how they group: " +
    `${readings.join("; ")}; add parentheses to say which is meant`;

  test("one covers, the other cannot be judged: the reason gives each and asks for parentheses", () => {
    // && first: the five names || (no error && "Stop*ing"): every call of the five matches its name.
    // || first (left to right groups it the same): (five names || no error) && "Stop*ing": undecided for every call,
    // CreateTrail's first.
    const verdict = judgeCoverage(
      `{ ${FIVE_NAMES_OR} || $.errorCode NOT EXISTS && $.eventName = "Stop*ing" }`,
      cloudtrail,
    );
    expect(verdict).toEqual({
      verdict: "indeterminate",
      reason: disagreement(
        "read with && binding tighter than || it counts every CloudTrail configuration change",
        `read with || binding tighter than && it cannot be judged (cannot tell whether the pattern matches CreateTrail calls: ${INFIX})`,
      ),
    });
  });

  test("one covers, two miss: three readings, each with its own reason", () => {
    // && first: A || B || C || D || (E && no error) || E covers. || first: (A || ... || E) && (no error || E), and
    // left to right: ((A || ... || E) && no error) || E: both miss the failing calls of the four others.
    const verdict = judgeCoverage(
      `{ ${FIVE_NAMES_OR} && $.errorCode NOT EXISTS || $.eventName = StopLogging }`,
      cloudtrail,
    );
    expect(verdict).toEqual({
      verdict: "indeterminate",
      reason: disagreement(
        "read with && binding tighter than || it counts every CloudTrail configuration change",
        "read with || binding tighter than && it misses CreateTrail, UpdateTrail, DeleteTrail and StartLogging calls that fail, because of `$.errorCode NOT EXISTS || $.eventName = StopLogging`",
        "read with && and || applied left to right it misses CreateTrail, UpdateTrail, DeleteTrail and StartLogging calls that fail, because of `$.errorCode NOT EXISTS`",
      ),
    });
  });
});

describe("negative controls a broader pattern matches", () => {
  test("are counted, and the first three the family lists are given as examples", () => {
    // Every negative control from cloudtrail.amazonaws.com: 6 reads, 5 other writes, CreateTrails, createtrail and
    // STOPLOGGING (lib/cloudtrail/negatives.ts lists the reads first, DescribeTrails, GetTrail, GetTrailStatus).
    const verdict = judgeCoverage("{ $.eventSource = cloudtrail.amazonaws.com }", cloudtrail, { recorded: () => false });
    expect(verdict).toEqual({
      verdict: "covers",
      broaderThanRequired: {
        matched: 14,
        of: 17,
        examples: ["a read: DescribeTrails", "a read: GetTrail", "a read: GetTrailStatus"],
      },
    });
  });
});

describe("the default variant budget: 4000 evaluations shared among the pattern's conditions or terms", () => {
  // Each undocumented field tested (`$.a = 1`, ...) gets twelve variants, evaluated before those of userAgent, which
  // comes last: 1, 2 and 0 (the number and its neighbours), absent, null, another string, true, false, an object, an
  // empty object, an array and an empty array (0 the number is tried once). Absent changes nothing (no record has
  // the field) and is not evaluated: 11 evaluations a field. userAgent's `= *` gives no string to try; its two other
  // values are evaluated and matched, then the variant without userAgent is the one that misses (a record may omit
  // it, lib/cloudtrail/fields.ts): n fields need 11n + 3 evaluations.
  const padded = (count: number): string =>
    `{ ${[..."abcdefghijklmnopqrstuvwxyz"].slice(0, count).map((key) => `$.${key} = 1`).join(" || ")} || ((${FIVE_NAMES_PARENTHESISED}) && $.userAgent = *) }`;
  const withoutUserAgent = `misses ${FIVE} calls without userAgent, because of \`$.userAgent = *\``;

  test("22 conditions get 4000 / 22 = 181 evaluations, enough to reach userAgent's variants (16 fields need 179)", () => {
    expect(judgeCoverage(padded(16), cloudtrail)).toMatchObject({ verdict: "misses", reason: withoutUserAgent });
    expect(judgeCoverage(padded(16), cloudtrail, { maxVariantEvaluations: 178 }).verdict).toBe("covers");
  });

  test("23 conditions get 4000 / 23 = 173, which run out first (17 fields need 190); 400 would not", () => {
    const text = padded(17);
    expect(judgeCoverage(text, cloudtrail)).toEqual(judgeCoverage(text, cloudtrail, { maxVariantEvaluations: 173 }));
    expect(judgeCoverage(text, cloudtrail).verdict).toBe("covers");
    expect(judgeCoverage(text, cloudtrail, { maxVariantEvaluations: 400 })).toMatchObject({
      verdict: "misses",
      reason: withoutUserAgent,
    });
  });

  test("a term pattern shares it among its terms: 64 terms get 62 evaluations", () => {
    // Each `a` is a required word found in every record: a variant without it in the fields that vary still holds
    // it (in the keys), so it evaluates and matches. `-SAMLUser` slipped into caller-chosen text is the evasion, and
    // its variants come after those of the 63 required words.
    const text = `"cloudtrail.amazonaws.com" ${"a ".repeat(62)}-SAMLUser`;
    expect(judgeCoverage(text, cloudtrail)).toEqual(judgeCoverage(text, cloudtrail, { maxVariantEvaluations: 62 }));
    // Without the evasion found, what is left is that it counts CloudTrail's routine reads too (routine.test.ts).
    expect(judgeCoverage(text, cloudtrail).verdict).toBe("countsRoutine");
    expect(judgeCoverage(text, cloudtrail, { maxVariantEvaluations: 400 })).toMatchObject({
      verdict: "misses",
      // Both caller-chosen texts of these records can hold the word: the user agent, and the trail name the caller
      // picks (CloudTrail API Reference, CreateTrail `Name`: letters, digits, `.`, `_`, `-`).
      reason: `misses ${FIVE} calls whose user agent contains "SAMLUser" and calls whose trail name contains "SAMLUser", because of \`-SAMLUser\``,
    });
  });
});
