/** Reading a Stryker JSON report (or a kept run) from a file, for `mutate:summary` and `mutate:keep`. */
import * as fs from "fs";

/**
 * The report in `file`, parsed, or a one-line reason (`<file>: cannot be read`, the JSON error, or `not a Stryker
 * JSON report (no "files")`). Only the presence of `files` is checked: the caller reads what it needs.
 */
export function readReportFile<T extends { readonly files: object }>(file: string): T | string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return `${file}: cannot be read`;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || typeof (parsed as { files?: unknown }).files !== "object") {
      return `${file}: not a Stryker JSON report (no "files")`;
    }
    return parsed as T;
  } catch (error) {
    return `${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** When `file` was last written, to the minute: `2026-12-03 04:50 UTC`. */
export function writtenAt(file: string): string {
  return fs.statSync(file).mtime.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
