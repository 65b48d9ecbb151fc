import { RunnerError } from "../../tools/runner/errors";
import { readStackExport } from "../../tools/runner/stack-export";
import { deployedExport, urns } from "./fixtures";

const secretKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function errorOf(fn: () => unknown): RunnerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RunnerError) return e;
    throw e;
  }
  throw new Error("expected a RunnerError");
}

describe("readStackExport", () => {
  it("turns deployed state into engine resources: outputs, parent, dependencies, provider inputs", () => {
    const exported = readStackExport(JSON.stringify(deployedExport()), "e.json");
    expect(exported.project).toBe("audit");
    expect(exported.stack).toBe("prod");
    expect(exported.resources.map((r) => r.urn)).toEqual([
      urns.stack,
      urns.provider,
      urns.logGroup,
      urns.trail,
      urns.filter,
      urns.topic,
      urns.subscription,
      urns.alarm,
    ]);
    const trail = exported.resources.find((r) => r.urn === urns.trail);
    expect(trail?.name).toBe("management-events");
    expect(trail?.parent).toBe(urns.stack);
    expect(trail?.properties.enableLogging).toBe(true);
    expect(trail?.properties.kmsKeyId).toBe("");
    expect(trail?.propertyDependencies).toEqual({ cloudWatchLogsGroupArn: [urns.logGroup] });
    expect(trail?.provider).toEqual({
      type: "pulumi:providers:aws",
      urn: urns.provider,
      name: "default_7_48_0",
      properties: { region: "us-east-1", version: "7.48.0" },
    });
    expect(exported.encryptedSecrets).toBe(0);
  });

  it("passes encrypted secrets as unknown secrets and counts them; decodes plaintext secrets", () => {
    const exported = readStackExport(
      JSON.stringify(deployedExport({ encryptedEndpoint: true, plaintextSecretDescription: "page the team" })),
      "e.json",
    );
    expect(exported.encryptedSecrets).toBe(1);
    const subscription = exported.resources.find((r) => r.urn === urns.subscription);
    expect(subscription?.properties.endpoint).toEqual({ [secretKey]: secretSig, value: unknown });
    const alarm = exported.resources.find((r) => r.urn === urns.alarm);
    expect(alarm?.properties.alarmDescription).toEqual({ [secretKey]: secretSig, value: "page the team" });
  });

  it("leaves out resources pending deletion", () => {
    const exported = readStackExport(JSON.stringify(deployedExport({ pendingDelete: true })), "e.json");
    expect(exported.skipped).toBe(1);
    expect(exported.resources.some((r) => r.name === "old-alerts")).toBe(false);
  });

  it("reports a JSON syntax error with its line and column", () => {
    const error = errorOf(() => readStackExport('{\n  "version": 3,\n  "deployment": {,}\n}', "bad.json"));
    expect(error.message).toMatch(/^bad\.json:3:18: /);
  });

  it.each([
    [{ version: 2, deployment: {} }, "'version' is 2"],
    [{ version: 3 }, "missing 'deployment'"],
    [{ version: 3, deployment: { resources: {} } }, "deployment.resources must be a list"],
    [
      { version: 3, deployment: { resources: [{ type: "pulumi:pulumi:Stack" }] } },
      "deployment.resources[0]: missing 'urn'",
    ],
    [
      { version: 3, deployment: { resources: [{ urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s" }] } },
      "deployment.resources[0]: missing 'type'",
    ],
    [
      {
        version: 3,
        deployment: {
          resources: [
            { urn: "urn:pulumi:s::p::a:b:C::n", type: "a:b:C", provider: "urn:pulumi:s::p::pulumi:providers:a::x::id" },
          ],
        },
      },
      "names no resource of the export",
    ],
    [
      { version: 3, deployment: { resources: [{ urn: "urn:pulumi:s::p::a:b:C::n", type: "a:b:D" }] } },
      "does not end in type 'a:b:D'",
    ],
  ])("reports a malformed export: %j", (doc, message) => {
    expect(errorOf(() => readStackExport(JSON.stringify(doc), "x.json")).message).toContain(message);
  });
});
