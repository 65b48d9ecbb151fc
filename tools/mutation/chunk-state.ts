/**
 * Whether a chunk's kept run (docs/mutation/runs/<name>.json) still measures its files as they are: the decision of
 * `npm run mutate:chunks -- --stale-only`, and what `--dry-run` says of each chunk.
 */
import { measuredFiles, type MutationReport } from "./figures";
import { changedSince } from "./kept-run";

export type ChunkState =
  /** Kept, and every file's source is the one its run saw. */
  | { readonly kind: "current" }
  /**
   * Kept, but files changed since the run (or are gone), the chunk has files its run did not mutate, or its run was
   * tried against other tests than the chunk names (`Chunk.tests`; `otherTests`: the run's, "" for every suite).
   */
  | {
      readonly kind: "stale";
      readonly changed: readonly string[];
      readonly notInRun: readonly string[];
      readonly otherTests?: string;
    }
  | { readonly kind: "never kept" }
  /** A kept run that cannot be read, with why. */
  | { readonly kind: "unreadable"; readonly reason: string };

/**
 * The state of a chunk mutating `files` against `tests` (`Chunk.tests`; undefined: every suite), from its kept run
 * (undefined: none; a string: why it cannot be read) and each file's source today (`currentSource`; undefined:
 * gone). Files changed since the run are named as `mutate:summary` names them (`changedSince`).
 */
export function chunkState(
  files: readonly string[],
  kept: MutationReport | string | undefined,
  currentSource: (file: string) => string | undefined,
  tests?: readonly string[],
): ChunkState {
  if (kept === undefined) return { kind: "never kept" };
  if (typeof kept === "string") return { kind: "unreadable", reason: kept };
  const changed = changedSince([kept], currentSource);
  const measured = measuredFiles([kept], files);
  const notInRun = files.filter((file) => !measured.has(file));
  const runTests = (kept.config?.tests ?? []).join(",");
  const testsDiffer = runTests !== (tests ?? []).join(",");
  if (changed.length === 0 && notInRun.length === 0 && !testsDiffer) return { kind: "current" };
  return { kind: "stale", changed, notInRun, ...(testsDiffer ? { otherTests: runTests } : {}) };
}

/** Whether a chunk in `state` is run: always, or with `staleOnly` unless its kept run is current. */
export const runsChunk = (state: ChunkState, staleOnly: boolean): boolean => !staleOnly || state.kind !== "current";

/** The state in words: "kept and current", "stale: lib/a.ts changed", "never kept", ... */
export function describeChunkState(state: ChunkState): string {
  switch (state.kind) {
    case "current":
      return "kept and current";
    case "never kept":
      return "never kept";
    case "unreadable":
      return `kept run unreadable (${state.reason})`;
    case "stale":
      return `stale: ${[
        ...(state.changed.length > 0 ? [`${state.changed.join(", ")} changed since its run`] : []),
        ...(state.notInRun.length > 0 ? [`${state.notInRun.join(", ")} not in its run`] : []),
        ...(state.otherTests === undefined
          ? []
          : [`its run was tried against ${state.otherTests === "" ? "every suite" : state.otherTests}`]),
      ].join("; ")}`;
  }
}
