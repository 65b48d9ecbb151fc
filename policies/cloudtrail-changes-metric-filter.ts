/**
 * cloudtrail-changes-metric-filter: every CloudTrail log group (one a trail in the stack delivers to, or one
 * named in `logGroupNames`) has a metric filter whose pattern catches every CloudTrail configuration change
 * (CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging) and publishes the value 1 per event.
 */
import { metricFilterNotApplicable } from "../lib/checks/applicability";
import { checkMetricFilters } from "../lib/checks/metric-filter";
import { toStackPolicy, type PolicyDefinition, type PolicyEnvironment } from "./common";

export const name = "cloudtrail-changes-metric-filter";

const configProperties = {
  logGroupNames: {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [] as readonly string[],
    description:
      "Names of CloudWatch Logs log groups that receive CloudTrail events from a trail outside this stack (e.g. a " +
      "stack that holds only the monitoring). Each must have a compliant metric filter.",
  },
} as const;

export const definition: PolicyDefinition<typeof configProperties> = {
  name,
  displayName: "CloudTrail log groups count CloudTrail changes",
  description:
    "Every CloudWatch Logs log group that receives CloudTrail events must have a metric filter that counts every " +
    "CloudTrail configuration change (CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging) with value 1.",
  remediationSteps:
    "Add an `aws.cloudwatch.LogMetricFilter` on the trail's log group with the pattern `{ ($.eventName = CreateTrail) || " +
    "($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = " +
    'StopLogging) }` and `metricTransformation: { name, namespace, value: "1" }`. Try a pattern offline with ' +
    "`npm run test-metric-filter`. This is the second link of CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 / " +
    'Trend Micro Cloud Conformity\'s "CloudWatch alarm for CloudTrail changes".',
  tags: ["metric-filter"],
  configProperties,
  check: (model, config, { control, profile }) => checkMetricFilters(model, config, control, profile),
  notApplicable: (model, config) => metricFilterNotApplicable(model, config.logGroupNames),
};

/** The policy, reading the stack region from `environment`. */
export function createPolicy(environment?: PolicyEnvironment) {
  return toStackPolicy(definition, environment);
}
