/**
 * typescript-eslint-style tables for stack policies: `valid` rows must report nothing, `invalid` rows must report
 * exactly the listed violations (URN and message substrings), in any order.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { runPolicy, type Reported, type StackFixture } from "./engine-resources";

export interface ValidCase {
  readonly name: string;
  readonly stack: () => StackFixture;
  readonly config?: object;
  /** The stack's `aws:region` (default "us-east-1"). */
  readonly stackRegion?: string | undefined;
}

export interface ExpectedViolation {
  /** The URN the violation must be attributed to (`undefined`: the stack). */
  readonly urn: string | undefined;
  /** Substrings the message must contain. */
  readonly includes: readonly string[];
}

export interface InvalidCase extends ValidCase {
  readonly violations: readonly ExpectedViolation[];
}

export interface PolicyCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** Runs a case's stack through a policy made for its stack region. */
export async function runCase(
  makePolicy: (stackRegion: () => string | undefined) => StackValidationPolicy,
  row: ValidCase,
): Promise<Reported[]> {
  const stackRegion = "stackRegion" in row ? row.stackRegion : "us-east-1";
  return runPolicy(makePolicy(() => stackRegion), row.stack(), row.config ?? {});
}

function matches(reported: Reported, expected: ExpectedViolation): boolean {
  return reported.urn === expected.urn && expected.includes.every((text) => reported.message.includes(text));
}

/** Declares the jest tests of a policy's tables. */
export function describePolicyCases(
  title: string,
  makePolicy: (stackRegion: () => string | undefined) => StackValidationPolicy,
  cases: PolicyCases,
): void {
  describe(title, () => {
    describe("valid", () => {
      it.each(cases.valid.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
        expect(await runCase(makePolicy, row)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
        const reported = await runCase(makePolicy, row);
        const unmatched = [...reported];
        for (const expected of row.violations) {
          const index = unmatched.findIndex((candidate) => matches(candidate, expected));
          if (index < 0) {
            throw new Error(`expected a violation ${JSON.stringify(expected)}\nreported: ${JSON.stringify(reported, null, 2)}`);
          }
          unmatched.splice(index, 1);
        }
        expect(unmatched).toEqual([]);
      });
    });
  });
}
