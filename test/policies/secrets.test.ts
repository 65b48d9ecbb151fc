/**
 * No message ever prints a value the engine sent as a secret. Every row of every policy table is run again with
 * every top-level property of every resource and provider sent as a secret (the engine's worst case): each policy
 * must reach the same verdict (the same number of findings on the same resources) and no message may contain a
 * distinctive value of the stack. A value is distinctive when it is not a logical name and not words the pack
 * itself prints (its templates, its controls' data): "us-east-1" may appear in a fix snippet, an ARN may not.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { allControls } from "../../lib/controls";
import { createPolicies } from "../../policies";
import { messageCatalogue } from "../../policies/messages";
import { runPolicy, type Reported } from "../helpers/engine-resources";
import type { ValidCase } from "../helpers/policy-tester";
import { alarmCases } from "./cases/alarm.cases";
import { filterVisibilityCases } from "./cases/filter-visibility.cases";
import { logsToCloudWatchCases } from "./cases/logs-to-cloudwatch.cases";
import { metricFilterCases } from "./cases/metric-filter.cases";
import { snsCases } from "./cases/sns.cases";

const rows: readonly ValidCase[] = [
  logsToCloudWatchCases,
  metricFilterCases,
  filterVisibilityCases,
  alarmCases,
  snsCases,
].flatMap((cases) => [...cases.valid, ...cases.invalid]);

/** Text the pack prints of its own accord: templates and the controls' data (snippet patterns, metric names). */
const packWords = [...Object.values(messageCatalogue), JSON.stringify(allControls)].join("\n");

function distinctiveValues(row: ValidCase): string[] {
  const fixture = row.stack();
  // Logical names are part of URNs, and policy config values are the user's settings: neither is ever secret.
  const names = [...fixture.logicalNames(), ...JSON.stringify(row.config ?? {}).split('"')];
  return [...new Set(fixture.stringValues())].filter(
    (value) =>
      value.length >= 6 &&
      !names.some((name) => name.includes(value)) &&
      !packWords.includes(value) &&
      !/^[\d.]+$/.test(value),
  );
}

/** Whether `message` holds `value` as it is, or as the pack quotes it (JSON: `"` printed as `\"`). */
function printsValue(message: string, value: string): boolean {
  return message.includes(value) || message.includes(JSON.stringify(value).slice(1, -1));
}

// Made before each test, not when the file is read: Stryker credits a mutant to the tests during which its code ran
// (beforeEach runs inside its test), and policies made at top level would leave this file out of toStackPolicy's runs.
let policies: StackValidationPolicy[];
beforeEach(() => {
  policies = createPolicies({ stackRegion: () => "us-east-1", now: () => new Date("2026-12-01T12:00:00Z") });
});

describe("every property sent as a secret", () => {
  it.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const values = distinctiveValues(row);
    for (const policy of policies) {
      const plain: Reported[] = await runPolicy(policy, row.stack(), row.config ?? {});
      const hidden: Reported[] = await runPolicy(policy, row.stack().secretEverything(), row.config ?? {});
      expect([policy.name, hidden.map((found) => found.urn).sort()]).toEqual([
        policy.name,
        plain.map((found) => found.urn).sort(),
      ]);
      for (const found of hidden) {
        const leaked = values.filter((value) => printsValue(found.message, value));
        expect([policy.name, found.urn, leaked]).toEqual([policy.name, found.urn, []]);
      }
    }
  });

  it("the rows do carry distinctive values (ARNs, physical names, patterns) that plain runs print", async () => {
    let printed = 0;
    for (const row of rows) {
      const values = distinctiveValues(row);
      for (const policy of policies) {
        for (const found of await runPolicy(policy, row.stack(), row.config ?? {})) {
          if (values.some((value) => printsValue(found.message, value))) printed++;
        }
      }
    }
    expect(printed).toBeGreaterThan(20);
  });
});
