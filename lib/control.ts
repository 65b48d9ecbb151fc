/**
 * The control as data: "CloudWatch alarm for AWS CloudTrail configuration changes" (CIS AWS Foundations
 * Benchmark "CloudTrail configuration changes are monitored"; AWS Security Hub CloudWatch.5; Trend Micro Cloud
 * Conformity). A second control of the CIS monitoring section should be another object of this shape.
 */
export interface MonitoringControl {
  /** The API calls the metric filter must count. */
  readonly requiredEventNames: readonly string[];
  /** The eventSource of those calls. */
  readonly eventSource: string;
  /** The pattern the benchmark gives, for messages and examples. */
  readonly canonicalPattern: string;
  /** Every prescribed spelling (CIS versions, Security Hub): the `security-hub` profile compares with these. */
  readonly prescribedPatterns: readonly string[];
  /** The events in words, plural and singular: "CloudTrail configuration changes", "... change". */
  readonly changes: string;
  readonly change: string;
  /** The metric name and namespace fix snippets use. */
  readonly defaultMetric: { readonly name: string; readonly namespace: string };
  /** The AWS Security Hub control, for messages ("CloudWatch.5"). */
  readonly securityHubControl: string;
  /** Where the control sits in each framework (CIS v1.2 / v1.4 to v5 / v6 and v7 sections, Security Hub id). */
  readonly references: {
    readonly cisV12: string | undefined;
    readonly cisV14ToV5: string;
    readonly cisV6ToV7: string;
    readonly securityHub: string | undefined;
  };
  /** The CIS recommendation title. */
  readonly title: string;
  /** The alarm's default name in Cloud Conformity's rule. */
  readonly defaultAlarmName: string;
  /** Criteria an alarm must meet by default. */
  readonly alarmDefaults: {
    readonly statistic: string;
    readonly longestPeriodSeconds: number;
    readonly evaluationPeriods: number;
  };
}

export const cloudTrailChangesControl: MonitoringControl = {
  requiredEventNames: ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
  eventSource: "cloudtrail.amazonaws.com",
  canonicalPattern:
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  changes: "CloudTrail configuration changes",
  change: "CloudTrail configuration change",
  defaultMetric: { name: "CloudTrailChanges", namespace: "CloudTrailMetrics" },
  prescribedPatterns: [
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  ],
  securityHubControl: "CloudWatch.5",
  references: { cisV12: "3.5", cisV14ToV5: "4.5", cisV6ToV7: "5.5", securityHub: "CloudWatch.5" },
  title: "Ensure CloudTrail configuration changes are monitored",
  defaultAlarmName: "CloudTrail Changes",
  alarmDefaults: { statistic: "Sum", longestPeriodSeconds: 300, evaluationPeriods: 1 },
};
