/**
 * cloudtrail-logs-to-cloudwatch: every CloudTrail trail in the stack delivers its events to a CloudWatch Logs
 * log group (log group ARN and role set) and has logging on. Without it, no metric filter ever sees a CloudTrail
 * change. And at least one trail records management write events: if the event selectors of every trail leave
 * them out, CloudTrail's own configuration changes are never recorded, and the chain can't work.
 */
import type { MonitoringControl } from "../lib/control";
import { noTrailRecords } from "../lib/monitoring";
import type { AdvancedEventSelectorModel, EventSelectorModel, StackModel, TrailModel } from "../lib/stack/model";
import { named, notKnownAtPreview, toStackPolicy, type PolicyDefinition, type PolicyEnvironment, type Violation } from "./common";

export const name = "cloudtrail-logs-to-cloudwatch";

const configProperties = {} as const;

export const messages = {
  noLogGroup: "`cloudWatchLogsGroupArn` is not set, so its events never reach CloudWatch Logs",
  noRole: "`cloudWatchLogsRoleArn` is not set, so CloudTrail can't write to the log group",
  loggingOff: "logging is turned off (`enableLogging: false`)",
  loggingUnknown: notKnownAtPreview("`enableLogging`"),
  recordsNoChanges: (why: string, control: MonitoringControl) =>
    `${why}, so it never records ${control.requiredEventNames.join(", ")} and no trail of this stack does: no metric ` +
    "filter or alarm can see CloudTrail configuration changes",
  selectorsFix:
    "Fix: record management write events on at least one trail: remove the selectors (a trail records every " +
    'management event by default), or add `{ readWriteType: "All", includeManagementEvents: true }` to ' +
    '`eventSelectors`, or an advanced selector `{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }`',
  fix:
    "Fix: deliver the trail to a CloudWatch Logs log group and keep logging on, e.g.\n" +
    '  new aws.cloudtrail.Trail("trail", { ..., cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,\n' +
    "    cloudWatchLogsRoleArn: cloudTrailToLogsRole.arn, enableLogging: true })",
} as const;

/** Why one basic selector leaves out management write events, as settings (empty: it doesn't). */
function basicSelectorGaps(selector: EventSelectorModel, control: MonitoringControl): string[] {
  const gaps: string[] = [];
  if (selector.includeManagementEvents.state === "known" && !selector.includeManagementEvents.value) gaps.push("`includeManagementEvents: false`");
  if (selector.readWriteType.state === "known" && selector.readWriteType.value === "ReadOnly") gaps.push('`readWriteType: "ReadOnly"`');
  const excluded = selector.excludeManagementEventSources;
  if (excluded.state === "known" && excluded.value.some((source) => source.state === "known" && source.value === control.eventSource)) {
    gaps.push(`\`excludeManagementEventSources\` lists "${control.eventSource}"`);
  }
  return gaps;
}

/** How an advanced selector is named in messages. */
function advancedSelectorText(selector: AdvancedEventSelectorModel, index: number): string {
  return selector.name.state === "known" ? `"${selector.name.value}"` : `#${index + 1}`;
}

/** Why the trail's selectors leave out the control's events (call only when they do). */
export function selectorsWhy(trail: TrailModel, control: MonitoringControl): string {
  if (trail.advancedEventSelectors.state === "known") {
    const names = trail.advancedEventSelectors.value.map(advancedSelectorText).join(", ");
    return (
      `its \`advancedEventSelectors\` (${names}) select no management write events from ${control.eventSource} ` +
      '(a selector with `eventCategory` equal to "Management", and `readOnly` unset or "false", would select them)'
    );
  }
  const gaps = trail.eventSelectors.state === "known" ? trail.eventSelectors.value.flatMap((selector) => basicSelectorGaps(selector, control)) : [];
  return `its \`eventSelectors\` record no management write events (${[...new Set(gaps)].join(", ")})`;
}

/** What is wrong with one trail (empty when compliant). */
export function trailProblems(trail: TrailModel): readonly string[] {
  const problems: string[] = [];
  if (trail.logGroupArn.state === "absent") problems.push(messages.noLogGroup);
  if (trail.roleArn.state === "absent") problems.push(messages.noRole);
  if (trail.loggingEnabled.state === "known" && !trail.loggingEnabled.value) problems.push(messages.loggingOff);
  if (trail.loggingEnabled.state === "unknown") problems.push(messages.loggingUnknown);
  return problems;
}

function check(model: StackModel, _config: object, control: MonitoringControl): readonly Violation[] {
  const violations: Violation[] = [];
  const noneRecords = noTrailRecords(model.trails, control);
  for (const trail of model.trails) {
    const problems = [...trailProblems(trail)];
    const fixes = problems.length > 0 ? [messages.fix] : [];
    if (noneRecords) {
      problems.push(messages.recordsNoChanges(selectorsWhy(trail, control), control));
      fixes.push(messages.selectorsFix);
    }
    if (problems.length === 0) continue;
    violations.push({ message: `${named("Trail", trail)}: ${problems.join("; ")}.\n${fixes.join("\n")}`, urn: trail.urn });
  }
  return violations;
}

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "CloudTrail trails deliver to CloudWatch Logs",
  description:
    "Every CloudTrail trail must deliver its events to a CloudWatch Logs log group and have logging enabled, and " +
    "at least one trail must record management write events (CloudTrail's own configuration changes among them).",
  remediationSteps:
    "Set `cloudWatchLogsGroupArn` (the log group ARN followed by `:*`) and `cloudWatchLogsRoleArn` (a role CloudTrail " +
    "can assume to write to the group) on the trail, and leave `enableLogging` at its default `true`. Keep management " +
    "write events recorded on at least one trail (no event selectors, the default, records them all). This is the first " +
    "link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / Trend Micro Cloud Conformity's " +
    '"CloudWatch alarm for CloudTrail changes".',
  tags: ["cloudtrail-delivery"],
  configProperties,
  check,
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
