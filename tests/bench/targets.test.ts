import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../src/bench/measure.js';
import type { SizeResult } from '../../src/bench/report.js';
import { checkTargets } from '../../src/bench/targets.js';

const latency = (p50: number) => ({ latency: { n: 10, p50, p95: p50, p99: p50, mean: p50 }, planned: 10 });

function engine(name: string, over: Partial<EngineResult> = {}): EngineResult {
  return {
    engine: name,
    description: '',
    buildMs: 1000,
    mbPerSecond: 10,
    heapDeltaBytes: 1000,
    heapPerPassageBytes: 1000,
    heapUsedBytes: 0,
    rssBytes: 0,
    persistedBytes: 10,
    saveMs: 10,
    loadMs: 50,
    short: latency(1),
    long: latency(10),
    knownItem: latency(10),
    devTop3: { hits: 9, of: 10, rate: 0.9 },
    knownItemRecall5: { hits: 20, of: 40, rate: 0.5 },
    notes: [],
    ...over,
  };
}

const size = (label: string, engines: EngineResult[]): SizeResult => ({ label, requested: 1000, passages: 1000, documents: 10, textBytes: 1e6, knownItems: 10, engines, skipped: [] });

describe('checkTargets', () => {
  it('meets every target when griot is fast, light and at least as good as its peers', () => {
    const checks = checkTargets([size('1000', [engine('griot'), engine('minisearch')])], { firstStartMs: 100, restartMs: 50 });
    expect(checks.every((c) => c.met === true)).toBe(true);
  });

  it('says by how much a latency target is missed and which size trails a peer', () => {
    const checks = checkTargets(
      [size('1000', [engine('griot', { short: latency(50), knownItemRecall5: { hits: 12, of: 40, rate: 0.3 } }), engine('lunr')])],
      { firstStartMs: 100, restartMs: 50 },
    );
    const short = checks.find((c) => c.target.includes('dev questions'));
    expect(short?.met).toBe(false);
    expect(short?.measured).toMatch(/10\.0× off/);
    const quality = checks.find((c) => c.target.includes('quality'));
    expect(quality?.met).toBe(false);
    expect(quality?.measured).toMatch(/1000: known-item R@5 30% < lunr 50%/);
  });

  it('does not compare known-item recall measured on too few queries', () => {
    const few = { hits: 1, of: 5, rate: 0.2 };
    const checks = checkTargets([size('1000', [engine('griot', { knownItemRecall5: few }), engine('lunr')])], { firstStartMs: 100, restartMs: 50 });
    expect(checks.find((c) => c.target.includes('quality'))?.met).toBe(true);
  });
});
