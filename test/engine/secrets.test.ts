// Secrets over the real analyzer protocol: `@pulumi/policy` unwraps secrets before a stack policy sees them, so the
// pack learns which values were secrets from the AnalyzeStack request itself. These tests send values as the engine
// does (secret-signature objects) to the compiled pack and read the messages that come back: a secret never
// appears, `[secret]` stands in its place, and the same value sent in the clear is printed, so the test fails if
// the pack loses the knowledge (it would then print `[secret]` for everything, or the secret itself).
import * as fs from "fs";
import * as path from "path";
import { EngineResource, PackProcess, secretValue, startPack } from "../../tools/engine";
import { compliantStack, region, urns } from "./preview-stack";

const root = path.resolve(__dirname, "../..");

/** A pattern that misses StopLogging, carrying a marker string that must never be printed when secret. */
const markedPattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.userAgent = SECRET-MARKER-7f3a) }";

function withProperty(resources: EngineResource[], urn: string, key: string, value: unknown): EngineResource[] {
  return resources.map((resource) =>
    resource.urn === urn ? { ...resource, properties: { ...resource.properties, [key]: value } } : resource,
  );
}

/** Every top-level property of every resource (and its provider) sent as a secret. */
function everythingSecret(resources: EngineResource[]): EngineResource[] {
  const wrap = (properties: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, secretValue(value)]));
  return resources.map((resource) => ({
    ...resource,
    properties: wrap(resource.properties),
    ...(resource.provider === undefined
      ? {}
      : { provider: { ...resource.provider, properties: wrap(resource.provider.properties) } }),
  }));
}

describe("secrets over the engine protocol", () => {
  let pack: PackProcess;

  beforeAll(async () => {
    pack = await startPack({
      packDir: root,
      stack: "dev",
      project: "cloudtrail-demo",
      dryRun: true,
      stackConfig: { "aws:region": region },
    });
    await pack.configure(undefined);
  });
  afterAll(async () => {
    await pack?.close();
  });

  it("prints a plain pattern, and [secret] for the same pattern sent as a secret", async () => {
    const plain = await pack.analyzeStack(withProperty(compliantStack(), urns.filter, "pattern", markedPattern));
    const plainMessages = plain.diagnostics.map((d) => d.message).join("\n");
    expect(plainMessages).toContain("SECRET-MARKER-7f3a");

    const hidden = await pack.analyzeStack(
      withProperty(compliantStack(), urns.filter, "pattern", secretValue(markedPattern)),
    );
    expect(hidden.diagnostics.map((d) => `${d.policyName} ${d.urn}`)).toEqual([
      `cloudtrail-changes-metric-filter ${urns.filter}`,
    ]);
    const message = hidden.diagnostics[0].message;
    expect(message).not.toContain("SECRET-MARKER-7f3a");
    expect(message).toContain("its pattern [secret] misses");
    // The finding stays actionable: the resource by its logical name, the missed call by name.
    expect(message).toContain('Metric filter "cloudtrail-changes"');
    expect(message).toContain("StopLogging");
  });

  it("prints a plain alarm period, and [secret] when the period is a secret", async () => {
    const plain = await pack.analyzeStack(withProperty(compliantStack(), urns.alarm, "period", 3600));
    expect(plain.diagnostics.map((d) => d.message).join("\n")).toContain("period is 3600 s");
    const hidden = await pack.analyzeStack(withProperty(compliantStack(), urns.alarm, "period", secretValue(3600)));
    const message = hidden.diagnostics.map((d) => d.message).join("\n");
    expect(message).toContain("period is [secret] s");
    expect(message).not.toContain("3600");
  });

  it("sends every property of every resource as a secret: the verdicts stay, no value is printed", async () => {
    const broken = withProperty(compliantStack(), urns.filter, "pattern", markedPattern);
    const { diagnostics } = await pack.analyzeStack(everythingSecret(broken));
    expect(diagnostics.map((d) => `${d.policyName} ${d.urn}`)).toEqual([
      `cloudtrail-changes-metric-filter ${urns.filter}`,
    ]);
    const text = diagnostics.map((d) => d.message).join("\n");
    for (const leaked of ["SECRET-MARKER-7f3a", "trail-logs-", "security-alerts-", "CISBenchmark", "XXXXXXXX"]) {
      expect(text).not.toContain(leaked);
    }
  });

  it("answers concurrent requests each with its own secrets", async () => {
    const requests = Array.from({ length: 8 }, (_, index) =>
      pack.analyzeStack(
        withProperty(
          compliantStack(),
          urns.filter,
          "pattern",
          index % 2 === 0 ? markedPattern : secretValue(markedPattern),
        ),
      ),
    );
    const answers = await Promise.all(requests);
    answers.forEach((answer, index) => {
      const message = answer.diagnostics.map((d) => d.message).join("\n");
      expect([index, message.includes("SECRET-MARKER-7f3a")]).toEqual([index, index % 2 === 0]);
    });
  });
});

describe("the fixture", () => {
  it("really holds the resources the tests patch", () => {
    const resources = compliantStack();
    expect(resources.some((r) => r.urn === urns.filter && typeof r.properties.pattern === "string")).toBe(true);
    expect(fs.existsSync(path.join(root, "bin", "index.js"))).toBe(true);
  });
});
