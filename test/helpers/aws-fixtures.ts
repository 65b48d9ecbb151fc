/**
 * Realistic `@pulumi/aws` v7 stacks, as the engine sends them at the first preview (computed outputs unknown)
 * and after deployment (stack export / refresh: empty strings, zeros and empty maps for unset properties).
 * Values are written out by hand from the provider's state shape, never taken from the code under test.
 */
import { StackFixture, unknownValue, type Props } from "./engine-resources";

export const account = "123456789012";

/** Type tokens, written out here (not imported from lib/) so a typo there fails the tests. */
export const types = {
  trail: "aws:cloudtrail/trail:Trail",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
  role: "aws:iam/role:Role",
  bucket: "aws:s3/bucket:Bucket",
  kmsKey: "aws:kms/key:Key",
  kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
  kmsAlias: "aws:kms/alias:Alias",
  kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
  muteRule: "aws:cloudwatch/alarmMuteRule:AlarmMuteRule",
  compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
} as const;

export const canonicalPattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

/** Values that must never appear in a message (secrets as the SDK hands them over: plain). */
export const secrets = {
  endpoint: "oncall-secret@example.com",
  tag: "tag-secret-value-42",
  topicPolicy: "policy-secret-statement",
} as const;

/** How the first preview presents the alarm's `alarmActions = [topic.arn]`. */
export type PreviewActions = "wholeUnknown" | "elementUnknown";

export interface ChainOptions {
  /** First preview (computed values unknown) or deployed state (the default). */
  readonly phase?: "preview" | "deployed";
  readonly previewActions?: PreviewActions;
  /** Logical-name prefix, for several chains in one stack. */
  readonly prefix?: string;
  /** Region written into every resource's `region` prop (v7 fills it in); `undefined` leaves it out. */
  readonly region?: string | undefined;
  /** Include the trail (false: a monitoring-only stack). */
  readonly withTrail?: boolean;
  /** A provider (declared on the fixture) every resource of the chain uses. */
  readonly provider?: string;
}

/** Logical names of the resources a chain adds. */
export function chainNames(prefix = "") {
  return {
    role: `${prefix}trail-role`,
    trail: `${prefix}trail`,
    logGroup: `${prefix}trail-logs`,
    filter: `${prefix}cloudtrail-changes-filter`,
    alarm: `${prefix}cloudtrail-changes-alarm`,
    topic: `${prefix}cloudtrail-changes-topic`,
    subscription: `${prefix}oncall`,
  };
}

/** The physical names the chain's resources get (auto-naming adds a suffix). */
export function physicalNames(prefix = "", region = "us-east-1") {
  const logGroupName = `${prefix}trail-logs-8d3e0a1`;
  const topicName = `${prefix}cloudtrail-changes-topic-4f1c2b9`;
  return {
    logGroupName,
    logGroupArn: `arn:aws:logs:${region}:${account}:log-group:${logGroupName}`,
    topicArn: `arn:aws:sns:${region}:${account}:${topicName}`,
    topicName,
    roleArn: `arn:aws:iam::${account}:role/${prefix}trail-role-77aa`,
    metricName: `${prefix}CloudTrailChanges`,
    namespace: "CloudTrailMetrics",
  };
}

/**
 * An alarm's settings that watch the chain's metric and fire on one change (Sum over 300 s, >= 1, one period: CIS
 * AWS Foundations 4.5's remediation), the same inputs in `@pulumi/aws` and `@pulumi/aws-native`.
 */
export function chainMetricAlarmSettings(prefix = "") {
  const physical = physicalNames(prefix);
  return {
    metricName: physical.metricName,
    namespace: physical.namespace,
    statistic: "Sum",
    period: 300,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: 1,
  };
}

/** Adds a compliant trail -> log group -> filter -> alarm -> topic -> subscription chain to `fixture`. */
export function addCompliantChain(fixture: StackFixture, options: ChainOptions = {}): StackFixture {
  const prefix = options.prefix ?? "";
  const region = "region" in options ? options.region : "us-east-1";
  const preview = options.phase === "preview";
  const names = chainNames(prefix);
  const physical = physicalNames(prefix, region ?? "us-east-1");
  const regionProp: Props = region === undefined ? {} : { region };
  const withProvider = options.provider === undefined ? {} : { provider: options.provider };
  const computed = (value: unknown, sentinel: string = unknownValue.string) => (preview ? sentinel : value);
  const tags = { Owner: secrets.tag };

  fixture.add(
    types.role,
    names.role,
    { name: `${prefix}trail-role-77aa`, arn: computed(physical.roleArn), tags },
    withProvider,
  );
  fixture.add(
    types.logGroup,
    names.logGroup,
    {
      name: physical.logGroupName,
      arn: computed(physical.logGroupArn),
      retentionInDays: 90,
      ...regionProp,
      tags,
      ...(preview
        ? {}
        : { kmsKeyId: "", namePrefix: "", logGroupClass: "STANDARD", skipDestroy: false, tagsAll: tags }),
    },
    withProvider,
  );
  if (options.withTrail !== false) {
    fixture.add(
      types.trail,
      names.trail,
      {
        name: `${prefix}main-trail`,
        arn: computed(`arn:aws:cloudtrail:${region ?? "us-east-1"}:${account}:trail/${prefix}main-trail`),
        s3BucketName: "audit-logs-bucket",
        cloudWatchLogsGroupArn: computed(`${physical.logGroupArn}:*`),
        cloudWatchLogsRoleArn: computed(physical.roleArn),
        isMultiRegionTrail: true,
        ...regionProp,
        tags,
        ...(preview
          ? {}
          : {
              enableLogging: true,
              includeGlobalServiceEvents: true,
              isOrganizationTrail: false,
              kmsKeyId: "",
              snsTopicName: "",
              eventSelectors: [],
              advancedEventSelectors: [],
              insightSelectors: [],
              homeRegion: region ?? "us-east-1",
              tagsAll: tags,
            }),
      },
      {
        ...withProvider,
        propertyDependencies: { cloudWatchLogsGroupArn: [names.logGroup], cloudWatchLogsRoleArn: [names.role] },
      },
    );
  }
  fixture.add(
    types.metricFilter,
    names.filter,
    {
      name: `${prefix}cloudtrail-changes`,
      logGroupName: physical.logGroupName,
      pattern: canonicalPattern,
      metricTransformation: {
        name: physical.metricName,
        namespace: physical.namespace,
        value: "1",
        ...(preview ? {} : { defaultValue: "", unit: "", dimensions: {} }),
      },
      ...regionProp,
      ...(preview ? {} : { applyOnTransformedLogs: false }),
    },
    { ...withProvider, propertyDependencies: { logGroupName: [names.logGroup] } },
  );
  fixture.add(
    types.topic,
    names.topic,
    {
      name: physical.topicName,
      arn: computed(physical.topicArn),
      policy: computed(JSON.stringify({ Statement: [{ Sid: secrets.topicPolicy }] })),
      ...regionProp,
      tags,
    },
    withProvider,
  );
  fixture.add(
    types.subscription,
    names.subscription,
    {
      topic: computed(physical.topicArn),
      protocol: "email",
      endpoint: secrets.endpoint,
      arn: computed(`${physical.topicArn}:1111-2222`),
      // Computed by the provider: unknown until the subscription exists; false once the endpoint has confirmed.
      pendingConfirmation: computed(false, unknownValue.bool),
      ...regionProp,
    },
    { ...withProvider, propertyDependencies: { topic: [names.topic] } },
  );
  const alarmActions = preview
    ? options.previewActions === "elementUnknown"
      ? [unknownValue.string]
      : unknownValue.array
    : [physical.topicArn];
  fixture.add(
    types.alarm,
    names.alarm,
    {
      name: `${prefix}cloudtrail-changes-alarm-1a2b`,
      arn: computed(
        `arn:aws:cloudwatch:${region ?? "us-east-1"}:${account}:alarm:${prefix}cloudtrail-changes-alarm-1a2b`,
      ),
      ...chainMetricAlarmSettings(prefix),
      alarmActions,
      actionsEnabled: true,
      treatMissingData: "missing",
      ...regionProp,
      tags,
      ...(preview
        ? {}
        : {
            extendedStatistic: "",
            datapointsToAlarm: 0,
            dimensions: {},
            unit: "",
            thresholdMetricId: "",
            metricQueries: [],
            okActions: [],
            insufficientDataActions: [],
            alarmDescription: "",
            evaluateLowSampleCountPercentiles: "",
            tagsAll: tags,
          }),
    },
    { ...withProvider, propertyDependencies: { alarmActions: [names.topic] } },
  );
  return fixture;
}

/** A fixture holding one compliant chain. */
export function compliantStack(options: ChainOptions = {}, defaultRegion: string | null = "us-east-1"): StackFixture {
  return addCompliantChain(new StackFixture(defaultRegion), options);
}

/**
 * The compliant chain with its only alarm, "west-alarm", in us-west-2 (through an "oregon" provider) while the metric
 * it watches is published in us-east-1: CloudWatch alarms watch metrics of their own Region only ("Amazon CloudWatch
 * concepts": metrics exist only in the Region in which they are created).
 */
export function chainWithAlarmInOregon(): StackFixture {
  return compliantStack()
    .provider("oregon", { region: "us-west-2" })
    .remove(chainNames().alarm)
    .add(
      types.alarm,
      "west-alarm",
      { name: "west", ...chainMetricAlarmSettings(), alarmActions: [], region: "us-west-2" },
      { provider: "oregon" },
    );
}

/** The phases every compliant row is tried in. */
export const phases: readonly ChainOptions[] = [
  { phase: "deployed" },
  { phase: "preview", previewActions: "wholeUnknown" },
  { phase: "preview", previewActions: "elementUnknown" },
];

// ------------------------------------------------- what stands between an alarm and a person: keys, mutes, composites

/** First preview (computed outputs unknown) or deployed state. */
export type Phase = "preview" | "deployed";

/** A value the provider computes: unknown at the first preview. */
export function computedIn(phase: Phase, value: unknown, sentinel: string = unknownValue.string): unknown {
  return phase === "preview" ? sentinel : value;
}

/** A key id and ARN of the form the KMS developer guide's examples use. */
export const exampleKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
export function kmsKeyArn(keyId = exampleKeyId, region = "us-east-1", accountId = account): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export interface KmsKeyOptions {
  readonly phase: Phase;
  /** The key policy given as input (the provider takes JSON text); `undefined`: none given. */
  readonly policy?: object;
  /** The policy the provider reads back after creating a key without one (the account's default key policy). */
  readonly readBack: object;
  readonly keyId?: string;
}

/**
 * An `aws.kms.Key`. Its `policy` is optional and computed: given, it is known at preview; not given, it is unknown
 * at the first preview and holds the key's actual (default) policy once deployed.
 */
export function addKmsKey(fixture: StackFixture, name: string, options: KmsKeyOptions): StackFixture {
  const { phase } = options;
  const keyId = options.keyId ?? exampleKeyId;
  return fixture.add(types.kmsKey, name, {
    description: "CloudTrail change alarms topic",
    enableKeyRotation: true,
    policy:
      options.policy === undefined
        ? computedIn(phase, JSON.stringify(options.readBack))
        : JSON.stringify(options.policy),
    arn: computedIn(phase, kmsKeyArn(keyId)),
    keyId: computedIn(phase, keyId),
    region: "us-east-1",
    ...(phase === "deployed"
      ? { keyUsage: "ENCRYPT_DECRYPT", customerMasterKeySpec: "SYMMETRIC_DEFAULT", isEnabled: true, multiRegion: false }
      : {}),
  });
}

/** An `aws.kms.Alias` (`name: "alias/..."`, `targetKeyId: key.keyId`) of the key `key` (logical name). */
export function addKmsAlias(
  fixture: StackFixture,
  name: string,
  options: { readonly phase: Phase; readonly aliasName: string; readonly key: string; readonly keyId?: string },
): StackFixture {
  const keyId = options.keyId ?? exampleKeyId;
  return fixture.add(
    types.kmsAlias,
    name,
    {
      name: options.aliasName,
      targetKeyId: computedIn(options.phase, keyId),
      targetKeyArn: computedIn(options.phase, kmsKeyArn(keyId)),
      arn: computedIn(options.phase, `arn:aws:kms:us-east-1:${account}:${options.aliasName}`),
      region: "us-east-1",
    },
    { propertyDependencies: { targetKeyId: [options.key] } },
  );
}

/** A separate `aws.kms.KeyPolicy` (`keyId: key.keyId`) that replaces the key's policy. */
export function addKmsKeyPolicy(
  fixture: StackFixture,
  name: string,
  options: { readonly phase: Phase; readonly key: string; readonly policy: object; readonly keyId?: string },
): StackFixture {
  return fixture.add(
    types.kmsKeyPolicy,
    name,
    {
      keyId: computedIn(options.phase, options.keyId ?? exampleKeyId),
      policy: JSON.stringify(options.policy),
      region: "us-east-1",
    },
    { propertyDependencies: { keyId: [options.key] } },
  );
}

/** A mute rule's settings, as both providers take them (`rule.schedule`, `muteTargets.alarmNames`, dates). */
export interface MuteRuleOptions {
  readonly phase: Phase;
  readonly expression: string;
  /** ISO 8601, PT1M to P15D. */
  readonly duration: string;
  /** IANA zone; absent: UTC. */
  readonly timezone?: string;
  readonly startDate?: string;
  readonly expireDate?: string;
  /** Deployed status (SCHEDULED, ACTIVE or EXPIRED), computed by AWS: unknown at the first preview. */
  readonly status?: string;
  /** The alarm names muted; absent: no `muteTargets`. */
  readonly alarmNames?: readonly string[];
  /** Logical names the targets are computed from (`alarmNames: [alarm.name]`). */
  readonly targetsFrom?: readonly string[];
}

/** The props of a mute rule named `name` (the same shape in both providers). */
export function muteRuleProps(name: string, options: MuteRuleOptions): Props {
  const { phase } = options;
  const schedule = {
    expression: options.expression,
    duration: options.duration,
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  };
  return {
    name,
    description: "Mute alarms during the maintenance window",
    rule: { schedule },
    ...(options.alarmNames === undefined ? {} : { muteTargets: { alarmNames: options.alarmNames } }),
    ...(options.startDate === undefined ? {} : { startDate: options.startDate }),
    ...(options.expireDate === undefined ? {} : { expireDate: options.expireDate }),
    arn: computedIn(phase, `arn:aws:cloudwatch:us-east-1:${account}:alarm-mute-rule:${name}`),
    status: computedIn(phase, options.status ?? "SCHEDULED"),
    muteType: computedIn(phase, options.expression.startsWith("at(") ? "ONE_TIME" : "RECURRING"),
  };
}

/** An `aws.cloudwatch.AlarmMuteRule` (its `region` given: a rule mutes alarms of its own region). */
export function addMuteRule(
  fixture: StackFixture,
  name: string,
  options: MuteRuleOptions,
  region = "us-east-1",
): StackFixture {
  return fixture.add(
    types.muteRule,
    name,
    { ...muteRuleProps(name, options), region },
    {
      propertyDependencies: options.targetsFrom === undefined ? {} : { muteTargets: options.targetsFrom },
    },
  );
}

/** A composite alarm's settings, as both providers take them. */
export interface CompositeAlarmOptions {
  readonly phase: Phase;
  readonly alarmRule: string;
  /** Logical names the rule is computed from (`pulumi.interpolate\`ALARM("${alarm.name}")\``). */
  readonly ruleFrom?: readonly string[];
  readonly actionsEnabled?: unknown;
  readonly alarmActions: readonly unknown[];
  /** Logical names the actions are computed from (`[topic.arn]`). */
  readonly actionsFrom?: readonly string[];
  /** The alarm whose ALARM state suppresses this one's actions. */
  readonly actionsSuppressor?: string;
}

/**
 * An `aws.cloudwatch.CompositeAlarm`; the classic provider takes the suppressor as a block
 * `actionsSuppressor: { alarm, extensionPeriod, waitPeriod }`.
 */
export function addCompositeAlarm(fixture: StackFixture, name: string, options: CompositeAlarmOptions): StackFixture {
  const { phase } = options;
  return fixture.add(
    types.compositeAlarm,
    name,
    {
      alarmName: name,
      alarmRule: options.alarmRule,
      actionsEnabled: options.actionsEnabled ?? true,
      alarmActions: options.alarmActions,
      ...(options.actionsSuppressor === undefined
        ? {}
        : { actionsSuppressor: { alarm: options.actionsSuppressor, extensionPeriod: 60, waitPeriod: 120 } }),
      arn: computedIn(phase, `arn:aws:cloudwatch:us-east-1:${account}:alarm:${name}`),
      region: "us-east-1",
      ...(phase === "deployed" ? { alarmDescription: "", okActions: [], insufficientDataActions: [] } : {}),
    },
    { propertyDependencies: { alarmRule: options.ruleFrom ?? [], alarmActions: options.actionsFrom ?? [] } },
  );
}

/** A multi-Region key id, as the KMS API reference writes one (ReplicateKey: `mrk-1234abcd12ab34cd56ef1234567890ab`). */
export const exampleMultiRegionKeyId = "mrk-1234abcd12ab34cd56ef1234567890ab";

/**
 * An `aws.kms.ReplicaKey` in us-east-1 of a primary key in eu-west-1. Like a key, its `policy` is optional and
 * computed; created without one it gets the default key policy ("If you do not provide a key policy, KMS attaches
 * the default key policy", ReplicateKey `Policy`).
 */
export function addKmsReplicaKey(
  fixture: StackFixture,
  name: string,
  options: Omit<KmsKeyOptions, "keyId">,
): StackFixture {
  const { phase } = options;
  return fixture.add(types.kmsReplicaKey, name, {
    primaryKeyArn: kmsKeyArn(exampleMultiRegionKeyId, "eu-west-1"),
    description: "CloudTrail change alarms topic (replica)",
    policy:
      options.policy === undefined
        ? computedIn(phase, JSON.stringify(options.readBack))
        : JSON.stringify(options.policy),
    arn: computedIn(phase, kmsKeyArn(exampleMultiRegionKeyId)),
    keyId: computedIn(phase, exampleMultiRegionKeyId),
    region: "us-east-1",
  });
}
