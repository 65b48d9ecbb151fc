/**
 * The fifteen CIS AWS Foundations "Monitoring" controls (metric filter + alarm on CloudTrail events), in the
 * benchmark's order: CIS v1.4.0-v5.0.0 4.1-4.15, v6.0.0-v7.0.0 5.1-5.15 (v1.2.0 3.1-3.14 has no Organizations
 * control). See docs/cis-monitoring-controls.md for the table of references and sources.
 *
 * Fix snippets name each metric after Security Hub's example alarm name for the control, in one namespace
 * ("CloudTrailMetrics", the CloudTrail user guide's), as the CIS remediation advises: "Using the same
 * metricNamespace for all Foundations Benchmark metrics will group them together".
 */
import { awsConfigChanges } from "./aws-config-changes";
import { cloudTrailChanges } from "./cloudtrail-changes";
import { consoleAuthenticationFailures } from "./console-authentication-failures";
import { consoleSignInWithoutMfa } from "./console-signin-without-mfa";
import { iamPolicyChanges } from "./iam-policy-changes";
import { kmsKeyDisableOrDeletion } from "./kms-key-disable-or-deletion";
import { networkAclChanges } from "./network-acl-changes";
import { networkGatewayChanges } from "./network-gateway-changes";
import { organizationsChanges } from "./organizations-changes";
import { rootAccountUsage } from "./root-account-usage";
import { routeTableChanges } from "./route-table-changes";
import { s3BucketPolicyChanges } from "./s3-bucket-policy-changes";
import { securityGroupChanges } from "./security-group-changes";
import type { ControlDefinition, ControlId } from "./types";
import { unauthorizedApiCalls } from "./unauthorized-api-calls";
import { vpcChanges } from "./vpc-changes";

export type { ControlDefinition, ControlId, ControlReferences, PrescribedPattern, Source, TargetSet } from "./types";
export {
  awsConfigChanges,
  cloudTrailChanges,
  consoleAuthenticationFailures,
  consoleSignInWithoutMfa,
  iamPolicyChanges,
  kmsKeyDisableOrDeletion,
  networkAclChanges,
  networkGatewayChanges,
  organizationsChanges,
  rootAccountUsage,
  routeTableChanges,
  s3BucketPolicyChanges,
  securityGroupChanges,
  unauthorizedApiCalls,
  vpcChanges,
};

/** Every control, in CIS order (4.1 ... 4.15). */
export const allControls: readonly ControlDefinition[] = [
  unauthorizedApiCalls,
  consoleSignInWithoutMfa,
  rootAccountUsage,
  iamPolicyChanges,
  cloudTrailChanges,
  consoleAuthenticationFailures,
  kmsKeyDisableOrDeletion,
  s3BucketPolicyChanges,
  awsConfigChanges,
  securityGroupChanges,
  networkAclChanges,
  networkGatewayChanges,
  routeTableChanges,
  vpcChanges,
  organizationsChanges,
];

/** Every id's definition; the type makes the compiler check that no id is left out. */
const byId: Readonly<Record<ControlId, ControlDefinition>> = {
  "unauthorized-api-calls": unauthorizedApiCalls,
  "console-signin-without-mfa": consoleSignInWithoutMfa,
  "root-account-usage": rootAccountUsage,
  "iam-policy-changes": iamPolicyChanges,
  "cloudtrail-changes": cloudTrailChanges,
  "console-authentication-failures": consoleAuthenticationFailures,
  "kms-key-disable-or-deletion": kmsKeyDisableOrDeletion,
  "s3-bucket-policy-changes": s3BucketPolicyChanges,
  "aws-config-changes": awsConfigChanges,
  "security-group-changes": securityGroupChanges,
  "network-acl-changes": networkAclChanges,
  "network-gateway-changes": networkGatewayChanges,
  "route-table-changes": routeTableChanges,
  "vpc-changes": vpcChanges,
  "organizations-changes": organizationsChanges,
};

/** The control with this id. */
export function controlById(id: ControlId): ControlDefinition {
  return byId[id];
}

/** Whether a string (e.g. from the pack's config) names a control. */
export function isControlId(value: string): value is ControlId {
  return Object.prototype.hasOwnProperty.call(byId, value);
}
