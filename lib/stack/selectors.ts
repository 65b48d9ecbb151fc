/**
 * A trail's event selectors: reading them (both providers) and asking whether the trail records one event.
 *
 * CloudTrail records an event when it matches ANY of the trail's selectors. With no selectors at all, a trail
 * records every management event (read and write). Advanced selectors, when set, replace the basic ones. In an
 * advanced selector, every field selector must let the event through; in a field selector, every operator given
 * must hold: `equals` / `startsWith` / `endsWith` include the event when one listed value matches, and
 * `notEquals` / `notStartsWith` / `notEndsWith` exclude it when one does.
 *
 * Answers are three-valued: a selector unknown at preview, or a field whose value for the event can't be known
 * here (`userIdentity.arn`, say), gives "maybe".
 */
import {
  fieldSelectorOperators,
  type AdvancedEventSelectorModel,
  type EventSelectorModel,
  type FieldSelectorModel,
  type FieldSelectorOperator,
  type TrailModel,
} from "./model";
import {
  booleanWithDefault,
  objectListField,
  stringField,
  stringListField,
  stringWithDefault,
  type Field,
  type PlainValue,
} from "./read";

// ---------------------------------------------------------------------------------------------- reading

/**
 * A trail's basic `eventSelectors` (classic and native use the same names), with the documented defaults:
 * `readWriteType` "All", `includeManagementEvents` true.
 */
export function eventSelectorsField(value: PlainValue | undefined): Field<readonly EventSelectorModel[]> {
  return objectListField(value, (entry) => ({
    readWriteType: stringWithDefault(entry.readWriteType, "All"),
    includeManagementEvents: booleanWithDefault(entry.includeManagementEvents, true),
    excludeManagementEventSources: stringListField(entry.excludeManagementEventSources),
  }));
}

/** One operator's values: classic names most list operators in the plural (`startsWiths`), native does not. */
function operatorValues(
  entry: { readonly [key: string]: PlainValue },
  operator: FieldSelectorOperator,
): Field<readonly Field<string>[]> {
  const singular = entry[operator];
  return stringListField(singular !== undefined && singular !== null ? singular : entry[`${operator}s`]);
}

function fieldSelector(entry: { readonly [key: string]: PlainValue }): FieldSelectorModel {
  const operators = {} as Record<FieldSelectorOperator, Field<readonly Field<string>[]>>;
  for (const operator of fieldSelectorOperators) operators[operator] = operatorValues(entry, operator);
  return { field: stringField(entry.field), operators };
}

/** A trail's `advancedEventSelectors` (`[{name, fieldSelectors: [{field, equals, ...}]}]`). */
export function advancedEventSelectorsField(
  value: PlainValue | undefined,
): Field<readonly AdvancedEventSelectorModel[]> {
  return objectListField(value, (entry) => ({
    name: stringField(entry.name),
    fieldSelectors: objectListField(entry.fieldSelectors, fieldSelector),
  }));
}

// ---------------------------------------------------------------------------------------------- judging

/** An event as selectors see it: record field -> value (`readOnly` as "true"/"false"). */
export type EventFacts = Readonly<Record<string, string>>;

export type Answer = "yes" | "no" | "maybe";

/** Three-valued AND. */
export function allOf(answers: Iterable<Answer>): Answer {
  let result: Answer = "yes";
  for (const answer of answers) {
    if (answer === "no") return "no";
    if (answer === "maybe") result = "maybe";
  }
  return result;
}

/** Three-valued OR. */
export function anyOf(answers: Iterable<Answer>): Answer {
  let result: Answer = "no";
  for (const answer of answers) {
    if (answer === "yes") return "yes";
    if (answer === "maybe") result = "maybe";
  }
  return result;
}

const operatorTests: Readonly<
  Record<
    FieldSelectorOperator,
    { readonly include: boolean; readonly test: (value: string, listed: string) => boolean }
  >
> = {
  equals: { include: true, test: (value, listed) => value === listed },
  startsWith: { include: true, test: (value, listed) => value.startsWith(listed) },
  endsWith: { include: true, test: (value, listed) => value.endsWith(listed) },
  notEquals: { include: false, test: (value, listed) => value === listed },
  notStartsWith: { include: false, test: (value, listed) => value.startsWith(listed) },
  notEndsWith: { include: false, test: (value, listed) => value.endsWith(listed) },
};

/** Whether one listed value of the operator matches `value` (maybe: an unknown listed value). */
function someListedMatches(values: readonly Field<string>[], test: (listed: string) => boolean): Answer {
  return anyOf(
    values.map((listed): Answer =>
      listed.state === "unknown" ? "maybe" : listed.state === "known" && test(listed.value) ? "yes" : "no",
    ),
  );
}

/** Whether one operator lets the value through. */
function operatorAllows(
  operator: FieldSelectorOperator,
  values: Field<readonly Field<string>[]>,
  value: string,
): Answer {
  if (values.state === "absent") return "yes";
  if (values.state === "unknown") return "maybe";
  const { include, test } = operatorTests[operator];
  const matched = someListedMatches(values.value, (listed) => test(value, listed));
  if (include) return matched;
  return matched === "yes" ? "no" : matched === "no" ? "yes" : "maybe";
}

/** Whether a field selector lets the event through. A field whose value is not among the facts gives "maybe". */
export function fieldSelectorAllows(selector: FieldSelectorModel, event: EventFacts): Answer {
  if (selector.field.state !== "known") return "maybe";
  const value = Object.prototype.hasOwnProperty.call(event, selector.field.value)
    ? event[selector.field.value]
    : undefined;
  if (value === undefined) return "maybe";
  return allOf(fieldSelectorOperators.map((operator) => operatorAllows(operator, selector.operators[operator], value)));
}

/** Whether an advanced selector selects the event (every field selector lets it through). */
export function advancedSelectorSelects(selector: AdvancedEventSelectorModel, event: EventFacts): Answer {
  if (selector.fieldSelectors.state === "unknown") return "maybe";
  if (selector.fieldSelectors.state === "absent") return "yes";
  return allOf(selector.fieldSelectors.value.map((field) => fieldSelectorAllows(field, event)));
}

/** Whether a basic selector records the management event (`readOnly` and `eventSource` facts). */
export function basicSelectorRecords(selector: EventSelectorModel, event: EventFacts): Answer {
  const include = selector.includeManagementEvents;
  const includes: Answer =
    include.state === "unknown" ? "maybe" : include.state === "known" && !include.value ? "no" : "yes";
  const type = selector.readWriteType;
  const readOnly = event.readOnly === "true";
  const readWrite: Answer =
    type.state !== "known"
      ? "maybe"
      : type.value === "All" || type.value === (readOnly ? "ReadOnly" : "WriteOnly")
        ? "yes"
        : type.value === "ReadOnly" || type.value === "WriteOnly"
          ? "no"
          : "maybe";
  const excluded = selector.excludeManagementEventSources;
  const source = event.eventSource;
  const notExcluded: Answer =
    excluded.state === "absent"
      ? "yes"
      : excluded.state === "unknown" || source === undefined
        ? "maybe"
        : operatorAllows("notEquals", excluded, source);
  return allOf([includes, readWrite, notExcluded]);
}

/** Whether the trail records a management event with these facts. */
export function trailRecords(
  trail: Pick<TrailModel, "eventSelectors" | "advancedEventSelectors">,
  event: EventFacts,
): Answer {
  const advanced = trail.advancedEventSelectors;
  if (advanced.state === "unknown") return "maybe";
  if (advanced.state === "known")
    return anyOf(advanced.value.map((selector) => advancedSelectorSelects(selector, event)));
  const basic = trail.eventSelectors;
  if (basic.state === "unknown") return "maybe";
  if (basic.state === "absent") return "yes";
  return anyOf(basic.value.map((selector) => basicSelectorRecords(selector, event)));
}

/** Whether a list of selector values holds nothing unknown at preview. */
function valuesKnown(values: Field<readonly Field<string>[]>): boolean {
  return (
    values.state !== "unknown" && (values.state !== "known" || values.value.every((value) => value.state !== "unknown"))
  );
}

/**
 * Whether every part of the trail's selectors is known. A "maybe" from `trailRecords` over known selectors comes
 * from a field that depends on the call (the caller's ARN, say), not from the preview.
 */
export function selectorsKnown(trail: Pick<TrailModel, "eventSelectors" | "advancedEventSelectors">): boolean {
  const advanced = trail.advancedEventSelectors;
  if (advanced.state === "unknown") return false;
  if (advanced.state === "known") {
    return advanced.value.every(
      (selector) =>
        selector.fieldSelectors.state !== "unknown" &&
        (selector.fieldSelectors.state !== "known" ||
          selector.fieldSelectors.value.every(
            (field) =>
              field.field.state !== "unknown" &&
              fieldSelectorOperators.every((operator) => valuesKnown(field.operators[operator])),
          )),
    );
  }
  const basic = trail.eventSelectors;
  if (basic.state === "unknown") return false;
  return (
    basic.state !== "known" ||
    basic.value.every(
      (selector) =>
        selector.readWriteType.state !== "unknown" &&
        selector.includeManagementEvents.state !== "unknown" &&
        valuesKnown(selector.excludeManagementEventSources),
    )
  );
}
