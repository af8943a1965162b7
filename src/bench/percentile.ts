/** Latency statistics. Pure. */

/**
 * The p-th percentile (0–100) of `samples` by the nearest-rank method: the smallest sample with at
 * least p% of all samples at or below it. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, p) - 1] as number;
}

/** The 1-based rank of the p-th percentile (0–100) among `n` sorted samples, by the nearest-rank method. */
export function nearestRank(n: number, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile expects p from 0 to 100, got ${p}`);
  return Math.max(1, Math.ceil((p / 100) * n));
}

/** What a set of timed queries took, in milliseconds. */
export interface LatencySummary {
  /** Queries timed. */
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

/** p50/p95/p99 and mean of latency samples (ms). */
export function summariseLatencies(samples: readonly number[]): LatencySummary {
  const mean = samples.length ? samples.reduce((s, x) => s + x, 0) / samples.length : Number.NaN;
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), mean };
}
