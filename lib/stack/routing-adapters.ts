/**
 * Builders for the resources that decide whether an alarm's notification reaches anyone, beyond the alarm and
 * topic themselves: the KMS key a topic is encrypted with (key, alias, separate key policy), alarm mute rules and
 * composite alarms. Parameterised by the providers' property names, like `adapter.ts`.
 */
import { secretMarker, type ResourceAdapter, type RawResource } from "./adapter";
import type {
  CompositeAlarmModel,
  KmsAliasModel,
  KmsKeyModel,
  KmsKeyPolicyModel,
  ModelResourceBase,
  MuteRuleModel,
} from "./model";
import {
  absent,
  booleanWithDefault,
  isPlainList,
  isPlainObject,
  isUnknownSentinel,
  known,
  stringField,
  stringListField,
  unknown,
  type Field,
  type PlainValue,
} from "./read";

/** True when `value` holds an unknown sentinel anywhere. */
function holdsUnknown(value: PlainValue): boolean {
  if (isUnknownSentinel(value)) return true;
  if (Array.isArray(value)) return value.some(holdsUnknown);
  if (isPlainObject(value)) return Object.values(value).some(holdsUnknown);
  return false;
}

/** A policy document (JSON text or an object): unknown if any part is, absent when unset or empty. */
export function documentField(value: PlainValue | undefined): Field<unknown> {
  if (value === undefined || value === null || value === "") return absent;
  if (holdsUnknown(value)) return unknown;
  if (isPlainObject(value) && Object.keys(value).length === 0) return absent;
  return known(value);
}

/** A block the classic provider may write as an object or as a one-element list. */
function block(value: PlainValue | undefined): PlainValue | undefined {
  if (isPlainList(value)) return value.length === 0 ? undefined : value[0];
  return value;
}

/** The field `key` of a block (an unknown block makes every field unknown). */
function blockField(value: PlainValue | undefined, key: string): PlainValue | undefined {
  const object = block(value);
  if (isUnknownSentinel(object)) return object;
  return isPlainObject(object) ? object[key] : undefined;
}

/** A KMS key: the names of its policy property (classic `policy` JSON text, native `keyPolicy` object). */
export function kmsKeyAdapter(type: string, policy: string): ResourceAdapter {
  return {
    type,
    kind: "kmsKey",
    propertyNames: ["arn", "keyId", policy],
    dependencyNames: [],
    build: (raw: RawResource, base: ModelResourceBase): KmsKeyModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "kmsKey",
        arn: s("arn", stringField(raw.props.arn)),
        keyId: s("keyId", stringField(raw.props.keyId)),
        policy: s(policy, documentField(raw.props[policy])),
      };
    },
  };
}

/** A KMS alias: the name of its name property (classic `name`, native `aliasName`). */
export function kmsAliasAdapter(type: string, aliasName: string): ResourceAdapter {
  return {
    type,
    kind: "kmsAlias",
    propertyNames: [aliasName, "arn", "targetKeyId"],
    dependencyNames: ["targetKeyId"],
    build: (raw: RawResource, base: ModelResourceBase): KmsAliasModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "kmsAlias",
        aliasName: s(aliasName, stringField(raw.props[aliasName])),
        arn: s("arn", stringField(raw.props.arn)),
        targetKeyId: s("targetKeyId", stringField(raw.props.targetKeyId)),
        targetKeyIdDependencies: raw.dependencies.targetKeyId ?? [],
      };
    },
  };
}

/** A separate key policy resource (classic `aws.kms.KeyPolicy`). */
export function kmsKeyPolicyAdapter(type: string): ResourceAdapter {
  return {
    type,
    kind: "kmsKeyPolicy",
    propertyNames: ["keyId", "policy"],
    dependencyNames: ["keyId"],
    build: (raw: RawResource, base: ModelResourceBase): KmsKeyPolicyModel => {
      const s = secretMarker(raw);
      return {
        ...base,
        kind: "kmsKeyPolicy",
        keyId: s("keyId", stringField(raw.props.keyId)),
        keyIdDependencies: raw.dependencies.keyId ?? [],
        policy: s("policy", documentField(raw.props.policy)),
      };
    },
  };
}

/** An alarm mute rule (both providers: `name`, `muteTargets.alarmNames`, `rule.schedule.{expression, duration, timezone}`). */
export function muteRuleAdapter(type: string): ResourceAdapter {
  return {
    type,
    kind: "muteRule",
    propertyNames: ["name", "muteTargets", "rule", "startDate", "expireDate", "status"],
    dependencyNames: ["muteTargets"],
    build: (raw: RawResource, base: ModelResourceBase): MuteRuleModel => {
      const s = secretMarker(raw);
      const schedule = blockField(raw.props.rule, "schedule");
      return {
        ...base,
        kind: "muteRule",
        ruleName: s("name", stringField(raw.props.name)),
        alarmNames: s(
          "muteTargets",
          isUnknownSentinel(block(raw.props.muteTargets))
            ? unknown
            : stringListField(blockField(raw.props.muteTargets, "alarmNames")),
        ),
        alarmNamesDependencies: raw.dependencies.muteTargets ?? [],
        scheduleExpression: s("rule", stringField(blockField(schedule, "expression"))),
        scheduleDuration: s("rule", stringField(blockField(schedule, "duration"))),
        scheduleTimezone: s("rule", stringField(blockField(schedule, "timezone"))),
        startDate: s("startDate", stringField(raw.props.startDate)),
        expireDate: s("expireDate", stringField(raw.props.expireDate)),
        status: s("status", stringField(raw.props.status)),
      };
    },
  };
}

/**
 * A composite alarm. The actions suppressor is an alarm name or ARN: classic writes a block
 * `actionsSuppressor { alarm, extensionPeriod, waitPeriod }`, native a string `actionsSuppressor`.
 */
export function compositeAlarmAdapter(type: string): ResourceAdapter {
  return {
    type,
    kind: "compositeAlarm",
    propertyNames: ["alarmName", "arn", "alarmRule", "actionsEnabled", "alarmActions", "actionsSuppressor"],
    dependencyNames: ["alarmRule", "alarmActions"],
    build: (raw: RawResource, base: ModelResourceBase): CompositeAlarmModel => {
      const s = secretMarker(raw);
      const suppressor = raw.props.actionsSuppressor;
      return {
        ...base,
        kind: "compositeAlarm",
        alarmName: s("alarmName", stringField(raw.props.alarmName)),
        arn: s("arn", stringField(raw.props.arn)),
        alarmRule: s("alarmRule", stringField(raw.props.alarmRule)),
        alarmRuleDependencies: raw.dependencies.alarmRule ?? [],
        actionsEnabled: s("actionsEnabled", booleanWithDefault(raw.props.actionsEnabled, true)),
        alarmActions: s("alarmActions", stringListField(raw.props.alarmActions)),
        alarmActionDependencies: raw.dependencies.alarmActions ?? [],
        actionsSuppressor: s(
          "actionsSuppressor",
          typeof suppressor === "string" ? stringField(suppressor) : stringField(blockField(suppressor, "alarm")),
        ),
      };
    },
  };
}
