import { chainNames, compliantStack, phases, physicalNames, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainData, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();

/**
 * The API calls CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 name for CloudTrail configuration changes
 * (the metric filter pattern of the benchmark): https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-5
 */
const controlEvents = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"];

/** "<why>, so it never records <events> and no trail of this stack does ...": the selectors problem. */
function recordsNoChanges(why: PlainDatum): PlainData {
  return { id: "recordsNoChanges", why, events: controlEvents, changes: "CloudTrail configuration changes" };
}

/** Basic event selectors that leave out management write events, for the reasons `gaps` (message ids). */
function basicSelectors(...gaps: PlainData[]): PlainData {
  return recordsNoChanges({ id: "basicSelectorsRecordNone", gaps });
}

/** Advanced event selectors (named, or numbered from 1) that select none of CloudTrail's own write events. */
function advancedSelectors(...selectors: PlainDatum[]): PlainData {
  return recordsNoChanges({ id: "advancedSelectorsSelectNone", selectors, eventSource: ["cloudtrail.amazonaws.com"] });
}

const readOnly = { id: "gapReadOnly" };
const noManagementEvents = { id: "gapNoManagementEvents" };
/** The fix for delivery problems (log group, role, logging) and the one for selectors. */
const deliveryFix = { id: "deliveryFix" };
/** "whether its event selectors record <events> is not known at preview ..., and no trail ... certainly records them". */
const recordsUnknown = { id: "recordsUnknown", unknown: notKnown({ id: "whetherItRecords", events: controlEvents }) };
const selectorsFix = { id: "selectorsFix" };

/** The finding about one trail: its problems and fixes, in the order the message lists them. */
function trailFinding(name: string, problems: PlainDatum[], fixes: PlainDatum[]) {
  return {
    urn: urnOf(types.trail, name),
    messageId: "trail",
    data: { trail: namedResource("Trail", name), problems, fixes },
  };
}

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
    name: "second",
    s3BucketName: "b",
    cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`,
    cloudWatchLogsRoleArn: physical.roleArn,
    region: "us-east-1",
    ...props,
  };
}

export const logsToCloudWatchCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({
      name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`,
      stack: () => compliantStack(phase),
    })),
    { name: "no trail at all: nothing to check", notApplicable: true, stack: () => new StackFixture() },
    {
      name: "monitoring-only stack (no trail)",
      notApplicable: true,
      stack: () => compliantStack({ withTrail: false }),
    },
    {
      name: "enableLogging absent takes the provider default (true)",
      stack: () => compliantStack().patch(names.trail, { enableLogging: null }),
    },
    {
      name: "log group ARN and role ARN unknown at preview count as set",
      stack: () =>
        compliantStack().patch(names.trail, {
          cloudWatchLogsGroupArn: unknownValue.string,
          cloudWatchLogsRoleArn: unknownValue.string,
        }),
    },
    {
      name: "selectors that record management writes: WriteOnly, and All with data events",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [
            { readWriteType: "WriteOnly", includeManagementEvents: true },
            {
              readWriteType: "All",
              includeManagementEvents: true,
              dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }],
            },
          ],
        }),
    },
    {
      name: "a selector with only defaults (All, management events included)",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [{ dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }],
        }),
    },
    {
      name: "management events without KMS ones (excludeManagementEventSources)",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [{ readWriteType: "All", excludeManagementEventSources: ["kms.amazonaws.com"] }],
        }),
    },
    {
      name: "a read-only selector next to one that records writes",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }],
        }),
    },
    {
      name: "advanced selectors: management events and S3 data events",
      stack: () => compliantStack().patch(names.trail, { advancedEventSelectors: [s3DataEvents, managementEvents()] }),
    },
    {
      name: "advanced selectors: management write events, KMS left out",
      stack: () =>
        compliantStack().patch(names.trail, {
          advancedEventSelectors: [
            managementEvents([
              { field: "readOnly", equals: ["false"] },
              { field: "eventSource", notEquals: ["kms.amazonaws.com"] },
            ]),
          ],
        }),
    },
    {
      name: "advanced selectors win over basic ones (AWS keeps one or the other)",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [{ readWriteType: "ReadOnly" }],
          advancedEventSelectors: [managementEvents()],
        }),
    },
    {
      name: "a read-only trail next to a trail that records everything",
      stack: () =>
        compliantStack().add(types.trail, "reads", secondTrail({ eventSelectors: [{ readWriteType: "ReadOnly" }] })),
    },
    {
      name: "a field whose value depends on the caller (userIdentity.arn) may select the events",
      stack: () =>
        compliantStack().patch(names.trail, {
          advancedEventSelectors: [
            managementEvents([{ field: "userIdentity.arn", notStartsWiths: ["arn:aws:iam::123456789012:role/ci"] }]),
          ],
        }),
    },
    {
      // One trail records them for some callers (the field depends on the call), so none is left unverified.
      name: "one trail selects the events by caller, the other's selectors are unknown at preview",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.trail, {
            advancedEventSelectors: [
              managementEvents([{ field: "userIdentity.arn", notStartsWiths: ["arn:aws:iam::123456789012:role/ci"] }]),
            ],
          })
          .add(types.trail, "second", secondTrail({ eventSelectors: unknownValue.array })),
    },
  ],
  invalid: [
    {
      name: "selectors unknown at preview: whether the only trail records the events can't be verified (never a pass)",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { eventSelectors: unknownValue.array }),
      violations: [trailFinding(names.trail, [recordsUnknown], [selectorsFix])],
    },
    {
      name: "a field selector unknown at preview can't be verified",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.trail, {
          advancedEventSelectors: [
            { name: "m", fieldSelectors: [{ field: "eventCategory", equals: [unknownValue.string] }] },
          ],
        }),
      violations: [trailFinding(names.trail, [recordsUnknown], [selectorsFix])],
    },
    {
      name: "advanced selectors unknown at preview can't be verified (never a pass)",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.trail, { advancedEventSelectors: unknownValue.array }),
      violations: [trailFinding(names.trail, [recordsUnknown], [selectorsFix])],
    },
    {
      // Selecting by caller records the events of some callers, but only once every listed value is known: here one
      // is not, so whether the selector records anything at all can't be verified.
      name: "a selector by caller with one value unknown at preview can't be verified",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.trail, {
          advancedEventSelectors: [
            managementEvents([
              { field: "userIdentity.arn", notStartsWiths: ["arn:aws:iam::123456789012:role/ci", unknownValue.string] },
            ]),
          ],
        }),
      violations: [trailFinding(names.trail, [recordsUnknown], [selectorsFix])],
    },
    {
      name: "the only trail records read-only management events",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }],
        }),
      violations: [trailFinding(names.trail, [basicSelectors(readOnly)], [selectorsFix])],
    },
    {
      name: "the only trail records data events only (includeManagementEvents false)",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.trail, {
          eventSelectors: [
            {
              readWriteType: "All",
              includeManagementEvents: false,
              dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }],
            },
          ],
        }),
      violations: [trailFinding(names.trail, [basicSelectors(noManagementEvents)], [selectorsFix])],
    },
    {
      // AWS takes kms.amazonaws.com and rdsdata.amazonaws.com in `excludeManagementEventSources` (CloudTrail API
      // reference, EventSelector): leaving KMS out is no gap for CloudTrail's own calls; the read-only setting is.
      name: "a read-only selector that also leaves KMS events out: only the read-only gap",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [{ readWriteType: "ReadOnly", excludeManagementEventSources: ["kms.amazonaws.com"] }],
        }),
      violations: [trailFinding(names.trail, [basicSelectors(readOnly)], [selectorsFix])],
    },
    {
      // A "ReadOnly" selector records no write events whatever `includeManagementEvents` is (CloudTrail API
      // reference, EventSelector `ReadWriteType`): the trail certainly misses them, and the setting not known at
      // preview is no gap to report.
      name: "a read-only selector whose includeManagementEvents is unknown at preview: only the read-only gap",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.trail, {
          eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: unknownValue.bool }],
        }),
      violations: [trailFinding(names.trail, [basicSelectors(readOnly)], [selectorsFix])],
    },
    {
      // Two selectors that miss the writes the same way: the reason is given once.
      name: "two read-only selectors: the read-only gap once",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [
            { readWriteType: "ReadOnly" },
            { readWriteType: "ReadOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] },
          ],
        }),
      violations: [trailFinding(names.trail, [basicSelectors(readOnly)], [selectorsFix])],
    },
    {
      name: "every selector leaves the writes out, each its own way",
      stack: () =>
        compliantStack().patch(names.trail, {
          eventSelectors: [
            { readWriteType: "ReadOnly" },
            { includeManagementEvents: false },
            { excludeManagementEventSources: ["cloudtrail.amazonaws.com"] },
          ],
        }),
      violations: [
        trailFinding(
          names.trail,
          [
            basicSelectors(readOnly, noManagementEvents, {
              id: "gapExcludedSource",
              eventSource: "cloudtrail.amazonaws.com",
            }),
          ],
          [selectorsFix],
        ),
      ],
    },
    {
      name: "advanced selectors for S3 data events only",
      stack: () => compliantStack().patch(names.trail, { advancedEventSelectors: [s3DataEvents] }),
      violations: [trailFinding(names.trail, [advancedSelectors(q("S3 object writes"))], [selectorsFix])],
    },
    {
      name: "advanced selectors for read-only management events",
      stack: () =>
        compliantStack().patch(names.trail, {
          advancedEventSelectors: [managementEvents([{ field: "readOnly", equals: ["true"] }])],
        }),
      violations: [trailFinding(names.trail, [advancedSelectors(q("Management events"))], [selectorsFix])],
    },
    {
      name: "advanced selectors that leave out CloudTrail's own events (eventSource notEquals)",
      stack: () =>
        compliantStack().patch(names.trail, {
          advancedEventSelectors: [
            managementEvents([{ field: "eventSource", notEquals: ["cloudtrail.amazonaws.com"] }]),
          ],
        }),
      violations: [trailFinding(names.trail, [advancedSelectors(q("Management events"))], [selectorsFix])],
    },
    {
      name: "advanced selectors that leave out CloudTrail's own events (eventSource notStartsWiths, unnamed selector)",
      stack: () =>
        compliantStack().patch(names.trail, {
          advancedEventSelectors: [
            {
              fieldSelectors: [
                { field: "eventCategory", equals: ["Management"] },
                { field: "eventSource", notStartsWiths: ["cloudtrail."] },
              ],
            },
          ],
        }),
      violations: [trailFinding(names.trail, [advancedSelectors({ id: "selectorNumber", number: 1 })], [selectorsFix])],
    },
    {
      name: "two trails, neither records management writes: both reported",
      stack: () =>
        compliantStack()
          .patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] })
          .add(types.trail, "reads", secondTrail({ advancedEventSelectors: [s3DataEvents] })),
      violations: [
        trailFinding(names.trail, [basicSelectors(readOnly)], [selectorsFix]),
        trailFinding("reads", [advancedSelectors(q("S3 object writes"))], [selectorsFix]),
      ],
    },
    {
      name: "a read-only trail without a log group: both problems and both fixes",
      stack: () =>
        compliantStack().patch(names.trail, {
          cloudWatchLogsGroupArn: null,
          eventSelectors: [{ readWriteType: "ReadOnly" }],
        }),
      violations: [
        trailFinding(names.trail, [{ id: "noLogGroup" }, basicSelectors(readOnly)], [deliveryFix, selectorsFix]),
      ],
    },
    {
      name: "trail without cloudWatchLogsGroupArn",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: null }),
      violations: [trailFinding(names.trail, [{ id: "noLogGroup" }], [deliveryFix])],
    },
    {
      name: "deployed state empties read as unset (both ARNs)",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "" }),
      violations: [trailFinding(names.trail, [{ id: "noLogGroup" }, { id: "noRole" }], [deliveryFix])],
    },
    {
      name: "trail without role",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { cloudWatchLogsRoleArn: null }),
      violations: [trailFinding(names.trail, [{ id: "noRole" }], [deliveryFix])],
    },
    {
      name: "logging turned off",
      stack: () => compliantStack().patch(names.trail, { enableLogging: false }),
      violations: [trailFinding(names.trail, [{ id: "loggingOff", property: "enableLogging" }], [deliveryFix])],
    },
    {
      name: "enableLogging unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { enableLogging: unknownValue.bool }),
      violations: [trailFinding(names.trail, [notKnown("`enableLogging`")], [deliveryFix])],
    },
    {
      name: "several trails: only the broken one is reported",
      stack: () =>
        compliantStack().add(types.trail, "second-trail", {
          name: "second",
          s3BucketName: "b",
          cloudWatchLogsGroupArn: "",
          cloudWatchLogsRoleArn: "",
          enableLogging: true,
          region: "us-east-1",
        }),
      violations: [trailFinding("second-trail", [{ id: "noLogGroup" }, { id: "noRole" }], [deliveryFix])],
    },
  ],
};
