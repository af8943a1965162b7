import { describe, expect, it } from 'vitest';
import { fuseRankings, RRF_K } from '../../src/answer/fusion.js';
import { FR_LAST_SOLDIER, NL_ANNOUNCEMENT, NL_WAGNER } from './llm-fixtures.js';

describe('fuseRankings', () => {
  it('ranks a passage found by several queries above one found first by a single query', () => {
    const fused = fuseRankings([
      [NL_WAGNER, NL_ANNOUNCEMENT],
      [FR_LAST_SOLDIER, NL_ANNOUNCEMENT],
    ]);
    expect(fused.map((h) => h.passage.id)).toEqual([NL_ANNOUNCEMENT.passage.id, NL_WAGNER.passage.id, FR_LAST_SOLDIER.passage.id]);
  });

  it('scores each passage with the sum of 1 / (k + rank) over the lists it appears in', () => {
    const [first] = fuseRankings([[NL_ANNOUNCEMENT], [NL_WAGNER, NL_ANNOUNCEMENT]]);
    expect(first?.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2), 12);
  });

  it('returns each passage once and keeps first-seen order on ties', () => {
    const fused = fuseRankings([[NL_WAGNER], [FR_LAST_SOLDIER], [NL_WAGNER]]);
    expect(fused.map((h) => h.passage.id)).toEqual([NL_WAGNER.passage.id, FR_LAST_SOLDIER.passage.id]);
    expect(fuseRankings([[NL_WAGNER], [FR_LAST_SOLDIER]]).map((h) => h.passage.id)).toEqual([NL_WAGNER.passage.id, FR_LAST_SOLDIER.passage.id]);
  });

  it('returns nothing for no rankings or empty ones', () => {
    expect(fuseRankings([])).toEqual([]);
    expect(fuseRankings([[], []])).toEqual([]);
  });
});
