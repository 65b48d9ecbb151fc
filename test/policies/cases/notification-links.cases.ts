/**
 * cloudtrail-changes-alarm-sns: how the links of the last hop are found when no property dependency shows them.
 * A composite alarm's rule names the alarm in literal text; a mute rule's targets are unknown at preview; a topic's
 * KMS key is named by an alias ARN written out, and a separate key policy names its key by id or ARN.
 */
import {
  account,
  addCompositeAlarm,
  addKmsAlias,
  addKmsKey,
  addMuteRule,
  chainNames,
  compliantStack,
  exampleKeyId,
  kmsKeyArn,
  physicalNames,
  types,
  type MuteRuleOptions,
  type Phase,
} from "../../helpers/aws-fixtures";
import { StackFixture, secret, unknownValue } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainDatum } from "../../helpers/findings";
import { defaultKeyPolicy, keyPolicyForAlarms } from "../../helpers/key-policies";
import type { PolicyCases } from "../../helpers/policy-tester";
import { alarmMuted, chainTopic, noActions, noGoodTopic } from "./notification-findings";

const names = chainNames();
const physical = physicalNames();
/** The classic chain's alarm name (auto-named, known at preview). */
const alarmName = "cloudtrail-changes-alarm-1a2b";

// ------------------------------------------------------------------------------------------ composite alarms

const composite = "cloudtrail-changes-composite";

/** A deployed classic chain whose alarm has no actions, and a composite over `alarmRule` notifying the topic. */
function literalComposite(alarmRule: string, phase: Phase = "deployed"): StackFixture {
  const fixture = compliantStack({ phase })
    .patch(names.alarm, { alarmActions: phase === "preview" ? null : [] })
    .dependOn(names.alarm, {});
  // `ruleFrom: []`: the rule is written out, not built from the alarm's outputs (no property dependency).
  return addCompositeAlarm(fixture, composite, {
    phase,
    alarmRule,
    ruleFrom: [],
    alarmActions: [physical.topicArn],
    actionsFrom: [names.topic],
  });
}

/** The notes of `noActions`: the composite does not carry the alarm, for `why`. */
function compositeNote(why: PlainDatum): PlainDatum {
  return {
    id: "compositeNotes",
    notes: [{ id: "compositeDoesNotCarry", composite: namedResource("composite alarm", composite), why }],
  };
}

// ------------------------------------------------------------------------------------------------ mute rules

const rule = "maintenance-mute";
/** When the preview runs: 1 December 2026, noon UTC. */
const now = "2026-12-01T12:00:00Z";
/** Every day at 02:00 for four hours, Paris time (a rule that mutes again every night). */
const nightly: Omit<MuteRuleOptions, "phase"> = {
  expression: "cron(0 2 * * *)",
  duration: "PT4H",
  timezone: "Europe/Paris",
  alarmNames: [alarmName],
};

/** A rule whose whole `muteTargets` block is unknown at preview, computed from the outputs of `targetsFrom`. */
function targetsUnknown(targetsFrom: readonly string[]): StackFixture {
  return addMuteRule(compliantStack({ phase: "preview" }), rule, { ...nightly, phase: "preview", targetsFrom }).patch(
    rule,
    { muteTargets: unknownValue.object },
  );
}

// ---------------------------------------------------------------------------------------------------- KMS keys

const key = "alarm-key";
const aliasName = "alias/cloudtrail-alarms";
/** An alias ARN: `arn:aws:kms:<region>:<account>:alias/<name>` (KMS developer guide, "Alias ARN"). */
const aliasArn = `arn:aws:kms:us-east-1:${account}:${aliasName}`;

/** A classic chain with a key (`policy`: its own key policy; none: the default one) whose topic uses `keyId`. */
function encrypted(phase: Phase, kmsMasterKeyId: string, policy?: object): StackFixture {
  const fixture = addKmsKey(compliantStack({ phase }), key, { phase, policy, readBack: defaultKeyPolicy() });
  return fixture.patch(names.topic, { kmsMasterKeyId });
}

/** A separate `aws.kms.KeyPolicy` whose `keyId` is written out (no property dependency on the key). */
function literalKeyPolicy(fixture: StackFixture, keyId: string, policy: object): StackFixture {
  return fixture.add(types.kmsKeyPolicy, "alarm-key-policy", {
    keyId,
    policy: JSON.stringify(policy),
    region: "us-east-1",
  });
}

/** The default key policy's only statement is the account's (KMS developer guide, "Default key policy"). */
const defaultPolicyReason: PlainDatum = expect.stringContaining(
  "no statement allows cloudwatch.amazonaws.com kms:Decrypt",
);

function keyDenies(shownKey: PlainDatum) {
  return noGoodTopic(types, [{ id: "keyDenies", topic: chainTopic, key: shownKey, reason: defaultPolicyReason }]);
}

export const notificationLinksCases: PolicyCases = {
  valid: [
    {
      name: "aws: a composite whose literal rule names the alarm carries it",
      stack: () => literalComposite(`ALARM("${alarmName}")`),
    },
    {
      name: "aws: mute targets unknown at preview, computed from another alarm only",
      stack: () => targetsUnknown(["root-account-usage-alarm"]),
      now,
    },
    {
      // A key outside the stack is taken as usable; the stack's own alias names another key.
      name: "aws: topic encrypted with a key of another stack, beside an alias of this stack",
      stack: () =>
        addKmsAlias(encrypted("deployed", kmsKeyArn("0987dcba-09fe-87dc-65ba-ab0987654321")), "alarm-key-alias", {
          phase: "deployed",
          aliasName,
          key,
        }),
    },
    {
      // The separate policy is another key's: the topic's key keeps its own, which allows CloudWatch.
      name: "aws: a separate key policy for another key does not replace this key's",
      stack: () =>
        literalKeyPolicy(
          encrypted("deployed", exampleKeyId, keyPolicyForAlarms()),
          "0987dcba-09fe-87dc-65ba-ab0987654321",
          defaultKeyPolicy(),
        ),
    },
  ],
  invalid: [
    {
      name: "aws: a composite whose rule is unknown at preview and built from other alarms only does not count",
      stack: () => literalComposite(unknownValue.string, "preview"),
      violations: [noActions(types)],
    },
    {
      // The rule names another alarm; whatever its text, it says nothing of this one (whose ARN is unknown).
      name: "aws: a composite over another alarm, named undefined-changes, does not count (preview)",
      stack: () => literalComposite('ALARM("undefined-changes")', "preview"),
      violations: [noActions(types)],
    },
    {
      // A composite in another Region can't take this alarm's state: CloudWatch composite rules name alarms of
      // their own Region ("alarms in the same account and Region", PutCompositeAlarm `AlarmRule`).
      name: "aws: a composite in another Region whose rule names the alarm does not count",
      stack: () => literalComposite(`ALARM("${alarmName}")`).patch(composite, { region: "us-west-2" }),
      violations: [noActions(types)],
    },
    {
      name: "aws: a composite's rule sent as a secret: why it does not carry the alarm is not printed",
      stack: () =>
        literalComposite(`ALARM("${alarmName}")`).patch(composite, {
          alarmRule: secret(`ALARM("${alarmName}") AND ALARM("root-account-usage")`),
        }),
      violations: [
        noActions(
          types,
          names.alarm,
          compositeNote({ id: "ruleNotCertain", verdict: { id: "ruleVerdictNo" }, reason: "[secret]" }),
        ),
      ],
    },
    {
      name: "aws: a composite's actions suppressor sent as a secret is not printed",
      stack: () =>
        literalComposite(`ALARM("${alarmName}")`).patch(composite, {
          actionsSuppressor: secret({ alarm: "maintenance-window", extensionPeriod: 60, waitPeriod: 120 }),
        }),
      violations: [noActions(types, names.alarm, compositeNote({ id: "compositeSuppressed", suppressor: "[secret]" }))],
    },
    {
      name: "aws: mute targets unknown at preview, computed from the alarm",
      stack: () => targetsUnknown([names.alarm]),
      now,
      violations: [
        alarmMuted(types, [
          {
            id: "muteTargetsUnknown",
            rule: namedResource("mute rule", rule),
            unknown: notKnown({ id: "itsTargets" }),
          },
        ]),
      ],
    },
    {
      // At the first preview the alias's ARN is unknown; the ARN written out ends with its name.
      name: "aws: topic encrypted through an alias ARN written out, key with the default policy (preview)",
      stack: () =>
        addKmsAlias(encrypted("preview", aliasArn, defaultKeyPolicy()), "alarm-key-alias", {
          phase: "preview",
          aliasName,
          key,
        }),
      violations: [keyDenies(q(aliasArn))],
    },
    {
      // PutKeyPolicy `KeyId`: "Specify the key ID or key ARN of the KMS key" (KMS API reference).
      name: "aws: a separate key policy naming the key by id replaces its good policy",
      stack: () =>
        literalKeyPolicy(encrypted("deployed", exampleKeyId, keyPolicyForAlarms()), exampleKeyId, defaultKeyPolicy()),
      violations: [keyDenies(q(exampleKeyId))],
    },
    {
      name: "aws: a separate key policy naming the key by ARN replaces its good policy",
      stack: () =>
        literalKeyPolicy(encrypted("deployed", exampleKeyId, keyPolicyForAlarms()), kmsKeyArn(), defaultKeyPolicy()),
      violations: [keyDenies(q(exampleKeyId))],
    },
  ],
};
