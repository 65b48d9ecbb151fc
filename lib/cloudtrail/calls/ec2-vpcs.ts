/**
 * EC2 VPC calls: the eleven calls of CIS "VPC changes are monitored" (Security Hub CloudWatch.14). Four of them are
 * EC2-ClassicLink calls; EC2-Classic was retired on 2023-08-15, so accounts no longer make them successfully, but
 * the CIS text still lists them. Built from the EC2 API reference's request syntax in CloudTrail's EC2 form
 * (ec2-common.ts).
 */
import type { CallShape } from "./types";
import { EC2_RETURN_TRUE, EXAMPLE } from "./parts";
import { ec2Error, ec2Sources, ec2Write, items } from "./ec2-common";

const VPC = EXAMPLE.vpcId;
const PCX = EXAMPLE.peeringConnectionId;
const VPC_NOT_FOUND = ec2Error("InvalidVpcID.NotFound", `The vpc ID '${VPC}' does not exist`);
const PCX_NOT_FOUND = ec2Error(
  "InvalidVpcPeeringConnectionID.NotFound",
  `The vpcPeeringConnection ID '${PCX}' does not exist`,
);
const INSTANCE_NOT_FOUND = ec2Error(
  "InvalidInstanceID.NotFound",
  `The instance ID '${EXAMPLE.instanceId}' does not exist`,
);

const CLASSIC_RETIRED = {
  title: "AWS News Blog: EC2-Classic Networking is Retiring - Here's How to Prepare",
  url: "https://aws.amazon.com/blogs/aws/ec2-classic-is-retiring-heres-how-to-prepare/",
};

/** A peering connection between the account's VPC and another account's, as the peering calls return it. */
function peering(code: string, message: string): CallShape["responseElements"] {
  return {
    requestId: EXAMPLE.ec2RequestId,
    vpcPeeringConnection: {
      vpcPeeringConnectionId: PCX,
      requesterVpcInfo: { ownerId: "${account}", vpcId: VPC, cidrBlock: "10.0.0.0/16", region: "${region}" },
      accepterVpcInfo: { ownerId: EXAMPLE.memberAccount, vpcId: "vpc-0f9e8d7c6b5a43210", region: "${region}" },
      status: { code, message },
      tagSet: {},
    },
  };
}

export const EC2_VPC_CALLS: readonly CallShape[] = [
  ec2Write("CreateVpc", {
    requestParameters: { cidrBlock: "10.0.0.0/16", instanceTenancy: "default", amazonProvidedIpv6CidrBlock: false },
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      vpc: {
        vpcId: VPC,
        state: "pending",
        ownerId: "${account}",
        cidrBlock: "10.0.0.0/16",
        cidrBlockAssociationSet: items({
          cidrBlock: "10.0.0.0/16",
          associationId: "vpc-cidr-assoc-0a1b2c3d4e5f67890",
          cidrBlockState: { state: "associated" },
        }),
        ipv6CidrBlockAssociationSet: {},
        dhcpOptionsId: "dopt-0a1b2c3d4e5f67890",
        instanceTenancy: "default",
        tagSet: {},
        isDefault: false,
      },
    },
    errors: [ec2Error("VpcLimitExceeded", "The maximum number of VPCs has been reached.")],
    sources: ec2Sources("CreateVpc"),
  }),
  ec2Write("DeleteVpc", {
    requestParameters: { vpcId: VPC },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("DependencyViolation", `The vpc '${VPC}' has dependencies and cannot be deleted.`),
      VPC_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteVpc"),
  }),
  ec2Write("ModifyVpcAttribute", {
    requestParameters: { vpcId: VPC, enableDnsHostnames: { value: true } },
    responseElements: EC2_RETURN_TRUE,
    alternativeRequests: [{ vpcId: VPC, enableDnsSupport: { value: false } }],
    errors: [VPC_NOT_FOUND],
    sources: ec2Sources("ModifyVpcAttribute"),
  }),
  ec2Write("AcceptVpcPeeringConnection", {
    requestParameters: { vpcPeeringConnectionId: PCX },
    responseElements: peering("provisioning", "Provisioning"),
    errors: [
      ec2Error(
        "InvalidStateTransition",
        `Invalid state transition for ${PCX}, attempted to transition from active to active`,
      ),
      PCX_NOT_FOUND,
    ],
    sources: ec2Sources("AcceptVpcPeeringConnection"),
  }),
  ec2Write("CreateVpcPeeringConnection", {
    requestParameters: { vpcId: VPC, peerVpcId: "vpc-0f9e8d7c6b5a43210", peerOwnerId: EXAMPLE.memberAccount },
    responseElements: peering("initiating-request", `Initiating Request to ${EXAMPLE.memberAccount}`),
    alternativeRequests: [{ vpcId: VPC, peerVpcId: "vpc-0f9e8d7c6b5a43210", peerRegion: "us-west-2" }],
    errors: [VPC_NOT_FOUND],
    sources: ec2Sources("CreateVpcPeeringConnection"),
  }),
  ec2Write("DeleteVpcPeeringConnection", {
    requestParameters: { vpcPeeringConnectionId: PCX },
    responseElements: EC2_RETURN_TRUE,
    errors: [PCX_NOT_FOUND],
    sources: ec2Sources("DeleteVpcPeeringConnection"),
  }),
  ec2Write("RejectVpcPeeringConnection", {
    requestParameters: { vpcPeeringConnectionId: PCX },
    responseElements: EC2_RETURN_TRUE,
    errors: [PCX_NOT_FOUND],
    sources: ec2Sources("RejectVpcPeeringConnection"),
  }),
  ec2Write("AttachClassicLinkVpc", {
    requestParameters: {
      instanceId: EXAMPLE.instanceId,
      vpcId: VPC,
      groupSet: items({ groupId: EXAMPLE.securityGroupId }),
    },
    responseElements: EC2_RETURN_TRUE,
    errors: [INSTANCE_NOT_FOUND, VPC_NOT_FOUND],
    sources: ec2Sources("AttachClassicLinkVpc", CLASSIC_RETIRED),
  }),
  ec2Write("DetachClassicLinkVpc", {
    requestParameters: { instanceId: EXAMPLE.instanceId, vpcId: VPC },
    responseElements: EC2_RETURN_TRUE,
    errors: [INSTANCE_NOT_FOUND, VPC_NOT_FOUND],
    sources: ec2Sources("DetachClassicLinkVpc", CLASSIC_RETIRED),
  }),
  ec2Write("DisableVpcClassicLink", {
    requestParameters: { vpcId: VPC },
    responseElements: EC2_RETURN_TRUE,
    errors: [VPC_NOT_FOUND],
    sources: ec2Sources("DisableVpcClassicLink", CLASSIC_RETIRED),
  }),
  ec2Write("EnableVpcClassicLink", {
    requestParameters: { vpcId: VPC },
    responseElements: EC2_RETURN_TRUE,
    errors: [VPC_NOT_FOUND],
    sources: ec2Sources("EnableVpcClassicLink", CLASSIC_RETIRED),
  }),
];
