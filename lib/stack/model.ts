/**
 * The provider-neutral stack model: the resources of the CloudTrail-changes monitoring chain (trail -> log group
 * -> metric filter -> metric alarm -> SNS topic -> subscription) as plain data. Adapters (`aws.ts`,
 * `aws-native.ts`) fill it from `PolicyResource`s; policies and `chain.ts` only ever read this model.
 *
 * Every value a policy needs is a `Field` (known / unknown at preview / absent). Provider defaults for absent
 * optional properties are already applied (e.g. `actionsEnabled` true), and deployed-state empties (`""`, `0`,
 * `{}`, `[]`) already read as absent.
 */
import type { Field } from "./read";

/** Where a resource lives. An unknown region remembers which provider it comes from (see `regions.ts`). */
export type Region =
  | { readonly state: "known"; readonly name: string; readonly source: RegionSource }
  | { readonly state: "unknown"; readonly providerKey: string };

/** Which setting a known region came from. */
export type RegionSource = "resource" | "provider" | "stack" | "arn";

/** What every modelled resource carries. */
export interface ModelResourceBase {
  /** The engine's URN: pass it to `reportViolation`. */
  readonly urn: string;
  /** The logical (Pulumi) name. */
  readonly name: string;
  /** The type token, e.g. `aws:cloudtrail/trail:Trail`. */
  readonly type: string;
  /** The URN of the resource's provider, `undefined` when the engine sent none. */
  readonly providerUrn: string | undefined;
  readonly region: Region;
}

export interface TrailModel extends ModelResourceBase {
  readonly kind: "trail";
  /** The log group ARN the trail delivers to (with or without the `:*` suffix). */
  readonly logGroupArn: Field<string>;
  /** URNs of the resources the log group ARN input depends on (its `propertyDependencies`). */
  readonly logGroupArnDependencies: readonly string[];
  readonly roleArn: Field<string>;
  /** Logging on (the provider default, true, when unset). */
  readonly loggingEnabled: Field<boolean>;
  /** Basic event selectors; absent (also `[]`) means none, i.e. every management event is recorded. */
  readonly eventSelectors: Field<readonly EventSelectorModel[]>;
  /** Advanced event selectors; when present they replace `eventSelectors` (AWS keeps one or the other). */
  readonly advancedEventSelectors: Field<readonly AdvancedEventSelectorModel[]>;
}

/** One basic event selector of a trail, with the provider defaults applied. */
export interface EventSelectorModel {
  /** "All" (the default), "ReadOnly" or "WriteOnly". */
  readonly readWriteType: Field<string>;
  /** The default, true, when unset. */
  readonly includeManagementEvents: Field<boolean>;
  /** Event sources whose management events are left out (AWS allows only kms and rdsdata). */
  readonly excludeManagementEventSources: Field<readonly Field<string>[]>;
}

/** The operators of an advanced field selector, by their CloudTrail API names (lower camel case). */
export const fieldSelectorOperators = ["equals", "startsWith", "endsWith", "notEquals", "notStartsWith", "notEndsWith"] as const;
export type FieldSelectorOperator = (typeof fieldSelectorOperators)[number];

/** One statement of an advanced event selector: a record field and the values each operator lists. */
export interface FieldSelectorModel {
  readonly field: Field<string>;
  readonly operators: Readonly<Record<FieldSelectorOperator, Field<readonly Field<string>[]>>>;
}

/** One advanced event selector: the events every one of its field selectors lets through. */
export interface AdvancedEventSelectorModel {
  readonly name: Field<string>;
  readonly fieldSelectors: Field<readonly FieldSelectorModel[]>;
}

export interface LogGroupModel extends ModelResourceBase {
  readonly kind: "logGroup";
  readonly groupName: Field<string>;
  /** The log group ARN, without the `:*` suffix. */
  readonly arn: Field<string>;
}

/** One metric a metric filter publishes. */
export interface MetricTransformationModel {
  readonly metricName: Field<string>;
  readonly namespace: Field<string>;
  /** The published value, as text (`"1"`, `"$.bytes"`). */
  readonly value: Field<string>;
  readonly unit: Field<string>;
  readonly dimensions: Field<Readonly<Record<string, string>>>;
}

export interface MetricFilterModel extends ModelResourceBase {
  readonly kind: "metricFilter";
  readonly logGroupName: Field<string>;
  readonly logGroupNameDependencies: readonly string[];
  readonly pattern: Field<string>;
  readonly transformations: Field<readonly MetricTransformationModel[]>;
}

/** The metric an alarm (or one of its metric-math queries) reads. */
export interface AlarmMetricModel {
  readonly metricName: Field<string>;
  readonly namespace: Field<string>;
  readonly statistic: Field<string>;
  readonly extendedStatistic: Field<string>;
  readonly period: Field<number>;
  readonly unit: Field<string>;
  readonly dimensions: Field<Readonly<Record<string, string>>>;
}

/** One metric-math query of an alarm. */
export interface MetricQueryModel {
  readonly id: Field<string>;
  readonly expression: Field<string>;
  readonly returnData: Field<boolean>;
  /** Absent for an expression query. */
  readonly metric: AlarmMetricModel | undefined;
}

export interface AlarmModel extends ModelResourceBase {
  readonly kind: "alarm";
  readonly alarmName: Field<string>;
  /** The alarm's own metric; all absent when the alarm uses metric-math queries. */
  readonly metric: AlarmMetricModel;
  /** Metric-math queries (absent for a single-metric alarm). */
  readonly queries: Field<readonly MetricQueryModel[]>;
  readonly threshold: Field<number>;
  readonly comparisonOperator: Field<string>;
  readonly evaluationPeriods: Field<number>;
  /** Absent means "same as evaluationPeriods". */
  readonly datapointsToAlarm: Field<number>;
  /** The provider default, "missing", when unset. */
  readonly treatMissingData: Field<string>;
  /** The provider default, true, when unset. */
  readonly actionsEnabled: Field<boolean>;
  readonly alarmActions: Field<readonly Field<string>[]>;
  readonly alarmActionDependencies: readonly string[];
  /** Set on anomaly-detection alarms. */
  readonly thresholdMetricId: Field<string>;
}

export interface TopicModel extends ModelResourceBase {
  readonly kind: "topic";
  readonly topicName: Field<string>;
  readonly arn: Field<string>;
  /** Protocols of subscriptions declared inline on the topic (aws-native `subscription`); empty for classic. */
  readonly inlineSubscriptionProtocols: readonly Field<string>[];
}

export interface SubscriptionModel extends ModelResourceBase {
  readonly kind: "subscription";
  /** The topic ARN the subscription is on. */
  readonly topicArn: Field<string>;
  readonly topicArnDependencies: readonly string[];
  readonly protocol: Field<string>;
}

export type ModelResource =
  | TrailModel
  | LogGroupModel
  | MetricFilterModel
  | AlarmModel
  | TopicModel
  | SubscriptionModel;

export type ModelKind = ModelResource["kind"];

/** The whole chain's resources in one stack, in the engine's order. */
export interface StackModel {
  readonly trails: readonly TrailModel[];
  readonly logGroups: readonly LogGroupModel[];
  readonly metricFilters: readonly MetricFilterModel[];
  readonly alarms: readonly AlarmModel[];
  readonly topics: readonly TopicModel[];
  readonly subscriptions: readonly SubscriptionModel[];
  /** Every modelled resource by URN. */
  readonly byUrn: ReadonlyMap<string, ModelResource>;
}
