/**
 * Which values the pack treats as secret. The engine marks a secret with an object carrying the secret signature,
 * `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": ...}` (pulumi/pulumi
 * `sdk/go/common/resource/properties.go`, `SecretSig`), which test/helpers/engine-resources.ts's `secret` writes out
 * on its own; per resource, a top-level property holding one anywhere inside makes every value read from it secret
 * (never printed). Outside an AnalyzeStack request the pack saw, it can't tell, and treats everything as secret.
 */
import { everythingSecret, secretKeysOf } from "../../lib/stack/secrets";
import { buildStackModel, defaultAdapters, snapshotStack } from "../../lib/stack/stack";
import { types } from "../helpers/aws-fixtures";
import { StackFixture, secret, urnOf } from "../helpers/engine-resources";

const topicArn = "arn:aws:sns:us-east-1:123456789012:alerts";
const keys = (properties: unknown) => [...secretKeysOf(properties)].sort();

describe("a top-level property holds a secret when one is anywhere inside it", () => {
  it("a value carrying the engine's secret signature is a secret", () => {
    expect(
      keys({ period: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: 300 } }),
    ).toEqual(["period"]);
    // The signature key with another value is not the signature.
    expect(keys({ period: { "4dabf18193072939515e22adb298388d": "plain", value: 300 } })).toEqual([]);
  });

  it("in a list, one secret element makes the list secret; an empty or plain list holds none", () => {
    expect(
      keys({ alarmActions: [topicArn, secret(topicArn)], okActions: [], insufficientDataActions: [topicArn] }),
    ).toEqual(["alarmActions"]);
  });

  it("in an object, one secret value makes the object secret; an empty or plain object holds none", () => {
    expect(
      keys({ tags: { owner: secret("oncall"), team: "platform" }, dimensions: { TrailName: "main" }, metricQuery: {} }),
    ).toEqual(["tags"]);
    expect(keys({ rule: { schedule: { expression: secret("cron(0 2 * * *)"), duration: "PT4H" } } })).toEqual(["rule"]);
  });

  it("null, text, numbers and booleans are not secrets", () => {
    expect(keys({ description: null, name: "alerts", period: 300, actionsEnabled: true })).toEqual([]);
  });

  it("properties that are not an object of properties hold no secret property", () => {
    expect(keys(undefined)).toEqual([]);
    expect(keys(null)).toEqual([]);
    expect(keys([secret("x")])).toEqual([]);
    expect(keys("text")).toEqual([]);
  });
});

describe("the region of a resource is secret when the engine sent it, or its provider's, as secret", () => {
  const region = (fixture: StackFixture) => {
    const snapshot = snapshotStack(fixture.build(), defaultAdapters, fixture.secrets());
    return buildStackModel(snapshot, "us-east-1").byUrn.get(urnOf(types.logGroup, "trail-logs"))?.region;
  };
  const logGroupOf = (provider: string) =>
    new StackFixture().add(types.logGroup, "trail-logs", { name: "trail-logs" }, { provider });

  it("a provider region sent as secret makes the region of the resources it serves secret", () => {
    const fixture = logGroupOf("ireland").provider("ireland", { region: secret("eu-west-1") });
    expect(region(fixture)).toEqual({ state: "known", name: "eu-west-1", source: "provider", secret: true });
  });

  it("a provider region sent in the clear is not secret, though another of its settings is", () => {
    // `accessKey`: an AWS provider setting (Pulumi Registry, AWS provider, "Configuration reference").
    const fixture = logGroupOf("ireland").provider("ireland", {
      region: "eu-west-1",
      accessKey: secret("AKIAEXAMPLE"),
    });
    expect(region(fixture)).toEqual({ state: "known", name: "eu-west-1", source: "provider" });
  });

  it("outside a request the pack saw, every value read is secret, the provider's region included", () => {
    const fixture = logGroupOf("ireland").provider("ireland", { region: "eu-west-1" });
    const snapshot = snapshotStack(fixture.build(), defaultAdapters, everythingSecret);
    const logGroup = buildStackModel(snapshot, "us-east-1").byUrn.get(urnOf(types.logGroup, "trail-logs"));
    if (logGroup?.kind !== "logGroup") throw new Error("not a log group");
    expect(logGroup.groupName).toEqual({ state: "known", value: "trail-logs", secret: true });
    expect(logGroup.region).toEqual({ state: "known", name: "eu-west-1", source: "provider", secret: true });
  });
});
