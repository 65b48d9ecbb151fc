import { account, canonicalPattern, chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf } from "../../helpers/engine-resources";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const trailUrn = urnOf(types.trail, names.trail);
const groupUrn = urnOf(types.logGroup, names.logGroup);
const filterUrn = urnOf(types.metricFilter, names.filter);
const fourEvents =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }";

const transformation = { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" };

/** A monitoring-only stack: a filter (and alarm chain) on a log group named `name` that is not in the stack. */
function monitoringOnlyOnExternalGroup(name: string): StackFixture {
  return compliantStack({ withTrail: false }).remove(names.logGroup).patch(names.filter, { logGroupName: name }).dependOn(names.filter, {});
}

export const metricFilterCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({ name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`, stack: () => compliantStack(phase) })),
    { name: "empty stack: nothing to check", stack: () => new StackFixture() },
    {
      name: "no trail, no configured group, a filter that covers nothing: nothing to check",
      stack: () =>
        new StackFixture().add(types.metricFilter, "app-errors", {
          name: "app-errors", logGroupName: "/app/web", pattern: "ERROR", metricTransformation: { name: "Errors", namespace: "App", value: "1" }, region: "us-east-1",
        }),
    },
    {
      name: "trail ARN without the :* suffix links the same log group",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: physical.logGroupArn }),
    },
    {
      name: "filter logGroupName unknown at preview links through propertyDependencies",
      stack: () => compliantStack({ phase: "preview" }).patch(names.filter, { logGroupName: unknownValue.string }),
    },
    {
      name: "trail delivers to a log group outside the stack that the filter names",
      stack: () => compliantStack().remove(names.logGroup).dependOn(names.trail, {}).dependOn(names.filter, {}),
    },
    {
      name: "monitoring-only stack: configured log group name with a covering filter",
      stack: () => monitoringOnlyOnExternalGroup("org-trail-logs"),
      config: { logGroupNames: ["org-trail-logs"] },
    },
    {
      name: "configured name of a log group in the stack",
      stack: () => compliantStack({ withTrail: false }),
      config: { logGroupNames: [physical.logGroupName] },
    },
    {
      name: "two filters on the group: one misses an event, one covers",
      stack: () =>
        compliantStack().add(types.metricFilter, "partial", { name: "partial", logGroupName: physical.logGroupName, pattern: fourEvents, metricTransformation: transformation, region: "us-east-1" }),
    },
    {
      name: "two trails sharing one log group",
      stack: () =>
        compliantStack().add(types.trail, "second-trail", {
          name: "second", s3BucketName: "b", cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`, cloudWatchLogsRoleArn: physical.roleArn, region: "us-east-1",
        }),
    },
    {
      name: "a trail that records no management write events needs no filter on its log group",
      stack: () => compliantStack().remove(names.filter).patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] }),
    },
    {
      name: "a data-events-only trail (advanced selectors) needs no filter on its log group",
      stack: () => compliantStack().remove(names.filter).patch(names.trail, {
        advancedEventSelectors: [{ name: "S3", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }],
      }),
    },
    {
      name: "an unresolved trail that records no management write events is not chased",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.trail, {}).patch(names.trail, { eventSelectors: [{ includeManagementEvents: false }] }),
    },
    {
      name: "regions come from the provider when resources carry no region prop",
      stack: () => compliantStack({ region: undefined }, "eu-west-1"),
    },
  ],
  invalid: [
    {
      name: "trail's log group has no metric filter",
      stack: () => compliantStack().remove(names.filter),
      violations: [{ urn: groupUrn, includes: ['Log group "trail-logs"', "has no metric filter", "CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging", "new aws.cloudwatch.LogMetricFilter", "logGroupName: logGroup.name", canonicalPattern] }],
    },
    {
      name: "pattern misses StopLogging",
      stack: () => compliantStack().patch(names.filter, { pattern: fourEvents }),
      violations: [{ urn: filterUrn, includes: ['Metric filter "cloudtrail-changes-filter"', JSON.stringify(fourEvents), "StopLogging", 'value: "1"'] }],
    },
    {
      name: "metric value is not 1",
      stack: () => compliantStack().patch(names.filter, { metricTransformation: { ...transformation, value: "2" } }),
      violations: [{ urn: filterUrn, includes: ['publishes "2" per matching event instead of "1"'] }],
    },
    {
      name: "pattern unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.filter, { pattern: unknownValue.string }),
      violations: [{ urn: filterUrn, includes: ["its pattern is not known at preview"] }],
    },
    {
      name: "metric value unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.filter, { metricTransformation: { ...transformation, value: unknownValue.string } }),
      violations: [{ urn: filterUrn, includes: ["`metricTransformation.value` is not known at preview"] }],
    },
    {
      name: "the covering filter is on another log group",
      stack: () => compliantStack().patch(names.filter, { logGroupName: "/app/other" }).dependOn(names.filter, {}),
      violations: [{ urn: groupUrn, includes: ["has no metric filter"] }],
    },
    {
      name: "a filter with the same log group name in another region is not on the trail's group",
      stack: () =>
        compliantStack()
          .provider("west", { region: "us-west-2" })
          .remove(names.filter)
          .add(types.metricFilter, "west-filter", { name: "west", logGroupName: physical.logGroupName, pattern: canonicalPattern, metricTransformation: transformation, region: "us-west-2" }, { provider: "west" }),
      violations: [{ urn: groupUrn, includes: ["has no metric filter"] }],
    },
    {
      name: "trail log group ARN unknown and no dependency: the chain is broken at preview",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.trail, {}),
      violations: [{ urn: trailUrn, includes: ['Trail "trail"', "can't tell which log group it delivers to", "depends on no log group"] }],
    },
    {
      name: "filter logGroupName unknown without dependency: may be on the group, can't verify",
      stack: () => compliantStack({ phase: "preview" }).patch(names.filter, { logGroupName: unknownValue.string }).dependOn(names.filter, {}),
      violations: [{ urn: groupUrn, includes: ['metric filter "cloudtrail-changes-filter" may be on it', "not known at preview"] }],
    },
    {
      name: "configured log group without any filter (monitoring-only stack)",
      stack: () => new StackFixture(),
      config: { logGroupNames: ["org-trail-logs"] },
      violations: [{ urn: undefined, includes: ['Log group "org-trail-logs" (not in this stack, named in config)', "has no metric filter", '"org-trail-logs"'] }],
    },
    {
      name: "trail delivering to an external log group without a filter is attributed to the trail",
      stack: () => compliantStack().remove(names.logGroup).remove(names.filter).dependOn(names.trail, {}),
      violations: [{ urn: trailUrn, includes: [`Log group "${physical.logGroupName}" in us-east-1 (not in this stack, written by trail "trail")`] }],
    },
    {
      name: "trail ARN naming the stack's log group but in another region: that group gets nothing, the named one has no filter",
      stack: () =>
        compliantStack()
          .patch(names.trail, { cloudWatchLogsGroupArn: `${physicalNames("", "eu-west-1").logGroupArn}:*` })
          .dependOn(names.trail, {}),
      violations: [{ urn: trailUrn, includes: [`Log group "${physical.logGroupName}" in eu-west-1 (not in this stack, written by trail "trail")`] }],
    },
    {
      name: "a trail ARN that is no log group ARN",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: `arn:aws:s3:::bucket-${account}` }).dependOn(names.trail, {}),
      violations: [{ urn: trailUrn, includes: ["is not a CloudWatch Logs log group ARN"] }],
    },
    {
      name: "two trails share the log group, one read-only: the other still needs the filter",
      stack: () => compliantStack().remove(names.filter).patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] })
        .add(types.trail, "second-trail", { name: "second", s3BucketName: "b", cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`, cloudWatchLogsRoleArn: physical.roleArn, region: "us-east-1" }),
      violations: [{ urn: groupUrn, includes: ["has no metric filter"] }],
    },
    {
      name: "a read-only trail's log group named in the config still needs the filter",
      stack: () => compliantStack().remove(names.filter).patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] }),
      config: { logGroupNames: [physical.logGroupName] },
      violations: [{ urn: groupUrn, includes: ["has no metric filter"] }],
    },
    {
      name: "event selectors unknown at preview: the filter is still required",
      stack: () => compliantStack({ phase: "preview" }).remove(names.filter).patch(names.trail, { eventSelectors: unknownValue.array }),
      violations: [{ urn: groupUrn, includes: ["has no metric filter"] }],
    },
    {
      name: "an unresolved trail that may record the events is still reported",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.trail, {}).patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly" }] }),
      violations: [{ urn: trailUrn, includes: ["can't tell which log group it delivers to"] }],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { logGroupNames: "org-trail-logs" },
      violations: [{ urn: undefined, includes: ['Invalid configuration for policy "cloudtrail-changes-metric-filter"', "`logGroupNames` must be a list of strings"] }],
    },
  ],
};
