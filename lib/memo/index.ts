/**
 * Memo tables the pack keeps for the life of the process: the record families, the coverage verdicts of patterns,
 * the routine records, the filled parts of call shapes. They only save work: a value is the same whether it is
 * read from a table or computed again.
 *
 * `forgetMemos` empties every table. The pack never calls it; mutation runs do, before each test of Stryker's
 * initial run (scripts/jest-mutation-hooks.js), so that each test computes what it reads. Otherwise Stryker would
 * credit the code that builds a table to the one test that happened to build it first in its file, and try each
 * mutant of that code against that test alone (docs/mutation-testing.md).
 */

const tables: { clear(): void }[] = [];

/** A `Map` that `forgetMemos` empties. */
export function memoTable<K, V>(): Map<K, V> {
  const table = new Map<K, V>();
  tables.push(table);
  return table;
}

/** Empties every memo table (`memoTable`). */
export function forgetMemos(): void {
  for (const table of tables) table.clear();
}
