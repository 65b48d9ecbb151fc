/**
 * What every EC2 call shares (ec2.amazonaws.com): a regional, query-protocol service. CloudTrail writes EC2
 * request lists as `{"items": [...]}` objects and empty lists as `{}` (CloudTrail log file examples, EC2 user
 * guide), success-only responses as `{"requestId": ..., "_return": true}`, error codes with EC2's "Client." prefix
 * (e.g. "Client.InvalidGroup.NotFound"), and authorization failures as "Client.UnauthorizedOperation".
 */
import type { JsonValue } from "../json";
import type { CallError, CallShape } from "./types";
import { EC2_UNAUTHORIZED_READ, EC2_UNAUTHORIZED_WRITE, serviceCalls } from "./parts";
import { apiReference, CLOUDTRAIL_LOG_FILE_EXAMPLES, EC2_CLOUDTRAIL, EC2_ERRORS, EC2_UNAUTHORIZED } from "./sources";

export const { write: ec2Write, read: ec2Read } = serviceCalls({
  eventSource: "ec2.amazonaws.com",
  globalService: false,
  denied: (_eventName, readOnly) => (readOnly ? EC2_UNAUTHORIZED_READ : EC2_UNAUTHORIZED_WRITE),
});

/** An EC2 error as CloudTrail writes it: the API error code with the "Client." prefix. */
export function ec2Error(code: string, message: string): CallError {
  return { errorCode: `Client.${code}`, errorMessage: message };
}

/** The sources of a shape built from the EC2 API reference's request syntax and CloudTrail's EC2 conventions. */
export function ec2Sources(action: string, ...extra: CallShape["sources"]): CallShape["sources"] {
  return [
    apiReference("ec2", action),
    EC2_ERRORS,
    EC2_UNAUTHORIZED,
    CLOUDTRAIL_LOG_FILE_EXAMPLES,
    EC2_CLOUDTRAIL,
    ...extra,
  ];
}

/** `{"items": [...]}`, EC2's list form. */
export function items(...entries: readonly JsonValue[]): { items: JsonValue[] } {
  return { items: [...entries] };
}
