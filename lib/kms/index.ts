/**
 * Whether CloudWatch can use the KMS key of an encrypted SNS topic: the AWS managed key for SNS never works, and a
 * customer managed key works when its key policy allows the CloudWatch service principal kms:Decrypt and
 * kms:GenerateDataKey. Knows nothing about Pulumi: inputs are key ids and policy documents.
 */
export { AWS_MANAGED_SNS_KEY_ALIAS, isAwsManagedSnsKey } from "./managed-key";
export {
  CLOUDWATCH_REQUIRED_ACTIONS,
  CLOUDWATCH_SERVICE_PRINCIPAL,
  keyPolicyGrantsCloudWatch,
  keyPolicyGrantsService,
  type GrantVerdict,
  type KeyPolicyGrant,
} from "./key-policy";
export { iamWildcardMatch } from "./statement";
