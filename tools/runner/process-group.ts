/**
 * A program run and everything it starts, stopped together. On POSIX the program's child process leads its own
 * process group (`detached`), so `kill(-pid)` reaches the processes it spawned too (POSIX `kill(2)`: "If pid is
 * negative, sig shall be sent to all processes whose process group ID is equal to the absolute value of pid").
 * Being in its own group, it no longer gets the terminal's Ctrl-C, so while it runs this process passes SIGINT,
 * SIGTERM and SIGHUP on to the group, and stops the group if it exits first. On Windows, where Node has no process
 * groups, only the child itself is stopped.
 */
import type { ChildProcess } from "child_process";

/** Whether children get their own process group here. */
export const ownGroup = process.platform !== "win32";

const forwarded: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Kills the child's whole process group (or the child alone without groups); never throws. */
export function killGroup(child: ChildProcess): void {
  try {
    if (ownGroup && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Keeps the child's group from outliving this process: returns the function to call once the child has exited
 * (it stops what the program left running and removes the handlers).
 */
export function guardGroup(child: ChildProcess): () => void {
  const onExit = (): void => killGroup(child);
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    // Then act on the signal as if no handler were installed (Node's default for these signals is to exit).
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    killGroup(child);
    process.off("exit", onExit);
    for (const signal of forwarded) process.off(signal, onSignal);
  };
  process.once("exit", onExit);
  for (const signal of forwarded) process.once(signal, onSignal);
  return release;
}
