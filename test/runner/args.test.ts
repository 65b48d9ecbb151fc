// The `npm start` command line, read by node:util parseArgs (https://nodejs.org/api/util.html#utilparseargsconfig):
// `--x v` and `--x=v`, short aliases, repeatable --config, and Node's own messages for unknown options and
// missing values, shown as one line followed by the usage.
import { parseArgs, usage } from "../../tools/runner/args";
import { RunnerError } from "../../tools/runner/errors";

function usageError(argv: string[]): RunnerError {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(RunnerError);
    return e as RunnerError;
  }
  throw new Error("expected a usage error");
}

describe("parseArgs", () => {
  it("reads a program run with every option, in both flag spellings", () => {
    expect(
      parseArgs([
        "examples/compliant",
        "--policy-pack-config=cfg.json",
        "-c",
        "aws:region=eu-west-1",
        "--config",
        "x=1",
        "--stack",
        "prod",
        "--json",
      ]),
    ).toEqual({
      programDir: "examples/compliant",
      policyPackConfig: "cfg.json",
      policyPack: undefined,
      stackExport: undefined,
      config: ["aws:region=eu-west-1", "x=1"],
      stack: "prod",
      json: true,
      help: false,
    });
  });

  it("reads short options with attached values and -h", () => {
    expect(parseArgs(["-sprod", "-c=a=b", "dir"])).toMatchObject({
      stack: "prod",
      config: ["=a=b"],
      programDir: "dir",
    });
    expect(parseArgs(["-h"]).help).toBe(true);
    expect(parseArgs(["--config=k=v=w", "dir"]).config).toEqual(["k=v=w"]);
  });

  it("reads --timeout in seconds, fractions too", () => {
    expect(parseArgs(["dir", "--timeout", "5"]).timeoutSeconds).toBe(5);
    expect(parseArgs(["dir", "--timeout=0.5"]).timeoutSeconds).toBe(0.5);
    expect(parseArgs(["dir"]).timeoutSeconds).toBeUndefined();
  });

  it("reads no argument as 'run every example'", () => {
    const args = parseArgs([]);
    expect(args.programDir).toBeUndefined();
    expect(args.stackExport).toBeUndefined();
  });

  it.each([
    [["--frobnicate"], "Unknown option '--frobnicate'"],
    [["--stack"], "Option '-s, --stack <value>' argument missing"],
    [
      ["--stack", "--json"],
      "Option '--stack' argument is ambiguous. Did you forget to specify the option argument for '--stack'?",
    ],
    [["--json=yes"], "Option '--json' does not take an argument"],
    [["--stack="], "--stack needs a value"],
    [["--stack", "a", "-s", "b"], "--stack was given more than once"],
    [["a", "b"], "expected one program directory, got 2: a b"],
    [["dir", "--stack-export", "x.json"], "give a program directory or --stack-export, not both"],
    [["--stack-export", "x.json", "--config", "a=b"], "--config and --stack apply to programs, not to --stack-export"],
    [["dir", "--timeout", "0"], "--timeout expects a number of seconds above 0, got '0'"],
    [["dir", "--timeout", "soon"], "--timeout expects a number of seconds above 0, got 'soon'"],
    [["--stack-export", "x.json", "--timeout", "5"], "--timeout applies to programs, not to --stack-export"],
  ])("rejects %j with one line, then the usage (exit 2)", (argv, message) => {
    const error = usageError(argv);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${message}\n\n${usage}`);
  });
});
