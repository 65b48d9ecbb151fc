/**
 * A failure the fuzzer found, with what reproduces it: the input itself when it is small (a pattern, a command
 * line), else the seed and index of the batch that generated it. Each kind keeps a few examples; counts are exact.
 */

/** One failure. */
export interface Finding {
  /** What broke, e.g. `throw`, `round-trip`, `secret-printed`, `order`. */
  readonly kind: string;
  /** One line: what was expected and what happened. */
  readonly detail: string;
  /** The input, or how to regenerate it (`--seed N`, batch and index). */
  readonly reproducer: string;
}

/** Counts failures by kind and keeps the first `keep` of each. */
export class FindingLog {
  private readonly counts = new Map<string, number>();
  private readonly kept: Finding[] = [];

  constructor(private readonly keep = 5) {}

  add(finding: Finding): void {
    const count = (this.counts.get(finding.kind) ?? 0) + 1;
    this.counts.set(finding.kind, count);
    if (count <= this.keep) this.kept.push(finding);
  }

  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  examples(): readonly Finding[] {
    return this.kept;
  }

  byKind(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
