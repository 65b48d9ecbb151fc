/**
 * The first link: every CloudTrail trail of the stack delivers its events to a CloudWatch Logs log group (log
 * group ARN and role set) and has logging on; and at least one trail records the control's events. Without it,
 * no metric filter ever sees them.
 */
import type { MonitoringControl } from "../control";
import { named, notKnownAtPreview } from "../findings/common-messages";
import { finding, list, message, stackText, type Finding, type Message } from "../findings/message";
import { noTrailRecords } from "../monitoring/log-groups";
import type { AdvancedEventSelectorModel, EventSelectorModel, StackModel, TrailModel } from "../stack/model";

export const trailDeliveryMessages = {
  trail: "{{trail}}: {{problems}}.\n{{fixes}}",
  noLogGroup: "`cloudWatchLogsGroupArn` is not set, so its events never reach CloudWatch Logs",
  noRole: "`cloudWatchLogsRoleArn` is not set, so CloudTrail can't write to the log group",
  loggingOff: "logging is turned off (`enableLogging: false`)",
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
function basicSelectorGaps(selector: EventSelectorModel, control: MonitoringControl): Message[] {
  const gaps: Message[] = [];
  if (selector.includeManagementEvents.state === "known" && !selector.includeManagementEvents.value) {
    gaps.push(message("gapNoManagementEvents"));
  }
  if (selector.readWriteType.state === "known" && selector.readWriteType.value === "ReadOnly") gaps.push(message("gapReadOnly"));
  const excluded = selector.excludeManagementEventSources;
  if (excluded.state === "known" && excluded.value.some((source) => source.state === "known" && source.value === control.eventSource)) {
    gaps.push(message("gapExcludedSource", { eventSource: control.eventSource }));
  }
  return gaps;
}

/** How an advanced selector is named in messages: its name, else its position. */
function advancedSelectorText(selector: AdvancedEventSelectorModel, index: number) {
  return selector.name.state === "known"
    ? stackText(JSON.stringify(selector.name.value), selector.name.secret === true)
    : message("selectorNumber", { number: index + 1 });
}

/** Why the trail's selectors leave out the control's events (call only when they do). */
export function selectorsWhy(trail: TrailModel, control: MonitoringControl): Message {
  if (trail.advancedEventSelectors.state === "known") {
    return message("advancedSelectorsSelectNone", {
      selectors: list(trail.advancedEventSelectors.value.map(advancedSelectorText)),
      eventSource: control.eventSource,
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
  if (trail.loggingEnabled.state === "known" && !trail.loggingEnabled.value) problems.push(message("loggingOff"));
  if (trail.loggingEnabled.state === "unknown") problems.push(notKnownAtPreview("`enableLogging`"));
  return problems;
}

/** The findings of the first link, one per trail with problems. */
export function checkTrailDelivery(model: StackModel, control: MonitoringControl): Finding[] {
  const findings: Finding[] = [];
  const noneRecords = noTrailRecords(model.trails, control);
  for (const trail of model.trails) {
    const problems = trailProblems(trail);
    const fixes = problems.length > 0 ? [message("deliveryFix")] : [];
    if (noneRecords) {
      problems.push(
        message("recordsNoChanges", {
          why: selectorsWhy(trail, control),
          events: list(control.requiredEventNames),
          changes: control.changes,
        }),
      );
      fixes.push(message("selectorsFix"));
    }
    if (problems.length === 0) continue;
    findings.push(
      finding("trail", { trail: named("Trail", trail), problems: list(problems, "; "), fixes: list(fixes, "\n") }, trail.urn),
    );
  }
  return findings;
}
