/**
 * No verdict depends on the order the engine sends resources in: every row of every table, with its resources
 * shuffled (several seeds), gives exactly the same findings, attributed to the same resources, in the same words
 * and the same order. Duplicates (two trails on one log group, two topics of one name) resolve the same way
 * whatever comes first.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { createPolicies } from "../../policies";
import { runPolicy, StackFixture } from "../helpers/engine-resources";
import type { ValidCase } from "../helpers/policy-tester";
import { alarmCases } from "./cases/alarm.cases";
import { logsToCloudWatchCases } from "./cases/logs-to-cloudwatch.cases";
import { metricFilterCases } from "./cases/metric-filter.cases";
import { snsCases } from "./cases/sns.cases";

const rows: readonly ValidCase[] = [logsToCloudWatchCases, metricFilterCases, alarmCases, snsCases].flatMap((cases) => [
  ...cases.valid,
  ...cases.invalid,
]);

/** A deterministic shuffle (a linear congruential generator seeded by `seed`). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

/** A fixture whose `build()` returns the same resources in another order. */
function reordered(fixture: StackFixture, seed: number): StackFixture {
  const original = fixture.build.bind(fixture);
  return Object.assign(Object.create(Object.getPrototypeOf(fixture) as object) as StackFixture, fixture, {
    build: (): PolicyResource[] => shuffled(original(), seed),
  });
}

// Made before each test, not when the file is read: Stryker credits a mutant to the tests during which its code ran
// (beforeEach runs inside its test), and policies made at top level would leave this file out of toStackPolicy's runs.
let policies: StackValidationPolicy[];
beforeEach(() => {
  policies = createPolicies({ stackRegion: () => "us-east-1", now: () => new Date("2026-12-01T12:00:00Z") });
});

describe("the order of the resources", () => {
  it.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    for (const policy of policies) {
      const reference = await runPolicy(policy, row.stack(), row.config ?? {});
      for (const seed of [1, 7, 42]) {
        expect([policy.name, seed, await runPolicy(policy, reordered(row.stack(), seed), row.config ?? {})]).toEqual([
          policy.name,
          seed,
          reference,
        ]);
      }
    }
  });
});
