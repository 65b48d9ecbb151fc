import { alarmActionTargets, analyzeChain, logGroupOfFilter, logGroupOfTrail } from "../../lib/stack/chain";
import { compareRegions, resolveRegion, stackRegionFromEnvironment } from "../../lib/stack/regions";
import { buildStackModel, readStackModel, snapshotStack } from "../../lib/stack/stack";
import { account, addCompliantChain, chainNames, compliantStack, physicalNames, types } from "../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf } from "../helpers/engine-resources";

const names = chainNames();
const physical = physicalNames();

describe("regions", () => {
  it("own region, else the provider's, else the stack's", () => {
    expect(resolveRegion("eu-west-1", { urn: "p", region: "us-east-1" }, "ap-south-1")).toEqual({
      state: "known",
      name: "eu-west-1",
      source: "resource",
    });
    expect(resolveRegion(undefined, { urn: "p", region: "us-east-1" }, "ap-south-1")).toEqual({
      state: "known",
      name: "us-east-1",
      source: "provider",
    });
    expect(resolveRegion("", { urn: "p", region: undefined }, "ap-south-1")).toEqual({
      state: "known",
      name: "ap-south-1",
      source: "stack",
    });
    expect(resolveRegion(unknownValue.string, { urn: "p", region: "us-east-1" }, undefined)).toEqual({
      state: "unknown",
      providerKey: "p",
    });
  });
  it("unknown regions match only within one provider", () => {
    const a = resolveRegion(undefined, { urn: "p1", region: undefined }, undefined);
    const b = resolveRegion(undefined, { urn: "p1", region: undefined }, undefined);
    const c = resolveRegion(undefined, { urn: "p2", region: undefined }, undefined);
    expect(compareRegions(a, b)).toBe("same");
    expect(compareRegions(a, c)).toBe("undetermined");
    expect(compareRegions(a, { state: "known", name: "us-east-1", source: "arn" })).toBe("undetermined");
  });
  it("stack region from PULUMI_CONFIG, then AWS_REGION", () => {
    expect(stackRegionFromEnvironment({ PULUMI_CONFIG: '{"aws:region":"eu-west-1"}', AWS_REGION: "us-east-2" })).toBe(
      "eu-west-1",
    );
    expect(stackRegionFromEnvironment({ PULUMI_CONFIG: "not json", AWS_REGION: "us-east-2" })).toBe("us-east-2");
    expect(stackRegionFromEnvironment({ AWS_DEFAULT_REGION: "sa-east-1" })).toBe("sa-east-1");
    // Both set: AWS_REGION wins, as in the AWS SDKs ("AWS_REGION ... takes precedence over AWS_DEFAULT_REGION",
    // AWS SDKs and Tools reference guide, "AWS Region").
    expect(stackRegionFromEnvironment({ AWS_REGION: "ap-south-1", AWS_DEFAULT_REGION: "sa-east-1" })).toBe(
      "ap-south-1",
    );
    expect(stackRegionFromEnvironment({})).toBeUndefined();
  });
});

describe("reading the stack", () => {
  it("keeps only the chain's resource types (not the Stack, providers, roles)", () => {
    const snapshot = snapshotStack(compliantStack().build());
    expect(snapshot.map((raw) => raw.type).sort()).toStrictEqual(
      [types.alarm, types.logGroup, types.metricFilter, types.subscription, types.topic, types.trail].sort(),
    );
  });
  it("never copies secrets it does not need (endpoint, tags, topic policy)", () => {
    const text = JSON.stringify(snapshotStack(compliantStack().build()));
    expect(text).not.toContain("oncall-secret@example.com");
    expect(text).not.toContain("tag-secret-value-42");
    expect(text).not.toContain("policy-secret-statement");
  });
  it("builds the model once for the four policies: fresh but equal resources reuse it", () => {
    const first = readStackModel(compliantStack().build(), "us-east-1");
    expect(readStackModel(compliantStack().build(), "us-east-1")).toBe(first);
    expect(readStackModel(compliantStack().patch(names.alarm, { period: 60 }).build(), "us-east-1")).not.toBe(first);
    expect(readStackModel(compliantStack().build(), "eu-west-1")).not.toBe(first);
  });
  it("memoizes the chain analysis per model", () => {
    const model = readStackModel(compliantStack().build(), "us-east-1");
    expect(analyzeChain(model)).toBe(analyzeChain(model));
  });
  it("applies provider defaults and deployed-state empties", () => {
    const model = buildStackModel(
      snapshotStack(compliantStack({ phase: "preview" }).patch(names.alarm, { actionsEnabled: null }).build()),
      "us-east-1",
    );
    expect(model.alarms[0].actionsEnabled).toEqual({ state: "known", value: true });
    expect(model.trails[0].loggingEnabled).toEqual({ state: "known", value: true });
    const deployed = buildStackModel(snapshotStack(compliantStack().build()), "us-east-1");
    expect(deployed.alarms[0].datapointsToAlarm.state).toBe("absent");
    expect(deployed.alarms[0].metric.dimensions.state).toBe("absent");
    expect(deployed.alarms[0].metric.extendedStatistic.state).toBe("absent");
  });
});

describe("chain links", () => {
  const model = (fixture: StackFixture) => buildStackModel(snapshotStack(fixture.build()), "us-east-1");

  it("trail -> log group by ARN with :*, and through propertyDependencies at preview", () => {
    for (const phase of ["deployed", "preview"] as const) {
      const m = model(compliantStack({ phase }));
      const target = logGroupOfTrail(m, m.trails[0]);
      expect(target?.kind === "resource" && target.group.urn).toBe(urnOf(types.logGroup, names.logGroup));
    }
  });
  it("trail -> a log group outside the stack by the ARN's name and region", () => {
    const m = model(compliantStack().remove(names.logGroup).dependOn(names.trail, {}));
    expect(logGroupOfTrail(m, m.trails[0])).toEqual({
      kind: "external",
      name: physical.logGroupName,
      region: { state: "known", name: "us-east-1", source: "arn" },
      secret: false,
    });
  });
  it("filter -> log group by name in its region, and by dependency when the name is unknown", () => {
    const m = model(compliantStack({ phase: "preview" }).patch(names.filter, { logGroupName: unknownValue.string }));
    const target = logGroupOfFilter(m, m.metricFilters[0]);
    expect(target.kind === "resource" && target.group.name).toBe(names.logGroup);
  });
  it("alarm actions: known ARNs, unknown elements through the topic dependency, external and non-SNS ARNs", () => {
    const m = model(
      compliantStack({ phase: "preview", previewActions: "elementUnknown" }).patch(names.alarm, {
        alarmActions: [
          unknownValue.string,
          `arn:aws:sns:eu-west-1:${account}:x`,
          "arn:aws:automate:us-east-1:ec2:stop",
        ],
      }),
    );
    const kinds = alarmActionTargets(m, m.alarms[0]).map((target) => target.kind);
    expect(kinds.sort()).toEqual(["externalTopic", "notSns", "topic"]);
  });
  it("subscriptions are found by topic ARN and by dependency", () => {
    for (const phase of ["deployed", "preview"] as const) {
      const m = model(compliantStack({ phase }));
      expect(analyzeChain(m).subscriptionsByTopic.get(urnOf(types.topic, names.topic))?.length).toBe(1);
    }
  });
  it("two chains in one stack stay apart", () => {
    const m = model(addCompliantChain(compliantStack(), { prefix: "b-" }));
    const targets = m.trails.map((trail) => {
      const target = logGroupOfTrail(m, trail);
      return [trail.name, target?.kind === "resource" ? target.group.name : "?"];
    });
    // The model lists resources by URN, whatever order the engine sent them in.
    expect(targets).toEqual([
      ["b-trail", "b-trail-logs"],
      [names.trail, names.logGroup],
    ]);
  });
});
