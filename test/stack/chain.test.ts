/**
 * The chain's links over the model: which log group a trail delivers to and a metric filter is on, where an alarm's
 * actions go, which topic a subscription is on. By value when the value is known (ARN, name, region), through
 * `propertyDependencies` when it is not known at preview. Resources are built as the engine sends them.
 */
import {
  alarmActionTargets,
  analyzeChain,
  chainMessages,
  alarmMetricMatches,
  alarmWatches,
  identityOf,
  logGroupKey,
  logGroupOfFilter,
  logGroupOfTrail,
  sameLogGroup,
  type LogGroupTarget,
  type PublishedMetric,
} from "../../lib/stack/chain";
import { renderDatum } from "../../lib/findings/render";
import type { MetricFilterModel } from "../../lib/stack/model";
import { absent, known, unknown, type Field } from "../../lib/stack/read";
import { buildStackModel, defaultAdapters, snapshotStack } from "../../lib/stack/stack";
import { types } from "../helpers/aws-fixtures";
import { StackFixture, secret, unknownValue, urnOf } from "../helpers/engine-resources";

const account = "123456789012";
const groupArn = (name: string, region = "us-east-1") => `arn:aws:logs:${region}:${account}:log-group:${name}`;
const topicArn = (name: string) => `arn:aws:sns:us-east-1:${account}:${name}`;

/** The model of a stack whose default provider is in us-east-1, with the engine's secrets. */
function modelOf(fixture: StackFixture) {
  return buildStackModel(snapshotStack(fixture.build(), defaultAdapters, fixture.secrets()), "us-east-1");
}

/** A target as text: the log group's logical name, the external name and region, or the unresolved reason. */
function described(target: LogGroupTarget | undefined): string {
  if (target === undefined) return "none";
  switch (target.kind) {
    case "resource":
      return `resource ${target.group.name}`;
    case "external":
      return `external ${target.name} in ${target.region.state === "known" ? target.region.name : "?"}${
        target.secret ? " (secret)" : ""
      }`;
    case "unresolved":
      return `unresolved: ${renderDatum(target.why, chainMessages)}`;
  }
}

function trailTarget(fixture: StackFixture): string {
  const model = modelOf(fixture);
  return described(logGroupOfTrail(model, model.trails[0]));
}

function filterTarget(fixture: StackFixture): string {
  const model = modelOf(fixture);
  return described(logGroupOfFilter(model, model.metricFilters[0]));
}

describe("the log group a trail delivers to", () => {
  it("a literal ARN names the stack's log group by name and region when the group's ARN is not known yet", () => {
    const stack = new StackFixture()
      .add(types.logGroup, "logs", { name: "trail-logs", arn: unknownValue.string })
      .add(types.trail, "trail", { cloudWatchLogsGroupArn: `${groupArn("trail-logs")}:*` });
    expect(trailTarget(stack)).toBe("resource logs");
  });
  it("a literal ARN with neither the group's name nor its ARN known: the group it depends on", () => {
    const stack = new StackFixture()
      .add(types.logGroup, "logs", { name: unknownValue.string, arn: unknownValue.string })
      .add(
        types.trail,
        "trail",
        { cloudWatchLogsGroupArn: `${groupArn("trail-logs")}:*` },
        { propertyDependencies: { cloudWatchLogsGroupArn: ["logs"] } },
      );
    expect(trailTarget(stack)).toBe("resource logs");
  });
  it("a literal ARN naming another log group than the one it depends on (whose ARN is known): outside the stack", () => {
    const stack = new StackFixture()
      .add(types.logGroup, "logs", { name: "other-logs", arn: groupArn("other-logs") })
      .add(
        types.trail,
        "trail",
        { cloudWatchLogsGroupArn: `${groupArn("trail-logs", "eu-west-1")}:*` },
        { propertyDependencies: { cloudWatchLogsGroupArn: ["logs"] } },
      );
    expect(trailTarget(stack)).toBe("external trail-logs in eu-west-1");
  });
  it("an ARN not known at preview: only log groups among its dependencies count", () => {
    const stack = () =>
      new StackFixture()
        .add(types.logGroup, "logs", { name: "trail-logs", arn: unknownValue.string })
        .add(types.topic, "topic", { name: "alerts", arn: unknownValue.string })
        .add(types.role, "role", { name: "trail-role", arn: unknownValue.string });
    const trail = (dependencies: string[]) =>
      stack().add(
        types.trail,
        "trail",
        { cloudWatchLogsGroupArn: unknownValue.string },
        { propertyDependencies: { cloudWatchLogsGroupArn: dependencies } },
      );
    expect(trailTarget(trail(["topic", "logs"]))).toBe("resource logs");
    // An IAM role is not among the resources the model reads: a dependency on it is no log group either.
    expect(trailTarget(trail(["role", "logs"]))).toBe("resource logs");
    expect(trailTarget(trail(["topic"]))).toBe(
      "unresolved: `cloudWatchLogsGroupArn` is not known at preview and depends on no log group in the stack",
    );
  });
});

describe("the log group a metric filter is on", () => {
  const filter = (props: Record<string, unknown>, dependencies: string[] = []) => ({
    add: (fixture: StackFixture) =>
      fixture.add(types.metricFilter, "filter", props, {
        propertyDependencies: dependencies.length === 0 ? {} : { logGroupName: dependencies },
      }),
  });
  /** A stack with a log group "trail-logs" in eu-west-1 only (through an "eu" provider). */
  const withEuLogs = () =>
    new StackFixture()
      .provider("eu", { region: "eu-west-1" })
      .add(
        types.logGroup,
        "eu-logs",
        { name: "trail-logs", arn: groupArn("trail-logs", "eu-west-1") },
        { provider: "eu" },
      );
  it("the stack's log group of that name in the filter's region, without any dependency", () => {
    const stack = withEuLogs().add(types.logGroup, "logs", { name: "trail-logs", arn: groupArn("trail-logs") });
    expect(filterTarget(filter({ logGroupName: "trail-logs" }).add(stack))).toBe("resource logs");
  });
  it("a name no log group of the stack has in the filter's region: outside the stack", () => {
    const stack = withEuLogs();
    expect(filterTarget(filter({ logGroupName: "trail-logs" }).add(stack))).toBe("external trail-logs in us-east-1");
    // A name the engine sent as a secret stays secret.
    expect(filterTarget(filter({ logGroupName: secret("trail-logs") }).add(new StackFixture()))).toBe(
      "external trail-logs in us-east-1 (secret)",
    );
  });
  it("no name: unresolved", () => {
    expect(filterTarget(filter({}).add(new StackFixture()))).toBe("unresolved: `logGroupName` is not set");
  });
  it("a name not known at preview: only log groups among its dependencies count", () => {
    const stack = new StackFixture().add(types.trail, "trail", { cloudWatchLogsGroupArn: unknownValue.string });
    expect(filterTarget(filter({ logGroupName: unknownValue.string }, ["trail"]).add(stack))).toBe(
      "unresolved: `logGroupName` is not known at preview and depends on no log group in the stack",
    );
  });
  it("a known name, and the log group it depends on has a name not known at preview: that group", () => {
    const stack = new StackFixture().add(types.logGroup, "logs", {
      name: unknownValue.string,
      arn: unknownValue.string,
    });
    expect(filterTarget(filter({ logGroupName: "trail-logs" }, ["logs"]).add(stack))).toBe("resource logs");
  });
  it("a known name, and the log group it depends on has another known name: outside the stack", () => {
    const stack = new StackFixture().add(types.logGroup, "logs", { name: "other-logs", arn: groupArn("other-logs") });
    expect(filterTarget(filter({ logGroupName: "trail-logs" }, ["logs"]).add(stack))).toBe(
      "external trail-logs in us-east-1",
    );
  });
});

describe("log group identities", () => {
  const region = { state: "known", name: "us-east-1", source: "resource" } as const;
  const inStack = (urn: string) => ({ urn, name: known("trail-logs"), region });
  it("an unresolved target: no URN, no known name, any region", () => {
    const why = { kind: "message", id: "logGroupNameNotSet", data: {} } as const;
    expect(identityOf({ kind: "unresolved", why })).toEqual({ urn: undefined, name: unknown, region: "any" });
  });
  it("two log groups of the stack are the same only when they are the same resource", () => {
    expect(sameLogGroup(inStack("urn:a"), inStack("urn:a"))).toBe("yes");
    expect(sameLogGroup(inStack("urn:a"), inStack("urn:b"))).toBe("no");
  });
  it("a log group known by name is the stack's group of that name in its region, or in any region", () => {
    const byName = { urn: undefined, name: known("trail-logs"), region };
    expect(sameLogGroup(inStack("urn:a"), byName)).toBe("yes");
    expect(sameLogGroup(byName, inStack("urn:a"))).toBe("yes");
    const anyRegion = { urn: undefined, name: known("trail-logs"), region: "any" } as const;
    expect(sameLogGroup(inStack("urn:a"), anyRegion)).toBe("yes");
  });
});

describe("log group identities by name and region", () => {
  const byName = (name: string, region: string) =>
    ({ urn: undefined, name: known(name), region: { state: "known", name: region, source: "arn" } }) as const;
  it("the same name in two known regions is two log groups", () => {
    expect(sameLogGroup(byName("trail-logs", "us-east-1"), byName("trail-logs", "eu-west-1"))).toBe("no");
  });
  it("a key per log group: one for each resource, one for each name and region", () => {
    const region = { state: "known", name: "us-east-1", source: "resource" } as const;
    const a = { urn: "urn:a", name: known("trail-logs"), region };
    const b = { urn: "urn:b", name: known("trail-logs"), region };
    expect(logGroupKey(a)).toBe(logGroupKey({ ...a }));
    expect(logGroupKey(a)).not.toBe(logGroupKey(b));
    expect(logGroupKey(byName("x", "us-east-1"))).toBe(logGroupKey(byName("x", "us-east-1")));
    expect(logGroupKey(byName("x", "us-east-1"))).not.toBe(logGroupKey(byName("y", "us-east-1")));
    expect(logGroupKey(byName("x", "us-east-1"))).not.toBe(logGroupKey(byName("x", "eu-west-1")));
  });
});

describe("whether an alarm watches a published metric", () => {
  // The model is built before each test, not in the describe body: Stryker credits a mutant to the tests during which
  // its code ran (beforeEach runs inside its test), and lib/stack's model built while the file is read is credited to none.
  let filter: MetricFilterModel;
  let here: MetricFilterModel["region"];
  beforeEach(() => {
    const model = modelOf(
      new StackFixture().add(types.metricFilter, "filter", {
        logGroupName: "trail-logs",
        pattern: "{ $.eventName = StopLogging }",
        metricTransformation: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" },
      }),
    );
    filter = model.metricFilters[0];
    here = filter.region;
  });
  const published = (metricName: string | undefined | null, region = filter.region): PublishedMetric => {
    const transformation = filter.transformations.state === "known" ? filter.transformations.value[0] : undefined;
    if (transformation === undefined) throw new Error("no transformation");
    return {
      filter,
      transformation:
        metricName === undefined
          ? { ...transformation, metricName: unknown }
          : metricName === null
            ? { ...transformation, metricName: absent }
            : transformation,
      region,
    };
  };
  const metric = (metricName: Field<string>, namespace: Field<string> = known("CloudTrailMetrics")) => ({
    metricName,
    namespace,
    statistic: known("Sum"),
    extendedStatistic: absent,
    period: known(300),
    unit: absent,
    dimensions: absent,
  });
  const elsewhere = { state: "unknown", providerKey: "urn:another-provider" } as const;
  it("the same name and namespace in the same region: yes; another name or namespace, or none: no", () => {
    expect(alarmMetricMatches(metric(known("CloudTrailChanges")), here, published("CloudTrailChanges"))).toBe("yes");
    expect(alarmMetricMatches(metric(known("Other")), here, published("CloudTrailChanges"))).toBe("no");
    expect(alarmMetricMatches(metric(absent), here, published("CloudTrailChanges"))).toBe("no");
    // No name on either side is no match either (`null`: the transformation has no metric name).
    expect(alarmMetricMatches(metric(absent), here, published(null))).toBe("no");
    expect(
      alarmMetricMatches(metric(known("CloudTrailChanges"), known("Other")), here, published("CloudTrailChanges")),
    ).toBe("no");
  });
  it("a name not known at preview, on either side, or a region that can't be compared: maybe", () => {
    expect(alarmMetricMatches(metric(unknown), here, published("CloudTrailChanges"))).toBe("maybe");
    expect(alarmMetricMatches(metric(known("CloudTrailChanges")), here, published(undefined))).toBe("maybe");
    expect(alarmMetricMatches(metric(known("CloudTrailChanges")), elsewhere, published("CloudTrailChanges"))).toBe(
      "maybe",
    );
  });
  it("an alarm's best match among its metric-math queries counts", () => {
    const alarm = modelOf(
      new StackFixture().add(types.alarm, "alarm", {
        metricQueries: [
          {
            id: "m1",
            metric: { metricName: "CloudTrailChanges", namespace: "CloudTrailMetrics", period: 300, stat: "Sum" },
          },
          { id: "m2", metric: { metricName: "Other", namespace: "CloudTrailMetrics", period: 300, stat: "Sum" } },
          { id: "e1", expression: "m1 + m2", returnData: true },
        ],
      }),
    ).alarms[0];
    expect(alarmWatches(alarm, published("CloudTrailChanges"))).toBe("yes");
  });
});

describe("where an alarm's actions go", () => {
  const stack = () =>
    new StackFixture()
      .add(types.topic, "a", { name: "a", arn: topicArn("a") })
      .add(types.topic, "b", { name: "b", arn: topicArn("b") });
  const targets = (fixture: StackFixture) => {
    const model = modelOf(fixture);
    return alarmActionTargets(model, model.alarms[0]).map((target) =>
      target.kind === "topic" ? `topic ${target.topic.name}` : target.kind,
    );
  };
  it("an element not known at preview adds the topics among the dependencies, each once", () => {
    const fixture = stack().add(
      types.alarm,
      "alarm",
      { alarmActions: [topicArn("a"), unknownValue.string] },
      { propertyDependencies: { alarmActions: ["a", "b"] } },
    );
    expect(targets(fixture)).toEqual(["topic a", "topic b"]);
  });
  it("an element not known at preview, with no topic among the dependencies, is unresolved", () => {
    const fixture = stack().add(types.alarm, "alarm", { alarmActions: [topicArn("a"), unknownValue.string] });
    expect(targets(fixture)).toEqual(["topic a", "unresolved"]);
  });
  it("an action ARN that is not an SNS topic's is no topic of the stack, even when its last part is a topic's name", () => {
    const fixture = new StackFixture()
      .add(types.topic, "alerts", { name: "alerts", arn: unknownValue.string })
      .add(types.alarm, "alarm", { alarmActions: [`arn:aws:sqs:us-east-1:${account}:alerts`, "alerts"] });
    expect(targets(fixture)).toEqual(["notSns", "notSns"]);
  });
  it("a literal topic ARN names a stack topic whose ARN is not known yet by its name and region only", () => {
    const fixture = new StackFixture()
      .provider("eu", { region: "eu-west-1" })
      // Another account's topic of the same name (its ARN known), a topic of that name in another region, and a topic
      // of another name: none is the topic the ARN names.
      .add(types.topic, "known-arn", { name: "alerts", arn: "arn:aws:sns:us-east-1:210987654321:alerts" })
      .add(types.topic, "eu", { name: "alerts", arn: unknownValue.string }, { provider: "eu" })
      .add(types.topic, "other", { name: "other", arn: unknownValue.string })
      .add(types.alarm, "alarm", { alarmActions: [topicArn("alerts")] });
    expect(targets(fixture)).toEqual(["externalTopic"]);
    fixture.add(types.topic, "new", { name: "alerts", arn: unknownValue.string });
    expect(targets(fixture)).toEqual(["topic new"]);
  });
  it("an empty action (deployed state's unset element) is no action", () => {
    const fixture = stack().add(types.alarm, "alarm", { alarmActions: [topicArn("a"), ""] });
    expect(targets(fixture)).toEqual(["topic a"]);
  });
  it("two topics of the stack with the same ARN: the first in URN order, whatever order the engine sent", () => {
    for (const order of [
      ["a", "b"],
      ["b", "a"],
    ]) {
      const fixture = new StackFixture();
      for (const name of order) fixture.add(types.topic, name, { name: "alerts", arn: topicArn("alerts") });
      fixture.add(types.alarm, "alarm", { alarmActions: [topicArn("alerts")] });
      expect(targets(fixture)).toEqual(["topic a"]);
    }
  });
});

describe("the topic a subscription is on", () => {
  const onTopics = (fixture: StackFixture) => {
    const analysis = analyzeChain(modelOf(fixture));
    return {
      byTopic: [...analysis.subscriptionsByTopic].map(([urn, list]) => [urn, list.map((s) => s.name)]),
      undetermined: analysis.undeterminedSubscriptions.map((s) => s.name),
    };
  };
  it("a literal ARN no topic has yet: the topic it depends on, when that topic's ARN is not known yet", () => {
    const fixture = new StackFixture()
      .add(types.topic, "topic", { name: unknownValue.string, arn: unknownValue.string })
      .add(
        types.subscription,
        "sub",
        { topic: topicArn("alerts"), protocol: "email" },
        { propertyDependencies: { topic: ["topic"] } },
      );
    expect(onTopics(fixture)).toEqual({ byTopic: [[urnOf(types.topic, "topic"), ["sub"]]], undetermined: [] });
  });
  it("a literal ARN naming the stack's topic (by name and region) whose ARN is not known yet, without a dependency", () => {
    // At the first preview a new topic's ARN is unknown; a subscription written with the literal ARN is on it all the
    // same (`arn:${Partition}:sns:${Region}:${Account}:${TopicName}`, Service Authorization Reference, Amazon SNS).
    const fixture = new StackFixture()
      .add(types.topic, "topic", { name: "alerts", arn: unknownValue.string })
      .add(types.subscription, "sub", { topic: topicArn("alerts"), protocol: "email" });
    expect(onTopics(fixture)).toEqual({ byTopic: [[urnOf(types.topic, "topic"), ["sub"]]], undetermined: [] });
  });
  it("a literal ARN naming another topic than the one it depends on (whose ARN is known): on none of the stack", () => {
    const fixture = new StackFixture()
      .add(types.topic, "topic", { name: "other", arn: topicArn("other") })
      .add(
        types.subscription,
        "sub",
        { topic: topicArn("alerts"), protocol: "email" },
        { propertyDependencies: { topic: ["topic"] } },
      );
    expect(onTopics(fixture)).toEqual({ byTopic: [], undetermined: [] });
  });
  it("a topic ARN not known at preview, with no topic among its dependencies: undetermined, on no topic", () => {
    const fixture = new StackFixture()
      .add(types.topic, "topic", { name: "alerts", arn: topicArn("alerts") })
      .add(types.subscription, "sub", { topic: unknownValue.string, protocol: "email" });
    expect(onTopics(fixture)).toEqual({ byTopic: [], undetermined: ["sub"] });
  });
  it("no topic ARN: on no topic, and not undetermined", () => {
    const fixture = new StackFixture()
      .add(types.topic, "topic", { name: "alerts", arn: topicArn("alerts") })
      .add(types.subscription, "sub", { protocol: "email" });
    expect(onTopics(fixture)).toEqual({ byTopic: [], undetermined: [] });
  });
});
