/**
 * CIS "Ensure AWS Organizations changes are monitored" (new in v1.3.0 as 4.15; not in v1.2.0, no Security Hub
 * control): the eighteen AWS Organizations calls the text lists, in its order, for the management account. The
 * text conjoins `$.eventSource = organizations.amazonaws.com` and quotes every event name. Prowler's own check adds
 * CancelHandshake, CreateOrganization and EnableAllFeatures; they are not in the CIS text and not targeted here.
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cloudTrailGlobalServiceEvents,
  cyberStrikeCisV7,
  organizationsCloudTrailLogging,
  prowlerCheck,
  prowlerCis,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/**
 * Records: from the commercial Regions Organizations is called at its us-east-1 endpoint, and its CloudTrail events
 * are recorded only in US East (N. Virginia), so the monitoring trail must cover us-east-1 (a multi-region trail
 * does). CloudTrail's list of global service events names IAM, STS, CloudFront and console sign-in, not
 * Organizations, so whether a trail without global service events records them is not documented.
 */
export const organizationsChanges: ControlDefinition = {
  id: "organizations-changes",
  name: "AWS Organizations changes",
  nameOfOne: "AWS Organizations change",
  title: "Ensure AWS Organizations changes are monitored",
  references: { cisV12: undefined, cisV14ToV5: "4.15", cisV6ToV7: "5.15", securityHub: undefined },
  target: {
    kind: "apiCalls",
    eventSource: "organizations.amazonaws.com",
    eventNames: [
      "AcceptHandshake",
      "AttachPolicy",
      "CreateAccount",
      "CreateOrganizationalUnit",
      "CreatePolicy",
      "DeclineHandshake",
      "DeleteOrganization",
      "DeleteOrganizationalUnit",
      "DeletePolicy",
      "DetachPolicy",
      "DisablePolicyType",
      "EnablePolicyType",
      "InviteAccountToOrganization",
      "LeaveOrganization",
      "MoveAccount",
      "RemoveAccountFromOrganization",
      "UpdatePolicy",
      "UpdateOrganizationalUnit",
    ],
  },
  prescribedPatterns: [
    // Prowler's v4.0-v7.0 data prints it without double quotes (it drops them in these sections); the quoted spelling
    // is Steampipe's (to v5.0.0) and CyberStrike's (v7.0.0). Steampipe's v6.0.0 copy opens with `($.eventName =
    // AcceptHandshake")`, an unbalanced quote CloudWatch Logs would reject; a single source, not recorded.
    {
      documents: ["CIS v1.4.0", "CIS v1.5.0", "CIS v2.0.0", "CIS v3.0.0", "CIS v4.0.0", "CIS v5.0.0", "CIS v7.0.0"],
      text: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
      sources: [
        prowlerCis("1.4", "4.15"),
        prowlerCis("1.5", "4.15"),
        steampipeCis("v200", "4.15"),
        steampipeCis("v300", "4.15"),
        prowlerCis("3.0", "4.15"),
        steampipeCis("v400", "4.15"),
        steampipeCis("v500", "4.15"),
        cyberStrikeCisV7("5.15"),
        prowlerCis("7.0", "5.15"),
      ],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription (no space after `=` before "InviteAccountToOrganization"); Prowler's
    // v1.4/v1.5 data has the spacing above. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName ="InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
      sources: [steampipeCis("v130", "4.15"), steampipeCis("v140", "4.15"), steampipeCis("v150", "4.15")],
    },
  ],
  // Metric: the CIS remediation's <organizations_changes> placeholder in CamelCase (no Security Hub control);
  // namespace: the CloudTrail user guide's alarm examples. Alarm: the same words spaced.
  metric: { name: "OrganizationsChanges", namespace: "CloudTrailMetrics" },
  alarmName: "Organizations Changes",
  sources: [
    steampipeCis("v130", "4.15"),
    steampipeCis("v500", "4.15"),
    steampipeCis("v600", "5.15"),
    prowlerCis("1.4", "4.15"),
    prowlerCis("7.0", "5.15"),
    cyberStrikeCisV7("5.15"),
    prowlerCheck("cloudwatch_log_metric_filter_aws_organizations_changes"),
    cloudSploitMonitoringMetrics,
    organizationsCloudTrailLogging,
    cloudTrailGlobalServiceEvents,
    cloudTrailAlarmExamples,
  ],
};
