/**
 * The CIS monitoring controls as data: the ids and references are the benchmark's, every prescribed pattern is a
 * valid filter pattern that names the calls its control targets, and every datum says where it was read.
 */
import { allControls, controlById, isControlId } from "../../lib/controls";
import type { ControlDefinition, ControlId } from "../../lib/controls";
import { matchFilterPattern, parseFilterPattern } from "../../lib/filter-pattern";

/**
 * The monitoring recommendations in CIS order with their numbers, checked by hand against: the CIS v1.2.0 and
 * v1.4.0 numbers in the "Related requirements" of each control in the AWS Security Hub user guide's CloudWatch
 * controls page (CloudWatch.1 ... CloudWatch.14; no control for Organizations); Steampipe's cis_v120 (3.1-3.14),
 * cis_v500 (4.1-4.15) and cis_v600 (5.1-5.15) benchmarks; Prowler's cis_5.0, cis_6.0 and cis_7.0 compliance files
 * (4.1-4.15 and 5.1-5.15, same titles in the same order).
 */
const EXPECTED: ReadonlyArray<readonly [ControlId, string | undefined, string, string, string | undefined]> = [
  ["unauthorized-api-calls", "3.1", "4.1", "5.1", "CloudWatch.2"],
  ["console-signin-without-mfa", "3.2", "4.2", "5.2", "CloudWatch.3"],
  ["root-account-usage", "3.3", "4.3", "5.3", "CloudWatch.1"],
  ["iam-policy-changes", "3.4", "4.4", "5.4", "CloudWatch.4"],
  ["cloudtrail-changes", "3.5", "4.5", "5.5", "CloudWatch.5"],
  ["console-authentication-failures", "3.6", "4.6", "5.6", "CloudWatch.6"],
  ["kms-key-disable-or-deletion", "3.7", "4.7", "5.7", "CloudWatch.7"],
  ["s3-bucket-policy-changes", "3.8", "4.8", "5.8", "CloudWatch.8"],
  ["aws-config-changes", "3.9", "4.9", "5.9", "CloudWatch.9"],
  ["security-group-changes", "3.10", "4.10", "5.10", "CloudWatch.10"],
  ["network-acl-changes", "3.11", "4.11", "5.11", "CloudWatch.11"],
  ["network-gateway-changes", "3.12", "4.12", "5.12", "CloudWatch.12"],
  ["route-table-changes", "3.13", "4.13", "5.13", "CloudWatch.13"],
  ["vpc-changes", "3.14", "4.14", "5.14", "CloudWatch.14"],
  ["organizations-changes", undefined, "4.15", "5.15", undefined],
];

/** The versions this data attributes texts to (CIS v1.3.0 introduced the Organizations recommendation). */
const CIS_VERSIONS = ["1.2.0", "1.3.0", "1.4.0", "1.5.0", "2.0.0", "3.0.0", "4.0.0", "5.0.0", "6.0.0", "7.0.0"];

/**
 * Versions with no recordable public text: Steampipe's v1.3.0 4.4 spells two selectors `$eventName` (no dot), its
 * v6.0.0 5.15 opens an unbalanced quote (`AcceptHandshake")`), and each is the only public copy.
 */
const UNRECORDED: ReadonlyArray<readonly [ControlId, string]> = [
  ["iam-policy-changes", "1.3.0"],
  ["organizations-changes", "1.2.0"],
  ["organizations-changes", "6.0.0"],
];

/** "CIS v1.4.0", "CIS v3.0.0 (audit procedure)", "Security Hub CloudWatch.5", "Security Hub CIS 3.2 (2020-2021)". */
const DOCUMENT =
  /^(CIS v\d\.\d\.\d( \(audit procedure\))?|Security Hub (CloudWatch\.\d{1,2}|CIS \d\.\d{1,2} \(\d{4}-\d{4}\)))$/;

/** CloudWatch Logs caps a filter pattern at 1024 characters (PutMetricFilter API reference, filterPattern). */
const MAX_PATTERN_LENGTH = 1024;

/** `name` as a whole word, so "CreatePolicy" is not found inside "CreatePolicyVersion". */
function namesLiterally(text: string, name: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9])${name.replace(/[.*]/g, "\\$&")}(?![A-Za-z0-9])`).test(text);
}

function countedPatterns(control: ControlDefinition): string[] {
  return control.prescribedPatterns.filter((pattern) => pattern.countsRoutineRecords !== true).map((p) => p.text);
}

function cisVersionsOf(control: ControlDefinition): Set<string> {
  const versions = new Set<string>();
  for (const pattern of control.prescribedPatterns) {
    for (const document of pattern.documents) {
      const match = /^CIS v(\d+\.\d+\.\d+)/.exec(document);
      if (match) versions.add(match[1]);
    }
  }
  return versions;
}

describe("the control list", () => {
  test("fifteen controls, ids unique, in CIS order with the benchmark's and Security Hub's numbers", () => {
    expect(allControls.map((control) => control.id)).toEqual(EXPECTED.map(([id]) => id));
    expect(new Set(allControls.map((control) => control.id)).size).toBe(15);
    for (const [id, cisV12, cisV14ToV5, cisV6ToV7, securityHub] of EXPECTED) {
      expect(controlById(id).references).toEqual({ cisV12, cisV14ToV5, cisV6ToV7, securityHub });
    }
  });

  test("controlById finds each control; isControlId accepts the ids and nothing else", () => {
    for (const [id] of EXPECTED) {
      expect(controlById(id).id).toBe(id);
      expect(isControlId(id)).toBe(true);
    }
    expect(isControlId("cloudtrail-configuration-changes")).toBe(false);
    expect(isControlId("toString")).toBe(false);
  });

  test("references are well formed: v1.2.0 3.n, v1.4.0-v5.0.0 4.n, v6.0.0-v7.0.0 5.n, CloudWatch.n", () => {
    for (const { references } of allControls) {
      if (references.cisV12 !== undefined) expect(references.cisV12).toMatch(/^3\.\d{1,2}$/);
      expect(references.cisV14ToV5).toMatch(/^4\.\d{1,2}$/);
      expect(references.cisV6ToV7).toBe(references.cisV14ToV5.replace(/^4\./, "5."));
      if (references.securityHub !== undefined) expect(references.securityHub).toMatch(/^CloudWatch\.\d{1,2}$/);
    }
  });
});

describe("the prescribed patterns", () => {
  test.each(allControls.map((control) => [control.id, control] as const))(
    "%s: non-empty, within 1024 characters, and valid filter patterns",
    (_id, control) => {
      expect(control.prescribedPatterns.length).toBeGreaterThan(0);
      for (const { text, documents, sources } of control.prescribedPatterns) {
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text.length).toBeLessThan(MAX_PATTERN_LENGTH);
        expect(parseFilterPattern(text).ok).toBe(true);
        expect(documents.length).toBeGreaterThan(0);
        for (const document of documents) {
          expect(document).toMatch(DOCUMENT);
        }
        expect(sources.length).toBeGreaterThan(0);
      }
    },
  );

  test("every control has a text for every CIS version it exists in, except the unrecordable ones", () => {
    for (const control of allControls) {
      const missing = CIS_VERSIONS.filter((version) => !cisVersionsOf(control).has(version));
      const expected = UNRECORDED.filter(([id]) => id === control.id).map(([, version]) => version);
      expect([control.id, missing]).toEqual([control.id, expected]);
    }
  });

  test("a control with a Security Hub id has the Security Hub spelling, and only such a control", () => {
    for (const control of allControls) {
      const documents = control.prescribedPatterns.flatMap((pattern) => pattern.documents);
      const securityHub = control.references.securityHub;
      if (securityHub === undefined) expect(documents.some((d) => d.startsWith("Security Hub"))).toBe(false);
      else expect(documents).toContain(`Security Hub ${securityHub}`);
    }
  });

  test("every target event name is named in a pattern that does not count routine records", () => {
    for (const control of allControls) {
      const texts = countedPatterns(control);
      const target = control.target;
      const literals =
        target.kind === "apiCalls"
          ? target.eventNames
          : target.kind === "failedAuthorization"
            ? target.errorCodePatterns
            : target.kind === "consoleSignIn"
              ? ["ConsoleLogin", ...(target.outcome === "failure" ? ["Failed authentication"] : ["Success"])]
              : ["Root", "AwsServiceEvent"];
      for (const literal of literals) {
        expect([control.id, literal, texts.some((text) => namesLiterally(text, literal))]).toEqual([
          control.id,
          literal,
          true,
        ]);
      }
    }
  });

  // ModifySecurityGroupRules is a target of security-group-changes although the texts most users have (CIS v1.2.0-
  // v4.0.0, Security Hub CloudWatch.10) leave it out: CIS added it in v5.0.0 (Steampipe's cis_v400 and cis_v500 4.10,
  // Prowler's cis_4.0 and cis_5.0), after AWS added the call in July 2021 (AWS News Blog, security group rule IDs).
  test("ModifySecurityGroupRules is named by the CIS v5.0.0-v7.0.0 texts only", () => {
    const control = controlById("security-group-changes");
    const naming = control.prescribedPatterns.filter((p) => namesLiterally(p.text, "ModifySecurityGroupRules"));
    expect(naming.flatMap((pattern) => pattern.documents)).toEqual(["CIS v5.0.0", "CIS v6.0.0", "CIS v7.0.0"]);
    expect(control.target.kind === "apiCalls" && control.target.eventNotes?.ModifySecurityGroupRules).toMatch(
      /CIS v5\.0\.0/,
    );
  });

  test("the ClassicLink calls (retired with EC2-Classic in August 2023) are the VPC control's optional calls", () => {
    const target = controlById("vpc-changes").target;
    expect(target.kind === "apiCalls" && target.optionalEventNames).toEqual([
      "AttachClassicLinkVpc",
      "DetachClassicLinkVpc",
      "DisableVpcClassicLink",
      "EnableVpcClassicLink",
    ]);
  });

  // A successful call by an IAM user: the CloudTrail user guide's StartInstances example record (CloudTrail log file
  // examples, Amazon EC2), compacted. No control targets it, so only a text that counts routine records matches it:
  // the CIS v1.3.0-v1.5.0 text of 4.1, where `($.sourceIPAddress!="delivery.logs.amazonaws.com")` is one `||` clause.
  const startInstances = JSON.stringify({
    eventVersion: "1.0",
    userIdentity: {
      type: "IAMUser",
      principalId: "EX_PRINCIPAL_ID",
      arn: "arn:aws:iam::123456789012:user/Alice",
      accessKeyId: "EXAMPLE_KEY_ID",
      accountId: "123456789012",
      userName: "Alice",
    },
    eventTime: "2014-03-06T21:22:54Z",
    eventSource: "ec2.amazonaws.com",
    eventName: "StartInstances",
    awsRegion: "us-east-2",
    sourceIPAddress: "205.251.233.176",
    userAgent: "ec2-api-tools 1.6.12.2",
    requestParameters: { instancesSet: { items: [{ instanceId: "i-ebeaf9e2" }] } },
    responseElements: {
      instancesSet: {
        items: [
          {
            instanceId: "i-ebeaf9e2",
            currentState: { code: 0, name: "pending" },
            previousState: { code: 80, name: "stopped" },
          },
        ],
      },
    },
  });

  test("only the texts marked as counting routine records match a routine successful call", () => {
    const matching: string[] = [];
    const marked: string[] = [];
    for (const control of allControls) {
      for (const pattern of control.prescribedPatterns) {
        const result = matchFilterPattern(pattern.text, startInstances);
        expect(result.ok).toBe(true);
        if (result.ok && result.outcome === "match") matching.push(`${control.id}: ${pattern.documents.join(", ")}`);
        if (pattern.countsRoutineRecords === true) marked.push(`${control.id}: ${pattern.documents.join(", ")}`);
      }
    }
    expect(matching).toEqual(marked);
    expect(marked).toEqual([
      "unauthorized-api-calls: CIS v1.3.0, CIS v1.4.0, CIS v1.5.0",
      "unauthorized-api-calls: CIS v1.4.0 (audit procedure), CIS v1.5.0 (audit procedure)",
    ]);
  });

  // The route-table audit text of CIS v3.0.0-v7.0.0 puts `($.eventSource = ec2.amazonaws.com) &&` before seven
  // `||`-joined clauses without parentheses; a call of each name, made through EC2, matches it however it binds.
  test("the route-table texts that mix && and || still match each of the seven calls", () => {
    const control = controlById("route-table-changes");
    const mixed = control.prescribedPatterns.filter((pattern) => pattern.text.includes("&&"));
    expect(mixed.map((pattern) => pattern.documents[0])).toEqual([
      "CIS v3.0.0 (audit procedure)",
      "CIS v4.0.0 (audit procedure)",
    ]);
    const names = control.target.kind === "apiCalls" ? control.target.eventNames : [];
    expect(names).toHaveLength(7);
    for (const pattern of mixed) {
      for (const eventName of names) {
        const record = JSON.stringify({ eventSource: "ec2.amazonaws.com", eventName, sourceIPAddress: "192.0.2.1" });
        const result = matchFilterPattern(pattern.text, record);
        expect([eventName, result]).toEqual([eventName, { ok: true, outcome: "match" }]);
      }
    }
  });
});

describe("targets, fix-snippet names and sources", () => {
  test("optional and annotated calls are calls of the target set", () => {
    for (const { target } of allControls) {
      if (target.kind !== "apiCalls") continue;
      expect(new Set(target.eventNames).size).toBe(target.eventNames.length);
      for (const name of target.optionalEventNames ?? []) expect(target.eventNames).toContain(name);
      for (const name of Object.keys(target.eventNotes ?? {})) expect(target.eventNames).toContain(name);
    }
  });

  // Counted by hand in the CIS text (Steampipe's cis_v500 4.4, 4.8, 4.15 and 4.10; Prowler's cis_5.0 4.13, 4.14).
  test("the target sets have the sizes of the CIS lists", () => {
    const sizes = allControls.map((c) => [c.id, c.target.kind === "apiCalls" ? c.target.eventNames.length : 0]);
    expect(Object.fromEntries(sizes)).toMatchObject({
      "iam-policy-changes": 16,
      "cloudtrail-changes": 5,
      "kms-key-disable-or-deletion": 2,
      "s3-bucket-policy-changes": 9,
      "aws-config-changes": 4,
      "security-group-changes": 7,
      "network-acl-changes": 6,
      "network-gateway-changes": 6,
      "route-table-changes": 7,
      "vpc-changes": 11,
      "organizations-changes": 18,
    });
  });

  // Cloud Conformity's rule CWL-003 names its alarm "CloudTrail Changes"; Security Hub's CloudWatch.5 remediation
  // suggests the alarm name CIS-4.5-CloudTrailChanges; the CloudTrail user guide's alarm examples use the
  // CloudTrailMetrics namespace.
  test("the CloudTrail control keeps the names its fix snippets already use", () => {
    const control = controlById("cloudtrail-changes");
    expect(control.metric).toEqual({ name: "CloudTrailChanges", namespace: "CloudTrailMetrics" });
    expect(control.alarmName).toBe("CloudTrail Changes");
  });

  test("metric and alarm names are unique, and metric names are valid CloudWatch names without spaces", () => {
    expect(new Set(allControls.map((c) => c.metric.name)).size).toBe(15);
    expect(new Set(allControls.map((c) => c.alarmName)).size).toBe(15);
    for (const { metric } of allControls) expect(metric.name).toMatch(/^[A-Za-z0-9]{1,255}$/);
  });

  test("every source has a title and an https URL; every definition cites at least two", () => {
    for (const control of allControls) {
      expect(control.sources.length).toBeGreaterThanOrEqual(2);
      const all = [...control.sources, ...control.prescribedPatterns.flatMap((pattern) => pattern.sources)];
      for (const { title, url } of all) {
        expect(title.trim().length).toBeGreaterThan(0);
        expect(new URL(url).protocol).toBe("https:");
        expect(url).not.toMatch(/\s/);
      }
    }
  });
});
