/**
 * The adversarial variants: when every family record matches, the judgment still tries, in each field the pattern
 * tests, the values the pattern compares it with and values the family lacks, and names the calls a variant proves
 * missed. Operators follow CloudWatch Logs "Filter pattern syntax for metric filters" (JSON: `NOT EXISTS` holds only
 * for an absent property; numeric `>` / `<`; `*` at the start or end of a string value as a wildcard).
 */
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { consoleAuthenticationFailures } from "../../lib/controls/console-authentication-failures";
import { consoleSignInWithoutMfa } from "../../lib/controls/console-signin-without-mfa";
import { rootAccountUsage } from "../../lib/controls/root-account-usage";
import { unauthorizedApiCalls } from "../../lib/controls/unauthorized-api-calls";
import { controlById } from "../../lib/controls";
import { judgeCoverage } from "../../lib/coverage";
import type { CoverageVerdict } from "../../lib/coverage";
import { familyFor } from "../../lib/coverage/family-cache";
import { evaluateJsonPattern } from "../../lib/filter-pattern/evaluate";
import { parseFilterPattern } from "../../lib/filter-pattern/parser";

const FIVE = "CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging";
const OR =
  "($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)";

function misses(verdict: CoverageVerdict): Extract<CoverageVerdict, { verdict: "misses" }> {
  if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${JSON.stringify(verdict)}`);
  return verdict;
}

/** The kinds named for a value of each type but absent, in the order they are tried. */
function everyTypeOf(label: string): string[] {
  return [
    `calls whose ${label} is null`,
    `calls whose ${label} is another string`,
    `calls whose ${label} is a number`,
    `calls whose ${label} is true`,
    `calls whose ${label} is false`,
    `calls whose ${label} is an object`,
    `calls whose ${label} is an empty object`,
    `calls whose ${label} is an array`,
    `calls whose ${label} is an empty array`,
  ];
}

/** The kinds of StopLogging calls missed (every event gets the same variants). */
function stopLoggingKinds(pattern: string): readonly string[] {
  const verdict = misses(judgeCoverage(`{ (${OR}) && ${pattern} }`, cloudTrailChanges));
  return verdict.missed.find((missed) => missed.eventName === "StopLogging")?.kinds ?? [];
}

describe("a field CloudTrail does not document for these calls: every type is tried", () => {
  test("$.foo NOT EXISTS misses calls where foo is present, whatever its value", () => {
    const verdict = misses(judgeCoverage(`{ (${OR}) && $.foo NOT EXISTS }`, cloudTrailChanges));
    const kinds = [
      "calls whose foo is null",
      "calls whose foo is another string",
      "calls whose foo is a number",
      "calls whose foo is true",
      "calls whose foo is false",
      "calls whose foo is an object",
      "calls whose foo is an empty object",
      "calls whose foo is an array",
      "calls whose foo is an empty array",
    ];
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls whose foo is null, calls whose foo is another string, calls whose foo is a number and 6 more kinds, because of \`$.foo NOT EXISTS\``,
    );
  });

  test("a number compared with: the number itself and its neighbours are tried", () => {
    // 5 > 5 and 4 > 5 are false, 6 > 5 is true.
    const greater = stopLoggingKinds("($.foo NOT EXISTS || $.foo > 5)");
    expect(greater.slice(0, 2)).toEqual(["calls whose foo is 5", "calls whose foo is 4"]);
    expect(greater).not.toContain("calls whose foo is 6");
    // 5 < 5 and 6 < 5 are false, 4 < 5 is true.
    const less = stopLoggingKinds("($.foo NOT EXISTS || $.foo < 5)");
    expect(less.slice(0, 2)).toEqual(["calls whose foo is 5", "calls whose foo is 6"]);
    expect(less).not.toContain("calls whose foo is 4");
  });

  test.each([
    ['"*bar"', 'calls whose foo ends with "bar"'],
    ['"bar*"', 'calls whose foo starts with "bar"'],
    ['"*bar*"', 'calls whose foo contains "bar"'],
    ['"bar"', 'calls whose foo is "bar"'],
    ["bar", 'calls whose foo is "bar"'],
  ])("a string compared with, %s: a value it rejects is tried, named by the wildcard", (value, kind) => {
    expect(stopLoggingKinds(`($.foo NOT EXISTS || $.foo != ${value})`)[0]).toBe(kind);
  });

  test("a lone * (any value) gives no string to try", () => {
    // `!= *` rejects every present value: a "*" tried would be named among the misses.
    const kinds = stopLoggingKinds('($.foo NOT EXISTS || $.foo != "*")');
    expect(kinds.filter((kind) => kind.includes('"'))).toEqual([]);
  });

  test("a * in the middle is tried as written, and names a miss where another clause rejects it whatever the * means", () => {
    expect(stopLoggingKinds('($.foo NOT EXISTS || ($.foo != "a*b" && $.foo = "zzz"))')[0]).toBe(
      'calls whose foo is "a*b"',
    );
  });

  test("an empty object or array: present, not null, no value of its own and no member a .* selector reaches", () => {
    // AWS "Filter pattern syntax", JSON log events: NOT EXISTS holds only for an absent property, IS NULL only for a
    // null one. Comparisons test values; no comparison, not even `= "*"`, holds for an object or an array (the
    // evaluator's reading, lib/filter-pattern/evaluate.ts). `$.foo.*` reaches the members of foo, and {} and [] have
    // none, so `$.foo.* = "*"` compares nothing. Every other type passes one clause: absent, null, a string, a
    // number or a boolean (`= "*"`: it exists), {"zz":"zz"} and ["zz"] (`.*` reaches "zz"). The member `$.foo.*`
    // reaches fails `= "*"` too where it is itself an object or an array, full or empty (a null member is undecided:
    // whether `= "*"` holds for null is undocumented).
    const kinds = stopLoggingKinds('($.foo NOT EXISTS || $.foo IS NULL || $.foo = "*" || $.foo.* = "*")');
    expect(kinds).toEqual([
      "calls whose foo is an empty object",
      "calls whose foo is an empty array",
      "calls whose foo.* is an object",
      "calls whose foo.* is an empty object",
      "calls whose foo.* is an array",
      "calls whose foo.* is an empty array",
    ]);
  });

  test("an array with a member: an index selector reaches it, where an object's or a scalar's reaches nothing", () => {
    // `$.foo[0]` reaches the first member of an array only (AWS "Filter pattern syntax": `$.users[0].id`); on an
    // object, a scalar or an absent foo it reaches nothing, so `$.foo[0] NOT EXISTS` holds. IS NULL names foo as a
    // whole (a key path, so foo gets variants); only a non-empty array fails both clauses: foo tried as ["zz"], then
    // the element `$.foo[0]` reaches tried as each type (foo an array holding it; the array without it is [], which
    // foo was tried as already).
    expect(stopLoggingKinds("($.foo IS NULL || $.foo[0] NOT EXISTS)")).toEqual([
      "calls whose foo is an array",
      ...everyTypeOf("foo[0]"),
    ]);
  });

  test("a * in the middle is tried as written (whether it is a wildcard is undocumented, so it proves no miss)", () => {
    const kinds = stopLoggingKinds('($.foo NOT EXISTS || $.foo != "a*b")');
    expect(kinds).not.toContain('calls whose foo is "a*b"');
    expect(kinds).toContain("calls whose foo is an object");
  });
});

describe("a selector with an index or a wildcard step: the element it reaches is tried", () => {
  // AWS "Filter pattern syntax", JSON log events: "Place arrays after property selectors. The elements in arrays
  // follow a zero-based numbering system" (`$.arrayKey[0]`), and "You can use the JSON wildcard to select any array
  // element or any JSON object field" (`$.arrayKey[*]`, `$.*`). NOT EXISTS holds only for what is not there, so
  // `$.foo[0] NOT EXISTS` holds while foo has no first element: a call whose foo is an array with one, whatever its
  // value, is missed; `$.foo[*]` and `$.foo.*` likewise reach any element of an array, any member of an object.
  // The element is tried as each type (absent: the array or object is empty, which the selector reaches nothing in).
  test.each([
    ["$.foo[0] NOT EXISTS", "foo[0]"],
    ["$.foo[*] NOT EXISTS", "foo[*]"],
    ["$.foo.* NOT EXISTS", "foo.*"],
    // additionalEventData is a documented object (lib/cloudtrail/fields.ts), optional, which no CloudTrail change
    // record of the family holds: a member of any value is added.
    ["$.additionalEventData.* NOT EXISTS", "additionalEventData.*"],
    // requestParameters.tagsList is a documented array, optional; the family's CreateTrail records hold one tag, and
    // `[1]` reaches the second. A call with two tags (or any array of two) is missed.
    ["$.requestParameters.tagsList[1] NOT EXISTS", "requestParameters.tagsList[1]"],
    // resources is a documented array (optional): `.*` reaches its elements as `[*]` does (the evaluator's reading
    // of "the JSON wildcard to select any array element or any JSON object field"), so the variant is an array.
    ["$.resources.* NOT EXISTS", "resources.*"],
  ])("%s misses calls where it reaches an element, whatever its value", (clause, label) => {
    const verdict = misses(judgeCoverage(`{ (${OR}) && ${clause} }`, cloudTrailChanges));
    const kinds = everyTypeOf(label);
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
    expect(verdict.reason).toBe(
      `misses ${FIVE} ${kinds.slice(0, 3).join(", ")} and 6 more kinds, because of \`${clause}\``,
    );
  });

  test("$.*: the record is the container, every call has it, so a member is added to its fields", () => {
    // `$.*.zz` reaches the zz member of every top-level field that is an object; no field of these records has one.
    // A call with one more field (CloudTrail adds fields; one it does not document is tried as any type, as
    // `$.foo` is) that is an object with a zz member fails `NOT EXISTS`.
    const verdict = misses(judgeCoverage(`{ (${OR}) && $.*.zz NOT EXISTS }`, cloudTrailChanges));
    const kinds = everyTypeOf("*.zz");
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
  });

  test("an index is tried up to 1000 (an array of 1001 elements); past it, the verdict is undecided, not covers", () => {
    expect(stopLoggingKinds("$.foo[1000] NOT EXISTS")).toEqual(everyTypeOf("foo[1000]"));
    expect(judgeCoverage(`{ (${OR}) && $.foo[1001] NOT EXISTS }`, cloudTrailChanges)).toEqual({
      verdict: "indeterminate",
      reason:
        "cannot tell whether the pattern matches every CloudTrail configuration change: $.foo[1001] reaches past " +
        "element 1000 of an array, and calls holding arrays that long are not tried",
    });
    // Where the documented type holds no array (eventName is a string), `[5000]` reaches nothing in any call.
    expect(judgeCoverage(`{ (${OR}) && $.eventName[5000] NOT EXISTS }`, cloudTrailChanges).verdict).toBe("covers");
  });

  test("the element is also tried as the values the pattern compares it with", () => {
    // `!=` with `*beta` (a * at the start: ends with) rejects a string ending with "beta"; a container satisfies no
    // comparison, not even != (AWS: "If a property selector points to an array or object, the filter pattern won't
    // match the log format"). Null, numbers and booleans with != and text are undocumented: no certain miss.
    expect(stopLoggingKinds('($.foo[0] NOT EXISTS || $.foo[0] != "*beta")')).toEqual([
      'calls whose foo[0] ends with "beta"',
      "calls whose foo[0] is an object",
      "calls whose foo[0] is an empty object",
      "calls whose foo[0] is an array",
      "calls whose foo[0] is an empty array",
    ]);
  });

  test("a documented array (resources) keeps its type: its first element is tried without ARN and with other ARNs", () => {
    // CloudTrail documents resources as an optional array (lib/cloudtrail/fields.ts), the family's records lack it,
    // and it documents nothing of its elements' fields: the ARN is tried as each type. An ARN "arn:aws:cloudtrail:zz"
    // matches the prefix; an element without ARN, a null, another string or a container fails both clauses (a prefix
    // wildcard against a number or a boolean is undocumented: no certain miss).
    const clause = '$.resources NOT EXISTS || $.resources[0].ARN = "arn:aws:cloudtrail:*"';
    const kinds = stopLoggingKinds(`(${clause})`);
    expect(kinds).toEqual([
      "calls without resources[0].ARN",
      "calls whose resources[0].ARN is null",
      "calls whose resources[0].ARN is another string",
      "calls whose resources[0].ARN is an object",
      "calls whose resources[0].ARN is an empty object",
      "calls whose resources[0].ARN is an array",
      "calls whose resources[0].ARN is an empty array",
    ]);
  });

  test("a documented object every call has (requestParameters) keeps its members: a member is added to them", () => {
    // `$.requestParameters.*[1]` reaches the second element of any array member of requestParameters: the family's
    // tagsList has one, so it reaches nothing in any record. A call with a parameter holding two elements is missed.
    // requestParameters.name, which every such call has (fields.ts), stays: replacing requestParameters with an
    // object of the one new member would let `$.requestParameters.name NOT EXISTS` through and hide the miss.
    const verdict = misses(
      judgeCoverage(
        `{ (${OR}) && ($.requestParameters.name NOT EXISTS || $.requestParameters.*[1] NOT EXISTS) }`,
        cloudTrailChanges,
      ),
    );
    const kinds = everyTypeOf("requestParameters.*[1]");
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
  });
});

describe("a documented field keeps its type", () => {
  test("userAgent != *beta: a user agent ending with beta, and calls without one (userAgent is optional)", () => {
    const verdict = misses(judgeCoverage(`{ (${OR}) && $.userAgent != "*beta" }`, cloudTrailChanges));
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls whose userAgent ends with "beta" and calls without userAgent, because of \`$.userAgent != "*beta"\``,
    );
  });
});

describe("each subject's variants are tried on records of several callers", () => {
  // Every record of the unauthorized-calls family is a failed call, so of the kinds of base record wanted first
  // (successful CLI calls, failed console calls, an AWS service's, the root user's successful calls) only an AWS
  // service's is found: a clause that lets AWS services through must not hide the other callers' misses. The CIS
  // v1.2.0 text, ANDed with such a clause:
  const prescribed = unauthorizedApiCalls.prescribedPatterns[0].text.trim().slice(1, -1).trim();
  const CODES = "calls failing with AccessDeniedException, AccessDenied and Client.UnauthorizedOperation";
  const SUBJECTS = [
    "calls failing with AccessDeniedException",
    "calls failing with AccessDenied",
    "calls failing with Client.UnauthorizedOperation",
  ];

  test("the prescribed text is the two error-code clauses", () => {
    expect(prescribed).toBe('($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")');
  });

  test("unauthorized calls: AWS services let through, the others' records without userAgent are missed", () => {
    // The root user, IAM users and roles must pass `$.userAgent != "*beta"`, which a record without userAgent
    // (CloudTrail may omit it) fails: an absent field satisfies no comparison, not even != (AWS "Filter pattern
    // syntax", JSON log events). Such a call is still an authorization failure, the control's target. A user agent
    // ending with "beta" is missed too; the reason names the kinds the first pass that finds a miss shows (each
    // variant on one base record per pass): there that variant met an AWS service's record, which the clause lets
    // through, and the one without userAgent another caller's.
    const clause = '$.userIdentity.type = "AWSService" || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, unauthorizedApiCalls));
    expect(verdict.missed).toEqual(SUBJECTS.map((eventName) => ({ eventName, kinds: ["calls without userAgent"] })));
    expect(verdict.reason).toBe(`misses ${CODES} without userAgent, because of \`${clause}\``);
  });

  test("unauthorized calls: AWS services and records without userAgent let through, a user agent ending with beta is missed", () => {
    // What is left: a caller other than an AWS service whose user agent (any printable text its SDK sends) ends with
    // "beta", which `*beta` (a * at the start, AWS "Filter pattern syntax") matches, so != rejects it.
    const clause = '$.userIdentity.type = "AWSService" || $.userAgent NOT EXISTS || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, unauthorizedApiCalls));
    expect(verdict.missed).toEqual(
      SUBJECTS.map((eventName) => ({ eventName, kinds: ['calls whose userAgent ends with "beta"'] })),
    );
    expect(verdict.reason).toBe(`misses ${CODES} whose userAgent ends with "beta", because of \`${clause}\``);
  });

  test("unauthorized calls: every caller but a role session not federated by web identity let through, AccessDenied ones are missed", () => {
    // CloudTrail userIdentity element: `webIdFederationData` names the identity provider (`federatedProvider`) of
    // temporary credentials obtained by web identity federation. An AccessDenied call by a role session that was not
    // (an assumed role's, through the CLI) must pass `$.userAgent != "*beta"`, which a user agent ending with "beta" or
    // none at all fails: such a call is still an authorization failure, and is missed.
    const clause =
      '$.userIdentity.type = "AWSService" || $.userIdentity.type = "Root" || $.userIdentity.type = "IAMUser" || ' +
      '$.userIdentity.type = "FederatedUser" || ' +
      '$.userIdentity.sessionContext.webIdFederationData.federatedProvider = "*" || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, unauthorizedApiCalls));
    expect(verdict.missed.map((missed) => missed.eventName)).toContain("calls failing with AccessDenied");
  });
});

describe("each subject's variants are tried on a successful CLI call and on the root user's successful call", () => {
  // Of every CloudTrail change call the family holds successful CLI calls (an IAM user's, with its long-term access
  // key), failed console calls, an AWS service's and the root user's successful calls; each is a base record the
  // variants are tried on, since a miss may show on one of these alone.
  const USER_AGENT_KINDS = ['calls whose userAgent ends with "beta"', "calls without userAgent"];

  test("a successful call with long-term keys: no sessionContext, so only its user agent can let it through", () => {
    // CloudTrail userIdentity element: `sessionContext` is there only when the request was made with temporary
    // security credentials (an assumed role's, a console session's); the example of a request made with an IAM user's
    // own credentials has none. So a successful IAM user's call made with its access key, not by an AWS service,
    // passes only `$.userAgent != "*beta"`, which a user agent ending with "beta" or none at all fails. Failed calls
    // (errorCode), AWS services and every call with a session pass whatever their user agent.
    const clause =
      '$.errorCode = "*" || $.userIdentity.type = "AWSService" || ' +
      '$.userIdentity.sessionContext.attributes.mfaAuthenticated = "*" || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${OR}) && (${clause}) }`, cloudTrailChanges));
    expect(verdict.missed.map((missed) => missed.eventName)).toEqual(FIVE.replace(" and", ",").split(", "));
    for (const missed of verdict.missed) expect(USER_AGENT_KINDS).toEqual(expect.arrayContaining(missed.kinds));
  });

  test("the root user's successful calls: a clause that lets every other caller through", () => {
    // `$.userIdentity.type != "Root"` lets every caller but the root user through (a type that is there: an absent
    // one fails every comparison, AWS "Filter pattern syntax"), `$.errorCode = "*"` every failed call: only a
    // successful root call must pass `$.userAgent != "*beta"`, and one whose user agent ends with "beta" or that has
    // none does not.
    const clause = '$.errorCode = "*" || $.userIdentity.type != "Root" || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${OR}) && (${clause}) }`, cloudTrailChanges));
    expect(verdict.missed.map((missed) => missed.eventName)).toEqual(FIVE.replace(" and", ",").split(", "));
    for (const missed of verdict.missed) expect(USER_AGENT_KINDS).toEqual(expect.arrayContaining(missed.kinds));
  });
});

describe("a subject of one caller: its variants are tried on records of other event versions and regions", () => {
  test("console sign-in failures: a clause that lets event version 1.05 through does not hide the other versions' misses", () => {
    // Each subject is one caller's failed sign-ins (IAM users', the root user's), so no other caller's record can
    // be added; the first record is an event version 1.05 one, which `$.eventVersion = "1.05"` lets through whatever
    // its user agent. A failed sign-in recorded in another version whose user agent (the browser's, any text it
    // sends) ends with "beta" fails all three clauses, and is still a failed console sign-in.
    const prescribed = consoleAuthenticationFailures.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    expect(prescribed).toBe('($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication")');
    const clause = '$.eventVersion = "1.05" || $.userAgent NOT EXISTS || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, consoleAuthenticationFailures));
    const kinds = ['calls whose userAgent ends with "beta"'];
    expect(verdict.missed).toEqual([
      { eventName: "failed ConsoleLogin calls by IAM users", kinds },
      { eventName: "failed ConsoleLogin calls by the root user", kinds },
    ]);
    expect(verdict.reason).toMatch(/, because of `\$\.eventVersion = "1\.05" \|\| \$\.userAgent NOT EXISTS \|\| /);
  });

  test("console sign-ins without MFA: a clause that lets us-east-1 through does not hide the other regions' misses", () => {
    // An IAM user's sign-in is recorded in the region of the sign-in endpoint it used (signInRegions,
    // lib/cloudtrail/families/sign-in-record.ts), not only us-east-1; the subject's first record is a us-east-1 one.
    // One recorded elsewhere whose browser user agent ends with "beta" fails all three clauses.
    const prescribed = consoleSignInWithoutMfa.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const clause = '$.awsRegion = "us-east-1" || $.userAgent NOT EXISTS || $.userAgent != "*beta"';
    expect(misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, consoleSignInWithoutMfa)).reason).toBe(
      `misses ConsoleLogin calls without MFA by IAM users whose userAgent ends with "beta", because of \`${clause}\``,
    );
  });

  test("root activity: a clause that lets every EnableMFADevice call through does not hide the other IAM calls' misses", () => {
    // The root user's IAM calls are not all EnableMFADevice: a root CreateAccessKey call (an IAM call the root user
    // can make) whose user agent ends with "beta", or that has none, fails `$.userAgent != "*beta"` and is missed.
    const prescribed = rootAccountUsage.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const clause = '$.eventName = "EnableMFADevice" || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, rootAccountUsage));
    expect(verdict.missed.map((missed) => missed.eventName)).toContain("root calls to iam.amazonaws.com");
  });

  test("console sign-ins without MFA: a clause that lets four regions through does not hide a fifth region's misses", () => {
    // CloudTrail user guide, "AWS Management Console sign-in events": an IAM user's sign-in through the global
    // endpoint with an account-alias cookie is recorded in us-east-2, eu-north-1 or ap-southeast-2 (as
    // lib/cloudtrail/calls/signin.ts reads it). One recorded in eu-north-1 whose browser user agent ends with "beta"
    // fails every clause below, and is still a console sign-in without MFA.
    const prescribed = consoleSignInWithoutMfa.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const regions = ["us-east-1", "us-east-2", "eu-west-1", "ap-southeast-2"];
    const clause = `${regions.map((region) => `$.awsRegion = "${region}"`).join(" || ")} || $.userAgent NOT EXISTS || $.userAgent != "*beta"`;
    expect(misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, consoleSignInWithoutMfa)).missed).toEqual([
      { eventName: "ConsoleLogin calls without MFA by IAM users", kinds: ['calls whose userAgent ends with "beta"'] },
    ]);
  });

  test("root activity: every base record is met, whatever their number (14 here, which 7 divides)", () => {
    // The root user's calls by service: 4, 4, 2 and 4 base records. A variant meets one base per pass, 7 further
    // on each time; with 14 bases it met only two of them, never a record of another version than 1.06 with the
    // user agent changed. Every root call of another version whose user agent ends with "beta" is missed.
    const prescribed = rootAccountUsage.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const clause = '$.eventVersion = "1.06" || $.userAgent NOT EXISTS || $.userAgent != "*beta"';
    const verdict = misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, rootAccountUsage));
    expect(verdict.reason).toBe(
      "misses root calls to signin.amazonaws.com, iam.amazonaws.com, s3.amazonaws.com and ec2.amazonaws.com whose " +
        `userAgent ends with "beta", because of \`${clause}\``,
    );
  });
});

describe("the stride between the base records a variant meets on successive passes", () => {
  test("root activity, 14 base records: the stride is 9, the first number from 7 up that shares no factor with 14", () => {
    // The root user's calls by service: 4, 4, 2 and 4 base records (pairs 0-3, 4-7, 8-9, 10-13); pair 9, the s3
    // subject's second, is the only one recorded in cn-north-1. A root call there whose user agent ends with "beta",
    // or that has none, fails both clauses; every other base passes `$.awsRegion != "cn-north-1"`, and a variant of
    // the region alone keeps the base's user agent. The variants come in the order of the pattern's selectors, each
    // with its literals first and absent after (jsonVariants): seven userIdentity.type values, three of invokedBy,
    // then the user agent ending with "beta" (variant 10), two other user agents and none (variant 13), then three
    // regions. Variant i meets pair (i + pass * stride) mod 14 (findNarrowing), so with a stride of 9 variant 10
    // meets pair 9 on pass 3 (10 + 27 = 37), variant 13 only on pass 12; the first pass with a miss names its kinds.
    const prescribed = rootAccountUsage.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const clause = '$.userAgent != "*beta" || $.awsRegion != "cn-north-1"';
    expect(misses(judgeCoverage(`{ (${prescribed}) && (${clause}) }`, rootAccountUsage)).missed).toEqual([
      { eventName: "root calls to s3.amazonaws.com", kinds: ['calls whose userAgent ends with "beta"'] },
    ]);
  });
});

describe("term patterns: excluded words slipped into text the caller chooses", () => {
  // CloudWatch Logs: `-"word"` excludes log events that contain the word. The user agent is any printable ASCII the
  // caller sends (CloudTrail record contents, userAgent); a trail name is 3 to 128 letters, digits, `.`, `_` or `-`
  // (CloudTrail API Reference, CreateTrail `Name`).
  test('-"beta" misses calls whose user agent or trail name holds "beta"', () => {
    expect(misses(judgeCoverage('"cloudtrail" -"beta"', cloudTrailChanges)).reason).toBe(
      `misses ${FIVE} calls whose user agent contains "beta" and calls whose trail name contains "beta", because of \`-"beta"\``,
    );
  });

  test('-"a b": a trail name cannot hold a space, so only the user agent is tried', () => {
    expect(misses(judgeCoverage('"cloudtrail" -"a b"', cloudTrailChanges)).reason).toBe(
      `misses ${FIVE} calls whose user agent contains "a b", because of \`-"a b"\``,
    );
  });

  test('-"beta" in a family of one service\'s API calls: its user agent too', () => {
    expect(misses(judgeCoverage('"kms.amazonaws.com" -"beta"', controlById("kms-key-disable-or-deletion"))).reason).toBe(
      `misses DisableKey and ScheduleKeyDeletion calls whose user agent contains "beta", because of \`-"beta"\``,
    );
  });
});

describe("term patterns: a required word that only fields which vary between calls hold", () => {
  test('"111122223333", the account ID: calls of another account do not mention it', () => {
    // The account ID is in userIdentity and recipientAccountId, which hold the calling account's own: another
    // account's calls (the same trail settings, another account) hold another number.
    expect(misses(judgeCoverage('"cloudtrail" "111122223333"', cloudTrailChanges)).reason).toBe(
      `misses ${FIVE} calls that mention "111122223333" only in fields that vary and calls whose varying fields hold ` +
        'other values, because of `"111122223333"`',
    );
  });
});

describe("term patterns: words no variant can strip", () => {
  test('an empty term (every event contains it) is no word to strip: it spends none of the budget', () => {
    // Two evaluations allowed: "cloudtrail" stripped (still in eventSource, which every such call has: no miss), then
    // the account ID stripped, which shows the miss.
    const verdict = judgeCoverage('"cloudtrail" "" "111122223333"', cloudTrailChanges, { maxVariantEvaluations: 2 });
    expect(misses(verdict).reason).toBe(
      `misses ${FIVE} calls that mention "111122223333" only in fields that vary, because of \`"111122223333"\``,
    );
  });
});

describe("term patterns: words no record holds", () => {
  test("a quoted word with a backslash, which no record holds, is no word to strip: it spends none of the budget", () => {
    // Each `"x\\y"` below is a quoted term holding a backslash, whose reading AWS does not document (the evaluator
    // leaves every record undecided); no CloudTrail record of these calls holds a backslash, so no field mentions the
    // word and stripping it changes nothing: no attempt is spent on it. The one evaluation allowed goes to a user
    // agent holding "beta" (any printable text the caller sends), which `-"beta"` rejects whatever the other terms
    // mean: such a call is missed for certain.
    const pattern = '"a\\\\b" "c\\\\d" "e\\\\f" "g\\\\h" -"beta"';
    const verdict = misses(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 1 }));
    const kinds = ['calls whose user agent contains "beta"'];
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
  });
});

describe("regular expressions and space-delimited patterns must not lean on fields that vary", () => {
  test("%111122223333%: the account ID is no part of the call", () => {
    expect(misses(judgeCoverage("%111122223333%", cloudTrailChanges)).reason).toBe(
      `misses ${FIVE} calls whose varying fields hold other values, because of \`%111122223333%\``,
    );
  });

  test("[w1 = *1*, ...]: the first word holds a 1 only through the record's version, time and account", () => {
    // A compact CloudTrail record has no space before its first string with a space in it (the user agent); before
    // that come eventVersion ("1.08" ...), userIdentity (the account ID) and eventTime, all of which vary.
    expect(misses(judgeCoverage("[w1 = *1*, ...]", cloudTrailChanges)).reason).toBe(
      `misses ${FIVE} calls whose varying fields hold other values, because of \`[w1 = *1*, ...]\``,
    );
  });
});

describe("variants of records the evaluator cannot decide are tried too", () => {
  test("a * in the middle of every record's value: a variant that fails for certain is a miss all the same", () => {
    // CloudWatch Logs documents `*` as a wildcard at the start or end of a value; one in the middle is undocumented,
    // so every record is undecided. But foo, which no record has, is tested with NOT EXISTS: a call that has foo fails
    // `$.foo NOT EXISTS` (AWS "Filter pattern syntax", EXISTS / NOT EXISTS) and so the `&&`, whatever the `*` means.
    // The misses are those of the same pattern with the documented value, which every record matches for certain
    // (that one also counts the trail reads it matches for certain; here whether it matches them is undecided).
    const undecided = judgeCoverage('{ $.eventSource = "cloudtrail*amazonaws.com" && $.foo NOT EXISTS }', cloudTrailChanges);
    const decided = judgeCoverage('{ $.eventSource = "cloudtrail.amazonaws.com" && $.foo NOT EXISTS }', cloudTrailChanges);
    expect(undecided.verdict).toBe("misses");
    expect(decided.verdict).toBe("misses");
    if (undecided.verdict !== "misses" || decided.verdict !== "misses") return;
    expect([undecided.missed, undecided.reason]).toStrictEqual([decided.missed, decided.reason]);
    expect(undecided.reason).toMatch(/, because of `\$\.foo NOT EXISTS`$/);
  });
});

describe("a variant that misses is tried on every subject's records", () => {
  test("a miss only some records of each call show is named for every call (failed calls without userAgent)", () => {
    // Successful calls pass whatever their user agent (no errorCode); a failed call without userAgent (optional in
    // CloudTrail records) fails both sides. Each call's first record tried is a successful one: the miss is in a later.
    const verdict = misses(
      judgeCoverage(`{ (${OR}) && ($.errorCode NOT EXISTS || $.userAgent != "*beta") }`, cloudTrailChanges),
    );
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls without userAgent, because of \`$.errorCode NOT EXISTS || $.userAgent != "*beta"\``,
    );
  });

  test("a call the variant cannot make missed is not named", () => {
    // CreateTrail is matched by its name alone; the other four also need a user agent not ending with beta.
    const pattern =
      "{ $.eventName = CreateTrail || (($.eventName = UpdateTrail || $.eventName = DeleteTrail || " +
      '$.eventName = StartLogging || $.eventName = StopLogging) && $.userAgent != "*beta") }';
    expect(misses(judgeCoverage(pattern, cloudTrailChanges)).reason).toBe(
      'misses UpdateTrail, DeleteTrail, StartLogging and StopLogging calls whose userAgent ends with "beta" and calls ' +
        'without userAgent, because of `$.userAgent != "*beta"`',
    );
  });
});

describe("the variants' budget (maxVariantEvaluations)", () => {
  test("it counts the variants evaluated: with one, foo = 5 (matched) is the last tried, and foo = 6 is not", () => {
    // `$.foo = 5` holds for 5 only (CloudWatch Logs numeric comparison); foo is tried as 5, then 6, then 4.
    const pattern = `{ (${OR}) && ($.foo NOT EXISTS || $.foo = 5) }`;
    expect(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 1 }).verdict).toBe("covers");
    expect(misses(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 2 })).reason).toBe(
      `misses ${FIVE} calls whose foo is 6, because of \`$.foo NOT EXISTS || $.foo = 5\``,
    );
  });

  test("it also counts, four to an evaluation, the variants that cannot change a record", () => {
    // eventTime is a string: none of the ten values tried below it (absent, null, a string, a number, true, false,
    // an object, an empty object, an array, an empty array) can be written, so each is an attempt without an
    // evaluation; the user agent comes next. Two evaluations allow eight attempts, spent before it; three allow 12.
    const pattern = `{ (${OR}) && $.eventTime.a NOT EXISTS && $.userAgent != "*beta" }`;
    expect(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 2 }).verdict).toBe("covers");
    expect(misses(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 3 })).reason).toBe(
      `misses ${FIVE} calls whose userAgent ends with "beta", because of \`$.userAgent != "*beta"\``,
    );
  });

  test("without a bound, the search still ends once every variant has met every base record", () => {
    // A call without userAgent passes NOT EXISTS, one with any string passes `= "*"` (AWS "Filter pattern syntax":
    // NOT EXISTS for an absent property, `*` for any value): no variant of the user agent proves a miss, and with no
    // bound on the evaluations (Infinity) the budget never runs out. The passes end all the same, and so does the
    // judgment (a search that went round again would never end).
    const pattern = `{ (${OR}) && ($.userAgent NOT EXISTS || $.userAgent = "*") }`;
    expect(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: Infinity }).verdict).toBe("covers");
  });

  test("the attempts stop at four times the evaluations allowed, not one later", () => {
    // Twenty attempts that cannot change a record (eventTime.a, then eventTime.b, each tried as the ten values above)
    // come before the user agent: five evaluations allow exactly twenty attempts, all spent before it; six allow 24.
    const pattern = `{ (${OR}) && $.eventTime.a NOT EXISTS && $.eventTime.b NOT EXISTS && $.userAgent != "*beta" }`;
    expect(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 5 }).verdict).toBe("covers");
    expect(misses(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 6 })).reason).toBe(
      `misses ${FIVE} calls whose userAgent ends with "beta", because of \`$.userAgent != "*beta"\``,
    );
  });
});

describe("a miss only two changed fields show: pairs of changes are tried when no single one misses", () => {
  // The family holds AccessDenied calls recorded in event version 1.09, as CloudTrail writes them today. Such a call
  // whose user agent (any printable text the caller's SDK sends) ends with "beta" fails both
  // `$.eventVersion != "1.09"` and `$.userAgent != "*beta"` (`*` at the start of a value: ends with, AWS "Filter
  // pattern syntax"), and is still an authorization failure: the pattern misses it. No base record the variants
  // start from is a 1.09 one, so no single change shows the miss; a change of the event version, then one of the
  // user agent, does.
  const text = () =>
    `{ (${unauthorizedApiCalls.prescribedPatterns[0].text.trim().slice(1, -1).trim()}) && ($.eventVersion != "1.09" || $.userAgent != "*beta") }`;

  test("an event version 1.09 AccessDenied call whose user agent ends with beta is a target the pattern misses", () => {
    const family = familyFor(unauthorizedApiCalls);
    const base = family.positives.find(
      (record) => record.record.eventVersion === "1.09" && record.record.errorCode === "AccessDenied",
    );
    if (base === undefined) throw new Error("no event version 1.09 AccessDenied record");
    const call = { ...base.record, userAgent: "aws-cli/2.15.30 beta" };
    expect(family.membership(call)).toBe("target");
    const parsed = parseFilterPattern(text());
    if (!parsed.ok || parsed.pattern.kind !== "json") throw new Error("expected a JSON pattern");
    expect(evaluateJsonPattern(parsed.pattern, call).outcome).toBe("noMatch");
  });

  test("is judged to miss it, both changes named", () => {
    // A 1.09 record without userAgent (CloudTrail may omit it) fails `!= "*beta"` too: an absent field satisfies no
    // comparison, not even != (AWS "Filter pattern syntax", JSON log events).
    const verdict = misses(judgeCoverage(text(), unauthorizedApiCalls));
    const kinds = [
      'calls whose eventVersion is "1.09" and whose userAgent ends with "beta"',
      'calls whose eventVersion is "1.09" and without userAgent',
    ];
    const subjects = ["AccessDeniedException", "AccessDenied", "Client.UnauthorizedOperation"];
    expect(verdict.missed).toEqual(subjects.map((code) => ({ eventName: `calls failing with ${code}`, kinds })));
  });

  test("two conditions on one field are not paired: a value cannot be two at once", () => {
    // Every call has a user agent other than "a" or other than "b" (no string is both): the clause holds for every
    // call that has one, and a call without userAgent fails it, a single change. No pair of values is tried in one
    // field, so nothing else is named.
    const verdict = misses(
      judgeCoverage(`{ (${OR}) && ($.userAgent != "a" || $.userAgent != "b") }`, cloudTrailChanges),
    );
    for (const missed of verdict.missed) expect(missed.kinds).toEqual(["calls without userAgent"]);
  });

  test("a pair is tried only where no single change misses: the single miss is reported alone", () => {
    // A call without userAgent fails `$.userAgent = "*"` whatever its region: the single change is the miss, and
    // no pair (with a region from `$.awsRegion != "us-east-1"`) is reported beside it.
    const verdict = misses(
      judgeCoverage(`{ (${OR}) && $.userAgent = "*" && ($.awsRegion != "us-east-1" || $.readOnly IS FALSE) }`, cloudTrailChanges),
    );
    for (const missed of verdict.missed) expect(missed.kinds).toEqual(["calls without userAgent"]);
  });

  test("CloudTrail's own calls: an event version the family lacks, with a user agent ending with beta", () => {
    // The family records these calls in event versions 1.05 to 1.11; a call recorded in "1.02" (an event version of
    // older records, CloudTrail "CloudTrail record contents": eventVersion is "the version of the log event format")
    // whose user agent ends with "beta", or which has none, fails both sides of the `||`. The version alone leaves
    // the user agent of the base record, which passes; so does the user agent alone.
    const clause = '($.eventVersion != "1.02" || $.userAgent != "*beta")';
    const verdict = misses(judgeCoverage(`{ (${OR}) && ${clause} }`, cloudTrailChanges));
    const kinds = [
      'calls whose eventVersion is "1.02" and whose userAgent ends with "beta"',
      'calls whose eventVersion is "1.02" and without userAgent',
    ];
    expect(verdict.missed).toEqual(FIVE.replace(" and", ",").split(", ").map((eventName) => ({ eventName, kinds })));
    expect(verdict.reason).toBe(`misses ${FIVE} ${kinds.join(" and ")}, because of \`${clause.slice(1, -1)}\``);
  });
});

describe("selectors, containers and the changes tried once", () => {
  // Each selector the pattern tests gets its own variants (a change is tried once: the same value at the same path);
  // containers get absent and null only where CloudTrail allows them, and a value built under a wildcard keeps the
  // container's documented type. AWS "Filter pattern syntax", JSON log events: NOT EXISTS holds only for what is
  // not there; `[0]` reaches the first element of an array; "the JSON wildcard to select any array element or any
  // JSON object field"; a selector pointing to an array or object satisfies no comparison, not even `= "*"`.

  test("$.event.Name is no eventName: a field CloudTrail does not document, tried as every type", () => {
    // eventName is the same for every call of an event (an invariant path, not varied); event.Name, the Name member
    // of an undocumented event object, is not it. A call that has event.Name, whatever its value, fails NOT EXISTS.
    const verdict = misses(judgeCoverage(`{ (${OR}) && $.event.Name NOT EXISTS }`, cloudTrailChanges));
    const kinds = everyTypeOf("event.Name");
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
  });

  test("two selectors with an index: each one's element is tried", () => {
    // foo and bar are undocumented; a call where either reaches an element fails its NOT EXISTS, and so the `&&`.
    const kinds = stopLoggingKinds("$.foo[0] NOT EXISTS && $.bar[0] NOT EXISTS");
    expect(kinds).toEqual([...everyTypeOf("foo[0]"), ...everyTypeOf("bar[0]")]);
  });

  test("two key paths that read alike without their dots (foo, fo.o): each one is tried", () => {
    // foo and fo.o are different fields (the o member of an fo object): a call that has either fails the `&&`.
    const kinds = stopLoggingKinds("$.foo NOT EXISTS && $.fo.o NOT EXISTS");
    expect(kinds).toEqual([...everyTypeOf("foo"), ...everyTypeOf("fo.o")]);
  });

  test("a key with a dot in it ($.['a.b']) is another field than the b member of a ($.a.b): each one is tried", () => {
    // Was a false pass (fixed 2026-12-03). `$.['a.b']` selects the top-level property named "a.b" (AWS "Filter pattern syntax", JSON
    // log events: `{ $.['cluster.name'] = "c" }` "matches a JSON property with a period (.) in the key"), `$.a.b`
    // the b member of a. On its own, `$.['a.b'] NOT EXISTS` is judged to miss calls that have an a.b property (an
    // undocumented field, tried as every type, as foo is). Here a call with an a.b property (say "zz-other") and no
    // x passes `$.x NOT EXISTS` and fails `$.['a.b'] NOT EXISTS`, so the `&&`: it is missed. But the two selectors'
    // conditions were grouped under one label, "a.b" (literalGroups keyed a key path by its names joined with dots),
    // so only a.b, the member of a, was varied, which the first clause lets through, and the pattern was judged
    // covering. (changeKey joined the same way: a change at ["a.b"] and one at ["a", "b"] with the same value were
    // tried only once.)
    expect(misses(judgeCoverage(`{ (${OR}) && $.['a.b'] NOT EXISTS }`, cloudTrailChanges)).reason).toMatch(
      /because of `\$\.\['a\.b'\] NOT EXISTS`$/,
    );
    const verdict = judgeCoverage(
      `{ (${OR}) && ($.x NOT EXISTS || $.a.b NOT EXISTS) && $.['a.b'] NOT EXISTS }`,
      cloudTrailChanges,
    );
    expect(misses(verdict).reason).toMatch(/because of `\$\.\['a\.b'\] NOT EXISTS`$/);
  });

  test("a key path is named with dots, a key with a dot in it in brackets", () => {
    // `$.requestParameters['zz']` is requestParameters.zz (a quoted key without a dot reads as the dotted path,
    // AWS "Filter pattern syntax"); `$.x['a.b']` holds a key with a dot, which only a bracketed key names (as
    // printed: `.['a.b']`).
    const reason = (clause: string) => misses(judgeCoverage(`{ (${OR}) && ${clause} }`, cloudTrailChanges)).reason;
    expect(reason("$.requestParameters['zz'] NOT EXISTS")).toContain("calls whose requestParameters.zz is ");
    expect(reason("$.x['a.b'] NOT EXISTS")).toContain("calls whose x.['a.b'] is null");
  });

  test("a key with a dot in it is undocumented, even when its text reads as a documented field", () => {
    // Was a false pass (fixed 2026-12-03). `$.['userIdentity.type']` is a top-level key of that name, which CloudTrail
    // documents no record to have; the documented field is `$.userIdentity.type`, a string. `= "*"` holds for any
    // value that exists but null, an object or an array (AWS "Filter pattern syntax": `*` matches any value, a
    // comparison no object), so a call whose key holds an object is missed, as with any undocumented key (foo.bar).
    // Read as userIdentity.type's spec (a string), the key was tried with strings only and the pattern judged covering.
    for (const key of ["userIdentity.type", "foo.bar"]) {
      const clause = `$.['${key}'] NOT EXISTS || $.['${key}'] = "*"`;
      expect(misses(judgeCoverage(`{ (${OR}) && (${clause}) }`, cloudTrailChanges)).reason).toContain(
        `calls whose ['${key}'] is an object`,
      );
    }
  });

  test("a member added to an object is another change than the object set to that value", () => {
    // additionalEventData is a documented optional object (CloudTrail record contents), which no record of the family
    // holds. Set to {} (a realistic value) it passes `$.additionalEventData.* NOT EXISTS` (no member to reach), as does
    // its absence; with a member added, whatever the member's value (an empty object too), both clauses fail.
    const kinds = stopLoggingKinds("($.additionalEventData NOT EXISTS || $.additionalEventData.* NOT EXISTS)");
    expect(kinds).toEqual(everyTypeOf("additionalEventData.*"));
  });

  test("a selector that reaches nothing in a documented string spends none of the budget", () => {
    // eventTime is a string in every call: `$.eventTime[0]` reaches nothing in any (an index reaches array elements
    // only), so its element is not tried; with one evaluation allowed (four attempts), the user agent's is.
    const pattern = `{ (${OR}) && $.eventTime[0] NOT EXISTS && $.userAgent != "*beta" }`;
    expect(misses(judgeCoverage(pattern, cloudTrailChanges, { maxVariantEvaluations: 1 })).reason).toBe(
      `misses ${FIVE} calls whose userAgent ends with "beta", because of \`$.userAgent != "*beta"\``,
    );
  });

  test("a documented array under .*: its element is tried in an array, which [0] reaches", () => {
    // resources is an array (CloudTrail record contents), optional, which the family lacks. `.*` reaches its elements
    // as `[*]` does; `$.resources[0] = "*"` holds for a first element that is a string, a number or a boolean, and for
    // none that is an object or an array (full or empty): a call whose resources hold such an element is missed. An
    // empty array or none at all passes `.* NOT EXISTS`; a null element is undecided.
    expect(stopLoggingKinds('($.resources.* NOT EXISTS || $.resources[0] = "*")')).toEqual([
      "calls whose resources.* is an object",
      "calls whose resources.* is an empty object",
      "calls whose resources.* is an array",
      "calls whose resources.* is an empty array",
    ]);
  });

  test("an undocumented field under .*: its member is tried in an object, which [0] does not reach", () => {
    // foo may be an object: `.*` reaches its member, `[0]` nothing, so a call whose foo is an object with a member
    // fails both clauses whatever the member. `[0]`'s own element is tried in an array, where `= "*"` fails only for
    // an object or an array.
    expect(stopLoggingKinds('($.foo.* NOT EXISTS || $.foo[0] = "*")')).toEqual([
      ...everyTypeOf("foo.*"),
      "calls whose foo[0] is an object",
      "calls whose foo[0] is an empty object",
      "calls whose foo[0] is an array",
      "calls whose foo[0] is an empty array",
    ]);
  });

  test("a container every call has is not tried absent: requestParameters of the five calls", () => {
    // CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging all take the trail's Name (CloudTrail API
    // Reference: Name, required), so requestParameters always holds it; `.*` reaches it, and a member added beside it
    // leaves it there.
    expect(judgeCoverage(`{ (${OR}) && $.requestParameters.* = "*" }`, cloudTrailChanges).verdict).toBe("covers");
  });

  test("an optional container is tried absent: failed sign-ins without additionalEventData", () => {
    // additionalEventData is optional (CloudTrail record contents); every failed sign-in of the family holds it
    // (LoginTo, MobileVersion, MFAUsed), so `.* = "*"` passes them all, and one recorded without it reaches nothing.
    const prescribed = consoleAuthenticationFailures.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const clause = '$.additionalEventData.* = "*"';
    expect(misses(judgeCoverage(`{ (${prescribed}) && ${clause} }`, consoleAuthenticationFailures)).reason).toBe(
      "misses failed ConsoleLogin calls by IAM users and failed ConsoleLogin calls by the root user without " +
        `additionalEventData, because of \`${clause}\``,
    );
  });

  test("a nullable container is tried null: failed sign-ins whose responseElements is null", () => {
    // responseElements may be null (CloudTrail record contents; the family's failed trail calls have it null); every
    // failed sign-in of the family holds {"ConsoleLogin": "Failure"}, which `.* = "Failure"` reaches, and a null one
    // has no member to reach.
    const prescribed = consoleAuthenticationFailures.prescribedPatterns[0].text.trim().slice(1, -1).trim();
    const clause = '$.responseElements.* = "Failure"';
    expect(misses(judgeCoverage(`{ (${prescribed}) && ${clause} }`, consoleAuthenticationFailures)).reason).toBe(
      "misses failed ConsoleLogin calls by IAM users and failed ConsoleLogin calls by the root user whose " +
        `responseElements is null, because of \`${clause}\``,
    );
  });
});

describe("variants past line 300 of variants.ts: placement, containers, candidates, words", () => {
  // AWS "Filter pattern syntax", JSON log events: an index (`[0]`) selects an element of an array ("The elements in
  // arrays follow a zero-based numbering system"); `.*` / `[*]` "select any array element or any JSON object field";
  // NOT EXISTS holds only for what is not there, IS NULL only for null, IS TRUE / IS FALSE only for a boolean; a
  // comparison holds for no object or array, and `= "*"` for any value that exists.

  test("an index past 1000 anywhere in the selector, not only at its end, leaves the verdict undecided", () => {
    // `$.foo[1001].bar` reaches bar in the 1002nd element of foo: a call whose foo holds that many objects with a bar
    // fails NOT EXISTS, and no such call is tried.
    expect(judgeCoverage(`{ (${OR}) && $.foo[1001].bar NOT EXISTS }`, cloudTrailChanges)).toEqual({
      verdict: "indeterminate",
      reason:
        "cannot tell whether the pattern matches every CloudTrail configuration change: $.foo[1001].bar reaches past " +
        "element 1000 of an array, and calls holding arrays that long are not tried",
    });
  });

  test("indexes in nested arrays: tried while the arrays built hold 1001 elements in all, undecided past it", () => {
    // `$.foo[30][31]` reaches an element of the 32-element array at element 30 of foo: 31 × 32 = 992 elements built.
    expect(stopLoggingKinds("$.foo[30][31] NOT EXISTS")).toEqual(everyTypeOf("foo[30][31]"));
    // `$.foo[40][40]`: 41 × 41 = 1681. A call holding such arrays fails NOT EXISTS, and none is tried.
    expect(judgeCoverage(`{ (${OR}) && $.foo[40][40] NOT EXISTS }`, cloudTrailChanges)).toEqual({
      verdict: "indeterminate",
      reason:
        "cannot tell whether the pattern matches every CloudTrail configuration change: $.foo[40][40] reaches into " +
        "nested arrays of 1681 elements in all (more than 1001), and calls holding arrays that large are not tried",
    });
  });

  test("a selector is named as printed, not as written: a pattern and its printed form name the same calls", () => {
    // `$.foo['x'][0]` and `$.foo.x[0]` are one selector (AWS "Filter pattern syntax": a key in brackets and quotes,
    // or after a dot); the printer writes a simple key after a dot.
    expect(stopLoggingKinds("$.foo['x'][0] NOT EXISTS")).toEqual(everyTypeOf("foo.x[0]"));
    expect(stopLoggingKinds("$.foo.x[0] NOT EXISTS")).toEqual(everyTypeOf("foo.x[0]"));
    // A key that needs brackets keeps them, after a dot: `.['a b']`.
    expect(stopLoggingKinds("$.foo['a b'][0] NOT EXISTS")).toEqual(everyTypeOf("foo.['a b'][0]"));
    // A key path without an index or a wildcard is named by its keys joined with dots (`dottedPathOf`), as the
    // documented fields are (userIdentity.type), a key with a blank too.
    expect(stopLoggingKinds("$.foo['a b'] NOT EXISTS")).toEqual(everyTypeOf("foo.a b"));
  });

  test("an index into a documented object (requestParameters) reaches nothing, however large: the pattern covers", () => {
    // requestParameters is a JSON object ("CloudTrail record contents": the parameters sent with the request); an
    // index reaches elements of arrays only, so `$.requestParameters[5000] NOT EXISTS` holds for every call.
    expect(judgeCoverage(`{ (${OR}) && $.requestParameters[5000] NOT EXISTS }`, cloudTrailChanges).verdict).toBe(
      "covers",
    );
  });

  test("a wildcard below a documented string (errorCode) reaches nothing: the pattern covers", () => {
    // errorCode is a string where present ("CloudTrail record contents": the AWS service error), absent from
    // successful calls; a string has no members, so `$.errorCode.*` reaches nothing in any call.
    expect(judgeCoverage(`{ (${OR}) && $.errorCode.* NOT EXISTS }`, cloudTrailChanges).verdict).toBe("covers");
  });

  test("`.*` below a documented array (resources) is tried in an array, which an index reaches too", () => {
    // resources is a JSON array ("CloudTrail record contents": "A list of resources accessed in the event"). A call
    // with one resource, of any value, fails both clauses: `.*` reaches it, and so does `[0]`. Those are the misses
    // named, as for `$.resources.* NOT EXISTS` alone; an object in place of the list is no CloudTrail record.
    const verdict = misses(
      judgeCoverage(`{ (${OR}) && ($.resources.* NOT EXISTS || $.resources[0] NOT EXISTS) }`, cloudTrailChanges),
    );
    const kinds = everyTypeOf("resources.*");
    expect(verdict.missed.map((missed) => missed.kinds)).toEqual([kinds, kinds, kinds, kinds, kinds]);
  });

  test("a null responseElements (DeleteTrail's) gets a member too, which `.* = \"*\"` may not hold for", () => {
    // CloudTrail writes responseElements as null for calls whose response has no elements (the family's DeleteTrail,
    // StartLogging and StopLogging records all hold null); a member added to it is reached by `.*`, and where that
    // member is an array, `= "*"` holds for nothing the selector reaches, and responseElements is no longer null.
    // Only these calls can show it: where responseElements holds the trail (CreateTrail's), its name is a string,
    // for which `= "*"` holds whatever is added beside it.
    const verdict = misses(
      judgeCoverage(`{ (${OR}) && ($.responseElements IS NULL || $.responseElements.* = "*") }`, cloudTrailChanges),
    );
    expect(verdict.missed.map((missed) => missed.eventName)).toEqual(FIVE.replace(" and", ",").split(", "));
    const deleteTrail = verdict.missed.find((missed) => missed.eventName === "DeleteTrail");
    expect(deleteTrail?.kinds).toContain("calls whose responseElements.* is an array");
  });

  test("a string compared with a documented boolean is not tried in it (isMultiRegionTrail)", () => {
    // CloudTrail API Reference, CreateTrail / UpdateTrail: IsMultiRegionTrail is a Boolean, absent when not sent.
    // Every call passes IS TRUE, IS FALSE or NOT EXISTS, so the `!= "yes"` beside them narrows nothing.
    const field = "$.requestParameters.isMultiRegionTrail";
    const pattern = `{ (${OR}) && (${field} IS TRUE || ${field} IS FALSE || ${field} NOT EXISTS || ${field} != "yes") }`;
    expect(judgeCoverage(pattern, cloudTrailChanges).verdict).toBe("covers");
  });

  test("an undocumented field: another string than the empty one the pattern names is tried", () => {
    // `$.foo = ""` holds for the empty string only; a call whose foo is any other string fails both clauses.
    expect(stopLoggingKinds('($.foo NOT EXISTS || $.foo = "")')).toContain("calls whose foo is another string");
  });

  test("an undocumented field tried as an object and an array: their member is no empty string", () => {
    // A foo with a member (object or array) that is a non-empty string fails all three clauses: it is not null,
    // `.*` reaches the member, which is not "". An empty object or array passes NOT EXISTS.
    const kinds = stopLoggingKinds('($.foo IS NULL || $.foo.* NOT EXISTS || $.foo.* = "")');
    expect(kinds).toContain("calls whose foo is an object");
    expect(kinds).toContain("calls whose foo is an array");
    expect(kinds).not.toContain("calls whose foo is an empty object");
    expect(kinds).not.toContain("calls whose foo is an empty array");
  });

  test('a required word stripped does not come back where its halves meet ("1122" in 111122223333)', () => {
    // The account ID 111122223333 holds "1122" once; with it taken out, "11" and "223333" meet as "11223333", which
    // holds "1122" again. A call of another account (444455556666, say, in userIdentity and recipientAccountId)
    // does not mention "1122".
    expect(misses(judgeCoverage('"cloudtrail" "1122"', cloudTrailChanges)).reason).toBe(
      `misses ${FIVE} calls that mention "1122" only in fields that vary and calls whose varying fields hold other ` +
        'values, because of `"1122"`',
    );
  });

  test('an excluded word is added to the user agent, not put in its place: -"beta" is blamed alone', () => {
    // A console sign-in is made in a browser, whose user agent ("CloudTrail record contents", userAgent; the
    // ConsoleLogin examples: "Mozilla/5.0 ...") every sign-in record holds and no other field does. A browser whose
    // user agent also holds "beta" (text the caller's software appends) still sends "Mozilla": the pattern misses
    // such a sign-in because of -"beta" alone, and misses one whose user agent lacks "Mozilla" because of "Mozilla".
    const pattern = '"ConsoleLogin" "Mozilla" -"beta"';
    expect(misses(judgeCoverage(pattern, consoleSignInWithoutMfa)).reason).toBe(
      'misses ConsoleLogin calls without MFA by IAM users: calls that mention "Mozilla" only in fields that vary and ' +
        'calls whose varying fields hold other values, because of `"Mozilla"`, and calls whose user agent contains ' +
        '"beta", because of `-"beta"`',
    );
  });

  test("a regex that only needs the region to be a word covers: no call has an empty awsRegion", () => {
    // awsRegion is always present and names a region ("CloudTrail record contents": e.g. us-east-2), so the text
    // after `"awsRegion":"` starts with a letter in every call; the event name before it is kept (every call of the
    // event has it). `\W{3}` is `","` and `":"` (AWS regular expressions: `\W`, `{n}`, `[...]`, `+`, `|`).
    const regex = "%[CUD][a-z]+Trail\\W{3}awsRegion\\W{3}\\w|Logging\\W{3}awsRegion\\W{3}\\w%";
    expect(judgeCoverage(regex, cloudTrailChanges).verdict).toBe("covers");
  });
});
