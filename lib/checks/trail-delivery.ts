/**
 * The first link: every CloudTrail trail of the stack delivers its events to a CloudWatch Logs log group (log
 * group ARN and role set) and has logging on; and at least one trail records the control's events. Without it,
 * no metric filter ever sees them.
 */
import { targetEventNames, targetEventSources } from "../controls/target";
import { targetRecording } from "../monitoring/target-recording";
import type { ControlDefinition } from "../controls/types";
import { named, notKnownAtPreview } from "../findings/common-messages";
import { finding, list, message, stackText, type Finding, type Message } from "../findings/message";
import { auditTrailGaps } from "../monitoring/audit-trail";
import { trailRecordsControlEvents, trailRecordsWhereTheyLand } from "../monitoring/log-groups";
import type { Profile } from "../monitoring/profiles";
import type { AdvancedEventSelectorModel, EventSelectorModel, StackModel, TrailModel } from "../stack/model";
import { describeRegion } from "../stack/regions";
import { selectorsKnown } from "../stack/selectors";

export const trailDeliveryMessages = {
  trail: "{{trail}}: {{problems}}.\n{{fixes}}",
  noLogGroup: "`cloudWatchLogsGroupArn` is not set, so its events never reach CloudWatch Logs",
  noRole: "`cloudWatchLogsRoleArn` is not set, so CloudTrail can't write to the log group",
  loggingOff: "logging is turned off (`{{property}}: false`)",
  recordsNoChanges:
    "{{why}}, so it never records {{events}} and no trail of this stack does: no metric filter or alarm can see {{changes}}",
  advancedSelectorsSelectNone:
    "its `advancedEventSelectors` ({{selectors}}) select no management write events from {{eventSource}} " +
    '(a selector with `eventCategory` equal to "Management", and `readOnly` unset or "false", would select them)',
  basicSelectorsRecordNone: "its `eventSelectors` record no management write events ({{gaps}})",
  gapNoManagementEvents: "`includeManagementEvents: false`",
  gapReadOnly: '`readWriteType: "ReadOnly"`',
  gapExcludedSource: '`excludeManagementEventSources` lists "{{eventSource}}"',
  selectorNumber: "#{{number}}",
  noGlobalServiceEvents:
    "it leaves out global service events (`includeGlobalServiceEvents: false`), and these records are global " +
    'service events (CloudTrail user guide, "Global service events")',
  recordingPlaceFix:
    "Fix: record global service events on a multi-region trail: `isMultiRegionTrail: true`, and leave " +
    "`includeGlobalServiceEvents` at its default `true`",
  singleRegionOutsideUsEast1: "it is a single-region trail in {{region}}, and these records land in us-east-1 only",
  recordsUnknown: "{{unknown}}, and no trail of this stack certainly records them",
  whetherItRecords: "whether its event selectors record {{events}}",
  whetherItRecordsThere:
    "whether it records {{events}} where they land (its `includeGlobalServiceEvents`, `isMultiRegionTrail` or region)",
  notAuditTrail:
    "no trail of this stack is multi-region, logging and recording every management event, which the CIS audit " +
    "requires; this one: {{gaps}}",
  auditFix:
    "Fix (CIS profile): make one trail multi-region and logging, recording every management event, e.g.\n" +
    '  new aws.cloudtrail.Trail("trail", { ..., isMultiRegionTrail: true, enableLogging: true })  // and no event selectors',
  deliveryFix:
    "Fix: deliver the trail to a CloudWatch Logs log group and keep logging on, e.g.\n" +
    '  new aws.cloudtrail.Trail("trail", { ..., cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,\n' +
    "    cloudWatchLogsRoleArn: cloudTrailToLogsRole.arn, enableLogging: true })",
  selectorsFix:
    "Fix: record management write events on at least one trail: remove the selectors (a trail records every " +
    'management event by default), or add `{ readWriteType: "All", includeManagementEvents: true }` to ' +
    '`eventSelectors`, or an advanced selector `{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }`',
} as const;

/** Why one basic selector leaves out management write events (empty: it doesn't). */
function basicSelectorGaps(selector: EventSelectorModel, control: ControlDefinition): Message[] {
  const gaps: Message[] = [];
  if (selector.includeManagementEvents.state === "known" && !selector.includeManagementEvents.value) {
    gaps.push(message("gapNoManagementEvents"));
  }
  if (selector.readWriteType.state === "known" && selector.readWriteType.value === "ReadOnly")
    gaps.push(message("gapReadOnly"));
  const excluded = selector.excludeManagementEventSources;
  const sources = targetEventSources(control.target);
  const listed =
    excluded.state === "known"
      ? sources.filter((source) => excluded.value.some((entry) => entry.state === "known" && entry.value === source))
      : [];
  for (const eventSource of listed) gaps.push(message("gapExcludedSource", { eventSource }));
  return gaps;
}

/** How an advanced selector is named in messages: its name, else its position. */
function advancedSelectorText(selector: AdvancedEventSelectorModel, index: number) {
  return selector.name.state === "known"
    ? stackText(JSON.stringify(selector.name.value), selector.name.secret === true)
    : message("selectorNumber", { number: index + 1 });
}

/** Why the trail leaves out the control's events (call only when it does). */
export function selectorsWhy(trail: TrailModel, control: ControlDefinition): Message {
  if (trailRecordsWhereTheyLand(trail, control) === "no") {
    const recording = targetRecording(control.target);
    if (
      recording.globalServiceEvents &&
      trail.includeGlobalServiceEvents.state === "known" &&
      !trail.includeGlobalServiceEvents.value
    ) {
      return message("noGlobalServiceEvents");
    }
    return message("singleRegionOutsideUsEast1", { region: describeRegion(trail.region) });
  }
  if (trail.advancedEventSelectors.state === "known") {
    return message("advancedSelectorsSelectNone", {
      selectors: list(trail.advancedEventSelectors.value.map(advancedSelectorText)),
      eventSource: list(targetEventSources(control.target)),
    });
  }
  const gaps =
    trail.eventSelectors.state === "known"
      ? trail.eventSelectors.value.flatMap((selector) => basicSelectorGaps(selector, control))
      : [];
  const unique = gaps.filter((gap, index) => gaps.findIndex((other) => other.id === gap.id) === index);
  return message("basicSelectorsRecordNone", { gaps: list(unique) });
}

/** What is wrong with one trail's delivery (empty when it delivers with logging on). */
export function trailProblems(trail: TrailModel): Message[] {
  const problems: Message[] = [];
  if (trail.logGroupArn.state === "absent") problems.push(message("noLogGroup"));
  if (trail.roleArn.state === "absent") problems.push(message("noRole"));
  if (trail.loggingEnabled.state === "known" && !trail.loggingEnabled.value) {
    problems.push(message("loggingOff", { property: trail.loggingProperty }));
  }
  if (trail.loggingEnabled.state === "unknown") problems.push(notKnownAtPreview(`\`${trail.loggingProperty}\``));
  return problems;
}

/**
 * The problems every trail shares: none of them records the control's events (certainly, or as far as can be
 * known at preview), and, under an audit profile, none is the audit trail.
 */
function stackWideProblems(
  model: StackModel,
  control: ControlDefinition,
  profile: Profile,
): Map<TrailModel, Message[]> {
  const problems = new Map<TrailModel, Message[]>(model.trails.map((trail) => [trail, []]));
  // A "maybe" over selectors that are all known depends on the caller (a `userIdentity.arn` field selector):
  // such a trail records the events of some callers, and counts as recording them. A "maybe" from where the records
  // land (a setting unknown at preview) does not: whether the trail sees them at all is then unknown.
  const recording = model.trails.map((trail) => {
    const answer = trailRecordsControlEvents(trail, control);
    const landing = trailRecordsWhereTheyLand(trail, control);
    const known = selectorsKnown(trail);
    return { trail, known, answer: answer === "maybe" && known && landing === "yes" ? "yes" : answer };
  });
  const events = list(targetEventNames(control.target));
  if (recording.every((entry) => entry.answer === "no")) {
    for (const { trail } of recording) {
      problems
        .get(trail)
        ?.push(message("recordsNoChanges", { why: selectorsWhy(trail, control), events, changes: control.name }));
    }
  } else if (!recording.some((entry) => entry.answer === "yes")) {
    // Selectors not known at preview never count as recording the events: the trail is reported as unverifiable.
    for (const { trail, known, answer } of recording) {
      if (answer !== "maybe") continue;
      // Over known selectors, a "maybe" left here comes from where the records land (see `recording`).
      const what = known ? "whetherItRecordsThere" : "whetherItRecords";
      const unknown = notKnownAtPreview(message(what, { events }));
      problems.get(trail)?.push(message("recordsUnknown", { unknown }));
    }
  }
  if (profile.requireAuditTrail) {
    const audits = model.trails.map((trail) => ({ trail, ...auditTrailGaps(trail) }));
    if (!audits.some((audit) => audit.answer === "yes")) {
      for (const audit of audits)
        problems.get(audit.trail)?.push(message("notAuditTrail", { gaps: list(audit.gaps, "; ") }));
    }
  }
  return problems;
}

/**
 * Whether any trail of the stack records the control's events (and, under an audit profile, whether one is the
 * audit trail): one finding per trail when none does. A control's chain check uses this alone: delivery problems
 * of each trail are the `cloudtrail-logs-to-cloudwatch` policy's.
 */
export function checkTrailRecording(model: StackModel, control: ControlDefinition, profile: Profile): Finding[] {
  return trailFindings(model, control, profile, false);
}

/** The findings of the first link, one per trail with problems. */
export function checkTrailDelivery(model: StackModel, control: ControlDefinition, profile: Profile): Finding[] {
  return trailFindings(model, control, profile, true);
}

function trailFindings(model: StackModel, control: ControlDefinition, profile: Profile, delivery: boolean): Finding[] {
  const findings: Finding[] = [];
  const shared = stackWideProblems(model, control, profile);
  for (const trail of model.trails) {
    const problems = delivery ? trailProblems(trail) : [];
    const fixes = problems.length > 0 ? [message("deliveryFix")] : [];
    const others = shared.get(trail) ?? [];
    const recording = others.filter((problem) => problem.id === "recordsNoChanges" || problem.id === "recordsUnknown");
    const landing = recording.some(
      (problem) =>
        ["noGlobalServiceEvents", "singleRegionOutsideUsEast1"].includes(
          (problem.data.why as Message | undefined)?.id ?? "",
        ) ||
        ((problem.data.unknown as Message | undefined)?.data.what as Message | undefined)?.id ===
          "whetherItRecordsThere",
    );
    if (landing) fixes.push(message("recordingPlaceFix"));
    else if (recording.length > 0) fixes.push(message("selectorsFix"));
    if (others.some((problem) => problem.id === "notAuditTrail")) fixes.push(message("auditFix"));
    problems.push(...others);
    if (problems.length === 0) continue;
    findings.push(
      finding(
        "trail",
        { trail: named("Trail", trail), problems: list(problems, "; "), fixes: list(fixes, "\n") },
        trail.urn,
      ),
    );
  }
  return findings;
}
