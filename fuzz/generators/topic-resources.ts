/**
 * A chain's SNS topic and its subscriptions, and the KMS key, alias or separate key policy that encrypts it, in
 * either provider's dialect. Key policies follow the KMS developer guide ("Default key policy") and the SNS developer
 * guide's statement that lets CloudWatch alarms use the key ("Enable compatibility between event sources from AWS
 * services and encrypted topics").
 */
import { unknownSentinels } from "../../tools/engine/protocol";
import { account, type StackContext } from "./stack-builder";
import type { ChainNames, Dialect, Props } from "./dialects";
import type { TopicPlan } from "./stack-plan";

/** KMS developer guide, "Default key policy". */
function defaultKeyPolicy(): Props {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Enable IAM User Permissions",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  };
}

/** The default policy plus the SNS developer guide's statement letting CloudWatch alarms use the key. */
function keyPolicyForAlarms(): Props {
  const statement = {
    Sid: "Allow CloudWatch alarms",
    Effect: "Allow",
    Principal: { Service: "cloudwatch.amazonaws.com" },
    Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
    Resource: "*",
  };
  return { Version: "2012-10-17", Statement: [...(defaultKeyPolicy().Statement as unknown[]), statement] };
}

export function buildTopic(
  context: StackContext,
  dialect: Dialect,
  topic: TopicPlan,
  c: ChainNames & { topicName: string; topicArn: string; index: number; strangePolicy: unknown },
): string {
  const t = dialect.types;
  const keyId = `1234abcd-12ab-34cd-56ef-${String(1000000 + c.index).padStart(12, "0")}`;
  const keyArn = `arn:aws:kms:${c.on.provider.region}:${account}:key/${keyId}`;
  let keyReference: unknown;
  let keyDependencies: string[] = [];
  if (topic.encryption === "awsManaged") keyReference = "alias/aws/sns";
  if (topic.encryption !== "none" && topic.encryption !== "awsManaged") {
    const policyObject =
      topic.encryption === "keyDefault" || (topic.encryption === "keyPolicyResource" && dialect.classic)
        ? defaultKeyPolicy()
        : keyPolicyForAlarms();
    const chosen = c.strangePolicy === undefined ? policyObject : c.strangePolicy;
    const policy = dialect.classic && typeof chosen !== "string" ? JSON.stringify(chosen) : chosen;
    const keyUrn = context.add(
      t.key,
      c.name("key"),
      {
        description: `alarm topic key ${context.mark()}`,
        [dialect.classic ? "policy" : "keyPolicy"]: policy,
        arn: context.computed(keyArn),
        keyId: context.computed(keyId),
        ...c.regionProp,
      },
      c.on,
    );
    keyReference = context.computed(keyArn);
    keyDependencies = [keyUrn];
    if (topic.encryption === "aliasAllowing") {
      const aliasName = `alias/fuzz-${c.index}-${context.mark()}`;
      const aliasUrn = context.add(
        t.alias,
        c.name("alias"),
        {
          [dialect.classic ? "name" : "aliasName"]: aliasName,
          targetKeyId: context.computed(keyId),
          ...(dialect.classic
            ? { arn: context.computed(`arn:aws:kms:${c.on.provider.region}:${account}:${aliasName}`) }
            : {}),
          ...c.regionProp,
        },
        { ...c.on, propertyDependencies: { targetKeyId: [keyUrn] } },
      );
      keyReference = aliasName;
      keyDependencies = [aliasUrn];
    }
    if (topic.encryption === "keyPolicyResource" && dialect.classic) {
      context.add(
        "aws:kms/keyPolicy:KeyPolicy",
        c.name("key-policy"),
        {
          keyId: context.computed(keyId),
          policy: JSON.stringify(keyPolicyForAlarms()),
          ...c.regionProp,
        },
        { ...c.on, propertyDependencies: { keyId: [keyUrn] } },
      );
    }
  }
  const inline = !dialect.classic && topic.subscriptions.length > 0 && c.index % 2 === 1;
  const topicUrn = context.add(
    t.topic,
    c.name("topic"),
    {
      [dialect.classic ? "name" : "topicName"]: c.topicName,
      [dialect.classic ? "arn" : "topicArn"]: context.computed(c.topicArn),
      ...(keyReference === undefined ? {} : { kmsMasterKeyId: keyReference }),
      ...(inline
        ? {
            subscription: topic.subscriptions.map((protocol) => ({
              protocol,
              endpoint: `oncall-${context.mark()}@example.com`,
            })),
          }
        : {}),
      ...(dialect.classic
        ? { policy: context.computed(JSON.stringify({ Statement: [{ Sid: context.mark() }] })) }
        : {}),
      ...c.regionProp,
    },
    { ...c.on, propertyDependencies: { kmsMasterKeyId: keyDependencies } },
  );
  if (inline) return topicUrn;
  topic.subscriptions.forEach((protocol, k) => {
    context.add(
      t.subscription,
      c.name(`subscription-${k}`),
      {
        [dialect.classic ? "topic" : "topicArn"]: context.computed(c.topicArn),
        protocol,
        endpoint: `oncall-${context.mark()}@example.com`,
        arn: context.computed(`${c.topicArn}:${context.mark()}`),
        ...(dialect.classic
          ? { pendingConfirmation: context.computed(topic.pendingConfirmation, unknownSentinels.bool) }
          : {}),
        ...c.regionProp,
      },
      { ...c.on, propertyDependencies: { [dialect.classic ? "topic" : "topicArn"]: [topicUrn] } },
    );
  });
  return topicUrn;
}
