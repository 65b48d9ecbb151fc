/**
 * A `pulumi stack export` (version 3) of the compliant chain after `pulumi up`, written by hand the way the
 * bridged AWS provider stores state: every schema property present, unset ones as "", 0, false, [] or {}.
 */
const account = "123456789012";
const region = "us-east-1";
export const exportProject = "audit";
export const exportStack = "prod";
const urn = (type: string, name: string): string => `urn:pulumi:${exportStack}::${exportProject}::${type}::${name}`;

export const urns = {
  stack: urn("pulumi:pulumi:Stack", `${exportProject}-${exportStack}`),
  provider: urn("pulumi:providers:aws", "default_7_48_0"),
  logGroup: urn("aws:cloudwatch/logGroup:LogGroup", "cloudtrail"),
  trail: urn("aws:cloudtrail/trail:Trail", "management-events"),
  filter: urn("aws:cloudwatch/logMetricFilter:LogMetricFilter", "cloudtrail-changes"),
  topic: urn("aws:sns/topic:Topic", "security-alerts"),
  subscription: urn("aws:sns/topicSubscription:TopicSubscription", "security-team"),
  alarm: urn("aws:cloudwatch/metricAlarm:MetricAlarm", "cloudtrail-changes"),
};

const providerRef = `${urns.provider}::0c1d2e3f-aaaa-bbbb-cccc-000000000000`;
const logGroupName = "cloudtrail-5d6e7f8";
const logGroupArn = `arn:aws:logs:${region}:${account}:log-group:${logGroupName}`;
const topicArn = `arn:aws:sns:${region}:${account}:security-alerts-9a8b7c6`;

/** Options to break the fixture one way at a time. */
export interface ExportOptions {
  pattern?: string;
  /** An encrypted secret on the subscription endpoint (as without --show-secrets). */
  encryptedEndpoint?: boolean;
  /** A plaintext secret on the alarm description (as with --show-secrets). */
  plaintextSecretDescription?: string;
  /** A resource pending deletion (must be left out). */
  pendingDelete?: boolean;
  /** The e-mail subscription still waits for its confirmation link to be clicked (default: confirmed). */
  subscriptionPending?: boolean;
}

const secretSig = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

type Json = Record<string, unknown>;

function custom(type: string, name: string, id: string, inputs: Json, outputs: Json, extra: Json = {}): Json {
  return {
    urn: urn(type, name),
    custom: true,
    id,
    type,
    inputs,
    outputs,
    parent: urns.stack,
    provider: providerRef,
    ...extra,
  };
}

/** The export document. */
export function deployedExport(options: ExportOptions = {}): Json {
  const pattern =
    options.pattern ??
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";
  const resources: Json[] = [
    { urn: urns.stack, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
    {
      urn: urns.provider,
      custom: true,
      id: "0c1d2e3f-aaaa-bbbb-cccc-000000000000",
      type: "pulumi:providers:aws",
      inputs: { region, version: "7.48.0" },
      outputs: { region, version: "7.48.0" },
    },
    custom(
      "aws:cloudwatch/logGroup:LogGroup",
      "cloudtrail",
      logGroupName,
      { name: logGroupName, retentionInDays: 365 },
      {
        arn: logGroupArn,
        id: logGroupName,
        kmsKeyId: "",
        logGroupClass: "STANDARD",
        name: logGroupName,
        namePrefix: "",
        region,
        retentionInDays: 365,
        skipDestroy: false,
        tags: {},
        tagsAll: {},
      },
    ),
    custom(
      "aws:cloudtrail/trail:Trail",
      "management-events",
      "management-events-1a2b3c4",
      {
        cloudWatchLogsGroupArn: `${logGroupArn}:*`,
        isMultiRegionTrail: true,
        name: "management-events-1a2b3c4",
        s3BucketName: "trail-logs-0f0f0f0",
      },
      {
        advancedEventSelectors: [],
        arn: `arn:aws:cloudtrail:${region}:${account}:trail/management-events-1a2b3c4`,
        cloudWatchLogsGroupArn: `${logGroupArn}:*`,
        cloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/cloudtrail-to-cloudwatch-1111111`,
        enableLogFileValidation: false,
        enableLogging: true,
        eventSelectors: [],
        homeRegion: region,
        id: "management-events-1a2b3c4",
        includeGlobalServiceEvents: true,
        insightSelectors: [],
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        kmsKeyId: "",
        name: "management-events-1a2b3c4",
        region,
        s3BucketName: "trail-logs-0f0f0f0",
        s3KeyPrefix: "",
        snsTopicArn: "",
        snsTopicName: "",
        tags: {},
        tagsAll: {},
      },
      { dependencies: [urns.logGroup], propertyDependencies: { cloudWatchLogsGroupArn: [urns.logGroup] } },
    ),
    custom(
      "aws:cloudwatch/logMetricFilter:LogMetricFilter",
      "cloudtrail-changes",
      "cloudtrail-changes-2b3c4d5",
      {
        logGroupName,
        pattern,
        metricTransformation: { name: "CloudTrailChanges", namespace: "CISBenchmark", value: "1" },
      },
      {
        applyOnTransformedLogs: false,
        id: "cloudtrail-changes-2b3c4d5",
        logGroupName,
        name: "cloudtrail-changes-2b3c4d5",
        pattern,
        region,
        metricTransformation: {
          defaultValue: "",
          dimensions: {},
          name: "CloudTrailChanges",
          namespace: "CISBenchmark",
          unit: "None",
          value: "1",
        },
      },
      { dependencies: [urns.logGroup], propertyDependencies: { logGroupName: [urns.logGroup] } },
    ),
    custom(
      "aws:sns/topic:Topic",
      "security-alerts",
      topicArn,
      {},
      {
        arn: topicArn,
        applicationFailureFeedbackRoleArn: "",
        contentBasedDeduplication: false,
        deliveryPolicy: "",
        displayName: "",
        fifoTopic: false,
        id: topicArn,
        kmsMasterKeyId: "",
        name: "security-alerts-9a8b7c6",
        namePrefix: "",
        owner: account,
        policy: "{}",
        region,
        signatureVersion: 0,
        tags: {},
        tagsAll: {},
        tracingConfig: "",
      },
    ),
    custom(
      "aws:sns/topicSubscription:TopicSubscription",
      "security-team",
      `${topicArn}:5f5f5f5f`,
      { endpoint: "security-team@example.com", protocol: "email", topic: topicArn },
      {
        arn: `${topicArn}:5f5f5f5f`,
        confirmationTimeoutInMinutes: 1,
        confirmationWasAuthenticated: false,
        deliveryPolicy: "",
        endpoint: options.encryptedEndpoint
          ? { ...secretSig, ciphertext: "v1:AAAAbase64==" }
          : "security-team@example.com",
        endpointAutoConfirms: false,
        filterPolicy: "",
        filterPolicyScope: "",
        id: `${topicArn}:5f5f5f5f`,
        ownerId: account,
        pendingConfirmation: options.subscriptionPending === true,
        protocol: "email",
        rawMessageDelivery: false,
        redrivePolicy: "",
        region,
        replayPolicy: "",
        subscriptionRoleArn: "",
        topic: topicArn,
      },
      { dependencies: [urns.topic], propertyDependencies: { topic: [urns.topic] } },
    ),
    custom(
      "aws:cloudwatch/metricAlarm:MetricAlarm",
      "cloudtrail-changes",
      "cloudtrail-changes-3c4d5e6",
      {
        alarmActions: [topicArn],
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        metricName: "CloudTrailChanges",
        namespace: "CISBenchmark",
        period: 300,
        statistic: "Sum",
        threshold: 1,
      },
      {
        actionsEnabled: true,
        alarmActions: [topicArn],
        alarmDescription:
          options.plaintextSecretDescription !== undefined
            ? { ...secretSig, plaintext: JSON.stringify(options.plaintextSecretDescription) }
            : "",
        arn: `arn:aws:cloudwatch:${region}:${account}:alarm:cloudtrail-changes-3c4d5e6`,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        datapointsToAlarm: 0,
        dimensions: {},
        evaluateLowSampleCountPercentiles: "",
        evaluationPeriods: 1,
        extendedStatistic: "",
        id: "cloudtrail-changes-3c4d5e6",
        insufficientDataActions: [],
        metricName: "CloudTrailChanges",
        metricQueries: [],
        name: "cloudtrail-changes-3c4d5e6",
        namespace: "CISBenchmark",
        okActions: [],
        period: 300,
        region,
        statistic: "Sum",
        tags: {},
        tagsAll: {},
        threshold: 1,
        thresholdMetricId: "",
        treatMissingData: "missing",
        unit: "",
      },
      { dependencies: [urns.topic], propertyDependencies: { alarmActions: [urns.topic] } },
    ),
  ];
  if (options.pendingDelete) {
    resources.push({ ...custom("aws:sns/topic:Topic", "old-alerts", "arn:old", {}, { arn: "arn:old" }), delete: true });
  }
  return {
    version: 3,
    deployment: {
      manifest: { time: "2026-01-01T00:00:00Z", magic: "x", version: "v3.248.0" },
      secrets_providers: { type: "service", state: {} },
      resources,
    },
  };
}
