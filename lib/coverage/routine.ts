/**
 * Patterns so broad the alarm never falls quiet. CloudWatch notifies only when an alarm changes state (CloudWatch
 * User Guide, "Using Amazon CloudWatch alarms": actions run on a state change). A metric that also counts routine
 * records is at or above the threshold in period after period, so the alarm sits in ALARM and a change made then
 * notifies nobody. A pattern that covers a control's records but also counts a routine record (lib/cloudtrail
 * routine/, minus records that are themselves in the control's target set) that the trails record does not cover.
 * A pattern that matches every routine record (an empty pattern, a tautology) fails whatever the trails record.
 */
import type { EventFamily } from "../cloudtrail";
import { routineRecords } from "../cloudtrail/families";
import type { RoutineRecord } from "../cloudtrail/families";
import type { RoutineCall } from "../cloudtrail/routine";
import { targetEventSources } from "../controls/target";
import type { ControlDefinition } from "../controls/types";
import type { FilterPattern } from "../filter-pattern/ast";
import { evaluatePatternOnJson } from "../filter-pattern/evaluate";
import { familyFor } from "./family-cache";
import type { CountedRoutineCall, CoverageVerdict } from "./types";

/** Who makes a routine call, in words. */
const CALLER_WORDS: Readonly<Record<RoutineRecord["caller"], string>> = {
  user: "users",
  role: "roles",
  service: "AWS services",
};

const countingRecords = new WeakMap<EventFamily, readonly RoutineRecord[]>();

/** The routine records that count against a family: those outside its target set. */
function countingRecordsOf(family: EventFamily): readonly RoutineRecord[] {
  let records = countingRecords.get(family);
  if (!records) {
    records = routineRecords().filter((routine) => family.membership(routine.record) === "outside");
    countingRecords.set(family, records);
  }
  return records;
}

/** The routine calls that count against this control: routine calls with records outside its target set. */
export function routineCallsFor(control: ControlDefinition): readonly RoutineCall[] {
  const calls: RoutineCall[] = [];
  for (const routine of countingRecordsOf(familyFor(control)))
    if (!calls.includes(routine.call)) calls.push(routine.call);
  return calls;
}

function matches(pattern: FilterPattern, routine: RoutineRecord): boolean {
  return evaluatePatternOnJson(pattern, routine.message, routine.record).outcome === "match";
}

/**
 * The `countsRoutine` verdict for a pattern that covers the control's records, or undefined when it counts no
 * routine record the trails record (`recorded`). The routine call named is one of the control's own service when the
 * pattern counts one (it is the likeliest to be recorded), else the first in the routine data's order.
 */
export function countedRoutine(
  pattern: FilterPattern,
  control: ControlDefinition,
  recorded: (call: RoutineCall) => boolean,
): Extract<CoverageVerdict, { verdict: "countsRoutine" }> | undefined {
  const all = routineRecords();
  const everything = pattern.kind === "matchAll" || all.every((routine) => matches(pattern, routine));
  const counting = countingRecordsOf(familyFor(control));
  const candidates = everything
    ? counting
    : counting.filter((routine) => recorded(routine.call) && matches(pattern, routine));
  if (candidates.length === 0) return undefined;
  const own = targetEventSources(control.target);
  const named = candidates.find((routine) => own.includes(routine.call.eventSource)) ?? candidates[0];
  const routine: CountedRoutineCall = {
    eventSource: named.call.eventSource,
    eventName: named.call.eventName,
    caller: CALLER_WORDS[named.caller],
    why: named.call.why,
  };
  return { verdict: "countsRoutine", routine, reason: reasonOf(named, everything) };
}

/**
 * `counts routine DescribeTrails calls by AWS services (...), so the alarm sits in ALARM and a change made then
 * notifies nobody`; for a pattern that matches every record, `matches nearly every record, routine ... among them`.
 */
function reasonOf(named: RoutineRecord, everything: boolean): string {
  const call = named.call;
  const fails = call.failsWith === undefined ? "" : ` that fail with ${call.failsWith}`;
  const what = `routine ${call.eventName} calls by ${CALLER_WORDS[named.caller]}${fails} (${call.why.replace(/\.$/, "")})`;
  const consequence = "so the alarm sits in ALARM and a change made then notifies nobody";
  return everything
    ? `matches nearly every record, ${what} among them, ${consequence}`
    : `counts ${what}, ${consequence}`;
}
