/**
 * CIS "Ensure CloudTrail configuration changes are monitored": the five CloudTrail calls that create, update or
 * delete a trail or start or stop its logging. The text has no `$.eventSource` conjunct; the calls are
 * CloudTrail's (cloudtrail.amazonaws.com).
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  conformityCloudTrailChangesAlarm,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/** Records: regional (recorded in the region the call is made in), so a trail must be multi-region. */
export const cloudTrailChanges: ControlDefinition = {
  id: "cloudtrail-changes",
  name: "CloudTrail configuration changes",
  nameOfOne: "CloudTrail configuration change",
  title: "Ensure CloudTrail configuration changes are monitored",
  references: { cisV12: "3.5", cisV14ToV5: "4.5", cisV6ToV7: "5.5", securityHub: "CloudWatch.5" },
  target: {
    kind: "apiCalls",
    eventSource: "cloudtrail.amazonaws.com",
    eventNames: ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
  },
  prescribedPatterns: [
    {
      documents: [
        "CIS v1.2.0",
        "CIS v1.4.0",
        "CIS v1.5.0",
        "CIS v2.0.0",
        "CIS v3.0.0",
        "CIS v4.0.0",
        "CIS v5.0.0",
        "CIS v6.0.0",
        "CIS v7.0.0",
      ],
      text: "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
      sources: [
        steampipeCis("v120", "3.5"),
        prowlerCis("1.4", "4.5"),
        prowlerCis("1.5", "4.5"),
        steampipeCis("v200", "4.5"),
        steampipeCis("v300", "4.5"),
        steampipeCis("v400", "4.5"),
        steampipeCis("v500", "4.5"),
        steampipeCis("v600", "5.5"),
        prowlerCis("6.0", "5.5"),
        cyberStrikeCisV7("5.5"),
      ],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription; Prowler's v1.4/v1.5 data has the spacing above. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: "{($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)}",
      sources: [steampipeCis("v130", "4.5"), steampipeCis("v140", "4.5"), steampipeCis("v150", "4.5")],
    },
    {
      documents: ["Security Hub CloudWatch.5"],
      text: "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
      sources: [...securityHubControl(5)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.5-CloudTrailChanges without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics" },
  alarmName: "CloudTrail Changes",
  sources: [
    steampipeCis("v120", "3.5"),
    steampipeCis("v500", "4.5"),
    steampipeCis("v600", "5.5"),
    prowlerCis("1.4", "4.5"),
    prowlerCis("7.0", "5.5"),
    cyberStrikeCisV7("5.5"),
    ...securityHubControl(5),
    prowlerCheck("cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes_enabled"),
    cloudSploitMonitoringMetrics,
    conformityCloudTrailChangesAlarm,
    cloudTrailAlarmExamples,
  ],
};
