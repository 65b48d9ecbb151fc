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

  fixture.add(types.role, names.role, { name: `${prefix}trail-role-77aa`, arn: computed(physical.roleArn), tags }, withProvider);
  fixture.add(types.logGroup, names.logGroup, {
    name: physical.logGroupName,
    arn: computed(physical.logGroupArn),
    retentionInDays: 90,
    ...regionProp,
    tags,
    ...(preview ? {} : { kmsKeyId: "", namePrefix: "", logGroupClass: "STANDARD", skipDestroy: false, tagsAll: tags }),
  }, withProvider);
  if (options.withTrail !== false) {
    fixture.add(types.trail, names.trail, {
      name: `${prefix}main-trail`,
      arn: computed(`arn:aws:cloudtrail:${region ?? "us-east-1"}:${account}:trail/${prefix}main-trail`),
      s3BucketName: "audit-logs-bucket",
      cloudWatchLogsGroupArn: computed(`${physical.logGroupArn}:*`),
      cloudWatchLogsRoleArn: computed(physical.roleArn),
      isMultiRegionTrail: true,
      ...regionProp,
      tags,
      ...(preview ? {} : { enableLogging: true, includeGlobalServiceEvents: true, isOrganizationTrail: false, kmsKeyId: "", snsTopicName: "", eventSelectors: [], advancedEventSelectors: [], insightSelectors: [], homeRegion: region ?? "us-east-1", tagsAll: tags }),
    }, { ...withProvider, propertyDependencies: { cloudWatchLogsGroupArn: [names.logGroup], cloudWatchLogsRoleArn: [names.role] } });
  }
  fixture.add(types.metricFilter, names.filter, {
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
  }, { ...withProvider, propertyDependencies: { logGroupName: [names.logGroup] } });
  fixture.add(types.topic, names.topic, {
    name: physical.topicName,
    arn: computed(physical.topicArn),
    policy: computed(JSON.stringify({ Statement: [{ Sid: secrets.topicPolicy }] })),
    ...regionProp,
    tags,
  }, withProvider);
  fixture.add(types.subscription, names.subscription, {
    topic: computed(physical.topicArn),
    protocol: "email",
    endpoint: secrets.endpoint,
    arn: computed(`${physical.topicArn}:1111-2222`),
    ...regionProp,
  }, { ...withProvider, propertyDependencies: { topic: [names.topic] } });
  const alarmActions = preview
    ? options.previewActions === "elementUnknown"
      ? [unknownValue.string]
      : unknownValue.array
    : [physical.topicArn];
  fixture.add(types.alarm, names.alarm, {
    name: `${prefix}cloudtrail-changes-alarm-1a2b`,
    arn: computed(`arn:aws:cloudwatch:${region ?? "us-east-1"}:${account}:alarm:${prefix}cloudtrail-changes-alarm-1a2b`),
    metricName: physical.metricName,
    namespace: physical.namespace,
    statistic: "Sum",
    period: 300,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    evaluationPeriods: 1,
    alarmActions,
    actionsEnabled: true,
    treatMissingData: "missing",
    ...regionProp,
    tags,
    ...(preview
      ? {}
      : { extendedStatistic: "", datapointsToAlarm: 0, dimensions: {}, unit: "", thresholdMetricId: "", metricQueries: [], okActions: [], insufficientDataActions: [], alarmDescription: "", evaluateLowSampleCountPercentiles: "", tagsAll: tags }),
  }, { ...withProvider, propertyDependencies: { alarmActions: [names.topic] } });
  return fixture;
}

/** A fixture holding one compliant chain. */
export function compliantStack(options: ChainOptions = {}, defaultRegion: string | undefined = "us-east-1"): StackFixture {
  return addCompliantChain(new StackFixture(defaultRegion), options);
}

/** The phases every compliant row is tried in. */
export const phases: readonly ChainOptions[] = [
  { phase: "deployed" },
  { phase: "preview", previewActions: "wholeUnknown" },
  { phase: "preview", previewActions: "elementUnknown" },
];
