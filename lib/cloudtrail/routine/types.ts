/**
 * Routine records: calls every account makes all day. A metric that counts them sits in ALARM, and CloudWatch
 * notifies only when an alarm changes state, so a change made then notifies nobody: a pattern that matches a
 * routine record does not count as covering its control.
 */
import type { Source } from "../calls/types";

/** Who makes a routine call. */
export type RoutineCaller =
  /** An IAM user or assumed role, through the console or the CLI. */
  | "user"
  /** A service-linked or application role (an IaC deployment role, a Lambda execution role). */
  | "role"
  /** An AWS service principal (userIdentity.type AWSService), or a call with userIdentity.invokedBy. */
  | "service";

export interface RoutineCall {
  /** The call, by event source and name; its shape comes from lib/cloudtrail/calls. */
  readonly eventSource: string;
  readonly eventName: string;
  /** Who makes it routinely. */
  readonly callers: readonly RoutineCaller[];
  /** Why it is frequent, in one sentence. */
  readonly why: string;
  /**
   * The errorCode the routine call carries, when it routinely fails: its shape's `accessDenied.errorCode` or one of
   * its `errors`. Absent: it routinely succeeds.
   */
  readonly failsWith?: string;
  readonly sources: readonly Source[];
}
