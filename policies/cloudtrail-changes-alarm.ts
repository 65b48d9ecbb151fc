/**
 * cloudtrail-changes-alarm: a CloudWatch metric alarm watches the metric that counts CloudTrail configuration
 * changes (same metric name, namespace and region) and fires on a single change within five minutes.
 */
import { checkAlarms } from "../lib/checks/alarm";
import { alarmNotApplicable } from "../lib/checks/applicability";
import { cloudTrailChanges } from "../lib/controls/cloudtrail-changes";
import { cisAlarmDefaults } from "../lib/monitoring/alarm-criteria";
import { toStackPolicy, type PolicyDefinition, type PolicyEnvironment } from "./common";

export const name = "cloudtrail-changes-alarm";

const statistics = ["Sum", "SampleCount", "Average", "Minimum", "Maximum"] as const;

const configProperties = {
  requireAlarmName: {
    type: "boolean",
    default: false,
    description: "Require the alarm to carry exactly the name in `alarmName`.",
  },
  alarmName: {
    type: "string",
    default: cloudTrailChanges.alarmName,
    minLength: 1,
    description: "The alarm name required when `requireAlarmName` is true (Cloud Conformity's default name).",
  },
  statistic: {
    type: "string",
    default: cisAlarmDefaults.statistic,
    enum: statistics,
    description: "The statistic the alarm must use.",
  },
  maxPeriodSeconds: {
    type: "integer",
    default: cisAlarmDefaults.maxPeriodSeconds,
    minimum: 10,
    description: "The longest alarm period, in seconds, allowed.",
  },
  evaluationPeriods: {
    type: "integer",
    default: cisAlarmDefaults.evaluationPeriods,
    minimum: 1,
    description: "The most evaluation periods (and datapoints to alarm) allowed before the alarm fires.",
  },
} as const;

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "An alarm fires on CloudTrail changes",
  description:
    "A CloudWatch metric alarm must watch the CloudTrail-changes metric in its region and fire on a single change within five minutes.",
  remediationSteps:
    "Add an `aws.cloudwatch.MetricAlarm` in the metric filter's region with the filter's `metricName` and `namespace`, " +
    '`statistic: "Sum"`, `period: 300`, `threshold: 1`, `comparisonOperator: "GreaterThanOrEqualToThreshold"`, ' +
    "`evaluationPeriods: 1` and actions enabled. This is the third link of CIS AWS Foundations 4.5 / Security Hub " +
    'CloudWatch.5 / Trend Micro Cloud Conformity\'s "CloudWatch alarm for CloudTrail changes" (default alarm name ' +
    '"CloudTrail Changes").',
  tags: ["metric-alarm"],
  configProperties,
  check: (model, config, { control }) => checkAlarms(model, config, control),
  notApplicable: (model, _config, { control }) => alarmNotApplicable(model, control),
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
