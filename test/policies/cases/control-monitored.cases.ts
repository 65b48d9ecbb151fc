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
import type { InvalidCase, PolicyCases, ValidCase } from "../../helpers/policy-tester";

const names = chainNames();
/** The pattern the fixture's AWS Organizations filter has (CIS AWS Foundations v1.4.0 to v5.0.0, 4.15). */
const organizationsPattern =
  '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ' +
  '($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ' +
  '($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ' +
  '($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ' +
  '($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ' +
  '($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ' +
  '($.eventName = "UpdateOrganizationalUnit")) }';
const trailUrn = urnOf(types.trail, names.trail);
const groupUrn = urnOf(types.logGroup, names.logGroup);

/** Controls whose records are global service events (IAM; console sign-in): CloudTrail user guide, "Global service events". */
const globalControls = ["iam-policy-changes", "console-signin-without-mfa", "console-authentication-failures"];
/**
 * Controls whose filter in the CIS stack holds the CIS v5.0.0 text (bench/cis-patterns.ts) where other versions
 * print another (4.2 without the `userIdentity.type` and `responseElements.ConsoleLogin` conjuncts, 4.10 without
 * `ModifySecurityGroupRules`; Prowler's compliance data, compliance/aws/cis_*_aws.json): any prescribed text passes
 * the security-hub profile.
 */
const cisV5Texts = ["console-signin-without-mfa", "security-group-changes"];
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
    {
      name: "a monitoring-only stack (no trail) whose alarm is gone: its filter's metric is still judged",
      stack: () => cisMonitoringStack().remove(names.trail).remove(alarm),
      violations: [{ urn: filterUrn, messageId: "noAlarm" }],
    },
    {
      // The trail lives in another stack or account; the config names the log group it delivers to.
      name: "no trail, but a log group named in `logGroupNames` without any filter: that group is reported",
      stack: () => new StackFixture(),
      config: { logGroupNames: ["org-trail-logs"] },
      violations: [
        {
          urn: undefined,
          messageId: "noFilter",
          data: { subject: { id: "groupOutside", name: "org-trail-logs", region: "", from: { id: "namedInConfig" } } },
        },
      ],
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
  const valid: ValidCase[] = [];
  if (cisV5Texts.includes(id)) {
    valid.push({
      name: "security-hub profile: its filter holds the CIS v5.0.0 text, one of the texts the benchmark has prescribed",
      stack: () => cisMonitoringStack(),
      config: { profile: "security-hub" },
    });
  }
  if (id === "organizations-changes") {
    // The security-hub profile asks for the prescribed text because Security Hub's CloudWatch controls compare it;
    // AWS Organizations changes (CIS 4.15) have no Security Hub control (Security Hub user guide, "Security Hub
    // controls for Amazon CloudWatch": CloudWatch.1 to .14 are the other fourteen), so nothing compares its text.
    valid.push({
      name: "security-hub profile: its calls in another order pass, as no Security Hub control compares this text",
      stack: () =>
        cisMonitoringStack().patch(filter, {
          pattern: organizationsPattern.replace(
            '($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy")',
            '($.eventName = "AttachPolicy") || ($.eventName = "AcceptHandshake")',
          ),
        }),
      config: { profile: "security-hub" },
    });
  }
  if (usEast1Controls.includes(id)) {
    invalid.push({
      // Whatever `includeGlobalServiceEvents` turns out to be, a single-region trail outside us-east-1 misses them.
      name: "the only trail is single-region in eu-west-1, includeGlobalServiceEvents unknown at preview: the region is why",
      stack: () =>
        cisMonitoringStack().patch(names.trail, {
          isMultiRegionTrail: false,
          region: "eu-west-1",
          includeGlobalServiceEvents: unknownValue.bool,
        }),
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
  if (usEast1Controls.includes(id) && !globalControls.includes(id)) {
    invalid.push({
      // These records are not global service events, so leaving those out is not why the trail misses them.
      name: "the only trail is single-region in eu-west-1 and leaves out global service events: the region is why",
      stack: () =>
        cisMonitoringStack().patch(names.trail, {
          isMultiRegionTrail: false,
          region: "eu-west-1",
          includeGlobalServiceEvents: false,
        }),
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
  if (id === "kms-key-disable-or-deletion") {
    invalid.push({
      // CloudTrail API reference, EventSelector `ExcludeManagementEventSources`: kms.amazonaws.com and
      // rdsdata.amazonaws.com are the sources a trail may leave out. Leaving KMS out drops every KMS record.
      name: "the only trail leaves KMS and RDS Data API events out: the KMS source is the gap",
      stack: () =>
        cisMonitoringStack().patch(names.trail, {
          eventSelectors: [
            {
              readWriteType: "All",
              includeManagementEvents: true,
              excludeManagementEventSources: ["rdsdata.amazonaws.com", "kms.amazonaws.com"],
            },
          ],
        }),
      violations: [
        {
          urn: trailUrn,
          messageId: "trail",
          data: {
            problems: [
              {
                id: "recordsNoChanges",
                why: {
                  id: "basicSelectorsRecordNone",
                  gaps: [{ id: "gapExcludedSource", eventSource: "kms.amazonaws.com" }],
                },
              },
            ],
          },
        },
      ],
    });
  }
  return {
    valid: [
      ...valid,
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
        ? []
        : [
            {
              // These records land in the Region the call is made in (console sign-ins in several: CloudTrail user
              // guide, "AWS Management Console sign-in events"), so a single-region trail records those of its own.
              name: "a single-region trail in eu-west-1 records these calls made in its Region",
              stack: () => cisMonitoringStack().patch(names.trail, { isMultiRegionTrail: false, region: "eu-west-1" }),
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
      {
        // How each trail delivers is the cloudtrail-logs-to-cloudwatch policy's finding (its `noRole`); a chain
        // policy judges only whether a trail records the control's events, which this one does.
        name: "the trail has no cloudWatchLogsRoleArn: a delivery problem, not this policy's",
        stack: () => cisMonitoringStack().patch(names.trail, { cloudWatchLogsRoleArn: null }),
      },
      {
        // A filter whose pattern is unknown at preview may count the control's events (it is judged as if it did),
        // so even without a trail the stack has something to judge; here its alarm and topic are in place.
        name: "no trail, the control's filter's pattern unknown at preview: judged, not 'not applicable'",
        stack: () => cisMonitoringStack().remove(names.trail).patch(filter, { pattern: unknownValue.string }),
      },
    ],
    invalid,
  };
}
