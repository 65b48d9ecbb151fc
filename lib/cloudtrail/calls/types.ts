/**
 * How one management API call looks in a CloudTrail record: the parts that depend on the call, as static data
 * with placeholders. Realistic record families are built from these shapes (CloudTrail user guide, "CloudTrail
 * record contents": https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 */
import type { JsonObject, JsonValue } from "../json";

/** A public source a datum was taken from or checked against. */
export interface Source {
  readonly title: string;
  readonly url: string;
}

/**
 * The only placeholders a shape's strings may hold: the 12-digit account id, the partition (`aws`, `aws-cn`,
 * `aws-us-gov`) and the region (e.g. `eu-west-1`). Everything else in a shape is a literal example value.
 */
export const PLACEHOLDERS = ["${account}", "${partition}", "${region}"] as const;

/**
 * The caller an AccessDenied message names. AWS writes the caller's ARN into the message ("User: <arn> is not
 * authorized to perform: ..."), and a shape cannot know the caller, so every shape writes this IAM user (the
 * `iam-user-cli` caller of identities.ts); a builder that varies the caller replaces it with its caller's ARN.
 */
export const DENIED_PRINCIPAL = "arn:${partition}:iam::${account}:user/deploy-bot";

/** A failure the call can really have, as CloudTrail records it. */
export interface CallError {
  /** e.g. "NoSuchEntityException", "Client.UnauthorizedOperation", "AccessDenied". */
  readonly errorCode: string;
  /** With placeholders. */
  readonly errorMessage: string;
}

/** CloudTrail's `eventType` for the call: API calls, and the console sign-in events of signin.amazonaws.com. */
export type CallEventType = "AwsApiCall" | "AwsConsoleSignIn";

/** How one management API call looks in a CloudTrail record (the parts that depend on the call). */
export interface CallShape {
  /** e.g. "iam.amazonaws.com". */
  readonly eventSource: string;
  /** e.g. "PutRolePolicy". */
  readonly eventName: string;
  /** CloudTrail's readOnly flag for the call. */
  readonly readOnly: boolean;
  /**
   * A global-service event: recorded in us-east-1 (awsRegion), and delivered only to trails that include global
   * service events. CloudTrail counts four global services: IAM, AWS STS (its global endpoint), CloudFront and
   * console sign-in; AWS Organizations records land in us-east-1 too but are ordinary regional events there
   * (see `recordedRegion`).
   */
  readonly globalService: boolean;
  /**
   * The one Region CloudTrail writes as `awsRegion` whatever the Region of the caller's session, for a call that is
   * not a global-service event: "us-east-1" for AWS Organizations. Absent: the Region of the endpoint called
   * (us-east-1 for global services, with the exceptions their files describe).
   */
  readonly recordedRegion?: string;
  /** CloudTrail's eventType; absent means "AwsApiCall". */
  readonly eventType?: CallEventType;
  /** requestParameters of a successful call (null where CloudTrail writes null). */
  readonly requestParameters: JsonObject | null;
  /** responseElements of a successful call (null where CloudTrail writes null). */
  readonly responseElements: JsonValue;
  /** additionalEventData, when CloudTrail writes it for this call. */
  readonly additionalEventData?: JsonObject;
  /** Other request shapes the call is made with (rotated by the family builder), optional. */
  readonly alternativeRequests?: readonly (JsonObject | null)[];
  /** Failures beyond AccessDenied that the call really has (not found, already exists, invalid state...). */
  readonly errors: readonly CallError[];
  /**
   * How the service writes an authorization failure for this call: "AccessDenied" (IAM, S3, STS),
   * "AccessDeniedException" (JSON-protocol services: KMS, CloudTrail, Config, Organizations),
   * "Client.UnauthorizedOperation" (EC2), with its message (naming `DENIED_PRINCIPAL` where AWS names the caller).
   * Null for console sign-in: a refused sign-in is written with `errorMessage` only and no `errorCode` (signin.ts).
   */
  readonly accessDenied: CallError | null;
  /**
   * Other spellings of the authorization failure that public records show for this call, when sources disagree
   * (CloudTrail's own calls: AccessDeniedException in the API reference, AccessDenied in denied CLI calls).
   */
  readonly alternativeAccessDenied?: readonly CallError[];
  readonly sources: readonly Source[];
}
