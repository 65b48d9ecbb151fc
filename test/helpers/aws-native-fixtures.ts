/**
 * Realistic `@pulumi/aws-native` (1.x, Cloud Control) stacks, as the engine sends them at the first preview and
 * after deployment. Shapes are written out by hand from the provider's schema (the SDK's `.d.ts`: property names,
 * lists of `{ key, value }` tags, `[{ name, value }]` dimensions) and from how the provider previews a create:
 * "It takes the provided resource inputs and maps them to the outputs shape, adding unknowns for all properties
 * that are not defined in inputs" when they are read-only (pulumi-aws-native `PreviewOutputs`), so at the first
 * preview the inputs are known, read-only outputs (`arn`, `topicArn`, `keyId`, `status`) are unknown, and optional
 * inputs left unset are absent. After deployment Cloud Control reads the resource back: read-only outputs are
 * known, and unset optional properties stay absent (no `""`/`0` empties, unlike the classic provider).
 */
import {
  account,
  canonicalPattern,
  chainNames,
  computedIn,
  exampleKeyId,
  exampleMultiRegionKeyId,
  kmsKeyArn,
  muteRuleProps,
  secrets,
  type ChainOptions,
  type CompositeAlarmOptions,
  type MuteRuleOptions,
  type Phase,
  chainMetricAlarmSettings,
} from "./aws-fixtures";
import { StackFixture, unknownValue } from "./engine-resources";

/** Type tokens, written out here (not imported from lib/) so a typo there fails the tests. */
export const nativeTypes = {
  trail: "aws-native:cloudtrail:Trail",
  logGroup: "aws-native:logs:LogGroup",
  metricFilter: "aws-native:logs:MetricFilter",
  alarm: "aws-native:cloudwatch:Alarm",
  topic: "aws-native:sns:Topic",
  subscription: "aws-native:sns:Subscription",
  role: "aws-native:iam:Role",
  kmsKey: "aws-native:kms:Key",
  kmsReplicaKey: "aws-native:kms:ReplicaKey",
  kmsAlias: "aws-native:kms:Alias",
  muteRule: "aws-native:cloudwatch:AlarmMuteRule",
  compositeAlarm: "aws-native:cloudwatch:CompositeAlarm",
} as const;

/** The aws-native default provider, as the engine names it, and its plugin version. */
export const nativeProviderName = "default_1_79_0";
const nativeProviderType = "pulumi:providers:aws-native";
const nativeVersion = "1.79.0";

/** The logical names are the classic chain's (`chainNames`): only the type tokens in the URNs differ. */
export { chainNames as nativeChainNames };

/** The physical names the native chain's resources get (auto-naming adds a suffix). */
export function nativePhysicalNames(prefix = "", region = "us-east-1") {
  const logGroupName = `${prefix}trail-logs-5e7d2c0`;
  const topicName = `${prefix}cloudtrail-changes-topic-9a8b7c6`;
  const alarmName = `${prefix}cloudtrail-changes-alarm-3c4d`;
  return {
    logGroupName,
    // CloudFormation's AWS::Logs::LogGroup `Arn` ends with `:*` ("arn:aws:logs:us-west-1:123456789012:log-group:
    // /mystack-testgroup-12ABC1AB12A1:*", AWS::Logs::LogGroup return values), and a trail takes it as it is.
    logGroupArn: `arn:aws:logs:${region}:${account}:log-group:${logGroupName}:*`,
    topicName,
    topicArn: `arn:aws:sns:${region}:${account}:${topicName}`,
    alarmName,
    alarmArn: `arn:aws:cloudwatch:${region}:${account}:alarm:${alarmName}`,
    roleArn: `arn:aws:iam::${account}:role/${prefix}trail-role-c0ffee`,
    metricName: `${prefix}CloudTrailChanges`,
    namespace: "CloudTrailMetrics",
  };
}

/** Tags as aws-native writes them: a list of `{ key, value }`. */
const tags = [{ key: "Owner", value: secrets.tag }];

/** Declares the aws-native default provider (region from stack config) on `fixture`. */
export function withNativeProvider(fixture: StackFixture, region: string | undefined = "us-east-1"): StackFixture {
  return fixture.provider(
    nativeProviderName,
    region === undefined ? {} : { region },
    nativeProviderType,
    nativeVersion,
  );
}

/**
 * Adds a compliant native trail -> log group -> filter -> alarm -> topic -> subscription chain. Options as for the
 * classic chain (`region` is ignored: aws-native resources take their region from the provider).
 */
export function addCompliantNativeChain(fixture: StackFixture, options: ChainOptions = {}): StackFixture {
  const prefix = options.prefix ?? "";
  const preview = options.phase === "preview";
  const names = chainNames(prefix);
  const physical = nativePhysicalNames(prefix);
  const provider = { provider: options.provider ?? nativeProviderName };
  const readOnly = (value: unknown, sentinel: string = unknownValue.string) => (preview ? sentinel : value);

  fixture.add(
    nativeTypes.role,
    names.role,
    { roleName: `${prefix}trail-role-c0ffee`, arn: readOnly(physical.roleArn), tags },
    provider,
  );
  fixture.add(
    nativeTypes.logGroup,
    names.logGroup,
    {
      logGroupName: physical.logGroupName,
      retentionInDays: 90,
      arn: readOnly(physical.logGroupArn),
      tags,
      // Read back after creation: "If you omit this parameter, the default of STANDARD is used" (CreateLogGroup).
      ...(preview ? {} : { logGroupClass: "STANDARD" }),
    },
    provider,
  );
  if (options.withTrail !== false) {
    fixture.add(
      nativeTypes.trail,
      names.trail,
      {
        trailName: `${prefix}main-trail`,
        s3BucketName: "audit-logs-bucket",
        // `isLogging` is a required input of AWS::CloudTrail::Trail.
        isLogging: true,
        isMultiRegionTrail: true,
        cloudWatchLogsLogGroupArn: readOnly(physical.logGroupArn),
        cloudWatchLogsRoleArn: readOnly(physical.roleArn),
        arn: readOnly(`arn:aws:cloudtrail:us-east-1:${account}:trail/${prefix}main-trail`),
        snsTopicArn: readOnly(undefined),
        tags,
      },
      {
        ...provider,
        propertyDependencies: { cloudWatchLogsLogGroupArn: [names.logGroup], cloudWatchLogsRoleArn: [names.role] },
      },
    );
  }
  fixture.add(
    nativeTypes.metricFilter,
    names.filter,
    {
      filterName: `${prefix}cloudtrail-changes`,
      logGroupName: physical.logGroupName,
      filterPattern: canonicalPattern,
      metricTransformations: [
        { metricName: physical.metricName, metricNamespace: physical.namespace, metricValue: "1" },
      ],
    },
    { ...provider, propertyDependencies: { logGroupName: [names.logGroup] } },
  );
  fixture.add(
    nativeTypes.topic,
    names.topic,
    {
      topicName: physical.topicName,
      topicArn: readOnly(physical.topicArn),
      tags,
    },
    provider,
  );
  fixture.add(
    nativeTypes.subscription,
    names.subscription,
    {
      topicArn: readOnly(physical.topicArn),
      protocol: "email",
      endpoint: secrets.endpoint,
      arn: readOnly(`${physical.topicArn}:3333-4444`),
    },
    { ...provider, propertyDependencies: { topicArn: [names.topic] } },
  );
  const alarmActions = preview
    ? options.previewActions === "elementUnknown"
      ? [unknownValue.string]
      : unknownValue.array
    : [physical.topicArn];
  fixture.add(
    nativeTypes.alarm,
    names.alarm,
    {
      alarmName: physical.alarmName,
      ...chainMetricAlarmSettings(prefix),
      alarmActions,
      actionsEnabled: true,
      treatMissingData: "missing",
      arn: readOnly(physical.alarmArn),
      tags,
    },
    { ...provider, propertyDependencies: { alarmActions: [names.topic] } },
  );
  return fixture;
}

/** A fixture holding one compliant native chain, under the aws-native default provider in `region`. */
export function compliantNativeStack(
  options: ChainOptions = {},
  region: string | undefined = "us-east-1",
): StackFixture {
  return addCompliantNativeChain(withNativeProvider(new StackFixture(region), region), options);
}

/** The phases every compliant native row is tried in. */
export const nativePhases: readonly ChainOptions[] = [
  { phase: "deployed" },
  { phase: "preview", previewActions: "wholeUnknown" },
  { phase: "preview", previewActions: "elementUnknown" },
];

/** Props every native resource added by a row passes: the native default provider. */
export const onNative = { provider: nativeProviderName } as const;

// ------------------------------------------------- what stands between an alarm and a person: keys, mutes, composites

/**
 * An `aws-native:kms:Key`: `keyPolicy` is an object. It is no read-only property, so a key created without one has
 * none at the first preview; once deployed, Cloud Control reads the key's actual policy back (`readBack`, the
 * account's default key policy).
 */
export function addNativeKmsKey(
  fixture: StackFixture,
  name: string,
  options: { readonly phase: Phase; readonly keyPolicy?: object; readonly readBack: object; readonly keyId?: string },
): StackFixture {
  const keyId = options.keyId ?? exampleKeyId;
  const keyPolicy = options.keyPolicy ?? (options.phase === "deployed" ? options.readBack : undefined);
  return fixture.add(
    nativeTypes.kmsKey,
    name,
    {
      description: "CloudTrail change alarms topic",
      enableKeyRotation: true,
      ...(keyPolicy === undefined ? {} : { keyPolicy }),
      arn: computedIn(options.phase, kmsKeyArn(keyId)),
      keyId: computedIn(options.phase, keyId),
    },
    onNative,
  );
}

/** An `aws-native:kms:Alias` (`aliasName`, `targetKeyId: key.keyId`); it has no ARN output. */
export function addNativeKmsAlias(
  fixture: StackFixture,
  name: string,
  options: { readonly phase: Phase; readonly aliasName: string; readonly key: string; readonly keyId?: string },
): StackFixture {
  return fixture.add(
    nativeTypes.kmsAlias,
    name,
    {
      aliasName: options.aliasName,
      targetKeyId: computedIn(options.phase, options.keyId ?? exampleKeyId),
    },
    { ...onNative, propertyDependencies: { targetKeyId: [options.key] } },
  );
}

/**
 * An `aws-native:cloudwatch:AlarmMuteRule` (`rule.schedule.{expression, duration, timezone}`,
 * `muteTargets.alarmNames`; `arn`, `status`, `muteType` read-only). No `region`: the provider's.
 */
export function addNativeMuteRule(fixture: StackFixture, name: string, options: MuteRuleOptions): StackFixture {
  return fixture.add(nativeTypes.muteRule, name, muteRuleProps(name, options), {
    ...onNative,
    propertyDependencies: options.targetsFrom === undefined ? {} : { muteTargets: options.targetsFrom },
  });
}

/** An `aws-native:cloudwatch:CompositeAlarm`: the suppressor is a string, its periods separate properties. */
export function addNativeCompositeAlarm(
  fixture: StackFixture,
  name: string,
  options: CompositeAlarmOptions,
): StackFixture {
  return fixture.add(
    nativeTypes.compositeAlarm,
    name,
    {
      alarmName: name,
      alarmRule: options.alarmRule,
      actionsEnabled: options.actionsEnabled ?? true,
      alarmActions: options.alarmActions,
      ...(options.actionsSuppressor === undefined
        ? {}
        : {
            actionsSuppressor: options.actionsSuppressor,
            actionsSuppressorWaitPeriod: 120,
            actionsSuppressorExtensionPeriod: 60,
          }),
      arn: computedIn(options.phase, `arn:aws:cloudwatch:us-east-1:${account}:alarm:${name}`),
    },
    {
      ...onNative,
      propertyDependencies: { alarmRule: options.ruleFrom ?? [], alarmActions: options.actionsFrom ?? [] },
    },
  );
}

/** An `aws-native:kms:ReplicaKey` in the provider's region (`keyPolicy` is a required object there). */
export function addNativeKmsReplicaKey(
  fixture: StackFixture,
  name: string,
  options: { readonly phase: Phase; readonly keyPolicy: object },
): StackFixture {
  return fixture.add(
    nativeTypes.kmsReplicaKey,
    name,
    {
      primaryKeyArn: kmsKeyArn(exampleMultiRegionKeyId, "eu-west-1"),
      keyPolicy: options.keyPolicy,
      arn: computedIn(options.phase, kmsKeyArn(exampleMultiRegionKeyId)),
      keyId: computedIn(options.phase, exampleMultiRegionKeyId),
    },
    onNative,
  );
}
