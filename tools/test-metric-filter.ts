/**
 * `test-metric-filter`: an offline `aws logs test-metric-filter`. Evaluates a filter pattern against log-event
 * messages with this project's engine and prints the AWS CLI's JSON response (4-space indentation).
 *
 *   npm run --silent test-metric-filter -- --filter-pattern '<pattern>' --log-event-messages '<m1>' ['<m2>' ...]
 *
 * Exit codes follow the AWS CLI v2: 0 success; 2 bad usage (the CLI's "command failed to parse"); 254 when AWS
 * would answer with an error (an invalid pattern: InvalidParameterException; a request that breaks a documented
 * limit), which is what the CLI v2 returns when "the service returned an error". An event whose outcome depends
 * on an undocumented rule is reported on stderr and is not counted as a match.
 */
import { matchFilterPattern } from "../lib/filter-pattern";

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_SERVICE_ERROR = 254;

/** TestMetricFilter accepts 1 to 50 messages, each at least 1 character (API reference). */
const MAX_MESSAGES = 50;

export const USAGE = `usage: test-metric-filter --filter-pattern <pattern> --log-event-messages <message> [<message> ...]

Evaluates a CloudWatch Logs filter pattern against log-event messages offline, like
\`aws logs test-metric-filter\`, and prints {"matches": [...]} as the AWS CLI does.

  --filter-pattern <pattern>        the pattern (0 to 1024 characters; '' matches every event)
  --log-event-messages <m> [...]    1 to 50 messages (each one argument; quote JSON messages)
  --help                            show this text

Exit codes: 0 done; 2 bad usage; 254 invalid pattern or request (as the AWS CLI v2 reports a service error).
Events whose outcome depends on a rule AWS does not document are named on stderr and not counted as matches.`;

/** One matched event, as the TestMetricFilter API returns it (MetricFilterMatchRecord). */
export interface MetricFilterMatchRecord {
  readonly eventNumber: number;
  readonly eventMessage: string;
  readonly extractedValues: Readonly<Record<string, string>>;
}

export interface TestMetricFilterResponse {
  readonly matches: readonly MetricFilterMatchRecord[];
}

export type TestMetricFilterResult =
  | {
      readonly ok: true;
      readonly response: TestMetricFilterResponse;
      /** Events neither matched nor unmatched: the 1-based event number and the undocumented rule. */
      readonly indeterminate: ReadonlyArray<{ readonly eventNumber: number; readonly reason: string }>;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Evaluates `filterPattern` against each message, numbering events from 1 as the API does. Never throws.
 */
export function testMetricFilter(filterPattern: string, logEventMessages: readonly string[]): TestMetricFilterResult {
  const limitError = requestLimitError(logEventMessages);
  if (limitError) return { ok: false, message: limitError };
  const matches: MetricFilterMatchRecord[] = [];
  const indeterminate: Array<{ eventNumber: number; reason: string }> = [];
  for (const [index, message] of logEventMessages.entries()) {
    const result = matchFilterPattern(filterPattern, message);
    if (!result.ok) return { ok: false, message: result.error.message };
    const eventNumber = index + 1;
    if (result.outcome === "match") {
      matches.push({ eventNumber, eventMessage: message, extractedValues: result.extractedValues ?? {} });
    } else if (result.outcome === "indeterminate") {
      indeterminate.push({ eventNumber, reason: result.reason });
    }
  }
  return { ok: true, response: { matches }, indeterminate };
}

function requestLimitError(messages: readonly string[]): string | undefined {
  if (messages.length > MAX_MESSAGES) {
    return `1 validation error detected: Value at 'logEventMessages' failed to satisfy constraint: Member must have length less than or equal to ${MAX_MESSAGES} (got ${messages.length})`;
  }
  const empty = messages.findIndex((message) => message.length === 0);
  if (empty >= 0) {
    return `1 validation error detected: Value at 'logEventMessages.${empty + 1}.member' failed to satisfy constraint: Member must have length greater than or equal to 1`;
  }
  return undefined;
}

export type ParsedArguments =
  | { readonly kind: "run"; readonly filterPattern: string; readonly logEventMessages: readonly string[] }
  | { readonly kind: "help" }
  | { readonly kind: "usageError"; readonly message: string };

/**
 * Reads `--filter-pattern <p>` (or `--filter-pattern=<p>`) and `--log-event-messages <m> [<m> ...]`, whose
 * values run up to the next argument that starts with `--`, in either order.
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let filterPattern: string | undefined;
  let messages: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--help" || argument === "-h") return { kind: "help" };
    const [flag, inline] = splitInlineValue(argument);
    if (flag === "--filter-pattern") {
      if (filterPattern !== undefined) return usageError("--filter-pattern is given twice");
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith("--")))
        return usageError("--filter-pattern needs a value");
      filterPattern = value;
      if (inline === undefined) i++;
    } else if (flag === "--log-event-messages") {
      if (messages !== undefined) return usageError("--log-event-messages is given twice");
      messages = inline !== undefined ? [inline] : [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) messages.push(argv[++i]);
      if (messages.length === 0) return usageError("--log-event-messages needs at least one message");
    } else {
      return usageError(`unknown argument: ${argument}`);
    }
  }
  if (filterPattern === undefined) return usageError("the following arguments are required: --filter-pattern");
  if (messages === undefined) return usageError("the following arguments are required: --log-event-messages");
  return { kind: "run", filterPattern, logEventMessages: messages };
}

function splitInlineValue(argument: string): [string, string | undefined] {
  if (!argument.startsWith("--")) return [argument, undefined];
  const equals = argument.indexOf("=");
  return equals < 0 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}

function usageError(message: string): ParsedArguments {
  return { kind: "usageError", message };
}

/** Where the command writes; injectable for tests. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs the command and returns its exit code. Never throws. */
export function runTestMetricFilter(argv: readonly string[], output: Output): number {
  const parsed = parseArguments(argv);
  if (parsed.kind === "help") {
    output.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === "usageError") {
    output.stderr(`test-metric-filter: error: ${parsed.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const result = testMetricFilter(parsed.filterPattern, parsed.logEventMessages);
  if (!result.ok) {
    output.stderr(`${result.message}\n`);
    return EXIT_SERVICE_ERROR;
  }
  for (const entry of result.indeterminate) {
    output.stderr(`event ${entry.eventNumber}: indeterminate, not counted as a match: ${entry.reason}\n`);
  }
  output.stdout(`${JSON.stringify(result.response, null, 4)}\n`);
  return EXIT_OK;
}

if (require.main === module) {
  let code: number;
  try {
    code = runTestMetricFilter(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (error) {
    process.stderr.write(
      `test-metric-filter: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    code = 1;
  }
  process.exitCode = code;
}
