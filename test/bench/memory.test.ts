import { parseProcStatCpuMs, parseProcStatusField, peakResidentBytes, processCpuMs } from "../../bench/memory";

const status = [
  "Name:\tnode",
  "VmPeak:\t 1200000 kB",
  "VmHWM:\t  204800 kB",
  "VmRSS:\t  102400 kB",
  "Threads:\t11",
].join("\n");

describe("memory", () => {
  it("reads kB fields of /proc/<pid>/status as bytes", () => {
    expect(parseProcStatusField(status, "VmHWM")).toBe(204800 * 1024);
    expect(parseProcStatusField(status, "VmRSS")).toBe(102400 * 1024);
  });
  it("answers undefined for a missing field", () => {
    expect(parseProcStatusField(status, "VmSwap")).toBeUndefined();
  });
  it("answers undefined for a process that does not exist", () => {
    expect(peakResidentBytes(2 ** 30)).toBeUndefined();
  });
});

describe("CPU time", () => {
  it("adds utime and stime (fields 14 and 15, in 1/100 s) even when the command name holds spaces and parentheses", () => {
    const stat = "4242 (node (x) y) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 37 0 0 20 0 11 0 1000 0";
    expect(parseProcStatCpuMs(stat)).toBe(2870);
  });
  it("reads this process's CPU time on Linux", () => {
    if (process.platform === "linux") expect(processCpuMs(process.pid)).toBeGreaterThanOrEqual(0);
    else expect(processCpuMs(process.pid)).toBeUndefined();
  });
});
