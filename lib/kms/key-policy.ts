/**
 * Can CloudWatch use a topic's KMS key? CloudWatch alarms publish to an encrypted SNS topic only when the key policy
 * lets the service principal use the key: "To allow the AWS service to have the kms:GenerateDataKey* and kms:Decrypt
 * permissions, add the following statement to the KMS policy", with `"Principal": {"Service": "service.amazonaws.com"}`
 * and `"Resource": "*"` (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services);
 * for CloudWatch alarms the service principal is `cloudwatch.amazonaws.com`, the one AWS's knowledge center puts in
 * the topic's access policy for alarm notifications (https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).
 *
 * Evaluation follows IAM's policy evaluation logic
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an explicit Deny in
 * any statement wins; otherwise an Allow is needed; otherwise the request is implicitly denied. For a service
 * principal only the key policy counts: the account's IAM policies govern the account's identities, and a key
 * policy statement for the account principal only enables those (statement.ts). Both actions must be allowed.
 * `kms:GenerateDataKey*` in the documented statement covers `kms:GenerateDataKey`, the operation a publisher needs
 * ("The publisher must have the kms:GenerateDataKey and kms:Decrypt permissions", same SNS page), so the two
 * actions checked are `kms:Decrypt` and `kms:GenerateDataKey`.
 *
 * The answer is "yes" only when an unconditional Allow reaches both actions and no Deny may apply; "no" when an
 * unconditional Deny applies or nothing allows; "unknown" when the outcome hangs on a condition, an unknown key ARN,
 * or a malformed statement.
 */
import { type StatementReach, statementReach } from "./statement";

export type GrantVerdict = "yes" | "no" | "unknown";

export interface KeyPolicyGrant {
  readonly verdict: GrantVerdict;
  readonly reason: string;
}

export const CLOUDWATCH_SERVICE_PRINCIPAL = "cloudwatch.amazonaws.com";
export const CLOUDWATCH_REQUIRED_ACTIONS: readonly string[] = ["kms:Decrypt", "kms:GenerateDataKey"];

/** Whether the key policy (JSON text or parsed) lets CloudWatch alarms publish to a topic encrypted with the key. */
export function keyPolicyGrantsCloudWatch(policy: unknown): KeyPolicyGrant {
  return keyPolicyGrantsService(policy, CLOUDWATCH_SERVICE_PRINCIPAL, CLOUDWATCH_REQUIRED_ACTIONS);
}

/** Whether the key policy allows `service` every one of `actions` on the key. Never throws. */
export function keyPolicyGrantsService(policy: unknown, service: string, actions: readonly string[]): KeyPolicyGrant {
  const statements = readStatements(policy);
  if (!Array.isArray(statements)) return statements;
  const grants = actions.map((action) => actionGrant(statements, service, action));
  const denied = grants.find((g) => g.verdict === "no");
  if (denied) return denied;
  const open = grants.find((g) => g.verdict === "unknown");
  if (open) return open;
  return { verdict: "yes", reason: grants.map((g) => g.reason).join("; ") };
}

function readStatements(policy: unknown): unknown[] | KeyPolicyGrant {
  let document = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy) as unknown;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return { verdict: "unknown", reason: `the key policy is not valid JSON (${detail})` };
    }
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { verdict: "unknown", reason: "the key policy is not a JSON object" };
  }
  const statement = (document as Record<string, unknown>).Statement;
  if (Array.isArray(statement)) return statement as unknown[];
  if (typeof statement === "object" && statement !== null) return [statement];
  return { verdict: "unknown", reason: "the key policy has no Statement (an object or a list of them)" };
}

interface Labelled {
  readonly label: string;
  readonly reach: StatementReach;
}

function actionGrant(statements: readonly unknown[], service: string, action: string): KeyPolicyGrant {
  const reaches: Labelled[] = statements.map((statement, i) => ({
    label: statementLabel(statement, i),
    reach: statementReach(statement, service, action),
  }));
  const relevant = reaches.filter(({ reach }) => reach.scope !== "no");
  const certain = ({ reach }: Labelled) => reach.scope === "yes" && reach.conditions.length === 0;
  const denies = relevant.filter(({ reach }) => reach.effect === "Deny");
  const hardDeny = denies.find(certain);
  if (hardDeny) return { verdict: "no", reason: `${hardDeny.label} denies ${service} ${action}` };
  const allows = relevant.filter(({ reach }) => reach.effect === "Allow");
  const hardAllow = allows.find(certain);
  const doubtfulDeny = denies[0] ?? relevant.find(({ reach }) => reach.effect === "malformed");
  if (hardAllow && !doubtfulDeny) return { verdict: "yes", reason: `${hardAllow.label} allows ${service} ${action}` };
  if (doubtfulDeny) {
    return {
      verdict: "unknown",
      reason: `${doubtfulDeny.label} may deny ${service} ${action}: ${doubt(doubtfulDeny.reach)}`,
    };
  }
  const doubtfulAllow = allows[0];
  if (doubtfulAllow) {
    return {
      verdict: "unknown",
      reason: `${doubtfulAllow.label} allows ${service} ${action} only if ${doubt(doubtfulAllow.reach)}`,
    };
  }
  return { verdict: "no", reason: `no statement allows ${service} ${action}${delegationNote(statements)}` };
}

function doubt(reach: StatementReach): string {
  if (reach.effect === "malformed") return `it is malformed (${reach.why})`;
  if (reach.scope === "maybe") return `${reach.why}`;
  const keys = reach.conditions.join(", ");
  return `its condition holds (${keys}), which depends on the request and cannot be checked before deployment`;
}

/** When the policy only delegates to IAM (the account principal), say why that does not reach a service. */
function delegationNote(statements: readonly unknown[]): string {
  const delegates = statements.some((statement) => {
    if (typeof statement !== "object" || statement === null) return false;
    const principal = (statement as Record<string, unknown>).Principal;
    if (typeof principal !== "object" || principal === null) return false;
    const aws = (principal as Record<string, unknown>).AWS;
    const values = typeof aws === "string" ? [aws] : Array.isArray(aws) ? aws : [];
    return values.some((v) => typeof v === "string" && (/:root$/.test(v) || /^[0-9]{12}$/.test(v)));
  });
  return delegates
    ? " (a statement for the account principal only lets the account's IAM policies grant access, and IAM " +
        "policies do not govern a service principal)"
    : "";
}

function statementLabel(statement: unknown, index: number): string {
  const sid =
    typeof statement === "object" && statement !== null ? (statement as Record<string, unknown>).Sid : undefined;
  return typeof sid === "string" && sid !== ""
    ? `statement ${index + 1} (${JSON.stringify(sid)})`
    : `statement ${index + 1}`;
}
