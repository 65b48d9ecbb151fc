/**
 * CIS "Ensure changes to network gateways are monitored": creating or deleting a customer gateway and creating,
 * deleting, attaching or detaching an internet gateway. No `$.eventSource` conjunct; the calls are EC2's.
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
export const networkGatewayChanges: ControlDefinition = {
  id: "network-gateway-changes",
  name: "network gateway changes",
  nameOfOne: "network gateway change",
  title: "Ensure changes to network gateways are monitored",
  references: { cisV12: "3.12", cisV14ToV5: "4.12", cisV6ToV7: "5.12", securityHub: "CloudWatch.12" },
  target: {
    kind: "apiCalls",
    eventSource: "ec2.amazonaws.com",
    eventNames: [
      "CreateCustomerGateway",
      "DeleteCustomerGateway",
      "AttachInternetGateway",
      "CreateInternetGateway",
      "DeleteInternetGateway",
      "DetachInternetGateway",
    ],
  },
  prescribedPatterns: [
    // Steampipe's v1.2.0-v1.5.0 transcription; Prowler's v1.4/v1.5 data has the spacing of the next text (a space after
    // `{`). Only whitespace differs.
    {
      documents: ["CIS v1.2.0", "CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: "{($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
      sources: [
        steampipeCis("v120", "3.12"),
        steampipeCis("v130", "4.12"),
        steampipeCis("v140", "4.12"),
        steampipeCis("v150", "4.12"),
      ],
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
      text: "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
      sources: [
        prowlerCis("1.4", "4.12"),
        prowlerCis("1.5", "4.12"),
        steampipeCis("v200", "4.12"),
        steampipeCis("v300", "4.12"),
        steampipeCis("v400", "4.12"),
        steampipeCis("v500", "4.12"),
        steampipeCis("v600", "5.12"),
        prowlerCis("7.0", "5.12"),
        cyberStrikeCisV7("5.12"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.12"],
      text: "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
      sources: [...securityHubControl(12)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.12-NetworkGatewayChanges without the "CIS-x.y-" prefix; namespace:
  // the CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "NetworkGatewayChanges", namespace: "CloudTrailMetrics" },
  alarmName: "Network Gateway Changes",
  sources: [
    steampipeCis("v120", "3.12"),
    steampipeCis("v600", "5.12"),
    prowlerCis("1.4", "4.12"),
    prowlerCis("7.0", "5.12"),
    cyberStrikeCisV7("5.12"),
    ...securityHubControl(12),
    prowlerCheck("cloudwatch_changes_to_network_gateways_alarm_configured"),
    cloudSploitMonitoringMetrics,
    cloudTrailAlarmExamples,
  ],
};
