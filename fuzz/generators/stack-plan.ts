/**
 * Random stack plans: what a stack holds and how each monitoring chain is (or is not) built, as choices fast-check
 * generates. `stack-builder.ts` turns a plan into the resources the engine would send. The choices cover both
 * providers, first preview and deployed state, every link of the chain (trail, log group, metric filter, alarm,
 * topic, subscription), what stands between an alarm and a person (KMS keys, aliases and key policies, mute rules,
 * composite alarms) and every control's pattern, broken or not.
 */
import fc from "fast-check";
import { allControls } from "../../lib/controls";
import { grammarPattern } from "./patterns";
import { mutatedPattern } from "../mutators/patterns";
import { compositeRule, keyPolicy, muteDates, muteSchedule } from "./routing-values";
import { unrelatedPlan, type UnrelatedPlan } from "./unrelated-resources";

export type Phase = "preview" | "deployed";
export type Family = "aws" | "native";

export interface TrailPlan {
  readonly logging: true | false | "absent";
  readonly multiRegion: true | false | "absent";
  readonly globalEvents: true | false | "absent";
  readonly selectors:
    "none" | "all" | "readOnly" | "noManagement" | "excludeCloudTrail" | "advancedData" | "advancedManagement";
  /** The trail's log group: linked to the chain's group, absent, or a group outside the stack (a literal ARN). */
  readonly delivers: "group" | "none" | "external";
}

export interface AlarmPlan {
  readonly statistic: string;
  readonly period: number;
  readonly threshold: number;
  readonly comparison: string;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number | "absent";
  /** `"absent"`: not set. */
  readonly treatMissingData: string;
  readonly actionsEnabled: boolean | "absent";
  /** Where the alarm's actions go: the chain's topic, a topic outside the stack, nowhere, another region's topic. */
  readonly actions: "topic" | "external" | "none" | "otherRegion" | "unknownList";
  readonly metricQuery: boolean;
  readonly dimensions: boolean;
}

export interface TopicPlan {
  readonly subscriptions: readonly string[];
  readonly pendingConfirmation: boolean;
  readonly encryption: "none" | "awsManaged" | "keyAllowing" | "keyDefault" | "aliasAllowing" | "keyPolicyResource";
}

export interface ChainPlan {
  readonly family: Family;
  /** The explicit provider (classic only; native chains use the native default provider). */
  readonly explicitProvider: boolean;
  readonly controlIndex: number;
  readonly trail: TrailPlan | undefined;
  readonly logGroupClass: "absent" | "STANDARD" | "INFREQUENT_ACCESS";
  readonly filter: boolean;
  readonly pattern: string;
  /** `"absent"`: not set. */
  readonly metricValue: string;
  /** The filter names its log group by the known name, or the name is computed (unknown at preview). */
  readonly groupByName: boolean;
  readonly alarm: AlarmPlan | undefined;
  readonly topic: TopicPlan | undefined;
  readonly mute: "none" | "activeWindow" | "pastWindow" | "futureWindow" | "yearly" | "targetsUnknown";
  readonly composite: "none" | "onAlarm" | "onAlarmAndOther";
  /** A JSON pattern gets a clause carrying a marker, so a secret pattern printed in a message can be found. */
  readonly markPattern: boolean;
  /** Values beyond the well-formed ones, when present: a composite rule (`{alarm}` stands for the alarm's name), a
   *  mute schedule and dates, a key policy. */
  readonly strange: StrangeValues | undefined;
}

export interface StrangeValues {
  readonly rule?: string;
  readonly schedule?: Record<string, unknown>;
  readonly dates?: Record<string, unknown>;
  readonly policy?: unknown;
}

export interface StackPlan {
  readonly phase: Phase;
  readonly region: string;
  readonly explicitRegion: string;
  readonly nativeRegion: string;
  readonly chains: readonly ChainPlan[];
  readonly unrelated: readonly UnrelatedPlan[];
}

const regions = ["us-east-1", "us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1"];

/** A pattern for the chain's control: prescribed, one event short, generated, mutated, or empty (matches all). */
function patternFor(controlIndex: number): fc.Arbitrary<string> {
  const control = allControls[controlIndex];
  const prescribed = control?.prescribedPatterns.map((p) => p.text) ?? [];
  const shortened = prescribed.map((text) => text.replace(/\|\|\s*\(\$\.eventName\s*=\s*[A-Za-z]+\)\s*\}\s*$/, "}"));
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...prescribed) },
    { weight: 2, arbitrary: fc.constantFrom(...shortened) },
    { weight: 2, arbitrary: grammarPattern },
    { weight: 2, arbitrary: mutatedPattern(prescribed) },
    { weight: 1, arbitrary: fc.constant("") },
  );
}

const trailPlan: fc.Arbitrary<TrailPlan> = fc.record({
  logging: fc.constantFrom(true, true, true, false, "absent" as const),
  multiRegion: fc.constantFrom(true, true, false, "absent" as const),
  globalEvents: fc.constantFrom(true, false, "absent" as const),
  selectors: fc.constantFrom(
    "none",
    "none",
    "none",
    "all",
    "readOnly",
    "noManagement",
    "excludeCloudTrail",
    "advancedData",
    "advancedManagement",
  ),
  delivers: fc.constantFrom("group", "group", "group", "group", "none", "external"),
});

const alarmPlan: fc.Arbitrary<AlarmPlan> = fc.record({
  statistic: fc.constantFrom("Sum", "Sum", "Sum", "SampleCount", "Average", "Maximum", "p99", ""),
  period: fc.constantFrom(60, 300, 300, 300, 3600, 10, 0),
  threshold: fc.constantFrom(1, 1, 1, 0, 2, 0.5, -1),
  comparison: fc.constantFrom(
    "GreaterThanOrEqualToThreshold",
    "GreaterThanOrEqualToThreshold",
    "GreaterThanThreshold",
    "LessThanThreshold",
    "LessThanLowerOrGreaterThanUpperThreshold",
  ),
  evaluationPeriods: fc.constantFrom(1, 1, 1, 2, 5),
  datapointsToAlarm: fc.constantFrom("absent" as const, "absent" as const, 1, 2),
  treatMissingData: fc.constantFrom("absent" as const, "missing", "notBreaching", "breaching", "ignore"),
  actionsEnabled: fc.constantFrom(true, true, "absent" as const, false),
  actions: fc.constantFrom("topic", "topic", "topic", "topic", "external", "none", "otherRegion", "unknownList"),
  metricQuery: fc.constantFrom(false, false, false, true),
  dimensions: fc.constantFrom(false, false, false, true),
});

const topicPlan: fc.Arbitrary<TopicPlan> = fc.record({
  subscriptions: fc.array(
    fc.constantFrom("email", "email", "https", "sms", "lambda", "sqs", "firehose", "application"),
    { maxLength: 2 },
  ),
  pendingConfirmation: fc.constantFrom(false, false, false, true),
  encryption: fc.constantFrom(
    "none",
    "none",
    "none",
    "awsManaged",
    "keyAllowing",
    "keyDefault",
    "aliasAllowing",
    "keyPolicyResource",
  ),
});

/** The CloudTrail-changes control half the time (the pack's four mandatory policies), any control otherwise. */
const controlIndex = fc.oneof(
  { weight: 1, arbitrary: fc.constant(allControls.findIndex((c) => c.id === "cloudtrail-changes")) },
  { weight: 1, arbitrary: fc.nat({ max: allControls.length - 1 }) },
);

/**
 * A chain built to meet the control (CIS remediation: a multi-region trail that logs to CloudWatch Logs, the
 * prescribed pattern with value 1, an alarm on Sum over 300 s at threshold 1 notifying a topic with an e-mail
 * subscriber), so that one mutation often makes the one difference between passing and failing.
 */
const cleanChain: fc.Arbitrary<ChainPlan> = controlIndex.chain((index) =>
  fc.record({
    family: fc.constantFrom<Family>("aws", "aws", "native"),
    explicitProvider: fc.constantFrom(false, false, true),
    controlIndex: fc.constant(index),
    trail: fc.constant<TrailPlan>({
      logging: true,
      multiRegion: true,
      globalEvents: true,
      selectors: "none",
      delivers: "group",
    }),
    logGroupClass: fc.constant("absent" as const),
    filter: fc.constant(true),
    pattern: fc.constantFrom(
      ...(allControls[index]?.prescribedPatterns.filter((p) => p.countsRoutineRecords !== true).map((p) => p.text) ?? [
        "",
      ]),
    ),
    metricValue: fc.constant("1"),
    groupByName: fc.boolean(),
    alarm: fc.record({
      statistic: fc.constant("Sum"),
      period: fc.constantFrom(60, 300),
      threshold: fc.constant(1),
      comparison: fc.constant("GreaterThanOrEqualToThreshold"),
      evaluationPeriods: fc.constant(1),
      datapointsToAlarm: fc.constant("absent" as const),
      treatMissingData: fc.constantFrom("absent" as const, "notBreaching", "missing"),
      actionsEnabled: fc.constantFrom(true, "absent" as const),
      actions: fc.constant("topic" as const),
      metricQuery: fc.constant(false),
      dimensions: fc.constant(false),
    }),
    topic: fc.record({
      subscriptions: fc.constant(["email"]),
      pendingConfirmation: fc.constant(false),
      encryption: fc.constantFrom("none" as const, "keyAllowing" as const, "awsManaged" as const),
    }),
    mute: fc.constant("none" as const),
    composite: fc.constant("none" as const),
    markPattern: fc.boolean(),
    strange: fc.constant(undefined),
  }),
);

const anyChain: fc.Arbitrary<ChainPlan> = controlIndex.chain((index) =>
  fc.record({
    family: fc.constantFrom<Family>("aws", "aws", "native"),
    explicitProvider: fc.constantFrom(false, false, true),
    controlIndex: fc.constant(index),
    trail: fc.option(trailPlan, { freq: 4 }).map((t) => t ?? undefined),
    logGroupClass: fc.constantFrom(
      "absent" as const,
      "absent" as const,
      "STANDARD" as const,
      "INFREQUENT_ACCESS" as const,
    ),
    filter: fc.constantFrom(true, true, true, true, false),
    pattern: patternFor(index),
    metricValue: fc.constantFrom("1", "1", "1", "1", "2", "$.count", "absent" as const),
    groupByName: fc.constantFrom(true, true, false),
    alarm: fc.option(alarmPlan, { freq: 6 }).map((a) => a ?? undefined),
    topic: fc.option(topicPlan, { freq: 6 }).map((t) => t ?? undefined),
    mute: fc.constantFrom(
      "none",
      "none",
      "none",
      "none",
      "activeWindow",
      "pastWindow",
      "futureWindow",
      "yearly",
      "targetsUnknown",
    ),
    composite: fc.constantFrom("none", "none", "none", "none", "onAlarm", "onAlarmAndOther"),
    markPattern: fc.constantFrom(false, false, true),
    strange: fc
      .option(
        fc.record(
          { rule: compositeRule("{alarm}"), schedule: muteSchedule, dates: muteDates, policy: keyPolicy },
          { requiredKeys: [] },
        ),
        { freq: 3 },
      )
      .map((strange) => strange ?? undefined),
  }),
);

const chainPlan: fc.Arbitrary<ChainPlan> = fc.oneof(anyChain, cleanChain);

/** A whole stack: phase, the providers' regions, zero to three chains and some unrelated resources. */
export const stackPlan: fc.Arbitrary<StackPlan> = fc.record({
  phase: fc.constantFrom<Phase>("preview", "deployed"),
  region: fc.constantFrom(...regions),
  explicitRegion: fc.constantFrom(...regions),
  nativeRegion: fc.constantFrom(...regions),
  chains: fc.array(chainPlan, { minLength: 0, maxLength: 3 }),
  unrelated: fc.array(unrelatedPlan, { maxLength: 4 }),
});
