/**
 * EC2 calls every account makes all day: Describe calls (consoles, AWS Config's recorder, IaC refreshes) and the
 * network interfaces Lambda creates and deletes for functions attached to a VPC. Built from the API reference's
 * request syntax in CloudTrail's EC2 form (ec2-common.ts): an unfiltered Describe call records its empty lists as
 * `{}` (e.g. `{"instancesSet": {}, "filterSet": {}}`).
 */
import type { CallShape } from "./types";
import { EC2_RETURN_TRUE, EXAMPLE } from "./parts";
import { ec2Error, ec2Read, ec2Sources, ec2Write, items } from "./ec2-common";

const LAMBDA_VPC = {
  title:
    "AWS Lambda Developer Guide: Giving Lambda functions access to resources in an Amazon VPC (network interfaces)",
  url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
};

export const EC2_ROUTINE_CALLS: readonly CallShape[] = [
  ec2Read("DescribeInstances", {
    requestParameters: { instancesSet: {}, filterSet: {} },
    responseElements: null,
    alternativeRequests: [{ instancesSet: items({ instanceId: EXAMPLE.instanceId }), filterSet: {} }],
    errors: [ec2Error("InvalidInstanceID.NotFound", `The instance ID '${EXAMPLE.instanceId}' does not exist`)],
    sources: ec2Sources("DescribeInstances"),
  }),
  ec2Read("DescribeSecurityGroups", {
    requestParameters: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} },
    responseElements: null,
    errors: [],
    sources: ec2Sources("DescribeSecurityGroups"),
  }),
  ec2Read("DescribeVpcs", {
    requestParameters: { vpcSet: {}, filterSet: {} },
    responseElements: null,
    errors: [],
    sources: ec2Sources("DescribeVpcs"),
  }),
  ec2Read("DescribeNetworkInterfaces", {
    requestParameters: {
      networkInterfaceIdSet: {},
      filterSet: items({ name: "vpc-id", valueSet: items({ value: EXAMPLE.vpcId }) }),
    },
    responseElements: null,
    errors: [],
    sources: ec2Sources("DescribeNetworkInterfaces", LAMBDA_VPC),
  }),
  ec2Write("CreateNetworkInterface", {
    requestParameters: {
      subnetId: EXAMPLE.subnetId,
      description: "AWS Lambda VPC ENI-orders-api",
      groupSet: items({ groupId: EXAMPLE.securityGroupId }),
      privateIpAddressesSet: {},
    },
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      networkInterface: {
        networkInterfaceId: EXAMPLE.networkInterfaceId,
        subnetId: EXAMPLE.subnetId,
        vpcId: EXAMPLE.vpcId,
        availabilityZone: "${region}a",
        description: "AWS Lambda VPC ENI-orders-api",
        ownerId: "${account}",
        requesterId: "AROAEXAMPLELAMBDAROLE:orders-api",
        requesterManaged: false,
        status: "pending",
        privateIpAddress: "10.0.1.25",
        groupSet: items({ groupId: EXAMPLE.securityGroupId, groupName: "lambda" }),
        interfaceType: "lambda",
        tagSet: {},
      },
    },
    errors: [
      ec2Error("InvalidSubnetID.NotFound", `The subnet ID '${EXAMPLE.subnetId}' does not exist`),
      ec2Error(
        "InsufficientFreeAddressesInSubnet",
        "The specified subnet does not have enough free addresses to satisfy the request.",
      ),
    ],
    sources: ec2Sources("CreateNetworkInterface", LAMBDA_VPC),
  }),
  ec2Write("DeleteNetworkInterface", {
    requestParameters: { networkInterfaceId: EXAMPLE.networkInterfaceId },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error(
        "InvalidNetworkInterfaceID.NotFound",
        `The networkInterface ID '${EXAMPLE.networkInterfaceId}' does not exist`,
      ),
      ec2Error("InvalidNetworkInterface.InUse", `Interface: [${EXAMPLE.networkInterfaceId}] in use.`),
    ],
    sources: ec2Sources("DeleteNetworkInterface", LAMBDA_VPC),
  }),
];
