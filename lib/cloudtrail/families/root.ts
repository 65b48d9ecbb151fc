/**
 * The family of root activity: the root user's own calls of calls/root.ts, in the console and with its access key,
 * reads and writes, succeeding and failing with the calls' own errors, and its console sign-ins (with and without
 * MFA, and failed). Negative controls: the same
 * calls by an IAM user, a root call an AWS service makes (`invokedBy`), and an AWS service event in the root user's
 * name, which the target set leaves out.
 */
import { callShapeOf, CONSOLE_SIGN_IN_VARIANTS, ROOT_CALLS } from "../calls";
import type { CallShape } from "../calls";
import { ROOT_CALLERS } from "../callers";
import { CALLER_IDENTITIES } from "../identities";
import { USER_AGENT_TEXT } from "../fields";
import { isJsonObject } from "../json";
import type { EventFamily, FamilyRecord, NegativeControl } from "../family-types";
import { insightsEvent } from "../negatives";
import { EVENT_VERSIONS, REGIONS } from "../records";
import { familyRecord, kindsOf } from "./family-record";
import { membershipOf } from "./membership";
import { failuresOf, recordedRegionOf, shapeRecord } from "./shape-record";
import type { ShapeOutcome } from "./shape-record";
import { signInRecords } from "./sign-in";

/** Record positions of negative controls: apart from the positives'. */
const NEGATIVE_INDEX = 10_000;

/** `root calls to s3.amazonaws.com`: root records are reported by the service they call. */
export function rootLabel(eventSource: string): string {
  return `root calls to ${eventSource}`;
}

/** Paths that are the same for every root record, or fully shown by the family. */
const ROOT_INVARIANT_PATHS: ReadonlySet<string> = new Set([
  "readOnly",
  "managementEvent",
  "eventCategory",
  "eventType",
]);

export function buildRootFamily(): EventFamily {
  const positives: FamilyRecord[] = [];
  const shapes: CallShape[] = [];
  ROOT_CALLS.forEach((call, callIndex) => {
    if (call.eventSource === "signin.amazonaws.com") {
      for (const variant of CONSOLE_SIGN_IN_VARIANTS.filter((candidate) => candidate.identityType === "Root")) {
        positives.push(...signInRecords(variant, positives.length, rootLabel(call.eventSource)));
      }
      return;
    }
    const shape = callShapeOf(call.eventSource, call.eventName);
    if (shape === undefined) return;
    shapes.push(shape);
    // The root user is not subject to identity-based policies: its calls fail with the calls' own errors.
    const outcomes: ShapeOutcome[] = [{ kind: "success" }, ...failuresOf(shape, false)];
    outcomes.forEach((outcome, outcomeIndex) => {
      ROOT_CALLERS.forEach((caller, callerIndex) => {
        const index = positives.length;
        const eventVersion = EVENT_VERSIONS[(callerIndex + 2 * outcomeIndex + callIndex) % EVENT_VERSIONS.length];
        const region = recordedRegionOf(shape, REGIONS[(callerIndex + outcomeIndex + callIndex) % REGIONS.length]);
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
        const id = [call.eventName, caller.key, errorCode ?? "success", eventVersion, region.name].join("/");
        positives.push(familyRecord(id, rootLabel(call.eventSource), record, kinds));
      });
    });
  });
  return {
    eventNames: [...new Set(positives.map((record) => record.eventName))],
    subjects: [...new Set(positives.map((record) => record.subject))],
    subjectStyle: "label",
    namedByEvent: false,
    notes: {},
    positives,
    negatives: rootNegatives(shapes),
    membership: membershipOf({ kind: "rootActivity" }),
    invariantPaths: ROOT_INVARIANT_PATHS,
    keptPaths: new Set([...ROOT_INVARIANT_PATHS, "userIdentity.type", "userIdentity.invokedBy"]),
    callerChosenText: [USER_AGENT_TEXT],
  };
}

function rootNegatives(shapes: readonly CallShape[]): NegativeControl[] {
  const negatives: NegativeControl[] = [];
  const root = ROOT_CALLERS[0];
  const make = (index: number, shape: CallShape, caller = root) =>
    shapeRecord({
      index: NEGATIVE_INDEX + index,
      shape,
      caller,
      outcome: { kind: "success" },
      eventVersion: "1.09",
      region: REGIONS[0],
      request: 0,
    });
  shapes.forEach((shape, i) => {
    negatives.push({
      id: `not-root/${shape.eventName}`,
      description: `the same call by an IAM user: ${shape.eventName}`,
      message: JSON.stringify(make(i, shape, CALLER_IDENTITIES[2])),
    });
  });
  const first = shapes[0];
  if (first !== undefined) {
    // "AWS Internal" is how CloudTrail names an AWS service acting internally (CloudTrail userIdentity element).
    const invoked = make(20, first);
    const identity = invoked.userIdentity;
    const userIdentity = isJsonObject(identity) ? { ...identity, invokedBy: "AWS Internal" } : identity;
    negatives.push({
      id: `invoked-by/${first.eventName}`,
      description: `a root call an AWS service makes: ${first.eventName} with invokedBy`,
      message: JSON.stringify({ ...invoked, userIdentity }),
    });
    negatives.push({
      id: `service-event/${first.eventName}`,
      description: `an AWS service event in the root user's name: ${first.eventName}`,
      message: JSON.stringify({ ...make(21, first), eventType: "AwsServiceEvent" }),
    });
    negatives.push({
      id: `insights/${first.eventName}`,
      description: `an Insights event about ${first.eventName}`,
      message: insightsEvent(first.eventSource, first.eventName),
    });
  }
  negatives.push({
    id: "non-json",
    description: "a message that is not JSON",
    message: "2026-01-15T10:00:00Z INFO audit: root user signed in",
  });
  return negatives;
}
