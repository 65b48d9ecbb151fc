/**
 * The CloudTrail-changes control over the stack model: which log groups hold CloudTrail events, which metric
 * filters count the control's events, which alarms watch those metrics. Config-independent and memoized per
 * model; the policies add their configured criteria on top.
 */
import type { MonitoringControl } from "./control";
import type * as CoverageModule from "./filter-pattern/coverage";
import type { CoverageVerdict } from "./filter-pattern/coverage-types";
import {
  alarmWatches,
  identityOf,
  logGroupKey,
  sameLogGroup,
  type AlarmMetricMatch,
  type ChainAnalysis,
  type LogGroupIdentity,
  type PublishedMetric,
} from "./stack/chain";
import type { AlarmModel, LogGroupModel, MetricFilterModel, StackModel, TrailModel } from "./stack/model";
import { known, type Field } from "./stack/read";
import { anyOf, trailRecords, type Answer, type EventFacts } from "./stack/selectors";

let coverageModule: typeof CoverageModule | undefined;

/**
 * The filter-pattern engine (parser, evaluator, CloudTrail family, re2js) loads on the first pattern judged, not
 * when the engine starts the pack: every preview pays the start-up, only stacks with a metric filter pay this.
 */
function judgeCoverage(...args: Parameters<typeof CoverageModule.judgeCoverage>): CoverageVerdict {
  coverageModule ??= require("./filter-pattern/coverage") as typeof CoverageModule;
  return coverageModule.judgeCoverage(...args);
}

const coverageCache = new Map<string, CoverageVerdict>();
const coverageCacheLimit = 10_000;

/**
 * The coverage verdict for a pattern, memoized by pattern text and event list. An engine failure becomes an
 * `indeterminate` verdict (never an exception into the policy SDK).
 */
export function coverageOf(pattern: string, requiredEventNames: readonly string[]): CoverageVerdict {
  const key = `${requiredEventNames.join(",")}\u0000${pattern}`;
  const cached = coverageCache.get(key);
  if (cached !== undefined) return cached;
  let verdict: CoverageVerdict;
  try {
    verdict = judgeCoverage(pattern, requiredEventNames);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    verdict = { verdict: "indeterminate", reason: `the pattern engine failed: ${detail}` };
  }
  if (coverageCache.size >= coverageCacheLimit) coverageCache.clear();
  coverageCache.set(key, verdict);
  return verdict;
}

/** A filter's verdict: `unknown` when its pattern is not known at preview, `absent` when it has none. */
export function filterCoverage(filter: MetricFilterModel, control: MonitoringControl): Field<CoverageVerdict> {
  if (filter.pattern.state !== "known") return filter.pattern;
  return known(coverageOf(filter.pattern.value, control.requiredEventNames));
}

/**
 * The control's events as a trail's event selectors see them: management events, write calls (`readOnly`
 * "false"), from the control's event source, of type AwsApiCall.
 */
export function controlEventFacts(control: MonitoringControl): readonly EventFacts[] {
  return control.requiredEventNames.map((eventName) => ({
    eventCategory: "Management",
    readOnly: "false",
    eventSource: control.eventSource,
    eventName,
    eventType: "AwsApiCall",
  }));
}

/**
 * Whether the trail records (any of) the control's events: "no" only when its event selectors certainly leave
 * them all out (e.g. `readWriteType: "ReadOnly"`, `includeManagementEvents: false`, or advanced selectors
 * that select only data events); "maybe" when a selector is not known at preview.
 */
export function trailRecordsControlEvents(trail: TrailModel, control: MonitoringControl): Answer {
  return anyOf(controlEventFacts(control).map((event) => trailRecords(trail, event)));
}

/** True when none of `trails` can record the control's events (and there is at least one trail). */
export function noTrailRecords(trails: readonly TrailModel[], control: MonitoringControl): boolean {
  return trails.length > 0 && trails.every((trail) => trailRecordsControlEvents(trail, control) === "no");
}

/**
 * Whether a CloudTrail log group needs a metric filter for the control: yes when named in the config, or when
 * one of the trails delivering to it may record the control's events.
 */
export function needsMetricFilter(group: CloudTrailLogGroup, control: MonitoringControl): boolean {
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
  readonly why: string;
}

/** The CloudTrail log groups of a stack (deduplicated), plus trails whose log group is undetermined. */
export function cloudTrailLogGroups(
  analysis: ChainAnalysis,
  configuredNames: readonly string[],
): { readonly groups: readonly CloudTrailLogGroup[]; readonly unresolved: readonly UnresolvedTrail[] } {
  const byKey = new Map<string, { identity: LogGroupIdentity; group: LogGroupModel | undefined; trails: TrailModel[]; configuredName: string | undefined }>();
  const unresolved: UnresolvedTrail[] = [];
  for (const [trail, target] of analysis.trailTargets) {
    if (target === undefined) continue;
    if (target.kind === "unresolved") {
      unresolved.push({ trail, why: target.why });
      continue;
    }
    const identity = identityOf(target);
    const key = logGroupKey(identity);
    const entry = byKey.get(key) ?? { identity, group: target.kind === "resource" ? target.group : undefined, trails: [], configuredName: undefined };
    entry.trails.push(trail);
    byKey.set(key, entry);
  }
  for (const name of configuredNames) {
    const inStack = analysis.model.logGroups.filter((group) => group.groupName.state === "known" && group.groupName.value === name);
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

/** Metric filters indexed by the log group they are on (built once per analysis). */
interface FilterIndex {
  readonly byGroupUrn: ReadonlyMap<string, readonly MetricFilterModel[]>;
  readonly byGroupName: ReadonlyMap<string, readonly MetricFilterModel[]>;
  /** Filters whose log group name is not known (unresolved at preview): candidates for every group. */
  readonly nameUnknown: readonly MetricFilterModel[];
}

const filterIndexes = new WeakMap<ChainAnalysis, FilterIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function filterIndexOf(analysis: ChainAnalysis): FilterIndex {
  const cached = filterIndexes.get(analysis);
  if (cached !== undefined) return cached;
  const byGroupUrn = new Map<string, MetricFilterModel[]>();
  const byGroupName = new Map<string, MetricFilterModel[]>();
  const nameUnknown: MetricFilterModel[] = [];
  for (const [filter, target] of analysis.filterTargets) {
    const identity = identityOf(target);
    if (identity.urn !== undefined) push(byGroupUrn, identity.urn, filter);
    if (identity.name.state === "known") push(byGroupName, identity.name.value, filter);
    else nameUnknown.push(filter);
  }
  const index = { byGroupUrn, byGroupName, nameUnknown };
  filterIndexes.set(analysis, index);
  return index;
}

/** The metric filters on a log group: definitely on it, and those that may be (links unknown at preview). */
export function filtersOn(
  analysis: ChainAnalysis,
  identity: LogGroupIdentity,
): { readonly definite: readonly MetricFilterModel[]; readonly possible: readonly MetricFilterModel[] } {
  const index = filterIndexOf(analysis);
  const candidates =
    identity.name.state === "known"
      ? new Set([
          ...(identity.urn === undefined ? [] : index.byGroupUrn.get(identity.urn) ?? []),
          ...(index.byGroupName.get(identity.name.value) ?? []),
          ...index.nameUnknown,
        ])
      : new Set(analysis.filterTargets.keys());
  const definite: MetricFilterModel[] = [];
  const possible: MetricFilterModel[] = [];
  for (const filter of candidates) {
    const target = analysis.filterTargets.get(filter);
    if (target === undefined) continue;
    const match = sameLogGroup(identityOf(target), identity);
    if (match === "yes") definite.push(filter);
    else if (match === "maybe") possible.push(filter);
  }
  return { definite, possible };
}

/** True when a filter's pattern is known and catches every required event. */
export function filterCovers(filter: MetricFilterModel, control: MonitoringControl): boolean {
  const coverage = filterCoverage(filter, control);
  return coverage.state === "known" && coverage.value.verdict === "covers";
}

/**
 * The metrics that count the control's events: every transformation of every metric filter (on any log group)
 * whose pattern covers the required events. This is what the alarm and SNS policies check, so a stack that holds
 * only the monitoring (no trail) is checked too.
 */
export function monitoredMetrics(model: StackModel, control: MonitoringControl): readonly PublishedMetric[] {
  const cached = metricCache.get(model);
  if (cached !== undefined && cached.control === control) return cached.metrics;
  const metrics: PublishedMetric[] = [];
  for (const filter of model.metricFilters) {
    if (!filterCovers(filter, control) || filter.transformations.state !== "known") continue;
    for (const transformation of filter.transformations.value) metrics.push({ filter, transformation, region: filter.region });
  }
  metricCache.set(model, { control, metrics });
  return metrics;
}

const metricCache = new WeakMap<StackModel, { readonly control: MonitoringControl; readonly metrics: readonly PublishedMetric[] }>();

/** A filter that covers the events but whose metric is not known at preview. */
export function coveringFiltersWithUnknownMetric(model: StackModel, control: MonitoringControl): readonly MetricFilterModel[] {
  return model.metricFilters.filter((filter) => filterCovers(filter, control) && filter.transformations.state === "unknown");
}

/** The alarms of the stack grouped by how they relate to a metric. */
export interface AlarmsOnMetric {
  /** Alarms that watch the metric in its region. */
  readonly watching: readonly AlarmModel[];
  /** Alarms that may watch it (metric name, namespace or region unknown at preview). */
  readonly possible: readonly AlarmModel[];
  /** Alarms on a metric of the same name and namespace in another region. */
  readonly otherRegion: readonly AlarmModel[];
}

/** Alarms indexed by the metric names they read (built once per model). */
interface AlarmIndex {
  readonly byMetricName: ReadonlyMap<string, readonly AlarmModel[]>;
  /** Alarms with a metric name unknown at preview: candidates for every metric. */
  readonly nameUnknown: readonly AlarmModel[];
}

const alarmIndexes = new WeakMap<StackModel, AlarmIndex>();

/** The metric names an alarm reads; `undefined` when one of them is unknown. */
function metricNamesOf(alarm: AlarmModel): readonly string[] | undefined {
  if (alarm.queries.state === "unknown" || alarm.metric.metricName.state === "unknown") return undefined;
  const names = alarm.metric.metricName.state === "known" ? [alarm.metric.metricName.value] : [];
  for (const query of alarm.queries.state === "known" ? alarm.queries.value : []) {
    if (query.metric === undefined) continue;
    if (query.metric.metricName.state === "unknown") return undefined;
    if (query.metric.metricName.state === "known") names.push(query.metric.metricName.value);
  }
  return names;
}

function alarmIndexOf(model: StackModel): AlarmIndex {
  const cached = alarmIndexes.get(model);
  if (cached !== undefined) return cached;
  const byMetricName = new Map<string, AlarmModel[]>();
  const nameUnknown: AlarmModel[] = [];
  for (const alarm of model.alarms) {
    const names = metricNamesOf(alarm);
    if (names === undefined) nameUnknown.push(alarm);
    else for (const name of new Set(names)) push(byMetricName, name, alarm);
  }
  const index = { byMetricName, nameUnknown };
  alarmIndexes.set(model, index);
  return index;
}

/** Per published metric (each belongs to one model): the alarm and SNS policies both ask. */
const alarmsOnCache = new WeakMap<PublishedMetric, AlarmsOnMetric>();

/** Sorts the stack's alarms by how they relate to `metric` (memoized per metric). */
export function alarmsOn(model: StackModel, metric: PublishedMetric): AlarmsOnMetric {
  const cached = alarmsOnCache.get(metric);
  if (cached !== undefined) return cached;
  const index = alarmIndexOf(model);
  const name = metric.transformation.metricName;
  const candidates = name.state === "known" ? [...(index.byMetricName.get(name.value) ?? []), ...index.nameUnknown] : model.alarms;
  const groups: Record<AlarmMetricMatch, AlarmModel[]> = { yes: [], no: [], maybe: [], otherRegion: [] };
  for (const alarm of candidates) groups[alarmWatches(alarm, metric)].push(alarm);
  const sorted = { watching: groups.yes, possible: groups.maybe, otherRegion: groups.otherRegion };
  alarmsOnCache.set(metric, sorted);
  return sorted;
}
