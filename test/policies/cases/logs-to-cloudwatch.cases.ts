import { chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const trailUrn = urnOf(types.trail, names.trail);
const fiveEvents = "never records CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging and no trail of this stack does";
const selectorsFix = "Fix: record management write events on at least one trail";

/** Advanced selectors as the classic provider writes them (`startsWiths`, `notEquals`, ...). */
const s3DataEvents: Props = {
  name: "S3 object writes",
  fieldSelectors: [
    { field: "eventCategory", equals: ["Data"] },
    { field: "resources.type", equals: ["AWS::S3::Object"] },
  ],
};
const managementEvents = (extra: readonly Props[] = []): Props => ({
  name: "Management events",
  fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, ...extra],
});

/** A second trail delivering to the chain's log group. */
function secondTrail(props: Props): Props {
  return {
    name: "second", s3BucketName: "b", cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`, cloudWatchLogsRoleArn: physical.roleArn,
    region: "us-east-1", ...props,
  };
}

export const logsToCloudWatchCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({ name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`, stack: () => compliantStack(phase) })),
    { name: "no trail at all: nothing to check", stack: () => new StackFixture() },
    { name: "monitoring-only stack (no trail)", stack: () => compliantStack({ withTrail: false }) },
    {
      name: "enableLogging absent takes the provider default (true)",
      stack: () => compliantStack().patch(names.trail, { enableLogging: null }),
    },
    {
      name: "log group ARN and role ARN unknown at preview count as set",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: unknownValue.string, cloudWatchLogsRoleArn: unknownValue.string }),
    },
    {
      name: "selectors that record management writes: WriteOnly, and All with data events",
      stack: () => compliantStack().patch(names.trail, {
        eventSelectors: [
          { readWriteType: "WriteOnly", includeManagementEvents: true },
          { readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] },
        ],
      }),
    },
    {
      name: "a selector with only defaults (All, management events included)",
      stack: () => compliantStack().patch(names.trail, { eventSelectors: [{ dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] }),
    },
    {
      name: "management events without KMS ones (excludeManagementEventSources)",
      stack: () => compliantStack().patch(names.trail, { eventSelectors: [{ readWriteType: "All", excludeManagementEventSources: ["kms.amazonaws.com"] }] }),
    },
    {
      name: "a read-only selector next to one that records writes",
      stack: () => compliantStack().patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }] }),
    },
    {
      name: "advanced selectors: management events and S3 data events",
      stack: () => compliantStack().patch(names.trail, { advancedEventSelectors: [s3DataEvents, managementEvents()] }),
    },
    {
      name: "advanced selectors: management write events, KMS left out",
      stack: () => compliantStack().patch(names.trail, {
        advancedEventSelectors: [managementEvents([{ field: "readOnly", equals: ["false"] }, { field: "eventSource", notEquals: ["kms.amazonaws.com"] }])],
      }),
    },
    {
      name: "advanced selectors win over basic ones (AWS keeps one or the other)",
      stack: () => compliantStack().patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }], advancedEventSelectors: [managementEvents()] }),
    },
    {
      name: "a read-only trail next to a trail that records everything",
      stack: () => compliantStack().add(types.trail, "reads", secondTrail({ eventSelectors: [{ readWriteType: "ReadOnly" }] })),
    },
    {
      name: "a field whose value depends on the caller (userIdentity.arn) may select the events",
      stack: () => compliantStack().patch(names.trail, {
        advancedEventSelectors: [managementEvents([{ field: "userIdentity.arn", notStartsWiths: ["arn:aws:iam::123456789012:role/ci"] }])],
      }),
    },
  ],
  invalid: [
    {
      name: "selectors unknown at preview: whether the only trail records the events can't be verified (never a pass)",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { eventSelectors: unknownValue.array }),
      violations: [{ urn: trailUrn, includes: ["whether its event selectors record CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging is not known at preview", selectorsFix] }],
    },
    {
      name: "a field selector unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { advancedEventSelectors: [{ name: "m", fieldSelectors: [{ field: "eventCategory", equals: [unknownValue.string] }] }] }),
      violations: [{ urn: trailUrn, includes: ["is not known at preview", "no trail of this stack certainly records them"] }],
    },
    {
      name: "the only trail records read-only management events",
      stack: () => compliantStack().patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] }),
      violations: [{ urn: trailUrn, includes: ['Trail "trail": its `eventSelectors` record no management write events (`readWriteType: "ReadOnly"`)', fiveEvents, selectorsFix] }],
    },
    {
      name: "the only trail records data events only (includeManagementEvents false)",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, {
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: false, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
      }),
      violations: [{ urn: trailUrn, includes: ["`includeManagementEvents: false`", fiveEvents] }],
    },
    {
      name: "every selector leaves the writes out, each its own way",
      stack: () => compliantStack().patch(names.trail, {
        eventSelectors: [{ readWriteType: "ReadOnly" }, { includeManagementEvents: false }, { excludeManagementEventSources: ["cloudtrail.amazonaws.com"] }],
      }),
      violations: [{ urn: trailUrn, includes: ['`readWriteType: "ReadOnly"`, `includeManagementEvents: false`, `excludeManagementEventSources` lists "cloudtrail.amazonaws.com"'] }],
    },
    {
      name: "advanced selectors for S3 data events only",
      stack: () => compliantStack().patch(names.trail, { advancedEventSelectors: [s3DataEvents] }),
      violations: [{ urn: trailUrn, includes: ['its `advancedEventSelectors` ("S3 object writes") select no management write events from cloudtrail.amazonaws.com', fiveEvents, selectorsFix] }],
    },
    {
      name: "advanced selectors for read-only management events",
      stack: () => compliantStack().patch(names.trail, { advancedEventSelectors: [managementEvents([{ field: "readOnly", equals: ["true"] }])] }),
      violations: [{ urn: trailUrn, includes: ['("Management events") select no management write events', fiveEvents] }],
    },
    {
      name: "advanced selectors that leave out CloudTrail's own events (eventSource notEquals)",
      stack: () => compliantStack().patch(names.trail, {
        advancedEventSelectors: [managementEvents([{ field: "eventSource", notEquals: ["cloudtrail.amazonaws.com"] }])],
      }),
      violations: [{ urn: trailUrn, includes: ["select no management write events", fiveEvents] }],
    },
    {
      name: "advanced selectors that leave out CloudTrail's own events (eventSource notStartsWiths, unnamed selector)",
      stack: () => compliantStack().patch(names.trail, {
        advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, { field: "eventSource", notStartsWiths: ["cloudtrail."] }] }],
      }),
      violations: [{ urn: trailUrn, includes: ["`advancedEventSelectors` (#1) select no management write events"] }],
    },
    {
      name: "two trails, neither records management writes: both reported",
      stack: () => compliantStack().patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] })
        .add(types.trail, "reads", secondTrail({ advancedEventSelectors: [s3DataEvents] })),
      violations: [
        { urn: trailUrn, includes: ['`readWriteType: "ReadOnly"`', fiveEvents] },
        { urn: urnOf(types.trail, "reads"), includes: ['Trail "reads"', "`advancedEventSelectors`", fiveEvents] },
      ],
    },
    {
      name: "a read-only trail without a log group: both problems and both fixes",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: null, eventSelectors: [{ readWriteType: "ReadOnly" }] }),
      violations: [{ urn: trailUrn, includes: ["`cloudWatchLogsGroupArn` is not set", "CloudWatch Logs; its `eventSelectors` record no management write events", "cloudWatchLogsGroupArn: pulumi.interpolate", selectorsFix] }],
    },
    {
      name: "trail without cloudWatchLogsGroupArn",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: null }),
      violations: [{ urn: trailUrn, includes: ['Trail "trail"', "`cloudWatchLogsGroupArn` is not set", "cloudWatchLogsGroupArn: pulumi.interpolate"] }],
    },
    {
      name: "deployed state empties read as unset (both ARNs)",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "" }),
      violations: [{ urn: trailUrn, includes: ["`cloudWatchLogsGroupArn` is not set", "`cloudWatchLogsRoleArn` is not set"] }],
    },
    {
      name: "trail without role",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { cloudWatchLogsRoleArn: null }),
      violations: [{ urn: trailUrn, includes: ["`cloudWatchLogsRoleArn` is not set"] }],
    },
    {
      name: "logging turned off",
      stack: () => compliantStack().patch(names.trail, { enableLogging: false }),
      violations: [{ urn: trailUrn, includes: ["logging is turned off", "enableLogging: true"] }],
    },
    {
      name: "enableLogging unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { enableLogging: unknownValue.bool }),
      violations: [{ urn: trailUrn, includes: ["`enableLogging` is not known at preview"] }],
    },
    {
      name: "several trails: only the broken one is reported",
      stack: () =>
        compliantStack()
          .add(types.trail, "second-trail", { name: "second", s3BucketName: "b", cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "", enableLogging: true, region: "us-east-1" }),
      violations: [{ urn: urnOf(types.trail, "second-trail"), includes: ['Trail "second-trail"', "`cloudWatchLogsGroupArn` is not set"] }],
    },
  ],
};
