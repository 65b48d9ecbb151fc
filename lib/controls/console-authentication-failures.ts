/**
 * CIS "Ensure AWS Management Console authentication failures are monitored": ConsoleLogin records whose
 * `errorMessage` is "Failed authentication", whoever tried (IAM user or root).
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cloudTrailConsoleSignInEvents,
  cloudTrailGlobalServiceEvents,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/**
 * Records: ConsoleLogin is a global service event: recorded in us-east-1 for the global sign-in endpoint and only by
 * trails that include global service events.
 */
export const consoleAuthenticationFailures: ControlDefinition = {
  id: "console-authentication-failures",
  name: "console authentication failures",
  nameOfOne: "console authentication failure",
  title: "Ensure AWS Management Console authentication failures are monitored",
  references: { cisV12: "3.6", cisV14ToV5: "4.6", cisV6ToV7: "5.6", securityHub: "CloudWatch.6" },
  target: { kind: "consoleSignIn", outcome: "failure", identityTypes: ["IAMUser", "Root"] },
  prescribedPatterns: [
    // Prowler's v4.0-v7.0 data prints `($.errorMessage = Failed authentication)` without the quotes (it drops them in
    // these sections); the quoted spelling is Steampipe's (to v6.0.0) and CyberStrike's (v7.0.0).
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
      text: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
      sources: [
        steampipeCis("v120", "3.6"),
        prowlerCis("1.4", "4.6"),
        prowlerCis("1.5", "4.6"),
        steampipeCis("v200", "4.6"),
        prowlerCis("3.0", "4.6"),
        steampipeCis("v400", "4.6"),
        steampipeCis("v500", "4.6"),
        steampipeCis("v600", "5.6"),
        cyberStrikeCisV7("5.6"),
      ],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription; Prowler's v1.4/v1.5 data has the spacing above. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: '{($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
      sources: [steampipeCis("v130", "4.6"), steampipeCis("v140", "4.6"), steampipeCis("v150", "4.6")],
    },
    {
      documents: ["Security Hub CloudWatch.6"],
      text: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
      sources: [...securityHubControl(6)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.6-ConsoleAuthenticationFailure without the "CIS-x.y-" prefix;
  // namespace: the CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail
  // Changes".
  metric: { name: "ConsoleAuthenticationFailure", namespace: "CloudTrailMetrics" },
  alarmName: "Console Authentication Failures",
  sources: [
    steampipeCis("v120", "3.6"),
    steampipeCis("v500", "4.6"),
    steampipeCis("v600", "5.6"),
    prowlerCis("1.4", "4.6"),
    cyberStrikeCisV7("5.6"),
    ...securityHubControl(6),
    prowlerCheck("cloudwatch_log_metric_filter_authentication_failures"),
    cloudSploitMonitoringMetrics,
    cloudTrailConsoleSignInEvents,
    cloudTrailGlobalServiceEvents,
    cloudTrailAlarmExamples,
  ],
};
