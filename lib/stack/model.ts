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
  | { readonly state: "known"; readonly name: string; readonly source: RegionSource; readonly secret?: boolean }
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
  /** The provider's name for that setting, for messages: `enableLogging` (classic) or `isLogging` (aws-native). */
  readonly loggingProperty: string;
  /** Basic event selectors; absent (also `[]`) means none, i.e. every management event is recorded. */
  readonly eventSelectors: Field<readonly EventSelectorModel[]>;
  /** Advanced event selectors; when present they replace `eventSelectors` (AWS keeps one or the other). */
  readonly advancedEventSelectors: Field<readonly AdvancedEventSelectorModel[]>;
  /** Records events of every region (the provider default, false, when unset). */
  readonly multiRegion: Field<boolean>;
  /** Records global service events (IAM, STS, CloudFront...; the provider default, true, when unset). */
  readonly includeGlobalServiceEvents: Field<boolean>;
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
export const fieldSelectorOperators = [
  "equals",
  "startsWith",
  "endsWith",
  "notEquals",
  "notStartsWith",
  "notEndsWith",
] as const;
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
  /** "STANDARD" (the default when unset), "INFREQUENT_ACCESS" or "DELIVERY". */
  readonly logGroupClass: Field<string>;
}

/** One metric a metric filter publishes. */
export interface MetricTransformationModel {
  readonly metricName: Field<string>;
  readonly namespace: Field<string>;
  /** The published value, as text (`"1"`, `"$.bytes"`). */
  readonly value: Field<string>;
  readonly unit: Field<string>;
  readonly dimensions: Field<Readonly<Record<string, string>>>;
  /** The value published for a period in which logs arrive but none matches (absent: nothing is published). */
  readonly defaultValue: Field<number>;
}

export interface MetricFilterModel extends ModelResourceBase {
  readonly kind: "metricFilter";
  readonly logGroupName: Field<string>;
  readonly logGroupNameDependencies: readonly string[];
  readonly pattern: Field<string>;
  readonly transformations: Field<readonly MetricTransformationModel[]>;
  /** The filter sees what a log transformer made of each record (the provider default, false, when unset). */
  readonly applyOnTransformedLogs: Field<boolean>;
  /** `@pulumi/aws-native` only: which events, by system fields, the filter processes at all. */
  readonly fieldSelectionCriteria: Field<string>;
  /** `@pulumi/aws-native` only: system fields published as extra dimensions of every metric. */
  readonly emitSystemFieldDimensions: Field<readonly Field<string>[]>;
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
  readonly arn: Field<string>;
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
  /** The KMS key the topic is encrypted with (key id, key ARN, alias name or alias ARN); absent: not encrypted. */
  readonly kmsMasterKeyId: Field<string>;
  readonly kmsMasterKeyIdDependencies: readonly string[];
  /** Protocols of subscriptions declared inline on the topic (aws-native `subscription`); empty for classic. */
  readonly inlineSubscriptionProtocols: readonly Field<string>[];
}

export interface SubscriptionModel extends ModelResourceBase {
  readonly kind: "subscription";
  /** The topic ARN the subscription is on. */
  readonly topicArn: Field<string>;
  readonly topicArnDependencies: readonly string[];
  readonly protocol: Field<string>;
  /** True until the endpoint confirms (classic provider only; absent: not reported, e.g. aws-native). */
  readonly pendingConfirmation: Field<boolean>;
}

export interface KmsKeyModel extends ModelResourceBase {
  readonly kind: "kmsKey";
  readonly arn: Field<string>;
  readonly keyId: Field<string>;
  /** The key policy as the provider holds it (JSON text or an object); absent: the default key policy. */
  readonly policy: Field<unknown>;
}

export interface KmsAliasModel extends ModelResourceBase {
  readonly kind: "kmsAlias";
  /** `alias/...`. */
  readonly aliasName: Field<string>;
  readonly arn: Field<string>;
  /** The key id or ARN the alias points to. */
  readonly targetKeyId: Field<string>;
  readonly targetKeyIdDependencies: readonly string[];
}

/** A key policy set apart from its key (classic `aws.kms.KeyPolicy`): it replaces the key's own policy. */
export interface KmsKeyPolicyModel extends ModelResourceBase {
  readonly kind: "kmsKeyPolicy";
  readonly keyId: Field<string>;
  readonly keyIdDependencies: readonly string[];
  readonly policy: Field<unknown>;
}

/** A CloudWatch alarm mute rule: silences the actions of its target alarms during its schedule. */
export interface MuteRuleModel extends ModelResourceBase {
  readonly kind: "muteRule";
  readonly ruleName: Field<string>;
  /** The names of the alarms it mutes. */
  readonly alarmNames: Field<readonly Field<string>[]>;
  readonly alarmNamesDependencies: readonly string[];
  /** `cron(...)` or `at(...)`. */
  readonly scheduleExpression: Field<string>;
  /** ISO 8601 duration, e.g. `PT4H`. */
  readonly scheduleDuration: Field<string>;
  /** IANA time zone (UTC when unset). */
  readonly scheduleTimezone: Field<string>;
  readonly startDate: Field<string>;
  readonly expireDate: Field<string>;
  /** Deployed state: SCHEDULED, ACTIVE or EXPIRED. */
  readonly status: Field<string>;
}

/** A composite alarm: in ALARM when its rule over other alarms' states holds. */
export interface CompositeAlarmModel extends ModelResourceBase {
  readonly kind: "compositeAlarm";
  readonly alarmName: Field<string>;
  readonly arn: Field<string>;
  readonly alarmRule: Field<string>;
  readonly alarmRuleDependencies: readonly string[];
  /** The provider default, true, when unset. */
  readonly actionsEnabled: Field<boolean>;
  readonly alarmActions: Field<readonly Field<string>[]>;
  readonly alarmActionDependencies: readonly string[];
  /** The alarm whose ALARM state suppresses this one's actions; absent: none. */
  readonly actionsSuppressor: Field<string>;
}

export type ModelResource =
  | TrailModel
  | LogGroupModel
  | MetricFilterModel
  | AlarmModel
  | TopicModel
  | SubscriptionModel
  | KmsKeyModel
  | KmsAliasModel
  | KmsKeyPolicyModel
  | MuteRuleModel
  | CompositeAlarmModel;

export type ModelKind = ModelResource["kind"];

/** The whole chain's resources in one stack, ordered by URN (so no verdict depends on the engine's order). */
export interface StackModel {
  readonly trails: readonly TrailModel[];
  readonly logGroups: readonly LogGroupModel[];
  readonly metricFilters: readonly MetricFilterModel[];
  readonly alarms: readonly AlarmModel[];
  readonly topics: readonly TopicModel[];
  readonly subscriptions: readonly SubscriptionModel[];
  readonly kmsKeys: readonly KmsKeyModel[];
  readonly kmsAliases: readonly KmsAliasModel[];
  readonly kmsKeyPolicies: readonly KmsKeyPolicyModel[];
  readonly muteRules: readonly MuteRuleModel[];
  readonly compositeAlarms: readonly CompositeAlarmModel[];
  /** Every modelled resource by URN. */
  readonly byUrn: ReadonlyMap<string, ModelResource>;
}
