/**
 * The `@pulumi/aws` (v7, Terraform-bridged) adapter. `props` are the resources' state outputs; property names and
 * defaults follow the provider's documentation. Never imports `@pulumi/aws` (slow to load): type tokens are
 * plain strings.
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
import {
  compositeAlarmAdapter,
  kmsAliasAdapter,
  kmsKeyAdapter,
  kmsKeyPolicyAdapter,
  muteRuleAdapter,
} from "./routing-adapters";
import {
  absent,
  isPlainObject,
  isUnknownSentinel,
  numberField,
  objectListField,
  stringField,
  stringMapField,
  type Field,
  type PlainValue,
} from "./read";

/** Type tokens of the classic AWS provider. */
export const awsTypes = {
  trail: "aws:cloudtrail/trail:Trail",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
  kmsKey: "aws:kms/key:Key",
  kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
  kmsAlias: "aws:kms/alias:Alias",
  kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
  muteRule: "aws:cloudwatch/alarmMuteRule:AlarmMuteRule",
  compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
} as const;

/** Reads a classic `metricTransformation` (one object; a one-element list is accepted too). */
function classicTransformations(value: PlainValue | undefined): Field<readonly MetricTransformationModel[]> {
  const list = Array.isArray(value) || value === undefined || value === null ? value : [value];
  return objectListField(list, (object) => ({
    metricName: stringField(object.name),
    namespace: stringField(object.namespace),
    value: stringField(object.value),
    unit: stringField(object.unit),
    defaultValue: numberField(object.defaultValue),
    dimensions: stringMapField(object.dimensions),
  }));
}

/** Reads a classic alarm's `metricQueries[].metric`. */
function classicQueryMetric(value: PlainValue | undefined): AlarmMetricModel | undefined {
  if (isUnknownSentinel(value)) return unknownMetric;
  if (!isPlainObject(value)) return undefined;
  return {
    metricName: stringField(value.metricName),
    namespace: stringField(value.namespace),
    statistic: stringField(value.stat),
    extendedStatistic: absent,
    period: numberField(value.period, true),
    unit: stringField(value.unit),
    dimensions: stringMapField(value.dimensions),
  };
}

/** The classic AWS provider's adapters. */
export const awsAdapters: readonly ResourceAdapter[] = [
  trailAdapter({
    type: awsTypes.trail,
    logGroupArn: "cloudWatchLogsGroupArn",
    logging: "enableLogging",
    loggingWhenAbsent: true,
  }),
  logGroupAdapter(awsTypes.logGroup, "name"),
  metricFilterAdapter({
    type: awsTypes.metricFilter,
    pattern: "pattern",
    transformations: "metricTransformation",
    readTransformations: classicTransformations,
  }),
  alarmAdapter({
    type: awsTypes.alarm,
    alarmName: "name",
    queries: "metricQueries",
    readDimensions: stringMapField,
    readQueries: (value) => metricQueriesField(value, (query) => classicQueryMetric(query.metric)),
  }),
  topicAdapter({ type: awsTypes.topic, topicName: "name", arn: "arn" }),
  // Never `endpoint`: it may be secret (an e-mail address, a URL with a token).
  subscriptionAdapter(awsTypes.subscription, "topic"),
  kmsKeyAdapter(awsTypes.kmsKey, "policy"),
  // A multi-Region replica key has its own key policy ("All other properties of a replica key can differ, including
  // its key policy", KMS API, ReplicateKey): a topic encrypted with one is judged by it, not taken as a key outside
  // the stack (which would pass whatever its policy).
  kmsKeyAdapter(awsTypes.kmsReplicaKey, "policy"),
  kmsAliasAdapter(awsTypes.kmsAlias, "name"),
  kmsKeyPolicyAdapter(awsTypes.kmsKeyPolicy),
  muteRuleAdapter(awsTypes.muteRule),
  compositeAlarmAdapter(awsTypes.compositeAlarm),
];
