/**
 * CIS "Ensure Network Access Control Lists (NACL) changes are monitored": the six EC2 calls that create, delete or
 * replace a network ACL, its entries or its subnet association. No `$.eventSource` conjunct; the calls are EC2's.
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/** Records: regional (recorded in the region the call is made in), so a trail must be multi-region. */
export const networkAclChanges: ControlDefinition = {
  id: "network-acl-changes",
  name: "network ACL changes",
  nameOfOne: "network ACL change",
  title: "Ensure Network Access Control Lists (NACL) changes are monitored",
  references: { cisV12: "3.11", cisV14ToV5: "4.11", cisV6ToV7: "5.11", securityHub: "CloudWatch.11" },
  target: {
    kind: "apiCalls",
    eventSource: "ec2.amazonaws.com",
    eventNames: [
      "CreateNetworkAcl",
      "CreateNetworkAclEntry",
      "DeleteNetworkAcl",
      "DeleteNetworkAclEntry",
      "ReplaceNetworkAclEntry",
      "ReplaceNetworkAclAssociation",
    ],
  },
  prescribedPatterns: [
    // Two spaces after the second `=`, as Steampipe transcribes v1.2.0.
    {
      documents: ["CIS v1.2.0"],
      text: "{ ($.eventName = CreateNetworkAcl) || ($.eventName =  CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
      sources: [steampipeCis("v120", "3.11")],
    },
    {
      documents: [
        "CIS v1.4.0",
        "CIS v1.5.0",
        "CIS v2.0.0",
        "CIS v3.0.0",
        "CIS v4.0.0",
        "CIS v5.0.0",
        "CIS v6.0.0",
        "CIS v7.0.0",
      ],
      text: "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
      sources: [
        prowlerCis("1.4", "4.11"),
        prowlerCis("1.5", "4.11"),
        steampipeCis("v200", "4.11"),
        steampipeCis("v300", "4.11"),
        steampipeCis("v400", "4.11"),
        steampipeCis("v500", "4.11"),
        steampipeCis("v600", "5.11"),
        prowlerCis("7.0", "5.11"),
        cyberStrikeCisV7("5.11"),
      ],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription (no space after the last `||`); Prowler's v1.4/v1.5 data has the spacing
    // above. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) ||($.eventName = ReplaceNetworkAclAssociation) }",
      sources: [steampipeCis("v130", "4.11"), steampipeCis("v140", "4.11"), steampipeCis("v150", "4.11")],
    },
    {
      documents: ["Security Hub CloudWatch.11"],
      text: "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
      sources: [...securityHubControl(11)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.11-NetworkACLChanges without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "NetworkACLChanges", namespace: "CloudTrailMetrics" },
  alarmName: "Network ACL Changes",
  sources: [
    steampipeCis("v120", "3.11"),
    steampipeCis("v600", "5.11"),
    prowlerCis("1.4", "4.11"),
    prowlerCis("7.0", "5.11"),
    cyberStrikeCisV7("5.11"),
    ...securityHubControl(11),
    prowlerCheck("cloudwatch_changes_to_network_acls_alarm_configured"),
    cloudSploitMonitoringMetrics,
    cloudTrailAlarmExamples,
  ],
};
