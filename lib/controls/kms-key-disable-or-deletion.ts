/**
 * CIS "Ensure disabling or scheduled deletion of customer created CMKs is monitored": KMS DisableKey and
 * ScheduleKeyDeletion. Every version's text conjoins `$.eventSource = kms.amazonaws.com`.
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
export const kmsKeyDisableOrDeletion: ControlDefinition = {
  id: "kms-key-disable-or-deletion",
  name: "KMS key disabling or scheduled deletion",
  nameOfOne: "KMS key disabling or scheduled deletion",
  title: "Ensure disabling or scheduled deletion of customer created CMKs is monitored",
  references: { cisV12: "3.7", cisV14ToV5: "4.7", cisV6ToV7: "5.7", securityHub: "CloudWatch.7" },
  target: {
    kind: "apiCalls",
    eventSource: "kms.amazonaws.com",
    eventNames: ["DisableKey", "ScheduleKeyDeletion"],
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
      text: "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
      sources: [
        steampipeCis("v120", "3.7"),
        steampipeCis("v130", "4.7"),
        prowlerCis("1.4", "4.7"),
        steampipeCis("v200", "4.7"),
        steampipeCis("v300", "4.7"),
        prowlerCis("4.0", "4.7"),
        steampipeCis("v500", "4.7"),
        steampipeCis("v600", "5.7"),
        prowlerCis("7.0", "5.7"),
        cyberStrikeCisV7("5.7"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.7"],
      text: "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
      sources: [...securityHubControl(7)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.7-DisableOrDeleteCMK without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "DisableOrDeleteCMK", namespace: "CloudTrailMetrics" },
  alarmName: "Disable or Delete CMK",
  sources: [
    steampipeCis("v120", "3.7"),
    steampipeCis("v600", "5.7"),
    prowlerCis("1.4", "4.7"),
    prowlerCis("7.0", "5.7"),
    cyberStrikeCisV7("5.7"),
    ...securityHubControl(7),
    prowlerCheck("cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk"),
    cloudSploitMonitoringMetrics,
    cloudTrailAlarmExamples,
  ],
};
