/**
 * CIS "Ensure route table changes are monitored": the seven EC2 calls that create, replace or delete a route or a
 * route table, or change a route table's subnet association. The remediation text has no `$.eventSource`
 * conjunct; from v3.0.0 the audit text starts with `($.eventSource = ec2.amazonaws.com) &&` and then joins the
 * seven `$.eventName` clauses with `||`, without parentheses. Whichever way the operators bind, it matches all
 * seven calls made through EC2 (with `&&` binding first, CreateRouteTable and the others match whatever the event
 * source, which only widens it).
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
export const routeTableChanges: ControlDefinition = {
  id: "route-table-changes",
  name: "route table changes",
  nameOfOne: "route table change",
  title: "Ensure route table changes are monitored",
  references: { cisV12: "3.13", cisV14ToV5: "4.13", cisV6ToV7: "5.13", securityHub: "CloudWatch.13" },
  target: {
    kind: "apiCalls",
    eventSource: "ec2.amazonaws.com",
    eventNames: [
      "CreateRoute",
      "CreateRouteTable",
      "ReplaceRoute",
      "ReplaceRouteTableAssociation",
      "DeleteRouteTable",
      "DeleteRoute",
      "DisassociateRouteTable",
    ],
  },
  prescribedPatterns: [
    // Steampipe's v1.2.0-v1.5.0 transcription; Prowler's v1.4/v1.5 data has the spacing of the next text. Only
    // whitespace differs.
    {
      documents: ["CIS v1.2.0", "CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: "{($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
      sources: [
        steampipeCis("v120", "3.13"),
        steampipeCis("v130", "4.13"),
        steampipeCis("v140", "4.13"),
        steampipeCis("v150", "4.13"),
      ],
    },
    // From v3.0.0 this is the remediation text; the audit text differs (below).
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
      text: "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
      sources: [
        prowlerCis("1.4", "4.13"),
        prowlerCis("1.5", "4.13"),
        steampipeCis("v200", "4.13"),
        steampipeCis("v300", "4.13"),
        prowlerCis("3.0", "4.13"),
        steampipeCis("v400", "4.13"),
        steampipeCis("v500", "4.13"),
        steampipeCis("v600", "5.13"),
        prowlerCis("7.0", "5.13"),
        cyberStrikeCisV7("5.13"),
      ],
    },
    // Mixes `&&` and `||` without parentheses. Only Prowler's v3.0 data prints the v3.0.0 audit text (Steampipe
    // transcribes remediation only); its spacing is irregular (`=CreateRoute`, `$.eventName= DeleteRouteTable`).
    {
      documents: ["CIS v3.0.0 (audit procedure)"],
      text: "{($.eventSource = ec2.amazonaws.com) && ($.eventName =CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName =ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName= DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName =DisassociateRouteTable) }",
      sources: [prowlerCis("3.0", "4.13")],
    },
    // Mixes `&&` and `||` without parentheses. No double quotes in it, so Prowler's quote-dropping does not alter it;
    // CyberStrike's v7.0.0 transcription prints the same text.
    {
      documents: [
        "CIS v4.0.0 (audit procedure)",
        "CIS v5.0.0 (audit procedure)",
        "CIS v6.0.0 (audit procedure)",
        "CIS v7.0.0 (audit procedure)",
      ],
      text: "{($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
      sources: [
        prowlerCis("4.0", "4.13"),
        prowlerCis("5.0", "4.13"),
        prowlerCis("6.0", "5.13"),
        prowlerCis("7.0", "5.13"),
        cyberStrikeCisV7("5.13"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.13"],
      text: "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
      sources: [...securityHubControl(13)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.13-RouteTableChanges without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "RouteTableChanges", namespace: "CloudTrailMetrics" },
  alarmName: "Route Table Changes",
  sources: [
    steampipeCis("v120", "3.13"),
    steampipeCis("v600", "5.13"),
    prowlerCis("1.4", "4.13"),
    prowlerCis("3.0", "4.13"),
    prowlerCis("7.0", "5.13"),
    cyberStrikeCisV7("5.13"),
    ...securityHubControl(13),
    prowlerCheck("cloudwatch_changes_to_network_route_tables_alarm_configured"),
    cloudSploitMonitoringMetrics,
    cloudTrailAlarmExamples,
  ],
};
