/**
 * EC2 security group calls: the six calls of CIS v1.2-v4 "security group changes are monitored" (Security Hub
 * CloudWatch.10) and ModifySecurityGroupRules, which CIS v5 added: since security group rule ids (July 2021) a rule
 * can be changed in place without an Authorize or Revoke call. Built from the API reference's request syntax in
 * CloudTrail's EC2 form (ec2-common.ts); ModifySecurityGroupRules records wrap their request and response in
 * `ModifySecurityGroupRulesRequest` / `ModifySecurityGroupRulesResponse` with the API's PascalCase member names,
 * as AWS's CloudTrail Lake sample query on security group changes reads them.
 */
import type { JsonObject } from "../json";
import type { CallShape } from "./types";
import { EC2_RETURN_TRUE, EXAMPLE } from "./parts";
import { ec2Error, ec2Sources, ec2Write, items } from "./ec2-common";

const GROUP = EXAMPLE.securityGroupId;
const GROUP_NOT_FOUND = ec2Error("InvalidGroup.NotFound", `The security group '${GROUP}' does not exist`);

const SG_RULE_IDS = {
  title: "AWS News Blog: Easily Manage Security Group Rules with the New Security Group Rule ID (July 2021)",
  url: "https://aws.amazon.com/blogs/aws/easily-manage-security-group-rules-with-the-new-security-group-rule-id/",
};
const LAKE_SAMPLE = {
  title:
    "aws-samples/cloud-trail-lake-query-samples: ec2-security-historical-changes.sql (ModifySecurityGroupRulesRequest.GroupId)",
  url: "https://github.com/aws-samples/cloud-trail-lake-query-samples/blob/main/ec2-security-historical-changes.sql",
};
const DEFAULT_GROUP = {
  title: "Amazon VPC User Guide: Default security groups (Client.CannotDelete)",
  url: "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
};

/** One ingress rule: HTTPS from a documentation range. */
function permission(port: number, cidr: string): JsonObject {
  return {
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
    groups: {},
    ipRanges: items({ cidrIp: cidr, description: "office" }),
    ipv6Ranges: {},
    prefixListIds: {},
  };
}

/** The rule set Authorize* returns since rule ids exist. */
function ruleSet(isEgress: boolean, port: number, cidr: string): JsonObject {
  return items({
    groupOwnerId: "${account}",
    groupId: GROUP,
    securityGroupRuleId: EXAMPLE.securityGroupRuleId,
    isEgress,
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrIpv4: cidr,
    description: "office",
  });
}

const DUPLICATE = ec2Error(
  "InvalidPermission.Duplicate",
  'the specified rule "peer: 203.0.113.0/24, TCP, from port: 443, to port: 443, ALLOW" already exists',
);
const RULE_NOT_FOUND = ec2Error(
  "InvalidPermission.NotFound",
  "The specified rule does not exist in this security group.",
);
const RULE_LIMIT = ec2Error(
  "RulesPerSecurityGroupLimitExceeded",
  "The maximum number of rules per security group has been reached.",
);

export const EC2_SECURITY_GROUP_CALLS: readonly CallShape[] = [
  ec2Write("AuthorizeSecurityGroupIngress", {
    requestParameters: { groupId: GROUP, ipPermissions: items(permission(443, "203.0.113.0/24")) },
    responseElements: { ...EC2_RETURN_TRUE, securityGroupRuleSet: ruleSet(false, 443, "203.0.113.0/24") },
    alternativeRequests: [
      { groupId: GROUP, ipPermissions: items(permission(22, "0.0.0.0/0")) },
      {
        groupId: GROUP,
        ipPermissions: items({
          ipProtocol: "-1",
          groups: items({ groupId: "sg-0fedcba9876543210" }),
          ipRanges: {},
          ipv6Ranges: {},
          prefixListIds: {},
        }),
      },
    ],
    errors: [DUPLICATE, GROUP_NOT_FOUND, RULE_LIMIT],
    sources: ec2Sources("AuthorizeSecurityGroupIngress", SG_RULE_IDS),
  }),
  ec2Write("AuthorizeSecurityGroupEgress", {
    requestParameters: { groupId: GROUP, ipPermissions: items(permission(443, "0.0.0.0/0")) },
    responseElements: { ...EC2_RETURN_TRUE, securityGroupRuleSet: ruleSet(true, 443, "0.0.0.0/0") },
    errors: [DUPLICATE, GROUP_NOT_FOUND, RULE_LIMIT],
    sources: ec2Sources("AuthorizeSecurityGroupEgress", SG_RULE_IDS),
  }),
  ec2Write("RevokeSecurityGroupIngress", {
    requestParameters: { groupId: GROUP, ipPermissions: items(permission(443, "203.0.113.0/24")) },
    responseElements: EC2_RETURN_TRUE,
    alternativeRequests: [
      { groupId: GROUP, securityGroupRuleIds: items({ securityGroupRuleId: EXAMPLE.securityGroupRuleId }) },
    ],
    errors: [RULE_NOT_FOUND, GROUP_NOT_FOUND],
    sources: ec2Sources("RevokeSecurityGroupIngress", SG_RULE_IDS),
  }),
  ec2Write("RevokeSecurityGroupEgress", {
    requestParameters: { groupId: GROUP, ipPermissions: items(permission(443, "0.0.0.0/0")) },
    responseElements: EC2_RETURN_TRUE,
    errors: [RULE_NOT_FOUND, GROUP_NOT_FOUND],
    sources: ec2Sources("RevokeSecurityGroupEgress", SG_RULE_IDS),
  }),
  ec2Write("CreateSecurityGroup", {
    requestParameters: { groupName: "web", groupDescription: "Web servers", vpcId: EXAMPLE.vpcId },
    responseElements: { ...EC2_RETURN_TRUE, groupId: GROUP },
    errors: [
      ec2Error("InvalidGroup.Duplicate", `The security group 'web' already exists for VPC '${EXAMPLE.vpcId}'`),
      ec2Error("InvalidVpcID.NotFound", `The vpc ID '${EXAMPLE.vpcId}' does not exist`),
    ],
    sources: ec2Sources("CreateSecurityGroup"),
  }),
  ec2Write("DeleteSecurityGroup", {
    requestParameters: { groupId: GROUP },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("DependencyViolation", `resource ${GROUP} has a dependent object`),
      ec2Error("CannotDelete", `the specified group: "${GROUP}" name: "default" cannot be deleted by a user`),
      GROUP_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteSecurityGroup", DEFAULT_GROUP),
  }),
  ec2Write("ModifySecurityGroupRules", {
    requestParameters: {
      ModifySecurityGroupRulesRequest: {
        GroupId: GROUP,
        SecurityGroupRule: {
          SecurityGroupRuleId: EXAMPLE.securityGroupRuleId,
          SecurityGroupRule: { IpProtocol: "tcp", FromPort: 22, ToPort: 22, CidrIpv4: "0.0.0.0/0", Description: "ssh" },
        },
      },
    },
    responseElements: {
      ModifySecurityGroupRulesResponse: {
        xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/",
        requestId: EXAMPLE.ec2RequestId,
        return: true,
      },
    },
    errors: [
      ec2Error(
        "InvalidSecurityGroupRuleId.NotFound",
        `The security group rule ID '${EXAMPLE.securityGroupRuleId}' does not exist`,
      ),
      GROUP_NOT_FOUND,
    ],
    sources: ec2Sources("ModifySecurityGroupRules", SG_RULE_IDS, LAKE_SAMPLE),
  }),
];
