/** Which files each chunk of tools/mutation/chunks.ts mutates, and what the table must hold to that. */
import { minimatch } from "minimatch";
import type { Chunk } from "./chunks";
import { filesMatching } from "./figures";

/** The files of `tree` that a chunk's globs select (as Stryker reads them, tools/mutation/figures.ts). */
export const chunkFiles = (chunk: Chunk, tree: readonly string[]): string[] => filesMatching(chunk.mutate, tree);

/**
 * What is wrong with a chunk table, one line each: a file Stryker mutates (`mutated`) that is in no chunk or in
 * several, a chunk that selects a file Stryker leaves out, a glob that matches no file of `tree` (a file since moved
 * or deleted), a name used twice. An empty list: every mutated file is in exactly one chunk.
 */
export function chunkTableProblems(
  chunks: readonly Chunk[],
  mutated: readonly string[],
  tree: readonly string[],
): string[] {
  const problems: string[] = [];
  const names = chunks.map((chunk) => chunk.name);
  for (const name of new Set(names.filter((name, i) => names.indexOf(name) !== i)))
    problems.push(`${name}: the name of more than one chunk`);
  const chunksOf = new Map<string, string[]>();
  const mutatedSet = new Set(mutated);
  for (const chunk of chunks) {
    for (const glob of chunk.mutate) {
      const pattern = glob.startsWith("!") ? glob.slice(1) : glob;
      if (!tree.some((file) => minimatch(file, pattern))) problems.push(`${chunk.name}: ${glob} matches no file`);
    }
    for (const file of chunkFiles(chunk, tree)) {
      if (!mutatedSet.has(file)) problems.push(`${chunk.name}: ${file} is not mutated (stryker.config.json)`);
      chunksOf.set(file, [...(chunksOf.get(file) ?? []), chunk.name]);
    }
  }
  for (const file of mutated) {
    const owners = chunksOf.get(file) ?? [];
    if (owners.length === 0) problems.push(`${file}: in no chunk`);
    if (owners.length > 1) problems.push(`${file}: in ${owners.length} chunks (${owners.join(", ")})`);
  }
  return problems;
}

/** The chunks some of whose files (of `mutated`) no run measured (`measured`, tools/mutation/figures.ts). */
export function unmeasuredChunks(
  chunks: readonly Chunk[],
  mutated: readonly string[],
  measured: ReadonlySet<string>,
): string[] {
  return chunks
    .filter((chunk) => chunkFiles(chunk, mutated).some((file) => !measured.has(file)))
    .map((chunk) => chunk.name);
}
