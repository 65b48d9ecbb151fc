/**
 * A stack that monitors all fifteen CIS AWS Foundations monitoring controls, as a security team writes it: one
 * multi-region trail with global service events delivering to one log group, one metric filter per control with
 * the control's pattern (a CIS text, or a common variant of one: an `$.eventSource` conjunct, parentheses around
 * the `||`; written out here, not read from lib/controls), one alarm per metric (Sum, 300 s, >= 1), all notifying
 * one topic with an e-mail subscription. Deployed state, @pulumi/aws v7.
 */
import { addCompliantChain, chainNames, physicalNames, types } from "./aws-fixtures";
import { StackFixture } from "./engine-resources";

/** Per control: the logical name prefix of its filter and alarm, its metric, and its CIS pattern. */
export interface ControlMonitoring {
  readonly id: string;
  readonly metric: string;
  readonly pattern: string;
}

/**
 * One pattern per control (4.1-4.15; 4.5 is the chain's own, added by `addCompliantChain`), as users write them:
 * the CIS v5.0.0 texts of 4.2, 4.3, 4.6-4.8, 4.10; CIS v1.2.0 texts of 4.9, 4.11, 4.12; and variants that add an
 * `$.eventSource` conjunct (4.4, 4.13, 4.15 as printed from v1.3.0) or parentheses around the `||` of 4.1 (whose
 * printed text leaves its precedence to an undocumented rule). Sources: the CIS texts as quoted by Prowler's
 * compliance data (prowler-cloud/prowler, compliance/aws/cis_*_aws.json) and AWS Security Hub's CloudWatch controls.
 */
export const cisMonitoring: readonly ControlMonitoring[] = [
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

/** The logical names of one control's filter and alarm. */
export function controlNames(id: string): { readonly filter: string; readonly alarm: string } {
  return { filter: `${id}-filter`, alarm: `${id}-alarm` };
}

/** The compliant chain (CloudTrail changes) plus one filter and one alarm per other control, deployed. */
export function cisMonitoringStack(): StackFixture {
  const fixture = addCompliantChain(new StackFixture());
  const names = chainNames();
  const physical = physicalNames();
  fixture.patch(names.trail, { includeGlobalServiceEvents: true, isMultiRegionTrail: true });
  for (const control of cisMonitoring) {
    const { filter, alarm } = controlNames(control.id);
    fixture.add(
      types.metricFilter,
      filter,
      {
        name: filter,
        logGroupName: physical.logGroupName,
        pattern: control.pattern,
        metricTransformation: {
          name: control.metric,
          namespace: "CloudTrailMetrics",
          value: "1",
          defaultValue: "",
          unit: "",
          dimensions: {},
        },
        region: "us-east-1",
        applyOnTransformedLogs: false,
      },
      { propertyDependencies: { logGroupName: [names.logGroup] } },
    );
    fixture.add(
      types.alarm,
      alarm,
      {
        name: `${alarm}-3c4d`,
        metricName: control.metric,
        namespace: "CloudTrailMetrics",
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        evaluationPeriods: 1,
        alarmActions: [physical.topicArn],
        actionsEnabled: true,
        treatMissingData: "missing",
        region: "us-east-1",
        extendedStatistic: "",
        datapointsToAlarm: 0,
        dimensions: {},
        unit: "",
        thresholdMetricId: "",
        metricQueries: [],
      },
      { propertyDependencies: { alarmActions: [names.topic] } },
    );
  }
  return fixture;
}
