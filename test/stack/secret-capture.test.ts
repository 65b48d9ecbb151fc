// The pack learns which values the engine sent as secrets from the AnalyzeStack request (the SDK unwraps them). A
// secret is an object carrying the secret signature (pulumi/pulumi sdk/go/common/resource/properties.go, SecretSig).
// Only the resources the pack reads, and their providers, need looking at: it prints nothing of any other resource.
import { secretsOfRequest, type AnalyzerResourceMessage } from "../../lib/stack/secret-capture";

/** A secret as the engine sends it, its signature written out (not taken from the module under test). */
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

/** An `AnalyzerResource` message as google-protobuf decodes it; counts how often its properties are converted. */
function message(
  type: string,
  urn: string,
  properties: Record<string, unknown>,
  provider?: { urn: string; properties: Record<string, unknown> },
) {
  const conversions = { resource: 0, provider: 0 };
  const resource: AnalyzerResourceMessage = {
    getType: () => type,
    getUrn: () => urn,
    getProperties: () => ({ toJavaScript: () => (conversions.resource++, properties) }),
    getProvider: () =>
      provider === undefined
        ? undefined
        : {
            getUrn: () => provider.urn,
            getProperties: () => ({ toJavaScript: () => (conversions.provider++, provider.properties) }),
          },
  };
  return { resource, conversions };
}

const provider = {
  urn: "urn:pulumi:dev::p::pulumi:providers:aws::default",
  properties: { region: secret("eu-west-1") },
};
const alarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";

describe("secretsOfRequest", () => {
  it("notes the top-level properties that hold a secret anywhere inside, and the provider's", () => {
    const alarm = message(
      alarmType,
      "urn:a",
      { period: secret(300), tags: { owner: secret("x") }, name: "plain" },
      provider,
    );
    const secrets = secretsOfRequest({ getResourcesList: () => [alarm.resource] });
    expect([...(secrets.resources.get("urn:a") ?? [])].sort()).toEqual(["period", "tags"]);
    expect([...(secrets.providers.get(provider.urn) ?? [])]).toEqual(["region"]);
  });

  it("never converts a resource of a type the pack does not read, nor its provider", () => {
    const lambda = message("aws:lambda/function:Function", "urn:f", { environment: secret({}) }, provider);
    const alarm = message(alarmType, "urn:a", { period: 300 });
    const secrets = secretsOfRequest(
      { getResourcesList: () => [lambda.resource, alarm.resource] },
      (type) => type === alarmType,
    );
    expect(lambda.conversions).toEqual({ resource: 0, provider: 0 });
    expect(alarm.conversions.resource).toBe(1);
    expect([secrets.resources.size, secrets.providers.size]).toEqual([0, 0]);
  });

  it("converts a provider's properties once, however many resources it serves", () => {
    const alarms = [1, 2, 3].map((n) => message(alarmType, `urn:a${n}`, { period: 300 }, provider));
    const secrets = secretsOfRequest({ getResourcesList: () => alarms.map((a) => a.resource) });
    expect(alarms.map((a) => a.conversions.provider)).toEqual([1, 0, 0]);
    expect([...(secrets.providers.get(provider.urn) ?? [])]).toEqual(["region"]);
  });

  it("notes no resource and no provider that holds no secret", () => {
    const plainProvider = {
      urn: "urn:pulumi:dev::p::pulumi:providers:aws::plain",
      properties: { region: "eu-west-1" },
    };
    const alarm = message(alarmType, "urn:a", { period: 300 }, plainProvider);
    const secrets = secretsOfRequest({ getResourcesList: () => [alarm.resource] });
    expect([secrets.resources.size, secrets.providers.size]).toEqual([0, 0]);
    expect(alarm.conversions).toEqual({ resource: 1, provider: 1 });
  });

  it("reads a resource or provider without properties as holding no secret", () => {
    const bare: AnalyzerResourceMessage = {
      getType: () => alarmType,
      getUrn: () => "urn:bare",
      getProperties: () => undefined,
      getProvider: () => ({ getUrn: () => provider.urn, getProperties: () => undefined }),
    };
    const secrets = secretsOfRequest({ getResourcesList: () => [bare] });
    expect([secrets.resources.size, secrets.providers.size]).toEqual([0, 0]);
  });
});
