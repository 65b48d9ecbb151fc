/** The record family of a control's target set, built from the data of lib/cloudtrail (calls/, routine/). */
import type { TargetSet } from "../../controls/types";
import { buildEventFamily } from "../family";
import type { EventFamily } from "../family-types";
import { buildApiCallFamily } from "./api-calls";
import { buildFailedAuthorizationFamily } from "./failed-authorization";
import { buildRootFamily } from "./root";
import { buildSignInFamily } from "./sign-in";

/** CloudTrail's own trail calls keep their hand-built family, the one with the trail-reference aspect (family.ts). */
const TRAIL_CALLS: ReadonlySet<string> = new Set([
  "CreateTrail",
  "UpdateTrail",
  "DeleteTrail",
  "StartLogging",
  "StopLogging",
]);

/** The family of a target set. */
export function buildTargetFamily(target: TargetSet): EventFamily {
  switch (target.kind) {
    case "apiCalls":
      if (
        target.eventSource === "cloudtrail.amazonaws.com" &&
        target.eventNames.every((name) => TRAIL_CALLS.has(name))
      ) {
        return buildEventFamily({ eventSource: target.eventSource, eventNames: target.eventNames });
      }
      return buildApiCallFamily(target);
    case "consoleSignIn":
      return buildSignInFamily(target);
    case "rootActivity":
      return buildRootFamily();
    case "failedAuthorization":
      return buildFailedAuthorizationFamily(target);
  }
}

export { matchesWildcard, membershipOf } from "./membership";
export { routineRecords } from "./routine-records";
export type { RoutineRecord } from "./routine-records";
