/**
 * The message catalogue (policies/messages.ts) and the findings the policies make of it: every id is defined once,
 * every template is well formed, and every finding the four policies report on the stacks of the case tables names
 * a template that exists and carries exactly the data its template prints (nothing missing, which would print
 * `{{key}}`; nothing unused, which a table row could assert while the user never sees it).
 */
import type { Datum, Finding, MessageData } from "../../lib/findings/message";
import { renderFinding, templateKeys } from "../../lib/findings/render";
import { definitions } from "../../policies";
import { messageCatalogue, messageSources } from "../../policies/messages";
import { runRow, type PolicyCases } from "../helpers/policy-tester";
import { alarmCases } from "../policies/cases/alarm.cases";
import {
  alarmApplicabilityCases,
  logsApplicabilityCases,
  metricFilterApplicabilityCases,
  snsApplicabilityCases,
} from "../policies/cases/applicability.cases";
import { auditTrailCases } from "../policies/cases/audit-trail.cases";
import { filterVisibilityCases } from "../policies/cases/filter-visibility.cases";
import { logsToCloudWatchCases } from "../policies/cases/logs-to-cloudwatch.cases";
import { metricFilterCases } from "../policies/cases/metric-filter.cases";
import { metricSeriesCases } from "../policies/cases/metric-series.cases";
import { notificationRoutingCases } from "../policies/cases/notification-routing.cases";
import { snsCases } from "../policies/cases/sns.cases";
import { topicDeliveryCases } from "../policies/cases/topic-delivery.cases";
import { monitoredCases } from "../policies/cases/control-monitored.cases";
import { allControls } from "../../lib/controls";
import { monitoredDefinition } from "../../policies/control-monitored";

const tables: Readonly<Record<string, PolicyCases>> = {
  "logs-to-cloudwatch": logsToCloudWatchCases,
  "audit-trail": auditTrailCases,
  "metric-filter": metricFilterCases,
  "filter-visibility": filterVisibilityCases,
  alarm: alarmCases,
  "metric-series": metricSeriesCases,
  sns: snsCases,
  "topic-delivery": topicDeliveryCases,
  "notification-routing": notificationRoutingCases,
  "logs-applicability": logsApplicabilityCases,
  "metric-filter-applicability": metricFilterApplicabilityCases,
  "alarm-applicability": alarmApplicabilityCases,
  "sns-applicability": snsApplicabilityCases,
};

/**
 * Ids no stack of the tables makes any policy report, and why. Those with placeholders have their data asserted
 * where they are reached; the others print fixed words.
 */
const notReachedByTables: Readonly<Record<string, string>> = {
  internalError: "only a failing check reports it: test/policies/rendering.test.ts makes one fail on purpose",
  patternIndeterminate:
    "no pattern of the tables is indeterminate to the real engine: test/policies/coverage-verdicts.test.ts",
  // Required inputs of `aws.cloudwatch.LogMetricFilter` (@pulumi/aws 7 LogMetricFilterArgs: `pattern`,
  // `metricTransformation` and its `value`): a program without them does not get as far as the policies.
  noPattern: "`pattern` is a required input",
  noTransformation: "`metricTransformation` is a required input",
  nothing: "`metricTransformation.value` is a required input",
  // Pulumi auto-names resources, so an alarm's `name` is set unless it is unknown.
  alarmNameNotSet: "an alarm's `name` is always set (auto-naming)",
  // A filter whose log group can't be resolved is reported as possibly on each group (`possibleFilters`), without
  // saying why; `logGroupName` is also a required input.
  logGroupNameNotSet: "a filter's unresolved log group is never explained in a finding",
  // Words printed in place of a secret stack value (`stackText(..., whenSecret)`), never a message id of their own;
  // and the policy SDK hands resources over with secrets unwrapped into plain values, so no table stack is secret.
  secretKeyPolicy: "printed instead of a secret key policy's reason, never a message of its own",
  secretSchedule: "printed instead of a secret mute schedule, never a message of its own",
  secretRule: "printed instead of a secret composite rule's reason, never a message of its own",
};
const placeholdersAssertedElsewhere = ["internalError", "patternIndeterminate"];

/** Problems with one message (and its nested ones): unknown id, keys its template names but the data lacks, extras. */
function messageProblems(id: string, data: MessageData, where: string, reached: Set<string>): string[] {
  reached.add(id);
  if (!Object.prototype.hasOwnProperty.call(messageCatalogue, id)) return [`${where}: no template "${id}"`];
  const keys = new Set(templateKeys(messageCatalogue[id]));
  const problems = [
    ...[...keys].filter((key) => !(key in data)).map((key) => `${where}: "${id}" lacks {{${key}}}`),
    ...Object.keys(data)
      .filter((key) => !keys.has(key))
      .map((key) => `${where}: "${id}" carries "${key}", which its template never prints`),
  ];
  const visit = (datum: Datum): void => {
    if (typeof datum !== "object" || datum.kind === "stack") return;
    if (datum.kind === "list") datum.items.forEach(visit);
    else problems.push(...messageProblems(datum.id, datum.data, where, reached));
  };
  Object.values(data).forEach(visit);
  return problems;
}

/** Every policy on every row (valid and invalid) of every table, with where each finding comes from. */
function everyFinding(): { readonly where: string; readonly found: Finding }[] {
  const all: { where: string; found: Finding }[] = [];
  for (const [table, cases] of Object.entries(tables)) {
    for (const row of [...cases.valid, ...cases.invalid]) {
      for (const definition of definitions) {
        for (const found of runRow(definition, row))
          all.push({ where: `${definition.name} on ${table} "${row.name}"`, found });
      }
    }
  }
  // The fourteen other controls' chain policies, each on its own table.
  for (const control of allControls.filter((candidate) => candidate.id !== "cloudtrail-changes")) {
    const definition = monitoredDefinition(control);
    const cases = monitoredCases(control.id);
    for (const row of [...cases.valid, ...cases.invalid]) {
      for (const found of runRow(definition, row, control))
        all.push({ where: `${definition.name} on "${row.name}"`, found });
    }
  }
  return all;
}

describe("the message catalogue", () => {
  it("defines each id in one source only", () => {
    const sourcesById = new Map<string, string[]>();
    for (const [source, templates] of Object.entries(messageSources)) {
      for (const id of Object.keys(templates)) sourcesById.set(id, [...(sourcesById.get(id) ?? []), source]);
    }
    const twice = [...sourcesById]
      .filter(([, sources]) => sources.length > 1)
      .map(([id, sources]) => `${id}: ${sources.join(", ")}`);
    expect(twice).toEqual([]);
    expect(Object.keys(messageCatalogue).sort()).toEqual([...sourcesById.keys()].sort());
  });

  it("writes placeholders only as {{key}} or {{key|lowerFirst}}", () => {
    const malformed = Object.entries(messageCatalogue)
      .filter(([, template]) => /\{\{|\}\}/.test(template.replace(/\{\{\w+(\|lowerFirst)?\}\}/g, "")))
      .map(([id]) => id);
    expect(malformed).toEqual([]);
  });
});

describe("the findings of the case tables", () => {
  const all = everyFinding();
  const reached = new Set<string>();
  const problems = all.flatMap(({ where, found }) => messageProblems(found.messageId, found.data, where, reached));

  it("are at least one per invalid row (the rows do reach the policies)", () => {
    const invalidRows = Object.values(tables).reduce((count, cases) => count + cases.invalid.length, 0);
    expect(all.length).toBeGreaterThanOrEqual(invalidRows);
  });

  it("name templates that exist, with exactly the data each template prints", () => {
    expect(problems).toEqual([]);
  });

  it("render with no placeholder left and no missing template", () => {
    const unfilled = all
      .map(({ where, found }) => ({ where, text: renderFinding(found, messageCatalogue) }))
      .filter(({ text }) => text.includes("{{") || text.includes("[message "))
      .map(({ where, text }) => `${where}: ${text}`);
    expect(unfilled).toEqual([]);
  });

  it("reach every template but the listed ones, and none of those", () => {
    const unreached = Object.keys(messageCatalogue).filter((id) => !reached.has(id));
    expect(unreached.sort()).toEqual(Object.keys(notReachedByTables).sort());
  });

  it("leave unreached only templates without placeholders, or ones whose data other tests assert", () => {
    const withPlaceholders = Object.keys(notReachedByTables).filter(
      (id) => templateKeys(messageCatalogue[id]).length > 0,
    );
    expect(withPlaceholders.sort()).toEqual([...placeholdersAssertedElsewhere].sort());
  });
});
