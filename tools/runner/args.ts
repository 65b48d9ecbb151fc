/** Command-line arguments of `npm start` (tools/run.ts). */
import { RunnerError } from "./errors";

/** What the command line asked for. */
export interface RunnerArgs {
  /** Program directory; absent with --stack-export or for "run every example". */
  readonly programDir?: string;
  readonly stackExport?: string;
  readonly policyPackConfig?: string;
  /** The pack directory (default: this project). */
  readonly policyPack?: string;
  readonly config: string[];
  readonly stack?: string;
  readonly json: boolean;
  readonly help: boolean;
}

/** The usage text. */
export const usage = `usage:
  npm start -- <program-dir> [--policy-pack-config <file>] [--config key=value ...] [--stack <name>] [--json]
  npm start -- --stack-export <file> [--policy-pack-config <file>] [--json]
  npm start                       run every program under examples/ and compare with its expect.json

  Runs a Pulumi TypeScript program as a first 'pulumi preview' sees it (offline: no CLI, no cloud credentials)
  and sends its resources to this policy pack over the analyzer gRPC protocol.

  --policy-pack-config <file>   policy config, as for 'pulumi preview --policy-pack-config'
  --policy-pack <dir>           the pack to run (default: this project)
  --config, -c key=value        stack config override (repeatable); keys without ':' belong to the project
  --stack, -s <name>            stack whose Pulumi.<name>.yaml to read (default dev, or the only one)
  --stack-export <file>         analyse a 'pulumi stack export' file (deployed state) instead of a program
  --json                        print exactly one JSON object on stdout; everything else goes to stderr
  exit status: 0 no mandatory violation, 1 mandatory violation or error, 2 usage error`;

const valued = new Map([
  ["--policy-pack-config", "policyPackConfig"],
  ["--policy-pack", "policyPack"],
  ["--stack-export", "stackExport"],
  ["--stack", "stack"],
  ["-s", "stack"],
  ["--config", "config"],
  ["-c", "config"],
]);

/** Parses argv (without node and the script); throws a {@link RunnerError} with exit code 2 on bad usage. */
export function parseArgs(argv: readonly string[]): RunnerArgs {
  const single: Record<string, string> = {};
  const config: string[] = [];
  const positional: string[] = [];
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === "--json") json = true;
    else if (flag === "--help" || flag === "-h") help = true;
    else if (valued.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new RunnerError(`${flag} needs a value\n\n${usage}`, 2);
      const key = valued.get(flag) as string;
      if (key === "config") config.push(value);
      else if (key in single) throw new RunnerError(`${flag} was given twice`, 2);
      else single[key] = value;
    } else if (arg.startsWith("-")) throw new RunnerError(`unknown option ${arg}\n\n${usage}`, 2);
    else positional.push(arg);
  }
  if (positional.length > 1) throw new RunnerError(`expected one program directory, got ${positional.length}: ${positional.join(" ")}`, 2);
  if (positional.length === 1 && single.stackExport) throw new RunnerError("give a program directory or --stack-export, not both", 2);
  if (single.stackExport && (config.length > 0 || single.stack)) {
    throw new RunnerError("--config and --stack apply to programs, not to --stack-export", 2);
  }
  return {
    programDir: positional[0], stackExport: single.stackExport, policyPackConfig: single.policyPackConfig,
    policyPack: single.policyPack, config, stack: single.stack, json, help,
  };
}
