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
  /** The events in words, plural and singular: "CloudTrail configuration changes", "... change". */
  readonly changes: string;
  readonly change: string;
  /** The metric name and namespace fix snippets use. */
  readonly defaultMetric: { readonly name: string; readonly namespace: string };
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
  defaultAlarmName: "CloudTrail Changes",
  alarmDefaults: { statistic: "Sum", longestPeriodSeconds: 300, evaluationPeriods: 1 },
};
