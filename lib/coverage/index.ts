/**
 * The coverage judgment: whether a metric filter's pattern counts every CloudTrail record of a CIS monitoring
 * control, and no routine record, judged by meaning over a family of realistic records and adversarial variants
 * (judge.ts).
 */
export { judgeCoverage } from "./judge";
export type { CoverageOptions } from "./judge";
export { routineCallsFor } from "./routine";
export type { BroaderThanRequired, CountedRoutineCall, CoverageVerdict, MissedEvent } from "./types";
export type { RoutineCall } from "../cloudtrail/routine";
