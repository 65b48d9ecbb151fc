import { unknownSentinels } from "../../tools/engine";
import { buildSyntheticStack, chainKindCycle, minimumSyntheticStackSize } from "../../bench/synthetic-stack";

const secretKey = "4dabf18193072939515e22adb298388d";

function byName(resources: { name: string }[], name: string) {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}`);
  return found as ReturnType<typeof buildSyntheticStack>["resources"][number];
}

describe("buildSyntheticStack", () => {
  it("builds exactly the requested number of resources", () => {
    for (const size of [27, 200, 1000, 3001]) expect(buildSyntheticStack({ size }).resources).toHaveLength(size);
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
    expect(minimumSyntheticStackSize).toBe(27);
    expect(buildSyntheticStack({ size: 27 }).typeCounts).toEqual({
      "pulumi:pulumi:Stack": 1,
      "pulumi:providers:aws": 2,
      "aws:cloudwatch/logGroup:LogGroup": 4,
      "aws:cloudtrail/trail:Trail": 4,
      "aws:cloudwatch/logMetricFilter:LogMetricFilter": 4,
      "aws:sns/topic:Topic": 4,
      "aws:cloudwatch/metricAlarm:MetricAlarm": 4,
      "aws:sns/topicSubscription:TopicSubscription": 4,
    });
  });

  it("rejects a size below the fixed part", () => {
    expect(() => buildSyntheticStack({ size: 26 })).toThrow("a synthetic stack needs at least 27 resources, got 26");
  });

  it("gives unique URNs, and every parent and dependency names a resource of the stack", () => {
    const { resources } = buildSyntheticStack({ size: 3000 });
    const urns = new Set(resources.map((r) => r.urn));
    expect(urns.size).toBe(resources.length);
    for (const r of resources) {
      const referenced = [r.parent, r.provider?.urn, ...(r.dependencies ?? []), ...Object.values(r.propertyDependencies ?? {}).flat()];
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
    expect(byName(resources, "org-trail-1").properties.cloudWatchLogsGroupArn).toBe(`${logGroup.properties.arn}:*`);
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

  it("puts every third chain behind the eu-west-1 provider", () => {
    const { resources } = buildSyntheticStack({ size: 200 });
    expect(byName(resources, "org-trail-2").provider?.properties.region).toBe("eu-west-1");
    expect(byName(resources, "org-trail-2").properties.region).toBe("eu-west-1");
  });

  it("fills with buckets, roles, instances and lambdas, including a secret and JSON policy documents", () => {
    const { resources, typeCounts } = buildSyntheticStack({ size: 227 });
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
