/**
 * The family of a control about failed authorization: every authorization failure calls/ knows, as each service
 * writes it (`AccessDenied` for IAM, S3 and STS, `AccessDeniedException` for JSON-protocol services such as KMS,
 * CloudTrail, AWS Config and Organizations, `Client.UnauthorizedOperation` for EC2), each by two callers in turn,
 * reads and writes, in rotating regions and event versions. Records the target set exempts (e.g. HeadBucket) are
 * left out: a filter may count them or not. Negative controls: the same calls succeeding, and failing otherwise.
 */
import type { TargetSet } from "../../controls/types";
import { ALL_CALL_SHAPES } from "../calls";
import type { CallShape } from "../calls";
import { MANAGEMENT_CALLERS } from "../callers";
import { CALLER_IDENTITIES } from "../identities";
import { USER_AGENT_TEXT } from "../fields";
import type { EventFamily, FamilyRecord, NegativeControl } from "../family-types";
import { insightsEvent } from "../negatives";
import { EVENT_VERSIONS, REGIONS } from "../records";
import { familyRecord, kindsOf } from "./family-record";
import { membershipOf } from "./membership";
import { failuresOf, recordedRegionOf, shapeRecord } from "./shape-record";
import type { ShapeOutcome } from "./shape-record";

type FailedAuthorizationTarget = Extract<TargetSet, { kind: "failedAuthorization" }>;

/** How many callers make each call's authorization failure. */
const CALLERS_PER_FAILURE = 2;
/** Record positions of negative controls: apart from the positives'. */
const NEGATIVE_INDEX = 10_000;
/** How many calls the negative controls show succeeding, and failing otherwise. */
const NEGATIVE_CALLS = 5;

/** `calls failing with AccessDeniedException`: failed calls are reported by the error code they carry. */
export function failedAuthorizationLabel(errorCode: string): string {
  return `calls failing with ${errorCode}`;
}

/** Paths that are the same for every record, or fully shown by the family. */
const INVARIANT: ReadonlySet<string> = new Set(["readOnly", "managementEvent", "eventCategory", "eventType"]);

export function buildFailedAuthorizationFamily(target: FailedAuthorizationTarget): EventFamily {
  const membership = membershipOf(target);
  const positives: FamilyRecord[] = [];
  const shapes = ALL_CALL_SHAPES.filter((shape) => shape.accessDenied !== null);
  shapes.forEach((shape, shapeIndex) => {
    const denials = failuresOf(shape).filter((outcome) => outcome.kind === "failure" && outcome.authorization);
    denials.forEach((outcome, denialIndex) => {
      for (let k = 0; k < CALLERS_PER_FAILURE; k++) {
        const callerIndex = (shapeIndex * CALLERS_PER_FAILURE + denialIndex + k * 5) % MANAGEMENT_CALLERS.length;
        const caller = MANAGEMENT_CALLERS[callerIndex];
        const index = positives.length;
        const eventVersion = EVENT_VERSIONS[(shapeIndex + k + denialIndex) % EVENT_VERSIONS.length];
        const region = recordedRegionOf(shape, REGIONS[(shapeIndex + 2 * k) % REGIONS.length]);
        const record = shapeRecord({ index, shape, caller, outcome, eventVersion, region, request: k });
        if (membership(record) !== "target" || outcome.kind !== "failure") continue;
        const code = outcome.error.errorCode;
        const kinds = kindsOf({
          errorCode: code,
          failureIsKind: false,
          callerKinds: caller.callerKinds,
          clientKinds: caller.clientKinds,
          region: region.name,
          eventVersion,
        });
        const id = [shape.eventSource, shape.eventName, caller.key, code, eventVersion, region.name].join("/");
        positives.push(familyRecord(id, failedAuthorizationLabel(code), record, kinds));
      }
    });
  });
  return {
    eventNames: [...new Set(positives.map((record) => record.eventName))],
    subjects: [...new Set(positives.map((record) => record.subject))],
    subjectStyle: "label",
    namedByEvent: false,
    notes: {},
    positives,
    negatives: negativesOf(shapes),
    membership,
    invariantPaths: INVARIANT,
    keptPaths: new Set([...INVARIANT, "errorCode"]),
    callerChosenText: [USER_AGENT_TEXT],
  };
}

function negativesOf(shapes: readonly CallShape[]): NegativeControl[] {
  const caller = CALLER_IDENTITIES[3];
  const message = (index: number, shape: CallShape, outcome: ShapeOutcome): string =>
    JSON.stringify(
      shapeRecord({
        index: NEGATIVE_INDEX + index,
        shape,
        caller,
        outcome,
        eventVersion: "1.09",
        region: REGIONS[1],
        request: 0,
      }),
    );
  // Spread over the services: every n-th shape.
  const step = Math.max(1, Math.floor(shapes.length / NEGATIVE_CALLS));
  const picked = shapes.filter((_, index) => index % step === 0).slice(0, NEGATIVE_CALLS);
  const negatives: NegativeControl[] = picked.map((shape, i) => ({
    id: `success/${shape.eventSource}/${shape.eventName}`,
    description: `a successful call: ${shape.eventName}`,
    message: message(i, shape, { kind: "success" }),
  }));
  picked.forEach((shape, i) => {
    const own = failuresOf(shape).find((outcome) => outcome.kind === "failure" && !outcome.authorization);
    if (own === undefined || own.kind !== "failure") return;
    negatives.push({
      id: `other-failure/${shape.eventSource}/${shape.eventName}`,
      description: `a call that fails otherwise: ${shape.eventName} with ${own.error.errorCode}`,
      message: message(10 + i, shape, own),
    });
  });
  const first = picked[0];
  if (first !== undefined) {
    negatives.push({
      id: `insights/${first.eventName}`,
      description: `an Insights event about ${first.eventName}`,
      message: insightsEvent(first.eventSource, first.eventName),
    });
  }
  negatives.push({
    id: "non-json",
    description: "a message that is not JSON",
    message: "2026-01-15T10:00:00Z WARN AccessDenied for user deploy-bot",
  });
  return negatives;
}
