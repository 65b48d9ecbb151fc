/**
 * The last words a reason falls back on when no kind of call fits the missed calls: the value the missed calls hold
 * in the tested field (a variant's kind is named this way too), or an example record and a count. The texts are the
 * words a user reads in a `misses` reason.
 */
import type { FamilyRecord } from "../../lib/cloudtrail";
import { describeValue, sampleCount } from "../../lib/coverage/describe";
import { awsConfigChanges } from "../../lib/controls/aws-config-changes";
import { kmsKeyDisableOrDeletion } from "../../lib/controls/kms-key-disable-or-deletion";
import { CALLER_KINDS, FIVE, FIVE_NAMES_PARENTHESISED, missesOf, reasonOf } from "../helpers/coverage-verdicts";

describe("describeValue: the calls holding a value in a field", () => {
  test.each([
    ["absent", undefined, "calls without userAgent"],
    ["null", null, "calls whose userAgent is null"],
    ["a string, quoted as JSON", 'aws-cli/2 "beta"', 'calls whose userAgent is "aws-cli/2 \\"beta\\""'],
    ["an object", { zz: "zz" }, "calls whose userAgent is an object"],
    ["an empty object, said so (a selector below it reaches nothing)", {}, "calls whose userAgent is an empty object"],
    ["an array", ["zz"], "calls whose userAgent is an array"],
    ["an empty array, said so", [], "calls whose userAgent is an empty array"],
    ["a number", 1.08, "calls whose userAgent is 1.08"],
    ["a boolean", false, "calls whose userAgent is false"],
  ] as const)("%s", (_name, value, words) => {
    expect(describeValue(["userAgent"], value)).toBe(words);
  });

  test("a documented object CloudTrail may write empty is named so in a miss", () => {
    // tlsDetails is an object of string members (CloudTrail record contents); `{}` has it but no tlsVersion, so both
    // clauses fail on it: it is the empty object that is missed, not any object.
    const reason = reasonOf(`{ (${FIVE_NAMES_PARENTHESISED}) && ($.tlsDetails NOT EXISTS || $.tlsDetails.tlsVersion = "*") }`);
    expect(reason).toContain("calls whose tlsDetails is an empty object");
    expect(reason).not.toMatch(/tlsDetails is an object/);
  });

  test("a nested field is named by its dotted path", () => {
    expect(describeValue(["userIdentity", "type"], "SAMLUser")).toBe('calls whose userIdentity.type is "SAMLUser"');
  });
});

describe("sampleCount: an example record and how many of the sample calls were missed", () => {
  const record: FamilyRecord = {
    id: "StopLogging/root-console/success/1.08/arn/us-east-1",
    eventName: "StopLogging",
    subject: "StopLogging",
    kinds: [],
    kindsByAspect: { outcome: [], caller: [], client: [], trail: [], region: [], version: [] },
    record: { eventName: "StopLogging" },
    message: '{"eventName":"StopLogging"}',
  };

  test("one event: its sample calls", () => {
    expect(sampleCount(record, 23, 45)).toBe(
      "calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (23 of its 45 sample calls)",
    );
    expect(sampleCount(record, 23, 45, 1)).toBe(
      "calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (23 of its 45 sample calls)",
    );
  });

  test("several events: their sample calls", () => {
    expect(sampleCount(record, 3, 90, 2)).toBe(
      "calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (3 of their 90 sample calls)",
    );
  });

  test("no example record: none", () => {
    expect(sampleCount(undefined, 0, 45)).toBe("calls such as none (0 of its 45 sample calls)");
  });
});

/**
 * Whole reasons that fall back on these words. The counts follow from the family of the five CloudTrail calls (60
 * sample calls each, 12 in each of its five regions us-east-1, eu-west-1, ap-southeast-2, us-gov-west-1 and
 * cn-north-1; the root user's 4 calls in the first four of them; callers by userIdentity.type as in the CloudTrail
 * user guide, "CloudTrail userIdentity element": Root, IAMUser, AssumedRole, AWSService, Role, FederatedUser,
 * Directory, AWSAccount, Unknown) and from the filter pattern syntax (CloudWatch Logs user guide, "Filter pattern
 * syntax for metric filters, subscription filters, filter log events, and Live Tail": `&&` binds tighter than `||`).
 */
describe("a clause that rejects calls some other clause lets through is described by what the missed calls hold", () => {
  // CreateTrail is counted in us-east-1 and eu-west-1, or when the root user calls it: the missed calls are the
  // 11 + 11 + 12 = 34 non-root calls in the other three regions. Each of the two clauses also rejects calls the other
  // lets through, so neither clause's own words nor a kind of call (the region's, the caller's) names the missed calls.
  const pattern =
    "{ ($.eventName = CreateTrail && ($.awsRegion = us-east-1 || $.awsRegion = eu-west-1)) || " +
    "($.eventName = CreateTrail && $.userIdentity.type = Root) || $.eventName = UpdateTrail || " +
    "$.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging }";

  test("up to three values are listed, once each, in the order of the missed calls; more make a count", () => {
    // The region clause: the 34 calls hold three regions. The caller clause: they hold eight userIdentity types,
    // too many to list, so an example call (the first missed, an IAM user's in ap-southeast-2) and the count.
    expect(reasonOf(pattern)).toBe(
      'misses CreateTrail calls whose awsRegion is "ap-southeast-2", calls whose awsRegion is "us-gov-west-1" and ' +
        'calls whose awsRegion is "cn-north-1", because of `$.awsRegion = us-east-1 || $.awsRegion = eu-west-1`, and ' +
        "calls such as CreateTrail/iam-user-console/success/1.06/name/ap-southeast-2 (34 of its 60 sample calls), " +
        "because of `$.userIdentity.type = Root`",
    );
  });
});

describe("a clause whose missed calls are many whole kinds, and that has no words of its own", () => {
  test("the kinds are listed: the root user's and IAM users' calls are counted, every other caller's missed", () => {
    // An || over two fields has no words of its own. No call is in ca-central-1 (not a region of the family), so
    // the clause lets through exactly the root user's and IAM users' calls: the seven other callers are missed.
    const clause = "$.userIdentity.type = Root || $.userIdentity.type = IAMUser || $.awsRegion = ca-central-1";
    const verdict = missesOf(`{ (${FIVE_NAMES_PARENTHESISED}) && (${clause}) }`);
    expect(verdict.reason).toBe(
      `misses ${FIVE} calls by an assumed role, calls by an AWS service, calls by a role (userIdentity type Role) and ` +
        `4 more kinds, because of \`${clause}\``,
    );
    expect(verdict.missed[0]).toEqual({
      eventName: "CreateTrail",
      // Every caller but the root user and IAM users (the first two).
      kinds: CALLER_KINDS.slice(2),
    });
  });
});

describe("few whole kinds are listed; the calls but one kind are named as its complement only when they are many", () => {
  const names = FIVE_NAMES_PARENTHESISED;

  test("one kind missed (trails named by ARN), one let through: the missed kind is named, not 'other than by name'", () => {
    // CloudTrail API reference: UpdateTrail, DeleteTrail, StartLogging and StopLogging take the trail's name or its
    // ARN (`arn:aws:cloudtrail:...`); CreateTrail takes a name only, so it is never missed here.
    expect(reasonOf(`{ (${names}) && $.requestParameters.name != "arn:*" }`)).toBe(
      "misses UpdateTrail, DeleteTrail, StartLogging and StopLogging calls that name the trail by ARN, because of " +
        '`$.requestParameters.name != "arn:*"`',
    );
  });

  test("three kinds missed and one let through: the complement of the one, not the three", () => {
    // CloudTrail API reference: TrailNotFoundException is an error of UpdateTrail, DeleteTrail, StartLogging and
    // StopLogging, not of CreateTrail. The other outcomes of those four calls in the family (success, AccessDenied,
    // AccessDeniedException) are missed whole.
    expect(reasonOf(`{ (${names}) && $.errorCode = "TrailNotFoundException" }`)).toBe(
      'misses all CreateTrail calls, because of `$.errorCode = "TrailNotFoundException"`; misses UpdateTrail, ' +
        "DeleteTrail, StartLogging and StopLogging calls that do not fail with TrailNotFoundException, because of " +
        '`$.errorCode = "TrailNotFoundException"`',
    );
  });

  test("three kinds missed and two let through: the three are listed, without the clause's words", () => {
    // A regex searches the whole message; "east" is only in the names of us-east-1 and ap-southeast-2, so the calls
    // in the family's other three regions are missed, all of them.
    expect(reasonOf("%east%")).toBe(
      `misses ${FIVE} calls in eu-west-1, calls in us-gov-west-1 and calls in cn-north-1, because of \`%east%\``,
    );
  });
});

describe("examples of the missed calls when no kind is missed whole: the kinds mostly missed, most missed first", () => {
  test("no kind is missed for two thirds of its calls: no example", () => {
    // tlsDetails is recorded since event version 1.08 (CloudTrail record contents): 4 of the 7 versions the family's
    // records rotate through, so in each region, the only kind the field tells apart, fewer than two thirds.
    expect(reasonOf(`{ (${FIVE_NAMES_PARENTHESISED}) && $.tlsDetails.clientProvidedHostHeader NOT EXISTS }`)).toBe(
      `misses ${FIVE} calls that have tlsDetails.clientProvidedHostHeader, because of ` +
        "`$.tlsDetails.clientProvidedHostHeader NOT EXISTS`",
    );
  });

  test("the kinds with the larger share of missed calls come first", () => {
    // A regex searches the whole message, keys included. "deletion" is in ScheduleKeyDeletion's successful records
    // (responseElements.deletionDate, AWS KMS API reference, ScheduleKeyDeletion: DeletionDate), in the AWS CLI's
    // user agent for `aws kms schedule-key-deletion` (`command/kms.schedule-key-deletion`) and in the message of
    // KMSInvalidStateException (a key pending deletion). Of the family's 8 calls failing with NotFoundException
    // (4 per call) only one ScheduleKeyDeletion call is from the CLI: 7 of 8 missed; of the 8 failing with
    // AccessDeniedException two are: 6 of 8. Successful calls: 12 of 24, fewer than two thirds.
    expect(reasonOf("%deletion%", kmsKeyDisableOrDeletion)).toBe(
      "misses DisableKey and ScheduleKeyDeletion calls with no match for %deletion% (e.g. calls that fail with " +
        "NotFoundException, calls that fail with AccessDeniedException), because of `%deletion%`",
    );
  });
});

describe("the kinds that cover the missed calls: the largest first, and on a tie the broader kind met first", () => {
  test("calls made through CloudFormation, then AWS services' calls rather than AWS Control Tower's alone", () => {
    // CloudTrail user guide, "CloudTrail record contents": a call an AWS service makes has the service's DNS name as
    // sourceIPAddress. The family's calls from *.amazonaws.com: 16 made through CloudFormation (assumed roles and
    // AWS services invoked by cloudformation.amazonaws.com) and 7 by AWS Control Tower (userIdentity type
    // AWSService): once the 16 are named, "calls by an AWS service" and "calls made by AWS Control Tower" each name
    // the other 7, and the first, the broader, is kept.
    expect(
      reasonOf('{ ($.eventSource = config.amazonaws.com) && $.sourceIPAddress != "*.amazonaws.com" }', awsConfigChanges),
    ).toBe(
      "misses StopConfigurationRecorder, DeleteDeliveryChannel, PutDeliveryChannel and PutConfigurationRecorder calls " +
        'made through CloudFormation and calls by an AWS service, because of `$.sourceIPAddress != "*.amazonaws.com"`',
    );
  });
});
