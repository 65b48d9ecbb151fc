/**
 * Whether CloudWatch alarms can publish to an encrypted SNS topic of the stack. CloudWatch must be allowed to use
 * the topic's KMS key (`kms:Decrypt` and `kms:GenerateDataKey*` for `cloudwatch.amazonaws.com`, SNS developer
 * guide, "Enable compatibility between event sources from AWS services and encrypted topics"). The AWS managed key
 * `alias/aws/sns` can never allow it: its key policy can't be changed (KMS developer guide, "Changing a key
 * policy"). A customer managed key of the stack counts when its key policy (the key's own, or a separate
 * `aws.kms.KeyPolicy`; without either, the default key policy, which grants only the account) allows CloudWatch;
 * a key outside the stack is taken as usable, like a topic outside the stack.
 */
import { named, notKnownAtPreview } from "../findings/common-messages";
import { message, quoted, stackText, type Message } from "../findings/message";
import { isAwsManagedSnsKey, keyPolicyGrantsCloudWatch } from "../kms";
import type { KmsKeyModel, StackModel, TopicModel } from "../stack/model";
import type { Field } from "../stack/read";

export const topicEncryptionMessages = {
  awsManagedKey:
    "{{topic}} is encrypted with the AWS managed key {{key}}, whose key policy can't let CloudWatch use it, so " +
    "alarms can't publish to it; encrypt it with a customer managed key whose policy allows " +
    "`cloudwatch.amazonaws.com` kms:Decrypt and kms:GenerateDataKey*",
  keyDenies:
    "{{topic}} is encrypted with {{key}}, whose key policy does not let CloudWatch use it ({{reason}}), so alarms " +
    "can't publish to it; allow `cloudwatch.amazonaws.com` kms:Decrypt and kms:GenerateDataKey* in the key policy",
  defaultKeyPolicy: "it has no key policy of its own, and the default key policy grants only the account",
  keyPolicyUnclear:
    "{{topic}} is encrypted with {{key}}: it can't be verified that its key policy lets CloudWatch use it ({{reason}})",
  itsKey: "its KMS key (`kmsMasterKeyId`)",
  keyPolicyOf: "the key policy of {{key}}",
  topicKeyUnknown: "{{topic}}: {{unknown}}",
  secretKeyPolicy: "the key policy is a secret, so the reason is not shown",
} as const;

/** The key of the stack a `kmsMasterKeyId` names (key id, key ARN, alias name or alias ARN), if any. */
function keyOfReference(model: StackModel, reference: string): KmsKeyModel | undefined {
  const byKey = model.kmsKeys.find(
    (key) =>
      (key.arn.state === "known" && key.arn.value === reference) ||
      (key.keyId.state === "known" && key.keyId.value === reference),
  );
  if (byKey !== undefined) return byKey;
  const alias = model.kmsAliases.find(
    (candidate) =>
      (candidate.aliasName.state === "known" && candidate.aliasName.value === reference) ||
      (candidate.arn.state === "known" && candidate.arn.value === reference) ||
      (candidate.aliasName.state === "known" && reference.endsWith(`:${candidate.aliasName.value}`)),
  );
  if (alias === undefined) return undefined;
  if (alias.targetKeyId.state === "known") return keyOfReference(model, alias.targetKeyId.value);
  return keyOfDependencies(model, alias.targetKeyIdDependencies);
}

/** The one key among `urns` (directly, or through an alias among them). */
function keyOfDependencies(model: StackModel, urns: readonly string[]): KmsKeyModel | undefined {
  for (const urn of urns) {
    const resource = model.byUrn.get(urn);
    if (resource?.kind === "kmsKey") return resource;
    if (resource?.kind === "kmsAlias") {
      if (resource.targetKeyId.state === "known") return keyOfReference(model, resource.targetKeyId.value);
      return keyOfDependencies(model, resource.targetKeyIdDependencies);
    }
  }
  return undefined;
}

/** The key policy in force: a separate key policy resource for the key wins over the key's own. */
function policyOf(model: StackModel, key: KmsKeyModel): Field<unknown> {
  const separate = model.kmsKeyPolicies.find(
    (policy) =>
      policy.keyIdDependencies.includes(key.urn) ||
      (policy.keyId.state === "known" &&
        ((key.keyId.state === "known" && policy.keyId.value === key.keyId.value) ||
          (key.arn.state === "known" && policy.keyId.value === key.arn.value))),
  );
  return separate !== undefined ? separate.policy : key.policy;
}

/** Why CloudWatch can't publish to the topic because of its encryption, or `undefined` when it can. */
export function topicEncryptionProblem(model: StackModel, topic: TopicModel): Message | undefined {
  const reference = topic.kmsMasterKeyId;
  const topicText = named("topic", topic);
  if (reference.state === "absent") return undefined;
  let key: KmsKeyModel | undefined;
  let shownKey: Message["data"][string];
  if (reference.state === "known") {
    shownKey = quoted(reference.value, reference.secret === true);
    if (isAwsManagedSnsKey(reference.value)) return message("awsManagedKey", { topic: topicText, key: shownKey });
    key = keyOfReference(model, reference.value) ?? keyOfDependencies(model, topic.kmsMasterKeyIdDependencies);
    if (key === undefined) return undefined;
  } else {
    key = keyOfDependencies(model, topic.kmsMasterKeyIdDependencies);
    if (key === undefined)
      return message("topicKeyUnknown", { topic: topicText, unknown: notKnownAtPreview(message("itsKey")) });
    shownKey = named("KMS key", key);
  }
  const policy = policyOf(model, key);
  if (policy.state === "unknown") {
    return message("topicKeyUnknown", {
      topic: topicText,
      unknown: notKnownAtPreview(message("keyPolicyOf", { key: named("KMS key", key) })),
    });
  }
  if (policy.state === "absent")
    return message("keyDenies", { topic: topicText, key: shownKey, reason: message("defaultKeyPolicy") });
  const grant = keyPolicyGrantsCloudWatch(policy.value);
  if (grant.verdict === "yes") return undefined;
  const reason = stackText(grant.reason, policy.secret === true, topicEncryptionMessages.secretKeyPolicy);
  return message(grant.verdict === "no" ? "keyDenies" : "keyPolicyUnclear", {
    topic: topicText,
    key: shownKey,
    reason,
  });
}
