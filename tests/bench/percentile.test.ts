import { describe, expect, it } from 'vitest';
import { percentile, summariseLatencies } from '../../src/bench/percentile.js';

describe('percentile', () => {
  it('takes the nearest rank: the smallest sample with p% of the samples at or below it', () => {
    const xs = [15, 20, 35, 40, 50];
    expect(percentile(xs, 30)).toBe(20);
    expect(percentile(xs, 40)).toBe(20);
    expect(percentile(xs, 50)).toBe(35);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile(xs, 0)).toBe(15);
  });

  it('does not depend on the order of the samples nor reorder them', () => {
    const xs = [9, 1, 5, 3, 7];
    expect(percentile(xs, 50)).toBe(5);
    expect(xs).toEqual([9, 1, 5, 3, 7]);
  });

  it('puts p99 of 100 samples on the 99th and p95 on the 95th', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 95)).toBe(95);
  });

  it('is NaN without samples and rejects a p outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/0 to 100/);
  });
});

describe('summariseLatencies', () => {
  it('reports the count, p50/p95/p99 and the mean', () => {
    expect(summariseLatencies([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, p99: 4, mean: 2.5 });
  });
});
