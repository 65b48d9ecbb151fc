/**
 * The console sign-in records and family (lib/cloudtrail/families/sign-in-record.ts, sign-in.ts) against the
 * CloudTrail user guide's "AWS Management Console sign-in events" page: ConsoleLogin from signin.amazonaws.com, an
 * AwsConsoleSignIn event with requestParameters null, the outcome in responseElements.ConsoleLogin ("Success" or
 * "Failure"), additionalEventData with LoginTo, MobileVersion and MFAUsed ("Yes" or "No"), an errorMessage ("Failed
 * authentication") on a refused sign-in; and against the CIS AWS Foundations Benchmark's filters that count them:
 * "console sign-in without MFA" (`$.eventName = "ConsoleLogin"` and `$.additionalEventData.MFAUsed != "Yes"`, from
 * v1.4.0 also `$.userIdentity.type = "IAMUser"` and `$.responseElements.ConsoleLogin = "Success"`) and "console
 * authentication failures" (`$.eventName = ConsoleLogin` and `$.errorMessage = "Failed authentication"`).
 */
import { CONSOLE_SIGN_IN_VARIANTS } from "../../lib/cloudtrail/calls";
import type { ConsoleSignInVariant } from "../../lib/cloudtrail/calls";
import { buildSignInFamily, signInRecords } from "../../lib/cloudtrail/families/sign-in";
import { BROWSER_AGENTS, signInRecord, signInRegions } from "../../lib/cloudtrail/families/sign-in-record";
import { CALLER_IDENTITIES } from "../../lib/cloudtrail/identities";
import { pluralCaller } from "../../lib/cloudtrail/kinds";
import { ACCOUNT_ID, EVENT_VERSIONS } from "../../lib/cloudtrail/records";
import { getAtPath } from "../../lib/cloudtrail";
import type { EventFamily } from "../../lib/cloudtrail";
import { controlById } from "../../lib/controls";
import type { TargetSet } from "../../lib/controls/types";
import { text, recordOf } from "../helpers/records";

type SignInTarget = Extract<TargetSet, { kind: "consoleSignIn" }>;

/** The family of a control about console sign-ins (CIS "console sign-in without MFA", "authentication failures"). */
const familyOf = (id: "console-signin-without-mfa" | "console-authentication-failures"): EventFamily => {
  const target = controlById(id).target;
  if (target.kind !== "consoleSignIn") throw new Error(`${id} is not about console sign-ins`);
  return buildSignInFamily(target);
};
/** Every successful sign-in, whoever signs in, and every failed one: all the variants' records between them. */
const EVERY_SUCCESS: SignInTarget = {
  kind: "consoleSignIn",
  outcome: "success",
  identityTypes: ["IAMUser", "Root", "AssumedRole", "FederatedUser"],
};
const variantOf = (key: string): ConsoleSignInVariant => {
  const variant = CONSOLE_SIGN_IN_VARIANTS.find((candidate) => candidate.key === key);
  if (variant === undefined) throw new Error(`no sign-in variant ${key}`);
  return variant;
};
// "CloudTrail record contents": eventID is a GUID; eventTime is UTC to the second; sourceIPAddress is the IP address
// the request was made from (the sign-in examples print IPv4 addresses such as 192.0.2.0).
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

// Records and families are built inside each test: Stryker credits a mutant only to the tests during which its code
// ran, and the pack's memo tables are emptied before each test of a mutation run.
describe("signInRecord", () => {
  test("each variant's record, in each Region and event version, has the fields the guide's sign-in examples print", () => {
    for (const variant of CONSOLE_SIGN_IN_VARIANTS) {
      for (const region of signInRegions(variant)) {
        for (const eventVersion of EVENT_VERSIONS) {
          const record = signInRecord({ index: 3, variant, region, eventVersion, userAgent: BROWSER_AGENTS[1] });
          const where = { variant: variant.key, region, eventVersion };
          expect({ ...where, record }).toMatchObject({
            ...where,
            record: {
              eventVersion,
              eventSource: "signin.amazonaws.com",
              eventName: "ConsoleLogin",
              awsRegion: region,
              userAgent: BROWSER_AGENTS[1],
              eventType: "AwsConsoleSignIn",
              recipientAccountId: ACCOUNT_ID,
              responseElements: { ConsoleLogin: variant.outcome === "failure" ? "Failure" : "Success" },
            },
          });
          expect(record.eventTime).toEqual(expect.stringMatching(TIME));
          expect(record.eventID).toEqual(expect.stringMatching(GUID));
          const ip = IPV4.exec(text(record.sourceIPAddress));
          expect(ip?.slice(1).every((octet) => Number(octet) <= 255)).toBe(true);
          // The guide's sign-in examples print "requestParameters": null.
          expect(record).toHaveProperty("requestParameters", null);
          expect(record).not.toHaveProperty("requestID");
          expect(record).not.toHaveProperty("errorCode");
          // A refused sign-in carries an errorMessage ("Failed authentication"), a successful one none.
          expect(record.errorMessage).toBe(variant.errorMessage);
          expect(getAtPath(record, ["additionalEventData", "MFAUsed"])).toMatch(/^(Yes|No)$/);
          // "CloudTrail record contents": managementEvent (true for a management event) since 1.06, eventCategory
          // ("Management") since 1.07, readOnly since 1.08 (false for ConsoleLogin in the guide's examples).
          const version = Number(eventVersion);
          expect(record.managementEvent).toBe(version >= 1.06 ? true : undefined);
          expect(record.eventCategory).toBe(version >= 1.07 ? "Management" : undefined);
          expect(record.readOnly).toBe(version >= 1.08 ? false : undefined);
        }
      }
    }
  });

  test("the identity and extra data name the account, partition and Region, with no placeholder left", () => {
    // The guide's examples: an IAM user's arn is `arn:aws:iam::<account>:user/<name>`, the root user's
    // `arn:aws:iam::<account>:root`, and userIdentity.accountId the account signed in to.
    for (const variant of CONSOLE_SIGN_IN_VARIANTS) {
      const record = signInRecord({
        index: 0,
        variant,
        region: "eu-west-1",
        eventVersion: "1.08",
        userAgent: BROWSER_AGENTS[0],
      });
      expect(JSON.stringify(record)).not.toMatch(/\$\{|undefined/);
      expect(getAtPath(record, ["userIdentity", "accountId"])).toBe(ACCOUNT_ID);
    }
    const arnOf = (key: string) =>
      getAtPath(
        signInRecord({ index: 0, variant: variantOf(key), region: "us-east-1", eventVersion: "1.08", userAgent: "" }),
        ["userIdentity", "arn"],
      );
    expect(arnOf("iam-user-without-mfa")).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/anaya`);
    expect(arnOf("root-without-mfa")).toBe(`arn:aws:iam::${ACCOUNT_ID}:root`);
  });

  test("records at different positions are different events", () => {
    // "CloudTrail record contents": eventID is a GUID generated by CloudTrail "to uniquely identify each event".
    const variant = variantOf("iam-user-without-mfa");
    const ids = Array.from(
      { length: 40 },
      (_, index) =>
        signInRecord({ index, variant, region: "us-east-1", eventVersion: "1.09", userAgent: BROWSER_AGENTS[0] })
          .eventID,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("signInRecords", () => {
  test("one variant's records: every Region it is recorded in at least twice, every event version, ids of their own", () => {
    // sign-in.ts, signInRecords: "each region it is recorded in, at least twice, rotating event versions and
    // browsers (at least as many records as event versions)". The guide: an IAM user's sign-in is recorded in
    // us-east-1, us-east-2, eu-north-1, ap-southeast-2 or a Regional sign-in endpoint's Region; the root user's in
    // us-east-1.
    for (const variant of CONSOLE_SIGN_IN_VARIANTS) {
      const records = signInRecords(variant, 0, "a subject");
      const regions = signInRegions(variant);
      for (const region of regions) {
        const inRegion = records.filter((record) => record.record.awsRegion === region);
        expect({ variant: variant.key, region, twice: inRegion.length >= 2 }).toEqual({
          variant: variant.key,
          region,
          twice: true,
        });
      }
      expect(new Set(records.map((record) => record.record.eventVersion))).toEqual(new Set(EVENT_VERSIONS));
      expect(new Set(records.map((record) => record.record.awsRegion))).toEqual(new Set(regions));
      // family-types.ts, FamilyRecord.id: "a stable, readable id", its parts slash-separated
      // (`StopLogging/assumed-role-cli/access-denied/1.08/arn/eu-west-1`): here the variant, version and Region.
      const ids = records.map((record) => record.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { id, record } of records) {
        expect(id.split("/")).toEqual([variant.key, record.eventVersion, record.awsRegion]);
      }
    }
    const root = signInRecords(variantOf("root-failed"), 0, "a subject");
    expect(new Set(root.map((record) => record.record.awsRegion))).toEqual(new Set(["us-east-1"]));
    const iamUser = signInRecords(variantOf("iam-user-failed"), 0, "a subject");
    for (const region of ["us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2"]) {
      expect(iamUser.filter((record) => record.record.awsRegion === region).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("the sign-in families", () => {
  test("each sign-in is told as a console call, its outcome, and its caller in the words of that caller's API calls", () => {
    // A sign-in is an AwsConsoleSignIn event (the guide), so a console call; a refused one is a call that fails,
    // though it has no errorCode (family-record.ts: kinds such as `calls that fail`, `console calls`). The same
    // userIdentity.type makes the same kind of caller whatever the call (CloudTrail user guide, "userIdentity
    // element": type), so a sign-in's caller kind is that of the API-calling identities of its type.
    const apiCallerOf: Record<string, string> = {
      IAMUser: "iam-user-console",
      Root: "root-console",
      AssumedRole: "assumed-role-saml-console",
      FederatedUser: "federated-user",
    };
    const successes = buildSignInFamily(EVERY_SUCCESS);
    const failures = buildSignInFamily({
      kind: "consoleSignIn",
      outcome: "failure",
      identityTypes: ["IAMUser", "Root"],
    });
    const types = new Set(successes.positives.map(({ record }) => getAtPath(record, ["userIdentity", "type"])));
    expect(types).toEqual(new Set(Object.keys(apiCallerOf)));
    expect(failures.positives.length).toBeGreaterThan(0);
    for (const [family, outcome] of [
      [successes, "successful calls"],
      [failures, "calls that fail"],
    ] as const) {
      for (const { record, kindsByAspect, subject } of family.positives) {
        const type = text(getAtPath(record, ["userIdentity", "type"]));
        const apiCaller = CALLER_IDENTITIES.find((caller) => caller.key === apiCallerOf[type]);
        expect(apiCaller).toBeDefined();
        const caller = apiCaller?.callerKinds[0] ?? "";
        expect({ type, kinds: kindsByAspect }).toMatchObject({
          type,
          kinds: {
            outcome: [outcome],
            caller: [caller],
            client: ["console calls"],
            region: [`calls in ${text(record.awsRegion)}`],
            version: [`event version ${text(record.eventVersion)} records`],
          },
        });
        // sign-in.ts, signInLabel: `ConsoleLogin calls without MFA by IAM users`, `failed ConsoleLogin calls by the
        // root user`: the subject names the callers as the kind names one of them (kinds.ts, pluralCaller).
        const mfa = getAtPath(record, ["additionalEventData", "MFAUsed"]) === "No" ? "without MFA" : "with MFA";
        const calls = outcome === "calls that fail" ? "failed ConsoleLogin calls" : `ConsoleLogin calls ${mfa}`;
        expect(subject).toBe(`${calls} by ${pluralCaller(caller.replace(/^calls by /, ""))}`);
      }
    }
  });

  test("the family of a sign-in control: ConsoleLogin calls a filter names, kept fields that decide membership", () => {
    for (const id of ["console-signin-without-mfa", "console-authentication-failures"] as const) {
      const family = familyOf(id);
      // family-types.ts: eventNames, "every event name of the positives, in order"; namedByEvent, whether the target
      // records are "calls a filter names (API calls, console sign-ins)". CIS names ConsoleLogin in both filters.
      expect(family.eventNames).toEqual([...new Set(family.positives.map((record) => record.eventName))]);
      expect(family.eventNames).toEqual(["ConsoleLogin"]);
      expect(family.namedByEvent).toBe(true);
      expect(family.subjectStyle).toBe("label");
      expect(family.subjects).toEqual([...new Set(family.positives.map((record) => record.subject))]);
      // keptPaths: "the invariant ones and those that decide membership". CIS's filters decide by the identity type,
      // the outcome, MFAUsed and the errorMessage.
      for (const path of [
        ...family.invariantPaths,
        "eventSource",
        "eventName",
        "userIdentity.type",
        "responseElements.ConsoleLogin",
        "additionalEventData.MFAUsed",
        "errorMessage",
      ]) {
        expect({ path, kept: family.keptPaths.has(path) }).toEqual({ path, kept: true });
      }
      const ids = family.positives.map((record) => record.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test("the negatives: the other sign-ins and CheckMfa, recorded as sign-ins are, and near misses of ConsoleLogin", () => {
    // sign-in.ts: "the other variants (and CheckMfa) are negative controls". The guide: sign-in events are
    // recorded with eventSource signin.amazonaws.com, the root user's in us-east-1; CheckMfa is another sign-in
    // event (an AwsConsoleSignIn event of signin.amazonaws.com). negatives.ts, nameNegatives: "`first` misspelled and
    // lower-cased, `last` upper-cased and from another event source (each a record `recordOf` makes with that source
    // and name), an Insights event about `last`, and a plain-text line naming it".
    const family = familyOf("console-signin-without-mfa");
    const byId = new Map(family.negatives.map((negative) => [negative.id, negative]));
    expect(byId.size).toBe(family.negatives.length);
    const others = CONSOLE_SIGN_IN_VARIANTS.filter((variant) => variant.key !== "iam-user-without-mfa");
    const descriptions = new Set<string>();
    for (const variant of others) {
      const negative = byId.get(`sign-in/${variant.key}`);
      expect({ variant: variant.key, found: negative !== undefined }).toEqual({ variant: variant.key, found: true });
      if (negative === undefined) continue;
      // family-types.ts, NegativeControl.description: `a read: GetTrailStatus`, what the negative is.
      expect(negative.description).toContain(variant.description);
      descriptions.add(negative.description);
      const record = recordOf(negative.message);
      expect(record).toMatchObject({
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        userIdentity: { type: variant.identityType },
        responseElements: variant.responseElements,
        additionalEventData: { MFAUsed: variant.additionalEventData.MFAUsed },
      });
      expect(family.membership(record ?? {})).toBe("outside");
    }
    expect(descriptions.size).toBe(others.length);
    const checkMfa = byId.get("sign-in/CheckMfa");
    expect(checkMfa?.description).toMatch(/CheckMfa/);
    expect(recordOf(checkMfa?.message ?? "")).toMatchObject({
      eventSource: "signin.amazonaws.com",
      eventName: "CheckMfa",
      eventType: "AwsConsoleSignIn",
      responseElements: { CheckMfa: "Success" },
    });
    const renamed: Record<string, [string, string]> = {
      "near-miss/ConsoleLogins": ["signin.amazonaws.com", "ConsoleLogins"],
      "case/consolelogin": ["signin.amazonaws.com", "consolelogin"],
      "case/CONSOLELOGIN": ["signin.amazonaws.com", "CONSOLELOGIN"],
      "other-source/ConsoleLogin": ["example.amazonaws.com", "ConsoleLogin"],
    };
    for (const [id, [eventSource, eventName]] of Object.entries(renamed)) {
      // Each the sign-in record of an IAM user without MFA, renamed.
      expect({ id, record: recordOf(byId.get(id)?.message ?? "") }).toMatchObject({
        id,
        record: {
          eventSource,
          eventName,
          userIdentity: { type: "IAMUser" },
          eventType: "AwsConsoleSignIn",
          responseElements: { ConsoleLogin: "Success" },
          additionalEventData: { MFAUsed: "No" },
        },
      });
    }
    expect(recordOf(byId.get("insights/ConsoleLogin")?.message ?? "")).toMatchObject({
      insightDetails: { eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin" },
    });
    // Every sign-in-shaped negative is recorded as a sign-in is: in us-east-1 (where the root user's and the global
    // endpoint's sign-ins are recorded), at an event version CloudTrail writes, with managementEvent and
    // eventCategory as that version has them, a GUID eventID of its own.
    const eventIds: unknown[] = [];
    for (const negative of family.negatives) {
      const record = recordOf(negative.message);
      if (record === undefined || record.eventType !== "AwsConsoleSignIn") continue;
      expect({ id: negative.id, record }).toMatchObject({
        id: negative.id,
        record: {
          awsRegion: "us-east-1",
          eventVersion: expect.stringMatching(/^1\.(0[5-9]|1\d)$/),
          managementEvent: true,
          eventCategory: "Management",
        },
      });
      expect(record.eventID).toEqual(expect.stringMatching(GUID));
      eventIds.push(record.eventID);
    }
    expect(eventIds.length).toBe(others.length + 1 + Object.keys(renamed).length);
    expect(new Set(eventIds).size).toBe(eventIds.length);
  });
});
