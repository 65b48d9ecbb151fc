/**
 * The engine agrees with every example in AWS's filter-pattern documentation (the table and its sources are in
 * aws-doc-examples.ts): each documented event matches or not as the page says, never "indeterminate", and the
 * extracted values are the ones the page shows.
 */
import { matchFilterPattern, parseFilterPattern, printFilterPattern } from "../../lib/filter-pattern";
import { DOC_EXAMPLES, DOC_PATTERNS_WITHOUT_EVENTS, type DocEvent, type DocExample } from "./aws-doc-examples";
import { sameTree } from "./corpus";

type Row = [pattern: string, message: string, example: DocExample, event: DocEvent];
const rows = DOC_EXAMPLES.flatMap((example) =>
  example.events.map((event): Row => [example.pattern, event.message, example, event]),
);

describe("every documented example event", () => {
  test.each(rows)("%s on %j", (_pattern, _message, example, event) => {
    const result = matchFilterPattern(example.pattern, event.message);
    if (!result.ok) throw new Error(`${example.source}: ${result.error.message}`);
    expect({ source: example.source, outcome: result.outcome }).toEqual({
      source: example.source,
      outcome: event.matches ? "match" : "noMatch",
    });
    if (result.outcome !== "match") return;
    if (event.extracted) expect(result.extractedValues ?? {}).toEqual(event.extracted);
    if (event.extractedIncludes) expect(result.extractedValues).toMatchObject(event.extractedIncludes);
  });
});

describe("every documented pattern prints back to itself", () => {
  const accepted = [...DOC_EXAMPLES, ...DOC_PATTERNS_WITHOUT_EVENTS.filter((entry) => entry.accepted)];
  // %j: the empty pattern would give a name ending in a blank, which Stryker's jest runner does not match with its
  // coverage.
  test.each(accepted.map((entry) => [entry.pattern]))("%j", (pattern) => {
    const parsed = parseFilterPattern(pattern);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const reparsed = parseFilterPattern(printFilterPattern(parsed.pattern));
    expect(reparsed.ok && sameTree(reparsed.pattern, parsed.pattern)).toBe(true);
  });
});

describe("documented patterns shown without events", () => {
  test.each(DOC_PATTERNS_WITHOUT_EVENTS.map((entry) => [entry.pattern, entry]))("%j", (_pattern, entry) => {
    expect(parseFilterPattern(entry.pattern).ok).toBe(entry.accepted);
  });
});

test("the table holds the documentation's examples", () => {
  // One row per example; the count guards against rows lost in an edit.
  expect(DOC_EXAMPLES.length).toBe(94);
  expect(new Set(DOC_EXAMPLES.map((example) => `${example.source} ${example.pattern}`)).size).toBe(DOC_EXAMPLES.length);
});
