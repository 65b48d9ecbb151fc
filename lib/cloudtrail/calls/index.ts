/** Every call shape, by event source and name, and the lookup the family builders use. */
import { CLOUDTRAIL_CALLS } from "./cloudtrail";
import { CONFIG_CALLS } from "./config";
import { EC2_ROUTINE_CALLS } from "./ec2-routine";
import { EC2_GATEWAY_CALLS, EC2_NETWORK_ACL_CALLS, EC2_ROUTE_TABLE_CALLS } from "./ec2-network";
import { EC2_SECURITY_GROUP_CALLS } from "./ec2-security-groups";
import { EC2_VPC_CALLS } from "./ec2-vpcs";
import { IAM_POLICY_CALLS } from "./iam";
import { IAM_ROUTINE_CALLS } from "./iam-routine";
import { KMS_CALLS } from "./kms";
import { LOGS_CALLS } from "./logs";
import { ORGANIZATIONS_CALLS } from "./organizations";
import { S3_CALLS } from "./s3";
import { SIGNIN_CALLS } from "./signin";
import { STS_CALLS } from "./sts";
import type { CallShape } from "./types";

export const ALL_CALL_SHAPES: readonly CallShape[] = [
  ...CLOUDTRAIL_CALLS,
  ...IAM_POLICY_CALLS,
  ...IAM_ROUTINE_CALLS,
  ...KMS_CALLS,
  ...S3_CALLS,
  ...CONFIG_CALLS,
  ...EC2_SECURITY_GROUP_CALLS,
  ...EC2_NETWORK_ACL_CALLS,
  ...EC2_GATEWAY_CALLS,
  ...EC2_ROUTE_TABLE_CALLS,
  ...EC2_VPC_CALLS,
  ...EC2_ROUTINE_CALLS,
  ...ORGANIZATIONS_CALLS,
  ...SIGNIN_CALLS,
  ...STS_CALLS,
  ...LOGS_CALLS,
];

const BY_KEY: ReadonlyMap<string, CallShape> = new Map(
  ALL_CALL_SHAPES.map((shape) => [keyOf(shape.eventSource, shape.eventName), shape]),
);

function keyOf(eventSource: string, eventName: string): string {
  return `${eventSource} ${eventName}`;
}

/** The shape of one call, or `undefined` when calls/ has none (event names are case-sensitive, as in CloudTrail). */
export function callShapeOf(eventSource: string, eventName: string): CallShape | undefined {
  return BY_KEY.get(keyOf(eventSource, eventName));
}

export { CONSOLE_SIGN_IN_VARIANTS, IAM_USER_SIGN_IN_REGIONS, ROOT_SIGN_IN_REGIONS } from "./signin";
export type { ConsoleSignInVariant } from "./signin";
export { ROOT_CALLS } from "./root";
export type { RootCall } from "./root";
export { allStrings, fillPlaceholders, fillString, placeholdersIn } from "./placeholders";
export type { PlaceholderValues } from "./placeholders";
export { DENIED_PRINCIPAL, PLACEHOLDERS } from "./types";
export type { CallError, CallEventType, CallShape, Source } from "./types";
