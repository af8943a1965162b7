import type { SearchHit } from '../types.js';

/** The usual reciprocal-rank-fusion constant: damps the weight of the very first ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion of several rankings (one per query): a passage scores Σ 1 / (k + rank)
 * over the lists it appears in (rank from 1), so passages found by several queries rise. Returns
 * each passage once, best first, with the fused score; ties keep the order of first appearance. Pure.
 */
export function fuseRankings(rankings: readonly (readonly SearchHit[])[], k: number = RRF_K): SearchHit[] {
  const fused = new Map<string, { hit: SearchHit; score: number; first: number }>();
  let seen = 0;
  for (const ranking of rankings) {
    ranking.forEach((hit, i) => {
      const entry = fused.get(hit.passage.id);
      const add = 1 / (k + i + 1);
      if (entry) entry.score += add;
      else fused.set(hit.passage.id, { hit, score: add, first: seen++ });
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ hit, score }) => ({ ...hit, score }));
}
