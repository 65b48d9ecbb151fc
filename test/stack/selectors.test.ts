/** Event selectors: reading both providers' shapes, and the three-valued judgement of one event. */
import type { FieldSelectorModel, TrailModel } from "../../lib/stack/model";
import { known } from "../../lib/stack/read";
import {
  advancedEventSelectorsField,
  allOf,
  anyOf,
  eventSelectorsField,
  fieldSelectorAllows,
  selectorsKnown,
  trailRecords,
} from "../../lib/stack/selectors";
import { unknownValue } from "../helpers/engine-resources";

/** CreateTrail as the selectors see it, written out by hand. */
const createTrail = {
  eventCategory: "Management",
  readOnly: "false",
  eventSource: "cloudtrail.amazonaws.com",
  eventName: "CreateTrail",
  eventType: "AwsApiCall",
};
const describeTrails = { ...createTrail, readOnly: "true", eventName: "DescribeTrails" };

type Selectors = Pick<TrailModel, "eventSelectors" | "advancedEventSelectors">;

function trail(props: { eventSelectors?: unknown; advancedEventSelectors?: unknown }): Selectors {
  return {
    eventSelectors: eventSelectorsField(props.eventSelectors as never),
    advancedEventSelectors: advancedEventSelectorsField(props.advancedEventSelectors as never),
  };
}

function fieldSelector(entry: Record<string, unknown>): FieldSelectorModel {
  const read = advancedEventSelectorsField([{ fieldSelectors: [entry] }] as never);
  if (read.state !== "known" || read.value[0].fieldSelectors.state !== "known") throw new Error("unreadable");
  return read.value[0].fieldSelectors.value[0];
}

describe("reading", () => {
  it("applies the documented defaults to a basic selector", () => {
    expect(eventSelectorsField([{}])).toEqual(
      known([
        {
          readWriteType: known("All"),
          includeManagementEvents: known(true),
          excludeManagementEventSources: { state: "absent" },
        },
      ]),
    );
  });
  it("reads deployed-state empties ([]) as no selectors", () => {
    expect(eventSelectorsField([]).state).toBe("absent");
    expect(advancedEventSelectorsField([]).state).toBe("absent");
  });
  it("keeps unknowns unknown", () => {
    expect(eventSelectorsField(unknownValue.array).state).toBe("unknown");
    expect(eventSelectorsField([unknownValue.object]).state).toBe("unknown");
    expect(eventSelectorsField([{ readWriteType: unknownValue.string }])).toEqual(
      known([expect.objectContaining({ readWriteType: { state: "unknown" } })]),
    );
  });
  it("reads classic plural operator names and native singular ones alike", () => {
    const classic = fieldSelector({ field: "eventName", startsWiths: ["Create"], notEndsWiths: ["Trail"] });
    const native = fieldSelector({ field: "eventName", startsWith: ["Create"], notEndsWith: ["Trail"] });
    expect(classic).toEqual(native);
    expect(classic.operators.startsWith).toEqual(known([known("Create")]));
    expect(classic.operators.equals.state).toBe("absent");
  });
  it("reads a null operator (an unset value) as not given, and takes the classic plural name instead", () => {
    const classic = fieldSelector({ field: "eventName", startsWiths: ["Create"] });
    expect(fieldSelector({ field: "eventName", startsWith: null, startsWiths: ["Create"] })).toEqual(classic);
  });
});

describe("three-valued logic", () => {
  it.each([
    [["yes", "yes"], "yes", "yes"],
    [["yes", "maybe"], "maybe", "yes"],
    [["no", "maybe"], "no", "maybe"],
    [["no", "no"], "no", "no"],
    [[], "yes", "no"],
  ] as const)("%j: all %s, any %s", (answers, all, any) => {
    expect(allOf(answers)).toBe(all);
    expect(anyOf(answers)).toBe(any);
  });
});

/**
 * Operators as the CloudTrail API reference defines them (AdvancedFieldSelector,
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html): `Equals`,
 * `StartsWith`, `EndsWith` include events whose field matches the exact value, first or last characters of one listed
 * value; `NotEquals`, `NotStartsWith`, `NotEndsWith` exclude them.
 */
describe("a field selector", () => {
  it.each([
    [{ field: "eventCategory", equals: ["Management"] }, "yes"],
    [{ field: "eventCategory", equals: ["Data"] }, "no"],
    [{ field: "readOnly", equals: ["true"] }, "no"],
    [{ field: "readOnly", equals: ["false"] }, "yes"],
    [{ field: "eventSource", notEquals: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] }, "yes"],
    [{ field: "eventSource", notEquals: ["cloudtrail.amazonaws.com"] }, "no"],
    [{ field: "eventName", startsWith: ["Create", "Delete"] }, "yes"],
    [{ field: "eventName", endsWith: ["Logging"] }, "no"],
    [{ field: "eventName", endsWith: ["Trail"] }, "yes"],
    [{ field: "eventName", notStartsWith: ["Cre"] }, "no"],
    [{ field: "eventName", notEndsWith: ["Logging"] }, "yes"],
    [{ field: "eventName", notEndsWith: ["Trail"] }, "no"],
    [{ field: "eventName", equals: ["CreateTrail"], notEquals: ["CreateTrail"] }, "no"],
    [{ field: "eventCategory", equals: [unknownValue.string] }, "maybe"],
    [{ field: "eventCategory", equals: [unknownValue.string, "Management"] }, "yes"],
    [{ field: "eventSource", notEquals: [unknownValue.string] }, "maybe"],
    [{ field: "eventCategory", equals: unknownValue.array }, "maybe"],
    [{ field: "userIdentity.arn", startsWith: ["arn:aws:iam::123456789012:role/ci"] }, "maybe"],
    [{ field: unknownValue.string, equals: ["x"] }, "maybe"],
    [{ field: "eventCategory" }, "yes"],
  ])("%j lets CreateTrail through: %s", (entry, answer) => {
    expect(fieldSelectorAllows(fieldSelector(entry), createTrail)).toBe(answer);
  });
});

describe("a trail records CreateTrail", () => {
  const management = (...extra: object[]) => ({
    fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, ...extra],
  });
  const s3 = {
    fieldSelectors: [
      { field: "eventCategory", equals: ["Data"] },
      { field: "resources.type", equals: ["AWS::S3::Object"] },
    ],
  };
  it.each([
    ["no selectors (the default: every management event)", {}, "yes"],
    ["deployed empties", { eventSelectors: [], advancedEventSelectors: [] }, "yes"],
    ["basic, defaults", { eventSelectors: [{}] }, "yes"],
    ["basic WriteOnly", { eventSelectors: [{ readWriteType: "WriteOnly" }] }, "yes"],
    ["basic ReadOnly", { eventSelectors: [{ readWriteType: "ReadOnly" }] }, "no"],
    ["basic without management events", { eventSelectors: [{ includeManagementEvents: false }] }, "no"],
    ["basic excluding kms", { eventSelectors: [{ excludeManagementEventSources: ["kms.amazonaws.com"] }] }, "yes"],
    [
      "basic excluding cloudtrail",
      { eventSelectors: [{ excludeManagementEventSources: ["cloudtrail.amazonaws.com"] }] },
      "no",
    ],
    [
      "basic ReadOnly or WriteOnly",
      { eventSelectors: [{ readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }] },
      "yes",
    ],
    ["basic readWriteType unknown", { eventSelectors: [{ readWriteType: unknownValue.string }] }, "maybe"],
    [
      "basic includeManagementEvents unknown",
      { eventSelectors: [{ includeManagementEvents: unknownValue.bool }] },
      "maybe",
    ],
    ["basic unknown", { eventSelectors: unknownValue.array }, "maybe"],
    [
      "basic excludeManagementEventSources unknown",
      { eventSelectors: [{ excludeManagementEventSources: unknownValue.array }] },
      "maybe",
    ],
    // EventSelector (CloudTrail API reference): ReadWriteType is one of ReadOnly, WriteOnly, All, case included.
    // Another value never deploys, so what it would record is not read either way.
    ["basic readWriteType that CloudTrail does not accept", { eventSelectors: [{ readWriteType: "all" }] }, "maybe"],
    ["advanced S3 only", { advancedEventSelectors: [s3] }, "no"],
    ["advanced S3 and management", { advancedEventSelectors: [s3, management()] }, "yes"],
    [
      "advanced management read-only",
      { advancedEventSelectors: [management({ field: "readOnly", equals: ["true"] })] },
      "no",
    ],
    [
      "advanced replaces basic",
      { eventSelectors: [{ readWriteType: "ReadOnly" }], advancedEventSelectors: [management()] },
      "yes",
    ],
    ["advanced replaces basic (the other way)", { eventSelectors: [{}], advancedEventSelectors: [s3] }, "no"],
    ["advanced unknown", { eventSelectors: [{}], advancedEventSelectors: unknownValue.array }, "maybe"],
    ["advanced selector without field selectors", { advancedEventSelectors: [{ name: "all" }] }, "yes"],
    [
      "advanced selector whose field selectors are unknown",
      { advancedEventSelectors: [{ name: "m", fieldSelectors: unknownValue.array }] },
      "maybe",
    ],
  ])("%s: %s", (_name, props, answer) => {
    expect(trailRecords(trail(props), createTrail)).toBe(answer);
  });
  it("judges read calls by readOnly too", () => {
    expect(trailRecords(trail({ eventSelectors: [{ readWriteType: "ReadOnly" }] }), describeTrails)).toBe("yes");
    expect(trailRecords(trail({ eventSelectors: [{ readWriteType: "WriteOnly" }] }), describeTrails)).toBe("no");
  });
  it("judges an event of a service not named: excluding a service's events may or may not leave it out", () => {
    // EventSelector (CloudTrail API reference): ExcludeManagementEventSources leaves out the management events of
    // the sources listed (kms.amazonaws.com, rdsdata.amazonaws.com); by default it is empty and nothing is left out.
    const anyService = { eventCategory: "Management", readOnly: "false", eventType: "AwsApiCall" };
    expect(trailRecords(trail({ eventSelectors: [{}] }), anyService)).toBe("yes");
    const withoutKms = trail({ eventSelectors: [{ excludeManagementEventSources: ["kms.amazonaws.com"] }] });
    expect(trailRecords(withoutKms, anyService)).toBe("maybe");
  });
});

/**
 * Whether every part of a trail's selectors is known at preview: when it is, a "maybe" can only come from a field
 * that depends on the call (a trail selecting by caller records the events of some callers); when it is not, the
 * trail is never counted as recording them (the check reports it as not verifiable).
 */
describe("selectors known at preview", () => {
  const management = { field: "eventCategory", equals: ["Management"] };
  it.each([
    ["no selectors", true, {}],
    ["basic selectors, all known", true, { eventSelectors: [{ readWriteType: "WriteOnly" }, {}] }],
    [
      "basic selectors excluding known sources",
      true,
      { eventSelectors: [{ excludeManagementEventSources: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] }] },
    ],
    ["basic selectors unknown", false, { eventSelectors: unknownValue.array }],
    ["a basic readWriteType unknown", false, { eventSelectors: [{}, { readWriteType: unknownValue.string }] }],
    [
      "a basic includeManagementEvents unknown",
      false,
      { eventSelectors: [{}, { includeManagementEvents: unknownValue.bool }] },
    ],
    [
      "a basic excludeManagementEventSources unknown",
      false,
      { eventSelectors: [{}, { excludeManagementEventSources: unknownValue.array }] },
    ],
    [
      "one excluded source unknown",
      false,
      { eventSelectors: [{ excludeManagementEventSources: ["kms.amazonaws.com", unknownValue.string] }] },
    ],
    [
      "advanced selectors by caller, all known",
      true,
      {
        advancedEventSelectors: [
          { name: "s3", fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }] },
          {
            name: "ci",
            fieldSelectors: [management, { field: "userIdentity.arn", notStartsWith: ["arn:aws:iam::123456789012:"] }],
          },
        ],
      },
    ],
    ["an advanced selector without field selectors", true, { advancedEventSelectors: [{ name: "all" }] }],
    ["advanced selectors unknown", false, { advancedEventSelectors: unknownValue.array }],
    [
      "advanced selectors unknown over known basic ones",
      false,
      { eventSelectors: [{}], advancedEventSelectors: unknownValue.array },
    ],
    [
      "an advanced selector's field selectors unknown",
      false,
      { advancedEventSelectors: [{ name: "m", fieldSelectors: unknownValue.array }] },
    ],
    [
      "a field selector's field unknown",
      false,
      { advancedEventSelectors: [{ fieldSelectors: [management, { field: unknownValue.string, equals: ["x"] }] }] },
    ],
    [
      "an operator's values unknown",
      false,
      {
        advancedEventSelectors: [
          { fieldSelectors: [management, { field: "eventSource", notEquals: unknownValue.array }] },
        ],
      },
    ],
    [
      "one of an operator's values unknown",
      false,
      {
        advancedEventSelectors: [
          { fieldSelectors: [{ field: "eventCategory", equals: ["Management", unknownValue.string] }] },
        ],
      },
    ],
  ] as const)("%s: %s", (_name, isKnown, props) => {
    expect(selectorsKnown(trail(props))).toBe(isKnown);
  });
});
