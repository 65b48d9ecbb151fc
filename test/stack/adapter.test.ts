/**
 * The adapters read each provider's resource into the model: which model value every property feeds (seen through
 * its secrecy: a property the engine sent as a secret makes exactly the values read from it secret), the provider
 * defaults of unset properties, and the links (`propertyDependencies`) a resource carries. Resources are built as
 * the engine sends them (test/helpers/engine-resources.ts); property names and shapes are the providers' (Pulumi
 * Registry, `@pulumi/aws` v7 and `@pulumi/aws-native` API docs).
 */
import { markSecret } from "../../lib/stack/adapter";
import type { ModelResource } from "../../lib/stack/model";
import { known, unknown, absent } from "../../lib/stack/read";
import { buildStackModel, defaultAdapters, snapshotStack } from "../../lib/stack/stack";
import { types } from "../helpers/aws-fixtures";
import { nativeTypes } from "../helpers/aws-native-fixtures";
import { StackFixture, secret, unknownValue, urnOf, type Props } from "../helpers/engine-resources";

/** The model of resource `r` of type `type` with `props`, read as the pack reads it (with the engine's secrets). */
function modelOf(type: string, props: Props, propertyDependencies: Record<string, readonly string[]> = {}) {
  const fixture = new StackFixture();
  for (const names of Object.values(propertyDependencies)) {
    for (const name of names) fixture.add(types.role, name, {});
  }
  fixture.add(type, "r", props, { propertyDependencies });
  const model = buildStackModel(snapshotStack(fixture.build(), defaultAdapters, fixture.secrets()), "us-east-1");
  const resource = model.byUrn.get(urnOf(type, "r"));
  if (resource === undefined) throw new Error(`${type} is not modelled`);
  return resource;
}

/** The paths of the model values marked secret (the outermost one of each nested structure). */
function secretPaths(resource: ModelResource): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== "object") return;
    if ((value as { secret?: unknown }).secret === true) {
      paths.push(path);
      return;
    }
    for (const [key, element] of Object.entries(value)) walk(element, path === "" ? key : `${path}.${key}`);
  };
  walk(resource, "");
  return paths;
}

const logGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*";
const topicArn = "arn:aws:sns:us-east-1:123456789012:alerts";
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const keyPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] };
const schedule = { schedule: { expression: "cron(0 2 * * ? *)", duration: "PT4H", timezone: "UTC" } };

describe("a property sent as a secret makes exactly the model values read from it secret", () => {
  // [type, property, a value of the provider's shape, the model values read from it]
  const rows: readonly (readonly [string, string, unknown, readonly string[]])[] = [
    [types.trail, "cloudWatchLogsGroupArn", logGroupArn, ["logGroupArn"]],
    [types.trail, "cloudWatchLogsRoleArn", "arn:aws:iam::123456789012:role/r", ["roleArn"]],
    [types.trail, "enableLogging", false, ["loggingEnabled"]],
    [types.trail, "eventSelectors", [{ readWriteType: "All", includeManagementEvents: true }], ["eventSelectors"]],
    [
      types.trail,
      "advancedEventSelectors",
      [{ name: "m", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }],
      ["advancedEventSelectors"],
    ],
    [types.trail, "isMultiRegionTrail", true, ["multiRegion"]],
    [types.trail, "includeGlobalServiceEvents", false, ["includeGlobalServiceEvents"]],
    [nativeTypes.trail, "cloudWatchLogsLogGroupArn", logGroupArn, ["logGroupArn"]],
    [nativeTypes.trail, "isLogging", true, ["loggingEnabled"]],
    [types.logGroup, "name", "trail-logs", ["groupName"]],
    [types.logGroup, "arn", "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs", ["arn"]],
    [types.logGroup, "logGroupClass", "INFREQUENT_ACCESS", ["logGroupClass"]],
    [nativeTypes.logGroup, "logGroupName", "trail-logs", ["groupName"]],
    [types.metricFilter, "logGroupName", "trail-logs", ["logGroupName"]],
    [types.metricFilter, "pattern", "{ $.eventName = StopLogging }", ["pattern"]],
    [types.metricFilter, "metricTransformation", { name: "M", namespace: "N", value: "1" }, ["transformations"]],
    [types.metricFilter, "applyOnTransformedLogs", true, ["applyOnTransformedLogs"]],
    [nativeTypes.metricFilter, "filterPattern", "{ $.eventName = StopLogging }", ["pattern"]],
    [
      nativeTypes.metricFilter,
      "metricTransformations",
      [{ metricName: "M", metricNamespace: "N", metricValue: "1" }],
      ["transformations"],
    ],
    [nativeTypes.metricFilter, "fieldSelectionCriteria", '$.eventSource IN ["x"]', ["fieldSelectionCriteria"]],
    [nativeTypes.metricFilter, "emitSystemFieldDimensions", ["@aws.account"], ["emitSystemFieldDimensions"]],
    [types.alarm, "name", "CloudTrail changes", ["alarmName"]],
    [types.alarm, "arn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:a", ["arn"]],
    [types.alarm, "metricName", "CloudTrailChanges", ["metric.metricName"]],
    [types.alarm, "namespace", "CloudTrailMetrics", ["metric.namespace"]],
    [types.alarm, "statistic", "Sum", ["metric.statistic"]],
    [types.alarm, "extendedStatistic", "p99", ["metric.extendedStatistic"]],
    [types.alarm, "period", 300, ["metric.period"]],
    [types.alarm, "unit", "Count", ["metric.unit"]],
    [types.alarm, "dimensions", { TrailName: "main" }, ["metric.dimensions"]],
    [types.alarm, "metricQueries", [{ id: "e1", expression: "SUM(METRICS())", returnData: true }], ["queries"]],
    [types.alarm, "threshold", 1, ["threshold"]],
    [types.alarm, "comparisonOperator", "GreaterThanOrEqualToThreshold", ["comparisonOperator"]],
    [types.alarm, "evaluationPeriods", 1, ["evaluationPeriods"]],
    [types.alarm, "datapointsToAlarm", 1, ["datapointsToAlarm"]],
    [types.alarm, "treatMissingData", "breaching", ["treatMissingData"]],
    [types.alarm, "actionsEnabled", false, ["actionsEnabled"]],
    [types.alarm, "alarmActions", [topicArn], ["alarmActions"]],
    [types.alarm, "thresholdMetricId", "ad1", ["thresholdMetricId"]],
    [nativeTypes.alarm, "alarmName", "CloudTrail changes", ["alarmName"]],
    [nativeTypes.alarm, "dimensions", [{ name: "TrailName", value: "main" }], ["metric.dimensions"]],
    [nativeTypes.alarm, "metrics", [{ id: "e1", expression: "SUM(METRICS())", returnData: true }], ["queries"]],
    [types.topic, "name", "alerts", ["topicName"]],
    [types.topic, "arn", topicArn, ["arn"]],
    [types.topic, "kmsMasterKeyId", "alias/aws/sns", ["kmsMasterKeyId"]],
    [nativeTypes.topic, "topicName", "alerts", ["topicName"]],
    [nativeTypes.topic, "topicArn", topicArn, ["arn"]],
    // A list: each protocol read from it is marked.
    [
      nativeTypes.topic,
      "subscription",
      [{ protocol: "email", endpoint: "oncall@example.com" }],
      ["inlineSubscriptionProtocols.0"],
    ],
    [types.subscription, "topic", topicArn, ["topicArn"]],
    [types.subscription, "protocol", "email", ["protocol"]],
    [types.subscription, "pendingConfirmation", true, ["pendingConfirmation"]],
    [nativeTypes.subscription, "topicArn", topicArn, ["topicArn"]],
    [types.kmsKey, "arn", keyArn, ["arn"]],
    [types.kmsKey, "keyId", "1234abcd-12ab-34cd-56ef-1234567890ab", ["keyId"]],
    [types.kmsKey, "policy", JSON.stringify(keyPolicy), ["policy"]],
    [types.kmsReplicaKey, "policy", JSON.stringify(keyPolicy), ["policy"]],
    [nativeTypes.kmsKey, "keyPolicy", keyPolicy, ["policy"]],
    [nativeTypes.kmsReplicaKey, "keyPolicy", keyPolicy, ["policy"]],
    [types.kmsAlias, "name", "alias/alerts", ["aliasName"]],
    [types.kmsAlias, "arn", "arn:aws:kms:us-east-1:123456789012:alias/alerts", ["arn"]],
    [types.kmsAlias, "targetKeyId", keyArn, ["targetKeyId"]],
    [nativeTypes.kmsAlias, "aliasName", "alias/alerts", ["aliasName"]],
    [types.kmsKeyPolicy, "keyId", keyArn, ["keyId"]],
    [types.kmsKeyPolicy, "policy", JSON.stringify(keyPolicy), ["policy"]],
    [types.muteRule, "name", "nightly", ["ruleName"]],
    [types.muteRule, "muteTargets", { alarmNames: ["CloudTrail changes"] }, ["alarmNames"]],
    [types.muteRule, "rule", schedule, ["scheduleExpression", "scheduleDuration", "scheduleTimezone"]],
    [types.muteRule, "startDate", "2026-01-01T00:00:00Z", ["startDate"]],
    [types.muteRule, "expireDate", "2027-01-01T00:00:00Z", ["expireDate"]],
    [types.muteRule, "status", "SCHEDULED", ["status"]],
    [nativeTypes.muteRule, "muteTargets", { alarmNames: ["CloudTrail changes"] }, ["alarmNames"]],
    [types.compositeAlarm, "alarmName", "any", ["alarmName"]],
    [types.compositeAlarm, "arn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:any", ["arn"]],
    [types.compositeAlarm, "alarmRule", 'ALARM("CloudTrail changes")', ["alarmRule"]],
    [types.compositeAlarm, "actionsEnabled", false, ["actionsEnabled"]],
    [types.compositeAlarm, "alarmActions", [topicArn], ["alarmActions"]],
    [types.compositeAlarm, "actionsSuppressor", { alarm: "maintenance" }, ["actionsSuppressor"]],
    [nativeTypes.compositeAlarm, "actionsSuppressor", "maintenance", ["actionsSuppressor"]],
  ];
  it.each(rows)("%s: %s", (type, property, value, paths) => {
    expect(secretPaths(modelOf(type, { [property]: secret(value) }))).toEqual(paths);
    // Sent in the clear, the same value makes nothing secret.
    expect(secretPaths(modelOf(type, { [property]: value }))).toEqual([]);
  });
  it("a secret resource `region` makes the resolved region secret, and nothing else", () => {
    const trail = modelOf(types.trail, { region: secret("eu-west-1") });
    expect(secretPaths(trail)).toEqual(["region"]);
  });
  it("a secret keeps its value: the value is read as it would be in the clear", () => {
    const trail = modelOf(types.trail, {
      cloudWatchLogsGroupArn: secret(logGroupArn),
      enableLogging: secret(false),
      isMultiRegionTrail: secret(unknownValue.bool),
    });
    if (trail.kind !== "trail") throw new Error("not a trail");
    expect(trail.logGroupArn).toEqual({ state: "known", value: logGroupArn, secret: true });
    expect(trail.loggingEnabled).toEqual({ state: "known", value: false, secret: true });
    // An unknown value has nothing to hide.
    expect(trail.multiRegion).toEqual({ state: "unknown" });
  });
  it("each value read from a secret structure is marked, the structure holding them is not", () => {
    const filter = modelOf(types.metricFilter, {
      metricTransformation: secret({ name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" }),
    });
    if (filter.kind !== "metricFilter") throw new Error("not a metric filter");
    const hidden = <T>(value: T) => ({ state: "known", value, secret: true });
    expect(filter.transformations).toEqual(
      hidden([
        {
          metricName: hidden("CloudTrailChanges"),
          namespace: hidden("CloudTrailMetrics"),
          value: hidden("1"),
          unit: absent,
          defaultValue: absent,
          dimensions: absent,
        },
      ]),
    );
  });
});

describe("markSecret marks the known values of a field or structure of fields", () => {
  it("a known field is marked, an unknown or absent one is left as it is", () => {
    expect(markSecret(known("alerts"))).toEqual({ state: "known", value: "alerts", secret: true });
    expect(markSecret(known(0))).toEqual({ state: "known", value: 0, secret: true });
    expect(markSecret(unknown)).toEqual({ state: "unknown" });
    expect(markSecret(absent)).toEqual({ state: "absent" });
  });
  it("inside a structure, the known fields are marked, not the objects and lists holding them", () => {
    const selectors = known([{ readWriteType: known("All"), includeManagementEvents: unknown }]);
    expect(markSecret(selectors)).toEqual({
      state: "known",
      value: [{ readWriteType: { state: "known", value: "All", secret: true }, includeManagementEvents: unknown }],
      secret: true,
    });
    expect(markSecret([known("email"), unknown])).toEqual([{ state: "known", value: "email", secret: true }, unknown]);
  });
  it("a null inside a known value (a JSON document's) is kept", () => {
    const policy = known({ Statement: [{ Sid: null, Effect: "Allow" }] });
    expect(markSecret(policy)).toEqual({
      state: "known",
      value: { Statement: [{ Sid: null, Effect: "Allow" }] },
      secret: true,
    });
  });
});

describe("unset properties read as the provider's defaults", () => {
  const field = (resource: ModelResource, name: string): unknown => (resource as unknown as Props)[name];
  it.each([
    // `@pulumi/aws` Trail: enableLogging "Defaults to true", isMultiRegionTrail "Defaults to false",
    // includeGlobalServiceEvents "Defaults to true".
    [types.trail, "loggingEnabled", known(true)],
    [types.trail, "multiRegion", known(false)],
    [types.trail, "includeGlobalServiceEvents", known(true)],
    // `@pulumi/aws-native` Trail: `isLogging` is required; a trail without it is taken as not logging (fail closed).
    [nativeTypes.trail, "loggingEnabled", known(false)],
    // CloudWatch Logs API, CreateLogGroup: "If you omit this parameter, the default of STANDARD is used".
    [types.logGroup, "logGroupClass", known("STANDARD")],
    [nativeTypes.logGroup, "logGroupClass", known("STANDARD")],
    // CloudWatch Logs API, PutMetricFilter: applyOnTransformedLogs "Default is false".
    [types.metricFilter, "applyOnTransformedLogs", known(false)],
    // `@pulumi/aws` MetricAlarm: treatMissingData "Defaults to `missing`", actionsEnabled "Defaults to `true`".
    [types.alarm, "treatMissingData", known("missing")],
    [types.alarm, "actionsEnabled", known(true)],
    // CloudWatch API, PutCompositeAlarm: ActionsEnabled "The default is TRUE".
    [types.compositeAlarm, "actionsEnabled", known(true)],
  ])("%s: %s", (type, name, expected) => {
    expect(field(modelOf(type, {}), name)).toEqual(expected);
  });
});

describe("a resource links to the resources its input depends on (propertyDependencies), and to none without", () => {
  const field = (resource: ModelResource, name: string): unknown => (resource as unknown as Props)[name];
  it.each([
    [types.trail, "cloudWatchLogsGroupArn", "logGroupArnDependencies"],
    [nativeTypes.trail, "cloudWatchLogsLogGroupArn", "logGroupArnDependencies"],
    [types.metricFilter, "logGroupName", "logGroupNameDependencies"],
    [types.alarm, "alarmActions", "alarmActionDependencies"],
    [types.topic, "kmsMasterKeyId", "kmsMasterKeyIdDependencies"],
    [types.subscription, "topic", "topicArnDependencies"],
    [nativeTypes.subscription, "topicArn", "topicArnDependencies"],
    [types.kmsAlias, "targetKeyId", "targetKeyIdDependencies"],
    [types.kmsKeyPolicy, "keyId", "keyIdDependencies"],
    [types.muteRule, "muteTargets", "alarmNamesDependencies"],
    [types.compositeAlarm, "alarmRule", "alarmRuleDependencies"],
    [types.compositeAlarm, "alarmActions", "alarmActionDependencies"],
  ])("%s: %s", (type, input, name) => {
    expect(field(modelOf(type, {}), name)).toEqual([]);
    expect(field(modelOf(type, {}, { [input]: ["other"] }), name)).toEqual([urnOf(types.role, "other")]);
  });
});

/** A metric whose every part is unknown (the whole metric computed at preview). */
const allUnknown = {
  metricName: unknown,
  namespace: unknown,
  statistic: unknown,
  extendedStatistic: unknown,
  period: unknown,
  unit: unknown,
  dimensions: unknown,
};

/** The query list both providers' tests write: one query `m1` on the chain's metric, Sum over 300 s, by trail. */
const chainMetricQuery = known([
  {
    id: known("m1"),
    expression: absent,
    returnData: known(true),
    metric: {
      metricName: known("CloudTrailChanges"),
      namespace: known("CloudTrailMetrics"),
      statistic: known("Sum"),
      extendedStatistic: absent,
      period: known(300),
      unit: known("Count"),
      dimensions: known({ TrailName: "main" }),
    },
  },
]);

describe("aws-native alarm metrics (`metrics[].metricStat`)", () => {
  // AWS::CloudWatch::Alarm MetricDataQuery / MetricStat / Metric (CloudFormation user guide), in camelCase.
  const alarmQueries = (metrics: unknown) => {
    const alarm = modelOf(nativeTypes.alarm, { metrics });
    if (alarm.kind !== "alarm") throw new Error("not an alarm");
    return alarm.queries;
  };
  it("a metric query reads its metric, statistic, period, unit and `[{name, value}]` dimensions", () => {
    const metricStat = {
      metric: {
        metricName: "CloudTrailChanges",
        namespace: "CloudTrailMetrics",
        dimensions: [{ name: "TrailName", value: "main" }],
      },
      period: 300,
      stat: "Sum",
      unit: "Count",
    };
    expect(alarmQueries([{ id: "m1", returnData: true, metricStat }])).toEqual(chainMetricQuery);
  });
  it("an expression query has no metric", () => {
    expect(alarmQueries([{ id: "e1", expression: "SUM(METRICS())", returnData: true }])).toEqual(
      known([{ id: known("e1"), expression: known("SUM(METRICS())"), returnData: known(true), metric: undefined }]),
    );
  });
  it("a metricStat, or its metric, unknown at preview makes every part of the metric unknown", () => {
    for (const metricStat of [unknownValue.object, { metric: unknownValue.object, period: 300, stat: "Sum" }]) {
      expect(alarmQueries([{ id: "m1", metricStat }])).toEqual(
        known([{ id: known("m1"), expression: absent, returnData: absent, metric: allUnknown }]),
      );
    }
  });
  it("a metricStat without its metric has no metric name, namespace or dimensions; a period of 0 is unset", () => {
    expect(alarmQueries([{ id: "m1", metricStat: { period: 0, stat: "Sum" } }])).toEqual(
      known([
        {
          id: known("m1"),
          expression: absent,
          returnData: absent,
          metric: {
            metricName: absent,
            namespace: absent,
            statistic: known("Sum"),
            extendedStatistic: absent,
            period: absent,
            unit: absent,
            dimensions: absent,
          },
        },
      ]),
    );
  });
  it("the query list, or one of its queries, unknown at preview makes the queries unknown", () => {
    expect(alarmQueries(unknownValue.array)).toEqual(unknown);
    expect(alarmQueries([{ id: "e1", expression: "SUM(METRICS())" }, unknownValue.object])).toEqual(unknown);
  });
});

describe("classic alarm metric queries (`metricQueries`)", () => {
  // `@pulumi/aws` MetricAlarm `metricQueries[]`: id, expression, returnData, metric { metricName, namespace, period,
  // stat, unit, dimensions }.
  const queries = (metricQueries: unknown) => {
    const alarm = modelOf(types.alarm, { metricQueries });
    return alarm.kind === "alarm" ? alarm.queries : undefined;
  };
  it("a metric query reads its metric, statistic, period, unit and dimensions", () => {
    const metric = {
      metricName: "CloudTrailChanges",
      namespace: "CloudTrailMetrics",
      period: 300,
      stat: "Sum",
      unit: "Count",
      dimensions: { TrailName: "main" },
    };
    expect(queries([{ id: "m1", returnData: true, metric }])).toEqual(chainMetricQuery);
  });
  it("a metric unknown at preview makes every part of it unknown; a period of 0 is unset (deployed state)", () => {
    expect(queries([{ id: "m1", metric: unknownValue.object }])).toEqual(
      known([{ id: known("m1"), expression: absent, returnData: absent, metric: allUnknown }]),
    );
    const zero = queries([{ id: "m1", metric: { metricName: "M", namespace: "N", period: 0, stat: "Sum" } }]);
    expect(zero?.state === "known" && zero.value[0].metric?.period).toEqual(absent);
  });
  it("an element that is not a query object is skipped; an unknown one makes the queries unknown", () => {
    const expression = { id: "e1", expression: "SUM(METRICS())", returnData: true };
    expect(queries([null, expression])).toEqual(
      known([{ id: known("e1"), expression: known("SUM(METRICS())"), returnData: known(true), metric: undefined }]),
    );
    expect(queries([expression, unknownValue.object])).toEqual(unknown);
  });
});

describe("aws-native topic inline subscriptions (`subscription`): their protocols only", () => {
  const protocols = (subscription: unknown) => {
    const topic = modelOf(nativeTypes.topic, subscription === undefined ? {} : { subscription });
    return topic.kind === "topic" ? topic.inlineSubscriptionProtocols : undefined;
  };
  it("each subscription's protocol, an unknown list as one unknown protocol, none without the list", () => {
    expect(
      protocols([
        { protocol: "email", endpoint: "oncall@example.com" },
        { protocol: "sqs", endpoint: "arn:aws:sqs:us-east-1:123456789012:q" },
      ]),
    ).toEqual([known("email"), known("sqs")]);
    expect(protocols(unknownValue.array)).toEqual([unknown]);
    expect(protocols(undefined)).toEqual([]);
  });
});

describe("aws-native dimensions: lists of `{name, value}` (alarms) and `{key, value}` (metric filters)", () => {
  // AWS::CloudWatch::Alarm Dimension (Name, Value) and AWS::Logs::MetricFilter Dimension (Key, Value), CloudFormation
  // user guide, in camelCase.
  const alarmDimensions = (dimensions: unknown) => {
    const alarm = modelOf(nativeTypes.alarm, { dimensions });
    return alarm.kind === "alarm" ? alarm.metric.dimensions : undefined;
  };
  const filterDimensions = (dimensions: unknown) => {
    const filter = modelOf(nativeTypes.metricFilter, {
      metricTransformations: [{ metricName: "M", metricNamespace: "N", metricValue: "1", dimensions }],
    });
    return filter.kind === "metricFilter" && filter.transformations.state === "known"
      ? filter.transformations.value[0].dimensions
      : undefined;
  };
  it("read as a map of names to values; a value that is not text is kept as its JSON text", () => {
    expect(alarmDimensions([{ name: "TrailName", value: "main" }])).toEqual(known({ TrailName: "main" }));
    expect(alarmDimensions([{ name: "Shard", value: 1 }])).toEqual(known({ Shard: "1" }));
    expect(filterDimensions([{ key: "EventName", value: "$.eventName" }])).toEqual(known({ EventName: "$.eventName" }));
  });
  it("an empty list is no dimensions (deployed state writes [] for unset lists)", () => {
    expect(alarmDimensions([])).toEqual(absent);
    expect(filterDimensions([])).toEqual(absent);
  });
  it.each([
    ["the list unknown at preview", unknownValue.array],
    ["an element unknown", [{ name: "TrailName", value: "main" }, unknownValue.object]],
    ["an element that is not an object", [null]],
    ["a name unknown", [{ name: unknownValue.string, value: "main" }]],
    ["a value unknown", [{ name: "TrailName", value: unknownValue.string }]],
    ["an element without its name", [{ value: "main" }]],
  ])("%s: the dimensions are unknown", (_case, dimensions) => {
    expect(alarmDimensions(dimensions)).toEqual(unknown);
  });
});

describe("classic metric filter transformation (`metricTransformation`)", () => {
  // `@pulumi/aws` LogMetricFilter: one `metricTransformation` object { name, namespace, value, ... }, the Terraform
  // schema's one-element `metric_transformation` block list flattened by the bridge; the list form reads the same.
  const transformations = (metricTransformation: unknown) => {
    const filter = modelOf(types.metricFilter, { metricTransformation });
    return filter.kind === "metricFilter" ? filter.transformations : undefined;
  };
  it("the block and a one-element list of it read the same", () => {
    const block = { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" };
    const expected = known([
      {
        metricName: known("CloudTrailChanges"),
        namespace: known("CloudTrailMetrics"),
        value: known("1"),
        unit: absent,
        defaultValue: absent,
        dimensions: absent,
      },
    ]);
    expect(transformations(block)).toEqual(expected);
    expect(transformations([block])).toEqual(expected);
  });
  it("unknown at preview: unknown", () => {
    expect(transformations(unknownValue.object)).toEqual(unknown);
  });
});

describe("aws-native metric filter transformations (`metricTransformations`)", () => {
  it("a numeric `metricValue` is read as its text, the same as the string", () => {
    const filter = modelOf(nativeTypes.metricFilter, {
      metricTransformations: [
        { metricName: "CloudTrailChanges", metricNamespace: "CloudTrailMetrics", metricValue: 1 },
      ],
    });
    expect(filter.kind === "metricFilter" && filter.transformations).toEqual(
      known([
        {
          metricName: known("CloudTrailChanges"),
          namespace: known("CloudTrailMetrics"),
          value: known("1"),
          unit: absent,
          defaultValue: absent,
          dimensions: absent,
        },
      ]),
    );
  });
  it("a transformation without `metricValue` publishes no known value", () => {
    const filter = modelOf(nativeTypes.metricFilter, {
      metricTransformations: [{ metricName: "M", metricNamespace: "N" }],
    });
    expect(
      filter.kind === "metricFilter" &&
        filter.transformations.state === "known" &&
        filter.transformations.value[0].value,
    ).toEqual(absent);
  });
});
