/**
 * The monitoring chains of the synthetic stacks, as a `pulumi preview` sends them: trail -> log group -> metric
 * filter -> alarm -> SNS topic (encrypted with a customer managed KMS key of the chain) -> subscription, at
 * first-preview unknowns (ARNs and ids not yet known, links only through `propertyDependencies`) or, for the
 * "compliant-known" kind, with every value known.
 *
 * - {@link cloudTrailChain}: one filter and one alarm, for CloudTrail configuration changes (CIS 4.5).
 * - {@link cisMonitoringChain}: one filter and one alarm per CIS monitoring control (fifteen), all on the trail's
 *   log group and all notifying one topic, with the patterns of bench/cis-patterns.ts.
 */
import type { EngineResource } from "../tools/engine/protocol";
import { unknownSentinels } from "../tools/engine/protocol";
import {
  cisMonitoringPatterns,
  cloudTrailChangesPattern,
  cloudTrailChangesPatternWithoutStopLogging,
  type CisMonitoringPattern,
} from "./cis-patterns";
import { accountId, topicPolicy, type ProviderRef, type StackContext } from "./synthetic-context";

/** How a chain is (or is not) broken, so that the pack has something to report. */
export type ChainKind =
  | "compliant"
  | "compliant-known"
  | "pattern-misses-stoplogging"
  | "alarm-threshold-too-high"
  | "topic-without-subscription"
  | "trail-not-streaming";

/** The chain kinds in the order chains cycle through them: two compliant chains, then one of each defect. */
export const chainKindCycle: readonly ChainKind[] = [
  "compliant",
  "compliant-known",
  "pattern-misses-stoplogging",
  "alarm-threshold-too-high",
  "topic-without-subscription",
  "trail-not-streaming",
];

/** What the resources of one chain share. */
interface ChainHead {
  readonly index: number;
  readonly kind: ChainKind;
  readonly provider: ProviderRef;
  readonly known: boolean;
  readonly logGroupName: string;
  readonly topicName: string;
  readonly topicArn: string;
  readonly logGroup: EngineResource;
  readonly trail: EngineResource;
}

/** A metric filter and the alarm on its metric. */
interface FilterSpec {
  readonly filterName: string;
  readonly filterPhysicalName: string;
  readonly metricName: string;
  readonly pattern: string;
  readonly alarmName: string;
  readonly alarmPhysicalName: string;
  readonly threshold: number;
}

const unknown = unknownSentinels.string;

/** The log group and the trail that streams to it (or, for "trail-not-streaming", does not). */
function chainHead(ctx: StackContext, index: number, kind: ChainKind, provider: ProviderRef): ChainHead {
  const known = kind === "compliant-known";
  const region = provider.region;
  const suffix = ctx.hex(7);
  const logGroupName = `cloudtrail-${index}-${suffix}`;
  const logGroupArn = ctx.arn("logs", region, `log-group:${logGroupName}`);
  const topicName = `cloudtrail-changes-${index}-${suffix}`;
  const topicArn = ctx.arn("sns", region, topicName);

  const logGroup = ctx.child("aws:cloudwatch/logGroup:LogGroup", `trail-logs-${index}`, provider, {
    name: logGroupName,
    arn: known ? logGroupArn : unknown,
    id: known ? logGroupName : unknown,
    retentionInDays: 365,
    kmsKeyId: "",
    logGroupClass: "STANDARD",
    skipDestroy: false,
    region,
    ...ctx.tags(logGroupName),
  });
  const streams = kind !== "trail-not-streaming";
  const trailProps: Record<string, unknown> = {
    name: `org-trail-${index}-${suffix}`,
    arn: known ? ctx.arn("cloudtrail", region, `trail/org-trail-${index}-${suffix}`) : unknown,
    id: known ? `org-trail-${index}-${suffix}` : unknown,
    s3BucketName: `cloudtrail-archive-${suffix}`,
    cloudWatchLogsRoleArn: known ? ctx.arn("iam", "", `role/cloudtrail-to-logs-${index}`) : unknown,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogging: true,
    enableLogFileValidation: true,
    isOrganizationTrail: false,
    eventSelectors: [
      { readWriteType: "All", includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] },
    ],
    homeRegion: known ? region : unknown,
    region,
    ...ctx.tags(`org-trail-${index}`),
  };
  if (streams) trailProps.cloudWatchLogsGroupArn = known ? `${logGroupArn}:*` : unknown;
  const trail = ctx.child("aws:cloudtrail/trail:Trail", `org-trail-${index}`, provider, trailProps, {
    dependencies: streams ? [logGroup.urn] : [],
    propertyDependencies: streams ? { cloudWatchLogsGroupArn: [logGroup.urn] } : undefined,
  });
  return { index, kind, provider, known, logGroupName, topicName, topicArn, logGroup, trail };
}

function metricFilter(ctx: StackContext, head: ChainHead, spec: FilterSpec): EngineResource {
  const { provider, known, logGroup } = head;
  return ctx.child(
    "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    spec.filterName,
    provider,
    {
      name: spec.filterPhysicalName,
      id: known ? spec.filterPhysicalName : unknown,
      logGroupName: head.logGroupName,
      pattern: spec.pattern,
      metricTransformation: {
        name: spec.metricName,
        namespace: "CISBenchmark",
        value: "1",
        defaultValue: "",
        unit: "None",
        dimensions: {},
      },
      applyOnTransformedLogs: false,
      region: provider.region,
    },
    { dependencies: [logGroup.urn], propertyDependencies: { logGroupName: [logGroup.urn] } },
  );
}

/**
 * The key policy that lets CloudWatch alarms publish to a topic encrypted with the key: the account's own statement
 * plus `cloudwatch.amazonaws.com` allowed kms:Decrypt and kms:GenerateDataKey* (SNS developer guide, "Enable
 * compatibility between event sources from AWS services and encrypted topics").
 */
function alarmTopicKeyPolicy(): unknown {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "EnableAccountPermissions",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "AllowCloudWatchAlarms",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
      },
    ],
  };
}

/** The customer managed key the chain's topic is encrypted with (an AWS managed key can't serve alarms). */
function topicKey(ctx: StackContext, head: ChainHead): EngineResource {
  const { provider, known } = head;
  const hex = ctx.hex(32);
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return ctx.child("aws:kms/key:Key", `security-alerts-key-${head.index}`, provider, {
    arn: known ? ctx.arn("kms", provider.region, `key/${keyId}`) : unknown,
    keyId: known ? keyId : unknown,
    id: known ? keyId : unknown,
    description: "Encrypts the security alerts topic",
    keyUsage: "ENCRYPT_DECRYPT",
    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    isEnabled: true,
    multiRegion: false,
    bypassPolicyLockoutSafetyCheck: false,
    policy: JSON.stringify(alarmTopicKeyPolicy()),
    region: provider.region,
    ...ctx.tags(`security-alerts-key-${head.index}`),
  });
}

function topic(ctx: StackContext, head: ChainHead, key: EngineResource): EngineResource {
  const { provider, known, topicName, topicArn } = head;
  return ctx.child(
    "aws:sns/topic:Topic",
    `security-alerts-${head.index}`,
    provider,
    {
      name: topicName,
      arn: known ? topicArn : unknown,
      id: known ? topicArn : unknown,
      displayName: "Security alerts",
      fifoTopic: false,
      kmsMasterKeyId: known ? key.properties.arn : unknown,
      policy: known ? JSON.stringify(topicPolicy(topicArn)) : unknown,
      signatureVersion: 2,
      region: provider.region,
      ...ctx.tags(topicName),
    },
    { dependencies: [key.urn], propertyDependencies: { kmsMasterKeyId: [key.urn] } },
  );
}

function metricAlarm(
  ctx: StackContext,
  head: ChainHead,
  spec: FilterSpec,
  topicResource: EngineResource,
): EngineResource {
  const { provider, known, topicArn } = head;
  return ctx.child(
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    spec.alarmName,
    provider,
    {
      name: spec.alarmPhysicalName,
      arn: known ? ctx.arn("cloudwatch", provider.region, `alarm:${spec.alarmPhysicalName}`) : unknown,
      id: known ? spec.alarmPhysicalName : unknown,
      metricName: spec.metricName,
      namespace: "CISBenchmark",
      statistic: "Sum",
      period: 300,
      threshold: spec.threshold,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      actionsEnabled: true,
      alarmActions: known ? [topicArn] : [unknown],
      okActions: [],
      insufficientDataActions: [],
      treatMissingData: "notBreaching",
      dimensions: {},
      metricQueries: [],
      region: provider.region,
      ...ctx.tags(spec.alarmName),
    },
    { dependencies: [topicResource.urn], propertyDependencies: { alarmActions: [topicResource.urn] } },
  );
}

/** The topic's e-mail subscription; for "topic-without-subscription", an unrelated bucket in its place. */
function chainTail(ctx: StackContext, head: ChainHead, topicResource: EngineResource): EngineResource {
  const { index, provider, known, topicArn } = head;
  // Keep the chain the same length: an unrelated bucket takes the subscription's place.
  if (head.kind === "topic-without-subscription") return ctx.bucket(100000 + index, provider);
  return ctx.child(
    "aws:sns/topicSubscription:TopicSubscription",
    `security-oncall-${index}`,
    provider,
    {
      topic: known ? topicArn : unknown,
      protocol: "email",
      endpoint: `secops-${index}@example.com`,
      endpointAutoConfirms: false,
      confirmationTimeoutInMinutes: 1,
      pendingConfirmation: known ? false : unknownSentinels.bool,
      rawMessageDelivery: false,
      arn: known ? `${topicArn}:${ctx.hex(8)}` : unknown,
      region: provider.region,
    },
    { dependencies: [topicResource.urn], propertyDependencies: { topic: [topicResource.urn] } },
  );
}

/** Resources in one CloudTrail-changes chain. */
export const cloudTrailChainLength = 7;

/** Log group, trail, filter, key, topic, alarm and subscription (or a bucket) for CloudTrail configuration changes. */
export function cloudTrailChain(
  ctx: StackContext,
  index: number,
  kind: ChainKind,
  provider: ProviderRef,
): EngineResource[] {
  const head = chainHead(ctx, index, kind, provider);
  const spec: FilterSpec = {
    filterName: `trail-changes-${index}`,
    filterPhysicalName: `cloudtrail-config-changes-${index}`,
    metricName: `CloudTrailConfigChanges${index}`,
    pattern:
      kind === "pattern-misses-stoplogging" ? cloudTrailChangesPatternWithoutStopLogging : cloudTrailChangesPattern,
    alarmName: `trail-changes-alarm-${index}`,
    alarmPhysicalName: `CloudTrail Changes ${index}`,
    threshold: kind === "alarm-threshold-too-high" ? 5 : 1,
  };
  const filter = metricFilter(ctx, head, spec);
  const key = topicKey(ctx, head);
  const topicResource = topic(ctx, head, key);
  const alarm = metricAlarm(ctx, head, spec, topicResource);
  return [head.logGroup, head.trail, filter, key, topicResource, alarm, chainTail(ctx, head, topicResource)];
}

/** Resources in one chain that monitors every CIS control: log group, trail, 15 filters, key, topic, 15 alarms, tail. */
export const cisMonitoringChainLength = 5 + 2 * cisMonitoringPatterns.length;

/**
 * The chain of a stack that monitors all fifteen controls. Its defects: "pattern-misses-stoplogging" drops
 * StopLogging from the CloudTrail-changes filter; "alarm-threshold-too-high" raises the threshold of one control's
 * alarm (the control at `index` modulo 15, so that large stacks break every control's alarm somewhere); the topic
 * and trail defects break the chain of every control at once.
 */
export function cisMonitoringChain(
  ctx: StackContext,
  index: number,
  kind: ChainKind,
  provider: ProviderRef,
): EngineResource[] {
  const head = chainHead(ctx, index, kind, provider);
  const thresholdBroken = cisMonitoringPatterns[index % cisMonitoringPatterns.length];
  const specs = cisMonitoringPatterns.map((control: CisMonitoringPattern): FilterSpec => ({
    filterName: `${control.id}-${index}`,
    filterPhysicalName: `${control.id}-${index}`,
    metricName: `${control.metric}${index}`,
    pattern:
      control.id === "cloudtrail-changes" && kind === "pattern-misses-stoplogging"
        ? cloudTrailChangesPatternWithoutStopLogging
        : control.pattern,
    alarmName: `${control.id}-alarm-${index}`,
    alarmPhysicalName: `${control.metric} ${index}`,
    threshold: kind === "alarm-threshold-too-high" && control === thresholdBroken ? 5 : 1,
  }));
  const filters = specs.map((spec) => metricFilter(ctx, head, spec));
  const key = topicKey(ctx, head);
  const topicResource = topic(ctx, head, key);
  const alarms = specs.map((spec) => metricAlarm(ctx, head, spec, topicResource));
  return [head.logGroup, head.trail, ...filters, key, topicResource, ...alarms, chainTail(ctx, head, topicResource)];
}
