/**
 * Routine records: each routine call (routine/) as its callers make it, built from its shape like any family
 * record. A user's call is made from the console (an IAM user and a role federated through IAM Identity Center), a
 * role's from an SDK, an AWS service's through its service-linked role; a call that routinely fails carries its
 * routine error. The routine ConsoleLogin is an IAM user's sign-in with MFA (routine/governance.ts).
 */
import { callShapeOf, CONSOLE_SIGN_IN_VARIANTS } from "../calls";
import type { CallShape } from "../calls";
import { ROUTINE_CALLERS } from "../callers";
import type { JsonObject } from "../json";
import { REGIONS } from "../records";
import { ROUTINE_CALLS } from "../routine";
import type { RoutineCall, RoutineCaller } from "../routine";
import { failuresOf, shapeRecord } from "./shape-record";
import type { ShapeOutcome } from "./shape-record";
import { BROWSER_AGENTS, signInRecord } from "./sign-in-record";
import { memoTable } from "../../memo";

export interface RoutineRecord {
  readonly call: RoutineCall;
  readonly caller: RoutineCaller;
  readonly record: JsonObject;
  readonly message: string;
}

/** Record positions of routine records: apart from the families'. */
const ROUTINE_INDEX = 30_000;

function outcomeOf(shape: CallShape, call: RoutineCall): ShapeOutcome {
  if (call.failsWith === undefined) return { kind: "success" };
  return (
    failuresOf(shape).find((outcome) => outcome.kind === "failure" && outcome.error.errorCode === call.failsWith) ?? {
      kind: "success",
    }
  );
}

const built = memoTable<"all", readonly RoutineRecord[]>();

/** Every routine record, built once. */
export function routineRecords(): readonly RoutineRecord[] {
  const records = built.get("all") ?? ROUTINE_CALLS.flatMap((call, callIndex) => recordsOf(call, callIndex));
  built.set("all", records);
  return records;
}

function recordsOf(call: RoutineCall, callIndex: number): RoutineRecord[] {
  const records: RoutineRecord[] = [];
  const add = (caller: RoutineCaller, record: JsonObject): void => {
    records.push({ call, caller, record, message: JSON.stringify(record) });
  };
  if (call.eventSource === "signin.amazonaws.com" && call.eventName === "ConsoleLogin") {
    const withMfa = CONSOLE_SIGN_IN_VARIANTS.find((variant) => variant.key === "iam-user-with-mfa");
    if (withMfa !== undefined) {
      const plan = { variant: withMfa, region: "us-east-1", eventVersion: "1.10", userAgent: BROWSER_AGENTS[0] };
      add("user", signInRecord({ ...plan, index: ROUTINE_INDEX + 10 * callIndex }));
    }
    return records;
  }
  const shape = callShapeOf(call.eventSource, call.eventName);
  if (shape === undefined) return records;
  const outcome = outcomeOf(shape, call);
  for (const category of call.callers) {
    ROUTINE_CALLERS[category].forEach((caller) => {
      const index = ROUTINE_INDEX + 10 * callIndex + records.length;
      add(
        category,
        shapeRecord({ index, shape, caller, outcome, eventVersion: "1.10", region: REGIONS[1], request: 0 }),
      );
    });
  }
  return records;
}
