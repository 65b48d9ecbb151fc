/**
 * How the metric-filter policy words each verdict of the coverage engine. The engine is mocked here so every
 * verdict kind (including `invalid` and `indeterminate`) is exercised whatever the engine says of real patterns.
 */
import type { CoverageVerdict } from "../../lib/filter-pattern/coverage-types";
import { chainNames, compliantStack, types } from "../helpers/aws-fixtures";
import { runPolicy, urnOf } from "../helpers/engine-resources";

const verdicts = new Map<string, CoverageVerdict>();
jest.mock("../../lib/filter-pattern/coverage", () => ({
  judgeCoverage: (pattern: string): CoverageVerdict => {
    const verdict = verdicts.get(pattern);
    if (verdict === undefined) throw new Error("engine failure for this pattern");
    return verdict;
  },
}));

// Imported after the mock is declared (jest hoists jest.mock).
import { createPolicies } from "../../policies";

const names = chainNames();
const filterUrn = urnOf(types.metricFilter, names.filter);
const [, metricFilterPolicy, alarmPolicy] = createPolicies({ stackRegion: () => "us-east-1" });

function stackWithPattern(pattern: string) {
  return compliantStack().patch(names.filter, { pattern });
}

describe("coverage verdicts in messages", () => {
  it("invalid: the engine's error (with its column) is in the message, as a violation", async () => {
    verdicts.set("{ $.eventName = ", {
      verdict: "invalid",
      error: { code: "missing-value", message: "Invalid metric filter pattern: expected a value at column 17", offset: 16, column: 17 },
    });
    const reported = await runPolicy(metricFilterPolicy, stackWithPattern("{ $.eventName = "));
    expect(reported).toEqual([
      { urn: filterUrn, message: expect.stringContaining("its pattern is invalid and would fail to deploy: Invalid metric filter pattern: expected a value at column 17") },
    ]);
  });

  it("misses: the engine's reason follows the pattern", async () => {
    verdicts.set("P1", { verdict: "misses", missed: [{ eventName: "StopLogging", kinds: ["calls that fail"] }], reason: "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`" });
    const reported = await runPolicy(metricFilterPolicy, stackWithPattern("P1"));
    expect(reported).toEqual([{ urn: filterUrn, message: expect.stringContaining('its pattern "P1" misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`') }]);
  });

  it("indeterminate: reported as can't be verified, never passed", async () => {
    verdicts.set("P2", { verdict: "indeterminate", reason: "the pattern compares a field CloudTrail never writes" });
    const reported = await runPolicy(metricFilterPolicy, stackWithPattern("P2"));
    expect(reported).toEqual([{ urn: filterUrn, message: expect.stringContaining("can't be verified that its pattern \"P2\" catches every CloudTrail configuration change: the pattern compares a field") }]);
  });

  it("an engine that throws becomes an indeterminate verdict, not an exception", async () => {
    const reported = await runPolicy(metricFilterPolicy, stackWithPattern("P3-not-registered"));
    expect(reported).toEqual([{ urn: filterUrn, message: expect.stringContaining("the pattern engine failed: engine failure for this pattern") }]);
  });

  it("covers: the alarm policy checks the filter's metric", async () => {
    verdicts.set("P4", { verdict: "covers" });
    expect(await runPolicy(metricFilterPolicy, stackWithPattern("P4"))).toEqual([]);
    expect(await runPolicy(alarmPolicy, stackWithPattern("P4").remove(names.alarm))).toEqual([
      { urn: filterUrn, message: expect.stringContaining("No CloudWatch alarm watches the metric") },
    ]);
  });
});
