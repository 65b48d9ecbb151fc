/**
 * typescript-eslint-style tables for stack policies: `valid` rows must report nothing, `invalid` rows must report
 * exactly the listed findings (URN, message id and the data that make the rule), in any order. Rows run the
 * policy's check on resources built exactly as the SDK builds them (proxies, sentinels), through the same wrapper
 * the pack uses (config defaults, internal errors as findings). The English is tested once, on whole messages
 * (test/policies/rendering.test.ts, test/findings/catalogue.test.ts).
 */
import type { StackValidationArgs } from "@pulumi/policy";
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import type { ControlDefinition } from "../../lib/controls/types";
import type { Finding } from "../../lib/findings/message";
import { renderFinding } from "../../lib/findings/render";
import { withSecrets } from "../../lib/stack/secret-capture";
import { runCheck, type CheckOutcome, type PolicyDefinition, type PolicyEnvironment } from "../../policies/common";
import type { ConfigProperties } from "../../policies/config";
import { messageCatalogue } from "../../policies/messages";
import type { StackFixture } from "./engine-resources";
import { plainFinding, type PlainData, type PlainFinding } from "./findings";

export interface ValidCase {
  readonly name: string;
  readonly stack: () => StackFixture;
  readonly config?: object;
  /** The stack's `aws:region` (default "us-east-1"). */
  readonly stackRegion?: string | undefined;
  /** The policy must report "not applicable" (the stack has nothing for it to judge) instead of passing. */
  readonly notApplicable?: boolean;
  /**
   * When the preview runs (ISO 8601, e.g. "2026-12-01T12:00:00Z"): mute rules are judged at this time. Rows whose
   * verdict depends on the time pin it; without it the policy reads the clock.
   */
  readonly now?: string;
}

export interface ExpectedFinding {
  /** The URN the finding must be attributed to (`undefined`: the stack). */
  readonly urn: string | undefined;
  readonly messageId: string;
  /** Data the finding must carry (partial, deep: see `toMatchObject`; arrays are compared whole). */
  readonly data?: PlainData;
}

export interface InvalidCase extends ValidCase {
  readonly violations: readonly ExpectedFinding[];
}

export interface PolicyCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** What the pack's wrapper returns for a case's stack in the case's stack region: findings, or not applicable. */
export function runOutcome<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  row: ValidCase,
  control: ControlDefinition = cloudTrailChanges,
): CheckOutcome {
  const stackRegion = "stackRegion" in row ? row.stackRegion : "us-east-1";
  const fixture = row.stack();
  const args: Pick<StackValidationArgs, "resources" | "getConfig"> = {
    resources: fixture.build(),
    getConfig: <T extends object>() => (row.config ?? {}) as T,
  };
  const pinned = row.now;
  const environment: PolicyEnvironment =
    pinned === undefined
      ? { stackRegion: () => stackRegion }
      : { stackRegion: () => stackRegion, now: () => new Date(pinned) };
  return withSecrets(fixture.secrets(), () => runCheck(definition, args, environment, control));
}

/** Several tables of one policy as one (a table per concern, run by the policy's test file). */
export function combineCases(...tables: readonly PolicyCases[]): PolicyCases {
  return { valid: tables.flatMap((table) => table.valid), invalid: tables.flatMap((table) => table.invalid) };
}

/** A case's findings (none when the policy reports "not applicable"). */
export function runRow<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  row: ValidCase,
  control: ControlDefinition = cloudTrailChanges,
): readonly Finding[] {
  const outcome = runOutcome(definition, row, control);
  return outcome.kind === "findings" ? outcome.findings : [];
}

/** A case's findings in the form rows compare. */
export function runDefinition<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  row: ValidCase,
): PlainFinding[] {
  return runRow(definition, row).map(plainFinding);
}

function dataMatch(reported: PlainFinding, expected: ExpectedFinding): boolean {
  try {
    expect(reported.data).toMatchObject(expected.data ?? {});
    return true;
  } catch {
    return false;
  }
}

function matches(reported: PlainFinding, expected: ExpectedFinding): boolean {
  return reported.urn === expected.urn && reported.messageId === expected.messageId && dataMatch(reported, expected);
}

/**
 * Whether each expected finding can be paired with its own reported finding. Backtracks, so a loose expectation
 * can't take the finding a stricter one needs.
 */
function canPair(reported: readonly PlainFinding[], expected: readonly ExpectedFinding[]): boolean {
  const taken = new Set<number>();
  const assign = (index: number): boolean => {
    if (index === expected.length) return true;
    for (let candidate = 0; candidate < reported.length; candidate++) {
      if (taken.has(candidate) || !matches(reported[candidate], expected[index])) continue;
      taken.add(candidate);
      if (assign(index + 1)) return true;
      taken.delete(candidate);
    }
    return false;
  };
  return assign(0);
}

/** Fails with jest's own diff against the closest reported finding (same URN and id), else lists them all. */
function explainMismatch(reported: readonly Finding[], expected: readonly ExpectedFinding[]): never {
  const plain = reported.map(plainFinding);
  for (const wanted of expected) {
    if (plain.some((candidate) => matches(candidate, wanted))) continue;
    const close = plain.find((candidate) => candidate.urn === wanted.urn && candidate.messageId === wanted.messageId);
    if (close !== undefined) expect(close.data).toMatchObject(wanted.data ?? {});
  }
  const listing = reported.map(
    (found, index) => `${JSON.stringify(plain[index], null, 2)}\n${renderFinding(found, messageCatalogue)}`,
  );
  throw new Error(`expected exactly\n${JSON.stringify(expected, null, 2)}\nreported:\n${listing.join("\n\n")}`);
}

/** Declares the jest tests of a policy's tables. */
export function describePolicyCases<S extends ConfigProperties>(
  definition: PolicyDefinition<S>,
  cases: PolicyCases,
  control: ControlDefinition = cloudTrailChanges,
): void {
  describe(definition.name, () => {
    describe("valid", () => {
      it.each(cases.valid.map((row) => [row.name, row] as const))("%s", (_name, row) => {
        const outcome = runOutcome(definition, row, control);
        expect(outcome.kind).toBe(row.notApplicable === true ? "notApplicable" : "findings");
        if (outcome.kind === "findings") expect(outcome.findings.map(plainFinding)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((row) => [row.name, row] as const))("%s", (_name, row) => {
        // A row that expects nothing would be a valid row in the wrong list.
        expect(row.violations.length).toBeGreaterThan(0);
        const outcome = runOutcome(definition, row, control);
        expect(outcome.kind).toBe("findings");
        const reported = outcome.kind === "findings" ? outcome.findings : [];
        const plain = reported.map(plainFinding);
        if (plain.length !== row.violations.length || !canPair(plain, row.violations)) {
          explainMismatch(reported, row.violations);
        }
      });
    });
  });
}
