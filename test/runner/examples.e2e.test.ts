/**
 * End to end: every example program runs in its own child process (the real @pulumi/pulumi runtime in preview
 * mode) and its resources go over real gRPC to the compiled pack (bin/, built by `npx tsc -p tsconfig.json`),
 * one pack process shared by all tests. Expectations are written out by hand here AND read from expect.json.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineResource } from "../../tools/engine";
import { PackSession, startPackSession } from "../../tools/runner/analyze";
import { checkProgram, CheckResult, checkStackExport } from "../../tools/runner/check";
import { readExpectation, readVariants, sameViolations } from "../../tools/runner/examples";
import { toolRoot } from "../../tools/project-root";
import { deployedExport, urns as exportUrns } from "./fixtures";

const root = toolRoot(__dirname);
const examples = path.join(root, "examples");
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

let session: PackSession;
beforeAll(async () => {
  session = await startPackSession(root, {
    project: "examples",
    stack: "dev",
    config: { "aws:region": "us-east-1" },
    dryRun: true,
  });
}, 120_000);
afterAll(async () => {
  await session?.pack.close();
});

const results = new Map<string, Promise<CheckResult>>();
/** Runs an example once (tests of the same example share the run). */
function run(name: string): Promise<CheckResult> {
  let result = results.get(name);
  if (!result) {
    const dir = path.join(examples, name);
    const configFile = path.join(dir, "policy-config.json");
    const policyPackConfig = fs.existsSync(configFile)
      ? (JSON.parse(fs.readFileSync(configFile, "utf8")) as Record<string, unknown>)
      : undefined;
    result = checkProgram(dir, { packDir: root, session, output: sink, policyPackConfig });
    results.set(name, result);
  }
  return result;
}

function fired(result: CheckResult): string[] {
  return result.diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName} ${d.urn}`).sort();
}

function resource(result: CheckResult, type: string, name: string): EngineResource {
  const found = result.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} ${name} among ${result.resources.map((r) => r.urn).join(", ")}`);
  return found;
}

const timeout = 120_000;

describe("examples, as `pulumi preview --policy-pack .` would see them", () => {
  it(
    "compliant: no violation, and the stack looks like a first preview",
    async () => {
      const result = await run("compliant");
      expect(fired(result)).toEqual([]);
      const urn = (type: string, name: string) => `urn:pulumi:dev::compliant::${type}::${name}`;
      expect(result.resources[0]).toMatchObject({
        type: "pulumi:pulumi:Stack",
        urn: urn("pulumi:pulumi:Stack", "compliant-dev"),
      });
      const provider = resource(result, "pulumi:providers:aws", "default_7_48_0");
      expect(provider.properties).toEqual({ region: "us-east-1", version: "7.48.0" });

      const logGroup = resource(result, "aws:cloudwatch/logGroup:LogGroup", "cloudtrail");
      expect(logGroup.properties.name).toMatch(/^cloudtrail-[0-9a-f]{7}$/);
      expect(logGroup.properties.arn).toBe(unknown);
      expect(logGroup.properties.region).toBe("us-east-1");
      expect(logGroup.parent).toBe(urn("pulumi:pulumi:Stack", "compliant-dev"));
      expect(logGroup.provider).toEqual({
        type: "pulumi:providers:aws",
        urn: provider.urn,
        name: "default_7_48_0",
        properties: provider.properties,
      });

      const trail = resource(result, "aws:cloudtrail/trail:Trail", "management-events");
      expect(trail.properties.cloudWatchLogsGroupArn).toBe(unknown);
      expect(trail.propertyDependencies?.cloudWatchLogsGroupArn).toEqual([logGroup.urn]);
      expect(trail.properties.isMultiRegionTrail).toBe(true);

      const filter = resource(result, "aws:cloudwatch/logMetricFilter:LogMetricFilter", "cloudtrail-changes");
      expect(filter.properties.logGroupName).toBe(logGroup.properties.name);
      expect(filter.dependencies).toEqual([logGroup.urn]);

      const alarm = resource(result, "aws:cloudwatch/metricAlarm:MetricAlarm", "cloudtrail-changes");
      expect(alarm.properties).toMatchObject({ statistic: "Sum", period: 300, threshold: 1, alarmActions: [unknown] });
      const topic = resource(result, "aws:sns/topic:Topic", "security-alerts");
      expect(alarm.propertyDependencies?.alarmActions).toEqual([topic.urn]);
      const bucket = resource(result, "aws:s3/bucket:Bucket", "trail-logs");
      expect(bucket.properties.bucket).toMatch(/^trail-logs-[0-9a-f]{7}$/);
      const role = resource(result, "aws:iam/role:Role", "cloudtrail-to-cloudwatch");
      expect(role.properties.region).toBeUndefined();
      // The stack's output (the trail ARN) is unknown at preview.
      expect(result.resources[0].properties).toEqual({ trail: unknown });
    },
    timeout,
  );

  it(
    "compliant-cdk-style: quoted pattern, explicit provider in eu-west-1, no violation, no default provider",
    async () => {
      const result = await run("compliant-cdk-style");
      expect(fired(result)).toEqual([]);
      const provider = resource(result, "pulumi:providers:aws", "eu-west-1");
      expect(provider.properties.region).toBe("eu-west-1");
      expect(result.resources.some((r) => r.name.startsWith("default_"))).toBe(false);
      const alarm = resource(result, "aws:cloudwatch/metricAlarm:MetricAlarm", "cloudtrail-changes");
      expect(alarm.properties).toMatchObject({
        name: "CloudTrail Changes",
        region: "eu-west-1",
        metricName: "CloudTrailChangeCount",
      });
      expect(alarm.provider?.urn).toBe(provider.urn);
    },
    timeout,
  );

  it(
    "trail-without-cloudwatch: cloudtrail-logs-to-cloudwatch on the trail, and nothing else",
    async () => {
      const result = await run("trail-without-cloudwatch");
      expect(fired(result)).toEqual([
        "mandatory cloudtrail-logs-to-cloudwatch urn:pulumi:dev::trail-without-cloudwatch::aws:cloudtrail/trail:Trail::management-events",
      ]);
      expect(result.diagnostics[0].message).toContain("cloudWatchLogsGroupArn");
    },
    timeout,
  );

  it(
    "filter-misses-stoplogging: cloudtrail-changes-metric-filter on the filter",
    async () => {
      const result = await run("filter-misses-stoplogging");
      expect(fired(result)).toEqual([
        "mandatory cloudtrail-changes-metric-filter urn:pulumi:dev::filter-misses-stoplogging::aws:cloudwatch/logMetricFilter:LogMetricFilter::cloudtrail-changes",
      ]);
      expect(result.diagnostics[0].message).toContain("StopLogging");
    },
    timeout,
  );

  it(
    "alarm-wrong-settings: cloudtrail-changes-alarm on the alarm",
    async () => {
      const result = await run("alarm-wrong-settings");
      expect(fired(result)).toEqual([
        "mandatory cloudtrail-changes-alarm urn:pulumi:dev::alarm-wrong-settings::aws:cloudwatch/metricAlarm:MetricAlarm::cloudtrail-changes",
      ]);
      expect(result.diagnostics[0].message).toMatch(/Average|3600/);
    },
    timeout,
  );

  it(
    "alarm-without-sns: cloudtrail-changes-alarm-sns on the alarm",
    async () => {
      const result = await run("alarm-without-sns");
      expect(fired(result)).toEqual([
        "mandatory cloudtrail-changes-alarm-sns urn:pulumi:dev::alarm-without-sns::aws:cloudwatch/metricAlarm:MetricAlarm::cloudtrail-changes",
      ]);
    },
    timeout,
  );

  it(
    "monitoring-only: no trail in the stack, the configured log group is monitored: no violation",
    async () => {
      const result = await run("monitoring-only");
      expect(fired(result)).toEqual([]);
      const filter = resource(result, "aws:cloudwatch/logMetricFilter:LogMetricFilter", "cloudtrail-changes");
      expect(filter.properties.logGroupName).toBe("aws-cloudtrail-logs-organization");
    },
    timeout,
  );

  it(
    "the monitoring-only filter is really checked: without StopLogging it fires on the configured group",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "monitoring-only-"));
      for (const f of fs.readdirSync(path.join(examples, "monitoring-only")))
        fs.copyFileSync(path.join(examples, "monitoring-only", f), path.join(dir, f));
      const index = path.join(dir, "index.ts");
      fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace(" || ($.eventName = StopLogging)", ""));
      const policyPackConfig = JSON.parse(fs.readFileSync(path.join(dir, "policy-config.json"), "utf8")) as Record<
        string,
        unknown
      >;
      const result = await checkProgram(dir, { packDir: root, session, output: sink, policyPackConfig });
      expect(result.diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName}`)).toEqual([
        "mandatory cloudtrail-changes-metric-filter",
      ]);
      expect(result.diagnostics[0].message).toContain("aws-cloudtrail-logs-organization");
    },
    timeout,
  );

  it.each(fs.readdirSync(examples).filter((d) => fs.existsSync(path.join(examples, d, "expect.json"))))(
    "%s behaves as its expect.json says",
    async (name) => {
      const result = await run(name);
      const expected = readExpectation(path.join(examples, name, "expect.json"));
      const got = result.diagnostics.map((d) => ({
        policyName: d.policyName,
        enforcementLevel: d.enforcementLevel,
        resourceName: d.resourceName,
      }));
      expect(sameViolations(expected, got)).toBe(true);
    },
    timeout,
  );

  const variants = fs
    .readdirSync(examples)
    .filter((d) => fs.existsSync(path.join(examples, d, "expect.json")))
    .flatMap((name) =>
      readVariants(path.join(examples, name, "expect.json")).map((variant) => [name, variant] as const),
    );

  it("some examples carry variants (another config file), e.g. single-region-trail with config/cis.json", () => {
    expect(variants.map(([name, variant]) => `${name} + ${variant.policyPackConfig}`)).toEqual(
      expect.arrayContaining([
        "single-region-trail + config/cis.json",
        "cis-monitoring-gap + config/cis-monitoring.json",
      ]),
    );
  });

  it.each(variants.map(([name, variant]) => [`${name} + ${variant.policyPackConfig}`, name, variant] as const))(
    "%s behaves as its expect.json variant says",
    async (_label, name, variant) => {
      const policyPackConfig = JSON.parse(fs.readFileSync(path.join(root, variant.policyPackConfig), "utf8")) as Record<
        string,
        unknown
      >;
      const result = await checkProgram(path.join(examples, name), {
        packDir: root,
        session,
        output: sink,
        policyPackConfig,
      });
      const got = result.diagnostics.map((d) => ({
        policyName: d.policyName,
        enforcementLevel: d.enforcementLevel,
        resourceName: d.resourceName,
      }));
      expect(got).toEqual(variant.violations);
    },
    timeout,
  );
});

describe("program features the runner must reproduce", () => {
  function scratch(index: string, stackYaml = "config:\n  aws:region: us-east-1\n"): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: scratch\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackYaml);
    fs.writeFileSync(path.join(dir, "index.ts"), index);
    return dir;
  }

  it(
    "a compliant chain inside a component: URNs carry the component type, the pack still sees the chain",
    async () => {
      const compliant = fs.readFileSync(path.join(examples, "compliant", "index.ts"), "utf8");
      const body = compliant
        .slice(compliant.indexOf("const metricName"))
        .replace("export const trail = ", "const trail = ")
        .replace(/\{ forceDestroy: true \}\)/, "{ forceDestroy: true }, { parent: this })");
      const index = [
        'import * as pulumi from "@pulumi/pulumi";',
        'import * as aws from "@pulumi/aws";',
        "class Audit extends pulumi.ComponentResource {",
        "  constructor(name: string) {",
        '    super("acme:security:Audit", name, {}, {});',
        "    const self = this;",
        "    ((): void => {",
        body.replace(/^(new |const \w+ = new )(aws\.[\w.]+\()([^]*?)\);$/gm, "$1$2$3, { parent: self });"),
        "    })();",
        "    this.registerOutputs({});",
        "  }",
        "}",
        'new Audit("audit");',
        "",
      ].join("\n");
      const result = await checkProgram(scratch(index), { packDir: root, session, output: sink });
      const component = resource(result, "acme:security:Audit", "audit");
      expect(component.parent).toBe("urn:pulumi:dev::scratch::pulumi:pulumi:Stack::scratch-dev");
      const alarm = resource(result, "aws:cloudwatch/metricAlarm:MetricAlarm", "cloudtrail-changes");
      expect(alarm.urn).toBe(
        "urn:pulumi:dev::scratch::acme:security:Audit$aws:cloudwatch/metricAlarm:MetricAlarm::cloudtrail-changes",
      );
      expect(alarm.parent).toBe(component.urn);
      expect(alarm.provider?.name).toBe("default_7_48_0");
      expect(fired(result)).toEqual([]);
    },
    timeout,
  );

  it(
    "a secure config value runs as an unknown secret",
    async () => {
      const index = [
        'import * as pulumi from "@pulumi/pulumi";',
        'import * as aws from "@pulumi/aws";',
        "const config = new pulumi.Config();",
        'const topic = new aws.sns.Topic("alerts");',
        'new aws.sns.TopicSubscription("oncall", { topic: topic.arn, protocol: "email", endpoint: config.requireSecret("email") });',
        "",
      ].join("\n");
      const dir = scratch(index, "config:\n  aws:region: us-east-1\n  scratch:email:\n    secure: AAABAJ0Yk2Vt\n");
      const result = await checkProgram(dir, { packDir: root, session, output: sink });
      const subscription = resource(result, "aws:sns/topicSubscription:TopicSubscription", "oncall");
      expect(subscription.properties.endpoint).toEqual({
        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
        value: unknown,
      });
      expect(result.notes.join("\n")).toContain("scratch:email");
    },
    timeout,
  );

  it(
    "--config overrides the stack file, and an explicit name/region are kept",
    async () => {
      const index =
        'import * as aws from "@pulumi/aws";\nnew aws.cloudwatch.LogGroup("g", { name: "fixed", region: "ap-south-1" });\nnew aws.sns.Topic("t");\n';
      const result = await checkProgram(scratch(index), {
        packDir: root,
        session,
        output: sink,
        config: ["aws:region=eu-central-1"],
      });
      expect(resource(result, "pulumi:providers:aws", "default_7_48_0").properties.region).toBe("eu-central-1");
      expect(resource(result, "aws:cloudwatch/logGroup:LogGroup", "g").properties).toMatchObject({
        name: "fixed",
        region: "ap-south-1",
      });
      expect(resource(result, "aws:sns/topic:Topic", "t").properties.region).toBe("eu-central-1");
    },
    timeout,
  );
});

describe("stack export (deployed state)", () => {
  function writeExport(doc: unknown): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "export-")), "stack.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  }

  it(
    "the deployed compliant chain passes",
    async () => {
      const result = await checkStackExport(writeExport(deployedExport()), { packDir: root, session });
      expect(fired(result)).toEqual([]);
      expect(result.resources).toHaveLength(8);
    },
    timeout,
  );

  it(
    "a deployed e-mail subscription still pending confirmation notifies nobody: the alarm fails",
    async () => {
      const result = await checkStackExport(writeExport(deployedExport({ subscriptionPending: true })), {
        packDir: root,
        session,
      });
      expect(fired(result)).toEqual([`mandatory cloudtrail-changes-alarm-sns ${exportUrns.alarm}`]);
    },
    timeout,
  );

  it(
    "a deployed filter without StopLogging fails on the filter",
    async () => {
      const pattern =
        "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }";
      const result = await checkStackExport(writeExport(deployedExport({ pattern })), { packDir: root, session });
      expect(fired(result)).toEqual([`mandatory cloudtrail-changes-metric-filter ${exportUrns.filter}`]);
    },
    timeout,
  );

  it(
    "an encrypted secret that no policy needs is noted and changes nothing",
    async () => {
      const result = await checkStackExport(writeExport(deployedExport({ encryptedEndpoint: true })), {
        packDir: root,
        session,
      });
      expect(result.notes.join("\n")).toContain("1 encrypted secret value(s)");
      expect(result.diagnostics.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
    },
    timeout,
  );
});
