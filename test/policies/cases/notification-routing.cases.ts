/**
 * cloudtrail-changes-alarm-sns: what stands between a firing alarm and a person besides its topic. Alarm mute rules
 * silence their target alarms' actions during their schedule (CloudWatch user guide, "Alarm mute rules"); a
 * composite alarm may carry a metric alarm without working actions of its own, when its rule is certainly true
 * whenever that alarm is in ALARM and it notifies someone itself (CloudWatch API, PutCompositeAlarm). Both
 * providers, at the first preview and deployed. Rows that involve a mute rule pin the preview's time.
 */
import {
  account,
  addCompositeAlarm,
  addMuteRule,
  chainNames,
  compliantStack,
  computedIn,
  physicalNames,
  types,
  type CompositeAlarmOptions,
  type MuteRuleOptions,
  type Phase,
} from "../../helpers/aws-fixtures";
import {
  addNativeCompositeAlarm,
  addNativeMuteRule,
  compliantNativeStack,
  nativePhysicalNames,
  nativeTypes,
} from "../../helpers/aws-native-fixtures";
import { StackFixture, unknownValue } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";
import { alarmMuted, noActions, noGoodTopic } from "./notification-findings";

const names = chainNames();
const physical = physicalNames();
const native = nativePhysicalNames();
/** The classic chain's alarm name (auto-named, known at preview) and ARN. */
const alarmName = "cloudtrail-changes-alarm-1a2b";
const alarmArn = `arn:aws:cloudwatch:us-east-1:${account}:alarm:${alarmName}`;

/** When the preview runs, for every row with a mute rule: 1 December 2026, noon UTC (13:00 in Paris). */
const now = "2026-12-01T12:00:00Z";

// ------------------------------------------------------------------------------------------------ mute rules

const rule = "maintenance-mute";
const muteRule = namedResource("mute rule", rule);

/** A rule's schedule, dates and targets; the phase and the target's dependency are the row's. */
type MuteSettings = Omit<MuteRuleOptions, "phase" | "targetsFrom">;

/** The nightly window of the provider's example: every day at 02:00 for four hours, in Paris time. */
const nightly: MuteSettings = {
  expression: "cron(0 2 * * *)",
  duration: "PT4H",
  timezone: "Europe/Paris",
  status: "SCHEDULED",
};

/** A classic chain with a mute rule on the chain's alarm (`muteTargets: { alarmNames: [alarm.name] }` by default). */
function classicMuted(phase: Phase, settings: MuteSettings, region = "us-east-1"): StackFixture {
  const alarmNames = "alarmNames" in settings ? settings.alarmNames : [alarmName];
  const targetsFrom = alarmNames === undefined ? undefined : [names.alarm];
  return addMuteRule(compliantStack({ phase }), rule, { ...settings, phase, alarmNames, targetsFrom }, region);
}

/** A native chain with a mute rule on the chain's alarm. */
function nativeMuted(phase: Phase, settings: MuteSettings): StackFixture {
  const alarmNames = "alarmNames" in settings ? settings.alarmNames : [native.alarmName];
  const targetsFrom = alarmNames === undefined ? undefined : [names.alarm];
  return addNativeMuteRule(compliantNativeStack({ phase }), rule, { ...settings, phase, alarmNames, targetsFrom });
}

const muted = (schedule: string) => ({ id: "muted", rule: muteRule, schedule });
const unclear = (why: PlainDatum) => ({ id: "muteRuleUnclear", rule: muteRule, why });
const mayMute = (what: string) => ({ id: "muteTargetsUnknown", rule: muteRule, unknown: notKnown({ id: what }) });

// ------------------------------------------------------------------------------------------ composite alarms

const composite = "cloudtrail-changes-composite";
const compositeAlarm = namedResource("composite alarm", composite);

/** A composite's rule and settings; by default it notifies the chain's topic and its rule names the chain's alarm. */
type CompositeSettings = Omit<CompositeAlarmOptions, "phase" | "alarmActions"> & {
  readonly alarmActions?: readonly string[];
};

/** A classic chain whose alarm has no actions of its own, and a composite alarm over it. */
function classicComposite(phase: Phase, settings: CompositeSettings): StackFixture {
  const fixture = compliantStack({ phase })
    .patch(names.alarm, { alarmActions: phase === "preview" ? null : [] })
    .dependOn(names.alarm, {});
  return addCompositeAlarm(fixture, composite, {
    ruleFrom: [names.alarm],
    ...settings,
    phase,
    alarmActions: settings.alarmActions ?? [computedIn(phase, physical.topicArn)],
    actionsFrom: settings.alarmActions === undefined ? [names.topic] : [],
  });
}

/** A native chain whose alarm has no actions of its own, and a composite alarm over it. */
function nativeComposite(phase: Phase, settings: CompositeSettings): StackFixture {
  const fixture = compliantNativeStack({ phase }).patch(names.alarm, { alarmActions: null }).dependOn(names.alarm, {});
  return addNativeCompositeAlarm(fixture, composite, {
    ruleFrom: [names.alarm],
    ...settings,
    phase,
    alarmActions: settings.alarmActions ?? [computedIn(phase, native.topicArn)],
    actionsFrom: settings.alarmActions === undefined ? [names.topic] : [],
  });
}

/** `ALARM("name")`, as `pulumi.interpolate` writes it from the alarm's name. */
const alarmOf = (name: string) => `ALARM("${name}")`;

/** The composite does not carry the alarm, for `why`; as `noActions` shows it (`; <notes>`). */
const doesNotCarry = (why: PlainDatum) => ({ id: "compositeDoesNotCarry", composite: compositeAlarm, why });
const notes = (...items: PlainDatum[]) => ({ id: "compositeNotes", notes: items });
const ruleNo = (reason: PlainDatum) => ({ id: "ruleNotCertain", verdict: { id: "ruleVerdictNo" }, reason });
const ruleUnknown = (reason: PlainDatum) => ({ id: "ruleNotCertain", verdict: { id: "ruleVerdictUnknown" }, reason });

/**
 * With `AND`, or under `NOT`, the rule is false in some state of the other alarms while the watched one is in
 * ALARM: "ALARM(x) AND ALARM(y)" needs y in ALARM too; "NOT ALARM(x)" is false exactly when x is in ALARM.
 */
const stillFalse: PlainDatum = expect.stringContaining("is in ALARM the rule is still false");

export const notificationRoutingCases: PolicyCases = {
  valid: [
    // Mute rules that can't mute the alarm.
    {
      name: "aws: mute rule expired (deployed, status EXPIRED)",
      stack: () =>
        classicMuted("deployed", {
          ...nightly,
          startDate: "2026-01-01T00:00:00Z",
          expireDate: "2026-06-30T23:59:00Z",
          status: "EXPIRED",
        }),
      now,
    },
    {
      name: "aws: mute rule whose expireDate has passed (preview, status unknown)",
      stack: () =>
        classicMuted("preview", { ...nightly, startDate: "2026-01-01T00:00:00Z", expireDate: "2026-06-30T23:59:00Z" }),
      now,
    },
    {
      // 10 January 2026 00:00 to 04:00 Paris time: long before the pinned 1 December 2026.
      name: "aws: one-time window at(2026-01-10T00:00) for PT4H, over (preview)",
      stack: () =>
        classicMuted("preview", { expression: "at(2026-01-10T00:00)", duration: "PT4H", timezone: "Europe/Paris" }),
      now,
    },
    {
      name: "aws: mute rule on another alarm",
      stack: () => classicMuted("deployed", { ...nightly, alarmNames: ["ec2-cpu-high"] }),
      now,
    },
    {
      // What a rule without targets mutes is documented nowhere; targets are "the alarms whose actions will be muted".
      name: "aws: mute rule without muteTargets mutes nothing",
      stack: () => classicMuted("deployed", { ...nightly, alarmNames: undefined }),
      now,
    },
    {
      // A rule mutes alarms by name in its own region (the provider manages it in its `region`).
      name: "aws: mute rule of the same alarm name in another region",
      stack: () => classicMuted("deployed", nightly, "eu-west-1"),
      now,
    },
    {
      name: "aws-native: one-time window at(2026-01-10T00:00) for PT4H, over (preview, UTC)",
      stack: () => nativeMuted("preview", { expression: "at(2026-01-10T00:00)", duration: "PT4H" }),
      now,
    },
    {
      name: "aws-native: mute rule whose expireDate has passed (deployed, status EXPIRED)",
      stack: () => nativeMuted("deployed", { ...nightly, expireDate: "2026-06-30T23:59", status: "EXPIRED" }),
      now,
    },
    // Composite alarms that carry the silent metric alarm (default, semantic profile).
    {
      name: 'aws: composite ALARM("x") carries the alarm (deployed)',
      stack: () => classicComposite("deployed", { alarmRule: alarmOf(alarmName) }),
    },
    {
      name: 'aws: composite ALARM("x") carries the alarm (preview)',
      stack: () => classicComposite("preview", { alarmRule: alarmOf(alarmName) }),
    },
    {
      name: "aws: composite ALARM(x) OR ALARM(y) carries x",
      stack: () => classicComposite("deployed", { alarmRule: `${alarmOf(alarmName)} OR ALARM("root-account-usage")` }),
    },
    {
      name: "aws: composite naming the alarm by ARN",
      stack: () => classicComposite("deployed", { alarmRule: alarmOf(alarmArn) }),
    },
    {
      name: 'aws-native: composite ALARM("x") carries the alarm (deployed)',
      stack: () => nativeComposite("deployed", { alarmRule: alarmOf(native.alarmName) }),
    },
    {
      name: 'aws-native: composite ALARM("x") carries the alarm (preview)',
      stack: () => nativeComposite("preview", { alarmRule: alarmOf(native.alarmName) }),
    },
  ],
  invalid: [
    // Mute rules.
    {
      name: "aws: nightly mute rule on the alarm (deployed)",
      stack: () => classicMuted("deployed", nightly),
      now,
      violations: [alarmMuted(types, [muted("cron(0 2 * * *) for PT4H, Europe/Paris")])],
    },
    {
      name: "aws: nightly mute rule on the alarm (preview, status unknown)",
      stack: () => classicMuted("preview", nightly),
      now,
      violations: [alarmMuted(types, [muted("cron(0 2 * * *) for PT4H, Europe/Paris")])],
    },
    {
      name: "aws: nightly mute rule expiring after now (wall time in Paris)",
      stack: () =>
        classicMuted("deployed", {
          ...nightly,
          startDate: "2026-01-01T00:00",
          expireDate: "2027-03-31T00:00",
          status: "ACTIVE",
        }),
      now,
      violations: [alarmMuted(types, [muted("cron(0 2 * * *) for PT4H, Europe/Paris")])],
    },
    {
      name: "aws: one-time window at(2026-12-24T22:00) for P2D, ahead (preview)",
      stack: () =>
        classicMuted("preview", { expression: "at(2026-12-24T22:00)", duration: "P2D", timezone: "Europe/Paris" }),
      now,
      violations: [alarmMuted(types, [muted("at(2026-12-24T22:00) for P2D, Europe/Paris")])],
    },
    {
      // 12:30Z is 13:30 in Paris; read as Paris wall time it is 11:30Z, already past at noon UTC. Which reading AWS
      // applies is not documented ("The time zone affects how cron and at expressions are interpreted, as well as
      // start and expire dates you specify", Schedule).
      name: "aws: expireDate half an hour from now in UTC, already past as Paris wall time",
      stack: () => classicMuted("deployed", { ...nightly, expireDate: "2026-12-01T12:30:00Z", status: "ACTIVE" }),
      now,
      violations: [
        alarmMuted(types, [
          unclear(expect.stringContaining("depends on how AWS reads expireDate 2026-12-01T12:30:00Z in Europe/Paris")),
        ]),
      ],
    },
    {
      // The EventBridge form with a year field; the Schedule reference documents five fields for mute rules.
      name: "aws: a six-field cron expression can't be judged (preview)",
      stack: () => classicMuted("preview", { ...nightly, expression: "cron(0 2 * * ? *)" }),
      now,
      violations: [alarmMuted(types, [unclear(expect.stringContaining("six fields"))])],
    },
    {
      name: "aws: mute targets unknown at preview (the alarm's name is computed) but linked to the alarm",
      stack: () =>
        classicMuted("preview", { ...nightly, alarmNames: [unknownValue.string] }).patch(names.alarm, {
          name: unknownValue.string,
        }),
      now,
      violations: [alarmMuted(types, [mayMute("itsTargets")])],
    },
    {
      // A rule mutes every alarm it names ("muteTargets: the alarms whose actions will be muted").
      name: "aws: a nightly mute rule on two alarms, this one among them",
      stack: () => classicMuted("deployed", { ...nightly, alarmNames: ["ec2-cpu-high", alarmName] }),
      now,
      violations: [alarmMuted(types, [muted("cron(0 2 * * *) for PT4H, Europe/Paris")])],
    },
    {
      // The alarm's own name is computed: linked to it, the rule may name it whatever names it lists.
      name: "aws: the alarm's name unknown at preview, a linked mute rule naming another alarm",
      stack: () =>
        classicMuted("preview", { ...nightly, alarmNames: ["ec2-cpu-high"] }).patch(names.alarm, {
          name: unknownValue.string,
        }),
      now,
      violations: [alarmMuted(types, [mayMute("itsTargets")])],
    },
    {
      // The alarm's name is known, but one of the linked rule's targets is not yet: it may be this alarm's name.
      name: "aws: a linked mute rule naming another alarm and one unknown at preview",
      stack: () => classicMuted("preview", { ...nightly, alarmNames: ["ec2-cpu-high", unknownValue.string] }),
      now,
      violations: [alarmMuted(types, [mayMute("itsTargets")])],
    },
    {
      name: "aws: expireDate unknown at preview",
      stack: () => classicMuted("preview", { ...nightly, expireDate: unknownValue.string }),
      now,
      violations: [alarmMuted(types, [mayMute("itsSchedule")])],
    },
    {
      // `rule: { schedule: someOutput.apply(...) }`: the whole schedule block is unknown, each of its settings with it.
      name: "aws: the schedule block unknown at preview",
      stack: () => classicMuted("preview", nightly).patch(rule, { rule: { schedule: unknownValue.object } }),
      now,
      violations: [alarmMuted(types, [mayMute("itsSchedule")])],
    },
    {
      name: "aws-native: nightly mute rule without a time zone (UTC), deployed",
      stack: () => nativeMuted("deployed", { ...nightly, timezone: undefined }),
      now,
      violations: [alarmMuted(nativeTypes, [muted("cron(0 2 * * *) for PT4H, UTC")])],
    },
    {
      name: "aws-native: one-time window ahead (preview)",
      stack: () =>
        nativeMuted("preview", { expression: "at(2026-12-24T22:00)", duration: "P2D", timezone: "Europe/Paris" }),
      now,
      violations: [alarmMuted(nativeTypes, [muted("at(2026-12-24T22:00) for P2D, Europe/Paris")])],
    },
    {
      name: "aws-native: mute targets unknown at preview, linked to the alarm",
      stack: () =>
        nativeMuted("preview", { ...nightly, alarmNames: [unknownValue.string] }).patch(names.alarm, {
          alarmName: unknownValue.string,
        }),
      now,
      violations: [alarmMuted(nativeTypes, [mayMute("itsTargets")])],
    },
    {
      name: "aws-native: a time zone that is no IANA zone (preview)",
      stack: () => nativeMuted("preview", { ...nightly, timezone: "Europe/Pariss" }),
      now,
      violations: [
        alarmMuted(nativeTypes, [unclear(expect.stringContaining('"Europe/Pariss" is not a known IANA time zone'))]),
      ],
    },
    // Composite alarms.
    {
      name: "aws: composite ALARM(x) AND ALARM(y) does not carry x",
      stack: () => classicComposite("deployed", { alarmRule: `${alarmOf(alarmName)} AND ALARM("root-account-usage")` }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry(ruleNo(stillFalse))))],
    },
    {
      name: "aws: composite NOT ALARM(x) does not carry x",
      stack: () => classicComposite("preview", { alarmRule: `NOT ${alarmOf(alarmName)}` }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry(ruleNo(stillFalse))))],
    },
    {
      // AWS documents no precedence between AND and OR: x OR (y AND z) carries x, (x OR y) AND z does not.
      name: "aws: composite ALARM(x) OR ALARM(y) AND ALARM(z), precedence undocumented",
      stack: () =>
        classicComposite("deployed", {
          alarmRule: `${alarmOf(alarmName)} OR ALARM("root-account-usage") AND ALARM("iam-policy-changes")`,
        }),
      violations: [
        noActions(types, names.alarm, notes(doesNotCarry(ruleUnknown(expect.stringContaining("add parentheses"))))),
      ],
    },
    {
      // pulumi.interpolate`ALARM("${alarm.arn}")`: the new alarm's ARN is unknown at the first preview.
      name: "aws: composite rule built from the alarm's ARN, unknown at preview",
      stack: () => classicComposite("preview", { alarmRule: unknownValue.string }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry(notKnown({ id: "compositeRuleUnknown" }))))],
    },
    {
      name: "aws: composite with actions disabled",
      stack: () => classicComposite("deployed", { alarmRule: alarmOf(alarmName), actionsEnabled: false }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry({ id: "compositeActionsDisabled" })))],
    },
    {
      name: "aws: composite actionsEnabled unknown at preview",
      stack: () => classicComposite("preview", { alarmRule: alarmOf(alarmName), actionsEnabled: unknownValue.bool }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry(notKnown({ id: "compositeActionsUnknown" }))))],
    },
    {
      name: "aws: composite with an actions suppressor (deployed)",
      stack: () =>
        classicComposite("deployed", { alarmRule: alarmOf(alarmName), actionsSuppressor: "maintenance-window" }),
      violations: [
        noActions(
          types,
          names.alarm,
          notes(doesNotCarry({ id: "compositeSuppressed", suppressor: q("maintenance-window") })),
        ),
      ],
    },
    {
      name: "aws: composite suppressor alarm unknown at preview",
      stack: () =>
        classicComposite("preview", { alarmRule: alarmOf(alarmName), actionsSuppressor: unknownValue.string }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry(notKnown({ id: "compositeSuppressorUnknown" }))))],
    },
    {
      name: "aws: composite without actions of its own",
      stack: () => classicComposite("deployed", { alarmRule: alarmOf(alarmName), alarmActions: [] }),
      violations: [noActions(types, names.alarm, notes(doesNotCarry({ id: "compositeNoActions" })))],
    },
    {
      name: "aws: composite notifying a topic without subscription",
      stack: () =>
        classicComposite("deployed", {
          alarmRule: alarmOf(alarmName),
          alarmActions: [`arn:aws:sns:us-east-1:${account}:composite-topic`],
        }).add(types.topic, "composite-topic", {
          name: "composite-topic",
          arn: `arn:aws:sns:us-east-1:${account}:composite-topic`,
          region: "us-east-1",
        }),
      violations: [
        noActions(
          types,
          names.alarm,
          notes(
            doesNotCarry({
              id: "compositeNotifiesNobody",
              problems: [
                {
                  id: "noSubscription",
                  topic: namedResource("topic", "composite-topic"),
                  hint: { id: "readTopicHint" },
                },
              ],
            }),
          ),
        ),
      ],
    },
    {
      name: "aws: composite muted by the nightly rule",
      stack: () =>
        addMuteRule(classicComposite("deployed", { alarmRule: alarmOf(alarmName) }), rule, {
          ...nightly,
          phase: "deployed",
          alarmNames: [composite],
          targetsFrom: [composite],
        }),
      now,
      violations: [
        noActions(
          types,
          names.alarm,
          notes(
            doesNotCarry({
              id: "compositeNotifiesNobody",
              problems: [muted("cron(0 2 * * *) for PT4H, Europe/Paris")],
            }),
          ),
        ),
      ],
    },
    {
      name: "aws: under the cis profile a composite alarm does not stand in for the alarm",
      stack: () => classicComposite("deployed", { alarmRule: alarmOf(alarmName) }),
      config: { profile: "cis" },
      violations: [noActions(types)],
    },
    {
      name: "aws: an alarm with only a non-SNS action, and a composite that does not carry it",
      stack: () =>
        classicComposite("deployed", { alarmRule: `${alarmOf(alarmName)} AND ALARM("root-account-usage")` }).patch(
          names.alarm,
          { alarmActions: ["arn:aws:automate:us-east-1:ec2:stop"] },
        ),
      violations: [
        noGoodTopic(types, [
          { id: "actionNotSns", arn: q("arn:aws:automate:us-east-1:ec2:stop") },
          doesNotCarry(ruleNo(stillFalse)),
        ]),
      ],
    },
    {
      name: "aws-native: composite with an actions suppressor (a string)",
      stack: () =>
        nativeComposite("deployed", { alarmRule: alarmOf(native.alarmName), actionsSuppressor: "maintenance-window" }),
      violations: [
        noActions(
          nativeTypes,
          names.alarm,
          notes(doesNotCarry({ id: "compositeSuppressed", suppressor: q("maintenance-window") })),
        ),
      ],
    },
    {
      name: "aws-native: composite ALARM(x) AND ALARM(y) (preview)",
      stack: () =>
        nativeComposite("preview", { alarmRule: `${alarmOf(native.alarmName)} AND ALARM("root-account-usage")` }),
      violations: [noActions(nativeTypes, names.alarm, notes(doesNotCarry(ruleNo(stillFalse))))],
    },
    {
      name: "aws-native: under the cis profile a composite alarm does not stand in for the alarm",
      stack: () => nativeComposite("preview", { alarmRule: alarmOf(native.alarmName) }),
      config: { profile: "cis" },
      violations: [noActions(nativeTypes)],
    },
  ],
};
