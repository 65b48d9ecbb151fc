/**
 * Tables of the fourteen `<id>-monitored` policies, on a stack that monitors all fifteen controls. Rows are
 * generated per control where the rule is the same for every control (its filter gone, its alarm gone, its alarm
 * without actions or averaging), plus rows for what only some controls have: records that are global service
 * events or land in us-east-1 only.
 */
import { chainNames, types } from "../../helpers/aws-fixtures";
import { cisMonitoringStack, controlNames } from "../../helpers/cis-fixtures";
import { StackFixture, unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import { namedResource, notKnown } from "../../helpers/findings";
import type { InvalidCase, PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const trailUrn = urnOf(types.trail, names.trail);
const groupUrn = urnOf(types.logGroup, names.logGroup);

/** Controls whose records are global service events (IAM; console sign-in): CloudTrail user guide, "Global service events". */
const globalControls = ["iam-policy-changes", "console-signin-without-mfa", "console-authentication-failures"];
/** Controls whose records land in us-east-1 only: IAM, and AWS Organizations (Organizations user guide, logging). */
const usEast1Controls = ["iam-policy-changes", "organizations-changes"];

/**
 * Advanced selectors that record every management event (the first) but are not all known at preview (the second
 * selects data events of a resource type computed from another output): a "maybe" of the trail then comes from
 * where the records land, not from a caller-dependent selector.
 */
const partlyUnknownSelectors: Props = {
  advancedEventSelectors: [
    { name: "management", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
    {
      name: "data",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: [unknownValue.string] },
      ],
    },
  ],
};

/** The trail's finding: whether it records the control's events can't be known at preview. */
const recordsUnknown = {
  urn: trailUrn,
  messageId: "trail",
  data: { problems: [{ id: "recordsUnknown", unknown: notKnown({ id: "whetherItRecords" }) }] },
};

/**
 * The trail's finding: whether it records the control's events where they land can't be known at preview (its
 * selectors record every management event); the fix is the one for a trail that certainly misses them there.
 */
const recordsThereUnknown = {
  urn: trailUrn,
  messageId: "trail",
  data: {
    problems: [{ id: "recordsUnknown", unknown: notKnown({ id: "whetherItRecordsThere" }) }],
    fixes: [{ id: "recordingPlaceFix" }],
  },
};

/** The table of the chain policy of the control `id`. */
export function monitoredCases(id: string): PolicyCases {
  const { filter, alarm } = controlNames(id);
  const filterUrn = urnOf(types.metricFilter, filter);
  const alarmUrn = urnOf(types.alarm, alarm);
  const invalid: InvalidCase[] = [
    {
      name: "its metric filter is gone: the log group is reported",
      stack: () => cisMonitoringStack().remove(filter).remove(alarm),
      violations: [{ urn: groupUrn, messageId: "noFilter", data: { subject: { id: "groupInStack" } } }],
    },
    {
      name: "its alarm is gone: the filter's metric has no alarm",
      stack: () => cisMonitoringStack().remove(alarm),
      violations: [{ urn: filterUrn, messageId: "noAlarm" }],
    },
    {
      name: "its alarm has no actions",
      stack: () => cisMonitoringStack().patch(alarm, { alarmActions: [] }).dependOn(alarm, {}),
      violations: [{ urn: alarmUrn, messageId: "noActions", data: { alarm: namedResource("Alarm", alarm) } }],
    },
    {
      name: "its alarm averages over an hour",
      stack: () => cisMonitoringStack().patch(alarm, { statistic: "Average", period: 3600 }),
      violations: [{ urn: alarmUrn, messageId: "alarmFails" }],
    },
  ];
  if (globalControls.includes(id)) {
    invalid.push({
      name: "the only trail leaves out global service events: the chain can't see them",
      stack: () => cisMonitoringStack().patch(names.trail, { includeGlobalServiceEvents: false }),
      violations: [
        {
          urn: trailUrn,
          messageId: "trail",
          data: {
            problems: [{ id: "recordsNoChanges", why: { id: "noGlobalServiceEvents" } }],
            fixes: [{ id: "recordingPlaceFix" }],
          },
        },
      ],
    });
  }
  if (globalControls.includes(id)) {
    invalid.push({
      name: "includeGlobalServiceEvents unknown at preview: can't be verified, never a pass",
      stack: () => cisMonitoringStack().patch(names.trail, { includeGlobalServiceEvents: unknownValue.bool }),
      violations: [recordsThereUnknown],
    });
  }
  if (usEast1Controls.includes(id)) {
    invalid.push({
      name: "isMultiRegionTrail unknown at preview, trail in eu-west-1: can't be verified, never a pass",
      stack: () =>
        cisMonitoringStack().patch(names.trail, { isMultiRegionTrail: unknownValue.bool, region: "eu-west-1" }),
      violations: [recordsThereUnknown],
    });
  }
  if (globalControls.includes(id)) {
    invalid.push({
      name: "includeGlobalServiceEvents unknown at preview, selectors not all known: can't be verified",
      stack: () =>
        cisMonitoringStack().patch(names.trail, {
          includeGlobalServiceEvents: unknownValue.bool,
          ...partlyUnknownSelectors,
        }),
      violations: [recordsUnknown],
    });
  }
  if (usEast1Controls.includes(id)) {
    invalid.push(
      {
        name: "isMultiRegionTrail unknown at preview, trail in eu-west-1, selectors not all known: can't be verified",
        stack: () =>
          cisMonitoringStack().patch(names.trail, {
            isMultiRegionTrail: unknownValue.bool,
            region: "eu-west-1",
            ...partlyUnknownSelectors,
          }),
        violations: [recordsUnknown],
      },
      {
        name: "a single-region trail whose region is unknown at preview, selectors not all known: can't be verified",
        stack: () =>
          cisMonitoringStack().patch(names.trail, {
            isMultiRegionTrail: false,
            region: unknownValue.string,
            ...partlyUnknownSelectors,
          }),
        violations: [recordsUnknown],
      },
    );
  }
  if (usEast1Controls.includes(id)) {
    invalid.push({
      name: "the only trail is single-region in eu-west-1: these records land in us-east-1 only",
      stack: () => cisMonitoringStack().patch(names.trail, { isMultiRegionTrail: false, region: "eu-west-1" }),
      violations: [
        {
          urn: trailUrn,
          messageId: "trail",
          data: {
            problems: [{ id: "recordsNoChanges", why: { id: "singleRegionOutsideUsEast1", region: "eu-west-1" } }],
          },
        },
      ],
    });
  }
  return {
    valid: [
      { name: "all fifteen controls monitored", stack: () => cisMonitoringStack() },
      ...(globalControls.includes(id) || usEast1Controls.includes(id)
        ? []
        : [
            {
              name: "a single-region trail without global service events still records these regional calls",
              stack: () =>
                cisMonitoringStack().patch(names.trail, {
                  includeGlobalServiceEvents: false,
                  isMultiRegionTrail: false,
                }),
            },
          ]),
      ...(usEast1Controls.includes(id)
        ? [
            {
              // A multi-region trail records every Region's events, us-east-1's included, wherever it is created.
              name: "a multi-region trail created in eu-west-1 records them",
              stack: () => cisMonitoringStack().patch(names.trail, { isMultiRegionTrail: true, region: "eu-west-1" }),
            },
            {
              // A trail in us-east-1 records what lands there, multi-region or not.
              name: "isMultiRegionTrail unknown at preview, trail in us-east-1: records them either way",
              stack: () => cisMonitoringStack().patch(names.trail, { isMultiRegionTrail: unknownValue.bool }),
            },
          ]
        : []),
      { name: "a stack with nothing to judge", notApplicable: true, stack: () => new StackFixture() },
    ],
    invalid,
  };
}
