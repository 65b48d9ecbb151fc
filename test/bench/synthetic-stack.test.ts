import { unknownSentinels } from "../../tools/engine";
import { cisMonitoringPatterns } from "../../bench/cis-patterns";
import {
  buildSyntheticStack,
  chainKindCycle,
  minimumStackSize,
  minimumSyntheticStackSize,
} from "../../bench/synthetic-stack";

const secretKey = "4dabf18193072939515e22adb298388d";

function byName(resources: { name: string }[], name: string) {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}`);
  return found as ReturnType<typeof buildSyntheticStack>["resources"][number];
}

describe("buildSyntheticStack", () => {
  it("builds exactly the requested number of resources", () => {
    for (const size of [31, 200, 1000, 3001]) expect(buildSyntheticStack({ size }).resources).toHaveLength(size);
    for (const size of [143, 1000, 3001])
      expect(buildSyntheticStack({ size, monitoring: "cis" }).resources).toHaveLength(size);
  });

  it("has one chain per 500 resources, at least 4", () => {
    expect(buildSyntheticStack({ size: 200 }).chainKinds).toHaveLength(4);
    expect(buildSyntheticStack({ size: 10000 }).chainKinds).toHaveLength(20);
    expect(buildSyntheticStack({ size: 3000, resourcesPerChain: 100 }).chainKinds).toHaveLength(30);
  });

  it("cycles through two compliant chains and four broken ones", () => {
    expect(buildSyntheticStack({ size: 10000 }).chainKinds.slice(0, 7)).toEqual([...chainKindCycle, "compliant"]);
  });

  it("at the smallest size holds only the root, two providers and four full chains", () => {
    expect(minimumSyntheticStackSize).toBe(31);
    expect(buildSyntheticStack({ size: 31 }).typeCounts).toEqual({
      "pulumi:pulumi:Stack": 1,
      "pulumi:providers:aws": 2,
      "aws:cloudwatch/logGroup:LogGroup": 4,
      "aws:cloudtrail/trail:Trail": 4,
      "aws:cloudwatch/logMetricFilter:LogMetricFilter": 4,
      "aws:kms/key:Key": 4,
      "aws:sns/topic:Topic": 4,
      "aws:cloudwatch/metricAlarm:MetricAlarm": 4,
      "aws:sns/topicSubscription:TopicSubscription": 4,
    });
  });

  it("rejects a size below the fixed part", () => {
    expect(() => buildSyntheticStack({ size: 30 })).toThrow("a synthetic stack needs at least 31 resources, got 30");
    expect(() => buildSyntheticStack({ size: 142, monitoring: "cis" })).toThrow(
      "a synthetic stack needs at least 143 resources, got 142",
    );
  });

  it("gives unique URNs, and every parent and dependency names a resource of the stack", () => {
    const { resources } = buildSyntheticStack({ size: 3000 });
    const urns = new Set(resources.map((r) => r.urn));
    expect(urns.size).toBe(resources.length);
    for (const r of resources) {
      const referenced = [
        r.parent,
        r.provider?.urn,
        ...(r.dependencies ?? []),
        ...Object.values(r.propertyDependencies ?? {}).flat(),
      ];
      for (const urn of referenced) if (urn !== undefined) expect(urns.has(urn)).toBe(true);
    }
  });

  it("sends a first-preview chain with unknown ARNs linked by propertyDependencies", () => {
    const { resources } = buildSyntheticStack({ size: 200 });
    const trail = byName(resources, "org-trail-0");
    const logGroup = byName(resources, "trail-logs-0");
    const alarm = byName(resources, "trail-changes-alarm-0");
    const topic = byName(resources, "security-alerts-0");
    expect(trail.properties.cloudWatchLogsGroupArn).toBe(unknownSentinels.string);
    expect(trail.propertyDependencies).toEqual({ cloudWatchLogsGroupArn: [logGroup.urn] });
    expect(alarm.properties.alarmActions).toEqual([unknownSentinels.string]);
    expect(alarm.propertyDependencies).toEqual({ alarmActions: [topic.urn] });
    expect(trail.provider?.properties.region).toBe("us-east-1");
  });

  it("sends the second chain with known values: the trail names its log group's ARN with :*", () => {
    const { resources } = buildSyntheticStack({ size: 200 });
    const logGroup = byName(resources, "trail-logs-1");
    expect(byName(resources, "org-trail-1").properties.cloudWatchLogsGroupArn).toBe(
      `${logGroup.properties.arn as string}:*`,
    );
    expect(String(logGroup.properties.arn)).toMatch(/^arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail-1-/);
  });

  it("breaks chains the way their kind says", () => {
    const { resources } = buildSyntheticStack({ size: 3000 });
    expect(byName(resources, "trail-changes-2").properties.pattern).not.toContain("StopLogging");
    expect(byName(resources, "trail-changes-alarm-3").properties.threshold).toBe(5);
    expect(resources.some((r) => r.name === "security-oncall-4")).toBe(false);
    expect(resources.some((r) => r.name === "security-oncall-3")).toBe(true);
    expect(byName(resources, "org-trail-5").properties).not.toHaveProperty("cloudWatchLogsGroupArn");
  });

  it("encrypts each chain's topic with a key of the chain whose policy lets CloudWatch use it", () => {
    const { resources } = buildSyntheticStack({ size: 200 });
    const key = byName(resources, "security-alerts-key-0");
    // First preview: the key's ARN is unknown, so the topic names it through propertyDependencies.
    expect(byName(resources, "security-alerts-0").properties.kmsMasterKeyId).toBe(unknownSentinels.string);
    expect(byName(resources, "security-alerts-0").propertyDependencies).toEqual({ kmsMasterKeyId: [key.urn] });
    expect(byName(resources, "security-alerts-1").properties.kmsMasterKeyId).toBe(
      byName(resources, "security-alerts-key-1").properties.arn,
    );
    // SNS developer guide, "Enable compatibility between event sources from AWS services and encrypted topics":
    // the key policy must allow cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*.
    expect((JSON.parse(String(key.properties.policy)) as { Statement: unknown[] }).Statement).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      }),
    );
  });

  it("puts every third chain behind the eu-west-1 provider", () => {
    const { resources } = buildSyntheticStack({ size: 200 });
    expect(byName(resources, "org-trail-2").provider?.properties.region).toBe("eu-west-1");
    expect(byName(resources, "org-trail-2").properties.region).toBe("eu-west-1");
  });

  it("fills with buckets, roles, instances and lambdas, including a secret and JSON policy documents", () => {
    const { resources, typeCounts } = buildSyntheticStack({ size: 231 });
    expect(typeCounts["aws:s3/bucket:Bucket"]).toBe(50);
    expect(typeCounts["aws:lambda/function:Function"]).toBe(50);
    const lambda = resources.find((r) => r.type === "aws:lambda/function:Function");
    const variables = (lambda?.properties.environment as { variables: Record<string, unknown> }).variables;
    expect(variables.API_TOKEN).toMatchObject({ [secretKey]: "1b47061264138c4ac30d75fd1eb44270" });
    const role = resources.find((r) => r.type === "aws:iam/role:Role");
    expect(JSON.parse(String(role?.properties.assumeRolePolicy)).Statement[0].Action).toBe("sts:AssumeRole");
  });

  it("is deterministic for a seed and differs across seeds", () => {
    expect(buildSyntheticStack({ size: 300, seed: 7 })).toEqual(buildSyntheticStack({ size: 300, seed: 7 }));
    expect(buildSyntheticStack({ size: 300, seed: 7 })).not.toEqual(buildSyntheticStack({ size: 300, seed: 8 }));
  });
});

describe("buildSyntheticStack with chains that monitor every CIS control", () => {
  const { resources, typeCounts, chainKinds } = buildSyntheticStack({ size: 3000, monitoring: "cis" });

  it("has the same chain count and kinds as the default stacks, fifteen filters and alarms per chain", () => {
    expect(minimumStackSize("cis")).toBe(3 + 4 * 35);
    expect(chainKinds).toHaveLength(6);
    expect(typeCounts["aws:cloudwatch/logMetricFilter:LogMetricFilter"]).toBe(6 * 15);
    expect(typeCounts["aws:cloudwatch/metricAlarm:MetricAlarm"]).toBe(6 * 15);
    expect([
      typeCounts["aws:cloudtrail/trail:Trail"],
      typeCounts["aws:sns/topic:Topic"],
      typeCounts["aws:kms/key:Key"],
    ]).toEqual([6, 6, 6]);
  });

  it("puts every control's filter on the chain's log group, and its alarm on the filter's metric, notifying the topic", () => {
    const logGroup = byName(resources, "trail-logs-0");
    const topic = byName(resources, "security-alerts-0");
    for (const control of cisMonitoringPatterns) {
      const filter = byName(resources, `${control.id}-0`);
      const alarm = byName(resources, `${control.id}-alarm-0`);
      expect(filter.properties.pattern).toBe(control.pattern);
      expect(filter.propertyDependencies).toEqual({ logGroupName: [logGroup.urn] });
      expect((filter.properties.metricTransformation as { name: string }).name).toBe(`${control.metric}0`);
      expect([alarm.properties.metricName, alarm.properties.threshold, alarm.properties.period]).toEqual([
        `${control.metric}0`,
        1,
        300,
      ]);
      expect(alarm.properties.alarmActions).toEqual([unknownSentinels.string]);
      expect(alarm.propertyDependencies).toEqual({ alarmActions: [topic.urn] });
    }
  });

  it("breaks the CloudTrail-changes filter of the third chain and one control's alarm of the fourth", () => {
    expect(byName(resources, "cloudtrail-changes-2").properties.pattern).not.toContain("StopLogging");
    expect(byName(resources, "iam-policy-changes-2").properties.pattern).toBe(cisMonitoringPatterns[3].pattern);
    // Chain 3 raises the threshold of control 3 % 15 (CIS order: unauthorized calls, sign-in without MFA, root usage, IAM policy changes).
    expect(byName(resources, "iam-policy-changes-alarm-3").properties.threshold).toBe(5);
    expect(byName(resources, "root-account-usage-alarm-3").properties.threshold).toBe(1);
  });
});
