/**
 * KMS key policies as the AWS documentation writes them, for stacks whose SNS topic is encrypted.
 */
/** The fixtures' account (`account` in aws-fixtures.ts, which builds keys with these policies). */
const account = "123456789012";

/**
 * KMS developer guide, "Default key policy": the policy a key gets when it is created without one (API, SDK,
 * CloudFormation), and what GetKeyPolicy then returns. It only lets the account's IAM policies grant access.
 */
export function defaultKeyPolicy(accountId = account) {
  return {
    Version: "2012-10-17",
    Id: "key-default-1",
    Statement: [
      {
        Sid: "Enable IAM User Permissions",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: "kms:*",
        Resource: "*",
      },
    ],
  };
}

/**
 * SNS developer guide, "Enable compatibility between event sources from AWS services and encrypted topics": "To
 * allow the AWS service to have the kms:GenerateDataKey* and kms:Decrypt permissions, add the following statement
 * to the KMS policy", with the service principal of the publisher, here CloudWatch alarms.
 */
export const cloudWatchCanUseKey = {
  Sid: "Allow CloudWatch alarms to publish to the encrypted topic",
  Effect: "Allow",
  Principal: { Service: "cloudwatch.amazonaws.com" },
  Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
  Resource: "*",
};

/**
 * The same statement restricted to the account's alarms, as the SNS guide's confused-deputy advice writes it
 * (`aws:SourceArn` with `ArnLike`): whether a request meets the condition depends on the request.
 */
export const cloudWatchCanUseKeyForOwnAlarms = {
  ...cloudWatchCanUseKey,
  Sid: "Allow this account's CloudWatch alarms",
  Condition: { ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${account}:alarm:*` } },
};

/** The default key policy plus the SNS guide's statement for CloudWatch. */
export function keyPolicyForAlarms(accountId = account) {
  return { Version: "2012-10-17", Statement: [...defaultKeyPolicy(accountId).Statement, cloudWatchCanUseKey] };
}

/** The default key policy plus the conditional statement. */
export function keyPolicyForOwnAlarms(accountId = account) {
  return {
    Version: "2012-10-17",
    Statement: [...defaultKeyPolicy(accountId).Statement, cloudWatchCanUseKeyForOwnAlarms],
  };
}
