/**
 * cloudtrail-changes-metric-filter: what keeps a filter with the right pattern from seeing CloudTrail's records (the
 * log group's class, transformed logs, field selection criteria), and the security-hub profile's prescribed text.
 * Both providers, at the first preview and deployed.
 */
import { canonicalPattern, chainNames, compliantStack, physicalNames, types } from "../../helpers/aws-fixtures";
import { compliantNativeStack, nativeTypes } from "../../helpers/aws-native-fixtures";
import { unknownValue, urnOf } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainData, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();

/** Which provider's chain a finding is about: its type tokens name the URNs. */
type Flavour = typeof types | typeof nativeTypes;

/** The fix snippet on the chain's log group: the CIS pattern (CIS AWS Foundations 4.5 / Security Hub CloudWatch.5). */
const snippet: PlainData = {
  id: "filterSnippet",
  groupExpression: "logGroup.name",
  pattern: q(canonicalPattern),
  metricName: "CloudTrailChanges",
  namespace: "CloudTrailMetrics",
};

/** The chain's metric filter, on the chain's log group, does not count the changes, for `problem`. */
function filterFails(flavour: Flavour, problem: PlainDatum) {
  const data = {
    filter: namedResource("Metric filter", names.filter),
    subject: { id: "groupInStack", group: namedResource("Log group", names.logGroup) },
    problem,
    change: "CloudTrail configuration change",
    snippet,
  };
  return { urn: urnOf(flavour.metricFilter, names.filter), messageId: "filterFails", data };
}

/**
 * The chain's log group has a class without metric filters: the CloudWatch Logs user guide's "Log classes" lists
 * metric filters among the Standard class's features only; "The Infrequent Access log class supports a subset of
 * CloudWatch Logs features", and the Delivery class "doesn't offer rich CloudWatch Logs capabilities"
 * (CreateLogGroup, `logGroupClass`).
 */
function classWithoutFilters(flavour: Flavour, logGroupClass: string) {
  const data = {
    group: namedResource("Log group", names.logGroup),
    logGroupClass: q(logGroupClass),
    changes: "CloudTrail configuration changes",
  };
  return { urn: urnOf(flavour.logGroup, names.logGroup), messageId: "logGroupClassNoFilters", data };
}

function classUnknown(flavour: Flavour) {
  const data = { group: namedResource("Log group", names.logGroup), unknown: notKnown({ id: "itsLogClass" }) };
  return { urn: urnOf(flavour.logGroup, names.logGroup), messageId: "logGroupClassUnknown", data };
}

/** The control's five calls in another order: the same meaning (|| commutes), not the prescribed text. */
const reordered =
  "{ ($.eventName = StopLogging) || ($.eventName = StartLogging) || ($.eventName = DeleteTrail) || ($.eventName = UpdateTrail) || ($.eventName = CreateTrail) }";
/** AWS Security Hub CloudWatch.5's own spelling of the pattern (no spaces around `=`). */
const securityHubText =
  "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}";

const notPrescribed = (pattern: string) => ({
  id: "notPrescribedPattern",
  pattern: q(pattern),
  change: "CloudTrail configuration change",
  control: "CloudWatch.5",
});

/** Field selection criteria as the PutMetricFilter reference writes them (`@aws.region = "us-east-1"`). */
const sameAccountOnly = '@aws.account = "123456789012"';
const twoRegions = '@aws.region IN ["us-east-1", "eu-west-1"]';

const deployed = { phase: "deployed" } as const;
const preview = { phase: "preview" } as const;

export const filterVisibilityCases: PolicyCases = {
  valid: [
    // Rule: log class. Absent means STANDARD (CreateLogGroup: "If you omit this parameter, the default of STANDARD is used").
    {
      name: "aws: log class STANDARD given at preview",
      stack: () => compliantStack(preview).patch(names.logGroup, { logGroupClass: "STANDARD" }),
    },
    { name: "aws-native: log class unset at preview (STANDARD)", stack: () => compliantNativeStack(preview) },
    { name: "aws-native: log class STANDARD read back after deployment", stack: () => compliantNativeStack(deployed) },
    {
      name: "aws: an Infrequent Access group a read-only trail writes to needs no filter, so its class doesn't matter",
      stack: () =>
        compliantStack(deployed)
          .patch(names.logGroup, { logGroupClass: "INFREQUENT_ACCESS" })
          .patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] }),
    },
    // Rule: transformed logs and field selection.
    {
      name: "aws: applyOnTransformedLogs false given at preview",
      stack: () => compliantStack(preview).patch(names.filter, { applyOnTransformedLogs: false }),
    },
    {
      name: "aws-native: applyOnTransformedLogs false",
      stack: () => compliantNativeStack(deployed).patch(names.filter, { applyOnTransformedLogs: false }),
    },
    {
      name: "aws: a filter on transformed logs next to one on the original records",
      stack: () =>
        compliantStack(deployed).add(
          types.metricFilter,
          "on-transformed",
          {
            name: "on-transformed",
            logGroupName: physical.logGroupName,
            pattern: canonicalPattern,
            applyOnTransformedLogs: true,
            metricTransformation: {
              name: "TransformedChanges",
              namespace: "CloudTrailMetrics",
              value: "1",
              defaultValue: "",
              unit: "",
              dimensions: {},
            },
            region: "us-east-1",
          },
          { propertyDependencies: { logGroupName: [names.logGroup] } },
        ),
    },
    // An empty (or blank) expression names no account or region: it drops no record.
    {
      name: "aws-native: empty field selection criteria",
      stack: () => compliantNativeStack(deployed).patch(names.filter, { fieldSelectionCriteria: "" }),
    },
    {
      name: "aws-native: blank field selection criteria (a space)",
      stack: () => compliantNativeStack(preview).patch(names.filter, { fieldSelectionCriteria: " " }),
    },
    // Rule: profiles. The semantic and cis profiles judge the pattern by its meaning.
    {
      name: "aws: reordered calls under the default (semantic) profile",
      stack: () => compliantStack(deployed).patch(names.filter, { pattern: reordered }),
    },
    {
      name: "aws: reordered calls under the cis profile",
      stack: () => compliantStack(deployed).patch(names.filter, { pattern: reordered }),
      config: { profile: "cis" },
    },
    {
      name: "aws: the CIS text under the security-hub profile",
      stack: () => compliantStack(preview),
      config: { profile: "security-hub" },
    },
    {
      name: "aws: Security Hub's own spelling under the security-hub profile",
      stack: () => compliantStack(deployed).patch(names.filter, { pattern: securityHubText }),
      config: { profile: "security-hub" },
    },
    {
      name: "aws: the CIS text with other whitespace (Security Hub compares it without whitespace)",
      stack: () =>
        compliantStack(deployed).patch(names.filter, { pattern: canonicalPattern.replace(/\) \|\| \(/g, ")||\n  (") }),
      config: { profile: "security-hub" },
    },
    {
      name: "aws-native: the CIS text under the security-hub profile",
      stack: () => compliantNativeStack(preview),
      config: { profile: "security-hub" },
    },
  ],
  invalid: [
    {
      name: "aws: deployed Infrequent Access log group",
      stack: () => compliantStack(deployed).patch(names.logGroup, { logGroupClass: "INFREQUENT_ACCESS" }),
      violations: [classWithoutFilters(types, "INFREQUENT_ACCESS")],
    },
    {
      name: "aws: Delivery log group given at preview",
      stack: () => compliantStack(preview).patch(names.logGroup, { logGroupClass: "DELIVERY" }),
      violations: [classWithoutFilters(types, "DELIVERY")],
    },
    {
      name: "aws: log class unknown at preview",
      stack: () => compliantStack(preview).patch(names.logGroup, { logGroupClass: unknownValue.string }),
      violations: [classUnknown(types)],
    },
    {
      name: "aws-native: deployed Infrequent Access log group",
      stack: () => compliantNativeStack(deployed).patch(names.logGroup, { logGroupClass: "INFREQUENT_ACCESS" }),
      violations: [classWithoutFilters(nativeTypes, "INFREQUENT_ACCESS")],
    },
    {
      name: "aws-native: Delivery log group at preview",
      stack: () => compliantNativeStack(preview).patch(names.logGroup, { logGroupClass: "DELIVERY" }),
      violations: [classWithoutFilters(nativeTypes, "DELIVERY")],
    },
    {
      name: "aws-native: log class unknown at preview",
      stack: () => compliantNativeStack(preview).patch(names.logGroup, { logGroupClass: unknownValue.string }),
      violations: [classUnknown(nativeTypes)],
    },
    {
      name: "aws: deployed filter on transformed logs",
      stack: () => compliantStack(deployed).patch(names.filter, { applyOnTransformedLogs: true }),
      violations: [filterFails(types, { id: "transformedLogs" })],
    },
    {
      name: "aws: applyOnTransformedLogs unknown at preview",
      stack: () => compliantStack(preview).patch(names.filter, { applyOnTransformedLogs: unknownValue.bool }),
      violations: [filterFails(types, notKnown({ id: "transformedLogsUnknown" }))],
    },
    {
      name: "aws: filter on transformed logs given at preview",
      stack: () => compliantStack(preview).patch(names.filter, { applyOnTransformedLogs: true }),
      violations: [filterFails(types, { id: "transformedLogs" })],
    },
    {
      name: "aws-native: deployed filter on transformed logs",
      stack: () => compliantNativeStack(deployed).patch(names.filter, { applyOnTransformedLogs: true }),
      violations: [filterFails(nativeTypes, { id: "transformedLogs" })],
    },
    {
      name: "aws-native: applyOnTransformedLogs unknown at preview",
      stack: () => compliantNativeStack(preview).patch(names.filter, { applyOnTransformedLogs: unknownValue.bool }),
      violations: [filterFails(nativeTypes, notKnown({ id: "transformedLogsUnknown" }))],
    },
    {
      name: "aws-native: filter on transformed logs at preview",
      stack: () => compliantNativeStack(preview).patch(names.filter, { applyOnTransformedLogs: true }),
      violations: [filterFails(nativeTypes, { id: "transformedLogs" })],
    },
    {
      name: "aws-native: field selection criteria on the source account, at preview",
      stack: () => compliantNativeStack(preview).patch(names.filter, { fieldSelectionCriteria: sameAccountOnly }),
      violations: [
        filterFails(nativeTypes, {
          id: "fieldSelection",
          criteria: q(sameAccountOnly),
          change: "CloudTrail configuration change",
        }),
      ],
    },
    {
      name: "aws-native: deployed field selection criteria on two regions",
      stack: () => compliantNativeStack(deployed).patch(names.filter, { fieldSelectionCriteria: twoRegions }),
      violations: [
        filterFails(nativeTypes, {
          id: "fieldSelection",
          criteria: q(twoRegions),
          change: "CloudTrail configuration change",
        }),
      ],
    },
    {
      name: "aws-native: field selection criteria unknown at preview",
      stack: () => compliantNativeStack(preview).patch(names.filter, { fieldSelectionCriteria: unknownValue.string }),
      violations: [filterFails(nativeTypes, notKnown({ id: "fieldSelectionUnknown" }))],
    },
    {
      name: "aws: reordered calls under the security-hub profile (deployed)",
      stack: () => compliantStack(deployed).patch(names.filter, { pattern: reordered }),
      config: { profile: "security-hub" },
      violations: [filterFails(types, notPrescribed(reordered))],
    },
    {
      name: "aws-native: reordered calls under the security-hub profile (preview)",
      stack: () => compliantNativeStack(preview).patch(names.filter, { filterPattern: reordered }),
      config: { profile: "security-hub" },
      violations: [filterFails(nativeTypes, notPrescribed(reordered))],
    },
  ],
};
