/**
 * cloudtrail-logs-to-cloudwatch under the audit profiles, and what the semantic profile leaves to them. The CIS
 * AWS Foundations audit procedure ("Ensure CloudTrail is enabled in all regions") looks for one trail that is
 * multi-region (`IsMultiRegionTrail` true), logging (`IsLogging` true) and records every management event, read and
 * write (no event selectors, or `IncludeManagementEvents` true with `ReadWriteType` "All"); the `cis` and
 * `security-hub` profiles require it, the default profile does not. Also: stacks with nothing to judge, and event
 * selectors not known at preview. Both providers, at the first preview and deployed.
 */
import { chainNames, compliantStack, physicalNames, types } from "../../helpers/aws-fixtures";
import { compliantNativeStack, nativePhysicalNames, nativeTypes, onNative } from "../../helpers/aws-native-fixtures";
import { unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import { namedResource, notKnown, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const native = nativePhysicalNames();

type Flavour = typeof types | typeof nativeTypes;

/** The calls CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 count. */
const controlEvents = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"];

/** The finding about one trail: its problems and fixes, in the order the message lists them. */
function trailFinding(flavour: Flavour, name: string, problems: PlainDatum[], fixes: PlainDatum[]) {
  return {
    urn: urnOf(flavour.trail, name),
    messageId: "trail",
    data: { trail: namedResource("Trail", name), problems, fixes },
  };
}

/** "No trail of this stack is multi-region, logging and recording every management event ...; this one: <gaps>". */
const notAudit = (...gaps: PlainDatum[]) => ({ id: "notAuditTrail", gaps });
const notMultiRegion = { id: "notMultiRegion" };
const notLogging = { id: "notLogging" };
const notAllManagementEvents = { id: "notAllManagementEvents" };
const auditFix = { id: "auditFix" };
const deliveryFix = { id: "deliveryFix" };
const selectorsFix = { id: "selectorsFix" };
const readOnlySelectors = {
  id: "recordsNoChanges",
  why: { id: "basicSelectorsRecordNone", gaps: [{ id: "gapReadOnly" }] },
  events: controlEvents,
  changes: "CloudTrail configuration changes",
};
const recordsUnknown = { id: "recordsUnknown", unknown: notKnown({ id: "whetherItRecords", events: controlEvents }) };

const cis = { profile: "cis" } as const;
const securityHub = { profile: "security-hub" } as const;
const deployed = { phase: "deployed" } as const;
const preview = { phase: "preview" } as const;

/** A second classic trail writing to the chain's log group. */
function secondTrail(props: Props): Props {
  return {
    name: "second",
    s3BucketName: "audit-logs-bucket",
    cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`,
    cloudWatchLogsRoleArn: physical.roleArn,
    region: "us-east-1",
    ...props,
  };
}

/** A second native trail writing to the chain's log group (`isLogging` is required). */
function secondNativeTrail(props: Props): Props {
  return {
    trailName: "second",
    s3BucketName: "audit-logs-bucket",
    isLogging: true,
    cloudWatchLogsLogGroupArn: native.logGroupArn,
    cloudWatchLogsRoleArn: native.roleArn,
    ...props,
  };
}

export const auditTrailCases: PolicyCases = {
  valid: [
    {
      name: "aws: the chain's trail is the audit trail (cis, deployed)",
      stack: () => compliantStack(deployed),
      config: cis,
    },
    {
      name: "aws: the chain's trail is the audit trail (cis, preview)",
      stack: () => compliantStack(preview),
      config: cis,
    },
    {
      name: "aws: the chain's trail is the audit trail (security-hub)",
      stack: () => compliantStack(deployed),
      config: securityHub,
    },
    {
      name: "aws-native: the chain's trail is the audit trail (cis, deployed)",
      stack: () => compliantNativeStack(deployed),
      config: cis,
    },
    {
      name: "aws-native: the chain's trail is the audit trail (cis, preview)",
      stack: () => compliantNativeStack(preview),
      config: cis,
    },
    {
      name: "aws: a single-region trail passes under the default profile (it records the calls of its region)",
      stack: () => compliantStack(deployed).patch(names.trail, { isMultiRegionTrail: false }),
    },
    {
      name: "aws-native: a single-region trail (isMultiRegionTrail unset) passes under the default profile",
      stack: () => compliantNativeStack(preview).patch(names.trail, { isMultiRegionTrail: null }),
    },
    {
      name: "aws: a write-only trail passes under the default profile",
      stack: () =>
        compliantStack(deployed).patch(names.trail, {
          eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }],
        }),
    },
    {
      name: "aws: a single-region trail next to the audit trail (cis: one audit trail is enough)",
      stack: () =>
        compliantStack(deployed).add(
          types.trail,
          "regional",
          secondTrail({ isMultiRegionTrail: false, enableLogging: true }),
        ),
      config: cis,
    },
    {
      name: "aws: a basic selector recording all management events (cis)",
      stack: () =>
        compliantStack(deployed).patch(names.trail, {
          eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
        }),
      config: cis,
    },
    {
      name: "aws: an advanced selector for every management event (cis)",
      stack: () =>
        compliantStack(deployed).patch(names.trail, {
          advancedEventSelectors: [
            { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
          ],
        }),
      config: cis,
    },
    // Nothing to judge: no trail in the stack.
    {
      name: "aws-native: monitoring-only stack (no trail): nothing to check",
      notApplicable: true,
      stack: () => compliantNativeStack({ withTrail: false }),
    },
    {
      name: "aws: a trail whose selectors are unknown at preview next to one that records everything",
      stack: () =>
        compliantStack(preview).add(
          types.trail,
          "unknown-selectors",
          secondTrail({ eventSelectors: unknownValue.array }),
        ),
    },
  ],
  invalid: [
    {
      name: "aws: single-region trail (cis, deployed)",
      stack: () => compliantStack(deployed).patch(names.trail, { isMultiRegionTrail: false }),
      config: cis,
      violations: [trailFinding(types, names.trail, [notAudit(notMultiRegion)], [auditFix])],
    },
    {
      name: "aws: single-region trail (security-hub)",
      stack: () => compliantStack(deployed).patch(names.trail, { isMultiRegionTrail: false }),
      config: securityHub,
      violations: [trailFinding(types, names.trail, [notAudit(notMultiRegion)], [auditFix])],
    },
    {
      name: "aws: isMultiRegionTrail unknown at preview (cis)",
      stack: () => compliantStack(preview).patch(names.trail, { isMultiRegionTrail: unknownValue.bool }),
      config: cis,
      violations: [trailFinding(types, names.trail, [notAudit(notKnown({ id: "multiRegionSetting" }))], [auditFix])],
    },
    {
      name: "aws: logging off (cis): the delivery problem and the audit gap",
      stack: () => compliantStack(deployed).patch(names.trail, { enableLogging: false }),
      config: cis,
      violations: [
        trailFinding(
          types,
          names.trail,
          [{ id: "loggingOff", property: "enableLogging" }, notAudit(notLogging)],
          [deliveryFix, auditFix],
        ),
      ],
    },
    {
      name: "aws: enableLogging unknown at preview (cis)",
      stack: () => compliantStack(preview).patch(names.trail, { enableLogging: unknownValue.bool }),
      config: cis,
      violations: [
        trailFinding(
          types,
          names.trail,
          [notKnown("`enableLogging`"), notAudit(notKnown({ id: "loggingSetting" }))],
          [deliveryFix, auditFix],
        ),
      ],
    },
    {
      name: "aws: write-only management events (cis)",
      stack: () =>
        compliantStack(deployed).patch(names.trail, {
          eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }],
        }),
      config: cis,
      violations: [trailFinding(types, names.trail, [notAudit(notAllManagementEvents)], [auditFix])],
    },
    {
      name: "aws: single-region and write-only (cis): both gaps",
      stack: () =>
        compliantStack(preview).patch(names.trail, {
          isMultiRegionTrail: false,
          eventSelectors: [{ readWriteType: "WriteOnly" }],
        }),
      config: cis,
      violations: [trailFinding(types, names.trail, [notAudit(notMultiRegion, notAllManagementEvents)], [auditFix])],
    },
    {
      name: "aws: read-only selectors (cis): records no changes and is no audit trail",
      stack: () => compliantStack(deployed).patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] }),
      config: cis,
      violations: [
        trailFinding(
          types,
          names.trail,
          [readOnlySelectors, notAudit(notAllManagementEvents)],
          [selectorsFix, auditFix],
        ),
      ],
    },
    {
      name: "aws: selectors unknown at preview (cis)",
      stack: () => compliantStack(preview).patch(names.trail, { eventSelectors: unknownValue.array }),
      config: cis,
      violations: [
        trailFinding(
          types,
          names.trail,
          [recordsUnknown, notAudit(notKnown({ id: "whichManagementEvents" }))],
          [selectorsFix, auditFix],
        ),
      ],
    },
    {
      name: "aws: two trails, neither the audit trail (cis): both reported",
      stack: () =>
        compliantStack(deployed)
          .patch(names.trail, { isMultiRegionTrail: false })
          .add(
            types.trail,
            "writes",
            secondTrail({ isMultiRegionTrail: true, eventSelectors: [{ readWriteType: "WriteOnly" }] }),
          ),
      config: cis,
      violations: [
        trailFinding(types, names.trail, [notAudit(notMultiRegion)], [auditFix]),
        trailFinding(types, "writes", [notAudit(notAllManagementEvents)], [auditFix]),
      ],
    },
    {
      name: "aws-native: single-region trail, isMultiRegionTrail unset (cis, deployed)",
      stack: () => compliantNativeStack(deployed).patch(names.trail, { isMultiRegionTrail: null }),
      config: cis,
      violations: [trailFinding(nativeTypes, names.trail, [notAudit(notMultiRegion)], [auditFix])],
    },
    {
      name: "aws-native: not logging (cis, preview)",
      stack: () => compliantNativeStack(preview).patch(names.trail, { isLogging: false }),
      config: cis,
      violations: [
        trailFinding(
          nativeTypes,
          names.trail,
          [{ id: "loggingOff", property: "isLogging" }, notAudit(notLogging)],
          [deliveryFix, auditFix],
        ),
      ],
    },
    {
      name: "aws-native: isLogging unknown at preview (cis)",
      stack: () => compliantNativeStack(preview).patch(names.trail, { isLogging: unknownValue.bool }),
      config: cis,
      violations: [
        trailFinding(
          nativeTypes,
          names.trail,
          [notKnown("`isLogging`"), notAudit(notKnown({ id: "loggingSetting" }))],
          [deliveryFix, auditFix],
        ),
      ],
    },
    {
      name: "aws-native: event selectors unknown at preview: can't be verified, never a pass",
      stack: () => compliantNativeStack(preview).patch(names.trail, { eventSelectors: unknownValue.array }),
      violations: [trailFinding(nativeTypes, names.trail, [recordsUnknown], [selectorsFix])],
    },
    {
      name: "aws-native: a read-only trail and one whose selectors are unknown: only the unknown one is unverifiable",
      stack: () =>
        compliantNativeStack(preview)
          .patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] })
          .add(
            nativeTypes.trail,
            "unknown-selectors",
            secondNativeTrail({ eventSelectors: unknownValue.array }),
            onNative,
          ),
      violations: [trailFinding(nativeTypes, "unknown-selectors", [recordsUnknown], [selectorsFix])],
    },
  ],
};
