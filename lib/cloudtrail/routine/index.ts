/** Routine records: the calls every account makes all day, with who makes them and why (routine/types.ts). */
import { GOVERNANCE_ROUTINE_CALLS } from "./governance";
import type { RoutineCall } from "./types";
import { WORKLOAD_ROUTINE_CALLS } from "./workloads";

export const ROUTINE_CALLS: readonly RoutineCall[] = [...GOVERNANCE_ROUTINE_CALLS, ...WORKLOAD_ROUTINE_CALLS];

export type { RoutineCall, RoutineCaller } from "./types";
