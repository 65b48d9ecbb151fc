/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and reports where the time went: self time per
 * function and per area (this project's folders, each npm package, node internals).
 */
import * as fs from "fs";
import * as path from "path";

/** The part of the `.cpuprofile` format this reader uses. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time of one function or one area. */
export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

/** The top of a profile. Idle time (the process waiting for a request) is left out of every figure. */
export interface ProfileSummary {
  file: string;
  /** Sampled time, idle excluded. */
  totalMs: number;
  topFunctions: ProfileEntry[];
  /** The top functions of this project's own code (not node_modules, node or V8). */
  topProjectFunctions: ProfileEntry[];
  areas: ProfileEntry[];
}

/** True for an area that is this project's code. */
export function isProjectArea(area: string): boolean {
  return !area.startsWith("node_modules/") && !area.startsWith("node:") && area !== "(vm)" && !area.startsWith("/");
}

/**
 * The area a script URL belongs to: `node_modules/<package>` (scoped packages keep their scope), a folder of this
 * project (`lib/stack`, `policies`, …, from `bin/`), `node:internal`, or `(vm)` for V8's own frames.
 */
export function areaOf(url: string, projectRoot: string): string {
  if (url === "") return "(vm)";
  if (url.startsWith("node:")) return "node:internal";
  const file = url.startsWith("file://") ? decodeURIComponent(url.slice("file://".length)) : url;
  const nm = file.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const parts = file.slice(nm + "/node_modules/".length).split("/");
    return `node_modules/${parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const relative = path.relative(projectRoot, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
  const parts = relative.split(path.sep);
  const inBin = parts[0] === "bin" ? parts.slice(1) : parts;
  return inBin.length <= 1 ? inBin.join("/") : inBin.slice(0, Math.min(2, inBin.length - 1)).join("/");
}

/** Summarizes a profile: total sampled time, the `top` functions and all areas by self time. */
export function summarizeProfile(profile: CpuProfile, projectRoot: string, file = "", top = 15): ProfileSummary {
  const selfByNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const us = Math.max(0, deltas[i] ?? 0);
    selfByNode.set(samples[i], (selfByNode.get(samples[i]) ?? 0) + us);
  }
  let totalUs = 0;
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const byProjectFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfByNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (us === 0 || (functionName === "(idle)" && url === "")) continue;
    totalUs += us;
    const area = areaOf(url, projectRoot);
    const where =
      url === "" ? "" : ` ${area === "node:internal" ? url : `${area}/${path.basename(url)}`}:${lineNumber + 1}`;
    const key = `${functionName || "(anonymous)"}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    if (isProjectArea(area)) byProjectFunction.set(key, (byProjectFunction.get(key) ?? 0) + us);
  }
  const entries = (map: Map<string, number>): ProfileEntry[] =>
    [...map.entries()]
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: totalUs > 0 ? us / totalUs : 0 }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return {
    file,
    totalMs: totalUs / 1000,
    topFunctions: entries(byFunction).slice(0, top),
    topProjectFunctions: entries(byProjectFunction).slice(0, top),
    areas: entries(byArea),
  };
}

/** Reads and summarizes every `.cpuprofile` in `dir` (newest first). */
export function summarizeProfilesIn(dir: string, projectRoot: string, top = 15): ProfileSummary[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    .map((f) => summarizeProfile(JSON.parse(fs.readFileSync(f, "utf8")) as CpuProfile, projectRoot, f, top));
}
