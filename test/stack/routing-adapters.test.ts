import { absent, known, unknown } from "../../lib/stack/read";
import { documentField } from "../../lib/stack/routing-adapters";
import { buildStackModel, defaultAdapters, snapshotStack } from "../../lib/stack/stack";
import { types } from "../helpers/aws-fixtures";
import { nativeTypes } from "../helpers/aws-native-fixtures";
import { StackFixture, unknownValue, type Props } from "../helpers/engine-resources";

// Deployed state (stack export, refresh) writes unset strings as "" and unset objects as {} (see lib/stack/read.ts);
// a policy document is JSON text (IAM User Guide, "IAM JSON policy reference") or, on aws-native, an object.
describe("documentField", () => {
  it("a null, empty-text or empty-object document is absent", () => {
    expect(documentField(null)).toEqual({ state: "absent" });
    expect(documentField("")).toEqual({ state: "absent" });
    expect(documentField({})).toEqual({ state: "absent" });
  });

  it("a document holding an unknown anywhere is unknown; a whole one is known", () => {
    expect(documentField({ Statement: [{ Resource: unknownValue.string }] })).toEqual({ state: "unknown" });
    expect(documentField('{"Version":"2012-10-17"}')).toEqual({ state: "known", value: '{"Version":"2012-10-17"}' });
  });
});

/** The one resource of type `type`, with `props`, read into the model as the pack reads it. */
function modelOf(type: string, props: Props) {
  const fixture = new StackFixture().add(type, "r", props);
  const model = buildStackModel(snapshotStack(fixture.build(), defaultAdapters, fixture.secrets()), "us-east-1");
  return [...model.muteRules, ...model.compositeAlarms][0];
}

// `@pulumi/aws` AlarmMuteRule takes `rule`, `rule.schedule` and `muteTargets` as objects (Pulumi Registry,
// aws.cloudwatch.AlarmMuteRule: `rule: { schedule: { duration: "PT4H", expression: "cron(0 2 * * *)" } }`), the
// Terraform schema's one-element block lists flattened by the bridge; the list form reads the same. The schedule and
// targets decide whether the rule silences the CloudTrail alarm's notification (lib/monitoring/mutes.ts).
describe("mute rules: `rule.schedule` and `muteTargets.alarmNames`", () => {
  const schedule = { expression: "cron(0 2 * * *)", duration: "PT4H", timezone: "Europe/Paris" };
  const read = (props: Props) => {
    const rule = modelOf(types.muteRule, props);
    if (rule.kind !== "muteRule") throw new Error("not a mute rule");
    return [rule.scheduleExpression, rule.scheduleDuration, rule.scheduleTimezone, rule.alarmNames];
  };

  it("the blocks and one-element lists of them read the same", () => {
    const expected = [
      known("cron(0 2 * * *)"),
      known("PT4H"),
      known("Europe/Paris"),
      known([known("CloudTrail changes")]),
    ];
    expect(read({ rule: { schedule }, muteTargets: { alarmNames: ["CloudTrail changes"] } })).toEqual(expected);
    expect(read({ rule: [{ schedule: [schedule] }], muteTargets: [{ alarmNames: ["CloudTrail changes"] }] })).toEqual(
      expected,
    );
  });

  it("an empty block list is no block: no schedule and no targets", () => {
    expect(read({ rule: [], muteTargets: [] })).toEqual([absent, absent, absent, absent]);
    expect(read({ rule: [{ schedule: [] }] })).toEqual([absent, absent, absent, absent]);
  });

  it("a rule, a schedule or targets unknown at preview make every part of them unknown", () => {
    expect(read({ rule: unknownValue.object, muteTargets: unknownValue.object })).toEqual([
      unknown,
      unknown,
      unknown,
      unknown,
    ]);
    expect(
      read({ rule: { schedule: unknownValue.object }, muteTargets: { alarmNames: ["CloudTrail changes"] } }),
    ).toEqual([unknown, unknown, unknown, known([known("CloudTrail changes")])]);
  });
});

// The alarm whose ALARM state suppresses a composite alarm's actions: `@pulumi/aws` CompositeAlarm takes a block
// `actionsSuppressor { alarm, extensionPeriod, waitPeriod }`, `@pulumi/aws-native` a string `actionsSuppressor`
// (Pulumi Registry, aws.cloudwatch.CompositeAlarm and aws-native.cloudwatch.CompositeAlarm).
describe("composite alarms: the actions suppressor", () => {
  const suppressor = (type: string, actionsSuppressor: unknown) => {
    const composite = modelOf(type, { alarmRule: 'ALARM("CloudTrail changes")', actionsSuppressor });
    if (composite.kind !== "compositeAlarm") throw new Error("not a composite alarm");
    return composite.actionsSuppressor;
  };
  const block = { alarm: "maintenance-window", extensionPeriod: 60, waitPeriod: 120 };

  it("the classic block, a one-element list of it and aws-native's string name the same alarm", () => {
    expect(suppressor(types.compositeAlarm, block)).toEqual(known("maintenance-window"));
    expect(suppressor(types.compositeAlarm, [block])).toEqual(known("maintenance-window"));
    expect(suppressor(nativeTypes.compositeAlarm, "maintenance-window")).toEqual(known("maintenance-window"));
  });

  it("a block, or its alarm, unknown at preview is an unknown suppressor; none is absent", () => {
    expect(suppressor(types.compositeAlarm, unknownValue.object)).toEqual(unknown);
    expect(suppressor(types.compositeAlarm, { ...block, alarm: unknownValue.string })).toEqual(unknown);
    expect(suppressor(types.compositeAlarm, undefined)).toEqual(absent);
  });
});
