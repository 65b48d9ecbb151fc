/**
 * One metric-filter pattern per CIS AWS Foundations monitoring control (4.1-4.15 in CIS v1.4.0-v5.0.0 numbering),
 * as security teams write them: the CIS v5.0.0 texts of 4.2, 4.3, 4.6-4.8 and 4.10; the CIS v1.2.0 texts of 4.5,
 * 4.9, 4.11 and 4.12; variants that add an `$.eventSource` conjunct (4.4, 4.13, 4.15, as printed from v1.3.0) or
 * parentheses around the `||` of 4.1 (whose printed text leaves its precedence to an undocumented rule). Sources:
 * the CIS texts as quoted by Prowler's compliance data (prowler-cloud/prowler, compliance/aws/cis_*_aws.json) and
 * AWS Security Hub's CloudWatch controls (https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html).
 *
 * Written out here rather than read from lib/controls, so that the benchmark judges the patterns users write, not
 * the pack's own data. The policy tests' CIS stack (test/helpers/cis-fixtures.ts) uses this list.
 */

/** A control's metric filter in a stack that monitors every control. */
export interface CisMonitoringPattern {
  /** The control's id in lib/controls. */
  readonly id: string;
  /** The metric the filter counts and the alarm watches (CIS's metric name). */
  readonly metric: string;
  readonly pattern: string;
}

/** The CloudTrail-changes pattern of CIS v1.2.0 4.5 (Security Hub CloudWatch.5 prints the same calls). */
export const cloudTrailChangesPattern =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }";

/** The same without StopLogging: a trail can be silenced unnoticed (the defect of the "pattern misses" chains). */
export const cloudTrailChangesPatternWithoutStopLogging =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }";

/** The fifteen controls in CIS order. */
export const cisMonitoringPatterns: readonly CisMonitoringPattern[] = [
  {
    id: "unauthorized-api-calls",
    metric: "UnauthorizedAPICalls",
    pattern:
      '{ (($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*")) && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
  },
  {
    id: "console-signin-without-mfa",
    metric: "ConsoleSigninWithoutMFA",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: "root-account-usage",
    metric: "RootAccountUsage",
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: "iam-policy-changes",
    metric: "IAMPolicyChanges",
    pattern:
      "{($.eventSource=iam.amazonaws.com) && (($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy))}",
  },
  { id: "cloudtrail-changes", metric: "CloudTrailConfigChanges", pattern: cloudTrailChangesPattern },
  {
    id: "console-authentication-failures",
    metric: "ConsoleAuthenticationFailure",
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    id: "kms-key-disable-or-deletion",
    metric: "DisableOrDeleteCMK",
    pattern: "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
  },
  {
    id: "s3-bucket-policy-changes",
    metric: "S3BucketPolicyChanges",
    pattern:
      "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
  },
  {
    id: "aws-config-changes",
    metric: "AWSConfigChanges",
    pattern:
      "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
  },
  {
    id: "security-group-changes",
    metric: "SecurityGroupChanges",
    pattern:
      "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }",
  },
  {
    id: "network-acl-changes",
    metric: "NetworkACLChanges",
    pattern:
      "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
  },
  {
    id: "network-gateway-changes",
    metric: "NetworkGatewayChanges",
    pattern:
      "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
  },
  {
    id: "route-table-changes",
    metric: "RouteTableChanges",
    pattern:
      "{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }",
  },
  {
    id: "vpc-changes",
    metric: "VPCChanges",
    pattern:
      "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
  },
  {
    id: "organizations-changes",
    metric: "OrganizationsChanges",
    pattern:
      '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  },
];
