/**
 * The CloudTrail log groups of a stack: the groups trails deliver to and the groups named in config, which of
 * them need a metric filter for a control (the trails delivering there may record its events), and trails whose
 * group can't be determined at preview.
 */
import { targetSelectorFacts } from "../controls/target";
import { targetRecording } from "./target-recording";
import type { ControlDefinition } from "../controls/types";
import type { Message } from "../findings/message";
import { identityOf, logGroupKey, type ChainAnalysis, type LogGroupIdentity } from "../stack/chain";
import type { LogGroupModel, TrailModel } from "../stack/model";
import { known } from "../stack/read";
import { allOf, anyOf, trailRecords, type Answer, type EventFacts } from "../stack/selectors";

/** The control's events as a trail's event selectors see them (see `targetSelectorFacts`). */
export function controlEventFacts(control: ControlDefinition): readonly EventFacts[] {
  return targetSelectorFacts(control.target);
}

/**
 * Whether the trail can record the target records by where they land: global service events need
 * `includeGlobalServiceEvents`, records that land in us-east-1 only need a multi-region trail or one in us-east-1.
 */
export function trailRecordsWhereTheyLand(trail: TrailModel, control: ControlDefinition): Answer {
  const recording = targetRecording(control.target);
  const answers: Answer[] = [];
  if (recording.globalServiceEvents) {
    const include = trail.includeGlobalServiceEvents;
    answers.push(include.state === "unknown" ? "maybe" : include.state === "known" && !include.value ? "no" : "yes");
  }
  if (recording.usEast1Only) {
    const multi = trail.multiRegion;
    const region = trail.region;
    const inUsEast1: Answer = region.state === "known" ? (region.name === "us-east-1" ? "yes" : "no") : "maybe";
    answers.push(multi.state === "known" && multi.value ? "yes" : orMultiRegion(multi.state, inUsEast1));
  }
  return allOf(answers);
}

/**
 * Whether the trail records (any of) the control's events: "no" only when its event selectors certainly leave
 * them all out (e.g. `readWriteType: "ReadOnly"`, `includeManagementEvents: false`, or advanced selectors
 * that select only data events), or they land where it never looks (global service events it leaves out, a
 * single-region trail outside us-east-1); "maybe" when a setting is not known at preview.
 */
export function trailRecordsControlEvents(trail: TrailModel, control: ControlDefinition): Answer {
  const selected = anyOf(controlEventFacts(control).map((event) => trailRecords(trail, event)));
  return allOf([selected, trailRecordsWhereTheyLand(trail, control)]);
}

/** True when none of `trails` can record the control's events (and there is at least one trail). */
export function noTrailRecords(trails: readonly TrailModel[], control: ControlDefinition): boolean {
  return trails.length > 0 && trails.every((trail) => trailRecordsControlEvents(trail, control) === "no");
}

/**
 * Whether a CloudTrail log group needs a metric filter for the control: yes when named in the config, or when
 * one of the trails delivering to it may record the control's events.
 */
export function needsMetricFilter(group: CloudTrailLogGroup, control: ControlDefinition): boolean {
  return group.configuredName !== undefined || !noTrailRecords(group.trails, control);
}

/** A log group CloudTrail events arrive in: one a trail delivers to, or one named in the config. */
export interface CloudTrailLogGroup {
  readonly identity: LogGroupIdentity;
  /** The log group resource, when it is in the stack. */
  readonly group: LogGroupModel | undefined;
  /** Trails delivering to it. */
  readonly trails: readonly TrailModel[];
  /** The configured name it was found by, if any. */
  readonly configuredName: string | undefined;
}

/** A trail whose log group can't be determined at preview. */
export interface UnresolvedTrail {
  readonly trail: TrailModel;
  readonly why: Message;
}

/** The CloudTrail log groups of a stack (deduplicated), plus trails whose log group is undetermined. */
export function cloudTrailLogGroups(
  analysis: ChainAnalysis,
  configuredNames: readonly string[],
): { readonly groups: readonly CloudTrailLogGroup[]; readonly unresolved: readonly UnresolvedTrail[] } {
  const byKey = new Map<
    string,
    {
      identity: LogGroupIdentity;
      group: LogGroupModel | undefined;
      trails: TrailModel[];
      configuredName: string | undefined;
    }
  >();
  const unresolved: UnresolvedTrail[] = [];
  for (const [trail, target] of analysis.trailTargets) {
    if (target === undefined) continue;
    if (target.kind === "unresolved") {
      unresolved.push({ trail, why: target.why });
      continue;
    }
    const identity = identityOf(target);
    const key = logGroupKey(identity);
    const entry = byKey.get(key) ?? {
      identity,
      group: target.kind === "resource" ? target.group : undefined,
      trails: [],
      configuredName: undefined,
    };
    entry.trails.push(trail);
    byKey.set(key, entry);
  }
  for (const name of configuredNames) {
    const inStack = analysis.model.logGroups.filter(
      (group) => group.groupName.state === "known" && group.groupName.value === name,
    );
    const identities: { identity: LogGroupIdentity; group: LogGroupModel | undefined }[] =
      inStack.length > 0
        ? inStack.map((group) => ({ identity: { urn: group.urn, name: group.groupName, region: group.region }, group }))
        : [{ identity: { urn: undefined, name: known(name), region: "any" }, group: undefined }];
    for (const { identity, group } of identities) {
      const key = logGroupKey(identity);
      const entry = byKey.get(key) ?? { identity, group, trails: [], configuredName: undefined };
      entry.configuredName = name;
      byKey.set(key, entry);
    }
  }
  return { groups: [...byKey.values()], unresolved };
}

/**
 * Where a trail that may be multi-region records: in us-east-1 it records those records either way; elsewhere, with
 * `isMultiRegionTrail` unknown at preview, maybe.
 */
function orMultiRegion(multiState: TrailModel["multiRegion"]["state"], inUsEast1: Answer): Answer {
  return multiState === "unknown" ? anyOf([inUsEast1, "maybe"]) : inUsEast1;
}
