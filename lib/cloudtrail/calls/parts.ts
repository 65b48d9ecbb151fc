/**
 * Pieces several shapes share: the wording of authorization failures per service protocol, and the example
 * resource names shapes use. Example ids follow the documentation examples (111122223333-style ids are replaced by
 * the `${account}` placeholder; resource ids are AWS's documented example forms).
 */
import type { JsonObject } from "../json";
import { DENIED_PRINCIPAL } from "./types";
import type { CallError, CallShape } from "./types";

/**
 * "User: <arn> is not authorized to perform: <action> on resource: <resource> because no identity-based policy
 * allows the <action> action": the wording AWS uses for an implicit deny since 2021
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
 */
export function notAuthorized(action: string, resource: string): string {
  return `User: ${DENIED_PRINCIPAL} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

/** Query-protocol services (IAM, STS) write the error code "AccessDenied". */
export function accessDenied(action: string, resource: string): CallError {
  return { errorCode: "AccessDenied", errorMessage: notAuthorized(action, resource) };
}

/** JSON-protocol services (KMS, CloudTrail, Config, Organizations) write the exception name "AccessDeniedException". */
export function accessDeniedException(action: string, resource: string): CallError {
  return { errorCode: "AccessDeniedException", errorMessage: notAuthorized(action, resource) };
}

/** S3 writes "AccessDenied" with the message "Access Denied". */
export const S3_ACCESS_DENIED: CallError = { errorCode: "AccessDenied", errorMessage: "Access Denied" };

/**
 * EC2 writes "Client.UnauthorizedOperation"; for calls that change resources the message carries an encoded
 * authorization failure (decoded with sts:DecodeAuthorizationMessage), for Describe calls it does not.
 */
export const EC2_UNAUTHORIZED_WRITE: CallError = {
  errorCode: "Client.UnauthorizedOperation",
  errorMessage:
    "You are not authorized to perform this operation. Encoded authorization failure message: " +
    "fM6bwsfhWxZ0nOC3T8Rk1dUo7lQ2vZsJ3p9x_EXAMPLE_ENCODED_MESSAGE_a7Yq2LmE4cKpQ0",
};
export const EC2_UNAUTHORIZED_READ: CallError = {
  errorCode: "Client.UnauthorizedOperation",
  errorMessage: "You are not authorized to perform this operation.",
};

/** Example resources, one per kind, so that records of different calls name the same account's resources. */
export const EXAMPLE = {
  trailName: "management-events",
  trailArn: "arn:${partition}:cloudtrail:${region}:${account}:trail/management-events",
  trailBucket: "aws-cloudtrail-logs-${account}-management-events",
  logGroupArn: "arn:${partition}:logs:${region}:${account}:log-group:aws-cloudtrail-logs-${account}:*",
  logsRoleArn: "arn:${partition}:iam::${account}:role/CloudTrailRoleForCloudWatchLogs_management-events",
  keyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  keyArn: "arn:${partition}:kms:${region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  bucket: "amzn-s3-demo-bucket",
  roleName: "app-role",
  userName: "deploy-bot",
  groupName: "Developers",
  policyArn: "arn:${partition}:iam::${account}:policy/app-permissions",
  awsManagedPolicyArn: "arn:${partition}:iam::aws:policy/ReadOnlyAccess",
  vpcId: "vpc-0a1b2c3d4e5f67890",
  subnetId: "subnet-0b1c2d3e4f5a67890",
  securityGroupId: "sg-0123456789abcdef0",
  securityGroupRuleId: "sgr-0fedcba9876543210",
  networkAclId: "acl-0c1d2e3f4a5b67890",
  routeTableId: "rtb-0d1e2f3a4b5c67890",
  internetGatewayId: "igw-0e1f2a3b4c5d67890",
  customerGatewayId: "cgw-0f1a2b3c4d5e67890",
  peeringConnectionId: "pcx-0a2b4c6d8e0f13579",
  networkInterfaceId: "eni-0a1b3c5d7e9f24680",
  instanceId: "i-0abcd1234efgh5678",
  ec2RequestId: "0d8a7ae5-3c9e-4f1b-9d55-2c8e6f1a4b7e",
  organizationId: "o-aa111bb222",
  rootId: "r-a1b2",
  ouId: "ou-a1b2-c3d4e5f6",
  policyId: "p-examplepolicyid111",
  handshakeId: "h-examplehandshakeid111",
  memberAccount: "444455556666",
} as const;

/** EC2's response for calls that return only success: `{"requestId": ..., "_return": true}`. */
export const EC2_RETURN_TRUE: JsonObject = { requestId: EXAMPLE.ec2RequestId, _return: true };

/** What a service file writes per call; the factory adds the service-wide fields. */
export type CallBody = Omit<
  CallShape,
  | "eventSource"
  | "eventName"
  | "readOnly"
  | "globalService"
  | "recordedRegion"
  | "eventType"
  | "accessDenied"
  | "alternativeAccessDenied"
> & {
  /** Overrides the service's usual authorization failure for this call. */
  readonly accessDenied?: CallError | null;
};

export interface ServiceTraits {
  readonly eventSource: string;
  readonly globalService: boolean;
  readonly recordedRegion?: string;
  /** The service's authorization failure for a call, from its event name and readOnly flag. */
  readonly denied: (eventName: string, readOnly: boolean) => CallError | null;
  /** Other spellings of that failure public records show (`CallShape.alternativeAccessDenied`). */
  readonly alsoDenied?: (eventName: string) => readonly CallError[];
}

/** `write(name, body)` and `read(name, body)` for one service: the same traits, readOnly false or true. */
export function serviceCalls(traits: ServiceTraits): {
  write: (eventName: string, body: CallBody) => CallShape;
  read: (eventName: string, body: CallBody) => CallShape;
} {
  const make =
    (readOnly: boolean) =>
    (eventName: string, body: CallBody): CallShape => {
      const { accessDenied: override, ...rest } = body;
      return {
        eventSource: traits.eventSource,
        eventName,
        readOnly,
        globalService: traits.globalService,
        ...(traits.recordedRegion === undefined ? {} : { recordedRegion: traits.recordedRegion }),
        ...rest,
        accessDenied: override === undefined ? traits.denied(eventName, readOnly) : override,
        ...(traits.alsoDenied === undefined ? {} : { alternativeAccessDenied: traits.alsoDenied(eventName) }),
      };
    };
  return { write: make(false), read: make(true) };
}
