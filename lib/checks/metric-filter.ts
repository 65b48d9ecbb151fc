/**
 * The second link: every CloudTrail log group (one a trail of the stack delivers to, or one named in config)
 * whose trails may record the control's events has a metric filter whose pattern catches every one of them and
 * publishes the value 1 per event.
 */
import { prescribedTexts, snippetPattern, targetEventNames } from "../controls/target";
import type { ControlDefinition } from "../controls/types";
import type { CoverageVerdict } from "../coverage/types";
import { named, notKnownAtPreview } from "../findings/common-messages";
import { finding, list, message, quoted, stackText, type Finding, type Message } from "../findings/message";
import { allControls } from "../controls";
import { filterCoverage, filterCovers, type RecordedRoutine } from "../monitoring/coverage";
import { recordedByTrails } from "../monitoring/recorded";
import { filtersOn } from "../monitoring/filters";
import {
  cloudTrailLogGroups,
  needsMetricFilter,
  trailRecordsControlEvents,
  type CloudTrailLogGroup,
  type UnresolvedTrail,
} from "../monitoring/log-groups";
import { analyzeChain, identityOf, type ChainAnalysis } from "../stack/chain";
import type { Profile } from "../monitoring/profiles";
import type { MetricFilterModel, StackModel } from "../stack/model";
import type { Field } from "../stack/read";
import { describeRegion } from "../stack/regions";

/** What the metric-filter check is configured with. */
export interface MetricFilterCriteria {
  /** Names of CloudTrail log groups no trail of the stack delivers to (the trail lives elsewhere). */
  readonly logGroupNames: readonly string[];
}

export const metricFilterMessages = {
  unresolvedTrail:
    "{{trail}}: can't tell which log group it delivers to ({{why}}), so its metric filter can't be verified.\n" +
    "Fix: set `cloudWatchLogsGroupArn` from a log group in this stack, e.g. pulumi.interpolate`${logGroup.arn}:*`, " +
    "or name the log group in this policy's `logGroupNames` config.",
  noFilter: "{{subject}} has no metric filter counting {{changes}} ({{events}}).\nFix: add one, e.g.\n{{snippet}}",
  possibleFilters:
    "{{subject}}: {{filters}} may be on it, but {{unknown}}.\n" +
    "Fix: set `logGroupName` from the log group resource (e.g. `logGroupName: logGroup.name`).",
  theirLogGroupName: "their `logGroupName`",
  itsName: "its name",
  theirRegion: "the region of the log group or of the filters",
  filterFails:
    '{{filter}} on {{subject|lowerFirst}}: {{problem}}.\nFix: count every {{change}} with value "1", e.g.\n{{snippet}}',
  filterSnippet:
    '  new aws.cloudwatch.LogMetricFilter("{{resourceName}}", {\n' +
    "    logGroupName: {{groupExpression}},\n" +
    "    pattern: {{pattern}},\n" +
    '    metricTransformation: { name: "{{metricName}}", namespace: "{{namespace}}", value: "1" } })',
  groupInStack: "{{group}}",
  groupOutside: 'Log group "{{name}}"{{region}} (not in this stack, {{from}})',
  groupRegion: " in {{region}}",
  namedInConfig: "named in config",
  writtenByTrails: "written by trail {{trails}}",
  patternUnknown: "its pattern",
  noPattern: "it has no pattern",
  patternMisses: "its pattern {{pattern}} {{reason}}",
  patternInvalid: "its pattern is invalid and would fail to deploy: {{error}}",
  patternCountsRoutine:
    "its pattern {{pattern}} {{reason}} (a routine call: {{eventName}} of {{eventSource}}); count only {{changes}} " +
    "(a second filter on this log group that counts only them is enough)",
  patternIndeterminate: "it can't be verified that its pattern {{pattern}} catches every {{change}}: {{reason}}",
  transformationUnknown: "its `metricTransformation`",
  noTransformation: "it has no `metricTransformation`",
  valueUnknown: "its `metricTransformation.value`",
  valueNotOne:
    'it publishes {{values}} per matching event instead of "1", so an alarm on a Sum of 1 would not count each change',
  nothing: "nothing",
  logGroupClassNoFilters:
    "{{group}} has the log class {{logGroupClass}}, which does not support metric filters, so no filter on it ever " +
    'counts {{changes}}.\nFix: deliver the trail to a log group of the "STANDARD" class (the default; a log group\'s ' +
    "class can't be changed once it is created, so this means a new log group), e.g.\n" +
    '  new aws.cloudwatch.LogGroup("cloudtrail", { retentionInDays: 365 })',
  logGroupClassUnknown:
    '{{group}}: {{unknown}}, nor whether it supports metric filters.\nFix: leave `logGroupClass` unset or set it to "STANDARD".',
  itsLogClass: "its log class (`logGroupClass`)",
  transformedLogs:
    "it is applied to transformed logs (`applyOnTransformedLogs: true`), so it sees what a log transformer makes of " +
    "each record, which can't be checked here; set `applyOnTransformedLogs: false`",
  transformedLogsUnknown: "`applyOnTransformedLogs`",
  fieldSelection:
    "its `fieldSelectionCriteria` {{criteria}} selects the records it processes by source account and region, which " +
    "can't be checked against every {{change}} here; remove `fieldSelectionCriteria`",
  fieldSelectionUnknown: "`fieldSelectionCriteria`",
  notPrescribedPattern:
    "its pattern {{pattern}} does catch every {{change}}, but it is not the prescribed CIS text, and AWS Security Hub " +
    "({{control}}) compares the text, so its check will fail after deployment; use the prescribed pattern",
} as const;

/** The fix snippet: a compliant metric filter on `groupExpression`. */
export function filterSnippet(control: ControlDefinition, groupExpression: Message["data"][string]): Message {
  return message("filterSnippet", {
    resourceName: control.id,
    groupExpression,
    pattern: JSON.stringify(snippetPattern(control)),
    metricName: control.metric.name,
    namespace: control.metric.namespace,
  });
}

/** The words a verdict's reason gives when the pattern is a secret (its clauses can't be quoted). */
function secretReason(verdict: Extract<CoverageVerdict, { verdict: "misses" }>): string {
  const missed = verdict.missed
    .map((event) => (/\bcalls\b/.test(event.eventName) ? event.eventName : `${event.eventName} calls`))
    .join(", ");
  return `misses ${missed} (which clause is to blame is not shown: the pattern is a secret)`;
}

/** Why a known coverage verdict does not satisfy the control, or `undefined` when it covers. */
function coverageProblem(
  verdict: CoverageVerdict,
  pattern: string,
  secret: boolean,
  control: ControlDefinition,
): Message | undefined {
  const shownPattern = quoted(pattern, secret);
  switch (verdict.verdict) {
    case "covers":
      return undefined;
    case "misses":
      return message("patternMisses", {
        pattern: shownPattern,
        reason: stackText(verdict.reason, secret, secretReason(verdict)),
      });
    case "countsRoutine":
      // The reason names a routine call, not a clause of the pattern, so it is shown even for a secret pattern.
      return message("patternCountsRoutine", {
        pattern: shownPattern,
        reason: verdict.reason,
        eventSource: verdict.routine.eventSource,
        eventName: verdict.routine.eventName,
        changes: control.name,
      });
    case "invalid":
      return message("patternInvalid", {
        error: stackText(verdict.error.message, secret, "Invalid metric filter pattern"),
      });
    case "indeterminate":
      return message("patternIndeterminate", {
        pattern: shownPattern,
        change: control.nameOfOne,
        reason: stackText(verdict.reason, secret, "it depends on a rule AWS does not document"),
      });
  }
}

/** The metric must count events: value "1" per matching event. */
function valueProblem(filter: MetricFilterModel): Message | undefined {
  const transformations = filter.transformations;
  if (transformations.state === "unknown") return notKnownAtPreview(message("transformationUnknown"));
  if (transformations.state === "absent") return message("noTransformation");
  const values = transformations.value.map((transformation) => transformation.value);
  if (values.some((value) => value.state === "known" && Number(value.value) === 1 && value.value.trim() !== ""))
    return undefined;
  if (values.some((value) => value.state === "unknown")) return notKnownAtPreview(message("valueUnknown"));
  const shown = values.map((value) =>
    value.state === "known" ? quoted(value.value, value.secret === true) : message("nothing"),
  );
  return message("valueNotOne", { values: list(shown) });
}

/**
 * Settings that change which records the filter sees: a filter on transformed logs sees what a log transformer
 * made of the record (CloudWatch Logs API, PutMetricFilter `applyOnTransformedLogs`), and field selection
 * criteria drop records by source account and region (`fieldSelectionCriteria`). Neither can be checked against
 * the control's records here, so such a filter does not count as covering.
 */
function visibilityProblem(filter: MetricFilterModel, control: ControlDefinition): Message | undefined {
  const transformed = filter.applyOnTransformedLogs;
  if (transformed.state === "unknown") return notKnownAtPreview(message("transformedLogsUnknown"));
  if (transformed.state === "known" && transformed.value) return message("transformedLogs");
  const criteria = filter.fieldSelectionCriteria;
  if (criteria.state === "unknown") return notKnownAtPreview(message("fieldSelectionUnknown"));
  if (criteria.state === "known" && criteria.value.trim() !== "") {
    return message("fieldSelection", {
      criteria: quoted(criteria.value, criteria.secret === true),
      change: control.nameOfOne,
    });
  }
  return undefined;
}

/** A pattern without its whitespace, as AWS Security Hub compares patterns. */
function withoutWhitespace(pattern: string): string {
  return pattern.replace(/\s+/g, "");
}

/** `security-hub`: a covering pattern must be a prescribed text (whitespace aside) where Security Hub checks it. */
function prescribedProblem(pattern: Field<string>, control: ControlDefinition, profile: Profile): Message | undefined {
  const securityHub = control.references.securityHub; // none for AWS Organizations changes: nothing compares the text
  if (!profile.requirePrescribedPattern || securityHub === undefined || pattern.state !== "known") return undefined;
  if (prescribedTexts(control).map(withoutWhitespace).includes(withoutWhitespace(pattern.value))) return undefined;
  return message("notPrescribedPattern", {
    pattern: quoted(pattern.value, pattern.secret === true),
    change: control.nameOfOne,
    control: securityHub,
  });
}

/**
 * Why one metric filter does not satisfy the control, or `undefined` when it does. `recorded`: which routine calls
 * the trails delivering to the filter's log group record (default: every one).
 */
export function filterProblem(
  filter: MetricFilterModel,
  control: ControlDefinition,
  profile: Profile,
  recorded?: RecordedRoutine,
): Message | undefined {
  const visibility = visibilityProblem(filter, control);
  if (visibility !== undefined) return visibility;
  const coverage = filterCoverage(filter, control, recorded);
  if (coverage.state === "unknown") return notKnownAtPreview(message("patternUnknown"));
  if (coverage.state === "absent") return message("noPattern");
  const pattern = filter.pattern.state === "known" ? filter.pattern : undefined;
  const patternProblem = coverageProblem(coverage.value, pattern?.value ?? "", pattern?.secret === true, control);
  return patternProblem ?? valueProblem(filter) ?? prescribedProblem(filter.pattern, control, profile);
}

/** Whether the filter covers a CIS monitoring control other than `control`. */
function countsAnotherControl(
  filter: MetricFilterModel,
  control: ControlDefinition,
  recorded: RecordedRoutine,
): boolean {
  return allControls.some((other) => other.id !== control.id && filterCovers(filter, other, recorded));
}

/** How messages name a CloudTrail log group. */
function subjectOf(group: CloudTrailLogGroup): Message {
  if (group.group !== undefined) return message("groupInStack", { group: named("Log group", group.group) });
  const name = group.identity.name;
  const trails = list(group.trails.map((trail) => `"${trail.name}"`));
  const from = group.trails.length === 0 ? message("namedInConfig") : message("writtenByTrails", { trails });
  // The region matters: a group of the same name may be in the stack, in another region.
  const region =
    group.identity.region === "any" ? "" : message("groupRegion", { region: describeRegion(group.identity.region) });
  return message("groupOutside", {
    name: name.state === "known" ? stackText(name.value, name.secret === true) : "?",
    region,
    from,
  });
}

/** The URN a log group's finding is attributed to: the group, else its first trail, else the stack. */
function urnOf(group: CloudTrailLogGroup): string | undefined {
  return group.group?.urn ?? group.trails[0]?.urn;
}

/**
 * Log groups of the Infrequent Access and Delivery classes support a subset of CloudWatch Logs features, and
 * metric filters are not among them (CloudWatch Logs user guide, "Log classes"; CreateLogGroup `logGroupClass`:
 * "If you omit this parameter, the default of STANDARD is used"). A group outside the stack is taken as Standard.
 */
function logClassFinding(group: CloudTrailLogGroup, control: ControlDefinition): Finding | undefined {
  const resource = group.group;
  if (resource === undefined) return undefined;
  const logClass = resource.logGroupClass;
  const subject = named("Log group", resource);
  if (logClass.state === "unknown") {
    return finding(
      "logGroupClassUnknown",
      { group: subject, unknown: notKnownAtPreview(message("itsLogClass")) },
      resource.urn,
    );
  }
  if (logClass.state === "known" && (logClass.value === "INFREQUENT_ACCESS" || logClass.value === "DELIVERY")) {
    const data = {
      group: subject,
      logGroupClass: quoted(logClass.value, logClass.secret === true),
      changes: control.name,
    };
    return finding("logGroupClassNoFilters", data, resource.urn);
  }
  return undefined;
}

function checkLogGroup(
  analysis: ChainAnalysis,
  group: CloudTrailLogGroup,
  control: ControlDefinition,
  profile: Profile,
): Finding[] {
  const logClass = logClassFinding(group, control);
  if (logClass !== undefined) return [logClass];
  const { definite, possible } = filtersOn(analysis, group.identity);
  // The trails delivering to the group decide which routine calls reach it; a group only named in config gets all.
  const recorded = recordedByTrails(group.trails);
  const judged = definite.map((filter) => ({ filter, problem: filterProblem(filter, control, profile, recorded) }));
  if (judged.some((entry) => entry.problem === undefined)) return [];
  // A filter that counts another control's events is that control's, not a failed attempt at this one: a log group
  // holding the filters of several controls reports only the filters that miss, and "no filter" when none tries.
  const problems = judged.filter((entry) => !countsAnotherControl(entry.filter, control, recorded));
  const subject = subjectOf(group);
  if (problems.length === 0 && possible.length > 0) {
    const filters = list(possible.map((filter) => named("metric filter", filter)));
    return [
      finding(
        "possibleFilters",
        { subject, filters, unknown: notKnownAtPreview(whyPossible(analysis, group, possible)) },
        urnOf(group),
      ),
    ];
  }
  if (problems.length === 0) {
    const name = group.identity.name;
    const groupExpression =
      group.group !== undefined || name.state !== "known" ? "logGroup.name" : quoted(name.value, name.secret === true);
    const data = {
      subject,
      changes: control.name,
      events: list(targetEventNames(control.target)),
      snippet: filterSnippet(control, groupExpression),
    };
    return [finding("noFilter", data, urnOf(group))];
  }
  return problems.map(({ filter, problem }) =>
    finding(
      "filterFails",
      {
        filter: named("Metric filter", filter),
        subject,
        problem: problem ?? "",
        change: control.nameOfOne,
        snippet: filterSnippet(control, "logGroup.name"),
      },
      filter.urn,
    ),
  );
}

/** The findings of the second link. */
export function checkMetricFilters(
  model: StackModel,
  criteria: MetricFilterCriteria,
  control: ControlDefinition,
  profile: Profile,
): Finding[] {
  const analysis = analyzeChain(model);
  const { groups, unresolved } = cloudTrailLogGroups(analysis, criteria.logGroupNames);
  // A trail that can't record the control's events needs no filter (the trail-delivery check reports when no
  // trail of the stack records them).
  const findings: Finding[] = unresolved
    .filter((trail) => trailRecordsControlEvents(trail.trail, control) !== "no")
    .map((trail) => unresolvedFinding(trail));
  for (const group of groups) {
    if (needsMetricFilter(group, control)) findings.push(...checkLogGroup(analysis, group, control, profile));
  }
  return findings;
}

function unresolvedFinding(trail: UnresolvedTrail): Finding {
  return finding("unresolvedTrail", { trail: named("Trail", trail.trail), why: trail.why }, trail.trail.urn);
}

/**
 * What is not known that leaves filters only possibly on a log group (`sameLogGroup` answers "maybe" for a name or a
 * region not known): the group's own name (a `namePrefix`), the filters' `logGroupName`, or else a region.
 */
function whyPossible(
  analysis: ChainAnalysis,
  group: CloudTrailLogGroup,
  possible: readonly MetricFilterModel[],
): Message {
  if (group.identity.name.state !== "known") return message("itsName");
  const namesUnknown = possible.some((filter) => {
    const target = analysis.filterTargets.get(filter);
    return target === undefined || identityOf(target).name.state !== "known";
  });
  return message(namesUnknown ? "theirLogGroupName" : "theirRegion");
}
