/**
 * A family of CloudTrail records as CloudWatch Logs receives them: one record per message, compact JSON, keys in
 * CloudTrail's order (CloudTrail user guide, "Sending events to CloudWatch Logs": each event is one log event).
 * The positives are the records a pattern must match; the negative controls are records it need not match.
 */
import type { JsonObject } from "./json";
import type { KindAspect } from "./kinds";

/** One record the coverage judgment expects a pattern to match. */
export interface FamilyRecord {
  /** A stable, readable id, e.g. `StopLogging/assumed-role-cli/access-denied/1.08/arn/eu-west-1`. */
  readonly id: string;
  readonly eventName: string;
  /**
   * What the record is reported as when missed: its event name for a family of API calls, else a label of the
   * records it stands with (`ConsoleLogin calls without MFA by IAM users`, `root calls to s3.amazonaws.com`).
   */
  readonly subject: string;
  /** Human words for the kinds of call this record stands for, e.g. `calls that fail`, `console calls`. */
  readonly kinds: readonly string[];
  /** The same kinds by what tells them apart (the outcome, the caller, the region, ...); see `KindAspect`. */
  readonly kindsByAspect: Readonly<Record<KindAspect, readonly string[]>>;
  readonly record: JsonObject;
  /** The record as the log event message: compact JSON. */
  readonly message: string;
}

/** A message that need not be counted: a pattern that matches it is broader than required. */
export interface NegativeControl {
  readonly id: string;
  /** e.g. `a read: GetTrailStatus`. */
  readonly description: string;
  readonly message: string;
}

/** Whether a record is one of the family's target records, one a pattern may match or not, or neither. */
export type Membership = "target" | "exempt" | "outside";

/** A text field a caller chooses freely, so a word excluded by a term pattern can be slipped into it. */
export interface CallerChosenText {
  readonly path: readonly string[];
  readonly label: string;
  readonly accepts: RegExp;
}

export interface EventFamily {
  /** Every event name of the positives, in order. */
  readonly eventNames: readonly string[];
  /** Every subject of the positives, in order: reasons list missed subjects this way. */
  readonly subjects: readonly string[];
  /** Whether subjects are event names (`StopLogging calls`) or labels of their own (`root calls to ...`). */
  readonly subjectStyle: "eventName" | "label";
  /**
   * Whether the target records are calls a filter names (API calls, console sign-ins): then a record no eventName
   * clause matches is missed because "no clause matches" its name. Root activity and failed calls are any call.
   */
  readonly namedByEvent: boolean;
  /** Per subject, a sentence a reason adds when the subject is missed (e.g. why a call belongs to the control). */
  readonly notes: Readonly<Record<string, string>>;
  readonly positives: readonly FamilyRecord[];
  readonly negatives: readonly NegativeControl[];
  /** Whether a record (a variant of a positive, a routine record) is a target record. */
  readonly membership: (record: JsonObject) => Membership;
  /** Dotted paths the family represents fully: no variant changes them (fields.ts `isInvariantPath`). */
  readonly invariantPaths: ReadonlySet<string>;
  /** Dotted paths no rewriting variant changes: the invariant ones and those that decide membership. */
  readonly keptPaths: ReadonlySet<string>;
  /** Fields a caller chooses freely (the user agent; the trail name of CloudTrail's calls). */
  readonly callerChosenText: readonly CallerChosenText[];
}
