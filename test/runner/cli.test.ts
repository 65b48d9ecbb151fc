/**
 * The command line as a user runs it (`node bin/tools/run.js`, what `npm start` runs): exit statuses, the
 * "Policies:" text, `--json` on stdout, and clear messages without stack traces for bad input.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCommand } from "../../fuzz/sections/inputs";
import { toolRoot } from "../../tools/project-root";
import { deployedExport } from "./fixtures";

const root = toolRoot(__dirname);
const script = path.join(root, "bin", "tools", "run.js");
const timeout = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A bare program directory (no node_modules): @pulumi/* resolve from this project. */
function program(files: Record<string, string>): string {
  const dir = tempDir("program-");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: scratch\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: us-east-1\n");
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

describe("npm start -- <program-dir>", () => {
  it(
    "prints the Policies: section like the CLI and exits 1 on a mandatory violation",
    async () => {
      const run = await runCli(["examples/alarm-without-sns"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("Policies:\n    ❌ cloudtrail-changes-monitoring@v");
      expect(run.stdout).toContain(
        "        - [mandatory]  cloudtrail-changes-alarm-sns  (aws:cloudwatch/metricAlarm:MetricAlarm: cloudtrail-changes)\n          ",
      );
    },
    timeout,
  );

  it(
    "--json: stdout is exactly one JSON object with the diagnostics; exit 0 when compliant",
    async () => {
      const run = await runCli(["examples/compliant", "--json"]);
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout) as { diagnostics: unknown[]; resources: number; project: string };
      expect(doc.diagnostics).toEqual([]);
      expect(doc.project).toBe("compliant");
      // stack, default provider, bucket, bucket policy, log group, role, role policy, trail, filter, topic, subscription, alarm
      expect(doc.resources).toBe(12);
    },
    timeout,
  );

  it(
    "applies --policy-pack-config: the SNS policy made advisory no longer fails the run",
    async () => {
      const dir = tempDir("config-");
      const file = path.join(dir, "advisory.json");
      fs.writeFileSync(file, JSON.stringify({ "cloudtrail-changes-alarm-sns": "advisory" }));
      const run = await runCli(["examples/alarm-without-sns", "--policy-pack-config", file, "--json"]);
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout) as { diagnostics: { policyName: string; enforcementLevel: string }[] };
      expect(doc.diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName}`)).toEqual([
        "advisory cloudtrail-changes-alarm-sns",
      ]);
    },
    timeout,
  );

  it(
    "reports a program that throws with its message and index.ts line, without our stack",
    async () => {
      const dir = program({
        "index.ts": [
          'import * as aws from "@pulumi/aws";',
          'new aws.sns.Topic("alerts");',
          "function configure(): never {",
          '  throw new Error("boom: no alarm period configured");',
          "}",
          "configure();",
          "",
        ].join("\n"),
      });
      const run = await runCli([dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("boom: no alarm period configured");
      expect(run.stderr).toContain("(index.ts:4:9)");
      expectNoStackTrace(run.stderr);
      expect(run.stdout).toBe("");
    },
    timeout,
  );

  // Found by the fuzzer: TypeScript transpiles a file with a syntax error anyway, and Node then failed on the output
  // with no position in the program. The message is TypeScript's own for the error (TS1109 "Expression expected.",
  // TypeScript's diagnosticMessages.json), at the `;` of line 3, column 16.
  it(
    "reports a program that does not parse with TypeScript's message at its index.ts line and column",
    async () => {
      const dir = program({
        "index.ts": 'import * as aws from "@pulumi/aws";\nnew aws.sns.Topic("alerts");\nconst broken = ;\n',
      });
      const run = await runCli([dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the program in ${dir} failed (index.ts:3:16):\n  Expression expected.`);
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );

  // Found by the fuzzer: a hung program that ignores SIGTERM kept `npm start` waiting forever after its timeout, and
  // a process the program started outlived the run. Now the program's process group is killed (SIGKILL).
  it(
    "stops a hung program that ignores SIGTERM at --timeout, with the process it started",
    async () => {
      const dir = program({
        "index.ts":
          'import { spawn } from "child_process";\nprocess.on("SIGTERM", () => undefined);\nspawn("sleep", ["300"], { stdio: "ignore" });\nsetInterval(() => undefined, 1000);\n',
      });
      const run = await runCommand([script, dir, "--timeout", "5"], root, 60_000);
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`error: the program in ${dir} did not finish within 5 s`);
      expect(run.leftovers).toBe(0);
    },
    timeout,
  );

  it(
    "runs a stack whose Pulumi.dev.yaml holds a list of objects, typed inside as the CLI passes it",
    async () => {
      const dir = program({
        "index.ts": [
          'import * as pulumi from "@pulumi/pulumi";',
          'import * as aws from "@pulumi/aws";',
          "interface TrailSettings { name: string; streamToLogs: boolean }",
          "const config = new pulumi.Config();",
          'const bucket = new aws.s3.Bucket("trail-logs", { forceDestroy: true });',
          'const logGroup = new aws.cloudwatch.LogGroup("cloudtrail", { retentionInDays: config.requireNumber("retentionDays") });',
          'for (const trail of config.requireObject<TrailSettings[]>("trails")) {',
          "  const logs = trail.streamToLogs",
          '    ? { cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`, cloudWatchLogsRoleArn: config.require("role") }',
          "    : {};",
          "  new aws.cloudtrail.Trail(trail.name, { s3BucketName: bucket.bucket, isMultiRegionTrail: true, ...logs });",
          "}",
          "",
        ].join("\n"),
      });
      // Anchors, a flow mapping, comments and a list of mappings: all ordinary YAML a stack file may hold.
      fs.writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        [
          "config:",
          "  aws:region: us-east-1",
          "  scratch:retentionDays: 365",
          "  scratch:role: &role arn:aws:iam::123456789012:role/cloudtrail-to-logs",
          "  scratch:trails:",
          "    - name: audit   # streams to CloudWatch Logs",
          "      streamToLogs: true",
          "    - {name: orphan, streamToLogs: false}",
          "  scratch:roles: [*role]",
          "",
        ].join("\n"),
      );
      const run = await runCli([dir, "--json"]);
      const doc = JSON.parse(run.stdout) as { diagnostics: { policyName: string; urn: string }[] };
      // `streamToLogs: false` must reach the program as the boolean false (the CLI passes structured config as
      // JSON of typed values), so only the orphan trail lacks CloudWatch Logs.
      const logs = doc.diagnostics.filter((d) => d.policyName === "cloudtrail-logs-to-cloudwatch");
      expect(logs.map((d) => d.urn)).toEqual(["urn:pulumi:dev::scratch::aws:cloudtrail/trail:Trail::orphan"]);
      expect(run.code).toBe(1);
    },
    timeout,
  );

  it(
    "names an invoke that needs AWS",
    async () => {
      const dir = program({
        "index.ts":
          'import * as aws from "@pulumi/aws";\nexport const ami = aws.ec2.getAmi({ mostRecent: true, owners: ["amazon"] }).then((a) => a.id);\n',
      });
      const run = await runCli([dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("aws:ec2/getAmi:getAmi");
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );

  it(
    "answers aws.getRegion from config",
    async () => {
      const dir = program({
        "index.ts": [
          'import * as aws from "@pulumi/aws";',
          "export const region = aws.getRegion().then((r) => {",
          "  new aws.sns.Topic(`alerts-${r.region}`);",
          "  return r.region;",
          "});",
          "",
        ].join("\n"),
      });
      const run = await runCli([dir, "--json"]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).resources).toBe(3); // stack, default provider, topic
    },
    timeout,
  );
});

describe("bad input: a clear message, a non-zero exit, no stack trace", () => {
  it.each([
    [["/nonexistent/program"], 2, "no such directory: /nonexistent/program"],
    [["--stack-export"], 2, "error: Option '--stack-export <value>' argument missing\n\nusage:"],
    [["--bogus"], 2, "error: Unknown option '--bogus'\n\nusage:"],
  ])(
    "%j",
    async (args, code, message) => {
      const run = await runCli(args);
      expect(run.code).toBe(code);
      expect(run.stderr).toContain(message);
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );

  it(
    "a directory without Pulumi.yaml",
    async () => {
      const run = await runCli([tempDir("empty-")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("has no Pulumi.yaml");
    },
    timeout,
  );

  it(
    "a Pulumi.dev.yaml that is not YAML, with its line and column",
    async () => {
      const dir = program({ "index.ts": "export {};\n" });
      fs.writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        "config:\n  aws:region: us-east-1\n    extra: indented too far\n",
      );
      const run = await runCli([dir]);
      expect(run.code).toBe(1);
      // Line 3 is the over-indented key, a mapping where a plain scalar already ended (YAML 1.2, 7.3.3).
      expect(run.stderr).toMatch(/Pulumi\.dev\.yaml:3:\d+: /);
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );

  it(
    "a policy config that fails the policies' schemas lists the problems",
    async () => {
      const dir = tempDir("config-");
      const file = path.join(dir, "bad.json");
      fs.writeFileSync(file, JSON.stringify({ "cloudtrail-changes-alarm": { maxPeriodSeconds: "five minutes" } }));
      const run = await runCli(["examples/compliant", "--policy-pack-config", file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("validating policy config");
      expect(run.stderr).toContain("maxPeriodSeconds");
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );

  it(
    "a policy config file that is not JSON",
    async () => {
      const dir = tempDir("config-");
      const file = path.join(dir, "bad.json");
      fs.writeFileSync(file, '{ "all": "mandatory", }');
      const run = await runCli(["examples/compliant", "--policy-pack-config", file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("bad.json");
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );

  it(
    "a malformed stack export, with the position of the JSON error",
    async () => {
      const file = path.join(tempDir("export-"), "stack.json");
      fs.writeFileSync(file, '{\n  "version": 3,\n  "deployment": { "resources": [ { "urn": } ] }\n}\n');
      const run = await runCli(["--stack-export", file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${file}:3:43: expected a value`);
      expectNoStackTrace(run.stderr);
    },
    timeout,
  );
});

describe("npm start -- --stack-export <file>", () => {
  it(
    "analyses deployed state (--json) and notes encrypted secrets on stderr",
    async () => {
      const file = path.join(tempDir("export-"), "stack.json");
      fs.writeFileSync(file, JSON.stringify(deployedExport({ encryptedEndpoint: true })));
      const run = await runCli(["--stack-export", file, "--json"]);
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout) as { diagnostics: unknown[]; resources: number; stack: string };
      expect(doc).toMatchObject({ diagnostics: [], resources: 8, stack: "prod" });
      expect(run.stderr).toContain("1 encrypted secret value(s)");
    },
    timeout,
  );
});
