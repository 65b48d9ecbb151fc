/**
 * Which finding the metric-filter policy makes of each verdict of the coverage engine. The engine is mocked here so
 * every verdict kind (including `invalid` and `indeterminate`) is exercised whatever the engine says of real patterns.
 */
import type { CoverageVerdict } from "../../lib/coverage";
import { chainNames, compliantStack, types } from "../helpers/aws-fixtures";
import { urnOf } from "../helpers/engine-resources";
import { runDefinition, type ValidCase } from "../helpers/policy-tester";

const verdicts = new Map<string, CoverageVerdict>();
jest.mock("../../lib/coverage", () => ({
  routineCallsFor: (): readonly never[] => [],
  judgeCoverage: (pattern: string): CoverageVerdict => {
    const verdict = verdicts.get(pattern);
    if (verdict === undefined) throw new Error("engine failure for this pattern");
    return verdict;
  },
}));

// Imported after the mock is declared (jest hoists jest.mock).
import { definitions } from "../../policies";

const names = chainNames();
const filterUrn = urnOf(types.metricFilter, names.filter);
const [, metricFilter, alarm] = definitions;

function stackWithPattern(pattern: string): ValidCase {
  return { name: pattern, stack: () => compliantStack().patch(names.filter, { pattern }) };
}

/** The metric-filter policy's findings on the chain with `pattern`: the problem each one names. */
function problemsFor(pattern: string) {
  return runDefinition(metricFilter, stackWithPattern(pattern)).map((found) => ({
    urn: found.urn,
    messageId: found.messageId,
    problem: found.data.problem,
  }));
}

describe("coverage verdicts as findings", () => {
  it("invalid: a violation carrying the engine's error (with its column)", () => {
    verdicts.set("{ $.eventName = ", {
      verdict: "invalid",
      error: {
        code: "missing-value",
        message: "Invalid metric filter pattern: expected a value at column 17",
        offset: 16,
        column: 17,
      },
    });
    expect(problemsFor("{ $.eventName = ")).toEqual([
      {
        urn: filterUrn,
        messageId: "filterFails",
        problem: { id: "patternInvalid", error: "Invalid metric filter pattern: expected a value at column 17" },
      },
    ]);
  });

  it("misses: the pattern and the engine's reason", () => {
    verdicts.set("P1", {
      verdict: "misses",
      missed: [{ eventName: "StopLogging", kinds: ["calls that fail"] }],
      reason: "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`",
    });
    expect(problemsFor("P1")).toEqual([
      {
        urn: filterUrn,
        messageId: "filterFails",
        problem: {
          id: "patternMisses",
          pattern: '"P1"',
          reason: "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`",
        },
      },
    ]);
  });

  it("indeterminate: reported as can't be verified, never passed", () => {
    verdicts.set("P2", { verdict: "indeterminate", reason: "the pattern compares a field CloudTrail never writes" });
    expect(problemsFor("P2")).toEqual([
      {
        urn: filterUrn,
        messageId: "filterFails",
        problem: {
          id: "patternIndeterminate",
          pattern: '"P2"',
          change: "CloudTrail configuration change",
          reason: "the pattern compares a field CloudTrail never writes",
        },
      },
    ]);
  });

  it("an engine that throws becomes an indeterminate verdict, not an exception", () => {
    expect(problemsFor("P3-not-registered")).toEqual([
      {
        urn: filterUrn,
        messageId: "filterFails",
        problem: {
          id: "patternIndeterminate",
          pattern: '"P3-not-registered"',
          change: "CloudTrail configuration change",
          reason: "the pattern engine failed: engine failure for this pattern",
        },
      },
    ]);
  });

  it("countsRoutine: a violation carrying the engine's reason (a routine call, never a clause: shown for secrets too)", () => {
    const reason =
      "counts routine DescribeTrails calls by AWS services (AWS Config calls it), so the alarm sits in ALARM and a " +
      "change made then notifies nobody";
    verdicts.set("P5", {
      verdict: "countsRoutine",
      routine: {
        eventSource: "cloudtrail.amazonaws.com",
        eventName: "DescribeTrails",
        caller: "AWS services",
        why: "AWS Config calls it.",
      },
      reason,
    });
    expect(problemsFor("P5")).toEqual([
      {
        urn: filterUrn,
        messageId: "filterFails",
        problem: {
          id: "patternCountsRoutine",
          pattern: '"P5"',
          reason,
          eventSource: "cloudtrail.amazonaws.com",
          eventName: "DescribeTrails",
          changes: "CloudTrail configuration changes",
        },
      },
    ]);
  });

  it("covers: the metric-filter policy passes, the alarm policy checks the filter's metric", () => {
    verdicts.set("P4", { verdict: "covers" });
    expect(runDefinition(metricFilter, stackWithPattern("P4"))).toEqual([]);
    const withoutAlarm = {
      name: "P4 without alarm",
      stack: () => compliantStack().patch(names.filter, { pattern: "P4" }).remove(names.alarm),
    };
    expect(runDefinition(alarm, withoutAlarm)).toEqual([
      expect.objectContaining({ urn: filterUrn, messageId: "noAlarm" }),
    ]);
  });
});
