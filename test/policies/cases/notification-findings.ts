/** The SNS policy's findings as table rows expect them, for the chains of either provider. */
import { chainNames, types } from "../../helpers/aws-fixtures";
import type { nativeTypes } from "../../helpers/aws-native-fixtures";
import { urnOf } from "../../helpers/engine-resources";
import { namedResource, type PlainDatum } from "../../helpers/findings";

/** Which provider's chain a finding is about: its type tokens name the URNs. */
export type Flavour = typeof types | typeof nativeTypes;

const names = chainNames();

/** The chain's topic, as findings name it. */
export const chainTopic = namedResource("topic", names.topic);

/** The alarm `name` has no ALARM actions at all; `composites`: why the composite alarms naming it don't carry it. */
export function noActions(flavour: Flavour, name: string = names.alarm, composites: PlainDatum = "") {
  const data = {
    alarm: namedResource("Alarm", name),
    changes: "CloudTrail configuration changes",
    composites,
    snippet: { id: "topicSnippet" },
  };
  return { urn: urnOf(flavour.alarm, name), messageId: "noActions", data };
}

/** The alarm `name` notifies no topic that reaches anyone, one problem per action (then per composite). */
export function noGoodTopic(flavour: Flavour, problems: PlainDatum[], name: string = names.alarm) {
  const data = { alarm: namedResource("Alarm", name), problems, snippet: { id: "topicSnippet" } };
  return { urn: urnOf(flavour.alarm, name), messageId: "noGoodTopic", data };
}

/** The alarm `name` notifies a subscribed topic but mute rules may silence it (one problem per rule). */
export function alarmMuted(flavour: Flavour, problems: PlainDatum[], name: string = names.alarm) {
  const data = { alarm: namedResource("Alarm", name), problems, what: "CloudTrail configuration changes" };
  return { urn: urnOf(flavour.alarm, name), messageId: "alarmMuted", data };
}
