import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { iamPolicyChanges } from "../../lib/controls/iam-policy-changes";
import type { ControlDefinition } from "../../lib/controls/types";
import { snippetPattern, targetEventNames } from "../../lib/controls/target";
import { callShapeOf } from "../../lib/cloudtrail/calls";
import { judgeCoverage } from "../../lib/coverage";
import { parseFilterPattern, printFilterPattern } from "../../lib/filter-pattern";
import type { RoutineCall } from "../../lib/coverage";
import type { CoverageVerdict } from "../../lib/coverage";
// Imported with the others, not inside its test: a module first loaded inside a test makes Stryker credit that one
// test with every module-level value it loads (here all fifteen controls' data, lib/controls), and a mutation run
// then tries those values against it alone (docs/mutation-testing.md, ignoreStatic).
import { benchCases, worstCaseJsonPattern } from "../../bench/filter-pattern";

// The event names are read inside the tests that use them, not when the file is read: Stryker credits a mutant to the
// tests during which its code ran, so a value computed at top level would leave this file out of its run.
const FIVE = "CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging";
const CANONICAL_OR = "($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)";

/** The trails record write events only (a management-event selector with readOnly false): no routine read. */
function writesOnly(call: RoutineCall): boolean {
  return callShapeOf(call.eventSource, call.eventName)?.readOnly === false;
}

function judge(pattern: string): CoverageVerdict {
  return judgeCoverage(pattern, cloudTrailChanges);
}

function reasonOf(verdict: CoverageVerdict): string {
  if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${JSON.stringify(verdict)}`);
  return verdict.reason;
}

describe("judgeCoverage: patterns that cover the five calls", () => {
  // The canonical pattern is written by the pack inside its test (a row holds the call, not its result), for the same
  // reason as NAMES above.
  const covering: ReadonlyArray<readonly [string, string | (() => string)]> = [
    ["canonical CIS pattern", () => snippetPattern(cloudTrailChanges)],
    ["compact form", "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}"],
    [
      "CDK-quoted form",
      '{ (($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ($.eventName = "StartLogging") || ($.eventName = "StopLogging")) }',
    ],
    ["reordered", "{ ($.eventName = StopLogging) || ($.eventName = StartLogging) || ($.eventName = DeleteTrail) || ($.eventName = UpdateTrail) || ($.eventName = CreateTrail) }"],
    ["unparenthesised", "{ $.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging }"],
    ["with && eventSource", `{ ($.eventSource = cloudtrail.amazonaws.com) && (${CANONICAL_OR}) }`],
    ["with quoted eventSource after", `{ (${CANONICAL_OR}) && ($.eventSource = "cloudtrail.amazonaws.com") }`],
    ["broader: optional terms", "?CreateTrail ?UpdateTrail ?DeleteTrail ?StartLogging ?StopLogging"],
    ["a field every call has, tested for presence", `{ (${CANONICAL_OR}) && $.userIdentity.type = * }`],
  ];
  test.each(covering)("%s covers", (_name, row) => {
    const pattern = typeof row === "string" ? row : row();
    expect(judge(pattern).verdict).toBe("covers");
  });

  // Broader patterns that match CloudTrail's routine reads (DescribeTrails, GetTrail, ...: routine/governance.ts)
  // cover only where the trails do not record reads; judged with reads recorded they count routine records.
  const broaderOverReads: ReadonlyArray<readonly [string, string]> = [
    ["eventSource only", "{ $.eventSource = cloudtrail.amazonaws.com }"],
    ["suffix wildcards", "{ $.eventName = *Trail || $.eventName = *Logging }"],
    ["regex value", "{ $.eventName = %Trail$|Logging$% }"],
  ];
  test.each(broaderOverReads)("broader (%s): covers where reads are not recorded, counts routine reads where they are", (_name, pattern) => {
    expect(judgeCoverage(pattern, cloudTrailChanges, { recorded: writesOnly }).verdict).toBe("covers");
    expect(judge(pattern).verdict).toBe("countsRoutine");
  });

  test("a standalone %Trail|Logging% counts the log streams CloudTrail itself creates, even where only writes are recorded", () => {
    // CloudTrail names its log streams account_CloudTrail_region (CloudTrail user guide, "CloudWatch log group and log
    // stream naming"), so its routine CreateLogStream record holds "Trail" (calls/logs.ts, routine/workloads.ts).
    const verdict = judgeCoverage("%Trail|Logging%", cloudTrailChanges, { recorded: writesOnly });
    expect(verdict.verdict).toBe("countsRoutine");
    if (verdict.verdict === "countsRoutine") expect(verdict.routine.eventName).toBe("CreateLogStream");
  });

  test("a broader pattern reports how many negative controls it also matched", () => {
    const verdict = judgeCoverage("{ $.eventSource = cloudtrail.amazonaws.com }", cloudTrailChanges, { recorded: writesOnly });
    expect(verdict.verdict).toBe("covers");
    if (verdict.verdict !== "covers") return;
    // Every negative control with eventSource cloudtrail.amazonaws.com: 6 reads, 5 writes, 3 near-miss names.
    expect(verdict.broaderThanRequired?.matched).toBe(14);
    expect(verdict.broaderThanRequired?.examples).toContain("a read: DescribeTrails");
  });

  test("the canonical pattern is not broader except for the same name from another source", () => {
    const verdict = judge(snippetPattern(cloudTrailChanges));
    if (verdict.verdict !== "covers") throw new Error("expected covers");
    expect(verdict.broaderThanRequired?.matched).toBe(1);
    expect(verdict.broaderThanRequired?.examples[0]).toMatch(/another event source/);
  });
});

describe("judgeCoverage: patterns that miss calls, with the reason", () => {
  test("a missing event", () => {
    const verdict = judge("{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }");
    expect(reasonOf(verdict)).toBe("misses all StopLogging calls: no clause matches eventName StopLogging");
    if (verdict.verdict === "misses") expect(verdict.missed).toEqual([{ eventName: "StopLogging", kinds: ["all calls"] }]);
  });

  test("a misspelled event name points at the nearest clause", () => {
    const reason = reasonOf(judge(CANONICAL_OR.replace("StopLogging)", "StopLoging)").replace(/^/, "{ ").concat(" }")));
    expect(reason).toBe("misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `$.eventName = StopLoging`)");
  });

  test("a mis-cased event name says values are case-sensitive", () => {
    const reason = reasonOf(judge(`{ ${CANONICAL_OR.replace("= StopLogging", "= stoplogging")} }`));
    expect(reason).toContain("misses all StopLogging calls");
    expect(reason).toContain("`$.eventName = stoplogging` differs only in case");
  });

  test("an && contradiction blames the other clause", () => {
    const reason = reasonOf(judge("{ $.eventName = CreateTrail && $.eventName = UpdateTrail }"));
    expect(reason).toContain("misses all CreateTrail calls, because of `$.eventName = UpdateTrail`");
    expect(reason).toContain("misses all UpdateTrail calls, because of `$.eventName = CreateTrail`");
    expect(reason).toContain("misses all DeleteTrail, StartLogging and StopLogging calls: no clause matches");
  });

  test("$.errorCode NOT EXISTS misses every call that fails", () => {
    const verdict = judge(`{ (${CANONICAL_OR}) && $.errorCode NOT EXISTS }`);
    expect(reasonOf(verdict)).toBe(`misses ${FIVE} calls that fail, because of \`$.errorCode NOT EXISTS\``);
    if (verdict.verdict === "misses") {
      expect(verdict.missed).toHaveLength(5);
      expect(verdict.missed[4]).toEqual({ eventName: "StopLogging", kinds: ["calls that fail"] });
    }
  });

  test("narrowing one event only names that event", () => {
    const reason = reasonOf(
      judge("{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging && $.errorCode NOT EXISTS) }"),
    );
    expect(reason).toBe("misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`");
  });

  test("$.userIdentity.type != SAMLUser narrows although no family record is a SAMLUser", () => {
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && $.userIdentity.type != SAMLUser }`));
    expect(reason).toBe(`misses ${FIVE} calls whose userIdentity.type is "SAMLUser", because of \`$.userIdentity.type != SAMLUser\``);
  });

  test("$.awsRegion = us-east-1 misses the other regions, named as calls outside us-east-1", () => {
    const NAMES = targetEventNames(cloudTrailChanges.target);
    const verdict = judge(`{ (${CANONICAL_OR}) && $.awsRegion = us-east-1 }`);
    expect(reasonOf(verdict)).toBe(`misses ${FIVE} calls outside us-east-1, because of \`$.awsRegion = us-east-1\``);
    if (verdict.verdict === "misses") expect(verdict.missed.map((m) => m.eventName)).toEqual([...NAMES]);
  });

  test("$.sourceIPAddress != 10.* misses calls from 10.x addresses", () => {
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && $.sourceIPAddress != 10.* }`));
    expect(reason).toContain('calls whose sourceIPAddress starts with "10."');
    expect(reason).toContain("because of `$.sourceIPAddress != 10.*`");
  });

  test("a presence test on an optional field misses calls without it", () => {
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && $.userAgent = * }`));
    expect(reason).toBe(`misses ${FIVE} calls without userAgent, because of \`$.userAgent = *\``);
  });

  test("a quoted \"%Trail%\" is a literal, not a regex", () => {
    const reason = reasonOf(judge('{ $.eventName = "%Trail%" }'));
    expect(reason).toContain(`misses all ${FIVE} calls: no clause matches`);
    expect(reason).toContain('`$.eventName = "%Trail%"` is a quoted literal, not a regex');
  });

  test("a standalone %Trail% misses StartLogging and StopLogging calls whose text lacks Trail", () => {
    const verdict = judge("%Trail%");
    expect(reasonOf(verdict)).toContain("because of `%Trail%`");
    if (verdict.verdict === "misses") expect(verdict.missed.map((m) => m.eventName)).toEqual(["StartLogging", "StopLogging"]);
  });

  test("an excluded term a caller can slip into the user agent is an evasion", () => {
    const reason = reasonOf(judge('"cloudtrail.amazonaws.com" -SAMLUser'));
    expect(reason).toContain('calls whose user agent contains "SAMLUser"');
    expect(reason).toContain("because of `-SAMLUser`");
  });

  test("an excluded term present in failing calls", () => {
    // "AccessDenied" is in the errorCode of both spellings of CloudTrail's authorization failure (AccessDenied and
    // AccessDeniedException, calls/cloudtrail.ts) and in no other field of these records ("is not authorized ...").
    const reason = reasonOf(judge('"cloudtrail.amazonaws.com" -AccessDenied'));
    expect(reason).toBe(
      `misses ${FIVE} calls that fail with AccessDenied and calls that fail with AccessDeniedException, because of \`-AccessDenied\``,
    );
  });
});

describe("judgeCoverage: reasons name the missed calls by the field the blamed clause tests", () => {
  const UNPARENTHESISED_OR =
    "$.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging";

  test("$.userIdentity.type = IAMUser: every caller but an IAM user, in one group for the five events", () => {
    const NAMES = targetEventNames(cloudTrailChanges.target);
    const verdict = judge(`{ (${UNPARENTHESISED_OR}) && $.userIdentity.type = IAMUser }`);
    // The family's callers other than IAM users, in the family's order: the root user, assumed roles, AWS services,
    // roles, federated users, ...; the reason shows three and "...".
    const kind = "calls by any caller other than an IAM user (the root user, assumed roles, AWS services, ...)";
    expect(reasonOf(verdict)).toBe(`misses ${FIVE} ${kind}, because of \`$.userIdentity.type = IAMUser\``);
    if (verdict.verdict === "misses") expect(verdict.missed).toEqual(NAMES.map((eventName) => ({ eventName, kinds: [kind] })));
  });

  test("$.userAgent != \"*console*\": described by the user agent, never by incidental kinds", () => {
    // The root user, the SAML role and the Directory user call with console.amazonaws.com; the IAM user's console
    // calls say signin.amazonaws.com, so "console calls" is an example, not the whole story.
    const reason = reasonOf(judge(`{ (${UNPARENTHESISED_OR}) && $.userAgent != "*console*" }`));
    expect(reason).toBe(`misses ${FIVE} calls whose userAgent contains "console" (e.g. console calls), because of \`$.userAgent != "*console*"\``);
    expect(reason).not.toMatch(/event version|calls in /);
  });

  test("&& binds tighter than ||: $.awsRegion = us-east-1 narrows StopLogging only", () => {
    const reason = reasonOf(judge(`{ ${UNPARENTHESISED_OR} && $.awsRegion = us-east-1 }`));
    expect(reason).toBe("misses StopLogging calls outside us-east-1, because of `$.awsRegion = us-east-1`");
  });

  test("two narrowing clauses: one sentence, each clause with the calls it misses, in the pattern's order", () => {
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && $.errorCode NOT EXISTS && $.userIdentity.type != Root }`));
    expect(reason).toBe(
      `misses ${FIVE} calls that fail, because of \`$.errorCode NOT EXISTS\`, and calls by the root user, because of \`$.userIdentity.type != Root\``,
    );
  });

  test("each event is told its own story when the clauses differ per event", () => {
    const reason = reasonOf(
      judge(
        "{ ($.eventName = CreateTrail && $.errorCode NOT EXISTS) || ($.eventName = UpdateTrail && $.awsRegion = us-east-1) || $.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging }",
      ),
    );
    expect(reason).toBe(
      "misses CreateTrail calls that fail, because of `$.errorCode NOT EXISTS`; misses UpdateTrail calls outside us-east-1, because of `$.awsRegion = us-east-1`",
    );
  });

  test("$.errorCode = AccessDenied: every call but those failing with AccessDenied", () => {
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && $.errorCode = AccessDenied }`));
    expect(reason).toBe(`misses ${FIVE} calls that do not fail with AccessDenied, because of \`$.errorCode = AccessDenied\``);
  });

  test("an || of values on one field: neither/nor, with the callers it misses", () => {
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && ($.userIdentity.type = IAMUser || $.userIdentity.type = Root) }`));
    expect(reason).toBe(
      `misses ${FIVE} calls whose userIdentity.type is neither "IAMUser" nor "Root" (calls by assumed roles, AWS services, roles (userIdentity type Role), ...), because of \`$.userIdentity.type = IAMUser || $.userIdentity.type = Root\``,
    );
  });

  test("a prefix on the caller ARN: the clause's words, with callers it misses entirely as examples", () => {
    // Assumed roles and federated users have sts ARNs, services none; IAM users in GovCloud and China have other
    // partitions, so no set of caller kinds is exactly the missed calls.
    const reason = reasonOf(judge(`{ (${CANONICAL_OR}) && $.userIdentity.arn = "arn:aws:iam::*" }`));
    expect(reason).toBe(
      `misses ${FIVE} calls whose userIdentity.arn does not start with "arn:aws:iam::" (e.g. calls by assumed roles, AWS services), because of \`$.userIdentity.arn = "arn:aws:iam::*"\``,
    );
  });

  test("a required term: the calls that lack it, named by the field that holds it (userIdentity.type)", () => {
    // "IAMUser" is in IAM users' records and in the federated user's session issuer: no single kind is let through.
    const reason = reasonOf(judge('"cloudtrail.amazonaws.com" "IAMUser"'));
    expect(reason).toBe(`misses ${FIVE} calls that do not mention "IAMUser" (calls by the root user, assumed roles, AWS services, ...), because of \`"IAMUser"\``);
  });

  test("an excluded term held by the user agent", () => {
    const reason = reasonOf(judge('"cloudtrail.amazonaws.com" -console'));
    expect(reason).toBe(`misses ${FIVE} calls that mention "console" (e.g. console calls), because of \`-console\``);
  });

  test("a standalone regex: the calls with no match", () => {
    expect(reasonOf(judge("%Trail%"))).toBe("misses StartLogging and StopLogging calls with no match for %Trail%, because of `%Trail%`");
  });

  test("several events with no clause: their eventName, said once", () => {
    expect(reasonOf(judge("{ $.eventName = *Trail }"))).toBe("misses all StartLogging and StopLogging calls: no clause matches their eventName");
  });

  test.each([
    `{ (${CANONICAL_OR}) && $.userIdentity.type = IAMUser }`,
    `{ (${CANONICAL_OR}) && $.userAgent != "*console*" }`,
    `{ (${CANONICAL_OR}) && $.errorCode != AccessDenied }`,
    `{ (${CANONICAL_OR}) && $.responseElements IS NULL }`,
    `{ (${CANONICAL_OR}) && $.requestParameters.name = management-events }`,
    `{ (${CANONICAL_OR}) && $.userIdentity.invokedBy NOT EXISTS && $.errorCode NOT EXISTS }`,
    '"cloudtrail.amazonaws.com" -AccessDenied',
  ])("every kind in missed[] is written in the reason, and the reason is one line: %s", (pattern) => {
    const verdict = judge(pattern);
    if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${verdict.verdict}`);
    for (const { kinds } of verdict.missed) for (const kind of kinds) expect(verdict.reason).toContain(kind);
    expect(verdict.reason).not.toMatch(/\n/);
    expect(verdict.reason.length).toBeLessThanOrEqual(300);
  });
});

describe("judgeCoverage: invalid and indeterminate", () => {
  test("an unparsable pattern is invalid with the parser's error", () => {
    const verdict = judge("{ $.eventName = CreateTrail ");
    expect(verdict.verdict).toBe("invalid");
    if (verdict.verdict === "invalid") expect(verdict.error.message).toMatch(/^Invalid metric filter pattern/);
  });

  test("a single-quoted value is invalid", () => {
    expect(judge("{ $.eventName = 'CreateTrail' }").verdict).toBe("invalid");
  });

  test("an infix wildcard on eventName is indeterminate, naming the rule", () => {
    const verdict = judgeCoverage("{ $.eventName = Cre*Trail || $.eventName = *Trail || $.eventName = *Logging }", cloudTrailChanges, {
      recorded: writesOnly,
    });
    // CreateTrail matches *Trail anyway, so the OR is true; use a pattern where only the infix clause could match.
    expect(verdict.verdict).toBe("covers");
    const undecided = judge(`{ ($.eventName = Create*Trail) || ${CANONICAL_OR.replace("($.eventName = CreateTrail) || ", "")} }`);
    expect(undecided.verdict).toBe("indeterminate");
    if (undecided.verdict === "indeterminate") {
      expect(undecided.reason).toContain("CreateTrail");
      expect(undecided.reason).toContain("* in the middle");
    }
  });

  test("a definite miss wins over an indeterminate record", () => {
    // Failing calls are a definite miss (false && anything); the infix wildcard alone is only indeterminate.
    const verdict = judge("{ (($.eventName = Create*Trail) || ($.eventName = UpdateTrail)) && $.errorCode NOT EXISTS }");
    expect(verdict.verdict).toBe("misses");
    expect(reasonOf(verdict)).toContain("because of `$.errorCode NOT EXISTS`");
  });
});

describe("judgeCoverage: the control decides the family", () => {
  /** The CloudTrail control with another list of required calls (the family is built from the control's target). */
  function withNames(eventNames: readonly string[]): ControlDefinition {
    return { ...cloudTrailChanges, target: { kind: "apiCalls", eventSource: "cloudtrail.amazonaws.com", eventNames } };
  }

  test("the required names come from the control", () => {
    expect(judgeCoverage("{ $.eventName = CreateTrail }", withNames(["CreateTrail"])).verdict).toBe("covers");
    expect(judgeCoverage("{ $.eventName = CreateTrail }", withNames(["CreateTrail", "DeleteTrail"])).verdict).toBe("misses");
  });

  test("another control's event source builds its own family", () => {
    const control: ControlDefinition = {
      ...iamPolicyChanges,
      target: { kind: "apiCalls", eventSource: "iam.amazonaws.com", eventNames: ["DeleteGroupPolicy"] },
    };
    const verdict = judgeCoverage("{ $.eventSource = iam.amazonaws.com && $.eventName = DeleteGroupPolicy }", control);
    expect(verdict.verdict).toBe("covers");
  });
});

describe("judgeCoverage: robustness and the bench patterns", () => {
  test.each([
    "{ $.* = CreateTrail }",
    "{ $.requestParameters.tagsList[0].key = owner || $.eventName = *Trail || $.eventName = *Logging }",
    "{ $.responseElements IS NULL || $.eventName = *Trail || $.eventName = *Logging }",
    "[version, identity, ...]",
    "-AccessDenied",
    '"StopLogging"',
    "{ $.readOnly IS FALSE }",
    "{ $.foo = 1 || $.eventSource = cloudtrail.amazonaws.com }",
  ])("%s yields a verdict without throwing", (pattern) => {
    expect(["covers", "misses", "countsRoutine", "invalid", "indeterminate"]).toContain(judge(pattern).verdict);
  });

  test("{ $.readOnly IS FALSE } catches the five (readOnly is false for all), and routine writes of other services", () => {
    // AWS Config's PutEvaluations is a routine write (routine/governance.ts): counted wherever writes are recorded.
    const verdict = judge("{ $.readOnly IS FALSE }");
    expect(verdict.verdict).toBe("countsRoutine");
    if (verdict.verdict === "countsRoutine") expect(verdict.routine.eventName).toBe("PutEvaluations");
  });

  test("the worst-case bench pattern fits 1024 characters, has two regexes, and covers", () => {
    const pattern = worstCaseJsonPattern();
    expect(pattern.length).toBeLessThanOrEqual(1024);
    expect(pattern.match(/%[^%]+%/g)).toHaveLength(2);
    expect(judge(pattern).verdict).toBe("covers");
    for (const benchCase of benchCases()) expect(benchCase.pattern.length).toBeLessThanOrEqual(1024);
  });
});

describe("judgeCoverage: a pattern and its printed form miss the same records (found by npm run fuzz)", () => {
  // Two spellings of one term (`- Root` and `-Root`) were grouped as two clauses, and the printed form (`-Root`
  // twice) as one, so the same records were described differently.
  const missedOf = (pattern: string) => {
    const verdict = judge(pattern);
    if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${verdict.verdict}`);
    return verdict.missed.map((event) => ({ eventName: event.eventName, kinds: [...event.kinds].sort() }));
  };
  test.each([
    ['?DeleteTrail\t- Root\t-"x"\t-Root\t"true"\t- GetTrail\t?"AWSService"\t- AssumedRole'],
    ['"true"\t- IAMUser\t-No\t-"y"\t?AssumedRole\t?ConsoleLogin\t- No'],
    ['-AWSService -a9nOC "AccessDenied" - AWSService - ">&" ?"GetTrail"'],
    ['-Root\ttrue\t?"z"\t?" 00b<\'|9:"\t- Root\t- "{<?_aca![&"\t?"AccessDenied"'],
    ['?true\n-"Failed authentication"\n-No\n-"UpdateTrail"\n"Root"\n- No\n-3eT'],
    ["{ ($.eventName = CreateTrail) || ($.eventName=CreateTrail) || ($.eventName =UpdateTrail) }"],
  ])("%j", (pattern) => {
    const parsed = parseFilterPattern(pattern);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const printed = printFilterPattern(parsed.pattern);
    expect(printed).not.toBe(pattern);
    expect(missedOf(pattern)).toEqual(missedOf(printed));
  });
});
