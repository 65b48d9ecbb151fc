/**
 * cloudtrail-changes-metric-filter: every CloudTrail log group (one a trail in the stack delivers to, or one
 * named in `logGroupNames`) has a metric filter whose pattern catches every CloudTrail configuration change
 * (CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging) and publishes the value 1 per event.
 */
import type { MonitoringControl } from "../lib/control";
import type { CoverageVerdict } from "../lib/filter-pattern/coverage-types";
import {
  cloudTrailLogGroups,
  filterCoverage,
  filtersOn,
  needsMetricFilter,
  trailRecordsControlEvents,
  type CloudTrailLogGroup,
  type UnresolvedTrail,
} from "../lib/monitoring";
import { analyzeChain, type ChainAnalysis } from "../lib/stack/chain";
import type { MetricFilterModel, StackModel } from "../lib/stack/model";
import { describeRegion } from "../lib/stack/regions";
import type { ConfigOf } from "./config";
import { named, notKnownAtPreview, toStackPolicy, type PolicyDefinition, type PolicyEnvironment, type Violation } from "./common";

export const name = "cloudtrail-changes-metric-filter";

const configProperties = {
  logGroupNames: {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [] as readonly string[],
    description:
      "Names of CloudWatch Logs log groups that receive CloudTrail events from a trail outside this stack (e.g. a " +
      "stack that holds only the monitoring). Each must have a compliant metric filter.",
  },
} as const;

type Config = ConfigOf<typeof configProperties>;

/** The fix snippet: a compliant metric filter on `groupExpression`. */
export function filterSnippet(control: MonitoringControl, groupExpression: string): string {
  return (
    '  new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {\n' +
    `    logGroupName: ${groupExpression},\n` +
    `    pattern: ${JSON.stringify(control.canonicalPattern)},\n` +
    '    metricTransformation: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" } })'
  );
}

export const messages = {
  unresolvedTrail: (trail: UnresolvedTrail) =>
    `${named("Trail", trail.trail)}: can't tell which log group it delivers to (${trail.why}), so its metric filter ` +
    "can't be verified.\nFix: set `cloudWatchLogsGroupArn` from a log group in this stack, e.g. " +
    "pulumi.interpolate`${logGroup.arn}:*`, or name the log group in this policy's `logGroupNames` config.",
  noFilter: (subject: string, control: MonitoringControl, groupExpression: string) =>
    `${subject} has no metric filter counting CloudTrail configuration changes (${control.requiredEventNames.join(", ")}).\n` +
    `Fix: add one, e.g.\n${filterSnippet(control, groupExpression)}`,
  possibleFilters: (subject: string, filters: readonly MetricFilterModel[]) =>
    `${subject}: ${filters.map((filter) => named("metric filter", filter)).join(", ")} may be on it, but ` +
    notKnownAtPreview("their `logGroupName`") +
    ".\nFix: set `logGroupName` from the log group resource (e.g. `logGroupName: logGroup.name`).",
  filterFails: (filter: MetricFilterModel, subject: string, problem: string, control: MonitoringControl) =>
    `${named("Metric filter", filter)} on ${subject}: ${problem}.\nFix: count every CloudTrail configuration change with ` +
    `value "1", e.g.\n${filterSnippet(control, "logGroup.name")}`,
} as const;

/** Why one metric filter does not satisfy the control, or `undefined` when it does. */
export function filterProblem(filter: MetricFilterModel, control: MonitoringControl): string | undefined {
  const coverage = filterCoverage(filter, control);
  if (coverage.state === "unknown") return notKnownAtPreview("its pattern");
  if (coverage.state === "absent") return "it has no pattern";
  const patternProblem = coverageProblem(coverage.value, filter.pattern.state === "known" ? filter.pattern.value : "");
  if (patternProblem !== undefined) return patternProblem;
  return valueProblem(filter);
}

function coverageProblem(verdict: CoverageVerdict, pattern: string): string | undefined {
  switch (verdict.verdict) {
    case "covers":
      return undefined;
    case "misses":
      return `its pattern ${JSON.stringify(pattern)} ${verdict.reason}`;
    case "invalid":
      return `its pattern is invalid and would fail to deploy: ${verdict.error.message}`;
    case "indeterminate":
      return `it can't be verified that its pattern ${JSON.stringify(pattern)} catches every CloudTrail change: ${verdict.reason}`;
  }
}

/** The metric must count events: value "1" per matching event. */
function valueProblem(filter: MetricFilterModel): string | undefined {
  const transformations = filter.transformations;
  if (transformations.state === "unknown") return notKnownAtPreview("its `metricTransformation`");
  if (transformations.state === "absent") return "it has no `metricTransformation`";
  const values = transformations.value.map((transformation) => transformation.value);
  if (values.some((value) => value.state === "known" && Number(value.value) === 1 && value.value.trim() !== "")) return undefined;
  if (values.some((value) => value.state === "unknown")) return notKnownAtPreview("its `metricTransformation.value`");
  const shown = values.map((value) => (value.state === "known" ? JSON.stringify(value.value) : "nothing")).join(", ");
  return `it publishes ${shown} per matching event instead of "1", so an alarm on a Sum of 1 would not count each change`;
}

/** How messages name a CloudTrail log group. */
function subjectOf(group: CloudTrailLogGroup): string {
  const name = group.identity.name.state === "known" ? group.identity.name.value : undefined;
  if (group.group !== undefined) return named("Log group", group.group);
  const trails = group.trails.map((trail) => `"${trail.name}"`).join(", ");
  const from = trails === "" ? "named in config" : `written by trail ${trails}`;
  // The region matters: a group of the same name may be in the stack, in another region.
  const region = group.identity.region === "any" ? "" : ` in ${describeRegion(group.identity.region)}`;
  return `Log group "${name ?? "?"}"${region} (not in this stack, ${from})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The URN a log group's violation is attributed to: the group, else its first trail, else the stack. */
function urnOf(group: CloudTrailLogGroup): string | undefined {
  return group.group?.urn ?? group.trails[0]?.urn;
}

function checkLogGroup(analysis: ChainAnalysis, group: CloudTrailLogGroup, control: MonitoringControl): readonly Violation[] {
  const { definite, possible } = filtersOn(analysis, group.identity);
  const problems = definite.map((filter) => ({ filter, problem: filterProblem(filter, control) }));
  if (problems.some((entry) => entry.problem === undefined)) return [];
  const subject = subjectOf(group);
  if (definite.length === 0 && possible.length > 0) {
    return [{ message: messages.possibleFilters(subject, possible), urn: urnOf(group) }];
  }
  if (definite.length === 0) {
    const groupExpression =
      group.group !== undefined || group.identity.name.state !== "known" ? "logGroup.name" : JSON.stringify(group.identity.name.value);
    return [{ message: messages.noFilter(subject, control, groupExpression), urn: urnOf(group) }];
  }
  return problems.map(({ filter, problem }) => ({
    message: messages.filterFails(filter, lowerFirst(subject), problem ?? "", control),
    urn: filter.urn,
  }));
}

function check(model: StackModel, config: Config, control: MonitoringControl): readonly Violation[] {
  const analysis = analyzeChain(model);
  const { groups, unresolved } = cloudTrailLogGroups(analysis, config.logGroupNames);
  // A trail that can't record the control's events needs no filter (cloudtrail-logs-to-cloudwatch reports when
  // no trail of the stack records them).
  const violations: Violation[] = unresolved
    .filter((trail) => trailRecordsControlEvents(trail.trail, control) !== "no")
    .map((trail) => ({ message: messages.unresolvedTrail(trail), urn: trail.trail.urn }));
  for (const group of groups) {
    if (needsMetricFilter(group, control)) violations.push(...checkLogGroup(analysis, group, control));
  }
  return violations;
}

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "CloudTrail log groups count CloudTrail changes",
  description:
    "Every CloudWatch Logs log group that receives CloudTrail events must have a metric filter that counts every " +
    "CloudTrail configuration change (CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging) with value 1.",
  remediationSteps:
    "Add an `aws.cloudwatch.LogMetricFilter` on the trail's log group with the pattern `{ ($.eventName = CreateTrail) || " +
    "($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = " +
    'StopLogging) }` and `metricTransformation: { name, namespace, value: "1" }`. Try a pattern offline with ' +
    "`npm run test-metric-filter`. This is the second link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / " +
    'Trend Micro Cloud Conformity\'s "CloudWatch alarm for CloudTrail changes".',
  tags: ["metric-filter"],
  configProperties,
  check,
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
