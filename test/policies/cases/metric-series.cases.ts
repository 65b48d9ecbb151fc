/**
 * cloudtrail-changes-alarm: the alarm must watch the series the filter publishes, and a metric filter's
 * `defaultValue` must not keep it in ALARM or average a change away. Both providers where the provider has the
 * setting (`emitSystemFieldDimensions` is aws-native only), at the first preview and deployed.
 */
import { chainNames, compliantStack, physicalNames, types } from "../../helpers/aws-fixtures";
import { compliantNativeStack, nativePhysicalNames, nativeTypes } from "../../helpers/aws-native-fixtures";
import { secret, unknownValue, urnOf, type Props } from "../../helpers/engine-resources";
import { namedResource, notKnown, q, type PlainDatum } from "../../helpers/findings";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const physical = physicalNames();
const native = nativePhysicalNames();

type Flavour = typeof types | typeof nativeTypes;

/** The chain's alarm watches the metric but would not fire on one change within 300 s, for `problems`. */
function alarmFails(flavour: Flavour, problems: PlainDatum[], statistic = "Sum") {
  const data = {
    alarm: namedResource("Alarm", names.alarm),
    metric: { id: "metricPath", namespace: "CloudTrailMetrics", name: "CloudTrailChanges" },
    change: "CloudTrail configuration change",
    period: 300,
    problems,
    snippet: {
      id: "alarmSnippet",
      alarmName: "",
      metricName: q("CloudTrailChanges"),
      namespace: q("CloudTrailMetrics"),
      statistic,
      period: 300,
    },
  };
  return { urn: urnOf(flavour.alarm, names.alarm), messageId: "alarmFails", data };
}

/**
 * "The value to emit when a filter pattern does not match a log event" (CloudWatch Logs API, MetricTransformation
 * `defaultValue`): in a CloudTrail log group, where most records are other calls, every period with traffic
 * carries it. With Sum and a positive default the period's sum passes 1 without any change (the alarm stays in
 * ALARM); with a negative one the change's 1 can be cancelled out.
 */
const keeps = (defaultValue: string, statistic = "Sum") => ({ id: "defaultValueKeepsAlarm", defaultValue, statistic });
const masks = (defaultValue: string, statistic = "Sum") => ({ id: "defaultValueMasksEvent", defaultValue, statistic });

/** The classic filter's transformation with a default value (the provider takes it as a string). */
function classicDefault(defaultValue: string, preview = false): Props {
  const transformation = { name: physical.metricName, namespace: physical.namespace, value: "1", defaultValue };
  return { metricTransformation: preview ? transformation : { ...transformation, unit: "", dimensions: {} } };
}

/** The native filter's transformations with a default value (a number in the schema) and other settings. */
function nativeTransformation(extra: Props): Props {
  return {
    metricTransformations: [
      { metricName: native.metricName, metricNamespace: native.namespace, metricValue: "1", ...extra },
    ],
  };
}

/** Both system fields the PutMetricFilter reference lists: "Valid values are @aws.account and @aws.region". */
const bothSystemFields = { emitSystemFieldDimensions: ["@aws.account", "@aws.region"] };
const systemDimensions = [
  { name: "@aws.account", value: "123456789012" },
  { name: "@aws.region", value: "us-east-1" },
];
/** How the finding shows the filter's series: each system field's value is whatever the record's source is. */
const bothShown = '{"@aws.account":"<source>","@aws.region":"<source>"}';

/** A classic filter whose metric has the dimension EventName, the value of each record's `eventName` field. */
const eventNameDimension: Props = {
  metricTransformation: {
    name: physical.metricName,
    namespace: physical.namespace,
    value: "1",
    unit: "",
    defaultValue: "",
    dimensions: { EventName: "$.eventName" },
  },
};
/** The classic filter's transformation with `extra` settings. */
function withTransformation(extra: Props): Props {
  const transformation = { name: physical.metricName, namespace: physical.namespace, value: "1", ...extra };
  return { metricTransformation: transformation };
}
const split = { id: "filterDimensionsSplit", filterDimensions: '{"EventName":"$.eventName"}' };

const deployed = { phase: "deployed" } as const;
const preview = { phase: "preview" } as const;

export const metricSeriesCases: PolicyCases = {
  valid: [
    // A default of 0 adds nothing to a Sum: the quiet periods read 0, below the threshold of 1.
    {
      name: "aws: defaultValue 0 with Sum (deployed)",
      stack: () => compliantStack(deployed).patch(names.filter, classicDefault("0")),
    },
    {
      name: "aws: defaultValue 0 with Sum (preview)",
      stack: () => compliantStack(preview).patch(names.filter, classicDefault("0", true)),
    },
    {
      name: "aws-native: defaultValue 0 with Sum (deployed)",
      stack: () => compliantNativeStack(deployed).patch(names.filter, nativeTransformation({ defaultValue: 0 })),
    },
    {
      name: "aws-native: defaultValue 0 with Sum (preview)",
      stack: () => compliantNativeStack(preview).patch(names.filter, nativeTransformation({ defaultValue: 0 })),
    },
    {
      // Maximum of zeros and one 1 is 1: the change still reaches the threshold, and a quiet period reads 0.
      name: "aws: defaultValue 0 with Maximum",
      stack: () =>
        compliantStack(deployed).patch(names.filter, classicDefault("0")).patch(names.alarm, { statistic: "Maximum" }),
      config: { statistic: "Maximum" },
    },
    {
      name: "aws-native: the alarm names both system fields the filter emits",
      stack: () =>
        compliantNativeStack(deployed)
          .patch(names.filter, bothSystemFields)
          .patch(names.alarm, { dimensions: systemDimensions }),
    },
    {
      name: "aws-native: the alarm names the one system field the filter emits, at preview",
      stack: () =>
        compliantNativeStack(preview)
          .patch(names.filter, { emitSystemFieldDimensions: ["@aws.region"] })
          .patch(names.alarm, { dimensions: [{ name: "@aws.region", value: "eu-west-1" }] }),
    },
    {
      // An empty entry names no system field (PutMetricFilter: "Valid values are @aws.account and @aws.region").
      name: "aws-native: an empty entry of emitSystemFieldDimensions adds no dimension (preview)",
      stack: () =>
        compliantNativeStack(preview)
          .patch(names.filter, { emitSystemFieldDimensions: ["@aws.region", ""] })
          .patch(names.alarm, { dimensions: [{ name: "@aws.region", value: "us-east-1" }] }),
    },
    {
      // The alarm's unit is the one the filter publishes.
      name: "aws: filter and alarm both in Count",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, withTransformation({ unit: "Count" }))
          .patch(names.alarm, { unit: "Count" }),
    },
  ],
  invalid: [
    {
      name: "aws: defaultValue 1 with Sum keeps the alarm in ALARM (deployed)",
      stack: () => compliantStack(deployed).patch(names.filter, classicDefault("1")),
      violations: [alarmFails(types, [keeps("1")])],
    },
    {
      name: "aws: defaultValue -1 with Sum can cancel a change (preview)",
      stack: () => compliantStack(preview).patch(names.filter, classicDefault("-1", true)),
      violations: [alarmFails(types, [masks("-1")])],
    },
    {
      name: "aws: defaultValue unknown at preview",
      stack: () => compliantStack(preview).patch(names.filter, classicDefault(unknownValue.string, true)),
      violations: [alarmFails(types, [notKnown("the metric filter's `defaultValue`")])],
    },
    {
      // Every default is a sample: SampleCount counts log events, not changes.
      name: "aws: defaultValue 0 with SampleCount",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, classicDefault("0"))
          .patch(names.alarm, { statistic: "SampleCount" }),
      config: { statistic: "SampleCount" },
      violations: [alarmFails(types, [keeps("0", "SampleCount")], "SampleCount")],
    },
    {
      // The average of many zeros and one 1 is below 1.
      name: "aws: defaultValue 0 with Average",
      stack: () =>
        compliantStack(deployed).patch(names.filter, classicDefault("0")).patch(names.alarm, { statistic: "Average" }),
      config: { statistic: "Average" },
      violations: [alarmFails(types, [masks("0", "Average")], "Average")],
    },
    {
      // The minimum of a quiet period is the default itself, which reaches the threshold.
      name: "aws: defaultValue 1 with Minimum",
      stack: () =>
        compliantStack(deployed).patch(names.filter, classicDefault("1")).patch(names.alarm, { statistic: "Minimum" }),
      config: { statistic: "Minimum" },
      violations: [alarmFails(types, [keeps("1", "Minimum")], "Minimum")],
    },
    {
      name: "aws-native: defaultValue 1 with Sum (deployed)",
      stack: () => compliantNativeStack(deployed).patch(names.filter, nativeTransformation({ defaultValue: 1 })),
      violations: [alarmFails(nativeTypes, [keeps("1")])],
    },
    {
      name: "aws-native: defaultValue -1 with Sum (preview)",
      stack: () => compliantNativeStack(preview).patch(names.filter, nativeTransformation({ defaultValue: -1 })),
      violations: [alarmFails(nativeTypes, [masks("-1")])],
    },
    {
      name: "aws-native: defaultValue unknown at preview",
      stack: () =>
        compliantNativeStack(preview).patch(names.filter, nativeTransformation({ defaultValue: unknownValue.number })),
      violations: [alarmFails(nativeTypes, [notKnown("the metric filter's `defaultValue`")])],
    },
    {
      name: "aws-native: the filter emits both system fields, the alarm names no dimension (deployed)",
      stack: () => compliantNativeStack(deployed).patch(names.filter, bothSystemFields),
      violations: [
        alarmFails(nativeTypes, [
          { id: "dimensionsDifferSystem", alarmDimensions: { id: "noDimensions" }, filterDimensions: bothShown },
        ]),
      ],
    },
    {
      name: "aws-native: the filter emits both system fields, the alarm names only the account (preview)",
      stack: () =>
        compliantNativeStack(preview)
          .patch(names.filter, bothSystemFields)
          .patch(names.alarm, { dimensions: [systemDimensions[0]] }),
      violations: [
        alarmFails(nativeTypes, [
          {
            id: "dimensionsDifferSystem",
            alarmDimensions: '{"@aws.account":"123456789012"}',
            filterDimensions: bothShown,
          },
        ]),
      ],
    },
    {
      name: "aws-native: the alarm adds a dimension to the system field the filter emits",
      stack: () =>
        compliantNativeStack(deployed)
          .patch(names.filter, { emitSystemFieldDimensions: ["@aws.region"] })
          .patch(names.alarm, {
            dimensions: [
              { name: "@aws.region", value: "us-east-1" },
              { name: "TrailName", value: "main-trail" },
            ],
          }),
      violations: [
        alarmFails(nativeTypes, [
          {
            id: "dimensionsDifferSystem",
            alarmDimensions: '{"@aws.region":"us-east-1","TrailName":"main-trail"}',
            filterDimensions: '{"@aws.region":"<source>"}',
          },
        ]),
      ],
    },
    {
      // The filter publishes one series, with the region's dimension; the alarm's one dimension is another name.
      name: "aws-native: the filter emits the region, the alarm names one other dimension",
      stack: () =>
        compliantNativeStack(deployed)
          .patch(names.filter, { emitSystemFieldDimensions: ["@aws.region"] })
          .patch(names.alarm, { dimensions: [{ name: "TrailName", value: "main-trail" }] }),
      violations: [
        alarmFails(nativeTypes, [
          {
            id: "dimensionsDifferSystem",
            alarmDimensions: '{"TrailName":"main-trail"}',
            filterDimensions: '{"@aws.region":"<source>"}',
          },
        ]),
      ],
    },
    {
      name: "aws-native: one entry of emitSystemFieldDimensions unknown at preview",
      stack: () =>
        compliantNativeStack(preview).patch(names.filter, {
          emitSystemFieldDimensions: ["@aws.account", unknownValue.string],
        }),
      violations: [alarmFails(nativeTypes, [notKnown("`dimensions`")])],
    },
    {
      name: "aws: the alarm's dimensions unknown at preview",
      stack: () => compliantStack(preview).patch(names.alarm, { dimensions: unknownValue.object }),
      violations: [alarmFails(types, [notKnown("`dimensions`")])],
    },
    {
      // Each value of the field is its own series ("Each different value found for a dimension is treated as a
      // separate metric", PutMetricFilter): the alarm on CreateTrail's series does not see the other calls.
      name: "aws: the filter publishes a dimension per eventName, the alarm watches one of its values",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, eventNameDimension)
          .patch(names.alarm, { dimensions: { EventName: "CreateTrail" } }),
      violations: [alarmFails(types, [split])],
    },
    {
      // `dimensions: filter.metricTransformation.dimensions`: the series with EventName "$.eventName" gets no data.
      name: "aws: the alarm copies the filter's dimensions (field names, not values)",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, eventNameDimension)
          .patch(names.alarm, { dimensions: { EventName: "$.eventName" } }),
      violations: [alarmFails(types, [split])],
    },
    {
      name: "aws: the filter publishes a dimension per eventName, the alarm names none",
      stack: () => compliantStack(deployed).patch(names.filter, eventNameDimension),
      violations: [alarmFails(types, [split])],
    },
    {
      name: "aws: the filter's dimensions unknown at preview",
      stack: () => compliantStack(preview).patch(names.filter, withTransformation({ dimensions: unknownValue.object })),
      violations: [alarmFails(types, [notKnown("`dimensions`")])],
    },
    {
      name: "aws: the filter publishes Count, the alarm watches Seconds",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, withTransformation({ unit: "Count" }))
          .patch(names.alarm, { unit: "Seconds" }),
      violations: [alarmFails(types, [{ id: "unitDiffers", unit: q("Seconds"), published: q("Count") }])],
    },
    {
      // A secret transformation: the metric's name, namespace and unit print as "[secret]".
      name: "aws: the filter's unit sent as a secret is not printed",
      stack: () =>
        compliantStack(deployed)
          .patch(names.filter, {
            metricTransformation: secret({
              name: physical.metricName,
              namespace: physical.namespace,
              value: "1",
              unit: "Count",
            }),
          })
          .patch(names.alarm, { unit: "Seconds" }),
      violations: [
        {
          urn: urnOf(types.alarm, names.alarm),
          messageId: "alarmFails",
          data: { problems: [{ id: "unitDiffers", unit: q("Seconds"), published: "[secret]" }] },
        },
      ],
    },
    {
      name: "aws: the alarm's dimensions sent as a secret are not printed",
      stack: () => compliantStack(deployed).patch(names.alarm, { dimensions: secret({ TrailName: "main-trail" }) }),
      violations: [
        alarmFails(types, [
          { id: "dimensionsDiffer", alarmDimensions: "[secret]", filterDimensions: { id: "noDimensions" } },
        ]),
      ],
    },
    {
      name: "aws-native: emitSystemFieldDimensions unknown at preview",
      stack: () => compliantNativeStack(preview).patch(names.filter, { emitSystemFieldDimensions: unknownValue.array }),
      violations: [alarmFails(nativeTypes, [notKnown("`dimensions`")])],
    },
  ],
};
