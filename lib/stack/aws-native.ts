/**
 * The `@pulumi/aws-native` (Cloud Control) adapter: property names follow CloudFormation in camelCase (see the
 * the Pulumi Registry's aws-native API docs). Differences from classic handled here: the trail's `cloudWatchLogsLogGroupArn` and
 * `isLogging`, the filter's `filterPattern` and list of `metricTransformations`, the alarm's `alarmName`,
 * `metrics[].metricStat`, dimensions as `[{name|key, value}]` lists, the topic's `topicArn` and inline
 * `subscription` list, the subscription's `topicArn`.
 */
import {
  alarmAdapter,
  logGroupAdapter,
  metricFilterAdapter,
  metricQueriesField,
  subscriptionAdapter,
  topicAdapter,
  trailAdapter,
  unknownMetric,
  type ResourceAdapter,
} from "./adapter";
import type { AlarmMetricModel, MetricTransformationModel } from "./model";
import { compositeAlarmAdapter, kmsAliasAdapter, kmsKeyAdapter, muteRuleAdapter } from "./routing-adapters";
import {
  absent,
  isPlainList,
  isPlainObject,
  isUnknownSentinel,
  known,
  numberField,
  objectListField,
  stringField,
  unknown,
  type Field,
  type PlainValue,
} from "./read";

/** Type tokens of `@pulumi/aws-native`. */
export const awsNativeTypes = {
  trail: "aws-native:cloudtrail:Trail",
  logGroup: "aws-native:logs:LogGroup",
  metricFilter: "aws-native:logs:MetricFilter",
  alarm: "aws-native:cloudwatch:Alarm",
  topic: "aws-native:sns:Topic",
  subscription: "aws-native:sns:Subscription",
  kmsKey: "aws-native:kms:Key",
  kmsReplicaKey: "aws-native:kms:ReplicaKey",
  kmsAlias: "aws-native:kms:Alias",
  muteRule: "aws-native:cloudwatch:AlarmMuteRule",
  compositeAlarm: "aws-native:cloudwatch:CompositeAlarm",
} as const;

/** Dimensions given as `[{name, value}]` (alarms) or `[{key, value}]` (metric filters), as a map. */
function dimensionList(
  value: PlainValue | undefined,
  keyName: "name" | "key",
): Field<Readonly<Record<string, string>>> {
  if (isUnknownSentinel(value)) return unknown;
  if (!isPlainList(value) || value.length === 0) return absent;
  const map: Record<string, string> = {};
  for (const entry of value) {
    if (!isPlainObject(entry)) return unknown;
    const key = entry[keyName];
    const dimensionValue = entry.value;
    if (typeof key !== "string" || isUnknownSentinel(key) || isUnknownSentinel(dimensionValue)) return unknown;
    map[key] = typeof dimensionValue === "string" ? dimensionValue : JSON.stringify(dimensionValue);
  }
  return known(map);
}

function nativeTransformations(value: PlainValue | undefined): Field<readonly MetricTransformationModel[]> {
  return objectListField(value, (object) => ({
    metricName: stringField(object.metricName),
    namespace: stringField(object.metricNamespace),
    value: stringField(typeof object.metricValue === "number" ? String(object.metricValue) : object.metricValue),
    unit: stringField(object.unit),
    defaultValue: numberField(object.defaultValue),
    dimensions: dimensionList(object.dimensions, "key"),
  }));
}

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

/** Protocols of a native topic's inline `subscription` list (endpoints are never looked at). */
function inlineProtocols(value: PlainValue | undefined): readonly Field<string>[] {
  if (isUnknownSentinel(value)) return [unknown];
  if (!Array.isArray(value)) return [];
  return value.map((entry: PlainValue) => (isPlainObject(entry) ? stringField(entry.protocol) : stringField(entry)));
}

/** The `@pulumi/aws-native` adapters. */
export const awsNativeAdapters: readonly ResourceAdapter[] = [
  // `isLogging` is a required input; if it is missing, assume the trail is not logging (fail closed).
  trailAdapter({
    type: awsNativeTypes.trail,
    logGroupArn: "cloudWatchLogsLogGroupArn",
    logging: "isLogging",
    loggingWhenAbsent: false,
  }),
  logGroupAdapter(awsNativeTypes.logGroup, "logGroupName"),
  metricFilterAdapter({
    type: awsNativeTypes.metricFilter,
    pattern: "filterPattern",
    transformations: "metricTransformations",
    readTransformations: nativeTransformations,
  }),
  alarmAdapter({
    type: awsNativeTypes.alarm,
    alarmName: "alarmName",
    queries: "metrics",
    readDimensions: (value) => dimensionList(value, "name"),
    readQueries: (value) => metricQueriesField(value, (query) => nativeQueryMetric(query.metricStat)),
  }),
  topicAdapter({
    type: awsNativeTypes.topic,
    topicName: "topicName",
    arn: "topicArn",
    inline: { name: "subscription", readProtocols: inlineProtocols },
  }),
  subscriptionAdapter(awsNativeTypes.subscription, "topicArn"),
  kmsKeyAdapter(awsNativeTypes.kmsKey, "keyPolicy"),
  // Replica keys have their own key policy (see aws.ts).
  kmsKeyAdapter(awsNativeTypes.kmsReplicaKey, "keyPolicy"),
  kmsAliasAdapter(awsNativeTypes.kmsAlias, "aliasName"),
  muteRuleAdapter(awsNativeTypes.muteRule),
  compositeAlarmAdapter(awsNativeTypes.compositeAlarm),
];
