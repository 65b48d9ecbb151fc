// The checks the fuzzer applies to every answer: each is shown to fail on an answer that breaks it, so a fuzz run
// that reports zero failures means the pack held, not that the check was blind.
import { parseFilterPattern, type FilterPattern } from "../../lib/filter-pattern";
import { commandProblems, type CommandRun } from "../../fuzz/invariants/command-output";
import { hasAmbiguousGrouping, parseErrorProblem, roundTrip } from "../../fuzz/invariants/patterns";
import {
  answerLines,
  firstDifference,
  isCantRun,
  isInternalError,
  printedSecrets,
  secretOnlyMarkers,
  withoutPatternText,
} from "../../fuzz/invariants/stack-diagnostics";
import { lateGrowth, phaseGrowth } from "../../fuzz/report";
import {
  secretValue,
  type AnalyzeResult,
  type EngineDiagnostic,
  type EngineResource,
} from "../../tools/engine/protocol";

function diagnostic(message: string, policyName = "cloudtrail-changes-alarm"): EngineDiagnostic {
  return {
    policyPack: "p",
    policyPackVersion: "0.1.0",
    policyName,
    enforcementLevel: "mandatory",
    severity: "medium",
    urn: "urn:x",
    message,
    description: "",
  };
}
const answer = (...messages: string[]): AnalyzeResult => ({
  diagnostics: messages.map((m) => diagnostic(m)),
  notApplicable: [],
});
const resource = (properties: Record<string, unknown>, name = "r"): EngineResource => ({
  type: "aws:sns/topic:Topic",
  urn: `urn:pulumi:dev::p::aws:sns/topic:Topic::${name}`,
  name,
  properties,
});

describe("secrets printed", () => {
  it("finds a marker sent only as a secret, and a marker number, in a message", () => {
    const resources = [
      resource({ name: secretValue("alerts-SECRET-3"), period: secretValue(7_000_042), tags: { a: "SECRET-4" } }),
    ];
    const only = secretOnlyMarkers(resources);
    expect([...only].sort()).toEqual(["7000042", "SECRET-3"]);
    expect(
      printedSecrets(answer('Topic "alerts-SECRET-3" has no subscription', "period is 7000042 s"), only).sort(),
    ).toEqual(["7000042", "SECRET-3"]);
  });

  it("lets a message print a value also sent in the clear, and tells SECRET-3 from SECRET-31", () => {
    const resources = [
      resource({ name: secretValue("logs-SECRET-3") }, "a"),
      resource({ logGroupName: "logs-SECRET-3", other: secretValue("SECRET-31") }, "b"),
    ];
    const only = secretOnlyMarkers(resources);
    expect([...only]).toEqual(["SECRET-31"]);
    expect(printedSecrets(answer('Log group "logs-SECRET-3"'), only)).toEqual([]);
  });
});

describe("the SDK's downgrade and internal errors", () => {
  it("recognise the SDK's and the pack's words (@pulumi/policy server.js, policies/messages.ts)", () => {
    expect(
      isCantRun(
        diagnostic(
          "can't run policy 'x' from policy pack 'p@v1' during preview: string value at .arn can't be known during preview",
        ),
      ),
    ).toBe(true);
    expect(isCantRun(diagnostic("its pattern is not known at preview, so it can't be verified"))).toBe(false);
    expect(isInternalError(diagnostic('Internal error in policy "x": boom. Please report it.'))).toBe(true);
  });
});

describe("answers compared", () => {
  it("are equal whatever the order of diagnostics, and differ on one word", () => {
    const a = answerLines(answer("one", "two"));
    expect(firstDifference(a, answerLines(answer("two", "one")))).toBeUndefined();
    expect(firstDifference(a, answerLines(answer("one", "three")))).toMatch(/before .*two.*after .*three/);
  });

  it("ignore how a pattern and its clauses are written, not what is said about them", () => {
    const original = "{($.eventName=CreateTrail)}";
    const printed = "{ $.eventName = CreateTrail }";
    const before = `its pattern ${JSON.stringify(original)} misses StopLogging calls, because of \`$.eventName=CreateTrail\` and \`- A\``;
    const after = `its pattern ${JSON.stringify(printed)} misses StopLogging calls, because of \`$.eventName = CreateTrail\``;
    expect(withoutPatternText(before, [original, printed])).toBe(withoutPatternText(after, [original, printed]));
    expect(withoutPatternText(after.replace("StopLogging", "DeleteTrail"), [original, printed])).not.toBe(
      withoutPatternText(before, [original, printed]),
    );
  });
});

describe("patterns", () => {
  it("a round trip fails when the printed form reads back differently", () => {
    const parsed = parseFilterPattern("{ $.a = 1 }");
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(roundTrip(parsed.pattern).ok).toBe(true);
    // No parse gives a quoted term holding a bare `"`; printed, it reads back as two terms.
    const span = { start: 0, end: 0 };
    const broken: FilterPattern = {
      kind: "terms",
      span,
      terms: [{ kind: "term", text: 'a" "b', quoted: true, modifier: "required", span }],
    };
    expect(roundTrip(broken)).toMatchObject({ ok: false, problem: "the printed form parses to a different tree" });
  });

  it("a parse error must carry its column", () => {
    expect(
      parseErrorProblem("x", {
        code: "c",
        message: "Invalid metric filter pattern at column 1: x",
        offset: 0,
        column: 1,
      }),
    ).toBeUndefined();
    expect(
      parseErrorProblem("x", { code: "c", message: "Invalid metric filter pattern: x", offset: 0, column: 1 }),
    ).toMatch(/without its column/);
    expect(
      parseErrorProblem("x", {
        code: "internal-error",
        message: "Invalid metric filter pattern at column 1: x",
        offset: 0,
        column: 1,
      }),
    ).toMatch(/parser failed/);
  });

  it("a run of && and || without parentheses has several readings; with them, one", () => {
    const ambiguous = "{ $.a = 1 || $.b = 2 && $.c = 3 }";
    const clear = "{ $.a = 1 || ($.b = 2 && $.c = 3) }";
    for (const [text, expected] of [
      [ambiguous, true],
      [clear, false],
    ] as const) {
      const parsed = parseFilterPattern(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(hasAmbiguousGrouping(text, parsed.pattern)).toBe(expected);
    }
  });
});

describe("commands given bad input", () => {
  const run = (over: Partial<CommandRun>): CommandRun => ({
    code: 1,
    signal: null,
    stdout: "",
    stderr: "error: s.json:3:4: expected a value\n",
    timedOut: false,
    leftovers: 0,
    ...over,
  });

  it("pass with one clear line at a position and a non-zero exit", () => {
    expect(commandProblems(run({}), { exit: "nonzero", says: /s\.json:3:4/ })).toEqual([]);
  });

  it("fail on exit 0, a stack trace, an internal-looking message, a process left running, or no position", () => {
    expect(commandProblems(run({ code: 0 }), { exit: "nonzero" })).toEqual(["exit 0 (expected nonzero)"]);
    expect(commandProblems(run({ stderr: "error: x\n    at main (/a/b.js:1:2)\n" }), { exit: "nonzero" })).toEqual([
      "a stack trace was printed",
    ]);
    expect(
      commandProblems(run({ stderr: "error: Cannot read properties of undefined (reading 'x')\n" }), {
        exit: "nonzero",
      })[0],
    ).toMatch(/internal failure/);
    expect(commandProblems(run({ leftovers: 2 }), { exit: "nonzero" })).toEqual(["2 process(es) left running"]);
    expect(commandProblems(run({ stderr: "error: bad\n" }), { exit: "nonzero", says: /s\.json:3:4/ })[0]).toMatch(
      /does not match/,
    );
  });
});

describe("memory growth", () => {
  it("is the second half's median over the first half's", () => {
    expect(lateGrowth([100, 200, 210, 205, 208, 209])).toBeCloseTo(208 / 200);
    expect(lateGrowth([100, 110, 120, 130, 140, 150])).toBeCloseTo(140 / 110);
    expect(lateGrowth([100, 110, 120, 130])).toBeCloseTo(125 / 105);
  });

  it("does not read one late swing of a collection as growth", () => {
    expect(lateGrowth([300, 310, 305, 300, 310, 305, 300, 310, 305, 600])).toBeCloseTo(1);
  });

  it("judges each load phase against itself: a higher concurrent phase is not growth, growth within one is", () => {
    // The run of 2026-12-01 (MiB): flat within each phase, the concurrent phase higher.
    const run = [336, 310, 513, 371, 479, 387, 343, 420, 340, 346, 861, 634, 600, 473, 580, 408, 566, 672, 486, 631];
    expect(lateGrowth(run)).toBeCloseTo(590 / 358.5);
    expect(phaseGrowth(run)).toBeCloseTo(566 / 600);
    const leaking = [
      100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300,
    ];
    expect(phaseGrowth(leaking)).toBeCloseTo(170 / 120);
  });
});
