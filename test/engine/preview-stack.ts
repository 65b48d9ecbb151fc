/**
 * A realistic stack as the engine sends it to AnalyzeStack at the FIRST `pulumi preview` of a program that sets up
 * the whole chain with @pulumi/aws v7: auto-generated names are known, ARNs are unknown (string sentinel), links
 * are visible through propertyDependencies, the default provider carries the region from stack config, and one
 * output is a secret. `compliantStack()` meets the control; the `with…` helpers break one link each.
 */
import { EngineResource, secretValue, unknownSentinels } from "../../tools/engine";

const unknown = unknownSentinels.string;
const prefix = "urn:pulumi:dev::cloudtrail-demo::";
export const region = "us-east-1";

export const urns = {
  stack: `${prefix}pulumi:pulumi:Stack::cloudtrail-demo-dev`,
  provider: `${prefix}pulumi:providers:aws::default_7_48_0`,
  bucket: `${prefix}aws:s3/bucket:Bucket::trail-bucket`,
  role: `${prefix}aws:iam/role:Role::trail-to-cloudwatch`,
  logGroup: `${prefix}aws:cloudwatch/logGroup:LogGroup::trail-logs`,
  trail: `${prefix}aws:cloudtrail/trail:Trail::main-trail`,
  filter: `${prefix}aws:cloudwatch/logMetricFilter:LogMetricFilter::cloudtrail-changes`,
  topic: `${prefix}aws:sns/topic:Topic::security-alerts`,
  subscription: `${prefix}aws:sns/topicSubscription:TopicSubscription::security-webhook`,
  alarm: `${prefix}aws:cloudwatch/metricAlarm:MetricAlarm::cloudtrail-changes`,
};

export const canonicalPattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

const provider = {
  type: "pulumi:providers:aws",
  urn: urns.provider,
  name: "default_7_48_0",
  properties: { region, version: "7.48.0" },
};

/** An AWS resource of the stack, parented to the stack and using the default provider. */
function awsResource(
  urn: string,
  properties: Record<string, unknown>,
  propertyDependencies: Record<string, string[]> = {},
  options: EngineResource["options"] = {},
): EngineResource {
  const [, type, name] = /::([^:]+:[^:]+:[^:]+)::(.+)$/.exec(urn) ?? [];
  return {
    type,
    urn,
    name,
    parent: urns.stack,
    properties: { ...properties, region },
    dependencies: [...new Set(Object.values(propertyDependencies).flat())],
    propertyDependencies,
    provider,
    options: { ...options, parent: urns.stack },
  };
}

/** The compliant first-preview stack. */
export function compliantStack(): EngineResource[] {
  return [
    { type: "pulumi:pulumi:Stack", urn: urns.stack, name: "cloudtrail-demo-dev", properties: {} },
    { type: provider.type, urn: urns.provider, name: provider.name, properties: provider.properties },
    awsResource(urns.bucket, { bucket: "trail-bucket-4f1c2d9", arn: unknown, id: unknown, forceDestroy: false }),
    awsResource(urns.role, {
      name: "trail-to-cloudwatch-8e7a1b0",
      arn: unknown,
      assumeRolePolicy: '{"Version":"2012-10-17"}',
    }),
    awsResource(urns.logGroup, { name: "trail-logs-6d2e9f3", arn: unknown, retentionInDays: 365, skipDestroy: false }),
    awsResource(
      urns.trail,
      {
        name: "main-trail",
        arn: unknown,
        s3BucketName: "trail-bucket-4f1c2d9",
        cloudWatchLogsGroupArn: unknown, // `${logGroup.arn}:*`
        cloudWatchLogsRoleArn: unknown,
        enableLogging: true,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        homeRegion: unknown,
        tagsAll: {},
      },
      { s3BucketName: [urns.bucket], cloudWatchLogsGroupArn: [urns.logGroup], cloudWatchLogsRoleArn: [urns.role] },
    ),
    awsResource(
      urns.filter,
      {
        name: "cloudtrail-changes",
        logGroupName: "trail-logs-6d2e9f3",
        pattern: canonicalPattern,
        metricTransformation: { name: "CloudTrailChangeCount", namespace: "CISBenchmark", value: "1" },
      },
      { logGroupName: [urns.logGroup] },
    ),
    awsResource(urns.topic, { name: "security-alerts-0a9b8c7", arn: unknown, tagsAll: {} }),
    awsResource(
      urns.subscription,
      {
        topic: unknown,
        protocol: "https",
        // The webhook URL carries a token, so the program marks it secret.
        endpoint: secretValue("https://hooks.example.com/services/T000/B000/XXXXXXXX"),
        endpointAutoConfirms: true,
        arn: unknown,
      },
      { topic: [urns.topic] },
      { additionalSecretOutputs: ["endpoint"] },
    ),
    awsResource(
      urns.alarm,
      {
        name: "CloudTrail Changes",
        arn: unknown,
        metricName: "CloudTrailChangeCount",
        namespace: "CISBenchmark",
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        alarmActions: [unknown], // [topic.arn]
        actionsEnabled: true,
        treatMissingData: "notBreaching",
      },
      { alarmActions: [urns.topic] },
    ),
  ];
}

/** Replaces the properties (and property dependencies) of the resource with `urn`. */
export function withResource(
  stack: EngineResource[],
  urn: string,
  change: (r: EngineResource) => EngineResource,
): EngineResource[] {
  if (!stack.some((r) => r.urn === urn)) throw new Error(`no resource ${urn} in the fixture`);
  return stack.map((r) => (r.urn === urn ? change(r) : r));
}

/** The trail without a CloudWatch Logs log group (the property unset, so absent from the outputs). */
export function trailWithoutLogGroup(): EngineResource[] {
  return withResource(compliantStack(), urns.trail, (r) => {
    const { cloudWatchLogsGroupArn: _arn, cloudWatchLogsRoleArn: _role, ...properties } = r.properties;
    return { ...r, properties, propertyDependencies: { s3BucketName: [urns.bucket] }, dependencies: [urns.bucket] };
  });
}

/** The metric filter's pattern no longer matches StopLogging. */
export function filterMissingStopLogging(): EngineResource[] {
  return withResource(compliantStack(), urns.filter, (r) => ({
    ...r,
    properties: {
      ...r.properties,
      pattern:
        "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }",
    },
  }));
}

/** The alarm evaluates over one hour instead of at most five minutes. */
export function alarmPeriodOneHour(): EngineResource[] {
  return withResource(compliantStack(), urns.alarm, (r) => ({ ...r, properties: { ...r.properties, period: 3600 } }));
}

/** The alarm notifies nobody. */
export function alarmWithoutActions(): EngineResource[] {
  return withResource(compliantStack(), urns.alarm, (r) => {
    const { alarmActions: _actions, ...properties } = r.properties;
    return { ...r, properties, propertyDependencies: {}, dependencies: [] };
  });
}

/** The compliant stack where the whole alarmActions list is unknown (how the bridge may plan `[topic.arn]`). */
export function alarmActionsWhollyUnknown(): EngineResource[] {
  return withResource(compliantStack(), urns.alarm, (r) => ({
    ...r,
    properties: { ...r.properties, alarmActions: unknown },
  }));
}
