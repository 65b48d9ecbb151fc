import { parseArgs } from "../../tools/runner/args";
import { RunnerError } from "../../tools/runner/errors";

describe("parseArgs", () => {
  it("reads a program run with every option, in both flag spellings", () => {
    expect(parseArgs(["examples/compliant", "--policy-pack-config=cfg.json", "-c", "aws:region=eu-west-1", "--config", "x=1", "--stack", "prod", "--json"])).toEqual({
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

  it("reads no argument as 'run every example'", () => {
    const args = parseArgs([]);
    expect(args.programDir).toBeUndefined();
    expect(args.stackExport).toBeUndefined();
  });

  it.each([
    [["--frobnicate"], "unknown option --frobnicate"],
    [["a", "b"], "expected one program directory"],
    [["--stack"], "--stack needs a value"],
    [["dir", "--stack-export", "x.json"], "not both"],
    [["--stack-export", "x.json", "--config", "a=b"], "apply to programs"],
  ])("rejects %j as a usage error (exit 2)", (argv, message) => {
    let error: unknown;
    try {
      parseArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).exitCode).toBe(2);
    expect((error as RunnerError).message).toContain(message);
  });
});
