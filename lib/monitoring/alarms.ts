/** The alarms of a stack that watch a published metric (directly or in a metric-math query), indexed once per model. */
import { alarmWatches, type AlarmMetricMatch, type PublishedMetric } from "../stack/chain";
import type { AlarmModel, StackModel } from "../stack/model";
import { pushTo } from "./multimap";

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
  /** Each alarm's place in the model's (URN) order. */
  readonly position: ReadonlyMap<AlarmModel, number>;
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
    else for (const name of new Set(names)) pushTo(byMetricName, name, alarm);
  }
  const position = new Map(model.alarms.map((alarm, at) => [alarm, at]));
  const index = { byMetricName, nameUnknown, position };
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
  const candidates =
    name.state === "known" ? [...(index.byMetricName.get(name.value) ?? []), ...index.nameUnknown] : model.alarms;
  // In the model's (URN) order, whatever the index: the first possible alarm is the one a finding is attributed to.
  // Sorted by position rather than by walking every alarm of the model, which would be quadratic over the metrics.
  const ordered = [...new Set(candidates)].sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0));
  const groups: Record<AlarmMetricMatch, AlarmModel[]> = { yes: [], no: [], maybe: [], otherRegion: [] };
  for (const alarm of ordered) groups[alarmWatches(alarm, metric)].push(alarm);
  const sorted = { watching: groups.yes, possible: groups.maybe, otherRegion: groups.otherRegion };
  alarmsOnCache.set(metric, sorted);
  return sorted;
}
