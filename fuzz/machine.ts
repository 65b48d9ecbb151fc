/** The machine a run measured on: what its figures depend on. */
import { execFileSync } from "child_process";
import * as os from "os";

export interface MachineFacts {
  readonly node: string;
  readonly npm: string;
  readonly cores: number;
  readonly cpu: string;
  readonly memoryBytes: number;
  readonly platform: string;
  /** One-minute load average at the start and at the end: other work on the machine slows the figures. */
  readonly loadAverage: { readonly start: number; end: number };
  readonly date: string;
}

/** npm's version as `npm --version` prints it (npm sets npm_config_user_agent when it runs a script). */
function npmVersion(): string {
  const fromAgent = /npm\/(\S+)/.exec(process.env.npm_config_user_agent ?? "")?.[1];
  if (fromAgent !== undefined) return fromAgent;
  try {
    return execFileSync("npm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    npm: npmVersion(),
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: os.loadavg()[0] ?? 0, end: 0 },
    date: new Date().toISOString(),
  };
}
