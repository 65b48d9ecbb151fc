/**
 * CIS "Ensure IAM policy changes are monitored": the sixteen IAM calls that create, change, delete, attach or detach
 * a managed or inline policy, in the order the CIS text lists them. The text has no `$.eventSource` conjunct; the
 * calls are IAM's (iam.amazonaws.com).
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cloudTrailGlobalServiceEvents,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/**
 * Records: IAM is a global service: its calls are recorded in us-east-1 and only by trails that include global
 * service events.
 */
export const iamPolicyChanges: ControlDefinition = {
  id: "iam-policy-changes",
  name: "IAM policy changes",
  nameOfOne: "IAM policy change",
  title: "Ensure IAM policy changes are monitored",
  references: { cisV12: "3.4", cisV14ToV5: "4.4", cisV6ToV7: "5.4", securityHub: "CloudWatch.4" },
  target: {
    kind: "apiCalls",
    eventSource: "iam.amazonaws.com",
    eventNames: [
      "DeleteGroupPolicy",
      "DeleteRolePolicy",
      "DeleteUserPolicy",
      "PutGroupPolicy",
      "PutRolePolicy",
      "PutUserPolicy",
      "CreatePolicy",
      "DeletePolicy",
      "CreatePolicyVersion",
      "DeletePolicyVersion",
      "AttachRolePolicy",
      "DetachRolePolicy",
      "AttachUserPolicy",
      "DetachUserPolicy",
      "AttachGroupPolicy",
      "DetachGroupPolicy",
    ],
  },
  prescribedPatterns: [
    // Steampipe's v1.2.0, v2.0.0 and v3.0.0 copies keep the PDF's line breaks as spaces inside names ("$.eventNa me",
    // "PutRolePolic y"); without them they are this text. Its v1.3.0 copy spells two selectors `$eventName` (no dot),
    // which CloudWatch Logs does not accept as a selector; a single source, not recorded.
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
      text: "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
      sources: [
        steampipeCis("v120", "3.4"),
        prowlerCis("1.4", "4.4"),
        steampipeCis("v140", "4.4"),
        prowlerCis("3.0", "4.4"),
        steampipeCis("v400", "4.4"),
        steampipeCis("v500", "4.4"),
        steampipeCis("v600", "5.4"),
        prowlerCis("6.0", "5.4"),
        cyberStrikeCisV7("5.4"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.4"],
      text: "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
      sources: [...securityHubControl(4)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.4-IAMPolicyChanges without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "IAMPolicyChanges", namespace: "CloudTrailMetrics" },
  alarmName: "IAM Policy Changes",
  sources: [
    steampipeCis("v120", "3.4"),
    steampipeCis("v500", "4.4"),
    steampipeCis("v600", "5.4"),
    prowlerCis("1.4", "4.4"),
    prowlerCis("7.0", "5.4"),
    cyberStrikeCisV7("5.4"),
    ...securityHubControl(4),
    prowlerCheck("cloudwatch_log_metric_filter_policy_changes"),
    cloudSploitMonitoringMetrics,
    cloudTrailGlobalServiceEvents,
    cloudTrailAlarmExamples,
  ],
};
