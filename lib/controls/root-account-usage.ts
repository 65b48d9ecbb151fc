/**
 * CIS "Ensure usage of 'root' account is monitored": any record made by the root user itself. The text excludes
 * records with `userIdentity.invokedBy` (an AWS service acting with the root identity) and records of `eventType`
 * "AwsServiceEvent" (events AWS services generate, e.g. scheduled key rotation), neither of which is the root user
 * signing in or calling an API.
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cloudTrailGlobalServiceEvents,
  cloudTrailNonApiEvents,
  cloudTrailUserIdentity,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/**
 * Records: root activity in every service and region (the root user's ConsoleLogin is a global service event,
 * recorded in us-east-1 and only by trails that include global service events; its API calls are recorded where
 * they are made), so a trail must be multi-region and include global service events.
 */
export const rootAccountUsage: ControlDefinition = {
  id: "root-account-usage",
  name: "root account usage",
  nameOfOne: "use of the root account",
  title: "Ensure usage of 'root' account is monitored",
  references: { cisV12: "3.3", cisV14ToV5: "4.3", cisV6ToV7: "5.3", securityHub: "CloudWatch.1" },
  target: { kind: "rootActivity" },
  prescribedPatterns: [
    // Prowler's v4.0-v7.0 data prints it without double quotes; the quoted spelling is Steampipe's (to v5.0.0) and
    // CyberStrike's (v7.0.0).
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
        "CIS v7.0.0",
      ],
      text: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      sources: [
        steampipeCis("v120", "3.3"),
        steampipeCis("v130", "4.3"),
        prowlerCis("1.4", "4.3"),
        prowlerCis("1.5", "4.3"),
        steampipeCis("v200", "4.3"),
        prowlerCis("3.0", "4.3"),
        steampipeCis("v400", "4.3"),
        steampipeCis("v500", "4.3"),
        cyberStrikeCisV7("5.3"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.1"],
      text: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
      sources: [...securityHubControl(1)],
    },
    // Steampipe's v6.0.0 transcription: no space before `}`. Prowler's v6.0 data (quotes removed) has the v5.0.0
    // spacing.
    {
      documents: ["CIS v6.0.0"],
      text: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent"}',
      sources: [steampipeCis("v600", "5.3"), prowlerCis("6.0", "5.3")],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-1.7-RootAccountUsage without the "CIS-x.y-" prefix; namespace: the
  // CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "RootAccountUsage", namespace: "CloudTrailMetrics" },
  alarmName: "Root Account Usage",
  sources: [
    steampipeCis("v120", "3.3"),
    steampipeCis("v500", "4.3"),
    steampipeCis("v600", "5.3"),
    prowlerCis("1.4", "4.3"),
    prowlerCis("7.0", "5.3"),
    cyberStrikeCisV7("5.3"),
    ...securityHubControl(1),
    prowlerCheck("cloudwatch_log_metric_filter_root_usage"),
    cloudSploitMonitoringMetrics,
    cloudTrailUserIdentity,
    cloudTrailNonApiEvents,
    cloudTrailGlobalServiceEvents,
    cloudTrailAlarmExamples,
  ],
};
