/**
 * `test-metric-filter` answers every example in AWS's filter-pattern documentation as the documentation does
 * (the table and its sources are in test/filter-pattern/aws-doc-examples.ts): the AWS CLI's JSON lists exactly the
 * events the page says match, with the extracted values the page shows, and no event is left undecided.
 *
 * Events are numbered from 1, as the AWS CLI example shows (events 1 and 2 of three match `ERROR`); the API
 * reference's examples number them from 0.
 *
 * Each example runs the command's entry point in-process (the same argv parsing and JSON printing as the CLI);
 * one runs the compiled command as a child process, so that both are seen to agree.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { runTestMetricFilter } from "../../tools/test-metric-filter";
import { DOC_EXAMPLES, DOC_PATTERNS_WITHOUT_EVENTS, type DocExample } from "../filter-pattern/aws-doc-examples";

interface MatchRecord {
  readonly eventNumber: number;
  readonly eventMessage: string;
  readonly extractedValues: Record<string, string>;
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function argv(pattern: string, messages: readonly string[]): string[] {
  return ["--filter-pattern", pattern, "--log-event-messages", ...messages];
}

/** The command's entry point, in-process. */
function run(pattern: string, messages: readonly string[]): Run {
  let stdout = "";
  let stderr = "";
  const status = runTestMetricFilter(argv(pattern, messages), {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

/** The compiled command (`npx tsc -p tsconfig.json` emits bin/tools/test-metric-filter.js). */
function spawnCompiled(pattern: string, messages: readonly string[]): Run {
  const script = path.join(__dirname, "..", "..", "bin", "tools", "test-metric-filter.js");
  const result = spawnSync(process.execPath, [script, ...argv(pattern, messages)], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Checks the command's answer against what the page says about each event. */
function expectAsDocumented(example: DocExample, result: Run): void {
  expect({ source: example.source, status: result.status, stderr: result.stderr }).toEqual({
    source: example.source,
    status: 0,
    stderr: "",
  });
  const matches = (JSON.parse(result.stdout) as { matches: MatchRecord[] }).matches;
  const expected = example.events.flatMap((event, index) =>
    event.matches ? [{ eventNumber: index + 1, eventMessage: event.message }] : [],
  );
  expect(matches.map(({ eventNumber, eventMessage }) => ({ eventNumber, eventMessage }))).toEqual(expected);
  for (const match of matches) {
    const event = example.events[match.eventNumber - 1];
    if (event?.extracted) expect(match.extractedValues).toEqual(event.extracted);
    if (event?.extractedIncludes) expect(match.extractedValues).toMatchObject(event.extractedIncludes);
  }
}

const messagesOf = (example: DocExample): string[] => example.events.map((event) => event.message);

describe("test-metric-filter on every documented example", () => {
  test.each(DOC_EXAMPLES.map((example) => [example.pattern, example]))("%s", (_pattern, example) => {
    expectAsDocumented(example, run(example.pattern, messagesOf(example)));
  });

  test("the compiled command answers the guide's [w1=ERROR, w2] example the same way", () => {
    const example = DOC_EXAMPLES.find((candidate) => candidate.pattern === "[w1=ERROR, w2]");
    if (!example) throw new Error("the guide's [w1=ERROR, w2] example is missing from the table");
    expectAsDocumented(example, spawnCompiled(example.pattern, messagesOf(example)));
  });
});

test("a documented invalid pattern is refused as the AWS CLI reports a service error", () => {
  const rejected = DOC_PATTERNS_WITHOUT_EVENTS.filter((entry) => !entry.accepted);
  expect(rejected.length).toBeGreaterThan(0);
  for (const entry of rejected) {
    const result = run(entry.pattern, ["x"]);
    expect({ pattern: entry.pattern, status: result.status, stdout: result.stdout }).toEqual({
      pattern: entry.pattern,
      status: 254,
      stdout: "",
    });
    expect(result.stderr).toMatch(/^Invalid metric filter pattern/);
  }
});
