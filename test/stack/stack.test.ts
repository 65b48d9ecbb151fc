/**
 * The snapshot: what the pack copies out of the engine's resources before judging anything. It holds the properties
 * and property dependencies the engine sent, and nothing more (the snapshot is also the text that decides whether
 * the four policies of one AnalyzeStack share one model); it copes with what `@pulumi/policy` may leave out (a
 * resource's `provider` when the engine names none the SDK can find, `propertyDependencies`); and it is in URN
 * order, whatever order the engine sent.
 */
import type { PolicyResource } from "@pulumi/policy";
import { adapterRegistry } from "../../lib/stack/adapter";
import { awsAdapters } from "../../lib/stack/aws";
import { everythingSecret, noSecrets } from "../../lib/stack/secrets";
import {
  buildStackModel,
  defaultAdapters,
  readStackModel,
  snapshotResource,
  snapshotStack,
  type EngineResource,
} from "../../lib/stack/stack";
import { types } from "../helpers/aws-fixtures";
import { secret, StackFixture, urnOf } from "../helpers/engine-resources";

function adapterOf(type: string) {
  const adapter = defaultAdapters.get(type);
  if (adapter === undefined) throw new Error(`no adapter for ${type}`);
  return adapter;
}

function resourceNamed(resources: readonly PolicyResource[], name: string): PolicyResource {
  const found = resources.find((resource) => resource.name === name);
  if (found === undefined) throw new Error(`no resource ${name}`);
  return found;
}

describe("the snapshot of one resource", () => {
  it("holds exactly the properties and dependencies the engine sent", () => {
    // A log group with only a name (no `arn` at first preview, no class, no region of its own), and a metric
    // filter on it whose `logGroupName` depends on it.
    const resources = new StackFixture()
      .add(types.logGroup, "logs", { name: "trail-logs" })
      .add(
        types.metricFilter,
        "filter",
        { name: "changes", logGroupName: "trail-logs", pattern: "{ $.eventName = StopLogging }" },
        { propertyDependencies: { logGroupName: ["logs"] } },
      )
      .build();
    const group = snapshotResource(resourceNamed(resources, "logs"), adapterOf(types.logGroup));
    expect(group.props).toStrictEqual({ name: "trail-logs" });
    expect(group.dependencies).toStrictEqual({});
    // The same filter at a later preview, its `logGroupName` a literal: no dependency, so none in the snapshot.
    const literal = new StackFixture()
      .add(types.metricFilter, "filter", { name: "changes", logGroupName: "trail-logs", pattern: "x" })
      .build();
    expect(
      snapshotResource(resourceNamed(literal, "filter"), adapterOf(types.metricFilter)).dependencies,
    ).toStrictEqual({});
    const filter = snapshotResource(resourceNamed(resources, "filter"), adapterOf(types.metricFilter));
    expect(filter.dependencies).toStrictEqual({ logGroupName: [urnOf(types.logGroup, "logs")] });
  });

  it("lists as secret only properties the engine sent, even when every value counts as secret", () => {
    const [group] = new StackFixture().add(types.logGroup, "logs", { name: "trail-logs" }).build().slice(-1);
    expect(snapshotResource(group, adapterOf(types.logGroup), everythingSecret).secretKeys).toEqual(["name"]);
  });

  it("records that the provider's region was sent as a secret, and only then", () => {
    const fixture = new StackFixture(null)
      .provider("hidden", { region: secret("eu-west-1") })
      .provider("plain", { region: "eu-west-2" })
      .add(types.logGroup, "hidden-logs", { name: "a" }, { provider: "hidden" })
      .add(types.logGroup, "plain-logs", { name: "b" }, { provider: "plain" });
    const resources = fixture.build();
    const adapter = adapterOf(types.logGroup);
    const hidden = snapshotResource(resourceNamed(resources, "hidden-logs"), adapter, fixture.secrets());
    expect([hidden.providerRegion, hidden.providerRegionSecret]).toEqual(["eu-west-1", true]);
    const plain = snapshotResource(resourceNamed(resources, "plain-logs"), adapter, fixture.secrets());
    expect([plain.providerRegion, plain.providerRegionSecret]).toEqual(["eu-west-2", false]);
  });

  it("takes a resource the SDK sends without a provider or property dependencies: the stack's region applies", () => {
    // `@pulumi/policy` sets `provider` only when it finds the resource's provider among the stack's resources.
    const [sent] = new StackFixture()
      .add(types.metricFilter, "filter", { name: "changes", logGroupName: "trail-logs", pattern: "x" })
      .build()
      .slice(-1);
    const bare: EngineResource = { type: sent.type, urn: sent.urn, name: sent.name, props: sent.props };
    const raw = snapshotResource(bare, adapterOf(types.metricFilter), everythingSecret);
    expect([raw.providerUrn, raw.providerRegion, raw.providerRegionSecret]).toEqual([undefined, undefined, false]);
    expect(raw.dependencies).toStrictEqual({});
    const model = buildStackModel([raw], "ap-south-1");
    expect(model.metricFilters[0].region).toEqual({ state: "known", name: "ap-south-1", source: "stack" });
  });

  it("skips dependency entries that are not resources with a URN", () => {
    const [sent] = new StackFixture()
      .add(types.metricFilter, "filter", { name: "changes", logGroupName: "trail-logs", pattern: "x" })
      .build()
      .slice(-1);
    const odd: EngineResource = {
      ...sent,
      propertyDependencies: {
        logGroupName: [null, undefined, "urn:not-an-object", {}, { urn: 5 }, { urn: "urn:a" }] as never,
      },
    };
    expect(snapshotResource(odd, adapterOf(types.metricFilter)).dependencies).toStrictEqual({
      logGroupName: ["urn:a"],
    });
  });
});

describe("the snapshot of a stack", () => {
  it("is in URN order whatever order the engine sent, for stacks of any size", () => {
    // Enough resources for V8's sort to merge runs rather than insert (arrays over 32 elements).
    const fixture = new StackFixture();
    const names = Array.from({ length: 300 }, (_, index) => `logs-${String((index * 7919) % 300).padStart(3, "0")}`);
    for (const name of names) fixture.add(types.logGroup, name, { name });
    const urns = snapshotStack(fixture.build()).map((raw) => raw.urn);
    expect(urns).toEqual([...urns].sort());
    expect(urns).toHaveLength(300);
  });

  it("leaves out snapshot entries the model's adapters do not know", () => {
    const resources = new StackFixture()
      .add(types.logGroup, "logs", { name: "trail-logs" })
      .add("aws-native:logs:LogGroup", "native-logs", { logGroupName: "other-logs" })
      .build();
    const classicOnly = adapterRegistry(awsAdapters);
    const model = buildStackModel(snapshotStack(resources), "us-east-1", classicOnly);
    expect(model.logGroups.map((group) => group.name)).toEqual(["logs"]);
  });
});

describe("reusing the model across the policies of one AnalyzeStack", () => {
  it("builds it again when only the stack's region changed", () => {
    // No region on the resource or its provider: the stack's region is the log group's.
    const fixture = new StackFixture(null).add(types.logGroup, "logs", { name: "trail-logs" });
    const east = readStackModel(fixture.build(), "us-east-1", noSecrets);
    const west = readStackModel(fixture.build(), "eu-west-1", noSecrets);
    expect(west).not.toBe(east);
    expect(west.logGroups[0].region).toEqual({ state: "known", name: "eu-west-1", source: "stack" });
  });
});
