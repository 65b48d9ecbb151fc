import { spawnSync } from "child_process";
import * as path from "path";
import { parseArguments, testMetricFilter } from "../../tools/test-metric-filter";

/** Runs the compiled command (`npx tsc -p tsconfig.json` emits bin/tools/test-metric-filter.js). */
function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = path.join(__dirname, "..", "..", "bin", "tools", "test-metric-filter.js");
  const result = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STOP = '{"eventVersion":"1.09","eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging"}';
const READ = '{"eventVersion":"1.09","eventSource":"cloudtrail.amazonaws.com","eventName":"GetTrail"}';

describe("test-metric-filter command", () => {
  test("prints the AWS CLI's JSON with 4-space indentation and 1-based event numbers", () => {
    const result = run("--filter-pattern", "{ $.eventName = StopLogging }", "--log-event-messages", READ, STOP);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const expected = [
      "{",
      '    "matches": [',
      "        {",
      '            "eventNumber": 2,',
      `            "eventMessage": ${JSON.stringify(STOP)},`,
      '            "extractedValues": {}',
      "        }",
      "    ]",
      "}",
      "",
    ].join("\n");
    expect(result.stdout).toBe(expected);
  });

  test("no match prints an empty list", () => {
    const result = run("--filter-pattern", "{ $.eventName = CreateTrail }", "--log-event-messages", READ);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ matches: [] });
  });

  test("space-delimited patterns extract named and numbered values", () => {
    const result = run(
      "--filter-pattern",
      "[ip, user, status=4*]",
      "--log-event-messages",
      "192.0.2.1 bob 404",
      "192.0.2.1 bob 200",
    );
    expect(JSON.parse(result.stdout)).toEqual({
      matches: [
        {
          eventNumber: 1,
          eventMessage: "192.0.2.1 bob 404",
          extractedValues: { $ip: "192.0.2.1", $user: "bob", $status: "404" },
        },
      ],
    });
  });

  test("an invalid pattern: the reason on stderr, exit 254, nothing on stdout", () => {
    const result = run("--filter-pattern", "{ $.eventName = 'StopLogging' }", "--log-event-messages", STOP);
    expect(result.status).toBe(254);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Invalid metric filter pattern/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("an indeterminate event is named on stderr and not counted", () => {
    const result = run("--filter-pattern", "{ $.eventName = Stop*ing }", "--log-event-messages", STOP);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ matches: [] });
    expect(result.stderr).toMatch(/^event 1: indeterminate, not counted as a match: .*\* in the middle/);
  });

  test.each([
    [["--log-event-messages", STOP], "--filter-pattern"],
    [["--filter-pattern", "x"], "--log-event-messages"],
    [["--filter-pattern", "x", "--log-event-messages"], "at least one message"],
    [["--filter-pattern", "x", "--log-event-messages", "m", "--bogus"], "unknown argument: --bogus"],
  ])("bad usage %j exits 2 with usage on stderr", (args, expected) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(expected);
    expect(result.stderr).toContain("usage: test-metric-filter");
  });

  test("--help prints usage and exits 0", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--filter-pattern <pattern>");
  });
});

describe("testMetricFilter and parseArguments (pure)", () => {
  test("the empty pattern matches every event", () => {
    const result = testMetricFilter("", ["a", "b"]);
    expect(result.ok && result.response.matches.map((m) => m.eventNumber)).toEqual([1, 2]);
  });

  test("more than 50 messages is a validation error", () => {
    const result = testMetricFilter("x", new Array<string>(51).fill("x"));
    expect(result.ok).toBe(false);
  });

  test("an empty message is a validation error", () => {
    const result = testMetricFilter("x", ["x", ""]);
    expect(!result.ok && result.message).toContain("logEventMessages.2.member");
  });

  test("flags in either order and with =", () => {
    expect(parseArguments(["--log-event-messages", "a", "b", "--filter-pattern=x"])).toEqual({
      kind: "run",
      filterPattern: "x",
      logEventMessages: ["a", "b"],
    });
    expect(parseArguments(["--filter-pattern", "", "--log-event-messages", "a"])).toEqual({
      kind: "run",
      filterPattern: "",
      logEventMessages: ["a"],
    });
  });
});
