/**
 * When a policy has nothing to judge. A stack with no trail, no CloudTrail log group and no log group named in
 * `logGroupNames` is outside the control: each policy that then has nothing of its own to judge reports "not
 * applicable" (Pulumi Cloud shows that, rather than a silent pass). A policy that still finds something to judge
 * (a covering metric filter's metric, say, in a monitoring-only stack) judges it.
 */
import type { ControlDefinition } from "../controls/types";
import { coveringFiltersWithUnknownMetric, filtersWithUnknownPattern, monitoredMetrics } from "../monitoring/filters";
import type { StackModel } from "../stack/model";

const noTrail = "the stack has no CloudTrail trail";

/** The trail-delivery check: nothing to judge without a trail. */
export function trailDeliveryNotApplicable(model: StackModel): string | undefined {
  return model.trails.length === 0 ? `${noTrail}, so no trail delivers to CloudWatch Logs here` : undefined;
}

/** The metric-filter check: nothing to judge without a trail or a log group named in config. */
export function metricFilterNotApplicable(model: StackModel, logGroupNames: readonly string[]): string | undefined {
  if (model.trails.length > 0 || logGroupNames.length > 0) return undefined;
  return `${noTrail} and no log group is named in \`logGroupNames\`, so no CloudTrail log group is here to filter`;
}

/** The alarm check: nothing to judge without a trail or a metric counting the control's events. */
export function alarmNotApplicable(model: StackModel, control: ControlDefinition): string | undefined {
  if (model.trails.length > 0) return undefined;
  if (monitoredMetrics(model, control).length > 0 || coveringFiltersWithUnknownMetric(model, control).length > 0)
    return undefined;
  // A filter whose pattern is unknown at preview may count them (filters.ts `filtersWithUnknownPattern`).
  if (filtersWithUnknownPattern(model).length > 0) return undefined;
  return `${noTrail} and no metric filter counts ${control.name}, so no metric is here to alarm on`;
}

/** The notification check: nothing to judge without a trail or a metric counting the control's events. */
export function notificationNotApplicable(model: StackModel, control: ControlDefinition): string | undefined {
  if (
    model.trails.length > 0 ||
    monitoredMetrics(model, control).length > 0 ||
    filtersWithUnknownPattern(model).length > 0
  )
    return undefined;
  return `${noTrail} and no metric filter counts ${control.name}, so no alarm is here to notify anyone`;
}

/** A control's chain policy: nothing to judge without a trail, a log group named in config, or a metric to judge. */
export function controlNotApplicable(
  model: StackModel,
  logGroupNames: readonly string[],
  control: ControlDefinition,
): string | undefined {
  if (model.trails.length > 0 || logGroupNames.length > 0 || monitoredMetrics(model, control).length > 0)
    return undefined;
  if (filtersWithUnknownPattern(model).length > 0) return undefined;
  return `${noTrail}, no log group is named in \`logGroupNames\` and no metric filter counts ${control.name}: nothing here to judge`;
}
