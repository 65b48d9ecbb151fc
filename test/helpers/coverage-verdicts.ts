/** Shared by the tests of coverage reasons (test/coverage/): a pattern's verdict when it must miss, and its words. */
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import type { ControlDefinition } from "../../lib/controls/types";
import { judgeCoverage, type CoverageVerdict } from "../../lib/coverage";

/** The five calls of CloudTrail configuration changes (CIS "CloudTrail configuration changes"), as a reason lists them. */
export const FIVE = "CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging";

/** The five eventName clauses joined by `||`, each parenthesised (the printer's form of CIS's pattern). */
export const FIVE_NAMES_PARENTHESISED =
  "($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)";

/** The five eventName clauses joined by `||`, unparenthesised. */
export const FIVE_NAMES_OR =
  "$.eventName = CreateTrail || $.eventName = UpdateTrail || $.eventName = DeleteTrail || $.eventName = StartLogging || $.eventName = StopLogging";

/**
 * The kinds of caller a reason names, in the family's order (CloudTrail user guide, "CloudTrail userIdentity element":
 * Root, IAMUser, AssumedRole, AWSService, Role, FederatedUser, Directory, AWSAccount, Unknown).
 */
export const CALLER_KINDS = [
  "calls by the root user",
  "calls by an IAM user",
  "calls by an assumed role",
  "calls by an AWS service",
  "calls by a role (userIdentity type Role)",
  "calls by a federated user",
  "calls by a Directory user",
  "calls from another AWS account",
  "calls by an unknown identity",
] as const;

/** The verdict of a pattern that must miss calls of the control; anything else fails the test. */
export function missesOf(
  pattern: string,
  control: ControlDefinition = cloudTrailChanges,
): Extract<CoverageVerdict, { verdict: "misses" }> {
  const verdict = judgeCoverage(pattern, control);
  if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${JSON.stringify(verdict)}`);
  return verdict;
}

/** The reason of a pattern that must miss calls of the control. */
export function reasonOf(pattern: string, control: ControlDefinition = cloudTrailChanges): string {
  return missesOf(pattern, control).reason;
}
