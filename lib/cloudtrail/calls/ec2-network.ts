/**
 * EC2 network ACL, gateway and route table calls: the six calls of CIS "NACL changes are monitored" (Security Hub
 * CloudWatch.11), the six of "network gateway changes are monitored" (CloudWatch.12) and the seven of "route table
 * changes are monitored" (CloudWatch.13). No AWS page prints a record of these calls: the shapes are built from the
 * EC2 API reference's request syntax in CloudTrail's EC2 form (ec2-common.ts).
 */
import type { JsonObject } from "../json";
import type { CallShape } from "./types";
import { EC2_RETURN_TRUE, EXAMPLE } from "./parts";
import { ec2Error, ec2Sources, ec2Write, items } from "./ec2-common";

const ACL = EXAMPLE.networkAclId;
const ACL_NOT_FOUND = ec2Error("InvalidNetworkAclID.NotFound", `The networkAcl ID '${ACL}' does not exist`);
const ACL_ASSOCIATION = "aclassoc-0a1b2c3d4e5f67890";

/** A NACL entry: allow HTTPS in from anywhere (protocol 6 is TCP). */
const ENTRY: JsonObject = {
  networkAclId: ACL,
  ruleNumber: 100,
  egress: false,
  ruleAction: "allow",
  icmpTypeCode: {},
  portRange: { from: 443, to: 443 },
  aclProtocol: "6",
  cidrBlock: "0.0.0.0/0",
};

const IGW = EXAMPLE.internetGatewayId;
const IGW_NOT_FOUND = ec2Error("InvalidInternetGatewayID.NotFound", `The internetGateway ID '${IGW}' does not exist`);
const CGW = EXAMPLE.customerGatewayId;

const RTB = EXAMPLE.routeTableId;
const RTB_NOT_FOUND = ec2Error("InvalidRouteTableID.NotFound", `The routeTable ID '${RTB}' does not exist`);
const RTB_ASSOCIATION = "rtbassoc-0f1e2d3c4b5a67890";
const ROUTE: JsonObject = { routeTableId: RTB, destinationCidrBlock: "0.0.0.0/0", gatewayId: IGW };

export const EC2_NETWORK_ACL_CALLS: readonly CallShape[] = [
  ec2Write("CreateNetworkAcl", {
    requestParameters: { vpcId: EXAMPLE.vpcId },
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      networkAcl: {
        networkAclId: ACL,
        vpcId: EXAMPLE.vpcId,
        default: false,
        entrySet: items(
          { ruleNumber: 32767, protocol: "-1", ruleAction: "deny", egress: true, cidrBlock: "0.0.0.0/0" },
          { ruleNumber: 32767, protocol: "-1", ruleAction: "deny", egress: false, cidrBlock: "0.0.0.0/0" },
        ),
        associationSet: {},
        tagSet: {},
        ownerId: "${account}",
      },
    },
    errors: [
      ec2Error("InvalidVpcID.NotFound", `The vpc ID '${EXAMPLE.vpcId}' does not exist`),
      ec2Error("NetworkAclLimitExceeded", "The maximum number of network ACLs has been reached."),
    ],
    sources: ec2Sources("CreateNetworkAcl"),
  }),
  ec2Write("CreateNetworkAclEntry", {
    requestParameters: ENTRY,
    responseElements: EC2_RETURN_TRUE,
    alternativeRequests: [
      { ...ENTRY, ruleNumber: 200, egress: true, ruleAction: "deny", aclProtocol: "-1", portRange: {} },
    ],
    errors: [
      ec2Error("NetworkAclEntryAlreadyExists", "The network acl entry identified by 100 already exists."),
      ACL_NOT_FOUND,
    ],
    sources: ec2Sources("CreateNetworkAclEntry"),
  }),
  ec2Write("DeleteNetworkAcl", {
    requestParameters: { networkAclId: ACL },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("DependencyViolation", `The networkAcl '${ACL}' has dependencies and cannot be deleted.`),
      ACL_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteNetworkAcl"),
  }),
  ec2Write("DeleteNetworkAclEntry", {
    requestParameters: { networkAclId: ACL, ruleNumber: 100, egress: false },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("InvalidNetworkAclEntry.NotFound", "The specified network ACL entry does not exist."),
      ACL_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteNetworkAclEntry"),
  }),
  ec2Write("ReplaceNetworkAclEntry", {
    requestParameters: { ...ENTRY, ruleAction: "deny" },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("InvalidNetworkAclEntry.NotFound", "The specified network ACL entry does not exist."),
      ACL_NOT_FOUND,
    ],
    sources: ec2Sources("ReplaceNetworkAclEntry"),
  }),
  ec2Write("ReplaceNetworkAclAssociation", {
    requestParameters: { associationId: ACL_ASSOCIATION, networkAclId: ACL },
    responseElements: { requestId: EXAMPLE.ec2RequestId, newAssociationId: "aclassoc-0b2c3d4e5f6a78901" },
    errors: [
      ec2Error("InvalidAssociationID.NotFound", `The association ID '${ACL_ASSOCIATION}' does not exist`),
      ACL_NOT_FOUND,
    ],
    sources: ec2Sources("ReplaceNetworkAclAssociation"),
  }),
];

export const EC2_GATEWAY_CALLS: readonly CallShape[] = [
  ec2Write("CreateCustomerGateway", {
    requestParameters: { type: "ipsec.1", ipAddress: "203.0.113.12", bgpAsn: 65000 },
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      customerGateway: {
        customerGatewayId: CGW,
        state: "available",
        type: "ipsec.1",
        ipAddress: "203.0.113.12",
        bgpAsn: "65000",
        tagSet: {},
      },
    },
    errors: [ec2Error("CustomerGatewayLimitExceeded", "The maximum number of customer gateways has been reached.")],
    sources: ec2Sources("CreateCustomerGateway"),
  }),
  ec2Write("DeleteCustomerGateway", {
    requestParameters: { customerGatewayId: CGW },
    responseElements: EC2_RETURN_TRUE,
    errors: [ec2Error("InvalidCustomerGatewayID.NotFound", `The customerGateway ID '${CGW}' does not exist`)],
    sources: ec2Sources("DeleteCustomerGateway"),
  }),
  ec2Write("AttachInternetGateway", {
    requestParameters: { internetGatewayId: IGW, vpcId: EXAMPLE.vpcId },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("Resource.AlreadyAssociated", `resource ${IGW} is already attached to network ${EXAMPLE.vpcId}`),
      IGW_NOT_FOUND,
    ],
    sources: ec2Sources("AttachInternetGateway"),
  }),
  ec2Write("CreateInternetGateway", {
    requestParameters: {},
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      internetGateway: { internetGatewayId: IGW, ownerId: "${account}", attachmentSet: {}, tagSet: {} },
    },
    alternativeRequests: [
      { tagSpecificationSet: items({ resourceType: "internet-gateway", tags: [{ key: "Name", value: "main" }] }) },
    ],
    errors: [ec2Error("InternetGatewayLimitExceeded", "The maximum number of internet gateways has been reached.")],
    sources: ec2Sources("CreateInternetGateway"),
  }),
  ec2Write("DeleteInternetGateway", {
    requestParameters: { internetGatewayId: IGW },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("DependencyViolation", `The internetGateway '${IGW}' has dependencies and cannot be deleted.`),
      IGW_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteInternetGateway"),
  }),
  ec2Write("DetachInternetGateway", {
    requestParameters: { internetGatewayId: IGW, vpcId: EXAMPLE.vpcId },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("Gateway.NotAttached", `resource ${IGW} is not attached to network ${EXAMPLE.vpcId}`),
      IGW_NOT_FOUND,
    ],
    sources: ec2Sources("DetachInternetGateway"),
  }),
];

export const EC2_ROUTE_TABLE_CALLS: readonly CallShape[] = [
  ec2Write("CreateRoute", {
    requestParameters: ROUTE,
    responseElements: EC2_RETURN_TRUE,
    alternativeRequests: [
      { routeTableId: RTB, destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-0a1b2c3d4e5f67890" },
      { routeTableId: RTB, destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: EXAMPLE.peeringConnectionId },
    ],
    errors: [ec2Error("RouteAlreadyExists", "The route identified by 0.0.0.0/0 already exists."), RTB_NOT_FOUND],
    sources: ec2Sources("CreateRoute"),
  }),
  ec2Write("CreateRouteTable", {
    requestParameters: { vpcId: EXAMPLE.vpcId },
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      routeTable: {
        routeTableId: RTB,
        vpcId: EXAMPLE.vpcId,
        ownerId: "${account}",
        routeSet: items({
          destinationCidrBlock: "10.0.0.0/16",
          gatewayId: "local",
          state: "active",
          origin: "CreateRouteTable",
        }),
        associationSet: {},
        propagatingVgwSet: {},
        tagSet: {},
      },
    },
    errors: [
      ec2Error("InvalidVpcID.NotFound", `The vpc ID '${EXAMPLE.vpcId}' does not exist`),
      ec2Error("RouteTableLimitExceeded", "The maximum number of route tables has been reached."),
    ],
    sources: ec2Sources("CreateRouteTable"),
  }),
  ec2Write("ReplaceRoute", {
    requestParameters: { routeTableId: RTB, destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-0a1b2c3d4e5f67890" },
    alternativeRequests: [ROUTE],
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("InvalidRoute.NotFound", `no route with destination-cidr-block 0.0.0.0/0 in route table ${RTB}`),
      RTB_NOT_FOUND,
    ],
    sources: ec2Sources("ReplaceRoute"),
  }),
  ec2Write("ReplaceRouteTableAssociation", {
    requestParameters: { associationId: RTB_ASSOCIATION, routeTableId: RTB },
    responseElements: {
      requestId: EXAMPLE.ec2RequestId,
      newAssociationId: "rtbassoc-0a9b8c7d6e5f43210",
      associationState: { state: "associated" },
    },
    errors: [
      ec2Error("InvalidAssociationID.NotFound", `The association ID '${RTB_ASSOCIATION}' does not exist`),
      RTB_NOT_FOUND,
    ],
    sources: ec2Sources("ReplaceRouteTableAssociation"),
  }),
  ec2Write("DeleteRouteTable", {
    requestParameters: { routeTableId: RTB },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("DependencyViolation", `The routeTable '${RTB}' has dependencies and cannot be deleted.`),
      RTB_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteRouteTable"),
  }),
  ec2Write("DeleteRoute", {
    requestParameters: { routeTableId: RTB, destinationCidrBlock: "0.0.0.0/0" },
    responseElements: EC2_RETURN_TRUE,
    errors: [
      ec2Error("InvalidRoute.NotFound", `no route with destination-cidr-block 0.0.0.0/0 in route table ${RTB}`),
      RTB_NOT_FOUND,
    ],
    sources: ec2Sources("DeleteRoute"),
  }),
  ec2Write("DisassociateRouteTable", {
    requestParameters: { associationId: RTB_ASSOCIATION },
    responseElements: EC2_RETURN_TRUE,
    errors: [ec2Error("InvalidAssociationID.NotFound", `The association ID '${RTB_ASSOCIATION}' does not exist`)],
    sources: ec2Sources("DisassociateRouteTable"),
  }),
];
