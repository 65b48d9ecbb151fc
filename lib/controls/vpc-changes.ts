/**
 * CIS "Ensure VPC changes are monitored": the eleven EC2 calls the text lists, creating, deleting or modifying a VPC,
 * its peering connections and its ClassicLink. Every version from v1.2.0 to v7.0.0 still lists the four ClassicLink
 * calls, but AWS retired EC2-Classic (and ClassicLink with it) in August 2023, so a filter may leave them out.
 * No `$.eventSource` conjunct; the calls are EC2's.
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cyberStrikeCisV7,
  ec2ClassicRetirementBlog,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/** Records: regional (recorded in the region the call is made in), so a trail must be multi-region. */
export const vpcChanges: ControlDefinition = {
  id: "vpc-changes",
  name: "VPC changes",
  nameOfOne: "VPC change",
  title: "Ensure VPC changes are monitored",
  references: { cisV12: "3.14", cisV14ToV5: "4.14", cisV6ToV7: "5.14", securityHub: "CloudWatch.14" },
  target: {
    kind: "apiCalls",
    eventSource: "ec2.amazonaws.com",
    eventNames: [
      "CreateVpc",
      "DeleteVpc",
      "ModifyVpcAttribute",
      "AcceptVpcPeeringConnection",
      "CreateVpcPeeringConnection",
      "DeleteVpcPeeringConnection",
      "RejectVpcPeeringConnection",
      "AttachClassicLinkVpc",
      "DetachClassicLinkVpc",
      "DisableVpcClassicLink",
      "EnableVpcClassicLink",
    ],
    optionalEventNames: [
      "AttachClassicLinkVpc",
      "DetachClassicLinkVpc",
      "DisableVpcClassicLink",
      "EnableVpcClassicLink",
    ],
  },
  prescribedPatterns: [
    {
      documents: [
        "CIS v1.2.0",
        "CIS v1.3.0",
        "CIS v1.4.0",
        "CIS v1.5.0",
        "CIS v2.0.0",
        "CIS v3.0.0",
        "CIS v4.0.0",
        "CIS v5.0.0",
        "CIS v6.0.0",
        "CIS v7.0.0",
      ],
      text: "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
      sources: [
        steampipeCis("v120", "3.14"),
        steampipeCis("v130", "4.14"),
        prowlerCis("1.4", "4.14"),
        steampipeCis("v200", "4.14"),
        steampipeCis("v300", "4.14"),
        prowlerCis("4.0", "4.14"),
        steampipeCis("v500", "4.14"),
        steampipeCis("v600", "5.14"),
        prowlerCis("7.0", "5.14"),
        cyberStrikeCisV7("5.14"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.14"],
      text: "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
      sources: [...securityHubControl(14)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.14-VPCChanges without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "VPCChanges", namespace: "CloudTrailMetrics" },
  alarmName: "VPC Changes",
  sources: [
    steampipeCis("v120", "3.14"),
    steampipeCis("v600", "5.14"),
    prowlerCis("1.4", "4.14"),
    prowlerCis("7.0", "5.14"),
    cyberStrikeCisV7("5.14"),
    ...securityHubControl(14),
    prowlerCheck("cloudwatch_changes_to_vpcs_alarm_configured"),
    cloudSploitMonitoringMetrics,
    ec2ClassicRetirementBlog,
    cloudTrailAlarmExamples,
  ],
};
