/**
 * Parent side of a program run: starts one child process per program (`bin/tools/runner/child.js`), gives it the
 * project, stack and config, forwards everything the program prints to stderr, and returns what the resource
 * monitor recorded, or a {@link RunnerError} naming the program's error and its file:line.
 */
import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { toolRoot } from "../project-root";
import { childSpecEnvVar, ChildMessage, ChildSpec, Registration } from "./child-protocol";
import { RunnerError } from "./errors";
import { unknownString } from "./preview-monitor";
import { guardGroup, killGroup, ownGroup } from "./process-group";
import { ProgramProject } from "./project";

/** What one program run produced. */
export interface ProgramRun {
  readonly registrations: Registration[];
  readonly notes: string[];
}

/** Options for {@link runProgram}. */
export interface RunProgramOptions {
  /** Where the program's own output goes (default: this process's stderr). */
  readonly output?: NodeJS.WritableStream;
  readonly organization?: string;
  /** Kill the program after this long (default 120 s). */
  readonly timeoutMs?: number;
}

/** The compiled child script; it must be built (`npx tsc -p tsconfig.json`). */
function childScript(root: string): string {
  const script = path.join(root, "bin", "tools", "runner", "child.js");
  if (!fs.existsSync(script))
    throw new RunnerError(`${script} is missing: build first with 'npx tsc -p tsconfig.json'`);
  return script;
}

/** The child's spec: secure config values become unknowns (the ciphertext can't be decrypted here). */
export function childSpec(project: ProgramProject, root: string, organization: string): ChildSpec {
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, { value, secure }] of Object.entries(project.config)) {
    config[key] = secure ? unknownString : value;
    if (secure) secretKeys.push(key);
  }
  return {
    programDir: project.dir,
    entry: project.entry,
    toolRoot: root,
    project: project.project,
    stack: project.stack,
    organization,
    config,
    secretKeys,
  };
}

/** Formats the program's failure: its message and where in the program it was thrown. */
function programFailure(project: ProgramProject, message: Extract<ChildMessage, { kind: "error" }>): RunnerError {
  const where = message.location
    ? ` (${message.location.file}:${message.location.line}:${message.location.column})`
    : "";
  return new RunnerError(
    `the program in ${project.dir} failed${where}:\n  ${message.message.split("\n").join("\n  ")}`,
  );
}

/** Runs the program in a child process; see the module comment. */
export function runProgram(project: ProgramProject, options: RunProgramOptions = {}): Promise<ProgramRun> {
  const root = toolRoot();
  const script = childScript(root);
  const spec = childSpec(project, root, options.organization ?? "organization");
  const output = options.output ?? process.stderr;
  const timeoutMs = options.timeoutMs ?? 120000;
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      cwd: project.dir,
      env: { ...process.env, [childSpecEnvVar]: JSON.stringify(spec) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      execArgv: [],
      // Its own process group, so that what the program starts is stopped with it (process-group.ts).
      detached: ownGroup,
    });
    const release = guardGroup(child);
    let answer: ChildMessage | undefined;
    const timer = setTimeout(() => {
      // SIGKILL, to the whole group: a hung program may ignore SIGTERM (then the runner waited for it forever) or
      // have started processes of its own.
      killGroup(child);
      reject(new RunnerError(`the program in ${project.dir} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => output.write(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.write(chunk));
    child.on("message", (message) => {
      // Re-create the data in this realm (IPC builds objects in Node's main realm, which differs under jest).
      answer = JSON.parse(JSON.stringify(message)) as ChildMessage;
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      release();
      reject(new RunnerError(`could not start the program runner: ${err.message}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // Whatever the program started and left running ends with it.
      release();
      if (answer?.kind === "result") resolve({ registrations: answer.registrations, notes: answer.notes });
      else if (answer?.kind === "error") reject(programFailure(project, answer));
      else
        reject(new RunnerError(`the program in ${project.dir} exited (${signal ?? `code ${code}`}) without finishing`));
    });
  });
}
