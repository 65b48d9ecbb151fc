/**
 * The adapter contract: how one provider's resource type is read into the stack model. An adapter names the
 * properties it needs (only those are copied out of the SDK's proxies, so tags, policies and subscription
 * endpoints are never read) and the `propertyDependencies` it links through, then builds a model record from
 * that plain snapshot. The builders below hold the shapes both providers share, parameterised by property names.
 */
import type {
  AlarmMetricModel,
  AlarmModel,
  LogGroupModel,
  MetricFilterModel,
  MetricQueryModel,
  MetricTransformationModel,
  ModelKind,
  ModelResource,
  ModelResourceBase,
  SubscriptionModel,
  TopicModel,
  TrailModel,
} from "./model";
import {
  absent,
  booleanField,
  booleanWithDefault,
  isPlainList,
  isPlainObject,
  isUnknownSentinel,
  known,
  numberField,
  patternField,
  stringField,
  stringListField,
  stringWithDefault,
  unknown,
  type Field,
  type PlainValue,
} from "./read";
import { advancedEventSelectorsField, eventSelectorsField } from "./selectors";

/** A resource as copied out of the engine's data: plain values only (fingerprintable, never a proxy). */
export interface RawResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly providerUrn: string | undefined;
  /** The provider's `region` input, as sent (may be an unknown sentinel). */
  readonly providerRegion: PlainValue | undefined;
  /** The adapter's `propertyNames`, read unknown-safely; absent properties are missing. */
  readonly props: Readonly<Record<string, PlainValue>>;
  /** The adapter's `dependencyNames` -> URNs of the resources that input depends on. */
  readonly dependencies: Readonly<Record<string, readonly string[]>>;
  /** The read properties that hold a value the engine sent as secret (every one, when that can't be known). */
  readonly secretKeys: readonly string[];
  /** Whether the provider's `region` was sent as a secret. */
  readonly providerRegionSecret: boolean;
}

/** Marks every known value inside `value` (a field, or a structure of fields) as secret. */
export function markSecret<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item: unknown) => markSecret(item)) as T;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, element] of Object.entries(record)) copy[key] = markSecret(element);
  if (record.state === "known" && "value" in record) copy.secret = true;
  return copy as T;
}

/**
 * `s(key, field)`: the field, marked secret when the property `key` holds a secret. Builders wrap every value they
 * read with it, so the model knows which values must never be printed.
 */
export function secretMarker(raw: RawResource): <T>(key: string, value: T) => T {
  const secret = new Set(raw.secretKeys);
  return (key, value) => (secret.has(key) ? markSecret(value) : value);
}

/** Reads one resource type into the model. */
export interface ResourceAdapter {
  /** The type token, e.g. `aws:cloudtrail/trail:Trail`. */
  readonly type: string;
  readonly kind: ModelKind;
  /** Top-level properties to copy (besides `region`, which is always read). */
  readonly propertyNames: readonly string[];
  /** Top-level input names whose `propertyDependencies` link to other resources. */
  readonly dependencyNames: readonly string[];
  /** Builds the model record; `base` carries URN, name, type, provider and the resolved region. */
  build(raw: RawResource, base: ModelResourceBase): ModelResource;
}

/** Indexes adapters by type token (one string comparison per resource picks the few relevant ones). */
export function adapterRegistry(adapters: readonly ResourceAdapter[]): ReadonlyMap<string, ResourceAdapter> {
  return new Map(adapters.map((adapter) => [adapter.type, adapter]));
}

// ------------------------------------------------------------------------------- shapes both providers share
// The two providers' adapters differ in property names (and a few readers); these builders take those.

/** A metric whose every part is unknown (a whole `metric` object computed at preview). */
export const unknownMetric: AlarmMetricModel = {
  metricName: unknown,
  namespace: unknown,
  statistic: unknown,
  extendedStatistic: unknown,
  period: unknown,
  unit: unknown,
  dimensions: unknown,
};

/** A trail adapter: the names of its log group ARN and logging inputs, and logging's default when absent. */
export function trailAdapter(names: {
  readonly type: string;
  readonly logGroupArn: string;
  readonly logging: string;
  readonly loggingWhenAbsent: boolean;
}): ResourceAdapter {
  const { logGroupArn, logging } = names;
  return {
    type: names.type,
    kind: "trail",
    propertyNames: [
      logGroupArn,
      "cloudWatchLogsRoleArn",
      logging,
      "eventSelectors",
      "advancedEventSelectors",
      "isMultiRegionTrail",
      "includeGlobalServiceEvents",
    ],
    dependencyNames: [logGroupArn],
    build: (raw: RawResource, base: ModelResourceBase): TrailModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "trail",
        logGroupArn: s(logGroupArn, stringField(raw.props[logGroupArn])),
        logGroupArnDependencies: raw.dependencies[logGroupArn] ?? [],
        roleArn: s("cloudWatchLogsRoleArn", stringField(raw.props.cloudWatchLogsRoleArn)),
        loggingEnabled: s(logging, booleanWithDefault(raw.props[logging], names.loggingWhenAbsent)),
        loggingProperty: logging,
        eventSelectors: s("eventSelectors", eventSelectorsField(raw.props.eventSelectors)),
        advancedEventSelectors: s(
          "advancedEventSelectors",
          advancedEventSelectorsField(raw.props.advancedEventSelectors),
        ),
        multiRegion: s("isMultiRegionTrail", booleanWithDefault(raw.props.isMultiRegionTrail, false)),
        includeGlobalServiceEvents: s(
          "includeGlobalServiceEvents",
          booleanWithDefault(raw.props.includeGlobalServiceEvents, true),
        ),
      };
    },
  };
}

/** A log group adapter: the name of its name property. */
export function logGroupAdapter(type: string, groupName: string): ResourceAdapter {
  return {
    type,
    kind: "logGroup",
    propertyNames: [groupName, "arn", "logGroupClass"],
    dependencyNames: [],
    build: (raw: RawResource, base: ModelResourceBase): LogGroupModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "logGroup",
        groupName: s(groupName, stringField(raw.props[groupName])),
        arn: s("arn", stringField(raw.props.arn)),
        // "If you omit this parameter, the default of STANDARD is used" (CloudWatch Logs API, CreateLogGroup).
        logGroupClass: s("logGroupClass", stringWithDefault(raw.props.logGroupClass, "STANDARD")),
      };
    },
  };
}

/** A metric filter adapter: the names of its pattern and transformation(s) inputs, and how to read the latter. */
export function metricFilterAdapter(names: {
  readonly type: string;
  readonly pattern: string;
  readonly transformations: string;
  readonly readTransformations: (value: PlainValue | undefined) => Field<readonly MetricTransformationModel[]>;
}): ResourceAdapter {
  const { pattern, transformations } = names;
  return {
    type: names.type,
    kind: "metricFilter",
    propertyNames: [
      "logGroupName",
      pattern,
      transformations,
      "applyOnTransformedLogs",
      "fieldSelectionCriteria",
      "emitSystemFieldDimensions",
    ],
    dependencyNames: ["logGroupName"],
    build: (raw: RawResource, base: ModelResourceBase): MetricFilterModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "metricFilter",
        logGroupName: s("logGroupName", stringField(raw.props.logGroupName)),
        logGroupNameDependencies: raw.dependencies.logGroupName ?? [],
        // An empty pattern is legal (it matches every event), so "" stays a known value here.
        pattern: s(pattern, patternField(raw.props[pattern])),
        transformations: s(transformations, names.readTransformations(raw.props[transformations])),
        applyOnTransformedLogs: s(
          "applyOnTransformedLogs",
          booleanWithDefault(raw.props.applyOnTransformedLogs, false),
        ),
        fieldSelectionCriteria: s("fieldSelectionCriteria", stringField(raw.props.fieldSelectionCriteria)),
        emitSystemFieldDimensions: s("emitSystemFieldDimensions", stringListField(raw.props.emitSystemFieldDimensions)),
      };
    },
  };
}

/** An alarm's metric queries: `metricOf` reads one query's metric (the providers nest it differently). */
export function metricQueriesField(
  value: PlainValue | undefined,
  metricOf: (query: { readonly [key: string]: PlainValue }) => AlarmMetricModel | undefined,
): Field<readonly MetricQueryModel[]> {
  if (isUnknownSentinel(value)) return unknown;
  if (!isPlainList(value) || value.length === 0) return absent;
  const queries: MetricQueryModel[] = [];
  for (const query of value) {
    if (isUnknownSentinel(query)) return unknown;
    if (!isPlainObject(query)) continue;
    queries.push({
      id: stringField(query.id),
      expression: stringField(query.expression),
      returnData: booleanField(query.returnData),
      metric: metricOf(query),
    });
  }
  return known(queries);
}

/** A metric alarm adapter: the names of its name and queries inputs, and how to read dimensions and queries. */
export function alarmAdapter(names: {
  readonly type: string;
  readonly alarmName: string;
  readonly queries: string;
  readonly readDimensions: (value: PlainValue | undefined) => Field<Readonly<Record<string, string>>>;
  readonly readQueries: (value: PlainValue | undefined) => Field<readonly MetricQueryModel[]>;
}): ResourceAdapter {
  const { alarmName, queries, readDimensions } = names;
  return {
    type: names.type,
    kind: "alarm",
    propertyNames: [
      alarmName,
      "arn",
      "metricName",
      "namespace",
      "statistic",
      "extendedStatistic",
      "period",
      "unit",
      "dimensions",
      queries,
      "threshold",
      "comparisonOperator",
      "evaluationPeriods",
      "datapointsToAlarm",
      "treatMissingData",
      "actionsEnabled",
      "alarmActions",
      "thresholdMetricId",
    ],
    dependencyNames: ["alarmActions"],
    build: (raw: RawResource, base: ModelResourceBase): AlarmModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "alarm",
        alarmName: s(alarmName, stringField(raw.props[alarmName])),
        arn: s("arn", stringField(raw.props.arn)),
        metric: {
          metricName: s("metricName", stringField(raw.props.metricName)),
          namespace: s("namespace", stringField(raw.props.namespace)),
          statistic: s("statistic", stringField(raw.props.statistic)),
          extendedStatistic: s("extendedStatistic", stringField(raw.props.extendedStatistic)),
          period: s("period", numberField(raw.props.period, true)),
          unit: s("unit", stringField(raw.props.unit)),
          dimensions: s("dimensions", readDimensions(raw.props.dimensions)),
        },
        queries: s(queries, names.readQueries(raw.props[queries])),
        threshold: s("threshold", numberField(raw.props.threshold)),
        comparisonOperator: s("comparisonOperator", stringField(raw.props.comparisonOperator)),
        evaluationPeriods: s("evaluationPeriods", numberField(raw.props.evaluationPeriods, true)),
        datapointsToAlarm: s("datapointsToAlarm", numberField(raw.props.datapointsToAlarm, true)),
        treatMissingData: s("treatMissingData", stringWithDefault(raw.props.treatMissingData, "missing")),
        actionsEnabled: s("actionsEnabled", booleanWithDefault(raw.props.actionsEnabled, true)),
        alarmActions: s("alarmActions", stringListField(raw.props.alarmActions)),
        alarmActionDependencies: raw.dependencies.alarmActions ?? [],
        thresholdMetricId: s("thresholdMetricId", stringField(raw.props.thresholdMetricId)),
      };
    },
  };
}

/** An SNS topic adapter: the names of its name and ARN, and optionally of an inline subscription list. */
export function topicAdapter(names: {
  readonly type: string;
  readonly topicName: string;
  readonly arn: string;
  readonly inline?: {
    readonly name: string;
    readonly readProtocols: (value: PlainValue | undefined) => readonly Field<string>[];
  };
}): ResourceAdapter {
  const { topicName, arn, inline } = names;
  return {
    type: names.type,
    kind: "topic",
    propertyNames: [topicName, arn, "kmsMasterKeyId", ...(inline === undefined ? [] : [inline.name])],
    dependencyNames: ["kmsMasterKeyId"],
    build: (raw: RawResource, base: ModelResourceBase): TopicModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "topic",
        topicName: s(topicName, stringField(raw.props[topicName])),
        arn: s(arn, stringField(raw.props[arn])),
        kmsMasterKeyId: s("kmsMasterKeyId", stringField(raw.props.kmsMasterKeyId)),
        kmsMasterKeyIdDependencies: raw.dependencies.kmsMasterKeyId ?? [],
        inlineSubscriptionProtocols:
          inline === undefined ? [] : s(inline.name, inline.readProtocols(raw.props[inline.name])),
      };
    },
  };
}

/** An SNS subscription adapter: the name of its topic ARN input. Never `endpoint`: it may be secret. */
export function subscriptionAdapter(type: string, topicArn: string): ResourceAdapter {
  return {
    type,
    kind: "subscription",
    propertyNames: [topicArn, "protocol", "pendingConfirmation"],
    dependencyNames: [topicArn],
    build: (raw: RawResource, base: ModelResourceBase): SubscriptionModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "subscription",
        topicArn: s(topicArn, stringField(raw.props[topicArn])),
        topicArnDependencies: raw.dependencies[topicArn] ?? [],
        protocol: s("protocol", stringField(raw.props.protocol)),
        pendingConfirmation: s("pendingConfirmation", booleanField(raw.props.pendingConfirmation)),
      };
    },
  };
}
