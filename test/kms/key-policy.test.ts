/**
 * Whether a KMS key policy lets CloudWatch alarms publish to a topic encrypted with the key, and recognising the AWS
 * managed key for SNS.
 *
 * Real policies come from the AWS documentation named on each row; crafted ones apply IAM's evaluation logic
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html: explicit deny wins, an
 * allow is needed, otherwise implicit deny) to one element at a time.
 */
import { isAwsManagedSnsKey, keyPolicyGrantsCloudWatch } from "../../lib/kms";

/** KMS "Default key policy": the whole policy of a key created through the API. */
const DEFAULT_KEY_POLICY_STATEMENT = {
  Sid: "Enable IAM policies",
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::111122223333:root" },
  Action: "kms:*",
  Resource: "*",
};

/** SNS "Enable compatibility between event sources from AWS services and encrypted topics", with the principal set. */
const SNS_DOC_STATEMENT = {
  Effect: "Allow",
  Principal: { Service: "cloudwatch.amazonaws.com" },
  Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
  Resource: "*",
};

/** KMS "Default key policy", the console's two key users statements (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html). */
const KEY_USERS = [
  "arn:aws:iam::111122223333:user/ExampleUser",
  "arn:aws:iam::111122223333:role/ExampleRole",
  "arn:aws:iam::444455556666:root",
];
const KEY_USERS_STATEMENT = {
  Sid: "Allow use of the key",
  Effect: "Allow",
  Principal: { AWS: KEY_USERS },
  Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
  Resource: "*",
};
const KEY_USERS_GRANTS_STATEMENT = {
  Sid: "Allow attachment of persistent resources",
  Effect: "Allow",
  Principal: { AWS: KEY_USERS },
  Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
  Resource: "*",
  Condition: { Bool: { "kms:GrantIsForAWSResource": true } },
};

const policy = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const verdict = (p: unknown) => keyPolicyGrantsCloudWatch(p).verdict;

describe("policies from the AWS documentation", () => {
  it("the default key policy does not grant the service: the account principal only enables IAM policies", () => {
    const grant = keyPolicyGrantsCloudWatch(policy(DEFAULT_KEY_POLICY_STATEMENT));
    expect(grant.verdict).toBe("no");
    expect(grant.reason).toContain("account principal");
  });

  it("the default key policy plus the SNS guide's statement for cloudwatch.amazonaws.com grants it", () => {
    expect(verdict(policy(DEFAULT_KEY_POLICY_STATEMENT, SNS_DOC_STATEMENT))).toBe("yes");
  });

  it("the SNS guide's statement as printed, principal placeholder not replaced, grants nothing to CloudWatch", () => {
    const template = { ...SNS_DOC_STATEMENT, Principal: { Service: "service.amazonaws.com" } };
    expect(verdict(policy(DEFAULT_KEY_POLICY_STATEMENT, template))).toBe("no");
  });

  it("the console's key users statements name IAM principals, not the service", () => {
    expect(verdict(policy(DEFAULT_KEY_POLICY_STATEMENT, KEY_USERS_STATEMENT, KEY_USERS_GRANTS_STATEMENT))).toBe("no");
  });

  it("a conditional statement for other principals does not make the answer unknown", () => {
    const all = policy(
      DEFAULT_KEY_POLICY_STATEMENT,
      KEY_USERS_STATEMENT,
      KEY_USERS_GRANTS_STATEMENT,
      SNS_DOC_STATEMENT,
    );
    expect(verdict(all)).toBe("yes");
  });

  it("reads the policy as JSON text, as a key's `policy` property holds it", () => {
    expect(verdict(JSON.stringify(policy(DEFAULT_KEY_POLICY_STATEMENT, SNS_DOC_STATEMENT)))).toBe("yes");
  });
});

describe("Statement, Principal, Action and Resource forms", () => {
  const allow = (fields: Record<string, unknown>) => policy({ Effect: "Allow", Resource: "*", ...fields });
  const service = { Service: "cloudwatch.amazonaws.com" };

  it.each<[string, unknown, string]>([
    ["Statement as a single object", { Statement: SNS_DOC_STATEMENT }, "yes"],
    ["an empty Statement list allows nothing", { Statement: [] }, "no"],
    [
      "Service as a list",
      allow({ Principal: { Service: ["sns.amazonaws.com", "cloudwatch.amazonaws.com"] }, Action: "kms:*" }),
      "yes",
    ],
    ['Principal "*" (everyone)', allow({ Principal: "*", Action: ["kms:Decrypt", "kms:GenerateDataKey"] }), "yes"],
    ['Principal {"AWS": "*"} (everyone)', allow({ Principal: { AWS: "*" }, Action: "kms:*" }), "yes"],
    ["Action *", allow({ Principal: service, Action: "*" }), "yes"],
    ["Action kms:Gen* and kms:Decrypt", allow({ Principal: service, Action: ["kms:Gen*", "kms:Decrypt"] }), "yes"],
    [
      "action names are case-insensitive",
      allow({ Principal: service, Action: ["KMS:DECRYPT", "kms:generatedatakey*"] }),
      "yes",
    ],
    ["? matches one character", allow({ Principal: service, Action: ["kms:Decryp?", "kms:GenerateDataKe?"] }), "yes"],
    // IAM's only wildcards are * and ?: other characters, regular-expression syntax included, stand for themselves.
    [
      "kms:Decrypt+ is not kms:Decrypt",
      allow({ Principal: service, Action: ["kms:Decrypt+", "kms:GenerateDataKey"] }),
      "no",
    ],
    ["only kms:Decrypt: GenerateDataKey is missing", allow({ Principal: service, Action: "kms:Decrypt" }), "no"],
    [
      "kms:GenerateDataKeyWithoutPlaintext is not kms:GenerateDataKey",
      allow({ Principal: service, Action: ["kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext"] }),
      "no",
    ],
    [
      "NotAction leaves the two actions allowed",
      allow({ Principal: service, NotAction: ["kms:ScheduleKeyDeletion"] }),
      "yes",
    ],
    ["NotAction excluding kms:Decrypt", allow({ Principal: service, NotAction: "kms:Decrypt" }), "no"],
    ["another service", allow({ Principal: { Service: "events.amazonaws.com" }, Action: "kms:*" }), "no"],
    [
      "the account id as principal delegates to IAM",
      allow({ Principal: { AWS: "111122223333" }, Action: "kms:*" }),
      "no",
    ],
    [
      "a specific key ARN: this check does not know the key's ARN",
      policy({
        ...SNS_DOC_STATEMENT,
        Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      }),
      "unknown",
    ],
  ])("%s: %s", (_what, p, expected) => {
    expect(verdict(p)).toBe(expected);
  });
});

describe("conditions and denies", () => {
  const withCondition = { ...SNS_DOC_STATEMENT, Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } };
  const deny = (fields: Record<string, unknown>) => ({ Effect: "Deny", Resource: "*", Action: "kms:*", ...fields });

  it("an allow under a condition cannot be confirmed before deployment", () => {
    const grant = keyPolicyGrantsCloudWatch(policy(withCondition));
    expect(grant.verdict).toBe("unknown");
    expect(grant.reason).toContain("StringEquals aws:SourceAccount");
  });

  it('an allow to "*" under a condition (the shape of an AWS managed key\'s policy) is unknown, not yes', () => {
    const viaSns = {
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": "sns.us-east-1.amazonaws.com", "kms:CallerAccount": "111122223333" },
      },
    };
    expect(verdict(policy(viaSns))).toBe("unknown");
  });

  it("an empty Condition object is no condition", () => {
    expect(verdict(policy({ ...SNS_DOC_STATEMENT, Condition: {} }))).toBe("yes");
  });

  it.each<[string, unknown, string]>([
    [
      "an unconditional deny to everyone wins over the allow",
      policy(SNS_DOC_STATEMENT, deny({ Principal: "*" })),
      "no",
    ],
    [
      "a deny of kms:Decrypt to the service wins",
      policy(SNS_DOC_STATEMENT, deny({ Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "kms:Decrypt" })),
      "no",
    ],
    [
      "a deny under a condition may apply",
      policy(SNS_DOC_STATEMENT, deny({ Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } })),
      "unknown",
    ],
    [
      "a deny to an IAM role does not reach the service",
      policy(SNS_DOC_STATEMENT, deny({ Principal: { AWS: "arn:aws:iam::111122223333:role/Intern" } })),
      "yes",
    ],
    [
      "a deny of other actions does not matter",
      policy(SNS_DOC_STATEMENT, deny({ Principal: "*", Action: "kms:ScheduleKeyDeletion" })),
      "yes",
    ],
    [
      "a deny to all but the service (NotPrincipal)",
      policy(SNS_DOC_STATEMENT, deny({ NotPrincipal: { Service: "cloudwatch.amazonaws.com" } })),
      "yes",
    ],
    [
      "a deny to all but the account (NotPrincipal) reaches the service",
      policy(SNS_DOC_STATEMENT, deny({ NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } })),
      "no",
    ],
    [
      "a deny alone, nothing allowed",
      policy(deny({ Principal: { AWS: "arn:aws:iam::111122223333:role/Intern" } })),
      "no",
    ],
  ])("%s: %s", (_what, p, expected) => {
    expect(verdict(p)).toBe(expected);
  });
});

describe("malformed policies are unknown, with a reason", () => {
  it.each<[string, unknown, string]>([
    ["JSON that does not parse", '{"Statement": [', "not valid JSON"],
    ["not an object", "[1, 2]", "not a JSON object"],
    ["null", null, "not a JSON object"],
    ["JSON text of a string", '"Allow everything"', "not a JSON object"],
    ["a number", 42, "not a JSON object"],
    ["no Statement", { Version: "2012-10-17" }, "no Statement"],
    ["a lower-case Effect", policy({ ...SNS_DOC_STATEMENT, Effect: "allow" }), "Effect"],
    ["a statement that is a string", policy("Allow everything"), "not a JSON object"],
  ])("%s", (_what, p, fragment) => {
    const grant = keyPolicyGrantsCloudWatch(p);
    expect(grant.verdict).toBe("unknown");
    expect(grant.reason).toContain(fragment);
  });
});

describe("the AWS managed key for SNS", () => {
  it.each([
    // Alias name and alias ARN, the forms a topic's KmsMasterKeyId takes (SNS SetTopicAttributes: "an alias ...").
    ["alias/aws/sns", true],
    ["arn:aws:kms:us-east-1:111122223333:alias/aws/sns", true],
    ["arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/sns", true],
    ["arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/sns", true],
    // A customer managed key's alias, and keys given by id or ARN, which cannot be told apart without KMS.
    ["alias/my-topic-key", false],
    ["alias/aws/sns-copy", false],
    ["arn:aws:kms:us-east-1:111122223333:alias/aws/snsx", false],
    ["1234abcd-12ab-34cd-56ef-1234567890ab", false],
    ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", false],
    ["", false],
  ])("%j: %s", (id, expected) => {
    expect(isAwsManagedSnsKey(id)).toBe(expected);
  });
});

/**
 * The reason given with each verdict, for the principal, action, resource and condition forms each rule of the IAM
 * policy grammar admits (reference_policies_elements_principal.html: Principal keys "AWS", "Service", "Federated",
 * "CanonicalUser"; NotPrincipal; reference_policies_elements_condition.html: Condition is an object of operators).
 * The answer names the first of the two actions checked, kms:Decrypt, that it could not settle.
 */
describe("the reason given with each verdict", () => {
  const CW = "cloudwatch.amazonaws.com";
  const onlyIf = (why: string) => `statement 1 allows ${CW} kms:Decrypt only if ${why}`;
  const allow = (fields: Record<string, unknown>) =>
    policy({ Effect: "Allow", Principal: { Service: CW }, Action: "kms:*", Resource: "*", ...fields });

  it.each<[string, unknown, { verdict: string; reason: string }]>([
    [
      "a web-identity (Federated) principal is not the service",
      allow({ Principal: { Federated: "cognito-identity.amazonaws.com" } }),
      { verdict: "no", reason: `no statement allows ${CW} kms:Decrypt` },
    ],
    [
      "an S3 canonical user is not the service",
      allow({ Principal: { CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" } }),
      { verdict: "no", reason: `no statement allows ${CW} kms:Decrypt` },
    ],
    [
      "a Service value that is not a string or a list",
      allow({ Principal: { Service: { name: CW } } }),
      { verdict: "unknown", reason: onlyIf(`its Principal may not include ${CW}`) },
    ],
    [
      "a principal key IAM does not define",
      allow({ Principal: { Group: "admins" } }),
      { verdict: "unknown", reason: onlyIf(`its Principal may not include ${CW}`) },
    ],
    [
      "the service name in another letter case",
      allow({ Principal: { Service: "CloudWatch.amazonaws.com" } }),
      { verdict: "unknown", reason: onlyIf(`its Principal may not include ${CW}`) },
    ],
    [
      'a Service of "*"',
      allow({ Principal: { Service: "*" } }),
      { verdict: "unknown", reason: onlyIf(`its Principal may not include ${CW}`) },
    ],
    [
      "an allow through NotPrincipal",
      policy({
        Effect: "Allow",
        NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "kms:*",
        Resource: "*",
      }),
      {
        verdict: "unknown",
        reason: onlyIf("it allows through NotPrincipal, which AWS advises against and does not define for services"),
      },
    ],
    [
      "no Principal",
      policy({ Effect: "Allow", Action: "kms:*", Resource: "*" }),
      { verdict: "unknown", reason: onlyIf("it has no Principal") },
    ],
    [
      "no Action",
      policy({ Effect: "Allow", Principal: { Service: CW }, Resource: "*" }),
      { verdict: "unknown", reason: onlyIf("it has no Action") },
    ],
    [
      "an Action that is not a string or a list",
      allow({ Action: { kms: "*" } }),
      { verdict: "unknown", reason: onlyIf("its Action does not cover kms:Decrypt") },
    ],
    [
      "NotResource",
      policy({ Effect: "Allow", Principal: { Service: CW }, Action: "kms:*", NotResource: "arn:aws:s3:::bucket" }),
      { verdict: "unknown", reason: onlyIf("it uses NotResource, which this check does not evaluate") },
    ],
    [
      "no Resource",
      policy({ Effect: "Allow", Principal: { Service: CW }, Action: "kms:*" }),
      { verdict: "unknown", reason: onlyIf("it has no Resource") },
    ],
    [
      "a Condition that is not an object",
      allow({ Condition: "aws:SecureTransport" }),
      { verdict: "unknown", reason: onlyIf("its Condition is not an object") },
    ],
    [
      "a condition operator whose block is not an object",
      allow({ Condition: { Bool: true } }),
      {
        verdict: "unknown",
        reason: onlyIf(
          "its condition holds (Bool), which depends on the request and cannot be checked before deployment",
        ),
      },
    ],
    [
      'a Principal that is a plain string other than "*"',
      allow({ Principal: CW }),
      { verdict: "unknown", reason: onlyIf(`its Principal may not include ${CW}`) },
    ],
    [
      "a NotAction that is not a string or a list",
      policy({ Effect: "Allow", Principal: { Service: CW }, NotAction: { kms: "*" }, Resource: "*" }),
      { verdict: "unknown", reason: onlyIf("its NotAction excludes kms:Decrypt") },
    ],
    [
      "a Resource that names a key ARN",
      allow({ Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }),
      {
        verdict: "unknown",
        reason: onlyIf("its Resource names a key ARN, and this check does not know the key's ARN"),
      },
    ],
    [
      "Statement null is no Statement",
      { Version: "2012-10-17", Statement: null },
      { verdict: "unknown", reason: "the key policy has no Statement (an object or a list of them)" },
    ],
    [
      'a deny to everyone but everyone (NotPrincipal "*") denies no one',
      policy(SNS_DOC_STATEMENT, { Effect: "Deny", NotPrincipal: "*", Action: "kms:*", Resource: "*" }),
      { verdict: "yes", reason: `statement 1 allows ${CW} kms:Decrypt; statement 1 allows ${CW} kms:GenerateDataKey` },
    ],
    [
      'a deny to all but Service "*" may or may not exclude CloudWatch',
      policy(SNS_DOC_STATEMENT, { Effect: "Deny", NotPrincipal: { Service: "*" }, Action: "kms:*", Resource: "*" }),
      { verdict: "unknown", reason: `statement 2 may deny ${CW} kms:Decrypt: its NotPrincipal excludes ${CW}` },
    ],
    [
      "a Principal that is a list rather than an object",
      allow({ Principal: [CW] }),
      { verdict: "unknown", reason: onlyIf(`its Principal may not include ${CW}`) },
    ],
    [
      "an Action list with a value that is not a string",
      allow({ Action: ["kms:*", 7] }),
      { verdict: "unknown", reason: onlyIf("its Action does not cover kms:Decrypt") },
    ],
    [
      "an empty Sid names nothing",
      policy({ ...SNS_DOC_STATEMENT, Sid: "" }),
      { verdict: "yes", reason: `statement 1 allows ${CW} kms:Decrypt; statement 1 allows ${CW} kms:GenerateDataKey` },
    ],
    [
      "a Sid names the statement",
      policy({ ...SNS_DOC_STATEMENT, Sid: "AllowAlarms" }),
      {
        verdict: "yes",
        reason:
          `statement 1 ("AllowAlarms") allows ${CW} kms:Decrypt; ` +
          `statement 1 ("AllowAlarms") allows ${CW} kms:GenerateDataKey`,
      },
    ],
    [
      "a deny to the service in another letter case applies",
      policy(SNS_DOC_STATEMENT, {
        Effect: "Deny",
        Principal: { Service: "CLOUDWATCH.amazonaws.com" },
        Action: "kms:*",
        Resource: "*",
      }),
      { verdict: "no", reason: `statement 2 denies ${CW} kms:Decrypt` },
    ],
    [
      "a deny excluding a principal key IAM does not define may apply",
      policy(SNS_DOC_STATEMENT, { Effect: "Deny", NotPrincipal: { Group: "admins" }, Action: "kms:*", Resource: "*" }),
      { verdict: "unknown", reason: `statement 2 may deny ${CW} kms:Decrypt: its NotPrincipal excludes ${CW}` },
    ],
    [
      "an undefined statement (a policy built in code) may deny",
      policy(SNS_DOC_STATEMENT, undefined),
      {
        verdict: "unknown",
        reason: `statement 2 may deny ${CW} kms:Decrypt: it is malformed (it is not a JSON object)`,
      },
    ],
    [
      "a statement that is not an object may deny",
      policy(SNS_DOC_STATEMENT, null),
      {
        verdict: "unknown",
        reason: `statement 2 may deny ${CW} kms:Decrypt: it is malformed (it is not a JSON object)`,
      },
    ],
  ])("%s", (_what, p, expected) => {
    expect(keyPolicyGrantsCloudWatch(p)).toEqual(expected);
  });

  it("a policy that only delegates to IAM says why that does not reach a service (account id or root ARN)", () => {
    const note =
      " (a statement for the account principal only lets the account's IAM policies grant access, and IAM " +
      "policies do not govern a service principal)";
    for (const account of ["111122223333", "arn:aws:iam::111122223333:root", ["arn:aws:iam::111122223333:root"]]) {
      const p = policy({ ...DEFAULT_KEY_POLICY_STATEMENT, Principal: { AWS: account } });
      expect(keyPolicyGrantsCloudWatch(p)).toEqual({
        verdict: "no",
        reason: `no statement allows ${CW} kms:Decrypt${note}`,
      });
    }
  });

  it("the delegation note when one statement of several names the account principal", () => {
    const note =
      " (a statement for the account principal only lets the account's IAM policies grant access, and IAM " +
      "policies do not govern a service principal)";
    // The statement with no principal comes first, so that it is read before one names the account.
    const p = policy(
      { Effect: "Allow", Principal: null, Action: "kms:ScheduleKeyDeletion", Resource: "*" },
      { Effect: "Allow", Principal: "*", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
      KEY_USERS_STATEMENT,
      DEFAULT_KEY_POLICY_STATEMENT,
    );
    expect(keyPolicyGrantsCloudWatch(p)).toEqual({
      verdict: "no",
      reason: `no statement allows ${CW} kms:Decrypt${note}`,
    });
  });

  it("the delegation note after a statement with no Principal element (a Deny through NotPrincipal)", () => {
    const note =
      " (a statement for the account principal only lets the account's IAM policies grant access, and IAM " +
      "policies do not govern a service principal)";
    // A deny of key deletion to everyone but an administrator role (NotPrincipal, reference_policies_elements_notprincipal.html)
    // does not cover kms:Decrypt, so it neither grants nor denies; it comes first, so that it is read before the
    // statement that names the account.
    const denyDeletion = {
      Effect: "Deny",
      NotPrincipal: { AWS: "arn:aws:iam::111122223333:role/KeyAdmin" },
      Action: "kms:ScheduleKeyDeletion",
      Resource: "*",
    };
    expect(keyPolicyGrantsCloudWatch(policy(denyDeletion, DEFAULT_KEY_POLICY_STATEMENT))).toEqual({
      verdict: "no",
      reason: `no statement allows ${CW} kms:Decrypt${note}`,
    });
  });

  it("a condition's keys are all named, comma-separated", () => {
    const twoKeys = {
      ...SNS_DOC_STATEMENT,
      Condition: {
        StringEquals: { "aws:SourceAccount": "111122223333" },
        ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:111122223333:alarm:*" },
      },
    };
    expect(keyPolicyGrantsCloudWatch(policy(twoKeys))).toEqual({
      verdict: "unknown",
      reason:
        `statement 1 allows ${CW} kms:Decrypt only if its condition holds (StringEquals aws:SourceAccount, ` +
        "ArnLike aws:SourceArn), which depends on the request and cannot be checked before deployment",
    });
  });

  it("no delegation note when no statement names the account principal", () => {
    // An account principal is a 12-digit account id or an ARN ending in ":root" (reference_policies_elements_principal.html);
    // a role whose name is twelve digits, or a longer number, is not one.
    const p = policy(
      { Effect: "Allow", Principal: "*", Action: "kms:ScheduleKeyDeletion", Resource: "*" },
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/Admin" }, Action: "kms:*", Resource: "*" },
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:role/123456789012" },
        Action: "kms:*",
        Resource: "*",
      },
      { Effect: "Allow", Principal: { AWS: "1111222233334444" }, Action: "kms:*", Resource: "*" },
      // Text that merely contains ":root", and an account id written as a number rather than a string.
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root-admin" }, Action: "kms:*", Resource: "*" },
      { Effect: "Allow", Principal: { AWS: [111122223333] }, Action: "kms:ScheduleKeyDeletion", Resource: "*" },
    );
    expect(keyPolicyGrantsCloudWatch(p)).toEqual({ verdict: "no", reason: `no statement allows ${CW} kms:Decrypt` });
  });
});
