import { describe, expect, it } from 'vitest';
import type { ScaleRow } from '../../src/bench/scale/run.js';
import { renderComparison } from '../../src/cli/bench-store.js';
import type { CompareResult, StoreFigures } from '../../src/store/bench-compare.js';

const figures = (rate: number): StoreFigures => ({
  writesPerSecond: { one: rate, eight: rate * 2 },
  failedWrites: { one: {}, eight: {} },
  statsMs: { '100000': { '1': 20 } },
});
const result: CompareResult = { writes: 2000, sizes: [100_000], runs: 3, sqlite: figures(300), postgres: figures(100) };
/** The parts of a scale row the table reads. */
const scaleRow = (firstBuildMs: number, warm: number[], crossHostMs?: number) =>
  ({ articles: 1000, firstBuild: { ms: firstBuildMs }, warmStartsMs: warm, serving: crossHostMs === undefined ? {} : { crossHostMs } }) as unknown as ScaleRow;

describe('renderComparison', () => {
  it('adds the import, warm start and cross-host rows of both stores beside the answer-log rows', () => {
    const table = renderComparison(result, 'postgres at 127.0.0.1', { articles: 1000, sqlite: scaleRow(4200, [900, 800, 1000]), postgres: scaleRow(6100, [700, 750, 800], 310) });
    expect(table).toContain('| answer records written, 1 writer (2000) | 300 /s | 100 /s |');
    expect(table).toContain('| importing 1,000 articles (first start: import, index, answer) | 4.20 s | 6.10 s |');
    expect(table).toContain('| warm start against a 1,000-article store, to first answer | 0.90 s | 0.75 s |');
    expect(table).toContain('| one article changed on host A, found on host B (1,000 articles) | — (one host) | 0.31 s |');
  });

  it('says why the article rows are missing when they could not run', () => {
    const table = renderComparison(result, undefined, 'corpus rows not run: the corpus file is missing');
    expect(table).not.toContain('importing');
    expect(table).toMatch(/corpus rows not run: the corpus file is missing$/);
  });
});
