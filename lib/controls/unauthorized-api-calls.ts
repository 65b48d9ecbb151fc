/**
 * CIS "Ensure unauthorized API calls are monitored": calls that fail authorization, `errorCode` ending in
 * `UnauthorizedOperation` (EC2's `Client.UnauthorizedOperation`) or starting with `AccessDenied` (most other
 * services). From CIS v1.3.0 the text adds two exclusions: records from `sourceIPAddress`
 * `delivery.logs.amazonaws.com` and records of `eventName` `HeadBucket`. The benchmark does not say why; its Impact
 * statement says the alert "may be triggered by normal read-only console activities that attempt to
 * opportunistically gather optional information, but gracefully fail if they don't have permissions", and the two
 * exclusions look like such routine failures: delivery.logs.amazonaws.com is the principal AWS services deliver
 * logs as, and HeadBucket is S3's check that a bucket exists. The target set lets a filter match them or not.
 *
 * The v1.3.0-v1.5.0 text joins all four clauses with `||`, so `$.sourceIPAddress != "delivery.logs.amazonaws.com"`
 * alone matches nearly every record: it counts routine records and is documentation only. From v2.0.0 the
 * exclusions are joined with `&&`, mixed with the first `||` without parentheses; whichever way the operators
 * bind, it matches every `AccessDenied*` failure outside the exclusions and every `*UnauthorizedOperation`
 * failure, except possibly those from the exempt records, which the target set leaves open.
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
import type { ControlDefinition, Source } from "./types";

/** KICS's query for CIS 3.1 prints the v1.2.0 text in its Terraform samples. */
const kicsUnauthorizedApiCallsQuery: Source = {
  title: "KICS query CloudWatch Unauthorized Access Alarm Missing (Terraform samples with the CIS 3.1 pattern)",
  url: "https://docs.kics.io/2.1.6-integrations/queries/terraform-queries/aws/4c18a45b-4ab1-4790-9f83-399ac695f1e5",
};

/** Tenable's audit file for CIS v1.5.0 L1 quotes the 4.1 remediation text. */
const tenableCisV15UnauthorizedApiCalls: Source = {
  title: "Tenable audit CIS Amazon Web Services Foundations v1.5.0 L1: 4.1 'metric filter exists'",
  url:
    "https://www.tenable.com/audits/items/" +
    "CIS_Amazon_Web_Services_Foundations_v1.5.0_L1.audit:00a418b93cdf6c4fb1b143ea02d295d3",
};

/** Datadog's rule quotes the v2.0.0+ remediation command with the `&&` text. */
const datadogUnauthorizedApiCallsRule: Source = {
  title: "Datadog default rule, Unauthorized API calls should be monitored (remediation quotes the CIS command)",
  url: "https://docs.datadoghq.com/security/default_rules/aws-iam-account-unauthorized-api-calls-should-be-monitored/",
};

/**
 * Records: failed calls of any service in any region, so a trail must be multi-region and include global service
 * events (IAM, STS, sign-in failures are recorded in us-east-1) to see them all.
 */
export const unauthorizedApiCalls: ControlDefinition = {
  id: "unauthorized-api-calls",
  name: "unauthorized API calls",
  nameOfOne: "unauthorized API call",
  title: "Ensure unauthorized API calls are monitored",
  references: { cisV12: "3.1", cisV14ToV5: "4.1", cisV6ToV7: "5.1", securityHub: "CloudWatch.2" },
  target: {
    kind: "failedAuthorization",
    errorCodePatterns: ["*UnauthorizedOperation", "AccessDenied*"],
    exempt: { sourceIPAddress: ["delivery.logs.amazonaws.com"], eventName: ["HeadBucket"] },
  },
  prescribedPatterns: [
    {
      documents: ["CIS v1.2.0"],
      text: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      sources: [steampipeCis("v120", "3.1"), kicsUnauthorizedApiCallsQuery],
    },
    {
      documents: ["Security Hub CloudWatch.2"],
      text: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
      sources: [...securityHubControl(2)],
    },
    // Every clause joined by `||`: `$.sourceIPAddress != "delivery.logs.amazonaws.com"` alone matches nearly every
    // record. Prowler also gives this text for v2.0.0 and v3.0.0, where Steampipe gives the `&&` text below; Prowler's
    // v2.0/v3.0 entries repeat its v1.5 wording word for word (even the v1.5 titles, which v3.0.0 renamed "... are
    // monitored"), while Steampipe's keep PDF line-break artifacts of the v2.0.0 PDF, so the `&&` text is taken for
    // v2.0.0+.
    {
      documents: ["CIS v1.3.0", "CIS v1.4.0", "CIS v1.5.0"],
      text: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ($.sourceIPAddress!="delivery.logs.amazonaws.com") || ($.eventName!="HeadBucket") }',
      sources: [
        steampipeCis("v130", "4.1"),
        steampipeCis("v140", "4.1"),
        steampipeCis("v150", "4.1"),
        prowlerCis("1.4", "4.1"),
        prowlerCis("1.5", "4.1"),
        tenableCisV15UnauthorizedApiCalls,
      ],
      countsRoutineRecords: true,
    },
    // The audit procedure prints the expected describe-metric-filters output without inner quotes. Prowler keeps the
    // quotes elsewhere in its v1.4/v1.5 data, so the quote-less form is the benchmark's; other CIS checkers compare
    // against this exact string too.
    {
      documents: ["CIS v1.4.0 (audit procedure)", "CIS v1.5.0 (audit procedure)"],
      text: "{ ($.errorCode = *UnauthorizedOperation) || ($.errorCode = AccessDenied*) || ($.sourceIPAddress!=delivery.logs.amazonaws.com) || ($.eventName!=HeadBucket) }",
      sources: [prowlerCis("1.4", "4.1"), prowlerCis("1.5", "4.1")],
      countsRoutineRecords: true,
    },
    // Mixes `&&` and `||` without parentheses. Prowler's v4.0-v7.0 data prints the same text with every `"` removed
    // (its monitoring sections drop all double quotes, e.g. `($.errorMessage = Failed authentication)`), so it confirms
    // the tokens, not the quotes; the quoted spelling is Steampipe's, CyberStrike's (v7.0.0) and Datadog's.
    {
      documents: ["CIS v2.0.0", "CIS v3.0.0", "CIS v4.0.0", "CIS v5.0.0", "CIS v7.0.0"],
      text: '{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
      sources: [
        steampipeCis("v200", "4.1"),
        steampipeCis("v300", "4.1"),
        steampipeCis("v400", "4.1"),
        steampipeCis("v500", "4.1"),
        cyberStrikeCisV7("5.1"),
        datadogUnauthorizedApiCallsRule,
        prowlerCis("4.0", "4.1"),
        prowlerCis("5.0", "4.1"),
        prowlerCis("7.0", "5.1"),
      ],
    },
    // Steampipe's v6.0.0 transcription: no space before the first `=`. Prowler's v6.0 data (quotes removed) has the
    // v5.0.0 spacing; both agree on the tokens.
    {
      documents: ["CIS v6.0.0"],
      text: '{ ($.errorCode="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
      sources: [steampipeCis("v600", "5.1"), prowlerCis("6.0", "5.1")],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-3.1-UnauthorizedAPICalls without the "CIS-x.y-" prefix; namespace:
  // the CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "UnauthorizedAPICalls", namespace: "CloudTrailMetrics" },
  alarmName: "Unauthorized API Calls",
  sources: [
    steampipeCis("v120", "3.1"),
    steampipeCis("v140", "4.1"),
    steampipeCis("v500", "4.1"),
    steampipeCis("v600", "5.1"),
    prowlerCis("5.0", "4.1"),
    prowlerCis("7.0", "5.1"),
    cyberStrikeCisV7("5.1"),
    ...securityHubControl(2),
    prowlerCheck("cloudwatch_log_metric_filter_unauthorized_api_calls"),
    cloudSploitMonitoringMetrics,
    cloudTrailGlobalServiceEvents,
    cloudTrailAlarmExamples,
  ],
};
