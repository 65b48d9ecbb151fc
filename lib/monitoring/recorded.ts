/**
 * Which routine calls reach a log group: those the trails delivering to it record. A trail whose selectors record
 * write events only never delivers a DescribeTrails, so a pattern that would count it is no harm on that trail's
 * log group. With no trail of the stack delivering to the group (a group named in config, or a filter on a group
 * of another stack), every kind of call is assumed to arrive. A selector that may record the call (unknown at
 * preview) counts as recording it: the stricter reading.
 */
import type * as Calls from "../cloudtrail/calls";
import type { RoutineCall } from "../coverage";
import type { TrailModel } from "../stack/model";
import { trailRecords } from "../stack/selectors";
import type { RecordedRoutine } from "./coverage";

let calls: typeof Calls | undefined;

/** Every routine call arrives. */
export const everyRoutineCall: RecordedRoutine = () => true;

/** The routine calls the trails record (every one when `trails` is empty). */
export function recordedByTrails(trails: readonly TrailModel[]): RecordedRoutine {
  if (trails.length === 0) return everyRoutineCall;
  // Loaded on first use, not when the pack starts (an `import` would load it with the pack).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  calls ??= require("../cloudtrail/calls") as typeof Calls;
  const { callShapeOf } = calls;
  const answers = new Map<RoutineCall, boolean>();
  return (call) => {
    let answer = answers.get(call);
    if (answer === undefined) {
      const shape = callShapeOf(call.eventSource, call.eventName);
      const facts = {
        eventCategory: "Management",
        readOnly: shape === undefined ? "true" : String(shape.readOnly),
        eventSource: call.eventSource,
        eventName: call.eventName,
        eventType: shape?.eventType ?? "AwsApiCall",
      };
      answer = trails.some((trail) => trailRecords(trail, facts) !== "no");
      answers.set(call, answer);
    }
    return answer;
  };
}
