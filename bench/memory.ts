/** Memory of a pack process, read from Linux's /proc (undefined elsewhere). */
import * as fs from "fs";

/** Reads one `kB` field (e.g. `VmHWM`, `VmRSS`) of `/proc/<pid>/status`, in bytes; undefined when unavailable. */
export function readProcStatusBytes(pid: number, field: "VmHWM" | "VmRSS"): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  return parseProcStatusField(text, field);
}

/** Extracts `field` (a `<name>:  <n> kB` line) from the text of /proc/<pid>/status, in bytes. */
export function parseProcStatusField(statusText: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB\\s*$`, "m").exec(statusText);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** The peak resident set size of a process so far (VmHWM), in bytes. */
export function peakResidentBytes(pid: number): number | undefined {
  return readProcStatusBytes(pid, "VmHWM");
}

/** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat (100 on every mainstream build). */
const clockTicksPerSecond = 100;

/**
 * The CPU time (user + system, all threads) a process has used so far, from /proc/<pid>/stat, in milliseconds
 * (10 ms resolution); undefined when unavailable. Less sensitive than wall time to other processes' load.
 */
export function processCpuMs(pid: number): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  return parseProcStatCpuMs(text);
}

/** utime + stime of a /proc/<pid>/stat line, in milliseconds. The command name may hold spaces and parentheses. */
export function parseProcStatCpuMs(statText: string): number | undefined {
  const fields = statText
    .slice(statText.lastIndexOf(")") + 2)
    .trim()
    .split(/\s+/);
  // After "pid (comm) ", fields start at field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / clockTicksPerSecond : undefined;
}
