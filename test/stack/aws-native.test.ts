/** The aws-native adapter: the same chain written with @pulumi/aws-native resources passes all four policies. */
import { createPolicies } from "../../policies";
import { StackFixture, runPolicy, unknownValue, type Props } from "../helpers/engine-resources";

const pattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

function nativeStack(alarmPatch: Props = {}, preview = false): StackFixture {
  const u = (value: string) => (preview ? unknownValue.string : value);
  const groupArn = "arn:aws:logs:us-east-1:123456789012:log-group:trail-logs:*";
  const topicArn = "arn:aws:sns:us-east-1:123456789012:alerts";
  return new StackFixture()
    .provider("native", { region: "us-east-1" }, "pulumi:providers:aws-native")
    .add("aws-native:logs:LogGroup", "logs", { logGroupName: "trail-logs", arn: u(groupArn) }, { provider: "native" })
    .add(
      "aws-native:cloudtrail:Trail",
      "trail",
      {
        isLogging: true,
        s3BucketName: "b",
        cloudWatchLogsLogGroupArn: u(groupArn),
        cloudWatchLogsRoleArn: u("arn:aws:iam::123456789012:role/r"),
      },
      { provider: "native", propertyDependencies: { cloudWatchLogsLogGroupArn: ["logs"] } },
    )
    .add(
      "aws-native:logs:MetricFilter",
      "filter",
      {
        logGroupName: "trail-logs",
        filterPattern: pattern,
        metricTransformations: [
          { metricName: "CloudTrailChanges", metricNamespace: "CloudTrailMetrics", metricValue: "1" },
        ],
      },
      { provider: "native" },
    )
    .add(
      "aws-native:sns:Topic",
      "topic",
      { topicName: "alerts", topicArn: u(topicArn), subscription: [{ protocol: "email", endpoint: "x@example.com" }] },
      { provider: "native" },
    )
    .add(
      "aws-native:cloudwatch:Alarm",
      "alarm",
      {
        alarmName: "CloudTrail Changes",
        metricName: "CloudTrailChanges",
        namespace: "CloudTrailMetrics",
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        alarmActions: preview ? [unknownValue.string] : [topicArn],
        ...alarmPatch,
      },
      { provider: "native", propertyDependencies: { alarmActions: ["topic"] } },
    );
}

describe("aws-native adapter", () => {
  it.each([false, true])("a compliant native chain passes (preview: %s)", async (preview) => {
    for (const policy of createPolicies({ stackRegion: () => undefined }).slice(0, 4)) {
      expect([policy.name, await runPolicy(policy, nativeStack({}, preview))]).toEqual([policy.name, []]);
    }
  });
  it("native alarm dimensions ([{name, value}]) are compared with the filter's", async () => {
    const [, , alarm] = createPolicies({ stackRegion: () => undefined });
    const reported = await runPolicy(alarm, nativeStack({ dimensions: [{ name: "TrailName", value: "main" }] }));
    expect(reported).toEqual([
      {
        urn: expect.stringContaining("aws-native:cloudwatch:Alarm::alarm"),
        message: expect.stringContaining('watches dimensions {"TrailName":"main"}'),
      },
    ]);
  });
  it("a native trail with isLogging false is reported", async () => {
    const [logs] = createPolicies({ stackRegion: () => undefined });
    const reported = await runPolicy(logs, nativeStack().patch("trail", { isLogging: false }));
    expect(reported).toEqual([
      {
        urn: expect.stringContaining("aws-native:cloudtrail:Trail::trail"),
        message: expect.stringContaining("logging is turned off"),
      },
    ]);
  });
  it.each([
    [
      "read-only basic selectors",
      { eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] },
      '`readWriteType: "ReadOnly"`',
    ],
    [
      "advanced selectors with native operator names (notStartsWith)",
      {
        advancedEventSelectors: [
          {
            name: "mgmt",
            fieldSelectors: [
              { field: "eventCategory", equals: ["Management"] },
              { field: "eventSource", notStartsWith: ["cloudtrail"] },
            ],
          },
        ],
      },
      '`advancedEventSelectors` ("mgmt") select no management write events',
    ],
  ])(
    "a native trail with %s records no CloudTrail changes: reported on the trail, its log group needs no filter",
    async (_name, selectors, text) => {
      const [logs, filter] = createPolicies({ stackRegion: () => undefined });
      const stack = () => nativeStack().patch("trail", selectors).remove("filter");
      expect(await runPolicy(logs, stack())).toEqual([
        { urn: expect.stringContaining("aws-native:cloudtrail:Trail::trail"), message: expect.stringContaining(text) },
      ]);
      expect(await runPolicy(filter, stack())).toEqual([]);
    },
  );
  it("native advanced selectors selecting management events pass", async () => {
    const [logs] = createPolicies({ stackRegion: () => undefined });
    const selectors = {
      advancedEventSelectors: [
        {
          name: "mgmt",
          fieldSelectors: [
            { field: "eventCategory", equals: ["Management"] },
            { field: "readOnly", equals: ["false"] },
          ],
        },
      ],
    };
    expect(await runPolicy(logs, nativeStack().patch("trail", selectors))).toEqual([]);
  });
});
