import {
  account,
  addCompliantChain,
  canonicalPattern,
  chainNames,
  compliantStack,
  phases,
  physicalNames,
  types,
} from "../../helpers/aws-fixtures";
import { compliantNativeStack, nativePhysicalNames, nativeTypes } from "../../helpers/aws-native-fixtures";
import { StackFixture, unknownValue, urnOf } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainData, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const trailUrn = urnOf(types.trail, names.trail);
const groupUrn = urnOf(types.logGroup, names.logGroup);
const filterUrn = urnOf(types.metricFilter, names.filter);
const fourEvents =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }";

const transformation = { name: "CloudTrailChanges", namespace: "CloudTrailMetrics", value: "1" };

/**
 * The API calls CIS AWS Foundations 4.5 / Security Hub CloudWatch.5 name for CloudTrail configuration changes
 * (the metric filter pattern of the benchmark): https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-5
 */
const controlEvents = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"];

/** The benchmark's pattern, and KMS Decrypt calls too. */
const decryptToo =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || " +
  "($.eventName = StartLogging) || ($.eventName = StopLogging) || ($.eventName = Decrypt) }";

/** Every record of CloudTrail's own API, its routine reads (DescribeTrails, GetTrailStatus...) among them. */
const broadPattern = "{ $.eventSource = cloudtrail.amazonaws.com }";
/** The filter problem of `broadPattern` where CloudTrail's routine reads reach the group. */
const countsCloudTrailReads: PlainData = {
  id: "patternCountsRoutine",
  pattern: q(broadPattern),
  eventSource: "cloudtrail.amazonaws.com",
  reason: expect.stringMatching(/^counts routine \w+ calls by .*so the alarm sits in ALARM/),
};
/** The benchmark's pattern, and AWS Config's PutEvaluations calls too. */
const putEvaluationsToo =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || " +
  "($.eventName = StartLogging) || ($.eventName = StopLogging) || ($.eventName = PutEvaluations) }";

/** The benchmark's pattern, and console sign-ins too. */
const consoleLoginToo =
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || " +
  "($.eventName = StartLogging) || ($.eventName = StopLogging) || ($.eventName = ConsoleLogin) }";
/** An advanced selector for the management events recorded as API calls (`eventType`). */
const apiCallsOnly = {
  name: "API calls",
  fieldSelectors: [
    { field: "eventCategory", equals: ["Management"] },
    { field: "eventType", equals: ["AwsApiCall"] },
  ],
};

/** The chain's log group, named as a resource of the stack. */
const trailLogs = { id: "groupInStack", group: namedResource("Log group", names.logGroup) };

/** A log group outside the stack: its name, ` in <region>` (or nothing) and where it comes from. */
function groupOutside(name: string, region: string | undefined, from: PlainDatum): PlainData {
  return { id: "groupOutside", name, region: region === undefined ? "" : { id: "groupRegion", region }, from };
}

/**
 * The fix snippet: a filter on `groupExpression` (code, or a quoted name) with the benchmark's pattern, publishing
 * the metric the benchmark's alarm watches (CloudTrailMetrics/CloudTrailChanges, Security Hub CloudWatch.5).
 */
function filterSnippet(groupExpression: string): PlainData {
  return {
    id: "filterSnippet",
    groupExpression,
    pattern: q(canonicalPattern),
    metricName: "CloudTrailChanges",
    namespace: "CloudTrailMetrics",
  };
}

/** "<subject> has no metric filter counting CloudTrail configuration changes (<the five calls>)". */
function noFilter(urn: string | undefined, subject: PlainDatum, groupExpression: string) {
  const data = {
    subject,
    changes: "CloudTrail configuration changes",
    events: controlEvents,
    snippet: filterSnippet(groupExpression),
  };
  return { urn, messageId: "noFilter", data };
}

/** The chain's metric filter, on the chain's log group, fails for `problem`. */
function chainFilterFails(problem: PlainDatum) {
  const data = {
    filter: namedResource("Metric filter", names.filter),
    subject: trailLogs,
    problem,
    change: "CloudTrail configuration change",
    snippet: filterSnippet("logGroup.name"),
  };
  return { urn: filterUrn, messageId: "filterFails", data };
}

/** The chain's log group: these metric filters may be on it, but their `logGroupName` is not known at preview. */
/** "Filters may be on it": `unknown` names what is not known (the filters' `logGroupName`, its name, a region). */
function possibleFilters(
  filters: readonly string[],
  unknown: "theirLogGroupName" | "itsName" | "theirRegion" = "theirLogGroupName",
) {
  return {
    urn: groupUrn,
    messageId: "possibleFilters",
    data: {
      subject: trailLogs,
      filters: filters.map((filter) => namedResource("metric filter", filter)),
      unknown: notKnown({ id: unknown }),
    },
  };
}

/** The chain's trail, whose log group can't be told, for `why`. */
function unresolvedTrail(why: PlainDatum) {
  return { urn: trailUrn, messageId: "unresolvedTrail", data: { trail: namedResource("Trail", names.trail), why } };
}

const arnDependsOnNoGroup = { id: "inputDependsOnNoGroup", input: "cloudWatchLogsGroupArn" };

/** A monitoring-only stack: a filter (and alarm chain) on a log group named `name` that is not in the stack. */
function monitoringOnlyOnExternalGroup(name: string): StackFixture {
  return compliantStack({ withTrail: false })
    .remove(names.logGroup)
    .patch(names.filter, { logGroupName: name })
    .dependOn(names.filter, {});
}

export const metricFilterCases: PolicyCases = {
  valid: [
    {
      // As in the invalid row of two transformations (PutMetricFilter takes one; the provider's list takes two): a
      // transformation that publishes "1" per event counts each change, whatever the other publishes.
      name: 'aws-native: two transformations, one value "2" and one "1": the one publishing "1" counts each change',
      stack: () => {
        const native = nativePhysicalNames();
        const transformation = (metricValue: string) => ({
          metricName: native.metricName,
          metricNamespace: native.namespace,
          metricValue,
        });
        return compliantNativeStack().patch(names.filter, {
          metricTransformations: [transformation("2"), transformation("1")],
        });
      },
    },
    {
      // The same broad pattern on a trail that records write events only: no routine read reaches the log group.
      name: "all of cloudtrail.amazonaws.com on a write-only trail: no routine read reaches the group",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: "{ $.eventSource = cloudtrail.amazonaws.com }" })
          .patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] }),
    },
    {
      // Console sign-ins are recorded with eventType AwsConsoleSignIn (CloudTrail user guide, "CloudTrail record
      // contents": eventType), so a trail selecting AwsApiCall alone never delivers a routine ConsoleLogin.
      name: "the five calls and ConsoleLogin on a trail selecting eventType AwsApiCall: no sign-in reaches the group",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: consoleLoginToo })
          .patch(names.trail, { advancedEventSelectors: [apiCallsOnly] }),
    },
    {
      name: "the five calls and CloudTrail's other configuration calls (PutEventSelectors, AddTags) count no routine record",
      stack: () =>
        compliantStack().patch(names.filter, {
          pattern: "{ ($.eventSource = cloudtrail.amazonaws.com) && ($.readOnly IS FALSE) }",
        }),
    },
    ...phases.map((phase) => ({
      name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`,
      stack: () => compliantStack(phase),
    })),
    { name: "empty stack: nothing to check", notApplicable: true, stack: () => new StackFixture() },
    {
      name: "no trail, no configured group, a filter that covers nothing: nothing to check",
      notApplicable: true,
      stack: () =>
        new StackFixture().add(types.metricFilter, "app-errors", {
          name: "app-errors",
          logGroupName: "/app/web",
          pattern: "ERROR",
          metricTransformation: { name: "Errors", namespace: "App", value: "1" },
          region: "us-east-1",
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
      // A trail without `cloudWatchLogsGroupArn` delivers to no log group: there is no group of its to filter.
      name: "a second trail that delivers to no log group",
      stack: () =>
        compliantStack().add(types.trail, "s3-only", {
          name: "s3-only",
          s3BucketName: "audit-logs-bucket",
          region: "us-east-1",
        }),
    },
    {
      name: "two filters on the group: one misses an event, one covers",
      stack: () =>
        compliantStack().add(types.metricFilter, "partial", {
          name: "partial",
          logGroupName: physical.logGroupName,
          pattern: fourEvents,
          metricTransformation: transformation,
          region: "us-east-1",
        }),
    },
    {
      name: "two trails sharing one log group",
      stack: () =>
        compliantStack().add(types.trail, "second-trail", {
          name: "second",
          s3BucketName: "b",
          cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`,
          cloudWatchLogsRoleArn: physical.roleArn,
          region: "us-east-1",
        }),
    },
    {
      name: "a trail that records no management write events needs no filter on its log group",
      stack: () =>
        compliantStack()
          .remove(names.filter)
          .patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] }),
    },
    {
      name: "a data-events-only trail (advanced selectors) needs no filter on its log group",
      stack: () =>
        compliantStack()
          .remove(names.filter)
          .patch(names.trail, {
            advancedEventSelectors: [
              {
                name: "S3",
                fieldSelectors: [
                  { field: "eventCategory", equals: ["Data"] },
                  { field: "resources.type", equals: ["AWS::S3::Object"] },
                ],
              },
            ],
          }),
    },
    {
      name: "an unresolved trail that records no management write events is not chased",
      stack: () =>
        compliantStack({ phase: "preview" })
          .dependOn(names.trail, {})
          .patch(names.trail, { eventSelectors: [{ includeManagementEvents: false }] }),
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
      violations: [noFilter(groupUrn, trailLogs, "logGroup.name")],
    },
    {
      name: "pattern misses StopLogging",
      stack: () => compliantStack().patch(names.filter, { pattern: fourEvents }),
      violations: [
        chainFilterFails({
          id: "patternMisses",
          pattern: q(fourEvents),
          reason: expect.stringMatching(/^misses all StopLogging calls/),
        }),
      ],
    },
    {
      // Every DescribeTrails/GetTrailStatus that AWS Config and Security Hub make matches too (CloudTrail user guide:
      // reads are management events a trail records by default), so the metric is >= 1 in most periods.
      name: "all of cloudtrail.amazonaws.com, on a trail that records reads too: counts routine reads, the alarm never falls quiet",
      stack: () => compliantStack().patch(names.filter, { pattern: "{ $.eventSource = cloudtrail.amazonaws.com }" }),
      violations: [
        chainFilterFails({
          id: "patternCountsRoutine",
          pattern: q("{ $.eventSource = cloudtrail.amazonaws.com }"),
          eventSource: "cloudtrail.amazonaws.com",
          reason: expect.stringMatching(/^counts routine \w+ calls by .*so the alarm sits in ALARM/),
        }),
      ],
    },
    {
      // Each log group is judged with the routine calls its own trails record. KMS Decrypt is routine ("Encrypt,
      // Decrypt, and GenerateDataKey typically generate a large volume (more than 99%) of events", CloudTrail user
      // guide); the chain's trail leaves KMS events out (EventSelector `ExcludeManagementEventSources`), b-trail
      // leaves AWS Config's out instead: as many routine calls unrecorded on each group (four), but not the same
      // ones. (CloudTrail accepts only kms and rdsdata exclusions on a trail's management events; the preview still
      // reads b-trail's selector, and a verdict must not be shared by two groups that record different calls.)
      name: "the same pattern counting Decrypt on two log groups: only where the trail records KMS events",
      stack: () =>
        addCompliantChain(
          compliantStack()
            .patch(names.filter, { pattern: decryptToo })
            .patch(names.trail, {
              eventSelectors: [
                {
                  readWriteType: "All",
                  includeManagementEvents: true,
                  excludeManagementEventSources: ["kms.amazonaws.com"],
                },
              ],
            }),
          { prefix: "b-" },
        )
          .patch("b-cloudtrail-changes-filter", { pattern: decryptToo })
          .patch("b-trail", {
            advancedEventSelectors: [
              {
                name: "Management events but AWS Config's",
                fieldSelectors: [
                  { field: "eventCategory", equals: ["Management"] },
                  { field: "eventSource", notEquals: ["config.amazonaws.com"] },
                ],
              },
            ],
          }),
      violations: [
        {
          urn: urnOf(types.metricFilter, "b-cloudtrail-changes-filter"),
          messageId: "filterFails",
          data: {
            filter: namedResource("Metric filter", "b-cloudtrail-changes-filter"),
            subject: { id: "groupInStack", group: namedResource("Log group", "b-trail-logs") },
            problem: {
              id: "patternCountsRoutine",
              pattern: q(decryptToo),
              eventSource: "kms.amazonaws.com",
              eventName: "Decrypt",
              changes: "CloudTrail configuration changes",
              reason: expect.stringMatching(/^counts routine Decrypt calls by .*so the alarm sits in ALARM/),
            },
            change: "CloudTrail configuration change",
            snippet: filterSnippet("logGroup.name"),
          },
        },
      ],
    },
    {
      // No trail of the stack delivers to a log group named in config: every routine call is taken to arrive there.
      name: "all of cloudtrail.amazonaws.com on a log group named in config, no trail in the stack: counts routine reads",
      stack: () => compliantStack({ withTrail: false }).patch(names.filter, { pattern: broadPattern }),
      config: { logGroupNames: [physical.logGroupName] },
      violations: [chainFilterFails(countsCloudTrailReads)],
    },
    {
      // Advanced selectors on `eventCategory = Management` alone record every management event, reads included
      // (CloudTrail API reference, AdvancedFieldSelector: without `readOnly`, both read and write events).
      name: "all of cloudtrail.amazonaws.com on a trail whose advanced selectors record all management events",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: broadPattern })
          .patch(names.trail, {
            advancedEventSelectors: [
              { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
            ],
          }),
      violations: [chainFilterFails(countsCloudTrailReads)],
    },
    {
      // PutEvaluations, the call every AWS Config rule reports its results with (AWS Config API reference,
      // PutEvaluations), is a write: a write-only trail records it, so a pattern counting it never falls quiet.
      name: "the five calls and PutEvaluations on a write-only trail: the routine write reaches the group",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: putEvaluationsToo })
          .patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] }),
      violations: [
        chainFilterFails({
          id: "patternCountsRoutine",
          pattern: q(putEvaluationsToo),
          eventSource: "config.amazonaws.com",
          eventName: "PutEvaluations",
          changes: "CloudTrail configuration changes",
          reason: expect.stringMatching(/^counts routine PutEvaluations calls by .*so the alarm sits in ALARM/),
        }),
      ],
    },
    {
      // Two trails deliver to the group: what either records reaches it.
      name: "all of cloudtrail.amazonaws.com on a write-only trail's group that a second trail, recording reads, shares",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: broadPattern })
          .patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] })
          .add(types.trail, "second", {
            name: "second",
            s3BucketName: "audit-logs-bucket",
            cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`,
            cloudWatchLogsRoleArn: physical.roleArn,
            region: "us-east-1",
          }),
      violations: [chainFilterFails(countsCloudTrailReads)],
    },
    {
      // An advanced selector on `eventType` (a field CloudTrail offers on management events of event data stores,
      // not of trails; the preview reads it all the same): CloudTrail's routine reads are API calls, recorded.
      name: "all of cloudtrail.amazonaws.com on a trail selecting eventType AwsApiCall: routine reads are API calls",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: broadPattern })
          .patch(names.trail, { advancedEventSelectors: [apiCallsOnly] }),
      violations: [chainFilterFails(countsCloudTrailReads)],
    },
    {
      name: "the empty pattern matches every record: it counts routine records whatever the trail records",
      stack: () =>
        compliantStack()
          .patch(names.filter, { pattern: "" })
          .patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true }] }),
      violations: [
        chainFilterFails({
          id: "patternCountsRoutine",
          pattern: q(""),
          reason: expect.stringMatching(/^matches nearly every record/),
        }),
      ],
    },
    {
      name: "metric value is not 1",
      stack: () => compliantStack().patch(names.filter, { metricTransformation: { ...transformation, value: "2" } }),
      violations: [chainFilterFails({ id: "valueNotOne", values: [q("2")] })],
    },
    {
      name: "pattern unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.filter, { pattern: unknownValue.string }),
      violations: [chainFilterFails(notKnown({ id: "patternUnknown" }))],
    },
    {
      name: "metric value unknown at preview can't be verified",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.filter, {
          metricTransformation: { ...transformation, value: unknownValue.string },
        }),
      violations: [chainFilterFails(notKnown({ id: "valueUnknown" }))],
    },
    {
      name: "a pattern that would fail to deploy (unbalanced brace) is invalid, not judged",
      // 27 characters: the missing "}" is reported at column 28, one past the end.
      stack: () => compliantStack().patch(names.filter, { pattern: "{ $.eventName = CreateTrail" }),
      violations: [
        chainFilterFails({
          id: "patternInvalid",
          error: expect.stringMatching(/^Invalid metric filter pattern at column 28\b/),
        }),
      ],
    },
    {
      name: "metricTransformation unknown at preview can't be verified",
      stack: () =>
        compliantStack({ phase: "preview" }).patch(names.filter, { metricTransformation: unknownValue.object }),
      violations: [chainFilterFails(notKnown({ id: "transformationUnknown" }))],
    },
    {
      // PutMetricFilter takes exactly one transformation (API reference: "Fixed number of 1 item"); the provider's
      // list lets a program give two, which the preview sees before AWS refuses them: the unknown one may be the 1.
      name: 'aws-native: two transformations, one value "2" and one not known at preview: can\'t be verified',
      stack: () => {
        const native = nativePhysicalNames();
        const transformation = (metricValue: string) => ({
          metricName: native.metricName,
          metricNamespace: native.namespace,
          metricValue,
        });
        return compliantNativeStack({ phase: "preview" }).patch(names.filter, {
          metricTransformations: [transformation("2"), transformation(unknownValue.string)],
        });
      },
      violations: [
        {
          ...chainFilterFails(notKnown({ id: "valueUnknown" })),
          urn: urnOf(nativeTypes.metricFilter, names.filter),
        },
      ],
    },
    {
      name: "the covering filter is on another log group",
      stack: () => compliantStack().patch(names.filter, { logGroupName: "/app/other" }).dependOn(names.filter, {}),
      violations: [noFilter(groupUrn, trailLogs, "logGroup.name")],
    },
    {
      name: "a filter with the same log group name in another region is not on the trail's group",
      stack: () =>
        compliantStack().provider("west", { region: "us-west-2" }).remove(names.filter).add(
          types.metricFilter,
          "west-filter",
          {
            name: "west",
            logGroupName: physical.logGroupName,
            pattern: canonicalPattern,
            metricTransformation: transformation,
            region: "us-west-2",
          },
          { provider: "west" },
        ),
      violations: [noFilter(groupUrn, trailLogs, "logGroup.name")],
    },
    {
      name: "trail log group ARN unknown and no dependency: the chain is broken at preview",
      stack: () => compliantStack({ phase: "preview" }).dependOn(names.trail, {}),
      violations: [unresolvedTrail(arnDependsOnNoGroup)],
    },
    {
      name: "trail log group ARN unknown and depending on two log groups: can't tell which",
      stack: () =>
        compliantStack({ phase: "preview" })
          .add(types.logGroup, "app-logs", { name: "app-logs", arn: unknownValue.string, region: "us-east-1" })
          .dependOn(names.trail, { cloudWatchLogsGroupArn: [names.logGroup, "app-logs"] }),
      violations: [unresolvedTrail({ id: "inputDependsOnSeveralGroups", input: "cloudWatchLogsGroupArn" })],
    },
    {
      // The filter certainly on the group is the one to fix; the other may be elsewhere.
      name: "a failing filter on the group is reported even while another filter may be on it",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.filter, { metricTransformation: { ...transformation, value: "2" } })
          .add(types.metricFilter, "elsewhere-filter", {
            name: "elsewhere",
            logGroupName: unknownValue.string,
            pattern: canonicalPattern,
            metricTransformation: transformation,
            region: "us-east-1",
          }),
      violations: [chainFilterFails({ id: "valueNotOne", values: [q("2")] })],
    },
    {
      name: "filter logGroupName unknown without dependency: may be on the group, can't verify",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.filter, { logGroupName: unknownValue.string })
          .dependOn(names.filter, {}),
      violations: [possibleFilters([names.filter])],
    },
    {
      // A log group named by AWS (`namePrefix`) has no name at the first preview: a filter that gives a name of its
      // own, without a dependency on the group, may be on it or not.
      name: "the log group's name unknown at preview, a filter naming a log group literally: may be on it, can't verify",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.logGroup, { name: unknownValue.string })
          .patch(names.filter, { logGroupName: physical.logGroupName })
          .dependOn(names.filter, {}),
      violations: [possibleFilters([names.filter], "itsName")],
    },
    {
      // A log group's name is the same in every region; the filter's region (its provider's) decides which group of
      // that name it is on (a metric filter belongs to a log group of its own region: CloudWatch Logs PutMetricFilter).
      name: "a filter naming the log group literally, its region unknown at preview: may be on it, can't verify",
      stack: () =>
        compliantStack({ phase: "preview" })
          .patch(names.filter, { logGroupName: physical.logGroupName, region: unknownValue.string })
          .dependOn(names.filter, {}),
      violations: [possibleFilters([names.filter], "theirRegion")],
    },
    {
      // Three filters that may be on the group: b-filter names it, in a region not known at preview; a-filter and
      // c-filter name no log group known at preview. Listed in URN order, as every list of resources is.
      name: "three filters that may be on the group, for different reasons: listed in URN order",
      stack: () => {
        const unresolved = {
          logGroupName: unknownValue.string,
          pattern: canonicalPattern,
          metricTransformation: transformation,
        };
        return compliantStack({ phase: "preview" })
          .remove(names.filter)
          .add(types.metricFilter, "a-filter", { name: "a", region: "us-east-1", ...unresolved })
          .add(types.metricFilter, "b-filter", {
            name: "b",
            logGroupName: physical.logGroupName,
            region: unknownValue.string,
            pattern: canonicalPattern,
            metricTransformation: transformation,
          })
          .add(types.metricFilter, "c-filter", { name: "c", region: "us-east-1", ...unresolved });
      },
      violations: [possibleFilters(["a-filter", "b-filter", "c-filter"])],
    },
    {
      // `logGroupNames` names the log groups to check by name: the stack's other log groups are not among them.
      name: "a log group named in config that is not in the stack, beside the chain's: only the named one lacks a filter",
      stack: () => compliantStack(),
      config: { logGroupNames: ["org-trail-logs"] },
      violations: [
        noFilter(undefined, groupOutside("org-trail-logs", undefined, { id: "namedInConfig" }), q("org-trail-logs")),
      ],
    },
    {
      name: "configured log group without any filter (monitoring-only stack)",
      stack: () => new StackFixture(),
      config: { logGroupNames: ["org-trail-logs"] },
      violations: [
        noFilter(undefined, groupOutside("org-trail-logs", undefined, { id: "namedInConfig" }), q("org-trail-logs")),
      ],
    },
    {
      name: "trail delivering to an external log group without a filter is attributed to the trail",
      stack: () => compliantStack().remove(names.logGroup).remove(names.filter).dependOn(names.trail, {}),
      violations: [
        noFilter(
          trailUrn,
          groupOutside(physical.logGroupName, "us-east-1", { id: "writtenByTrails", trails: [q(names.trail)] }),
          q(physical.logGroupName),
        ),
      ],
    },
    {
      name: "trail ARN naming the stack's log group but in another region: that group gets nothing, the named one has no filter",
      stack: () =>
        compliantStack()
          .patch(names.trail, { cloudWatchLogsGroupArn: `${physicalNames("", "eu-west-1").logGroupArn}:*` })
          .dependOn(names.trail, {}),
      violations: [
        noFilter(
          trailUrn,
          groupOutside(physical.logGroupName, "eu-west-1", { id: "writtenByTrails", trails: [q(names.trail)] }),
          q(physical.logGroupName),
        ),
      ],
    },
    {
      name: "a trail ARN that is no log group ARN",
      stack: () =>
        compliantStack()
          .patch(names.trail, { cloudWatchLogsGroupArn: `arn:aws:s3:::bucket-${account}` })
          .dependOn(names.trail, {}),
      violations: [unresolvedTrail({ id: "notALogGroupArn", arn: q(`arn:aws:s3:::bucket-${account}`) })],
    },
    {
      name: "two trails share the log group, one read-only: the other still needs the filter",
      stack: () =>
        compliantStack()
          .remove(names.filter)
          .patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] })
          .add(types.trail, "second-trail", {
            name: "second",
            s3BucketName: "b",
            cloudWatchLogsGroupArn: `${physical.logGroupArn}:*`,
            cloudWatchLogsRoleArn: physical.roleArn,
            region: "us-east-1",
          }),
      violations: [noFilter(groupUrn, trailLogs, "logGroup.name")],
    },
    {
      name: "a read-only trail's log group named in the config still needs the filter",
      stack: () =>
        compliantStack()
          .remove(names.filter)
          .patch(names.trail, { eventSelectors: [{ readWriteType: "ReadOnly" }] }),
      config: { logGroupNames: [physical.logGroupName] },
      violations: [noFilter(groupUrn, trailLogs, "logGroup.name")],
    },
    {
      name: "event selectors unknown at preview: the filter is still required",
      stack: () =>
        compliantStack({ phase: "preview" })
          .remove(names.filter)
          .patch(names.trail, { eventSelectors: unknownValue.array }),
      violations: [noFilter(groupUrn, trailLogs, "logGroup.name")],
    },
    {
      name: "an unresolved trail that may record the events is still reported",
      stack: () =>
        compliantStack({ phase: "preview" })
          .dependOn(names.trail, {})
          .patch(names.trail, { eventSelectors: [{ readWriteType: "WriteOnly" }] }),
      violations: [unresolvedTrail(arnDependsOnNoGroup)],
    },
    {
      name: "invalid config is reported, not thrown",
      stack: () => compliantStack(),
      config: { logGroupNames: "org-trail-logs" },
      violations: [
        {
          urn: undefined,
          messageId: "invalidConfig",
          data: {
            policy: "cloudtrail-changes-metric-filter",
            problems: [
              { id: "configProblem", problem: '`logGroupNames` must be a list of strings, got "org-trail-logs"' },
            ],
          },
        },
      ],
    },
  ],
};
