/**
 * cloudtrail-changes-alarm-sns: a topic the alarm notifies must deliver. Subscriptions pending confirmation deliver
 * nothing ("Amazon SNS doesn't send messages to an endpoint until the subscription is confirmed", SNS developer
 * guide, "Confirm your subscription"), and CloudWatch can publish to an encrypted topic only when the topic's KMS
 * key lets `cloudwatch.amazonaws.com` use it (SNS developer guide, "Enable compatibility between event sources from
 * AWS services and encrypted topics"; the AWS managed key `alias/aws/sns` never does: its policy can't be changed,
 * KMS developer guide, "Changing a key policy"). Both providers, at the first preview and deployed (aws-native
 * subscriptions report no confirmation state).
 */
import {
  account,
  addKmsAlias,
  addKmsKey,
  addKmsKeyPolicy,
  addKmsReplicaKey,
  chainNames,
  compliantStack,
  computedIn,
  exampleKeyId,
  exampleMultiRegionKeyId,
  kmsKeyArn,
  physicalNames,
  types,
  type Phase,
} from "../../helpers/aws-fixtures";
import {
  addNativeKmsAlias,
  addNativeKmsKey,
  addNativeKmsReplicaKey,
  compliantNativeStack,
  nativeTypes,
} from "../../helpers/aws-native-fixtures";
import { StackFixture, secret, unknownValue } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainDatum } from "../../helpers/findings";
import { defaultKeyPolicy, keyPolicyForAlarms, keyPolicyForOwnAlarms } from "../../helpers/key-policies";
import type { PolicyCases } from "../../helpers/policy-tester";
import { chainTopic, noGoodTopic, type Flavour } from "./notification-findings";

const names = chainNames();
const physical = physicalNames();

const key = "alarm-key";
const alias = "alarm-key-alias";
const aliasName = "alias/cloudtrail-alarms";
const theKeyArn = kmsKeyArn();
const deployed = { phase: "deployed" } as const;
const preview = { phase: "preview" } as const;
/** What a key created without a policy has (KMS developer guide, "Default key policy"). */
const readBack = defaultKeyPolicy();

/** A classic key of the stack; `policy`: the key policy given as input, if any. */
const classicKey = (fixture: StackFixture, phase: Phase, policy?: object) =>
  addKmsKey(fixture, key, { phase, policy, readBack });
const classicAlias = (fixture: StackFixture, phase: Phase) => addKmsAlias(fixture, alias, { phase, aliasName, key });

/** The chain's topic encrypted with `kmsMasterKeyId`, depending on `dependsOn` (logical names). */
function encryptTopic(fixture: StackFixture, kmsMasterKeyId: string, dependsOn: readonly string[] = []): StackFixture {
  fixture.patch(names.topic, { kmsMasterKeyId });
  return dependsOn.length === 0 ? fixture : fixture.dependOn(names.topic, { kmsMasterKeyId: dependsOn });
}

/** A classic chain whose topic is encrypted with a key of the stack, named by its ARN (`kmsMasterKeyId: key.arn`). */
function classicEncrypted(phase: Phase, policy?: object): StackFixture {
  return encryptTopic(classicKey(compliantStack({ phase }), phase, policy), computedIn(phase, theKeyArn) as string, [
    key,
  ]);
}

const nativeKey = (fixture: StackFixture, phase: Phase, keyPolicy?: object) =>
  addNativeKmsKey(fixture, key, { phase, keyPolicy, readBack });

const replica = "alarm-replica-key";
const replicaArn = kmsKeyArn(exampleMultiRegionKeyId);

/** A classic chain whose topic is encrypted with a multi-Region replica key of the stack, by its ARN. */
function classicReplicaEncrypted(phase: Phase, policy?: object): StackFixture {
  const fixture = addKmsReplicaKey(compliantStack({ phase }), replica, { phase, policy, readBack });
  return encryptTopic(fixture, computedIn(phase, replicaArn) as string, [replica]);
}

/** A native chain whose topic is encrypted through the key's alias name (known at preview). */
function nativeEncryptedByAlias(phase: Phase, keyPolicy?: object): StackFixture {
  const fixture = addNativeKmsAlias(nativeKey(compliantNativeStack({ phase }), phase, keyPolicy), alias, {
    phase,
    aliasName,
    key,
  });
  return encryptTopic(fixture, aliasName, [alias]);
}

/** "<topic> is encrypted with <key>, whose key policy does not let CloudWatch use it (<reason>) ...". */
function keyDenies(flavour: Flavour, shownKey: PlainDatum, reason: PlainDatum) {
  return noGoodTopic(flavour, [{ id: "keyDenies", topic: chainTopic, key: shownKey, reason }]);
}

/**
 * The default key policy's only statement names the account principal, which "allows the account to use IAM
 * policies" and reaches no service principal (KMS developer guide, "Default key policy"); no statement allows
 * CloudWatch kms:Decrypt, the first of the two actions the SNS guide lists as needed.
 */
const defaultPolicyReason: PlainDatum = expect.stringContaining(
  "no statement allows cloudwatch.amazonaws.com kms:Decrypt",
);
/** A condition on the request (`aws:SourceArn`) can't be evaluated before deployment. */
const conditionReason: PlainDatum = expect.stringContaining("only if its condition holds (ArnLike aws:SourceArn)");

/** A second classic subscription of the chain's topic (a confirmed HTTPS endpoint by default). */
function addSubscription(fixture: StackFixture, name: string, pendingConfirmation: boolean): StackFixture {
  return fixture.add(
    types.subscription,
    name,
    {
      topic: physical.topicArn,
      protocol: "https",
      endpoint: "https://hooks.example.com/cloudtrail",
      arn: `${physical.topicArn}:5555-6666`,
      pendingConfirmation,
      region: "us-east-1",
    },
    { propertyDependencies: { topic: [names.topic] } },
  );
}

export const topicDeliveryCases: PolicyCases = {
  valid: [
    // Subscriptions pending confirmation.
    {
      name: "aws: a confirmed subscription (deployed, pendingConfirmation false)",
      stack: () => compliantStack(deployed),
    },
    {
      name: "aws: a new subscription at preview (pendingConfirmation unknown) is not held against it",
      stack: () => compliantStack(preview),
    },
    {
      name: "aws: one subscription pending, another confirmed",
      stack: () =>
        addSubscription(
          compliantStack(deployed).patch(names.subscription, { pendingConfirmation: true }),
          "webhook",
          false,
        ),
    },
    { name: "aws-native: subscriptions report no confirmation state", stack: () => compliantNativeStack(deployed) },
    // Encryption with a key CloudWatch may use.
    {
      name: "aws: key policy with the SNS guide's CloudWatch statement (deployed, key ARN)",
      stack: () => classicEncrypted("deployed", keyPolicyForAlarms()),
    },
    {
      name: "aws: key policy with the SNS guide's CloudWatch statement (preview, ARN unknown)",
      stack: () => classicEncrypted("preview", keyPolicyForAlarms()),
    },
    {
      name: "aws: topic encrypted through the alias name (deployed)",
      stack: () =>
        encryptTopic(
          classicAlias(classicKey(compliantStack(deployed), "deployed", keyPolicyForAlarms()), "deployed"),
          aliasName,
          [alias],
        ),
    },
    {
      name: "aws: topic encrypted through the alias ARN, unknown at preview",
      stack: () =>
        encryptTopic(
          classicAlias(classicKey(compliantStack(preview), "preview", keyPolicyForAlarms()), "preview"),
          unknownValue.string,
          [alias],
        ),
    },
    {
      name: "aws: topic encrypted by key id (deployed)",
      stack: () => encryptTopic(classicKey(compliantStack(deployed), "deployed", keyPolicyForAlarms()), exampleKeyId),
    },
    {
      name: "aws: a separate aws.kms.KeyPolicy grants CloudWatch (it replaces the key's default policy)",
      stack: () =>
        addKmsKeyPolicy(classicEncrypted("deployed"), "alarm-key-policy", {
          phase: "deployed",
          key,
          policy: keyPolicyForAlarms(),
        }),
    },
    {
      name: "aws: a customer managed key of another account is taken as usable",
      stack: () => encryptTopic(compliantStack(deployed), kmsKeyArn(exampleKeyId, "us-east-1", "444455556666")),
    },
    {
      name: "aws: a replica key whose own policy has the CloudWatch statement (preview)",
      stack: () => classicReplicaEncrypted("preview", keyPolicyForAlarms()),
    },
    {
      name: "aws-native: key policy with the CloudWatch statement, through the alias (deployed)",
      stack: () => nativeEncryptedByAlias("deployed", keyPolicyForAlarms()),
    },
    {
      name: "aws-native: key policy with the CloudWatch statement, through the alias (preview)",
      stack: () => nativeEncryptedByAlias("preview", keyPolicyForAlarms()),
    },
    {
      name: "aws-native: key policy with the CloudWatch statement, key ARN unknown at preview",
      stack: () =>
        encryptTopic(nativeKey(compliantNativeStack(preview), "preview", keyPolicyForAlarms()), unknownValue.string, [
          key,
        ]),
    },
  ],
  invalid: [
    {
      name: "aws: the only subscription is pending confirmation (deployed)",
      stack: () => compliantStack(deployed).patch(names.subscription, { pendingConfirmation: true }),
      violations: [
        noGoodTopic(types, [
          {
            id: "onlyPendingSubscriptions",
            topic: chainTopic,
            subscriptions: [namedResource("subscription", names.subscription)],
          },
        ]),
      ],
    },
    {
      name: "aws: both subscriptions pending confirmation",
      stack: () =>
        addSubscription(
          compliantStack(deployed).patch(names.subscription, { pendingConfirmation: true }),
          "webhook",
          true,
        ),
      violations: [
        noGoodTopic(types, [
          {
            id: "onlyPendingSubscriptions",
            topic: chainTopic,
            subscriptions: [
              namedResource("subscription", names.subscription),
              namedResource("subscription", "webhook"),
            ],
          },
        ]),
      ],
    },
    {
      // The confirmed subscription is not of an allowed protocol; the one that is has not been confirmed: not "only
      // pending subscriptions", as one is confirmed.
      name: "aws: a confirmed HTTPS subscription where only email counts, and a pending email one",
      stack: () =>
        addSubscription(
          compliantStack(deployed).patch(names.subscription, { pendingConfirmation: true }),
          "webhook",
          false,
        ),
      config: { allowedProtocols: ["email"] },
      violations: [noGoodTopic(types, [{ id: "noAllowedProtocol", topic: chainTopic, protocols: [q("email")] }])],
    },
    {
      name: "aws: AWS managed key by alias name (deployed)",
      stack: () => encryptTopic(compliantStack(deployed), "alias/aws/sns"),
      violations: [noGoodTopic(types, [{ id: "awsManagedKey", topic: chainTopic, key: q("alias/aws/sns") }])],
    },
    {
      name: "aws: AWS managed key by alias ARN (preview)",
      stack: () => encryptTopic(compliantStack(preview), `arn:aws:kms:us-east-1:${account}:alias/aws/sns`),
      violations: [
        noGoodTopic(types, [
          { id: "awsManagedKey", topic: chainTopic, key: q(`arn:aws:kms:us-east-1:${account}:alias/aws/sns`) },
        ]),
      ],
    },
    {
      name: "aws: key created without a policy gets the default key policy (deployed)",
      stack: () => classicEncrypted("deployed"),
      violations: [keyDenies(types, q(theKeyArn), defaultPolicyReason)],
    },
    {
      name: "aws: key created without a policy: its policy is not known at the first preview",
      stack: () => classicEncrypted("preview"),
      violations: [
        noGoodTopic(types, [
          {
            id: "topicKeyUnknown",
            topic: chainTopic,
            unknown: notKnown({ id: "keyPolicyOf", key: namedResource("KMS key", key) }),
          },
        ]),
      ],
    },
    {
      name: "aws: key policy whose CloudWatch statement has a condition (deployed)",
      stack: () => classicEncrypted("deployed", keyPolicyForOwnAlarms()),
      violations: [
        noGoodTopic(types, [{ id: "keyPolicyUnclear", topic: chainTopic, key: q(theKeyArn), reason: conditionReason }]),
      ],
    },
    {
      name: "aws: a separate aws.kms.KeyPolicy with only the default statement replaces a good key policy",
      stack: () =>
        addKmsKeyPolicy(classicEncrypted("preview", keyPolicyForAlarms()), "alarm-key-policy", {
          phase: "preview",
          key,
          policy: defaultKeyPolicy(),
        }),
      violations: [keyDenies(types, namedResource("KMS key", key), defaultPolicyReason)],
    },
    {
      // The key's ARN written out in the program rather than `key.arn`: the topic depends on no resource, and the
      // ARN still names the stack's key (SNS API, SetTopicAttributes `KmsMasterKeyId`: a key ID, key ARN, alias name
      // or alias ARN).
      name: "aws: the stack key's ARN written out (no dependency), key with the default policy (deployed)",
      stack: () => encryptTopic(classicKey(compliantStack(deployed), "deployed"), theKeyArn),
      violations: [keyDenies(types, q(theKeyArn), defaultPolicyReason)],
    },
    {
      // The alias name written out, and the alias's `targetKeyId` too: no dependency leads to the key, the names do.
      name: "aws: alias name and its target key id written out (no dependencies), key with the default policy",
      stack: () =>
        encryptTopic(
          classicAlias(classicKey(compliantStack(deployed), "deployed"), "deployed").dependOn(alias, {}),
          aliasName,
        ),
      violations: [keyDenies(types, q(aliasName), defaultPolicyReason)],
    },
    {
      // The topic's key is not known during this preview but depends on the alias, whose target key id is written
      // out (no dependency): the id names the stack's key.
      name: "aws: kmsMasterKeyId unknown, from an alias whose target key id is written out, key with the default policy",
      stack: () =>
        encryptTopic(
          classicAlias(classicKey(compliantStack(deployed), "deployed"), "deployed").dependOn(alias, {}),
          unknownValue.string,
          [alias],
        ),
      violations: [keyDenies(types, namedResource("KMS key", key), defaultPolicyReason)],
    },
    {
      name: "aws: kmsMasterKeyId sent as a secret: the key is not printed",
      stack: () =>
        encryptTopic(classicKey(compliantStack(deployed), "deployed"), theKeyArn, [key]).patch(names.topic, {
          kmsMasterKeyId: secret(theKeyArn),
        }),
      violations: [keyDenies(types, "[secret]", defaultPolicyReason)],
    },
    {
      name: "aws: the key policy sent as a secret: why it denies CloudWatch is not printed",
      stack: () => classicEncrypted("deployed").patch(key, { policy: secret(JSON.stringify(defaultKeyPolicy())) }),
      violations: [keyDenies(types, q(theKeyArn), "[secret]")],
    },
    {
      name: "aws: topic encrypted through the alias name, key with the default policy (deployed)",
      stack: () =>
        encryptTopic(classicAlias(classicKey(compliantStack(deployed), "deployed"), "deployed"), aliasName, [alias]),
      violations: [keyDenies(types, q(aliasName), defaultPolicyReason)],
    },
    {
      // A key ARN exported by a CloudFormation stack the program deploys: unknown at the first preview, and the
      // topic depends on no KMS key of the stack.
      name: "aws: kmsMasterKeyId unknown at preview and from no key of the stack",
      stack: () =>
        encryptTopic(
          compliantStack(preview).add("aws:cloudformation/stack:Stack", "security-baseline", {
            name: "security-baseline",
            outputs: unknownValue.object,
          }),
          unknownValue.string,
          ["security-baseline"],
        ),
      violations: [
        noGoodTopic(types, [{ id: "topicKeyUnknown", topic: chainTopic, unknown: notKnown({ id: "itsKey" }) }]),
      ],
    },
    {
      // The replica's policy is its own: a good policy on the primary key (not in this stack) would not help.
      name: "aws: a replica key of the stack created without a policy (deployed) is judged, not taken as external",
      stack: () => classicReplicaEncrypted("deployed"),
      violations: [keyDenies(types, q(replicaArn), defaultPolicyReason)],
    },
    {
      name: "aws-native: a replica key whose policy is the default one (preview, ARN unknown)",
      stack: () =>
        encryptTopic(
          addNativeKmsReplicaKey(compliantNativeStack(preview), replica, {
            phase: "preview",
            keyPolicy: defaultKeyPolicy(),
          }),
          unknownValue.string,
          [replica],
        ),
      violations: [keyDenies(nativeTypes, namedResource("KMS key", replica), defaultPolicyReason)],
    },
    {
      name: "aws-native: AWS managed key (deployed)",
      stack: () => encryptTopic(compliantNativeStack(deployed), "alias/aws/sns"),
      violations: [noGoodTopic(nativeTypes, [{ id: "awsManagedKey", topic: chainTopic, key: q("alias/aws/sns") }])],
    },
    {
      name: "aws-native: key without keyPolicy at preview: the default key policy, through the alias",
      stack: () => nativeEncryptedByAlias("preview"),
      violations: [keyDenies(nativeTypes, q(aliasName), { id: "defaultKeyPolicy" })],
    },
    {
      name: "aws-native: key without keyPolicy at preview, named by its ARN (unknown)",
      stack: () => encryptTopic(nativeKey(compliantNativeStack(preview), "preview"), unknownValue.string, [key]),
      violations: [keyDenies(nativeTypes, namedResource("KMS key", key), { id: "defaultKeyPolicy" })],
    },
    {
      name: "aws-native: key created without keyPolicy, read back with the default key policy (deployed)",
      stack: () => nativeEncryptedByAlias("deployed"),
      violations: [keyDenies(nativeTypes, q(aliasName), defaultPolicyReason)],
    },
    {
      name: "aws-native: key policy whose CloudWatch statement has a condition (preview)",
      stack: () => nativeEncryptedByAlias("preview", keyPolicyForOwnAlarms()),
      violations: [
        noGoodTopic(nativeTypes, [
          { id: "keyPolicyUnclear", topic: chainTopic, key: q(aliasName), reason: conditionReason },
        ]),
      ],
    },
    {
      // A key administrator role created in the same program: its ARN is unknown at the first preview.
      name: "aws-native: key policy naming a role whose ARN is unknown at preview",
      stack: () => {
        const policy = keyPolicyForAlarms();
        const administrators = {
          Sid: "Key administrators",
          Effect: "Allow",
          Principal: { AWS: unknownValue.string },
          Action: "kms:*",
          Resource: "*",
        };
        return nativeEncryptedByAlias("preview", { ...policy, Statement: [...policy.Statement, administrators] });
      },
      violations: [
        noGoodTopic(nativeTypes, [
          {
            id: "topicKeyUnknown",
            topic: chainTopic,
            unknown: notKnown({ id: "keyPolicyOf", key: namedResource("KMS key", key) }),
          },
        ]),
      ],
    },
  ],
};
