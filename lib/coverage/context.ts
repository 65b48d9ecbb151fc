/** What every step of one judgment shares: the pattern (as parsed and as written), the family, the evaluator. */
import type { EventFamily } from "../cloudtrail";
import type { FilterPattern } from "../filter-pattern/ast";
import type { RecordEvaluator } from "./record-evaluator";

export interface JudgeContext {
  readonly pattern: FilterPattern;
  /** The pattern as written: reasons quote its clauses. */
  readonly text: string;
  readonly family: EventFamily;
  readonly evaluator: RecordEvaluator;
}
