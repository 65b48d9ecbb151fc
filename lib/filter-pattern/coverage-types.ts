/** The verdict of the coverage judgment: does a pattern catch every required CloudTrail event? */
import type { PatternError } from "./ast";

export interface MissedEvent {
  /** e.g. `StopLogging`. */
  readonly eventName: string;
  /** Human words for the kinds of call missed, e.g. `["calls that fail", "calls by the root user"]`. */
  readonly kinds: readonly string[];
}

/**
 * How many negative controls (reads, other writes, near-miss names, other sources, Insights events, non-JSON
 * messages) the pattern also matched. A broader pattern is acceptable; this is information, not a finding.
 */
export interface BroaderThanRequired {
  readonly matched: number;
  readonly of: number;
  /** Up to three, e.g. `a read: GetTrail`. */
  readonly examples: readonly string[];
}

export type CoverageVerdict =
  | { readonly verdict: "covers"; readonly broaderThanRequired?: BroaderThanRequired }
  | {
      readonly verdict: "misses";
      readonly missed: readonly MissedEvent[];
      /** One line, e.g. "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`". */
      readonly reason: string;
      readonly broaderThanRequired?: BroaderThanRequired;
    }
  | { readonly verdict: "invalid"; readonly error: PatternError }
  | { readonly verdict: "indeterminate"; readonly reason: string };
