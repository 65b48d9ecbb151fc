/**
 * What a command must print when its input is bad: a non-zero exit, one clear line saying what is wrong (with the
 * position, file:line:column or column, where the input has one), never a stack trace, and nothing that reads like
 * the tool's own failure (a JavaScript TypeError, `[object Object]`, an internal error code).
 */

/** A finished command. */
export interface CommandRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The command was still running at its deadline and was killed. */
  readonly timedOut: boolean;
  /** Processes of its process group still alive after it exited (its children and theirs). */
  readonly leftovers: number;
}

/** What a case expects. */
export interface Expectation {
  /** The exit status, or "nonzero". */
  readonly exit: number | "nonzero";
  /** What the error text must contain: the problem's position or words. */
  readonly says?: RegExp;
  /** stdout must be exactly one JSON object (`--json`). */
  readonly jsonStdout?: boolean;
  /** The error line may quote a JavaScript error the user's own program raised (its SyntaxError, say). */
  readonly userError?: boolean;
}

/** A stack frame as Node prints one: four spaces, `at `. */
const stackFrame = /^ {4}at /m;
/** Words that mean the tool itself failed rather than the input. */
const internalWords =
  /TypeError|ReferenceError|Cannot read propert|is not a function|is not iterable|\[object Object\]|\bERR_[A-Z_]{4,}|internal error|Maximum call stack|undefined is not|\bnull\b.*\bproperty\b/;

/** The first line of stderr that is not a note or a progress line: what the command says went wrong. */
export function errorLine(stderr: string): string | undefined {
  return stderr.split("\n").find((line) => line.trim() !== "" && !/^note: /.test(line));
}

/** Problems with a run, in words; empty when it behaved. */
export function commandProblems(run: CommandRun, expected: Expectation): string[] {
  const problems: string[] = [];
  if (run.timedOut) problems.push("did not finish in time");
  if (expected.exit === "nonzero" ? run.code === 0 || run.code === null : run.code !== expected.exit) {
    problems.push(`exit ${run.code ?? run.signal} (expected ${expected.exit})`);
  }
  if (stackFrame.test(run.stderr) || stackFrame.test(run.stdout)) problems.push("a stack trace was printed");
  if (run.leftovers > 0) problems.push(`${run.leftovers} process(es) left running`);
  if (expected.exit !== 0) {
    const line = errorLine(run.stderr);
    if (line === undefined) problems.push("nothing said on stderr");
    else if (!expected.userError && internalWords.test(line))
      problems.push(`the message reads like an internal failure: ${JSON.stringify(line)}`);
  }
  if (expected.says !== undefined && !expected.says.test(run.stderr))
    problems.push(`stderr does not match ${expected.says}: ${JSON.stringify(run.stderr.slice(0, 300))}`);
  if (expected.jsonStdout) {
    try {
      const value: unknown = JSON.parse(run.stdout);
      if (value === null || typeof value !== "object" || Array.isArray(value))
        problems.push("stdout is JSON but not one object");
    } catch {
      problems.push(`stdout is not one JSON object: ${JSON.stringify(run.stdout.slice(0, 200))}`);
    }
  }
  return problems;
}
