/**
 * The `@pulumi/aws-native` (Cloud Control) adapter: property names follow CloudFormation in camelCase (see the
 * runtime reference §5.2). Differences from classic handled here: the trail's `cloudWatchLogsLogGroupArn` and
 * `isLogging`, the filter's `filterPattern` and list of `metricTransformations`, the alarm's `alarmName`,
 * `metrics[].metricStat`, dimensions as `[{name|key, value}]` lists, the topic's `topicArn` and inline
 * `subscription` list, the subscription's `topicArn`.
 */
import type { ResourceAdapter, RawResource } from "./adapter";
import { booleanWithDefault, patternField, stringWithDefault, unknownMetric } from "./aws";
import type {
  AlarmMetricModel,
  AlarmModel,
  LogGroupModel,
  MetricFilterModel,
  MetricQueryModel,
  MetricTransformationModel,
  ModelResourceBase,
  SubscriptionModel,
  TopicModel,
  TrailModel,
} from "./model";
import {
  absent,
  booleanField,
  isPlainObject,
  isUnknownSentinel,
  known,
  numberField,
  stringField,
  stringListField,
  unknown,
  type Field,
  type PlainValue,
} from "./read";
import { advancedEventSelectorsField, eventSelectorsField } from "./selectors";

/** Type tokens of `@pulumi/aws-native`. */
export const awsNativeTypes = {
  trail: "aws-native:cloudtrail:Trail",
  logGroup: "aws-native:logs:LogGroup",
  metricFilter: "aws-native:logs:MetricFilter",
  alarm: "aws-native:cloudwatch:Alarm",
  topic: "aws-native:sns:Topic",
  subscription: "aws-native:sns:Subscription",
} as const;

/** Dimensions given as `[{name, value}]` (alarms) or `[{key, value}]` (metric filters), as a map. */
function dimensionList(value: PlainValue | undefined, keyName: "name" | "key"): Field<Readonly<Record<string, string>>> {
  if (isUnknownSentinel(value)) return unknown;
  if (!Array.isArray(value) || value.length === 0) return absent;
  const map: Record<string, string> = {};
  for (const entry of value) {
    if (!isPlainObject(entry)) return unknown;
    const key = entry[keyName];
    const dimensionValue = entry.value;
    if (typeof key !== "string" || isUnknownSentinel(key) || isUnknownSentinel(dimensionValue)) return unknown;
    map[key] = String(dimensionValue);
  }
  return known(map);
}

const trail: ResourceAdapter = {
  type: awsNativeTypes.trail,
  kind: "trail",
  propertyNames: ["cloudWatchLogsLogGroupArn", "cloudWatchLogsRoleArn", "isLogging", "eventSelectors", "advancedEventSelectors"],
  dependencyNames: ["cloudWatchLogsLogGroupArn"],
  build: (raw: RawResource, base: ModelResourceBase): TrailModel => ({
    ...base,
    kind: "trail",
    logGroupArn: stringField(raw.props.cloudWatchLogsLogGroupArn),
    logGroupArnDependencies: raw.dependencies.cloudWatchLogsLogGroupArn ?? [],
    roleArn: stringField(raw.props.cloudWatchLogsRoleArn),
    // `isLogging` is a required input; if it is missing, assume the trail is not logging (fail closed).
    loggingEnabled: booleanWithDefault(raw.props.isLogging, false),
    eventSelectors: eventSelectorsField(raw.props.eventSelectors),
    advancedEventSelectors: advancedEventSelectorsField(raw.props.advancedEventSelectors),
  }),
};

const logGroup: ResourceAdapter = {
  type: awsNativeTypes.logGroup,
  kind: "logGroup",
  propertyNames: ["logGroupName", "arn"],
  dependencyNames: [],
  build: (raw: RawResource, base: ModelResourceBase): LogGroupModel => ({
    ...base,
    kind: "logGroup",
    groupName: stringField(raw.props.logGroupName),
    arn: stringField(raw.props.arn),
  }),
};

function nativeTransformations(value: PlainValue | undefined): Field<readonly MetricTransformationModel[]> {
  if (isUnknownSentinel(value)) return unknown;
  if (!Array.isArray(value) || value.length === 0) return absent;
  const transformations: MetricTransformationModel[] = [];
  for (const object of value) {
    if (isUnknownSentinel(object)) return unknown;
    if (!isPlainObject(object)) continue;
    transformations.push({
      metricName: stringField(object.metricName),
      namespace: stringField(object.metricNamespace),
      value: stringField(typeof object.metricValue === "number" ? String(object.metricValue) : object.metricValue),
      unit: stringField(object.unit),
      dimensions: dimensionList(object.dimensions, "key"),
    });
  }
  return transformations.length === 0 ? absent : known(transformations);
}

const metricFilter: ResourceAdapter = {
  type: awsNativeTypes.metricFilter,
  kind: "metricFilter",
  propertyNames: ["logGroupName", "filterPattern", "metricTransformations"],
  dependencyNames: ["logGroupName"],
  build: (raw: RawResource, base: ModelResourceBase): MetricFilterModel => ({
    ...base,
    kind: "metricFilter",
    logGroupName: stringField(raw.props.logGroupName),
    logGroupNameDependencies: raw.dependencies.logGroupName ?? [],
    pattern: patternField(raw.props.filterPattern),
    transformations: nativeTransformations(raw.props.metricTransformations),
  }),
};

function nativeQueryMetric(metricStat: PlainValue | undefined): AlarmMetricModel | undefined {
  if (isUnknownSentinel(metricStat)) return unknownMetric;
  if (!isPlainObject(metricStat)) return undefined;
  const metric = metricStat.metric;
  if (isUnknownSentinel(metric)) return unknownMetric;
  const metricObject = isPlainObject(metric) ? metric : {};
  return {
    metricName: stringField(metricObject.metricName),
    namespace: stringField(metricObject.namespace),
    statistic: stringField(metricStat.stat),
    extendedStatistic: absent,
    period: numberField(metricStat.period, true),
    unit: stringField(metricStat.unit),
    dimensions: dimensionList(metricObject.dimensions, "name"),
  };
}

function nativeQueries(value: PlainValue | undefined): Field<readonly MetricQueryModel[]> {
  if (isUnknownSentinel(value)) return unknown;
  if (!Array.isArray(value) || value.length === 0) return absent;
  const queries: MetricQueryModel[] = [];
  for (const query of value) {
    if (isUnknownSentinel(query)) return unknown;
    if (!isPlainObject(query)) continue;
    queries.push({
      id: stringField(query.id),
      expression: stringField(query.expression),
      returnData: booleanField(query.returnData),
      metric: nativeQueryMetric(query.metricStat),
    });
  }
  return known(queries);
}

const alarm: ResourceAdapter = {
  type: awsNativeTypes.alarm,
  kind: "alarm",
  propertyNames: [
    "alarmName",
    "metricName",
    "namespace",
    "statistic",
    "extendedStatistic",
    "period",
    "unit",
    "dimensions",
    "metrics",
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
  build: (raw: RawResource, base: ModelResourceBase): AlarmModel => ({
    ...base,
    kind: "alarm",
    alarmName: stringField(raw.props.alarmName),
    metric: {
      metricName: stringField(raw.props.metricName),
      namespace: stringField(raw.props.namespace),
      statistic: stringField(raw.props.statistic),
      extendedStatistic: stringField(raw.props.extendedStatistic),
      period: numberField(raw.props.period, true),
      unit: stringField(raw.props.unit),
      dimensions: dimensionList(raw.props.dimensions, "name"),
    },
    queries: nativeQueries(raw.props.metrics),
    threshold: numberField(raw.props.threshold),
    comparisonOperator: stringField(raw.props.comparisonOperator),
    evaluationPeriods: numberField(raw.props.evaluationPeriods, true),
    datapointsToAlarm: numberField(raw.props.datapointsToAlarm, true),
    treatMissingData: stringWithDefault(raw.props.treatMissingData, "missing"),
    actionsEnabled: booleanWithDefault(raw.props.actionsEnabled, true),
    alarmActions: stringListField(raw.props.alarmActions),
    alarmActionDependencies: raw.dependencies.alarmActions ?? [],
    thresholdMetricId: stringField(raw.props.thresholdMetricId),
  }),
};

/** Protocols of a native topic's inline `subscription` list (endpoints are never looked at). */
function inlineProtocols(value: PlainValue | undefined): readonly Field<string>[] {
  if (isUnknownSentinel(value)) return [unknown];
  if (!Array.isArray(value)) return [];
  return value.map((entry: PlainValue) => (isPlainObject(entry) ? stringField(entry.protocol) : stringField(entry)));
}

const topic: ResourceAdapter = {
  type: awsNativeTypes.topic,
  kind: "topic",
  propertyNames: ["topicName", "topicArn", "subscription"],
  dependencyNames: [],
  build: (raw: RawResource, base: ModelResourceBase): TopicModel => ({
    ...base,
    kind: "topic",
    topicName: stringField(raw.props.topicName),
    arn: stringField(raw.props.topicArn),
    inlineSubscriptionProtocols: inlineProtocols(raw.props.subscription),
  }),
};

const subscription: ResourceAdapter = {
  type: awsNativeTypes.subscription,
  kind: "subscription",
  propertyNames: ["topicArn", "protocol"],
  dependencyNames: ["topicArn"],
  build: (raw: RawResource, base: ModelResourceBase): SubscriptionModel => ({
    ...base,
    kind: "subscription",
    topicArn: stringField(raw.props.topicArn),
    topicArnDependencies: raw.dependencies.topicArn ?? [],
    protocol: stringField(raw.props.protocol),
  }),
};

/** The `@pulumi/aws-native` adapters. */
export const awsNativeAdapters: readonly ResourceAdapter[] = [trail, logGroup, metricFilter, alarm, topic, subscription];
