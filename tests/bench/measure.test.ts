import { describe, expect, it } from 'vitest';
import { repeatTo, timeEach } from '../../src/bench/measure.js';

describe('timeEach', () => {
  it('runs every item in order and returns one sample per result', () => {
    const { samples, results } = timeEach([1, 2, 3], (x) => x * 2, 60_000);
    expect(results).toEqual([2, 4, 6]);
    expect(samples).toHaveLength(3);
  });

  it('stops once the budget is spent, but never before `atLeast` items', () => {
    const slow = (x: number) => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return x;
    };
    expect(timeEach([1, 2, 3, 4, 5], slow, 0, 3).results).toEqual([1, 2, 3]);
    expect(timeEach([1, 2, 3], slow, 0).results).toEqual([1]);
  });
});

describe('repeatTo', () => {
  it('repeats the items in order until there are at least n, each at least once', () => {
    expect(repeatTo(['a', 'b', 'c'], 7)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
    expect(repeatTo(['a', 'b'], 1)).toEqual(['a', 'b']);
    expect(repeatTo([], 5)).toEqual([]);
  });
});
