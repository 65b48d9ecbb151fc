/**
 * The English is the pack's user interface: what `pulumi preview` prints under each violation. The case tables
 * assert message ids and data; here whole messages are asserted, one or more per top-level message id of each
 * policy, through the path the engine takes (`createPolicy(...).validateStack`, findings rendered by the pack).
 * Each expected text is put together by hand from the templates (lib/checks/*.ts, lib/monitoring/*.ts,
 * lib/stack/chain.ts, lib/findings/common-messages.ts, policies/messages.ts) and the stack's values.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import * as alarmPolicy from "../../policies/cloudtrail-changes-alarm";
import * as snsPolicy from "../../policies/cloudtrail-changes-alarm-sns";
import * as metricFilterPolicy from "../../policies/cloudtrail-changes-metric-filter";
import * as logsPolicy from "../../policies/cloudtrail-logs-to-cloudwatch";
import { toStackPolicy } from "../../policies/common";
import { createMonitoredPolicy } from "../../policies/control-monitored";
import { iamPolicyChanges } from "../../lib/controls/iam-policy-changes";
import { cisMonitoringStack } from "../helpers/cis-fixtures";
import {
  addCompositeAlarm,
  addMuteRule,
  canonicalPattern,
  chainNames,
  chainWithAlarmInOregon,
  compliantStack,
  physicalNames,
  types,
  chainMetricAlarmSettings,
} from "../helpers/aws-fixtures";
import { runPolicy, secret, unknownValue, urnOf } from "../helpers/engine-resources";

const names = chainNames();
const physical = physicalNames();
const environment = { stackRegion: () => "us-east-1" };
const trailUrn = urnOf(types.trail, names.trail);
const groupUrn = urnOf(types.logGroup, names.logGroup);
const filterUrn = urnOf(types.metricFilter, names.filter);
const alarmUrn = urnOf(types.alarm, names.alarm);

/** The five calls CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 count, as messages list them. */
const fiveCalls = "CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging";
const notKnownTail = "is not known at preview (it is computed from another resource's output), so it can't be verified";

const lines = (...parts: string[]): string => parts.join("\n");

/** The metric filter fix on the stack's log group. */
const filterSnippet = lines(
  '  new aws.cloudwatch.LogMetricFilter("cloudtrail-changes", {',
  "    logGroupName: logGroup.name,",
  `    pattern: ${JSON.stringify(canonicalPattern)},`,
  '    metricTransformation: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" } })',
);

/** The alarm fix: Sum over 300 s, threshold 1 (CIS AWS Foundations 4.5), on the chain's metric. */
function alarmSnippet(nameSetting = ""): string {
  return lines(
    '  new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {',
    `    ${nameSetting}metricName: "CloudTrailChanges", namespace: "CloudTrailMetrics",`,
    '    statistic: "Sum", period: 300, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",',
    "    evaluationPeriods: 1, alarmActions: [topic.arn] })",
  );
}

const topicSnippet = lines(
  '  const topic = new aws.sns.Topic("security-alerts");',
  '  new aws.sns.TopicSubscription("security-team", { topic: topic.arn, protocol: "email", endpoint: "..." });',
  "  // and on the alarm: alarmActions: [topic.arn]",
);

describe("cloudtrail-logs-to-cloudwatch messages", () => {
  // Each policy is made before each test, not in the describe body: Stryker credits a mutant to the tests during
  // which its code ran (beforeEach runs inside its test); toStackPolicy run while the file is read is credited to none.
  let policy: StackValidationPolicy;
  beforeEach(() => {
    policy = logsPolicy.createPolicy(environment);
  });

  it("trail: every problem, then every fix", async () => {
    const stack = compliantStack().patch(names.trail, {
      cloudWatchLogsGroupArn: null,
      eventSelectors: [{ readWriteType: "ReadOnly" }],
    });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: trailUrn,
        message: lines(
          'Trail "trail": `cloudWatchLogsGroupArn` is not set, so its events never reach CloudWatch Logs; its `eventSelectors` ' +
            'record no management write events (`readWriteType: "ReadOnly"`), so it never records ' +
            `${fiveCalls} and no trail of this stack does: no metric filter or alarm can see CloudTrail configuration changes.`,
          "Fix: deliver the trail to a CloudWatch Logs log group and keep logging on, e.g.",
          '  new aws.cloudtrail.Trail("trail", { ..., cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,',
          "    cloudWatchLogsRoleArn: cloudTrailToLogsRole.arn, enableLogging: true })",
          "Fix: record management write events on at least one trail: remove the selectors (a trail records every " +
            'management event by default), or add `{ readWriteType: "All", includeManagementEvents: true }` to ' +
            '`eventSelectors`, or an advanced selector `{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }`',
        ),
      },
    ]);
  });

  it("trail, cis profile: each way the only trail falls short of the CIS audit trail, one after the other", async () => {
    const stack = compliantStack().patch(names.trail, { isMultiRegionTrail: false, enableLogging: false });
    expect(await runPolicy(policy, stack, { profile: "cis" })).toEqual([
      {
        urn: trailUrn,
        message: lines(
          'Trail "trail": logging is turned off (`enableLogging: false`); no trail of this stack is multi-region, ' +
            "logging and recording every management event, which the CIS audit requires; this one: it is not " +
            "multi-region (`isMultiRegionTrail` is not true); logging is off.",
          "Fix: deliver the trail to a CloudWatch Logs log group and keep logging on, e.g.",
          '  new aws.cloudtrail.Trail("trail", { ..., cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,',
          "    cloudWatchLogsRoleArn: cloudTrailToLogsRole.arn, enableLogging: true })",
          "Fix (CIS profile): make one trail multi-region and logging, recording every management event, e.g.",
          '  new aws.cloudtrail.Trail("trail", { ..., isMultiRegionTrail: true, enableLogging: true })  // and no event selectors',
        ),
      },
    ]);
  });

  it("trail: logging unknown at preview", async () => {
    const stack = compliantStack({ phase: "preview" }).patch(names.trail, { enableLogging: unknownValue.bool });
    const [reported] = await runPolicy(policy, stack);
    expect(reported.message.split("\n")[0]).toBe(`Trail "trail": \`enableLogging\` ${notKnownTail}.`);
  });
});

describe("cloudtrail-changes-metric-filter messages", () => {
  let policy: StackValidationPolicy;
  beforeEach(() => {
    policy = metricFilterPolicy.createPolicy(environment);
  });

  it("unresolvedTrail", async () => {
    expect(await runPolicy(policy, compliantStack({ phase: "preview" }).dependOn(names.trail, {}))).toEqual([
      {
        urn: trailUrn,
        message: lines(
          'Trail "trail": can\'t tell which log group it delivers to (`cloudWatchLogsGroupArn` is not known at preview and ' +
            "depends on no log group in the stack), so its metric filter can't be verified.",
          "Fix: set `cloudWatchLogsGroupArn` from a log group in this stack, e.g. pulumi.interpolate`${logGroup.arn}:*`, " +
            "or name the log group in this policy's `logGroupNames` config.",
        ),
      },
    ]);
  });

  it("noFilter: a log group of the stack", async () => {
    expect(await runPolicy(policy, compliantStack().remove(names.filter))).toEqual([
      {
        urn: groupUrn,
        message: lines(
          `Log group "trail-logs" has no metric filter counting CloudTrail configuration changes (${fiveCalls}).`,
          "Fix: add one, e.g.",
          filterSnippet,
        ),
      },
    ]);
  });

  it("noFilter: a log group outside the stack, by name and region, in the snippet by name", async () => {
    const stack = compliantStack().remove(names.logGroup).remove(names.filter).dependOn(names.trail, {});
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: trailUrn,
        message: lines(
          `Log group "${physical.logGroupName}" in us-east-1 (not in this stack, written by trail "trail") has no metric ` +
            `filter counting CloudTrail configuration changes (${fiveCalls}).`,
          "Fix: add one, e.g.",
          filterSnippet.replace("logGroupName: logGroup.name", `logGroupName: "${physical.logGroupName}"`),
        ),
      },
    ]);
  });

  it("possibleFilters", async () => {
    const stack = compliantStack({ phase: "preview" })
      .patch(names.filter, { logGroupName: unknownValue.string })
      .dependOn(names.filter, {});
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: groupUrn,
        message: lines(
          `Log group "trail-logs": metric filter "cloudtrail-changes-filter" may be on it, but their \`logGroupName\` ${notKnownTail}.`,
          "Fix: set `logGroupName` from the log group resource (e.g. `logGroupName: logGroup.name`).",
        ),
      },
    ]);
  });

  it("possibleFilters: the log group's own name not known (namePrefix), a filter naming a group literally", async () => {
    const stack = compliantStack({ phase: "preview" })
      .patch(names.logGroup, { name: unknownValue.string })
      .patch(names.filter, { logGroupName: physical.logGroupName })
      .dependOn(names.filter, {});
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: groupUrn,
        message: lines(
          `Log group "trail-logs": metric filter "cloudtrail-changes-filter" may be on it, but its name ${notKnownTail}.`,
          "Fix: set `logGroupName` from the log group resource (e.g. `logGroupName: logGroup.name`).",
        ),
      },
    ]);
  });

  it("filterFails: a secret pattern the engine can't decide is not quoted, nor is the clause to blame", async () => {
    // A `*` inside a value (`Create*Trail`): older CloudWatch Logs docs call such a `*` literal, current ones are silent.
    const pattern =
      "{ ($.eventName = Create*Trail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || " +
      "($.eventName = StartLogging) || ($.eventName = StopLogging) }";
    const stack = compliantStack().patch(names.filter, { pattern: secret(pattern) });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: filterUrn,
        message: lines(
          'Metric filter "cloudtrail-changes-filter" on log group "trail-logs": it can\'t be verified that its pattern ' +
            "[secret] catches every CloudTrail configuration change: it depends on a rule AWS does not document.",
          'Fix: count every CloudTrail configuration change with value "1", e.g.',
          filterSnippet,
        ),
      },
    ]);
  });

  it("filterFails: a secret pattern that misses calls names the calls, not the clause to blame", async () => {
    // Only three of the five calls CIS AWS Foundations 4.5 counts: StartLogging and StopLogging are never counted.
    const pattern = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }";
    const stack = compliantStack().patch(names.filter, { pattern: secret(pattern) });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: filterUrn,
        message: lines(
          'Metric filter "cloudtrail-changes-filter" on log group "trail-logs": its pattern [secret] misses ' +
            "StartLogging calls, StopLogging calls (which clause is to blame is not shown: the pattern is a secret).",
          'Fix: count every CloudTrail configuration change with value "1", e.g.',
          filterSnippet,
        ),
      },
    ]);
  });

  it("filterFails: a secret pattern that would fail to deploy is not quoted, nor is the parser's error", async () => {
    // The missing closing brace: CloudWatch Logs rejects such a pattern at PutMetricFilter.
    const stack = compliantStack().patch(names.filter, { pattern: secret("{ $.eventName = CreateTrail") });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: filterUrn,
        message: lines(
          'Metric filter "cloudtrail-changes-filter" on log group "trail-logs": its pattern is invalid and would fail ' +
            "to deploy: Invalid metric filter pattern.",
          'Fix: count every CloudTrail configuration change with value "1", e.g.',
          filterSnippet,
        ),
      },
    ]);
  });

  it("filterFails: a secret metric value other than 1 is not printed", async () => {
    const stack = compliantStack().patch(names.filter, {
      metricTransformation: secret({ name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "2" }),
    });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: filterUrn,
        message: lines(
          'Metric filter "cloudtrail-changes-filter" on log group "trail-logs": it publishes [secret] per matching event ' +
            'instead of "1", so an alarm on a Sum of 1 would not count each change.',
          'Fix: count every CloudTrail configuration change with value "1", e.g.',
          filterSnippet,
        ),
      },
    ]);
  });

  it("filterFails: the subject in mid-sentence starts lower-case", async () => {
    const stack = compliantStack().patch(names.filter, {
      metricTransformation: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "2" },
    });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: filterUrn,
        message: lines(
          'Metric filter "cloudtrail-changes-filter" on log group "trail-logs": it publishes "2" per matching event instead ' +
            'of "1", so an alarm on a Sum of 1 would not count each change.',
          'Fix: count every CloudTrail configuration change with value "1", e.g.',
          filterSnippet,
        ),
      },
    ]);
  });
});

describe("cloudtrail-changes-alarm messages", () => {
  let policy: StackValidationPolicy;
  beforeEach(() => {
    policy = alarmPolicy.createPolicy(environment);
  });

  it("unknownMetric", async () => {
    const stack = compliantStack({ phase: "preview" }).patch(names.filter, {
      metricTransformation: { name: unknownValue.string, namespace: "CloudTrailMetrics", value: "1" },
    });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: filterUrn,
        message: lines(
          `Metric filter "cloudtrail-changes-filter": the metric it publishes (\`metricTransformation\` name or namespace) ${notKnownTail}, ` +
            "nor which alarm watches it.",
          "Fix: give the metric a literal name and namespace.",
        ),
      },
    ]);
  });

  it("noAlarm, naming the alarm in another region", async () => {
    expect(await runPolicy(policy, chainWithAlarmInOregon())).toEqual([
      {
        urn: filterUrn,
        message: lines(
          'No CloudWatch alarm watches the metric CloudTrailMetrics/CloudTrailChanges (published by metric filter "cloudtrail-changes-filter" ' +
            'in us-east-1), so CloudTrail configuration changes raise no alarm. Alarm "west-alarm" watches that metric name in ' +
            "us-west-2, but the metric lives in us-east-1.",
          "Fix: add an alarm in us-east-1, e.g.",
          alarmSnippet(),
        ),
      },
    ]);
  });

  it("noAlarm: one sentence per alarm in another region, each after the last (the pack reads resources in URN order)", async () => {
    const alarmIn = (region: string) => ({
      name: `changes-${region}`,
      ...chainMetricAlarmSettings(),
      alarmActions: [],
      region,
    });
    const stack = compliantStack()
      .provider("oregon", { region: "us-west-2" })
      .provider("ireland", { region: "eu-west-1" })
      .remove(names.alarm)
      .add(types.alarm, "west-alarm", alarmIn("us-west-2"), { provider: "oregon" })
      .add(types.alarm, "ireland-alarm", alarmIn("eu-west-1"), { provider: "ireland" });
    const [reported] = await runPolicy(policy, stack);
    expect(reported.message.split("\n")[0]).toBe(
      'No CloudWatch alarm watches the metric CloudTrailMetrics/CloudTrailChanges (published by metric filter "cloudtrail-changes-filter" ' +
        'in us-east-1), so CloudTrail configuration changes raise no alarm. Alarm "ireland-alarm" watches that metric name in ' +
        'eu-west-1, but the metric lives in us-east-1. Alarm "west-alarm" watches that metric name in us-west-2, but ' +
        "the metric lives in us-east-1.",
    );
  });

  it("possibleAlarms", async () => {
    const stack = compliantStack({ phase: "preview" }).patch(names.alarm, { metricName: unknownValue.string });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Metric CloudTrailMetrics/CloudTrailChanges (metric filter "cloudtrail-changes-filter"): alarm "cloudtrail-changes-alarm" ' +
            `may watch it, but their metric name, namespace or region ${notKnownTail}.`,
          "Fix: give the alarm a literal `metricName` and `namespace` and keep it in the metric's region.",
        ),
      },
    ]);
  });

  it("alarmFails: every problem, and the required name in the snippet", async () => {
    const stack = compliantStack().patch(names.alarm, { statistic: "Average" });
    expect(await runPolicy(policy, stack, { requireAlarmName: true })).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" watches CloudTrailMetrics/CloudTrailChanges but would not fire on a single ' +
            'CloudTrail configuration change within 300 s: its name is "cloudtrail-changes-alarm-1a2b"; name it ' +
            '"CloudTrail Changes"; statistic is "Average"; use "Sum".',
          "Fix: e.g.",
          alarmSnippet('name: "CloudTrail Changes", '),
        ),
      },
    ]);
  });

  it("alarmFails: a metric sent as a secret prints as [secret], in the sentence and in the fix", async () => {
    // CIS AWS Foundations 4.5's remediation names: metric `<cloudtrail_cfg_changes_metric>`, namespace `CISBenchmark`.
    const metric = { name: "cloudtrail_cfg_changes_metric", namespace: "CISBenchmark" };
    const stack = compliantStack()
      .patch(names.filter, {
        metricTransformation: secret({ ...metric, value: "1", defaultValue: "", unit: "", dimensions: {} }),
      })
      .patch(names.alarm, { metricName: metric.name, namespace: metric.namespace, period: 3600 });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" watches [secret]/[secret] but would not fire on a single CloudTrail ' +
            "configuration change within 300 s: period is 3600 s; use at most 300.",
          "Fix: e.g.",
          '  new aws.cloudwatch.MetricAlarm("cloudtrail-changes", {',
          "    metricName: [secret], namespace: [secret],",
          '    statistic: "Sum", period: 300, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",',
          "    evaluationPeriods: 1, alarmActions: [topic.arn] })",
        ),
      },
    ]);
  });

  it("alarmFails: a metric filter with dimensions of its own", async () => {
    const stack = compliantStack().patch(names.filter, {
      metricTransformation: {
        name: physical.metricName,
        namespace: physical.namespace,
        value: "1",
        unit: "",
        defaultValue: "",
        dimensions: { EventName: "$.eventName" },
      },
    });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" watches CloudTrailMetrics/CloudTrailChanges but would not fire on a single ' +
            "CloudTrail configuration change within 300 s: the metric filter publishes one series per value of its " +
            'dimensions {"EventName":"$.eventName"}, so an alarm on one series misses the changes counted in the ' +
            "others; remove `dimensions` from the metric filter.",
          "Fix: e.g.",
          alarmSnippet(),
        ),
      },
    ]);
  });

  it("alarmFails: a metric-math expression sent as a secret is not printed", async () => {
    const metric = { metricName: physical.metricName, namespace: physical.namespace, period: 300, stat: "Sum" };
    const stack = compliantStack().patch(names.alarm, {
      metricName: "",
      namespace: "",
      statistic: "",
      period: 0,
      metricQueries: secret([
        { id: "m1", returnData: false, metric },
        { id: "e1", returnData: true, expression: "m1 * 2" },
      ]),
    });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" watches CloudTrailMetrics/CloudTrailChanges but would not fire on a single ' +
            "CloudTrail configuration change within 300 s: it alarms on the metric-math expression [secret], which " +
            "this policy does not judge; alarm on the metric itself (metricName, namespace, statistic, period).",
          "Fix: e.g.",
          alarmSnippet(),
        ),
      },
    ]);
  });

  it("alarmFails: a configured longest period, in the sentence and in the fix", async () => {
    // The policy's `maxPeriodSeconds` (here one minute) replaces CIS's 300 s in the judgement and in the snippet.
    expect(await runPolicy(policy, compliantStack(), { maxPeriodSeconds: 60 })).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" watches CloudTrailMetrics/CloudTrailChanges but would not fire on a single ' +
            "CloudTrail configuration change within 60 s: period is 300 s; use at most 60.",
          "Fix: e.g.",
          alarmSnippet().replace("period: 300,", "period: 60,"),
        ),
      },
    ]);
  });

  it("alarmFails: a period sent as a secret prints as [secret]", async () => {
    const stack = compliantStack().patch(names.alarm, { period: secret(3600) });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" watches CloudTrailMetrics/CloudTrailChanges but would not fire on a single ' +
            "CloudTrail configuration change within 300 s: period is [secret] s; use at most 300.",
          "Fix: e.g.",
          alarmSnippet(),
        ),
      },
    ]);
  });

  it("invalidConfig: one line per problem", async () => {
    expect(await runPolicy(policy, compliantStack(), { maxPeriodSeconds: "300", statistic: "Median" })).toEqual([
      {
        urn: undefined,
        message: lines(
          'Invalid configuration for policy "cloudtrail-changes-alarm":',
          '  - `statistic` must be one of "Sum", "SampleCount", "Average", "Minimum", "Maximum", got "Median"',
          '  - `maxPeriodSeconds` must be an integer, got "300"',
          "Fix the policy pack config file.",
        ),
      },
    ]);
  });
});

describe("cloudtrail-changes-alarm-sns messages", () => {
  let policy: StackValidationPolicy;
  beforeEach(() => {
    policy = snsPolicy.createPolicy(environment);
  });

  it("noActions", async () => {
    const stack = compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {});
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" has no ALARM actions, so nobody hears of CloudTrail configuration changes.',
          "Fix: notify an SNS topic with a subscriber, e.g.",
          topicSnippet,
        ),
      },
    ]);
  });

  it("noActions: why each composite alarm over it does not carry it, one after the other", async () => {
    let stack = compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {});
    for (const [name, options] of [
      ["composite-disabled", { actionsEnabled: false, alarmActions: [physical.topicArn] }],
      ["composite-silent", { alarmActions: [] }],
    ] as const) {
      stack = addCompositeAlarm(stack, name, {
        phase: "deployed",
        alarmRule: 'ALARM("cloudtrail-changes-alarm-1a2b")',
        ruleFrom: [names.alarm],
        ...options,
      });
    }
    const [reported] = await runPolicy(policy, stack);
    expect(reported.message.split("\n")[0]).toBe(
      'Alarm "cloudtrail-changes-alarm" has no ALARM actions, so nobody hears of CloudTrail configuration changes; ' +
        'composite alarm "composite-disabled" does not carry it: its actions are disabled (`actionsEnabled: false`); ' +
        'composite alarm "composite-silent" does not carry it: it has no ALARM actions either.',
    );
  });

  it("alarmMuted: one problem per mute rule on the alarm, one after the other", async () => {
    // 1 December 2026, noon UTC: both rules are in force (the nightly window of the provider's example).
    const nightly = { phase: "deployed", duration: "PT4H", timezone: "Europe/Paris", status: "SCHEDULED" } as const;
    let stack = compliantStack();
    for (const [name, expression] of [
      ["nightly-mute", "cron(0 2 * * *)"],
      ["weekend-mute", "cron(0 2 * * SAT)"],
    ] as const) {
      stack = addMuteRule(stack, name, {
        ...nightly,
        expression,
        alarmNames: ["cloudtrail-changes-alarm-1a2b"],
        targetsFrom: [names.alarm],
      });
    }
    const muting = toStackPolicy(snsPolicy.definition, { ...environment, now: () => new Date("2026-12-01T12:00:00Z") });
    const [reported] = await runPolicy(muting, stack);
    expect(reported.message.split("\n")[0]).toBe(
      'Alarm "cloudtrail-changes-alarm" notifies a subscribed SNS topic, but it is muted by mute rule "nightly-mute" ' +
        "(cron(0 2 * * *) for PT4H, Europe/Paris), so a change made then notifies nobody; it is muted by mute rule " +
        '"weekend-mute" (cron(0 2 * * SAT) for PT4H, Europe/Paris), so a change made then notifies nobody.',
    );
  });

  it("alarmMuted: a mute rule whose schedule is a secret, not printed", async () => {
    const stack = addMuteRule(compliantStack(), "nightly-mute", {
      phase: "deployed",
      expression: "cron(0 2 * * *)",
      duration: "PT4H",
      timezone: "Europe/Paris",
      status: "SCHEDULED",
      alarmNames: ["cloudtrail-changes-alarm-1a2b"],
      targetsFrom: [names.alarm],
    }).patch("nightly-mute", {
      rule: secret({ schedule: { expression: "cron(0 2 * * *)", duration: "PT4H", timezone: "Europe/Paris" } }),
    });
    const muting = toStackPolicy(snsPolicy.definition, { ...environment, now: () => new Date("2026-12-01T12:00:00Z") });
    expect(await runPolicy(muting, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" notifies a subscribed SNS topic, but it is muted by mute rule "nightly-mute" ' +
            "(its schedule is a secret), so a change made then notifies nobody.",
          "Fix: take the alarm out of the mute rule's `muteTargets` (or delete the rule): CloudTrail configuration " +
            "changes must be heard at any hour",
        ),
      },
    ]);
  });

  it("noGoodTopic: the Topic.get hint when the topic's ARN is known", async () => {
    expect(await runPolicy(policy, compliantStack().remove(names.subscription))).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" notifies no SNS topic that reaches anyone: topic "cloudtrail-changes-topic" has no ' +
            "subscription (if it is read with `aws.sns.Topic.get`, its subscriptions are out of sight: drop the `get` and put " +
            "its ARN in `alarmActions` as a string).",
          "Fix: notify an SNS topic in the alarm's region with a subscriber, e.g.",
          topicSnippet,
        ),
      },
    ]);
  });

  it("noGoodTopic: why a key policy sent as a secret denies CloudWatch is not printed", async () => {
    const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    // What a key created without a policy has: the account may use IAM policies (KMS developer guide, "Default
    // key policy"); no statement names cloudwatch.amazonaws.com.
    const defaultPolicy = {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Enable IAM User Permissions",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "kms:*",
          Resource: "*",
        },
      ],
    };
    const stack = compliantStack()
      .add(types.kmsKey, "alarm-key", {
        policy: secret(JSON.stringify(defaultPolicy)),
        arn: keyArn,
        keyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
        region: "us-east-1",
      })
      .patch(names.topic, { kmsMasterKeyId: keyArn });
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" notifies no SNS topic that reaches anyone: topic "cloudtrail-changes-topic" ' +
            `is encrypted with "${keyArn}", whose key policy does not let CloudWatch use it (the key policy is a ` +
            "secret, so the reason is not shown), so alarms can't publish to it; allow `cloudwatch.amazonaws.com` " +
            "kms:Decrypt and kms:GenerateDataKey* in the key policy.",
          "Fix: notify an SNS topic in the alarm's region with a subscriber, e.g.",
          topicSnippet,
        ),
      },
    ]);
  });

  it("noGoodTopic: one problem per action, separated by semicolons", async () => {
    const otherRegion = "arn:aws:sns:eu-west-1:123456789012:security-alerts";
    const stack = compliantStack()
      .patch(names.alarm, { alarmActions: ["arn:aws:automate:us-east-1:ec2:stop", otherRegion] })
      .dependOn(names.alarm, {});
    const [reported] = await runPolicy(policy, stack);
    expect(reported.message.split("\n")[0]).toBe(
      'Alarm "cloudtrail-changes-alarm" notifies no SNS topic that reaches anyone: action "arn:aws:automate:us-east-1:ec2:stop" ' +
        `is not an SNS topic; topic "${otherRegion}" is in eu-west-1, but the alarm is in us-east-1.`,
    );
  });
});

describe("iam-policy-changes-monitored messages", () => {
  let policy: StackValidationPolicy;
  beforeEach(() => {
    policy = createMonitoredPolicy(iamPolicyChanges, environment);
  });

  it("trail: whether it records the changes where they land is not known at preview", async () => {
    const stack = cisMonitoringStack().patch(names.trail, { includeGlobalServiceEvents: unknownValue.bool });
    // The sixteen calls of CIS AWS Foundations 4.4 (IAM policy changes), in the benchmark's order.
    const calls =
      "DeleteGroupPolicy, DeleteRolePolicy, DeleteUserPolicy, PutGroupPolicy, PutRolePolicy, PutUserPolicy, " +
      "CreatePolicy, DeletePolicy, CreatePolicyVersion, DeletePolicyVersion, AttachRolePolicy, DetachRolePolicy, " +
      "AttachUserPolicy, DetachUserPolicy, AttachGroupPolicy, DetachGroupPolicy";
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: trailUrn,
        message: lines(
          `Trail "trail": whether it records ${calls} where they land (its \`includeGlobalServiceEvents\`, ` +
            `\`isMultiRegionTrail\` or region) ${notKnownTail}, and no trail of this stack certainly records them.`,
          "Fix: record global service events on a multi-region trail: `isMultiRegionTrail: true`, and leave " +
            "`includeGlobalServiceEvents` at its default `true`",
        ),
      },
    ]);
  });
});

describe("cloudtrail-changes-alarm-sns messages: composite alarms", () => {
  let policy: StackValidationPolicy;
  beforeEach(() => {
    policy = snsPolicy.createPolicy(environment);
  });

  it("noActions: a composite that notifies nobody, its problems separated by semicolons", async () => {
    const otherRegion = "arn:aws:sns:eu-west-1:123456789012:security-alerts";
    const stack = addCompositeAlarm(
      compliantStack().patch(names.alarm, { alarmActions: [] }).dependOn(names.alarm, {}),
      "changes-composite",
      {
        phase: "deployed",
        alarmRule: 'ALARM("cloudtrail-changes-alarm-1a2b")',
        alarmActions: ["arn:aws:automate:us-east-1:ec2:stop", otherRegion],
      },
    );
    expect(await runPolicy(policy, stack)).toEqual([
      {
        urn: alarmUrn,
        message: lines(
          'Alarm "cloudtrail-changes-alarm" has no ALARM actions, so nobody hears of CloudTrail configuration changes; ' +
            'composite alarm "changes-composite" does not carry it: it notifies nobody either (action ' +
            `"arn:aws:automate:us-east-1:ec2:stop" is not an SNS topic; topic "${otherRegion}" is in eu-west-1, but ` +
            "the alarm is in us-east-1).",
          "Fix: notify an SNS topic with a subscriber, e.g.",
          topicSnippet,
        ),
      },
    ]);
  });
});

describe("the wrapper's messages", () => {
  it("internalError: a check that throws is reported against the stack, never thrown into the SDK", async () => {
    const broken = toStackPolicy(
      {
        ...logsPolicy.definition,
        name: "broken",
        check: () => {
          throw new Error("boom");
        },
      },
      environment,
    );
    expect(await runPolicy(broken, compliantStack())).toEqual([
      { urn: undefined, message: 'Internal error in policy "broken": boom. Please report it.' },
    ]);
  });
});
