/**
 * Every CIS monitoring control on the coverage engine, from its data: each prescribed text is judged, with its
 * compact and reordered spellings, a superset that counts no routine record, and patterns narrowed the ways
 * filters are narrowed in practice. Expectations follow from the control definitions (lib/controls) and the CIS
 * texts they quote, not from the engine: a text covers unless it leaves out a call of the target set (the CIS v1.4
 * security-group text predates ModifySecurityGroupRules) or is marked as counting routine records.
 */
import { allControls, controlById } from "../../lib/controls";
import type { ControlDefinition, PrescribedPattern } from "../../lib/controls";
import { judgeCoverage } from "../../lib/coverage";
import type { CoverageVerdict } from "../../lib/coverage";

/** The target event names a control requires (optional ones aside); empty for targets not named by event. */
function requiredNames(control: ControlDefinition): readonly string[] {
  const target = control.target;
  if (target.kind !== "apiCalls") return [];
  return target.eventNames.filter((name) => !(target.optionalEventNames ?? []).includes(name));
}

/** The event names a text compares `$.eventName` with, quoted or not. */
function namesIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\.eventName\s*=\s*"?([A-Za-z]+)"?/g)].map((match) => match[1]));
}

/**
 * The text without whitespace, except inside double quotes (`"Failed authentication"`) and between two words, where
 * one space is needed (`$.userIdentity.invokedBy NOT EXISTS`).
 */
function compact(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (whole: string, quoted: string | undefined, offset: number) => {
    if (quoted !== undefined) return quoted;
    const between = /\w/.test(text[offset - 1] ?? "") && /\w/.test(text[offset + whole.length] ?? "");
    return between ? " " : "";
  });
}

/** The pattern's expression inside its braces. */
function inner(text: string): string {
  return text.trim().replace(/^\{/, "").replace(/\}$/, "").trim();
}

/** `{ ($.eventName = "A") || ... }` over the names, in reverse order and quoted, as Prowler's checks spell them. */
function reorderedOr(names: readonly string[]): string {
  return `{ ${[...names]
    .reverse()
    .map((name) => `($.eventName = "${name}")`)
    .join(" || ")} }`;
}

function plainOr(names: readonly string[]): string {
  return `{ ${names.map((name) => `($.eventName = ${name})`).join(" || ")} }`;
}

/** The texts a control's table judges: those not marked as counting routine records. */
function usable(control: ControlDefinition): readonly PrescribedPattern[] {
  return control.prescribedPatterns.filter((pattern) => pattern.countsRoutineRecords !== true);
}

/** What a prescribed text should give: covers, or misses naming the required calls it leaves out. */
function expectedFor(
  control: ControlDefinition,
  text: string,
): { verdict: "covers" } | { verdict: "misses"; names: string[] } {
  const named = namesIn(text);
  const left = requiredNames(control).filter((name) => !named.has(name));
  return left.length === 0 ? { verdict: "covers" } : { verdict: "misses", names: left };
}

function expectVerdict(verdict: CoverageVerdict, expected: ReturnType<typeof expectedFor>): void {
  if (expected.verdict === "covers") {
    expect(verdict).toMatchObject({ verdict: "covers" });
    return;
  }
  expect(verdict.verdict).toBe("misses");
  if (verdict.verdict === "misses") {
    expect(verdict.missed).toEqual(expected.names.map((eventName) => ({ eventName, kinds: ["all calls"] })));
  }
}

function reasonOf(verdict: CoverageVerdict): string {
  if (verdict.verdict !== "misses" && verdict.verdict !== "countsRoutine") {
    throw new Error(`expected a reason, got ${JSON.stringify(verdict)}`);
  }
  return verdict.reason;
}

/** A target call of another control (CloudTrail's CreateTrail, or for that control IAM's PutRolePolicy). */
function otherControlsCall(control: ControlDefinition): string {
  return control.id === "cloudtrail-changes" ? "PutRolePolicy" : "CreateTrail";
}

const table = allControls.flatMap((control) =>
  control.prescribedPatterns.map((pattern) => [control.id, pattern.documents.join(", "), control, pattern] as const),
);

describe("every prescribed text, with its compact spelling", () => {
  test.each(table)("%s, %s", (_id, _documents, control, pattern) => {
    if (pattern.countsRoutineRecords === true) {
      // Marked in the control data as matching nearly every record (e.g. 4.1's four clauses all joined by ||).
      expect(judgeCoverage(pattern.text, control).verdict).toBe("countsRoutine");
      expect(judgeCoverage(compact(pattern.text), control).verdict).toBe("countsRoutine");
      return;
    }
    const expected = expectedFor(control, pattern.text);
    expectVerdict(judgeCoverage(pattern.text, control), expected);
    expectVerdict(judgeCoverage(compact(pattern.text), control), expected);
  });
});

describe("reordered spellings and supersets that count no routine record", () => {
  const covering = allControls.flatMap((control) => {
    const text = usable(control).find((pattern) => expectedFor(control, pattern.text).verdict === "covers")?.text;
    return text === undefined ? [] : [[control.id, control, text] as const];
  });

  test("every control has a prescribed text that covers", () => {
    expect(covering.map(([id]) => id)).toEqual(allControls.map((control) => control.id));
  });

  test.each(covering)("%s: a superset (another control's call or'ed in) still covers", (_id, control, text) => {
    expect(
      judgeCoverage(`{ (${inner(text)}) || ($.eventName = ${otherControlsCall(control)}) }`, control).verdict,
    ).toBe("covers");
  });

  // Texts of one operator only: their operands commute (the others have the reordered OR of calls below).
  const singleOperator = covering.filter(([, , text]) => !(text.includes("&&") && text.includes("||")));
  test.each(singleOperator)("%s: the clauses of a covering text in reverse order still cover", (_id, control, text) => {
    const body = inner(text);
    const operator = body.includes("&&") ? "&&" : "||";
    const reversed = `{ ${body
      .split(operator)
      .map((operand) => operand.trim())
      .reverse()
      .join(` ${operator} `)} }`;
    expect(reversed).not.toBe(text);
    expect(judgeCoverage(reversed, control).verdict).toBe("covers");
  });

  const byName = allControls.filter((control) => requiredNames(control).length > 0);
  test.each(byName.map((control) => [control.id, control] as const))(
    "%s: the calls in reverse order, quoted, cover",
    (_id, control) => {
      expect(judgeCoverage(reorderedOr(requiredNames(control)), control).verdict).toBe("covers");
    },
  );

  test.each(byName.map((control) => [control.id, control] as const))(
    "%s: the calls and another configuration change of the control's own service still cover",
    (_id, control) => {
      // The negative controls' "another write" calls of each service (not targets, not routine): listed by hand from
      // lib/cloudtrail/calls; a service with none gets an unrecorded call of its API reference.
      const other: Record<string, string> = {
        "cloudtrail.amazonaws.com": "PutEventSelectors",
        "iam.amazonaws.com": "EnableMFADevice",
        "kms.amazonaws.com": "EnableKeyRotation",
        "s3.amazonaws.com": "PutBucketTagging",
        "config.amazonaws.com": "PutConfigRule",
        "ec2.amazonaws.com": "CreateTags",
        "organizations.amazonaws.com": "TagResource",
      };
      const target = control.target;
      if (target.kind !== "apiCalls") throw new Error("an API-call control");
      const text = `{ ($.eventSource = ${target.eventSource}) && (${inner(plainOr([...requiredNames(control), other[target.eventSource]]))}) }`;
      expect(judgeCoverage(text, control).verdict).toBe("covers");
    },
  );
});

describe("narrowed patterns miss, naming the calls", () => {
  const byName = allControls.filter((control) => requiredNames(control).length > 0);

  test.each(byName.map((control) => [control.id, control] as const))(
    "%s: leaving out one call misses it",
    (_id, control) => {
      const names = requiredNames(control);
      const left = names[names.length - 1];
      const verdict = judgeCoverage(plainOr(names.slice(0, -1)), control);
      expect(verdict).toMatchObject({ verdict: "misses", missed: [{ eventName: left, kinds: ["all calls"] }] });
      expect(reasonOf(verdict)).toMatch(new RegExp(`^misses all ${left} calls: no clause matches eventName ${left}`));
    },
  );

  // Every call of these services is made by callers other than IAM users and can fail (calls/: every write has
  // failures of its own, identities.ts: roles, the root user and AWS services call too).
  test.each(byName.map((control) => [control.id, control] as const))(
    "%s: `&& $.userIdentity.type = IAMUser` and `&& $.errorCode NOT EXISTS` miss every call",
    (_id, control) => {
      const names = requiredNames(control);
      for (const narrowing of ["$.userIdentity.type = IAMUser", "$.errorCode NOT EXISTS"]) {
        const verdict = judgeCoverage(`{ (${inner(plainOr(names))}) && ${narrowing} }`, control);
        expect(verdict.verdict).toBe("misses");
        if (verdict.verdict === "misses") expect(verdict.missed.map((missed) => missed.eventName)).toEqual(names);
        expect(reasonOf(verdict)).toContain(`because of \`${narrowing}\``);
      }
    },
  );

  test.each(
    byName.filter((control) => requiredNames(control).length > 1).map((control) => [control.id, control] as const),
  )("%s: && where || was meant misses every call", (_id, control) => {
    const names = requiredNames(control);
    const verdict = judgeCoverage(`{ ${names.map((name) => `($.eventName = ${name})`).join(" && ")} }`, control);
    expect(verdict.verdict).toBe("misses");
    if (verdict.verdict === "misses")
      expect(verdict.missed.every((missed) => missed.kinds[0] === "all calls")).toBe(true);
  });
});

describe("reasons, checked by hand, per kind of target", () => {
  test("API calls: the failing calls of both KMS calls, in one group", () => {
    // Both calls have failures of their own (NotFoundException, KMSInvalidStateException) and AccessDeniedException;
    // "calls that fail" is exactly the records with an errorCode.
    const kms = controlById("kms-key-disable-or-deletion");
    const verdict = judgeCoverage(
      "{ ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion) && $.errorCode NOT EXISTS }",
      kms,
    );
    expect(reasonOf(verdict)).toBe(
      "misses DisableKey and ScheduleKeyDeletion calls that fail, because of `$.errorCode NOT EXISTS`",
    );
  });

  test("security-group changes: the six-call CIS v1.4 text misses ModifySecurityGroupRules, and says why it counts", () => {
    const control = controlById("security-group-changes");
    const text = control.prescribedPatterns.find((pattern) => pattern.documents.includes("CIS v4.0.0"))?.text ?? "";
    const verdict = judgeCoverage(text, control);
    // The note is the control's eventNotes entry for ModifySecurityGroupRules (lib/controls/security-group-changes.ts).
    expect(reasonOf(verdict)).toBe(
      "misses all ModifySecurityGroupRules calls: no clause matches eventName ModifySecurityGroupRules " +
        "(ModifySecurityGroupRules: added in CIS v5.0.0; since July 2021 it changes security group rules in place, " +
        "without Authorize* or Revoke* calls)",
    );
  });

  test("VPC changes: a pattern without the four retired ClassicLink calls covers", () => {
    const names = [
      "CreateVpc",
      "DeleteVpc",
      "ModifyVpcAttribute",
      "AcceptVpcPeeringConnection",
      "CreateVpcPeeringConnection",
    ];
    const text = plainOr([...names, "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection"]);
    expect(judgeCoverage(text, controlById("vpc-changes")).verdict).toBe("covers");
  });

  test("console sign-in without MFA: sign-ins recorded outside us-east-1", () => {
    // An IAM user's sign-in is recorded in us-east-1, us-east-2, eu-north-1, ap-southeast-2 or a Regional endpoint's
    // Region (CloudTrail user guide, "AWS Management Console sign-in events"; calls/signin.ts).
    const verdict = judgeCoverage(
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.awsRegion = us-east-1) }',
      controlById("console-signin-without-mfa"),
    );
    expect(reasonOf(verdict)).toBe(
      "misses ConsoleLogin calls without MFA by IAM users outside us-east-1, because of `$.awsRegion = us-east-1`",
    );
  });

  test("console authentication failures: the root user's failed sign-ins", () => {
    // The target set covers IAM users and the root user (lib/controls/console-authentication-failures.ts).
    const verdict = judgeCoverage(
      '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") && ($.userIdentity.type = IAMUser) }',
      controlById("console-authentication-failures"),
    );
    expect(reasonOf(verdict)).toBe(
      "misses all failed ConsoleLogin calls by the root user, because of `$.userIdentity.type = IAMUser`",
    );
  });

  test("root activity: failing root calls, by the services that answer them", () => {
    // calls/root.ts: EnableMFADevice and CreateAccessKey (iam) and DescribeInstances (ec2) have errors of their own;
    // GetAccountSummary and ListBuckets none; a failed root sign-in has an errorMessage but no errorCode.
    const verdict = judgeCoverage(
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" && $.errorCode NOT EXISTS }',
      controlById("root-account-usage"),
    );
    expect(reasonOf(verdict)).toBe(
      "misses root calls to iam.amazonaws.com and ec2.amazonaws.com that fail, because of `$.errorCode NOT EXISTS`",
    );
  });

  test("root activity: a filter on API calls misses the root user's console sign-ins", () => {
    const verdict = judgeCoverage(
      '{ $.userIdentity.type = "Root" && $.eventType = "AwsApiCall" }',
      controlById("root-account-usage"),
    );
    expect(reasonOf(verdict)).toBe(
      'misses all root calls to signin.amazonaws.com, because of `$.eventType = "AwsApiCall"`',
    );
  });

  test("unauthorized API calls: AccessDenied* alone misses EC2's Client.UnauthorizedOperation", () => {
    const verdict = judgeCoverage('{ $.errorCode = "AccessDenied*" }', controlById("unauthorized-api-calls"));
    expect(reasonOf(verdict)).toBe(
      'misses all calls failing with Client.UnauthorizedOperation, because of `$.errorCode = "AccessDenied*"`',
    );
  });

  test("unauthorized API calls: IAM users' failures only, in every spelling", () => {
    // Roles, the root user and AWS services are refused too (identities.ts callers, calls/ access-denied shapes).
    const verdict = judgeCoverage(
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && $.userIdentity.type = IAMUser }',
      controlById("unauthorized-api-calls"),
    );
    expect(reasonOf(verdict)).toMatch(/^misses calls failing with [\w., ]+ by any caller other than an IAM user \(/);
    if (verdict.verdict === "misses") {
      expect(verdict.missed.map((missed) => missed.eventName).sort()).toEqual([
        "calls failing with AccessDenied",
        "calls failing with AccessDeniedException",
        "calls failing with Client.UnauthorizedOperation",
      ]);
    }
    expect(reasonOf(verdict)).toMatch(/, because of `\$\.userIdentity\.type = IAMUser`$/);
  });

  test("unauthorized API calls: && where || was meant misses every failure", () => {
    const verdict = judgeCoverage(
      '{ ($.errorCode = "*UnauthorizedOperation") && ($.errorCode = "AccessDenied*") }',
      controlById("unauthorized-api-calls"),
    );
    expect(verdict.verdict).toBe("misses");
    if (verdict.verdict === "misses")
      expect(verdict.missed.every((missed) => missed.kinds[0] === "all calls")).toBe(true);
  });

  test("unauthorized API calls: the CIS v1.4/v1.5 all-|| text matches nearly every record", () => {
    const control = controlById("unauthorized-api-calls");
    const text = control.prescribedPatterns.find((pattern) => pattern.documents.includes("CIS v1.5.0"))?.text ?? "";
    // `$.sourceIPAddress != "delivery.logs.amazonaws.com"` alone holds for every routine record.
    expect(reasonOf(judgeCoverage(text, control))).toMatch(/^matches nearly every record, routine \w+ calls by /);
    expect(reasonOf(judgeCoverage(text, control))).toMatch(
      /so the alarm sits in ALARM and a change made then notifies nobody$/,
    );
  });
});
