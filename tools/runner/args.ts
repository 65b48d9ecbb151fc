/** Command-line arguments of `npm start` (tools/run.ts), read with `node:util` `parseArgs`. */
import { OptionSpecs, readCommandLine } from "../command-line";
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
  /** Seconds a program may run before it is stopped (default: the runner's, 120 s). */
  readonly timeoutSeconds?: number;
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
  --timeout <seconds>           stop a program that runs longer than this (default 120)
  exit status: 0 no mandatory violation, 1 mandatory violation or error, 2 usage error`;

const options = {
  "policy-pack-config": { type: "string" },
  "policy-pack": { type: "string" },
  "stack-export": { type: "string" },
  stack: { type: "string", short: "s" },
  config: { type: "string", short: "c", multiple: true },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  timeout: { type: "string" },
} as const satisfies OptionSpecs;

function usageError(message: string): RunnerError {
  return new RunnerError(`${message}\n\n${usage}`, 2);
}

/** Parses argv (without node and the script); throws a {@link RunnerError} with exit code 2 on bad usage. */
export function parseArgs(argv: readonly string[]): RunnerArgs {
  const read = readCommandLine(argv, options, true);
  if (!read.ok) throw usageError(read.message);
  const { values, positionals } = read;
  const empty = Object.entries(values).find(([, v]) => v === "" || (Array.isArray(v) && v.includes("")));
  if (empty) throw usageError(`--${empty[0]} needs a value`);
  if (positionals.length > 1)
    throw usageError(`expected one program directory, got ${positionals.length}: ${positionals.join(" ")}`);
  const stackExport = values["stack-export"];
  if (positionals.length === 1 && stackExport) throw usageError("give a program directory or --stack-export, not both");
  const config = values.config ?? [];
  if (stackExport && (config.length > 0 || values.stack))
    throw usageError("--config and --stack apply to programs, not to --stack-export");
  // A hanging program must be stoppable sooner than the default (CI jobs, the fuzzer's "program hangs" case).
  const timeout = values.timeout;
  if (timeout !== undefined && !(/^\d+(\.\d+)?$/.test(timeout) && Number(timeout) > 0)) {
    throw usageError(`--timeout expects a number of seconds above 0, got '${timeout}'`);
  }
  if (timeout !== undefined && stackExport) throw usageError("--timeout applies to programs, not to --stack-export");
  return {
    programDir: positionals[0],
    stackExport,
    policyPackConfig: values["policy-pack-config"],
    policyPack: values["policy-pack"],
    config,
    stack: values.stack,
    json: values.json === true,
    help: values.help === true,
    ...(timeout === undefined ? {} : { timeoutSeconds: Number(timeout) }),
  };
}
