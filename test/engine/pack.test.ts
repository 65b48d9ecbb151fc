// The compiled pack (bin/index.js, built by `tsc` before jest) driven over gRPC exactly as the Pulumi engine drives
// it at `pulumi preview --policy-pack . [--policy-pack-config FILE]`: spawn, Handshake, ConfigureStack,
// GetAnalyzerInfo, reconcile + Configure, AnalyzeStack. One pack process per describe block (start-up ~2 s).
import * as fs from "fs";
import * as path from "path";
import {
  EngineDiagnostic,
  EngineResource,
  PackProcess,
  PolicyPackConfigFile,
  PolicyPackInfo,
  readPolicyPackConfigFile,
  reconcilePolicyConfig,
  startPack,
  validateJsonSchema,
} from "../../tools/engine";
import {
  alarmActionsWhollyUnknown,
  alarmPeriodOneHour,
  alarmWithoutActions,
  compliantStack,
  filterMissingStopLogging,
  region,
  trailWithoutLogGroup,
  urns,
} from "./preview-stack";

const root = path.resolve(__dirname, "../..");
const packageVersion = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string })
  .version;
/** The CloudTrail-changes control's four policies, mandatory by default. */
const cloudTrailPolicies = [
  "cloudtrail-logs-to-cloudwatch",
  "cloudtrail-changes-metric-filter",
  "cloudtrail-changes-alarm",
  "cloudtrail-changes-alarm-sns",
];
/** One chain policy per other CIS monitoring control (CIS v1.4-v5 4.1 ... 4.15), disabled by default. */
const controlPolicies = [
  "unauthorized-api-calls-monitored",
  "console-signin-without-mfa-monitored",
  "root-account-usage-monitored",
  "iam-policy-changes-monitored",
  "console-authentication-failures-monitored",
  "kms-key-disable-or-deletion-monitored",
  "s3-bucket-policy-changes-monitored",
  "aws-config-changes-monitored",
  "security-group-changes-monitored",
  "network-acl-changes-monitored",
  "network-gateway-changes-monitored",
  "route-table-changes-monitored",
  "vpc-changes-monitored",
  "organizations-changes-monitored",
];
const policyNames = [...cloudTrailPolicies, ...controlPolicies];
const defaultLevel = (name: string): string => (cloudTrailPolicies.includes(name) ? "mandatory" : "disabled");
const configFile = (name: string): string => path.join(root, "config", name);

/** Starts the compiled pack the way the engine does for a preview of stack `dev` in us-east-1. */
function startCompiledPack(): Promise<PackProcess> {
  if (!fs.existsSync(path.join(root, "bin", "index.js"))) {
    throw new Error("bin/index.js is missing: run `npx tsc -p tsconfig.json` (npm test does) before these tests");
  }
  return startPack({
    packDir: root,
    stack: "dev",
    project: "cloudtrail-demo",
    dryRun: true,
    stackConfig: { "aws:region": region },
    stackTags: { "pulumi:project": "cloudtrail-demo" },
  });
}

/** A compact view of diagnostics for assertion messages and comparisons. */
const summary = (diagnostics: EngineDiagnostic[]): string[] =>
  diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName} @ ${d.urn}`);

/** No diagnostic may be the SDK's advisory downgrade for a policy that read an unknown value. */
function expectNoPreviewDowngrade(diagnostics: EngineDiagnostic[]): void {
  expect(diagnostics.filter((d) => d.message.includes("during preview")).map((d) => d.message)).toEqual([]);
}

describe("the compiled pack over the engine protocol", () => {
  let pack: PackProcess;
  let info: PolicyPackInfo;

  beforeAll(async () => {
    pack = await startCompiledPack();
    info = await pack.getAnalyzerInfo();
  });
  afterAll(async () => {
    await pack?.close();
  });

  /** Configures as the CLI would with `config` (undefined = no --policy-pack-config) and analyzes `resources`. */
  async function analyze(
    config: PolicyPackConfigFile | undefined,
    resources: EngineResource[],
  ): Promise<EngineDiagnostic[]> {
    await pack.configure(config);
    const { diagnostics } = await pack.analyzeStack(resources);
    expectNoPreviewDowngrade(diagnostics);
    return diagnostics;
  }

  describe("start-up", () => {
    it("prints only its port on stdout", () => {
      expect(pack.stdoutText()).toBe(`${pack.port}\n`);
    });
  });

  describe("GetAnalyzerInfo", () => {
    it("names the pack and takes its version from package.json", () => {
      expect(info.name).toBe("cloudtrail-changes-monitoring");
      expect(info.version).toBe(packageVersion);
    });

    it("carries the README's opening section as its readme and package.json's repository", () => {
      const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
      expect(info.readme).toBe(readme.slice(0, readme.indexOf("\n## ")).trim());
      expect(info.readme).toMatch(/^# /);
      const repository = (
        JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { repository: { url: string } }
      ).repository;
      expect(info.repository).toBe(repository.url.replace(/^git\+/, "").replace(/\.git$/, ""));
    });

    it("names every framework reference of its control in each policy's tags and framework", () => {
      const cloudTrail = info.policies.find((p) => p.name === "cloudtrail-changes-alarm");
      // CIS v1.2 3.5, v1.4-v5 4.5, v6-v7 5.5; Security Hub CloudWatch.5 (Security Hub user guide, CloudWatch controls).
      expect(cloudTrail?.tags).toEqual(
        expect.arrayContaining([
          "cis-aws-foundations-v1.2-3.5",
          "cis-aws-foundations-v1.4-to-v5-4.5",
          "cis-aws-foundations-v6-to-v7-5.5",
          "security-hub-cloudwatch-5",
        ]),
      );
      expect(cloudTrail?.framework).toEqual(
        expect.objectContaining({ name: "CIS AWS Foundations Benchmark", reference: "4.5" }),
      );
      // Root account usage: CIS v1.2 3.3, v1.4-v5 4.3, v6-v7 5.3, Security Hub CloudWatch.1.
      const root = info.policies.find((p) => p.name === "root-account-usage-monitored");
      expect(root?.tags).toEqual(
        expect.arrayContaining([
          "cis-aws-foundations-v1.2-3.3",
          "cis-aws-foundations-v1.4-to-v5-4.3",
          "cis-aws-foundations-v6-to-v7-5.3",
          "security-hub-cloudwatch-1",
        ]),
      );
      // AWS Organizations changes: no CIS v1.2 section and no Security Hub control.
      const organizations = info.policies.find((p) => p.name === "organizations-changes-monitored");
      expect(organizations?.tags).toEqual(
        expect.arrayContaining(["cis-aws-foundations-v1.4-to-v5-4.15", "cis-aws-foundations-v6-to-v7-5.15"]),
      );
      expect(
        (organizations?.tags ?? []).some(
          (tag) => tag.startsWith("security-hub") || tag.startsWith("cis-aws-foundations-v1.2"),
        ),
      ).toBe(false);
    });

    it("lists the four CloudTrail-changes policies (mandatory) and the fourteen other controls' (disabled), severity medium", () => {
      expect(info.policies.map((p) => p.name).sort()).toEqual([...policyNames].sort());
      for (const policy of info.policies) {
        expect({ name: policy.name, level: policy.enforcementLevel, severity: policy.severity }).toEqual({
          name: policy.name,
          level: defaultLevel(policy.name),
          severity: "medium",
        });
        expect(policy.description.length).toBeGreaterThan(20);
      }
    });

    it("declares config schemas whose every property has a description and a default that satisfies it", () => {
      const withSchema = info.policies.filter((p) => p.configSchema !== undefined);
      expect(withSchema.map((p) => p.name)).toContain("cloudtrail-changes-alarm");
      for (const policy of withSchema) {
        for (const [name, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
          const property = schema as { description?: unknown; default?: unknown };
          expect({ policy: policy.name, name, description: typeof property.description }).toEqual({
            policy: policy.name,
            name,
            description: "string",
          });
          expect({ policy: policy.name, name, hasDefault: "default" in property }).toEqual({
            policy: policy.name,
            name,
            hasDefault: true,
          });
          expect(validateJsonSchema(property.default, property)).toEqual([]);
        }
      }
    });

    it("has no initialConfig that could silently downgrade a policy to advisory", () => {
      for (const entry of Object.values(info.initialConfig)) {
        expect((entry as { enforcementLevel?: string }).enforcementLevel).not.toBe("advisory");
      }
    });
  });

  describe("the shipped config files validate against the real schemas", () => {
    it.each(fs.readdirSync(path.join(root, "config")).filter((f) => f.endsWith(".json")))("config/%s", (file) => {
      const reconciled = reconcilePolicyConfig(info, readPolicyPackConfigFile(configFile(file)));
      expect(reconciled.warnings).toEqual([]);
      expect(Object.keys(reconciled.policies).sort()).toEqual([...policyNames].sort());
    });

    it("config/advisory.json makes the CloudTrail-changes policies advisory and leaves the others disabled", () => {
      const reconciled = reconcilePolicyConfig(info, readPolicyPackConfigFile(configFile("advisory.json")));
      for (const name of policyNames) {
        const expected = cloudTrailPolicies.includes(name) ? "advisory" : "disabled";
        expect([name, reconciled.policies[name].enforcementLevel]).toEqual([name, expected]);
      }
    });

    it("config/cis-monitoring.json makes all eighteen policies (fifteen controls) mandatory", () => {
      const reconciled = reconcilePolicyConfig(info, readPolicyPackConfigFile(configFile("cis-monitoring.json")));
      expect(Object.values(reconciled.policies).map((p) => p.enforcementLevel)).toEqual(
        policyNames.map(() => "mandatory"),
      );
    });

    it.each(["cis", "security-hub"])(
      "config/%s.json sets its profile on every policy and keeps their levels",
      (profile) => {
        const reconciled = reconcilePolicyConfig(info, readPolicyPackConfigFile(configFile(`${profile}.json`)));
        for (const name of policyNames) {
          expect([
            name,
            reconciled.policies[name].enforcementLevel,
            reconciled.policies[name].properties.profile,
          ]).toEqual([name, defaultLevel(name), profile]);
        }
      },
    );

    it("config/example.json spells out every property with its default and every policy's level", () => {
      const example = readPolicyPackConfigFile(configFile("example.json"));
      const expected: Record<string, unknown> = {};
      for (const policy of info.policies) {
        const defaults: Record<string, unknown> = {};
        for (const [name, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
          defaults[name] = (schema as { default?: unknown }).default;
        }
        expected[policy.name] = { enforcementLevel: policy.enforcementLevel, ...defaults };
      }
      expect(example).toEqual(expected);
    });
  });

  describe("Configure", () => {
    it("without a config file sends every policy at its own level with its schema defaults", async () => {
      const reconciled = await pack.configure(undefined);
      expect(Object.keys(reconciled.policies).sort()).toEqual([...policyNames].sort());
      for (const policy of info.policies) {
        const defaults = Object.fromEntries(
          Object.entries(policy.configSchema?.properties ?? {}).map(([k, s]) => [
            k,
            (s as { default?: unknown }).default,
          ]),
        );
        expect(reconciled.policies[policy.name]).toEqual({
          enforcementLevel: defaultLevel(policy.name),
          properties: defaults,
        });
      }
    });

    it("refuses an invalid config before anything is sent, naming the policy and the property", async () => {
      await expect(pack.configure({ "cloudtrail-changes-alarm": { enforcementLevel: "strict" } })).rejects.toThrow(
        /"cloudtrail-changes-alarm"\.enforcementLevel: string "strict" is not a valid enforcement level/,
      );
      await expect(pack.configure({ "cloudtrail-alarm": "advisory" })).rejects.toThrow(
        /"cloudtrail-alarm" is not a policy of this pack/,
      );
    });
  });

  describe("AnalyzeStack of a stack outside the control", () => {
    it("answers not applicable for every enabled policy (Pulumi Cloud shows that, not a silent pass), and no diagnostic", async () => {
      await pack.configure(undefined);
      const bucket: EngineResource = {
        type: "aws:s3/bucket:Bucket",
        urn: urns.bucket,
        name: "trail-bucket",
        properties: { bucket: "app-assets" },
        options: {},
      };
      const { diagnostics, notApplicable } = await pack.analyzeStack([bucket]);
      expect(diagnostics).toEqual([]);
      expect(notApplicable.map((entry) => entry.policyName).sort()).toEqual([...cloudTrailPolicies].sort());
      for (const entry of notApplicable) expect(entry.reason).toContain("the stack has no CloudTrail trail");
    });

    it("judges a monitoring-only stack's metric with the alarm and SNS policies, and the metric-filter policy is not applicable", async () => {
      await pack.configure(undefined);
      const resources = compliantStack().filter((resource) => resource.urn !== urns.trail);
      const { diagnostics, notApplicable } = await pack.analyzeStack(resources);
      expect(summary(diagnostics)).toEqual([]);
      expect(notApplicable.map((entry) => entry.policyName).sort()).toEqual([
        "cloudtrail-changes-metric-filter",
        "cloudtrail-logs-to-cloudwatch",
      ]);
    });
  });

  describe("AnalyzeStack at the first preview (unknown ARNs, propertyDependencies, provider region, a secret)", () => {
    it("reports nothing for the compliant chain", async () => {
      expect(summary(await analyze(undefined, compliantStack()))).toEqual([]);
    });

    it("reports nothing for the compliant chain when alarmActions is one unknown value", async () => {
      expect(summary(await analyze(undefined, alarmActionsWhollyUnknown()))).toEqual([]);
    });

    // One broken link gives exactly one diagnostic, on the resource to fix.
    it("a trail without a log group: cloudtrail-logs-to-cloudwatch, mandatory, on the trail", async () => {
      const diagnostics = await analyze(undefined, trailWithoutLogGroup());
      expect(summary(diagnostics)).toEqual([`mandatory cloudtrail-logs-to-cloudwatch @ ${urns.trail}`]);
      const [logs] = diagnostics;
      expect(logs.policyPack).toBe("cloudtrail-changes-monitoring");
      expect(logs.policyPackVersion).toBe(packageVersion);
      expect(logs.severity).toBe("medium");
      expect(logs.message.startsWith(`${logs.description}\n`)).toBe(true);
      expect(logs.message).toContain("cloudWatchLogsGroupArn");
    });

    it("a filter that misses StopLogging: cloudtrail-changes-metric-filter, mandatory, on the filter", async () => {
      const diagnostics = await analyze(undefined, filterMissingStopLogging());
      expect(summary(diagnostics)).toEqual([`mandatory cloudtrail-changes-metric-filter @ ${urns.filter}`]);
      expect(diagnostics[0].message).toContain("StopLogging");
    });

    it("an alarm over 3600 s: cloudtrail-changes-alarm, mandatory, on the alarm", async () => {
      const diagnostics = await analyze(undefined, alarmPeriodOneHour());
      expect(summary(diagnostics)).toEqual([`mandatory cloudtrail-changes-alarm @ ${urns.alarm}`]);
      expect(diagnostics[0].message).toContain("3600");
    });

    it("an alarm that notifies nobody: cloudtrail-changes-alarm-sns, mandatory, on the alarm", async () => {
      const diagnostics = await analyze(undefined, alarmWithoutActions());
      expect(summary(diagnostics)).toEqual([`mandatory cloudtrail-changes-alarm-sns @ ${urns.alarm}`]);
    });

    it("never prints a secret in a message", async () => {
      for (const stack of [compliantStack(), trailWithoutLogGroup(), alarmWithoutActions()]) {
        const diagnostics = await analyze(undefined, stack);
        expect(diagnostics.filter((d) => d.message.includes("XXXXXXXX"))).toEqual([]);
      }
    });
  });

  describe("AnalyzeStack with --policy-pack-config", () => {
    it("config/advisory.json: the same violations, all advisory", async () => {
      const mandatory = await analyze(undefined, trailWithoutLogGroup());
      const advisory = await analyze(readPolicyPackConfigFile(configFile("advisory.json")), trailWithoutLogGroup());
      expect(advisory.length).toBeGreaterThan(0);
      expect(advisory.map((d) => d.enforcementLevel)).toEqual(advisory.map(() => "advisory"));
      expect(summary(advisory)).toEqual(summary(mandatory).map((s) => s.replace(/^mandatory/, "advisory")));
    });

    it("a disabled policy reports nothing, the others keep their level", async () => {
      const enabled = await analyze(undefined, trailWithoutLogGroup());
      expect(enabled.map((d) => d.policyName)).toContain("cloudtrail-logs-to-cloudwatch");
      const diagnostics = await analyze({ "cloudtrail-logs-to-cloudwatch": "disabled" }, trailWithoutLogGroup());
      expect(diagnostics.map((d) => d.policyName)).not.toContain("cloudtrail-logs-to-cloudwatch");
      expect(summary(diagnostics)).toEqual(
        summary(enabled).filter((line) => !line.includes(" cloudtrail-logs-to-cloudwatch ")),
      );
    });

    it("a disabled policy next to one left on: only the one left on reports", async () => {
      const diagnostics = await analyze(
        { all: "disabled", "cloudtrail-logs-to-cloudwatch": "mandatory" },
        trailWithoutLogGroup(),
      );
      expect([...new Set(diagnostics.map((d) => d.policyName))]).toEqual(["cloudtrail-logs-to-cloudwatch"]);
    });
  });
});
