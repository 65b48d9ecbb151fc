/**
 * Progress lines on stderr for long runs: at most one line every `intervalMs` per section, so a run of half an
 * hour shows it is alive without flooding the terminal. Tests pass a silent reporter.
 */

/** Reports progress; `tick` is cheap enough to call for every input. */
export interface Progress {
  /** A line now, whatever the interval. */
  line(text: string): void;
  /** A line if `intervalMs` has passed since the last one; `describe` is only called then. */
  tick(describe: () => string): void;
}

/** Progress written to `write` (default: stderr), throttled to one line per `intervalMs`. */
export function progressOn(
  write: (text: string) => void = (text) => process.stderr.write(text),
  intervalMs = 10_000,
): Progress {
  let last = Date.now();
  return {
    line(text) {
      last = Date.now();
      write(`${text}\n`);
    },
    tick(describe) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      write(`${describe()}\n`);
    },
  };
}

/** A reporter that prints nothing. */
export const silentProgress: Progress = { line: () => undefined, tick: () => undefined };
