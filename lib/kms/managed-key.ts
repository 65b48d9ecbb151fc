/**
 * Recognising the AWS managed key for Amazon SNS, `alias/aws/sns`.
 *
 * CloudWatch alarms cannot publish to a topic encrypted with it. AWS's knowledge-center article on encrypted topics
 * for alarms (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns) says, in substance, that a
 * customer managed key is required, that with the default AWS managed key alias/aws/sns the alarm cannot run its
 * action because that key's policy does not allow CloudWatch kms:Decrypt and kms:GenerateDataKey, and that an AWS
 * managed key's policy cannot be edited.
 * KMS itself: "you can only change the key policy for a customer managed key. The policies of AWS managed keys are
 * created and managed by the AWS service that created the KMS key in your account"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying.html). The SNS guide's steps for AWS
 * event sources begin by using a customer managed key
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
 */

/** The alias name, as a topic's KmsMasterKeyId may give it. */
export const AWS_MANAGED_SNS_KEY_ALIAS = "alias/aws/sns";

/**
 * `arn:<partition>:kms:<region>:<account>:alias/aws/sns` (alias ARN format,
 * https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-alias-ARN). Partitions are `aws` and
 * `aws-` followed by a suffix (`aws-cn`, `aws-us-gov`, `aws-iso`, ...).
 */
const ALIAS_ARN = /^arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:[0-9]{12}:alias\/aws\/sns$/;

/**
 * Whether `kmsMasterKeyId` names the AWS managed key for SNS by its alias name or alias ARN.
 *
 * A key id (`1234abcd-...`) or key ARN (`arn:aws:kms:...:key/1234abcd-...`) of that same managed key cannot be told
 * apart from a customer managed key's without asking KMS, so it is "not the alias" (false): the caller then judges
 * the key by its policy, which for the managed key does not grant CloudWatch. Alias names are compared exactly, as
 * written in the AWS documentation.
 */
export function isAwsManagedSnsKey(kmsMasterKeyId: string): boolean {
  return kmsMasterKeyId === AWS_MANAGED_SNS_KEY_ALIAS || ALIAS_ARN.test(kmsMasterKeyId);
}
