/**
 * Metric filters over the chain: which filters are on a log group (definitely, or maybe while links are unknown
 * at preview), and which metrics count a control's events.
 */
import type { ControlDefinition } from "../controls/types";
import { finding, message, type Finding } from "../findings/message";
import {
  analyzeChain,
  identityOf,
  sameLogGroup,
  type ChainAnalysis,
  type LogGroupIdentity,
  type PublishedMetric,
} from "../stack/chain";
import type { MetricFilterModel, StackModel, TrailModel } from "../stack/model";
import { filterCovers, type RecordedRoutine } from "./coverage";
import { everyRoutineCall, recordedByTrails } from "./recorded";
import { pushTo } from "./multimap";

/**
 * Metric filters indexed by the name of the log group they are on (built once per analysis). A filter on a log group
 * of the stack is indexed under that group's name when it is known, and the group's own identity carries the same
 * name: the name alone finds it.
 */
interface FilterIndex {
  readonly byGroupName: ReadonlyMap<string, readonly MetricFilterModel[]>;
  /** Filters whose log group name is not known (unresolved at preview): candidates for every group. */
  readonly nameUnknown: readonly MetricFilterModel[];
  /** Each filter's place in the model's (URN) order. */
  readonly position: ReadonlyMap<MetricFilterModel, number>;
}

const filterIndexes = new WeakMap<ChainAnalysis, FilterIndex>();

function filterIndexOf(analysis: ChainAnalysis): FilterIndex {
  const cached = filterIndexes.get(analysis);
  if (cached !== undefined) return cached;
  const byGroupName = new Map<string, MetricFilterModel[]>();
  const nameUnknown: MetricFilterModel[] = [];
  for (const [filter, target] of analysis.filterTargets) {
    const identity = identityOf(target);
    if (identity.name.state === "known") pushTo(byGroupName, identity.name.value, filter);
    else nameUnknown.push(filter);
  }
  const position = new Map([...analysis.filterTargets.keys()].map((filter, at) => [filter, at]));
  const index = { byGroupName, nameUnknown, position };
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
      ? new Set([...(index.byGroupName.get(identity.name.value) ?? []), ...index.nameUnknown])
      : new Set(analysis.filterTargets.keys());
  // In the model's (URN) order, whatever the index: the filters a finding lists are listed as everywhere else.
  const ordered = [...candidates].sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0));
  const definite: MetricFilterModel[] = [];
  const possible: MetricFilterModel[] = [];
  for (const filter of ordered) {
    const target = analysis.filterTargets.get(filter);
    if (target === undefined) continue;
    const match = sameLogGroup(identityOf(target), identity);
    if (match === "yes") definite.push(filter);
    else if (match === "maybe") possible.push(filter);
  }
  return { definite, possible };
}

/**
 * The metrics that count the control's events: every transformation of every metric filter (on any log group)
 * whose pattern covers the required events. This is what the alarm and SNS policies check, so a stack that holds
 * only the monitoring (no trail) is checked too.
 */
export function monitoredMetrics(model: StackModel, control: ControlDefinition): readonly PublishedMetric[] {
  const perControl = metricCache.get(model) ?? new Map<string, readonly PublishedMetric[]>();
  metricCache.set(model, perControl);
  const cached = perControl.get(control.id);
  if (cached !== undefined) return cached;
  const analysis = analyzeChain(model);
  const metrics: PublishedMetric[] = [];
  for (const filter of model.metricFilters) {
    if (filterCovers(filter, control, recordedForFilter(analysis, filter))) metrics.push(...metricsOf(filter));
  }
  perControl.set(control.id, metrics);
  return metrics;
}

const metricCache = new WeakMap<StackModel, Map<string, readonly PublishedMetric[]>>();

/** A filter that covers the events but whose metric is not known at preview. */
export function coveringFiltersWithUnknownMetric(
  model: StackModel,
  control: ControlDefinition,
): readonly MetricFilterModel[] {
  const analysis = analyzeChain(model);
  return model.metricFilters.filter(
    (filter) =>
      filterCovers(filter, control, recordedForFilter(analysis, filter)) && filter.transformations.state === "unknown",
  );
}

/** The trails of the stack that deliver (or may deliver) to a log group. */
export function trailsDeliveringTo(analysis: ChainAnalysis, identity: LogGroupIdentity): TrailModel[] {
  const trails: TrailModel[] = [];
  for (const [trail, target] of analysis.trailTargets) {
    if (target !== undefined && sameLogGroup(identityOf(target), identity) !== "no") trails.push(trail);
  }
  return trails;
}

/** Which routine calls reach the filter's log group (see `recorded.ts`). */
export function recordedForFilter(analysis: ChainAnalysis, filter: MetricFilterModel): RecordedRoutine {
  const target = analysis.filterTargets.get(filter);
  if (target === undefined) return everyRoutineCall;
  return recordedByTrails(trailsDeliveringTo(analysis, identityOf(target)));
}

/**
 * Filters whose pattern is not known at preview (computed from another resource's output). Each may count the
 * control's events: "unknown never helps", so the alarm and SNS checks judge their metrics as if they did and
 * report what they find as not verifiable; with the pattern known, a covering one would get those findings, and a
 * preview must not pass where the next one fails. A metric that meets every criterion stays silent either way.
 */
export function filtersWithUnknownPattern(model: StackModel): readonly MetricFilterModel[] {
  return model.metricFilters.filter((filter) => filter.pattern.state === "unknown");
}

/** The metrics a filter publishes (none while they are not known or absent). */
export function metricsOf(filter: MetricFilterModel): readonly PublishedMetric[] {
  if (filter.transformations.state !== "known") return [];
  return filter.transformations.value.map((transformation) => ({ filter, transformation, region: filter.region }));
}

export const filterMessages = {
  ifPatternCounts:
    'Metric filter "{{filter}}": its pattern is not known at preview (it is computed from another resource\'s output), so ' +
    "it can't be verified that it does not count {{changes}}. If it does: {{finding|lowerFirst}}",
} as const;

/** A finding about a metric of `filter`, whose pattern is unknown, said as what holds if the pattern counts the events. */
export function ifPatternCounts(found: Finding, filter: MetricFilterModel, control: ControlDefinition): Finding {
  return finding(
    "ifPatternCounts",
    { filter: filter.name, changes: control.name, finding: message(found.messageId, found.data) },
    found.urn,
  );
}
