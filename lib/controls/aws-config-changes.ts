/**
 * CIS "Ensure AWS Config configuration changes are monitored": stopping or putting a configuration recorder, putting
 * or deleting a delivery channel. Every version's text conjoins `$.eventSource = config.amazonaws.com`.
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
export const awsConfigChanges: ControlDefinition = {
  id: "aws-config-changes",
  name: "AWS Config configuration changes",
  nameOfOne: "AWS Config configuration change",
  title: "Ensure AWS Config configuration changes are monitored",
  references: { cisV12: "3.9", cisV14ToV5: "4.9", cisV6ToV7: "5.9", securityHub: "CloudWatch.9" },
  target: {
    kind: "apiCalls",
    eventSource: "config.amazonaws.com",
    eventNames: [
      "StopConfigurationRecorder",
      "DeleteDeliveryChannel",
      "PutDeliveryChannel",
      "PutConfigurationRecorder",
    ],
  },
  prescribedPatterns: [
    // A space before the second `||`, as Steampipe transcribes v1.2.0, v2.0.0 and v3.0.0; Prowler's v2.0/v3.0 data has
    // the spacing of the next text. Only whitespace differs.
    {
      documents: ["CIS v1.2.0", "CIS v2.0.0", "CIS v3.0.0"],
      text: "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
      sources: [steampipeCis("v120", "3.9"), steampipeCis("v200", "4.9"), steampipeCis("v300", "4.9")],
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
      text: "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
      sources: [
        prowlerCis("1.4", "4.9"),
        prowlerCis("1.5", "4.9"),
        prowlerCis("2.0", "4.9"),
        prowlerCis("3.0", "4.9"),
        steampipeCis("v400", "4.9"),
        steampipeCis("v500", "4.9"),
        steampipeCis("v600", "5.9"),
        prowlerCis("7.0", "5.9"),
        cyberStrikeCisV7("5.9"),
      ],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription; Prowler's v1.4/v1.5 data has the spacing above. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: "{($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder))}",
      sources: [steampipeCis("v130", "4.9"), steampipeCis("v140", "4.9"), steampipeCis("v150", "4.9")],
    },
    {
      documents: ["Security Hub CloudWatch.9"],
      text: "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
      sources: [...securityHubControl(9)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.9-AWSConfigChanges without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "AWSConfigChanges", namespace: "CloudTrailMetrics" },
  alarmName: "AWS Config Changes",
  sources: [
    steampipeCis("v120", "3.9"),
    steampipeCis("v500", "4.9"),
    steampipeCis("v600", "5.9"),
    prowlerCis("1.4", "4.9"),
    prowlerCis("7.0", "5.9"),
    cyberStrikeCisV7("5.9"),
    ...securityHubControl(9),
    prowlerCheck("cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled"),
    cloudSploitMonitoringMetrics,
    cloudTrailAlarmExamples,
  ],
};
