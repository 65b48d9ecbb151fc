/**
 * Deterministic sampling with fast-check: every batch of generated inputs is `fc.sample` of an arbitrary with a
 * seed derived from the run's seed, the section and the batch number, so a seed names the same inputs on every
 * machine and a batch can be regenerated alone (the report's reproducers give its seed).
 */
import fc from "fast-check";

/** A 32-bit seed derived from the run's seed and labels (FNV-1a over their text): stable across runs. */
export function derivedSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const label of labels) {
    for (const ch of `/${label}`) {
      hash ^= ch.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash | 0;
}

/** `count` values of `arbitrary`, the same for the same seed. */
export function sampleBatch<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  if (count <= 0) return [];
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** One value of `arbitrary` for `seed`. */
export function sampleOne<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  return sampleBatch(arbitrary, seed, 1)[0];
}
