/**
 * Following the chain trail -> log group -> metric filter -> metric -> alarm -> SNS topic -> subscription over
 * the stack model. Links are made by value when the value is known (ARN, name, region) and through
 * `propertyDependencies` when it is unknown at preview. Everything here is pure and config-independent; the
 * analysis of one model is memoized so the four policies of one AnalyzeStack share it.
 */
import { logGroupOfArn, parseArn, snsTopicRegion, stripWildcard } from "./arn";
import type {
  AlarmMetricModel,
  AlarmModel,
  LogGroupModel,
  MetricFilterModel,
  MetricTransformationModel,
  Region,
  StackModel,
  SubscriptionModel,
  TopicModel,
  TrailModel,
} from "./model";
import { message, quoted, type Message } from "../findings/message";
import { known, unknown, type Field } from "./read";
import { compareRegions, regionFromArn } from "./regions";

/** The log group a trail delivers to, or a filter is on. */
export type LogGroupTarget =
  | { readonly kind: "resource"; readonly group: LogGroupModel }
  /** A log group outside the stack, known by name (and region). */
  | { readonly kind: "external"; readonly name: string; readonly region: Region; readonly secret: boolean }
  /** Not known at preview and not resolvable through `propertyDependencies`; `why` is a sentence fragment. */
  | { readonly kind: "unresolved"; readonly why: Message };

export const chainMessages = {
  inputDependsOnNoGroup: "`{{input}}` is not known at preview and depends on no log group in the stack",
  inputDependsOnSeveralGroups: "`{{input}}` is not known at preview and depends on several log groups",
  notALogGroupArn: "`cloudWatchLogsGroupArn` {{arn}} is not a CloudWatch Logs log group ARN",
  logGroupNameNotSet: "`logGroupName` is not set",
} as const;

/** A log group as something to compare: its URN if in the stack, name and region (or any region). */
export interface LogGroupIdentity {
  readonly urn: string | undefined;
  readonly name: Field<string>;
  readonly region: Region | "any";
}

/** Where one of an alarm's ALARM actions goes. */
export type ActionTarget =
  | { readonly kind: "topic"; readonly topic: TopicModel }
  | { readonly kind: "externalTopic"; readonly arn: string; readonly region: Region; readonly secret: boolean }
  | { readonly kind: "notSns"; readonly arn: string; readonly secret: boolean }
  | { readonly kind: "unresolved" };

/** Three-valued answers: "maybe" means it depends on values unknown at preview. */
export type Match = "yes" | "no" | "maybe";

/** The dependencies (by URN) of one input that are resources of the wanted kind. */
function dependenciesOfKind<K extends "logGroup" | "topic">(
  model: StackModel,
  urns: readonly string[],
  kind: K,
): (K extends "logGroup" ? LogGroupModel : TopicModel)[] {
  const found: (K extends "logGroup" ? LogGroupModel : TopicModel)[] = [];
  for (const urn of urns) {
    const resource = model.byUrn.get(urn);
    if (resource !== undefined && resource.kind === kind) {
      found.push(resource as K extends "logGroup" ? LogGroupModel : TopicModel);
    }
  }
  return found;
}

/** The single log group among `urns`, else an unresolved target saying why. */
function groupFromDependencies(model: StackModel, urns: readonly string[], input: string): LogGroupTarget {
  const groups = dependenciesOfKind(model, urns, "logGroup");
  if (groups.length === 1) return { kind: "resource", group: groups[0] };
  if (groups.length === 0) {
    return { kind: "unresolved", why: message("inputDependsOnNoGroup", { input }) };
  }
  return { kind: "unresolved", why: message("inputDependsOnSeveralGroups", { input }) };
}

/** Lookup tables over one model (built once per model): log groups by name and ARN, topics by ARN. */
interface Lookups {
  readonly logGroupsByName: ReadonlyMap<string, readonly LogGroupModel[]>;
  readonly logGroupsByArn: ReadonlyMap<string, LogGroupModel>;
  readonly topicsByArn: ReadonlyMap<string, TopicModel>;
}

const lookupCache = new WeakMap<StackModel, Lookups>();

function lookupsOf(model: StackModel): Lookups {
  const cached = lookupCache.get(model);
  if (cached !== undefined) return cached;
  const logGroupsByName = new Map<string, LogGroupModel[]>();
  const logGroupsByArn = new Map<string, LogGroupModel>();
  for (const group of model.logGroups) {
    if (group.groupName.state === "known") {
      const list = logGroupsByName.get(group.groupName.value) ?? [];
      list.push(group);
      logGroupsByName.set(group.groupName.value, list);
    }
    if (group.arn.state === "known" && !logGroupsByArn.has(stripWildcard(group.arn.value))) {
      logGroupsByArn.set(stripWildcard(group.arn.value), group);
    }
  }
  const topicsByArn = new Map<string, TopicModel>();
  for (const topic of model.topics) {
    if (topic.arn.state === "known" && !topicsByArn.has(topic.arn.value)) topicsByArn.set(topic.arn.value, topic);
  }
  const lookups = { logGroupsByName, logGroupsByArn, topicsByArn };
  lookupCache.set(model, lookups);
  return lookups;
}

/** The stack's log group with this name in this region, if exactly determinable. */
function groupByName(model: StackModel, name: string, region: Region): LogGroupModel | undefined {
  const candidates = lookupsOf(model).logGroupsByName.get(name) ?? [];
  return candidates.find((group) => compareRegions(group.region, region) === "same");
}

/** The log group a trail delivers its events to; `undefined` when the trail delivers to none. */
export function logGroupOfTrail(model: StackModel, trail: TrailModel): LogGroupTarget | undefined {
  const arn = trail.logGroupArn;
  if (arn.state === "absent") return undefined;
  if (arn.state === "unknown")
    return groupFromDependencies(model, trail.logGroupArnDependencies, "cloudWatchLogsGroupArn");
  const byArn = lookupsOf(model).logGroupsByArn.get(stripWildcard(arn.value));
  if (byArn !== undefined) return { kind: "resource", group: byArn };
  const parsed = logGroupOfArn(arn.value);
  if (parsed === undefined) {
    return { kind: "unresolved", why: message("notALogGroupArn", { arn: quoted(arn.value, arn.secret === true) }) };
  }
  const region = regionFromArn(parsed.region);
  const byName = groupByName(model, parsed.name, region);
  if (byName !== undefined) return { kind: "resource", group: byName };
  const [dependency] = dependenciesOfKind(model, trail.logGroupArnDependencies, "logGroup");
  if (dependency !== undefined && dependency.arn.state === "unknown") return { kind: "resource", group: dependency };
  return { kind: "external", name: parsed.name, region, secret: arn.secret === true };
}

/** The log group a metric filter is on. */
export function logGroupOfFilter(model: StackModel, filter: MetricFilterModel): LogGroupTarget {
  const name = filter.logGroupName;
  if (name.state === "unknown") return groupFromDependencies(model, filter.logGroupNameDependencies, "logGroupName");
  if (name.state === "absent") return { kind: "unresolved", why: message("logGroupNameNotSet") };
  const byName = groupByName(model, name.value, filter.region);
  if (byName !== undefined) return { kind: "resource", group: byName };
  const [dependency] = dependenciesOfKind(model, filter.logGroupNameDependencies, "logGroup");
  if (dependency !== undefined && dependency.groupName.state !== "known")
    return { kind: "resource", group: dependency };
  return { kind: "external", name: name.value, region: filter.region, secret: name.secret === true };
}

/** A log group target as a comparable identity. */
export function identityOf(target: LogGroupTarget): LogGroupIdentity {
  switch (target.kind) {
    case "resource":
      return { urn: target.group.urn, name: target.group.groupName, region: target.group.region };
    case "external":
      return {
        urn: undefined,
        name: target.secret ? { state: "known", value: target.name, secret: true } : known(target.name),
        region: target.region,
      };
    case "unresolved":
      return { urn: undefined, name: unknown, region: "any" };
  }
}

/** Whether two log group identities are the same log group. */
export function sameLogGroup(a: LogGroupIdentity, b: LogGroupIdentity): Match {
  if (a.urn !== undefined && b.urn !== undefined) return a.urn === b.urn ? "yes" : "no";
  if (a.name.state !== "known" || b.name.state !== "known") return "maybe";
  if (a.name.value !== b.name.value) return "no";
  if (a.region === "any" || b.region === "any") return "yes";
  const regions = compareRegions(a.region, b.region);
  return regions === "same" ? "yes" : regions === "different" ? "no" : "maybe";
}

/** A stable key for deduplicating log groups (URN, or name and region). */
export function logGroupKey(identity: LogGroupIdentity): string {
  if (identity.urn !== undefined) return identity.urn;
  const name = identity.name.state === "known" ? identity.name.value : "?";
  const region = identity.region === "any" ? "*" : identity.region.state === "known" ? identity.region.name : "?";
  return `${name}@${region}`;
}

/** What a metric filter publishes and where: the metric lives in the filter's (= its log group's) region. */
export interface PublishedMetric {
  readonly filter: MetricFilterModel;
  readonly transformation: MetricTransformationModel;
  readonly region: Region;
}

/** How an alarm relates to a metric. `otherRegion`: same name and namespace, in another region. */
export type AlarmMetricMatch = "yes" | "no" | "maybe" | "otherRegion";

function sameText(a: Field<string>, b: Field<string>): Match {
  if (a.state === "unknown" || b.state === "unknown") return "maybe";
  if (a.state === "absent" || b.state === "absent") return "no";
  return a.value === b.value ? "yes" : "no";
}

/** Whether one alarm metric (the alarm's own, or a query's) is the published metric. */
export function alarmMetricMatches(
  alarmMetric: AlarmMetricModel,
  alarmRegion: Region,
  metric: PublishedMetric,
): AlarmMetricMatch {
  const name = sameText(alarmMetric.metricName, metric.transformation.metricName);
  const namespace = sameText(alarmMetric.namespace, metric.transformation.namespace);
  if (name === "no" || namespace === "no") return "no";
  const regions = compareRegions(alarmRegion, metric.region);
  if (regions === "different") return "otherRegion";
  if (name === "maybe" || namespace === "maybe" || regions === "undetermined") return "maybe";
  return "yes";
}

const matchRank: Record<AlarmMetricMatch, number> = { no: 0, otherRegion: 1, maybe: 2, yes: 3 };

/** Whether an alarm watches the published metric (directly, or in one of its metric-math queries). */
export function alarmWatches(alarm: AlarmModel, metric: PublishedMetric): AlarmMetricMatch {
  if (alarm.queries.state === "unknown") return "maybe";
  let best: AlarmMetricMatch = alarmMetricMatches(alarm.metric, alarm.region, metric);
  if (alarm.queries.state === "known") {
    for (const query of alarm.queries.value) {
      if (query.metric === undefined) continue;
      const match = alarmMetricMatches(query.metric, alarm.region, metric);
      if (matchRank[match] > matchRank[best]) best = match;
    }
  }
  return best;
}

/**
 * The stack's topic with this ARN. At the first preview a new topic's ARN is unknown, but a literal ARN that names
 * it (its name and region, `arn:<partition>:sns:<region>:<account>:<name>`) is that topic all the same: taking it
 * for a topic outside the stack would pass a topic that has no subscriber. The account can't be compared then (it
 * is part of the unknown ARN); among several candidates the smallest URN is taken (the model is in URN order).
 */
function topicByArn(model: StackModel, arn: string): TopicModel | undefined {
  const byArn = lookupsOf(model).topicsByArn.get(arn);
  if (byArn !== undefined) return byArn;
  const parsed = parseArn(arn);
  if (parsed === undefined || parsed.service !== "sns" || parsed.resource === "") return undefined;
  const region = regionFromArn(parsed.region);
  return model.topics.find(
    (topic) =>
      topic.arn.state === "unknown" &&
      topic.topicName.state === "known" &&
      topic.topicName.value === parsed.resource &&
      compareRegions(topic.region, region) !== "different",
  );
}

/** A known action ARN as a target (`secret`: the engine sent the ARN as a secret). */
function targetOfArn(model: StackModel, arn: string, secret: boolean): ActionTarget {
  const topic = topicByArn(model, arn);
  if (topic !== undefined) return { kind: "topic", topic };
  const region = snsTopicRegion(arn);
  if (region !== undefined) return { kind: "externalTopic", arn, region: regionFromArn(region), secret };
  return { kind: "notSns", arn, secret };
}

/**
 * Where an alarm's ALARM actions go. Unknown actions (the whole list, or elements) resolve to the topics among
 * the `alarmActions` dependencies; with none, they are `unresolved`.
 */
export function alarmActionTargets(
  model: StackModel,
  alarm: Pick<AlarmModel, "alarmActions" | "alarmActionDependencies">,
): readonly ActionTarget[] {
  const actions = alarm.alarmActions;
  if (actions.state === "absent") return [];
  const dependencyTargets = (): ActionTarget[] => {
    const topics = dependenciesOfKind(model, alarm.alarmActionDependencies, "topic");
    return topics.length === 0 ? [{ kind: "unresolved" }] : topics.map((topic) => ({ kind: "topic", topic }));
  };
  if (actions.state === "unknown") return dependencyTargets();
  const targets: ActionTarget[] = [];
  let unknownSeen = false;
  for (const action of actions.value) {
    if (action.state === "known") targets.push(targetOfArn(model, action.value, action.secret === true));
    else if (action.state === "unknown") unknownSeen = true;
  }
  if (unknownSeen) {
    for (const target of dependencyTargets()) {
      if (target.kind !== "topic" || !targets.some((t) => t.kind === "topic" && t.topic.urn === target.topic.urn)) {
        targets.push(target);
      }
    }
  }
  return targets;
}

/** The config-independent analysis of one stack: every link resolved once. */
export interface ChainAnalysis {
  readonly model: StackModel;
  /** Trails with the log group they deliver to (`undefined`: none). */
  readonly trailTargets: ReadonlyMap<TrailModel, LogGroupTarget | undefined>;
  /** Metric filters with the log group they are on. */
  readonly filterTargets: ReadonlyMap<MetricFilterModel, LogGroupTarget>;
  /** Subscriptions by topic URN (definite links only), and those whose topic is undetermined. */
  readonly subscriptionsByTopic: ReadonlyMap<string, readonly SubscriptionModel[]>;
  readonly undeterminedSubscriptions: readonly SubscriptionModel[];
}

const analyses = new WeakMap<StackModel, ChainAnalysis>();

/** Resolves every link of the model (memoized per model). */
export function analyzeChain(model: StackModel): ChainAnalysis {
  const cached = analyses.get(model);
  if (cached !== undefined) return cached;
  const trailTargets = new Map<TrailModel, LogGroupTarget | undefined>();
  for (const trail of model.trails) trailTargets.set(trail, logGroupOfTrail(model, trail));
  const filterTargets = new Map<MetricFilterModel, LogGroupTarget>();
  for (const filter of model.metricFilters) filterTargets.set(filter, logGroupOfFilter(model, filter));
  const subscriptionsByTopic = new Map<string, SubscriptionModel[]>();
  const undeterminedSubscriptions: SubscriptionModel[] = [];
  const { topicsByArn } = lookupsOf(model);
  for (const subscription of model.subscriptions) {
    const topics = subscriptionTopics(model, topicsByArn, subscription);
    if (topics === undefined) undeterminedSubscriptions.push(subscription);
    for (const topic of topics ?? []) {
      const list = subscriptionsByTopic.get(topic.urn) ?? [];
      list.push(subscription);
      subscriptionsByTopic.set(topic.urn, list);
    }
  }
  const analysis: ChainAnalysis = {
    model,
    trailTargets,
    filterTargets,
    subscriptionsByTopic,
    undeterminedSubscriptions,
  };
  analyses.set(model, analysis);
  return analysis;
}

/** The topics a subscription is on; `undefined` when undetermined at preview. */
function subscriptionTopics(
  model: StackModel,
  topicsByArn: ReadonlyMap<string, TopicModel>,
  subscription: SubscriptionModel,
): readonly TopicModel[] | undefined {
  const fromDependencies = dependenciesOfKind(model, subscription.topicArnDependencies, "topic");
  if (subscription.topicArn.state === "known") {
    const byArn = topicsByArn.get(subscription.topicArn.value) ?? topicByArn(model, subscription.topicArn.value);
    if (byArn !== undefined) return [byArn];
    // The topic's own ARN may be unknown at preview while the subscription's is known: trust the dependency.
    return fromDependencies.filter((topic) => topic.arn.state !== "known");
  }
  if (subscription.topicArn.state === "absent") return [];
  return fromDependencies.length === 1 ? fromDependencies : undefined;
}
