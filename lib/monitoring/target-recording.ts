/**
 * Where a control's records land, as it matters to trails: global service events and records that land in
 * us-east-1 only (from the call shapes of its calls, lib/cloudtrail/calls).
 */
import type * as Calls from "../cloudtrail/calls";
import type { TargetSet } from "../controls/types";

/** What a trail must be to record the target records at all, beyond its event selectors. */
export interface TargetRecording {
  /**
   * The records are global service events (IAM, console sign-in): a trail records them only when it includes
   * global service events (CloudTrail user guide, "Global service events").
   */
  readonly globalServiceEvents: boolean;
  /**
   * The records land in us-east-1 only (IAM's global service events; AWS Organizations, whose records are only in
   * US East (N. Virginia): Organizations user guide, "Logging and monitoring"): a single-region trail elsewhere
   * never sees them.
   */
  readonly usEast1Only: boolean;
}

let calls: typeof Calls | undefined;

/** The recording requirements of a target set, from the call shapes of its calls (loaded on first use). */
export function targetRecording(target: TargetSet): TargetRecording {
  switch (target.kind) {
    case "apiCalls": {
      // Loaded on first use, not when the pack starts (an `import` would load it with the pack).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      calls ??= require("../cloudtrail/calls") as typeof Calls;
      const { callShapeOf } = calls;
      const shapes = target.eventNames.flatMap((eventName) => {
        const shape = callShapeOf(target.eventSource, eventName);
        return shape === undefined ? [] : [shape];
      });
      const global = shapes.some((shape) => shape.globalService);
      return {
        globalServiceEvents: global,
        usEast1Only: global || shapes.some((shape) => shape.recordedRegion === "us-east-1"),
      };
    }
    case "consoleSignIn":
      // Sign-in is a global service, but its records land in several Regions (CloudTrail user guide, "AWS
      // Management Console sign-in events"): any trail that includes global service events sees some of them.
      return { globalServiceEvents: true, usEast1Only: false };
    default:
      return { globalServiceEvents: false, usEast1Only: false };
  }
}
