import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { allControls } from "../../lib/controls";
import { targetEventNames, targetEventSources } from "../../lib/controls/target";
import { buildTargetFamily } from "../../lib/cloudtrail/families";
import {
  aspectsOfPath,
  buildEventFamily,
  CALLER_IDENTITIES,
  complementNamesCallers,
  complementOfKind,
  KIND_ASPECTS,
  pluralCaller,
  shortKindList,
} from "../../lib/cloudtrail";
import type { EventFamily } from "../../lib/cloudtrail";

describe("kinds by aspect", () => {
  // Built before each test, not when the file is read: Stryker credits a mutant to the tests during which its code ran
  // (beforeEach runs inside its test), so a family built at top level would leave this file out of every mutant's run.
  let family: EventFamily;
  beforeEach(() => {
    family = buildEventFamily({
      eventSource: targetEventSources(cloudTrailChanges.target)[0],
      eventNames: targetEventNames(cloudTrailChanges.target),
    });
  });

  test("every record's kinds are its kinds by aspect, in aspect order", () => {
    for (const record of family.positives) {
      expect(record.kinds).toEqual(KIND_ASPECTS.flatMap((aspect) => record.kindsByAspect[aspect]));
    }
  });

  test("each aspect holds the kinds it should", () => {
    const record = family.positives.find((r) =>
      r.id.startsWith("StopLogging/assumed-role-saml-console/access-denied/"),
    );
    expect(record).toBeDefined();
    const { outcome, caller, client, trail, region, version } = record!.kindsByAspect;
    expect(outcome).toEqual(["calls that fail", "calls that fail with AccessDenied"]);
    expect(caller).toEqual(["calls by an assumed role", "calls by a SAML-federated role"]);
    expect(client).toEqual(["console calls"]);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatch(/^calls that name the trail by (ARN|name)$/);
    expect(region).toEqual([`calls in ${record!.record.awsRegion as string}`]);
    expect(version).toEqual([`event version ${record!.record.eventVersion as string} records`]);
  });

  test("CreateTrail names no existing trail, so it has no trail kind", () => {
    for (const record of family.positives.filter((r) => r.eventName === "CreateTrail"))
      expect(record.kindsByAspect.trail).toEqual([]);
  });

  test("caller identities split their kinds into caller and client kinds", () => {
    for (const identity of CALLER_IDENTITIES) {
      expect([...identity.callerKinds, ...identity.clientKinds]).toEqual(identity.kinds);
      for (const kind of identity.clientKinds) expect(["console calls", "CLI calls", "SDK calls"]).toContain(kind);
    }
    const directory = CALLER_IDENTITIES.find((identity) => identity.key === "directory");
    expect(directory?.clientKinds).toEqual([]);
  });
});

describe("aspectsOfPath", () => {
  test.each([
    [["userIdentity", "type"], ["caller"]],
    [["userIdentity", "sessionContext", "attributes", "mfaAuthenticated"], ["caller"]],
    [["sourceIPAddress"], ["caller"]],
    [["errorCode"], ["outcome"]],
    [["errorMessage"], ["outcome"]],
    [["responseElements"], ["outcome"]],
    [["awsRegion"], ["region"]],
    [["tlsDetails", "clientProvidedHostHeader"], ["region"]],
    [["eventVersion"], ["version"]],
    [["userAgent"], ["client"]],
    [["requestParameters", "name"], ["trail"]],
    [["requestParameters", "s3BucketName"], []],
    // The trail name is a string: a path below it is in no record and tells no kind apart.
    [["requestParameters", "name", "trailName"], []],
    [["recipientAccountId"], []],
    [["eventName"], []],
    [[], []],
  ])("%j tells apart %j", (path, aspects) => {
    expect(aspectsOfPath(path)).toEqual(aspects);
  });

  test("tlsDetails tells event versions and callers apart; only its host header tells regions apart", () => {
    // CloudTrail writes tlsDetails from event version 1.08 on, and not for calls an AWS service makes (identities.ts,
    // `hasTlsDetails`); the TLS version and cipher suite are the caller's; the host header is the regional endpoint.
    for (const path of [["tlsDetails"], ["tlsDetails", "tlsVersion"], ["tlsDetails", "cipherSuite"]]) {
      expect([...aspectsOfPath(path)].sort()).toEqual(["caller", "version"]);
    }
    expect(aspectsOfPath(["tlsDetails", "clientProvidedHostHeader"])).toEqual(["region"]);
    expect(aspectsOfPath(["additionalEventData", "clientProvidedHostHeader"])).toEqual([]);
  });
});

describe("the kinds the families name", () => {
  // complementOfKind and shortKindList are written for these shapes (docs/mutation/cloudtrail.md rests on them):
  // each begins with the words that tell its form, and none holds a line break.
  const SHAPES = [
    /^successful calls$/,
    /^calls that fail$/,
    /^calls that fail with [A-Za-z.]+$/,
    /^calls by (an? [A-Za-z -]+( \(userIdentity type [A-Za-z]+\))?|the root user)$/,
    /^calls in [a-z]+(-[a-z]+)+-\d$/,
    /^event version \d\.\d\d records$/,
    /^(console|CLI|SDK) calls$/,
    /^calls that name the trail by (ARN|name)$/,
    /^calls (from another AWS account|made by AWS Control Tower|made through CloudFormation)$/,
  ];

  test("every kind of every control's family has one of the shapes", () => {
    const kinds = new Set(
      allControls.flatMap((control) =>
        buildTargetFamily(control.target).positives.flatMap((record) =>
          KIND_ASPECTS.flatMap((aspect) => record.kindsByAspect[aspect]),
        ),
      ),
    );
    expect(kinds.size).toBeGreaterThan(100);
    expect([...kinds].filter((kind) => !SHAPES.some((shape) => shape.test(kind)))).toEqual([]);
  });
});

describe("words for kinds", () => {
  test.each([
    ["calls by an IAM user", "calls by any caller other than an IAM user"],
    ["calls by the root user", "calls by any caller other than the root user"],
    ["calls in us-east-1", "calls outside us-east-1"],
    ["event version 1.08 records", "records of event versions other than 1.08"],
    ["calls that fail with AccessDenied", "calls that do not fail with AccessDenied"],
    ["successful calls", "calls that fail"],
    ["calls that fail", "successful calls"],
    ["console calls", "calls other than console calls"],
  ])("the complement of %s is %s", (kind, complement) => {
    expect(complementOfKind(kind)).toBe(complement);
  });

  test("only caller complements call for examples", () => {
    expect(complementNamesCallers("calls by an IAM user")).toBe(true);
    expect(complementNamesCallers("calls in us-east-1")).toBe(false);
  });

  test.each([
    ["an assumed role", "assumed roles"],
    ["an AWS service", "AWS services"],
    ["a role (userIdentity type Role)", "roles (userIdentity type Role)"],
    ["an unknown identity", "unknown identities"],
    // A y before the last letter is no plural ending.
    ["a Directory user", "Directory users"],
    ["a web-identity-federated role", "web-identity-federated roles"],
    ["the root user", "the root user"],
  ])("plural of %s is %s", (caller, plural) => {
    expect(pluralCaller(caller)).toBe(plural);
  });

  test("a list of caller kinds writes `calls by` once, or not at all", () => {
    const kinds = ["calls by the root user", "calls by an assumed role", "calls by an AWS service"];
    expect(shortKindList(kinds, false)).toBe("calls by the root user, assumed roles, AWS services");
    expect(shortKindList(kinds, true)).toBe("the root user, assumed roles, AWS services");
  });

  test("an empty list is empty, with or without the caller prefix", () => {
    expect(shortKindList([], false)).toBe("");
    expect(shortKindList([], true)).toBe("");
  });

  test("a mixed list stays as it is", () => {
    expect(shortKindList(["calls made through CloudFormation", "calls by an AWS service"], true)).toBe(
      "calls made through CloudFormation, calls by an AWS service",
    );
  });
});
