/**
 * When each policy has nothing to judge and says so ("not applicable", which Pulumi Cloud shows instead of a silent
 * pass), and when a stack without a trail still has something for it: a covering metric filter's metric (a stack
 * that holds only the monitoring), or a log group named in `logGroupNames`. One table per policy; both providers.
 */
import { canonicalPattern, chainNames, compliantStack, physicalNames, types } from "../../helpers/aws-fixtures";
import { compliantNativeStack, nativePhysicalNames, nativeTypes, onNative } from "../../helpers/aws-native-fixtures";
import { unknownValue, urnOf } from "../../helpers/engine-resources";
import { namedResource, notKnown, q } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";
import { noActions } from "./notification-findings";

const names = chainNames();
const physical = physicalNames();
const native = nativePhysicalNames();

/** A stack without trail whose only filter counts something else (application errors). */
const unrelatedFilterOnly = () =>
  compliantNativeStack({ withTrail: false })
    .remove(names.filter)
    .add(
      nativeTypes.metricFilter,
      "app-errors",
      {
        filterName: "app-errors",
        logGroupName: "/app/web",
        filterPattern: "ERROR",
        metricTransformations: [{ metricName: "Errors", metricNamespace: "App", metricValue: "1" }],
      },
      onNative,
    );

export const logsApplicabilityCases: PolicyCases = {
  valid: [
    {
      name: "aws-native: no trail, only monitoring: nothing to check",
      notApplicable: true,
      stack: () => compliantNativeStack({ withTrail: false }),
    },
    {
      name: "aws-native: only a filter on application logs: nothing to check",
      notApplicable: true,
      stack: unrelatedFilterOnly,
    },
  ],
  invalid: [],
};

export const metricFilterApplicabilityCases: PolicyCases = {
  valid: [
    {
      name: "aws-native: no trail, no configured group: nothing to check",
      notApplicable: true,
      stack: () => compliantNativeStack({ withTrail: false }),
    },
    {
      name: "aws-native: only a filter on application logs: nothing to check",
      notApplicable: true,
      stack: unrelatedFilterOnly,
    },
    {
      name: "aws-native: a configured log group of the stack with a covering filter",
      stack: () => compliantNativeStack({ withTrail: false }),
      config: { logGroupNames: [native.logGroupName] },
    },
  ],
  invalid: [
    {
      name: "aws-native: a configured log group of the stack without a filter is judged, not 'not applicable'",
      stack: () => compliantNativeStack({ withTrail: false, phase: "preview" }).remove(names.filter),
      config: { logGroupNames: [native.logGroupName] },
      violations: [
        {
          urn: urnOf(nativeTypes.logGroup, names.logGroup),
          messageId: "noFilter",
          data: {
            subject: { id: "groupInStack", group: namedResource("Log group", names.logGroup) },
            changes: "CloudTrail configuration changes",
            events: ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
            snippet: {
              id: "filterSnippet",
              groupExpression: "logGroup.name",
              pattern: q(canonicalPattern),
              metricName: "CloudTrailChanges",
              namespace: "CloudTrailMetrics",
            },
          },
        },
      ],
    },
  ],
};

export const alarmApplicabilityCases: PolicyCases = {
  valid: [
    {
      name: "aws-native: only a filter on application logs: nothing to check",
      notApplicable: true,
      stack: unrelatedFilterOnly,
    },
    {
      name: "aws-native: an alarm on the metric name but no covering filter and no trail: nothing to check",
      notApplicable: true,
      stack: () => compliantNativeStack({ withTrail: false }).remove(names.filter),
    },
    {
      name: "aws-native: monitoring-only stack with a covering filter and its alarm",
      stack: () => compliantNativeStack({ withTrail: false, phase: "preview" }),
    },
    {
      // A trail puts the stack inside the control: the missing filter is the metric-filter policy's finding, and this
      // policy, with no metric to judge, passes rather than saying the stack is none of its business.
      name: "aws: a trail and no metric filter: judged (nothing to report here), not 'not applicable'",
      stack: () => compliantStack().remove(names.filter),
    },
    {
      name: "aws: monitoring-only stack whose filter's pattern is unknown at preview and whose alarm would fire: judged, nothing to report",
      stack: () =>
        compliantStack({ withTrail: false, phase: "preview" }).patch(names.filter, { pattern: unknownValue.string }),
    },
  ],
  invalid: [
    // Found by the fuzzer ("unknown never helps"): with the pattern known and covering, the alarm below fails the
    // CIS 4.5 criteria (threshold 1, Security Hub CloudWatch.5); with the pattern unknown at preview the policy
    // said nothing. It now reports what holds if the pattern counts the changes.
    {
      name: "aws: monitoring-only stack whose filter's pattern is unknown at preview: an alarm that would not fire, if the pattern counts the changes",
      stack: () =>
        compliantStack({ withTrail: false, phase: "preview" })
          .patch(names.filter, { pattern: unknownValue.string })
          .patch(names.alarm, { threshold: 2 }),
      violations: [
        {
          urn: urnOf(types.alarm, names.alarm),
          messageId: "ifPatternCounts",
          data: {
            filter: names.filter,
            changes: "CloudTrail configuration changes",
            finding: {
              id: "alarmFails",
              alarm: namedResource("Alarm", names.alarm),
              problems: [{ id: "thresholdAboveEvent", threshold: "2", eventValue: 1 }],
            },
          },
        },
      ],
    },
    {
      name: "aws: a filter whose pattern is unknown at preview and whose metric no alarm watches, if the pattern counts the changes",
      stack: () =>
        compliantStack({ withTrail: false, phase: "preview" })
          .patch(names.filter, { pattern: unknownValue.string })
          .remove(names.alarm),
      violations: [
        {
          urn: urnOf(types.metricFilter, names.filter),
          messageId: "ifPatternCounts",
          data: { filter: names.filter, finding: { id: "noAlarm", filter: names.filter, region: "us-east-1" } },
        },
      ],
    },
    {
      name: "aws: monitoring-only stack whose covering filter's metricTransformation is unknown at preview is judged",
      stack: () =>
        compliantStack({ withTrail: false, phase: "preview" }).patch(names.filter, {
          metricTransformation: unknownValue.object,
        }),
      violations: [
        {
          urn: urnOf(types.metricFilter, names.filter),
          messageId: "unknownMetric",
          data: { filter: names.filter, unknown: notKnown({ id: "publishedMetric" }) },
        },
      ],
    },
    {
      name: "aws: monitoring-only stack whose covering filter's metric is unknown at preview is judged",
      stack: () =>
        compliantStack({ withTrail: false, phase: "preview" }).patch(names.filter, {
          metricTransformation: { name: unknownValue.string, namespace: physical.namespace, value: "1" },
        }),
      violations: [
        {
          urn: urnOf(types.metricFilter, names.filter),
          messageId: "unknownMetric",
          data: { filter: names.filter, unknown: notKnown({ id: "publishedMetric" }) },
        },
      ],
    },
  ],
};

export const snsApplicabilityCases: PolicyCases = {
  valid: [
    {
      name: "aws: an alarm on the metric name but no covering filter and no trail: nothing to check",
      notApplicable: true,
      stack: () => compliantStack().remove(names.filter).remove(names.trail),
    },
    {
      name: "aws-native: an alarm on the metric name but no covering filter and no trail: nothing to check",
      notApplicable: true,
      stack: () => compliantNativeStack({ withTrail: false }).remove(names.filter),
    },
    {
      name: "aws-native: monitoring-only stack whose alarm notifies the topic",
      stack: () => compliantNativeStack({ withTrail: false }),
    },
    {
      // As in the alarm table: with a trail, the missing filter is the metric-filter policy's finding.
      name: "aws: a trail and no metric filter: judged (nothing to report here), not 'not applicable'",
      stack: () => compliantStack().remove(names.filter),
    },
  ],
  invalid: [
    // Found by the fuzzer ("unknown never helps"), as in the alarm table: a pattern unknown at preview hid an alarm
    // that notifies nobody.
    {
      name: "aws-native: monitoring-only stack whose filter's pattern is unknown at preview: an alarm that notifies nobody, if the pattern counts the changes",
      stack: () =>
        compliantNativeStack({ withTrail: false, phase: "preview" })
          .patch(names.filter, { filterPattern: unknownValue.string })
          .patch(names.alarm, { alarmActions: null })
          .dependOn(names.alarm, {}),
      violations: [
        {
          ...noActions(nativeTypes),
          messageId: "ifPatternCounts",
          data: {
            filter: names.filter,
            changes: "CloudTrail configuration changes",
            finding: { id: "noActions", ...noActions(nativeTypes).data },
          },
        },
      ],
    },
    {
      name: "aws-native: monitoring-only stack whose alarm notifies nobody is judged",
      stack: () =>
        compliantNativeStack({ withTrail: false }).patch(names.alarm, { alarmActions: null }).dependOn(names.alarm, {}),
      violations: [noActions(nativeTypes)],
    },
  ],
};
