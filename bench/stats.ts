/** Small statistics and formatting helpers for the benchmark. */

/** The median of `values` (the mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `numerator / denominator`, or NaN when either is missing or the denominator is not positive. */
export function ratio(numerator: number | undefined, denominator: number | undefined): number {
  if (numerator === undefined || denominator === undefined || !(denominator > 0)) return NaN;
  return numerator / denominator;
}

/**
 * The spread of `values` around their median, as a fraction of it: (max - min) / median. A rough noise figure
 * for the report; NaN for fewer than two values.
 */
export function relativeSpread(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const m = median(values);
  return m > 0 ? (Math.max(...values) - Math.min(...values)) / m : NaN;
}

/** Milliseconds with a precision that suits their size: "0.42 ms", "18.3 ms", "1234 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  if (Math.abs(ms) < 1) return `${ms.toFixed(2)} ms`;
  if (Math.abs(ms) < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** A ratio as "1.07×"; "n/a" when it is not a finite number. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a";
}

/** A size in bytes as MiB with one decimal; "n/a" when unknown. */
export function formatMiB(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? "n/a" : `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** A size in bytes as GiB with one decimal. */
export function formatGiB(bytes: number): string {
  return `${(bytes / 1073741824).toFixed(1)} GiB`;
}

/** A fraction as a percentage with no decimals: 0.123 -> "12%". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : "n/a";
}

/** Elapsed wall-clock milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
