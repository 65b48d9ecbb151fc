/**
 * CIS "Ensure security group changes are monitored": creating or deleting a security group and authorizing or
 * revoking its rules, plus, from CIS v5.0.0, ModifySecurityGroupRules. AWS added that call in July 2021 with
 * security group rule IDs: it changes an existing rule in place, with no Authorize or Revoke call, so a filter
 * without it misses rule changes. The v1.2.0-v4.0.0 texts and Security Hub CloudWatch.10 do not name it.
 * The text has no `$.eventSource` conjunct; the calls are EC2's (ec2.amazonaws.com).
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityGroupRuleIdsBlog,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/** Records: regional (recorded in the region the call is made in), so a trail must be multi-region. */
export const securityGroupChanges: ControlDefinition = {
  id: "security-group-changes",
  name: "security group changes",
  nameOfOne: "security group change",
  title: "Ensure security group changes are monitored",
  references: { cisV12: "3.10", cisV14ToV5: "4.10", cisV6ToV7: "5.10", securityHub: "CloudWatch.10" },
  target: {
    kind: "apiCalls",
    eventSource: "ec2.amazonaws.com",
    eventNames: [
      "AuthorizeSecurityGroupIngress",
      "AuthorizeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RevokeSecurityGroupEgress",
      "CreateSecurityGroup",
      "DeleteSecurityGroup",
      "ModifySecurityGroupRules",
    ],
    eventNotes: {
      ModifySecurityGroupRules:
        "added in CIS v5.0.0; since July 2021 it changes security group rules in place, without Authorize* or " +
        "Revoke* calls",
    },
  },
  prescribedPatterns: [
    {
      documents: ["CIS v1.2.0"],
      text: "{($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
      sources: [steampipeCis("v120", "3.10")],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription (no space after the second `=`); Prowler's v1.4/v1.5 data has the spacing
    // of the next text. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: "{($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName =AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
      sources: [steampipeCis("v130", "4.10"), steampipeCis("v140", "4.10"), steampipeCis("v150", "4.10")],
    },
    {
      documents: ["CIS v1.4.0", "CIS v1.5.0", "CIS v2.0.0", "CIS v3.0.0", "CIS v4.0.0"],
      text: "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
      sources: [
        prowlerCis("1.4", "4.10"),
        prowlerCis("1.5", "4.10"),
        steampipeCis("v200", "4.10"),
        steampipeCis("v300", "4.10"),
        steampipeCis("v400", "4.10"),
        prowlerCis("4.0", "4.10"),
      ],
    },
    {
      documents: ["CIS v5.0.0", "CIS v6.0.0", "CIS v7.0.0"],
      text: "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }",
      sources: [
        steampipeCis("v500", "4.10"),
        prowlerCis("5.0", "4.10"),
        steampipeCis("v600", "5.10"),
        prowlerCis("6.0", "5.10"),
        prowlerCis("7.0", "5.10"),
        cyberStrikeCisV7("5.10"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.10"],
      text: "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
      sources: [...securityHubControl(10)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.10-SecurityGroupChanges without the "CIS-x.y-" prefix; namespace:
  // the CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "SecurityGroupChanges", namespace: "CloudTrailMetrics" },
  alarmName: "Security Group Changes",
  sources: [
    steampipeCis("v120", "3.10"),
    steampipeCis("v400", "4.10"),
    steampipeCis("v500", "4.10"),
    prowlerCis("4.0", "4.10"),
    prowlerCis("5.0", "4.10"),
    prowlerCis("7.0", "5.10"),
    cyberStrikeCisV7("5.10"),
    ...securityHubControl(10),
    prowlerCheck("cloudwatch_log_metric_filter_security_group_changes"),
    cloudSploitMonitoringMetrics,
    securityGroupRuleIdsBlog,
    cloudTrailAlarmExamples,
  ],
};
