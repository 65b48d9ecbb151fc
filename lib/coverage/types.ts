/** The verdicts of the coverage judgment: does a metric filter's pattern count every record of a control? */
import type { PatternError } from "../filter-pattern/ast";

export interface MissedEvent {
  /**
   * What was missed: the event name for a control about API calls (`StopLogging`), else a label of the records
   * (`ConsoleLogin calls without MFA by IAM users`, `calls failing with AccessDeniedException`).
   */
  readonly eventName: string;
  /** Human words for the kinds of call missed, e.g. `["calls that fail", "calls by the root user"]`. */
  readonly kinds: readonly string[];
}

/**
 * How many negative controls (reads, other writes, near-miss names, other sources, Insights events, non-JSON
 * messages) the pattern also matched. Information, not a finding, as long as none of them is a routine record.
 */
export interface BroaderThanRequired {
  readonly matched: number;
  readonly of: number;
  /** Up to three, e.g. `a read: GetTrail`. */
  readonly examples: readonly string[];
}

/** One routine call a pattern counts, named in a `countsRoutine` verdict. */
export interface CountedRoutineCall {
  readonly eventSource: string;
  readonly eventName: string;
  /** Who makes it, in words: `AWS services`, `users`, `roles`. */
  readonly caller: string;
  /** Why it is frequent (the routine call's own sentence). */
  readonly why: string;
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
  | {
      /** Covers the control's records, but also counts routine records: the alarm would never fall quiet. */
      readonly verdict: "countsRoutine";
      readonly routine: CountedRoutineCall;
      readonly reason: string;
    }
  | { readonly verdict: "invalid"; readonly error: PatternError }
  | { readonly verdict: "indeterminate"; readonly reason: string };
