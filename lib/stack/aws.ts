/**
 * The `@pulumi/aws` (v7, Terraform-bridged) adapter. `props` are the resources' state outputs; property names and
 * defaults follow the provider's documentation. Never imports `@pulumi/aws` (slow to load): type tokens are
 * plain strings.
 */
import type { ResourceAdapter, RawResource } from "./adapter";
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
  stringMapField,
  unknown,
  type Field,
  type PlainValue,
} from "./read";
import { advancedEventSelectorsField, eventSelectorsField } from "./selectors";

/** Type tokens of the classic AWS provider. */
export const awsTypes = {
  trail: "aws:cloudtrail/trail:Trail",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
} as const;

/** A boolean whose absence means the provider default `whenAbsent`. */
export function booleanWithDefault(value: PlainValue | undefined, whenAbsent: boolean): Field<boolean> {
  const field = booleanField(value);
  return field.state === "absent" ? known(whenAbsent) : field;
}

/** A string whose absence means the provider default `whenAbsent`. */
export function stringWithDefault(value: PlainValue | undefined, whenAbsent: string): Field<string> {
  const field = stringField(value);
  return field.state === "absent" ? known(whenAbsent) : field;
}

const trail: ResourceAdapter = {
  type: awsTypes.trail,
  kind: "trail",
  propertyNames: ["cloudWatchLogsGroupArn", "cloudWatchLogsRoleArn", "enableLogging", "eventSelectors", "advancedEventSelectors"],
  dependencyNames: ["cloudWatchLogsGroupArn"],
  build: (raw: RawResource, base: ModelResourceBase): TrailModel => ({
    ...base,
    kind: "trail",
    logGroupArn: stringField(raw.props.cloudWatchLogsGroupArn),
    logGroupArnDependencies: raw.dependencies.cloudWatchLogsGroupArn ?? [],
    roleArn: stringField(raw.props.cloudWatchLogsRoleArn),
    loggingEnabled: booleanWithDefault(raw.props.enableLogging, true),
    eventSelectors: eventSelectorsField(raw.props.eventSelectors),
    advancedEventSelectors: advancedEventSelectorsField(raw.props.advancedEventSelectors),
  }),
};

const logGroup: ResourceAdapter = {
  type: awsTypes.logGroup,
  kind: "logGroup",
  propertyNames: ["name", "arn"],
  dependencyNames: [],
  build: (raw: RawResource, base: ModelResourceBase): LogGroupModel => ({
    ...base,
    kind: "logGroup",
    groupName: stringField(raw.props.name),
    arn: stringField(raw.props.arn),
  }),
};

/** Reads a classic `metricTransformation` (one object; a one-element list is accepted too). */
function classicTransformations(value: PlainValue | undefined): Field<readonly MetricTransformationModel[]> {
  if (isUnknownSentinel(value)) return unknown;
  const objects = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const transformations: MetricTransformationModel[] = [];
  for (const object of objects) {
    if (isUnknownSentinel(object)) return unknown;
    if (!isPlainObject(object)) continue;
    transformations.push({
      metricName: stringField(object.name),
      namespace: stringField(object.namespace),
      value: stringField(object.value),
      unit: stringField(object.unit),
      dimensions: stringMapField(object.dimensions),
    });
  }
  return transformations.length === 0 ? absent : known(transformations);
}

const metricFilter: ResourceAdapter = {
  type: awsTypes.metricFilter,
  kind: "metricFilter",
  propertyNames: ["logGroupName", "pattern", "metricTransformation"],
  dependencyNames: ["logGroupName"],
  build: (raw: RawResource, base: ModelResourceBase): MetricFilterModel => ({
    ...base,
    kind: "metricFilter",
    logGroupName: stringField(raw.props.logGroupName),
    logGroupNameDependencies: raw.dependencies.logGroupName ?? [],
    // An empty pattern is legal (it matches every event), so "" stays a known value here.
    pattern: patternField(raw.props.pattern),
    transformations: classicTransformations(raw.props.metricTransformation),
  }),
};

/** A filter pattern: unlike other strings, `""` is a real pattern (match everything). */
export function patternField(value: PlainValue | undefined): Field<string> {
  if (isUnknownSentinel(value)) return unknown;
  return typeof value === "string" ? known(value) : absent;
}

/** Reads a classic alarm's `metricQueries[].metric`. */
function classicQueryMetric(value: PlainValue | undefined): AlarmMetricModel | undefined {
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

function classicQueries(value: PlainValue | undefined): Field<readonly MetricQueryModel[]> {
  if (isUnknownSentinel(value)) return unknown;
  if (!Array.isArray(value) || value.length === 0) return absent;
  const queries: MetricQueryModel[] = [];
  for (const query of value) {
    if (isUnknownSentinel(query)) return unknown;
    if (!isPlainObject(query)) continue;
    const metric = isUnknownSentinel(query.metric) ? unknownMetric : classicQueryMetric(query.metric);
    queries.push({
      id: stringField(query.id),
      expression: stringField(query.expression),
      returnData: booleanField(query.returnData),
      metric,
    });
  }
  return known(queries);
}

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

const alarm: ResourceAdapter = {
  type: awsTypes.alarm,
  kind: "alarm",
  propertyNames: [
    "name",
    "metricName",
    "namespace",
    "statistic",
    "extendedStatistic",
    "period",
    "unit",
    "dimensions",
    "metricQueries",
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
    alarmName: stringField(raw.props.name),
    metric: {
      metricName: stringField(raw.props.metricName),
      namespace: stringField(raw.props.namespace),
      statistic: stringField(raw.props.statistic),
      extendedStatistic: stringField(raw.props.extendedStatistic),
      period: numberField(raw.props.period, true),
      unit: stringField(raw.props.unit),
      dimensions: stringMapField(raw.props.dimensions),
    },
    queries: classicQueries(raw.props.metricQueries),
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

const topic: ResourceAdapter = {
  type: awsTypes.topic,
  kind: "topic",
  propertyNames: ["name", "arn"],
  dependencyNames: [],
  build: (raw: RawResource, base: ModelResourceBase): TopicModel => ({
    ...base,
    kind: "topic",
    topicName: stringField(raw.props.name),
    arn: stringField(raw.props.arn),
    inlineSubscriptionProtocols: [],
  }),
};

const subscription: ResourceAdapter = {
  type: awsTypes.subscription,
  kind: "subscription",
  // Never `endpoint`: it may be secret (an e-mail address, a URL with a token).
  propertyNames: ["topic", "protocol"],
  dependencyNames: ["topic"],
  build: (raw: RawResource, base: ModelResourceBase): SubscriptionModel => ({
    ...base,
    kind: "subscription",
    topicArn: stringField(raw.props.topic),
    topicArnDependencies: raw.dependencies.topic ?? [],
    protocol: stringField(raw.props.protocol),
  }),
};

/** The classic AWS provider's adapters. */
export const awsAdapters: readonly ResourceAdapter[] = [trail, logGroup, metricFilter, alarm, topic, subscription];
