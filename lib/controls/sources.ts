/**
 * The public sources the control definitions cite. The CIS Benchmark PDFs are not public, so the benchmark text is
 * read where public pages transcribe it: Steampipe's AWS Compliance mod (one Markdown file per recommendation and
 * version, copied from the PDF: its PDF line-break artifacts such as "metricV alue" show it), Prowler's compliance
 * data (AuditProcedure / RemediationProcedure per recommendation) and, for v7.0.0, CyberStrike's benchmark skills.
 * GitHub links are pinned to the commit that was read, so a reader sees the exact text.
 */
import type { Source } from "./types";

const STEAMPIPE =
  "https://github.com/turbot/steampipe-mod-aws-compliance/blob/a1d0b446ef9b96ea64980859fc063d70da20778e";
const PROWLER = "https://github.com/prowler-cloud/prowler/blob/3e000faa3109230b748e4418a13c11c9e59f5cfb";
const CYBERSTRIKE_V7 =
  "https://github.com/CyberStrikeus/CyberStrike/blob/2ffd3d89f089b4c92c63e6c94af59a03abc37061/.cyberstrike/skill/" +
  "CIS_benchmarks/Cloud_Providers/AWS/CIS_Amazon_Web_Services_Foundations_Benchmark_v7.0.0";
const SECURITY_HUB_GUIDE = "https://github.com/awsdocs/aws-security-hub-user-guide/blob";
const SECURITY_HUB_CONTROLS = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html";
const CLOUDTRAIL_GUIDE = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide";

/** Steampipe's directory names for the CIS versions it transcribes (it has no v7.0.0 yet). */
export type SteampipeCisVersion = "v120" | "v130" | "v140" | "v150" | "v200" | "v300" | "v400" | "v500" | "v600";

/** Prowler's file names for the CIS versions it maps (from v1.4). */
export type ProwlerCisVersion = "1.4" | "1.5" | "2.0" | "3.0" | "4.0" | "5.0" | "6.0" | "7.0";

function dotted(version: SteampipeCisVersion): string {
  return `v${version[1]}.${version[2]}.${version[3]}`;
}

/** Steampipe's transcription of one recommendation of one CIS version, e.g. ("v140", "4.1"). */
export function steampipeCis(version: SteampipeCisVersion, recommendation: string): Source {
  const file = `cis_${version}_${recommendation.replace(/\./g, "_")}.md`;
  return {
    title: `Steampipe AWS Compliance mod, CIS ${dotted(version)} ${recommendation} (transcribed benchmark text)`,
    url: `${STEAMPIPE}/cis_${version}/docs/${file}`,
  };
}

/** Prowler's compliance data for one CIS version: audit and remediation text of each recommendation. */
export function prowlerCis(version: ProwlerCisVersion, recommendation: string): Source {
  return {
    title: `Prowler compliance data, CIS ${version}.0 ${recommendation} (AuditProcedure and RemediationProcedure)`,
    url: `${PROWLER}/prowler/compliance/aws/cis_${version}_aws.json`,
  };
}

/** Prowler's check for the control (its event names, cross-checked against the CIS text). */
export function prowlerCheck(check: string): Source {
  return {
    title: `Prowler check ${check}`,
    url: `${PROWLER}/prowler/providers/aws/services/cloudwatch/${check}/${check}.py`,
  };
}

/** CyberStrike's transcription of one CIS v7.0.0 recommendation, e.g. "5.1". */
export function cyberStrikeCisV7(recommendation: string): Source {
  return {
    title: `CyberStrike CIS AWS Foundations Benchmark v7.0.0 skill ${recommendation} (transcribed benchmark text)`,
    url: `${CYBERSTRIKE_V7}/cis-aws-foundations-${recommendation}/SKILL.md`,
  };
}

/**
 * The AWS Security Hub user guide's CloudWatch control, live and as archived on GitHub (June 2023, the last
 * version published there; its patterns are the ones the live page prints).
 */
export function securityHubControl(controlNumber: number): readonly Source[] {
  return [
    {
      title: `AWS Security Hub user guide, Security Hub CSPM controls for CloudWatch: CloudWatch.${controlNumber}`,
      url: `${SECURITY_HUB_CONTROLS}#cloudwatch-${controlNumber}`,
    },
    {
      title: `AWS Security Hub user guide (GitHub archive, 2023), cloudwatch-controls.md: CloudWatch.${controlNumber}`,
      url: `${SECURITY_HUB_GUIDE}/47bfe2f1de2e486914543113d2e751f3e2ed8868/doc_source/cloudwatch-controls.md`,
    },
  ];
}

/** The Security Hub user guide's CIS page as it was in October 2021, before CloudWatch.3 took the IAMUser text. */
export const securityHubCisControls2021: Source = {
  title: "AWS Security Hub user guide (GitHub archive, October 2021), securityhub-cis-controls.md: CIS 3.2",
  url: `${SECURITY_HUB_GUIDE}/b26b871fa55cde579853eae8c2eb970c1e1b3946/doc_source/securityhub-cis-controls.md`,
};

/** CloudSploit's monitoringMetrics plugin: one filter pattern per CIS monitoring recommendation. */
export const cloudSploitMonitoringMetrics: Source = {
  title: "CloudSploit plugin aws/cloudwatchlogs/monitoringMetrics.js (filter patterns per CIS monitoring control)",
  url:
    "https://github.com/aquasecurity/cloudsploit/blob/4b5bbd809f1ea2e91b87944920794d2bddf770ed/plugins/aws/" +
    "cloudwatchlogs/monitoringMetrics.js",
};

/** AWS CloudTrail user guide: global service events (IAM, STS, CloudFront) are recorded in us-east-1. */
export const cloudTrailGlobalServiceEvents: Source = {
  title: "AWS CloudTrail user guide, CloudTrail concepts: Global service events",
  url: `${CLOUDTRAIL_GUIDE}/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events`,
};

/** AWS CloudTrail user guide: console sign-in events are global service events; ConsoleLogin record examples. */
export const cloudTrailConsoleSignInEvents: Source = {
  title: "AWS CloudTrail user guide, AWS Management Console sign-in events",
  url: `${CLOUDTRAIL_GUIDE}/cloudtrail-event-reference-aws-console-sign-in-events.html`,
};

/** AWS CloudTrail user guide: eventType AwsServiceEvent (service events) and AwsConsoleSignIn (sign-in events). */
export const cloudTrailNonApiEvents: Source = {
  title: "AWS CloudTrail user guide, Non-API events captured by CloudTrail",
  url: `${CLOUDTRAIL_GUIDE}/cloudtrail-non-api-events.html`,
};

/** AWS CloudTrail user guide: userIdentity types (Root, IAMUser, ...) and the invokedBy field. */
export const cloudTrailUserIdentity: Source = {
  title: "AWS CloudTrail user guide, CloudTrail userIdentity element",
  url: `${CLOUDTRAIL_GUIDE}/cloudtrail-event-reference-user-identity.html`,
};

/** AWS CloudTrail user guide: the alarm examples, metric namespace CloudTrailMetrics. */
export const cloudTrailAlarmExamples: Source = {
  title: "AWS CloudTrail user guide, Creating CloudWatch alarms for CloudTrail events: examples",
  url: `${CLOUDTRAIL_GUIDE}/cloudwatch-alarms-for-cloudtrail.html`,
};

/** AWS Organizations user guide: its CloudTrail events are visible only in US East (N. Virginia). */
export const organizationsCloudTrailLogging: Source = {
  title: "AWS Organizations user guide (GitHub archive, 2023), Logging AWS Organizations API calls with CloudTrail",
  url:
    "https://github.com/awsdocs/aws-organizations-docs/blob/8df18e7aeb8068515cd8ab22e852ad25a052edbd/doc_source/" +
    "orgs_security_incident-response.md",
};

/** AWS News Blog, July 2021: security group rule IDs and the ModifySecurityGroupRules API. */
export const securityGroupRuleIdsBlog: Source = {
  title: "AWS News Blog (July 2021), Easily Manage Security Group Rules with the New Security Group Rule ID",
  url: "https://aws.amazon.com/blogs/aws/easily-manage-security-group-rules-with-the-new-security-group-rule-id/",
};

/** AWS News Blog: EC2-Classic (and ClassicLink) retirement, completed August 2023. */
export const ec2ClassicRetirementBlog: Source = {
  title: "AWS News Blog, EC2-Classic Networking is Retiring (update of August 23, 2023: retirement complete)",
  url: "https://aws.amazon.com/blogs/aws/ec2-classic-is-retiring-heres-how-to-prepare/",
};

/** Trend Micro Cloud One Conformity rule CWL-003: default alarm name "CloudTrail Changes". */
export const conformityCloudTrailChangesAlarm: Source = {
  title: "Trend Micro Cloud One Conformity, CloudTrail Changes Alarm (CWL-003)",
  url: "https://www.trendmicro.com/cloudoneconformity/knowledge-base/aws/CloudWatchLogs/cloudtrail-changes-alarm.html",
};
