// Figures the benchmark prints: percentiles of latencies and rates, rounded
// for reading. Pure.

/** The value at fraction `p` (0..1) of the values (nearest rank); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Rounded to `digits` decimals (figures are read, not computed with). */
export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export type Latencies = { count: number; p50: number; p95: number; p99: number; max: number };

/** p50/p95/p99/max of latencies in ms. */
export function latencies(values: readonly number[]): Latencies {
  return {
    count: values.length,
    p50: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    p99: round(percentile(values, 0.99)),
    max: round(values.length ? Math.max(...values) : Number.NaN),
  };
}
