/**
 * Acceptance: Pulumi programs written the way users write them (test/acceptance/programs/<name>/), each run as a
 * first `pulumi preview --policy-pack .` sees it (real @pulumi/pulumi runtime in dry-run, resources over real
 * gRPC to the compiled pack in bin/; build first with `npx tsc -p tsconfig.json`). Every program's expect.json
 * must match exactly what fired; the important ones also have hand-written message checks. One pack process
 * serves every program; programs run two at a time, all started once in `beforeAll`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readPolicyPackConfigFile } from "../../tools/engine";
import { PackSession, startPackSession } from "../../tools/runner/analyze";
import { checkProgram, CheckResult, checkStackExport } from "../../tools/runner/check";
import { toolRoot } from "../../tools/project-root";
import {
  exampleDirs,
  mapLimited,
  readExpectation,
  sameViolations,
  type ExpectedViolation,
} from "../../tools/runner/examples";
import { jsonReport, renderPolicies } from "../../tools/runner/report";

const root = toolRoot(__dirname);
const programsDir = path.join(__dirname, "programs");
const exportsDir = path.join(__dirname, "exports");
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

/** A program's run: its result, or the error that stopped it. */
type Outcome = { readonly result: CheckResult } | { readonly error: string };

let session: PackSession;
const outcomes = new Map<string, Outcome>();

/** Runs every program, two at a time, on the shared pack session. */
async function runAll(dirs: readonly string[]): Promise<void> {
  await mapLimited(dirs, 2, async (dir) => {
    const configFile = path.join(dir, "policy-config.json");
    const policyPackConfig = fs.existsSync(configFile) ? readPolicyPackConfigFile(configFile) : undefined;
    try {
      outcomes.set(path.basename(dir), {
        result: await checkProgram(dir, { packDir: root, session, output: sink, policyPackConfig }),
      });
    } catch (err) {
      outcomes.set(path.basename(dir), { error: err instanceof Error ? err.message : String(err) });
    }
  });
}

beforeAll(async () => {
  // As the shared examples runner does: no stack config in the pack, so every region must come from the resources.
  session = await startPackSession(root, { project: "acceptance", stack: "dev", config: {}, dryRun: true });
  await runAll(exampleDirs(programsDir));
}, 300_000);

afterAll(async () => {
  await session?.pack.close();
});

function resultOf(name: string): CheckResult {
  const outcome = outcomes.get(name);
  if (outcome === undefined) throw new Error(`program ${name} was not run`);
  if ("error" in outcome) throw new Error(`program ${name} failed to run: ${outcome.error}`);
  return outcome.result;
}

function fired(result: CheckResult): ExpectedViolation[] {
  return result.diagnostics.map((d) => ({
    policyName: d.policyName,
    enforcementLevel: d.enforcementLevel,
    resourceName: d.resourceName,
  }));
}

const key = (v: ExpectedViolation) => `${v.enforcementLevel} ${v.policyName} ${v.resourceName}`;

/** The message of the one diagnostic of `policy` on `resourceName`. */
function messageOf(result: CheckResult, policy: string, resourceName: string): string {
  const found = result.diagnostics.filter((d) => d.policyName === policy && d.resourceName === resourceName);
  expect(found).toHaveLength(1);
  return found[0].message;
}

describe("every program fires exactly what its expect.json says", () => {
  const names = exampleDirs(programsDir).map((dir) => path.basename(dir));
  it("has the programs", () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });
  it.each(names)("%s", (name) => {
    const result = resultOf(name);
    const expected = readExpectation(path.join(programsDir, name, "expect.json"));
    const actual = fired(result);
    if (!sameViolations(expected, actual)) {
      const detail = result.diagnostics.map((d) => `${key(d)}\n${d.message}`).join("\n\n");
      throw new Error(
        `expected [${expected.map(key).sort().join("; ")}]\nfired [${actual.map(key).sort().join("; ")}]\n\n${detail}`,
      );
    }
    // Nothing is silently downgraded: no "can't run policy ... during preview" advisory.
    expect(result.diagnostics.filter((d) => /can't run policy/.test(d.message))).toEqual([]);
  });
});

describe("messages say what is wrong", () => {
  it("an alarm in another region than the metric names both regions", () => {
    const message = messageOf(
      resultOf("literal-arn-alarm-other-region"),
      "cloudtrail-changes-alarm",
      "cloudtrail-changes",
    );
    expect(message).toContain("No CloudWatch alarm watches the metric LogMetrics/CloudTrailChangeCount");
    expect(message).toContain(
      'Alarm "cloudtrail-changes" watches that metric name in us-west-2, but the metric lives in us-east-1',
    );
  });

  it("a trail ARN copied from another region names the group and its region", () => {
    const message = messageOf(
      resultOf("literal-arn-wrong-region"),
      "cloudtrail-changes-metric-filter",
      "management-trail",
    );
    expect(message).toContain(
      'Log group "cloudtrail/management" in us-east-1 (not in this stack, written by trail "management-trail")',
    );
  });

  it("the unmonitored trail's log group, and the trail that never reaches CloudWatch Logs", () => {
    const result = resultOf("two-trails-one-monitored");
    expect(messageOf(result, "cloudtrail-changes-metric-filter", "regional-logs")).toContain(
      'Log group "regional-logs" has no metric filter counting CloudTrail configuration changes',
    );
    expect(messageOf(result, "cloudtrail-logs-to-cloudwatch", "archive")).toContain(
      "`cloudWatchLogsGroupArn` is not set",
    );
  });

  it.each([
    ["successful-only", "calls that fail, because of `$.errorCode NOT EXISTS`"],
    ["iam-users-only", "because of `$.userIdentity.type = IAMUser`"],
    ["typo", "misses all StopLogging calls"],
    ["lower-case", "differs only in case"],
    ["sql-or", "Invalid metric filter pattern"],
    ["counts-two", 'it publishes "2" per matching event instead of "1"'],
    ["counts-field", 'it publishes "$.requestParameters.count" per matching event'],
  ])("pattern variant %s", (unit, text) => {
    expect(messageOf(resultOf("pattern-variants"), "cloudtrail-changes-metric-filter", `${unit}-changes`)).toContain(
      text,
    );
  });

  it.each([
    ["two-periods", "evaluationPeriods is 2; use at most 1"],
    ["disabled", "its actions are disabled"],
    ["average", 'statistic is "Average"; use "Sum"'],
    ["hourly", "period is 3600 s; use at most 300"],
    ["gte-zero", "which a period without changes also reaches"],
    ["breaching", 'treatMissingData is "breaching"'],
    ["unit-mismatch", 'its unit is "Count" but the metric filter publishes "None"'],
    ["wrong-namespace", "No CloudWatch alarm watches the metric CloudTrailMetrics/TrailChanges-wrong-namespace"],
  ])("alarm variant %s", (team, text) => {
    expect(messageOf(resultOf("alarm-variants"), "cloudtrail-changes-alarm", `${team}-changes`)).toContain(text);
  });

  it.each([
    ["silent", 'topic "silent" has no subscription'],
    ["other-region", "is in eu-west-1, but the alarm is in us-east-1"],
    ["autoscaling", "is not an SNS topic"],
    ["ok-only", "has no ALARM actions"],
  ])("SNS variant %s", (team, text) => {
    expect(messageOf(resultOf("sns-variants"), "cloudtrail-changes-alarm-sns", `${team}-changes`)).toContain(text);
  });

  it("the alarm that fires in time must notify; a dashboard alarm without actions next to a notifying one is fine", () => {
    const result = resultOf("sns-alarm-choice");
    expect(messageOf(result, "cloudtrail-changes-alarm-sns", "late-changes")).toContain(
      'Alarm "late-changes" has no ALARM actions',
    );
    // Known limitation: a topic read with Topic.get looks like a topic of the stack without subscriptions.
    expect(messageOf(result, "cloudtrail-changes-alarm-sns", "read-topic-changes")).toContain(
      'topic "org-alerts" has no subscription',
    );
  });

  it.each([
    ["reads", 'its `eventSelectors` record no management write events (`readWriteType: "ReadOnly"`)'],
    ["objects", 'its `advancedEventSelectors` ("S3 object writes") select no management write events'],
  ])("trail %s records no CloudTrail changes, and no trail of the stack does", (trail, text) => {
    const message = messageOf(resultOf("trail-selectors"), "cloudtrail-logs-to-cloudwatch", trail);
    expect(message).toContain(text);
    expect(message).toContain("no trail of this stack does");
  });

  it("a configured log group without a filter is reported on the stack, by name", () => {
    const message = messageOf(
      resultOf("monitoring-only-wrong-group"),
      "cloudtrail-changes-metric-filter",
      "monitoring-only-wrong-group-dev",
    );
    expect(message).toContain('Log group "org-trail" (not in this stack, named in config) has no metric filter');
  });

  it("made-up invoke answers are noted", () => {
    expect(resultOf("registry-style-invokes").notes.join("\n")).toContain("placeholder account 123456789012");
  });
});

describe("secrets never reach the output", () => {
  const secrets = ["ops@example.com", "pd-token-7Q2XK9ZP4M", "AAABAHk3c2VjcmV0LXdlYmhvb2stY2lwaGVydGV4dA=="];
  it("neither the text report nor --json holds a secret", () => {
    const result = resultOf("secrets");
    expect(result.diagnostics).toHaveLength(1);
    const text = renderPolicies(result.analysis, result.diagnostics, ".") + result.notes.join("\n");
    const json = JSON.stringify(
      jsonReport(result.analysis, result.diagnostics, {
        project: result.project,
        stack: result.stack,
        notes: result.notes,
      }),
    );
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
    expect(result.notes.join("\n")).toContain("secrets:webhookUrl");
  });
});

describe("deployed state (stack export of trail-interpolate-email)", () => {
  const exportFile = path.join(exportsDir, "trail-interpolate-email.deployed.json");
  type Json = { [key: string]: unknown };
  function mutated(change: (resources: Json[]) => void): string {
    const doc = JSON.parse(fs.readFileSync(exportFile, "utf8")) as { deployment: { resources: Json[] } };
    change(doc.deployment.resources);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-export-")), "stack.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  }
  const byName = (resources: Json[], type: string) =>
    resources.find((r) => r.type === type) as { outputs: Json; inputs: Json };

  it("passes as deployed", async () => {
    const result = await checkStackExport(exportFile, { packDir: root, session });
    expect(result.resources).toHaveLength(14);
    expect(fired(result)).toEqual([]);
  }, 60_000);

  it("logging turned off after the deploy is caught on the trail", async () => {
    const file = mutated((resources) => {
      byName(resources, "aws:cloudtrail/trail:Trail").outputs.enableLogging = false;
    });
    const result = await checkStackExport(file, { packDir: root, session });
    expect(fired(result).map(key)).toEqual(["mandatory cloudtrail-logs-to-cloudwatch main-trail"]);
    expect(result.diagnostics[0].message).toContain("logging is turned off");
  }, 60_000);

  it("an alarm with a datapointsToAlarm of 2 out of 2 is caught", async () => {
    const file = mutated((resources) => {
      Object.assign(byName(resources, "aws:cloudwatch/metricAlarm:MetricAlarm").outputs, {
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
      });
    });
    const result = await checkStackExport(file, { packDir: root, session });
    expect(fired(result).map(key)).toEqual(["mandatory cloudtrail-changes-alarm cloudtrail-config-changes-alarm"]);
    expect(result.diagnostics[0].message).toContain("datapointsToAlarm is 2; use at most 1");
  }, 60_000);
});
