/**
 * CIS "Ensure management console sign-in without MFA is monitored": successful console sign-ins of IAM users whose
 * `additionalEventData.MFAUsed` is "No". From v1.4.0 the benchmark gives two texts: the two-clause one, and one
 * that adds `$.userIdentity.type = "IAMUser"` and `$.responseElements.ConsoleLogin = "Success"` "To reduce false
 * positives incase Single Sign-On (SSO) is used in organization": it leaves out sign-ins that are not an IAM user's
 * (federated SSO sign-ins) and failed sign-ins (4.6 watches those). Security Hub CloudWatch.3 prints the four-clause
 * text since 2022. The target set is the four-clause one; the two-clause texts also count federated sign-ins and
 * failures, which a filter may count.
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cloudTrailConsoleSignInEvents,
  cloudTrailGlobalServiceEvents,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubCisControls2021,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/**
 * Records: ConsoleLogin (signin.amazonaws.com) is a global service event: recorded in us-east-1 for sign-ins through
 * the global endpoint (regional sign-in endpoints record in their region), and only by trails that include global
 * service events.
 */
export const consoleSignInWithoutMfa: ControlDefinition = {
  id: "console-signin-without-mfa",
  name: "console sign-in without MFA",
  nameOfOne: "console sign-in without MFA",
  title: "Ensure management console sign-in without MFA is monitored",
  references: { cisV12: "3.2", cisV14ToV5: "4.2", cisV6ToV7: "5.2", securityHub: "CloudWatch.3" },
  target: { kind: "consoleSignIn", outcome: "success", identityTypes: ["IAMUser"], mfaUsed: "No" },
  prescribedPatterns: [
    // Prowler's v4.0-v7.0 data prints this without double quotes (it drops them in these sections); the quoted spelling
    // for v4.0.0/v5.0.0 is Steampipe's and for v7.0.0 CyberStrike's.
    {
      documents: [
        "CIS v1.2.0",
        "CIS v1.4.0",
        "CIS v1.5.0",
        "CIS v2.0.0",
        "CIS v3.0.0",
        "CIS v4.0.0",
        "CIS v5.0.0",
        "CIS v7.0.0",
      ],
      text: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
      sources: [
        steampipeCis("v120", "3.2"),
        prowlerCis("1.4", "4.2"),
        prowlerCis("1.5", "4.2"),
        steampipeCis("v200", "4.2"),
        prowlerCis("3.0", "4.2"),
        steampipeCis("v500", "4.2"),
        cyberStrikeCisV7("5.2"),
      ],
    },
    // Steampipe's v1.3.0-v1.5.0 transcription; Prowler's v1.4/v1.5 data has the spacing above. Only whitespace differs.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: '{($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
      sources: [steampipeCis("v130", "4.2"), steampipeCis("v140", "4.2"), steampipeCis("v150", "4.2")],
    },
    {
      documents: [
        "CIS v1.4.0",
        "CIS v1.5.0",
        "CIS v2.0.0",
        "CIS v3.0.0",
        "CIS v4.0.0",
        "CIS v5.0.0",
        "CIS v7.0.0",
        "Security Hub CloudWatch.3",
      ],
      text: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
      sources: [
        prowlerCis("1.4", "4.2"),
        prowlerCis("1.5", "4.2"),
        steampipeCis("v200", "4.2"),
        prowlerCis("3.0", "4.2"),
        steampipeCis("v500", "4.2"),
        cyberStrikeCisV7("5.2"),
        ...securityHubControl(3),
      ],
    },
    // Security Hub printed this until its 2022 rewrite (Steampipe's v1.3.0-v1.5.0 console steps copy it).
    {
      documents: ["Security Hub CIS 3.2 (2020-2021)"],
      text: '{($.eventName="ConsoleLogin") && ($.additionalEventData.MFAUsed !="Yes")}',
      sources: [securityHubCisControls2021, steampipeCis("v140", "4.2")],
    },
    // Steampipe's v6.0.0 transcription (no space after `!=`). Its four-clause v6.0.0 text is broken over lines by the
    // PDF at `!=` and `&&`, so its exact spacing is unknown and it is not recorded; Prowler's v6.0 data (quotes
    // removed) has the same tokens as v5.0.0.
    {
      documents: ["CIS v6.0.0"],
      text: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed !="Yes") }',
      sources: [steampipeCis("v600", "5.2"), prowlerCis("6.0", "5.2")],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-3.2-ConsoleSigninWithoutMFA without the "CIS-x.y-" prefix; namespace:
  // the CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "ConsoleSigninWithoutMFA", namespace: "CloudTrailMetrics" },
  alarmName: "Console Sign-in Without MFA",
  sources: [
    steampipeCis("v120", "3.2"),
    steampipeCis("v500", "4.2"),
    steampipeCis("v600", "5.2"),
    prowlerCis("1.4", "4.2"),
    prowlerCis("7.0", "5.2"),
    cyberStrikeCisV7("5.2"),
    ...securityHubControl(3),
    prowlerCheck("cloudwatch_log_metric_filter_sign_in_without_mfa"),
    cloudSploitMonitoringMetrics,
    cloudTrailConsoleSignInEvents,
    cloudTrailGlobalServiceEvents,
    cloudTrailAlarmExamples,
  ],
};
