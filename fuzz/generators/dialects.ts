/**
 * Where the two AWS providers differ in the resources a chain is built of: type tokens and whether the classic
 * provider's conventions apply (`region` on every resource, "" / 0 / {} / [] for unset properties once deployed, key
 * policies as JSON text), or Cloud Control's (camelCase CloudFormation names, key policies as objects).
 */
import type { ProviderRef } from "./stack-builder";

export type Props = Record<string, unknown>;

/** Where the two providers differ. */
export interface Dialect {
  readonly types: Readonly<
    Record<
      | "trail"
      | "logGroup"
      | "filter"
      | "alarm"
      | "topic"
      | "subscription"
      | "role"
      | "key"
      | "alias"
      | "mute"
      | "composite",
      string
    >
  >;
  readonly classic: boolean;
}

export const classic: Dialect = {
  classic: true,
  types: {
    trail: "aws:cloudtrail/trail:Trail",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    filter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    topic: "aws:sns/topic:Topic",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    role: "aws:iam/role:Role",
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    mute: "aws:cloudwatch/alarmMuteRule:AlarmMuteRule",
    composite: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
  },
};

export const native: Dialect = {
  classic: false,
  types: {
    trail: "aws-native:cloudtrail:Trail",
    logGroup: "aws-native:logs:LogGroup",
    filter: "aws-native:logs:MetricFilter",
    alarm: "aws-native:cloudwatch:Alarm",
    topic: "aws-native:sns:Topic",
    subscription: "aws-native:sns:Subscription",
    role: "aws-native:iam:Role",
    key: "aws-native:kms:Key",
    alias: "aws-native:kms:Alias",
    mute: "aws-native:cloudwatch:AlarmMuteRule",
    composite: "aws-native:cloudwatch:CompositeAlarm",
  },
};

/** A property set to `value`, or left out when the plan says `"absent"`. */
export const optional = (key: string, value: unknown): Props => (value === "absent" ? {} : { [key]: value });

/** What every resource of a chain is built with. */
export interface ChainNames {
  readonly name: (what: string) => string;
  readonly on: { provider: ProviderRef };
  readonly regionProp: Props;
}
