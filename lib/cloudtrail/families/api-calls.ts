/**
 * The family of a control about API calls of one service, built from the calls' shapes (calls/): for every required
 * call, every caller of management calls succeeding, and each of the call's real failures (its authorization
 * failure, then its own errors) by four callers in turn; event versions, regions (global-service calls are recorded
 * in us-east-1) and request shapes rotate so that every call sees several of each. Optional calls (retired ones a
 * filter may leave out) are neither positives nor negatives.
 */
import type { TargetSet } from "../../controls/types";
import { ALL_CALL_SHAPES, callShapeOf } from "../calls";
import type { CallShape } from "../calls";
import { MANAGEMENT_CALLERS } from "../callers";
import { CALLER_IDENTITIES } from "../identities";
import { INVARIANT_PATHS, USER_AGENT_TEXT } from "../fields";
import type { EventFamily, FamilyRecord, NegativeControl } from "../family-types";
import { nameNegatives } from "../negatives";
import { EVENT_VERSIONS, REGIONS } from "../records";
import { familyRecord, kindsOf } from "./family-record";
import { membershipOf } from "./membership";
import { failuresOf, recordedRegionOf, shapeRecord } from "./shape-record";
import type { ShapeOutcome } from "./shape-record";

type ApiCallsTarget = Extract<TargetSet, { kind: "apiCalls" }>;

/** How many callers make each failure of a call (every caller makes its successful calls). */
const CALLERS_PER_FAILURE = 4;
/** Record positions of negative controls: apart from the positives'. */
const NEGATIVE_INDEX = 10_000;

/** A call's shape, or a bare one when calls/ has none (so a required call is never silently left out). */
function shapeOf(eventSource: string, eventName: string): CallShape {
  return (
    callShapeOf(eventSource, eventName) ?? {
      eventSource,
      eventName,
      readOnly: false,
      globalService: false,
      requestParameters: null,
      responseElements: null,
      errors: [],
      accessDenied: { errorCode: "AccessDenied", errorMessage: "Access Denied" },
      sources: [],
    }
  );
}

export function buildApiCallFamily(target: ApiCallsTarget): EventFamily {
  const optional = new Set(target.optionalEventNames ?? []);
  const required = target.eventNames.filter((name) => !optional.has(name));
  const positives: FamilyRecord[] = [];
  required.forEach((eventName, eventIndex) => {
    const shape = shapeOf(target.eventSource, eventName);
    const outcomes: ShapeOutcome[] = [{ kind: "success" }, ...failuresOf(shape)];
    outcomes.forEach((outcome, outcomeIndex) => {
      const callers =
        outcomeIndex === 0
          ? MANAGEMENT_CALLERS.map((caller, callerIndex) => ({ caller, callerIndex }))
          : failureCallers(eventIndex, outcomeIndex);
      for (const { caller, callerIndex } of callers) {
        const index = positives.length;
        const eventVersion = EVENT_VERSIONS[(callerIndex + 3 * outcomeIndex + eventIndex) % EVENT_VERSIONS.length];
        const region = recordedRegionOf(shape, REGIONS[(2 * callerIndex + outcomeIndex + eventIndex) % REGIONS.length]);
        const record = shapeRecord({
          index,
          shape,
          caller,
          outcome,
          eventVersion,
          region,
          request: callerIndex + outcomeIndex,
        });
        const errorCode = outcome.kind === "failure" ? outcome.error.errorCode : undefined;
        const kinds = kindsOf({
          errorCode,
          callerKinds: caller.callerKinds,
          clientKinds: caller.clientKinds,
          region: region.name,
          eventVersion,
        });
        const id = [eventName, caller.key, errorCode ?? "success", eventVersion, region.name].join("/");
        positives.push(familyRecord(id, eventName, record, kinds));
      }
    });
  });
  const notes = Object.fromEntries(Object.entries(target.eventNotes ?? {}).filter(([name]) => required.includes(name)));
  return {
    eventNames: required,
    subjects: required,
    subjectStyle: "eventName",
    namedByEvent: true,
    notes,
    positives,
    negatives: negativesOf(target, required),
    membership: membershipOf(target),
    invariantPaths: INVARIANT_PATHS,
    keptPaths: INVARIANT_PATHS,
    callerChosenText: [USER_AGENT_TEXT],
  };
}

/** Four callers, a third of the list apart, starting at a place that moves with the call and the failure. */
function failureCallers(
  eventIndex: number,
  outcomeIndex: number,
): { caller: (typeof MANAGEMENT_CALLERS)[number]; callerIndex: number }[] {
  const count = MANAGEMENT_CALLERS.length;
  const step = Math.max(1, Math.floor(count / CALLERS_PER_FAILURE));
  const start = (eventIndex + 4 * outcomeIndex) % count;
  return Array.from({ length: CALLERS_PER_FAILURE }, (_, k) => {
    const callerIndex = (start + k * step) % count;
    return { caller: MANAGEMENT_CALLERS[callerIndex], callerIndex };
  });
}

/** A successful call of `shape` by an assumed role from the CLI, as a message: negative controls are text. */
function negativeMessage(index: number, shape: CallShape): string {
  const record = shapeRecord({
    index: NEGATIVE_INDEX + index,
    shape,
    caller: CALLER_IDENTITIES[3],
    outcome: { kind: "success" },
    eventVersion: "1.09",
    region: REGIONS[1],
    request: 0,
  });
  return JSON.stringify(record);
}

/**
 * Negative controls: the service's reads and other writes (calls/ has them), then near misses of the required
 * names: another spelling, another case, another source, an Insights event, a line that is not JSON.
 */
function negativesOf(target: ApiCallsTarget, required: readonly string[]): NegativeControl[] {
  const own = ALL_CALL_SHAPES.filter(
    (shape) => shape.eventSource === target.eventSource && !target.eventNames.includes(shape.eventName),
  );
  const reads = own.filter((shape) => shape.readOnly).slice(0, 6);
  const writes = own.filter((shape) => !shape.readOnly).slice(0, 5);
  const controls: NegativeControl[] = [
    ...reads.map((shape, i) => ({
      id: `read/${shape.eventName}`,
      description: `a read: ${shape.eventName}`,
      message: negativeMessage(i, shape),
    })),
    ...writes.map((shape, i) => ({
      id: `write/${shape.eventName}`,
      description: `another write: ${shape.eventName}`,
      message: negativeMessage(10 + i, shape),
    })),
  ];
  const first = required[0] ?? target.eventNames[0] ?? "";
  const last = required[required.length - 1] ?? first;
  const renamed = (index: number, eventSource: string, eventName: string): string =>
    negativeMessage(index, { ...shapeOf(target.eventSource, first), eventSource, eventName });
  return [...controls, ...nameNegatives(target.eventSource, first, last, renamed)];
}
