import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { postingsOf } from '../../src/search/postings.js';
import { Ranker, type RankStats } from '../../src/search/rank.js';

/** Passages where "mali" is everywhere and "wagner", "takuba" are rare. */
function corpus(n: number): MiniSearch {
  const ms = new MiniSearch({ fields: ['text'], tokenize: (s) => s.split(' ') });
  ms.addAll(
    Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      text: ['mali', 'leger', i % 50 === 0 ? 'wagner' : 'junta', i % 7 === 0 ? 'takuba' : 'bamako', i % 3 === 0 ? 'mali' : 'gao'].join(' '),
    })),
  );
  return ms;
}

describe('Ranker.rank', () => {
  it('scores as MiniSearch does for exact terms', () => {
    const ms = corpus(300);
    const ranker = new Ranker(postingsOf(ms));
    const ours = ranker.rank([{ terms: [{ term: 'wagner', weight: 1 }] }, { terms: [{ term: 'takuba', weight: 1 }] }], { limit: 5, commonPostings: 10_000 });
    const theirs = ms.search({ combineWith: 'OR', queries: ['wagner', 'takuba'] }, { tokenize: (s) => [s] }).slice(0, 5);
    // Equal scores may come in another order; the scores, best first, are the same.
    ours.forEach((r, i) => expect(r.score).toBeCloseTo(theirs[i]!.score, 6));
    const score = new Map(ms.search({ combineWith: 'OR', queries: ['wagner', 'takuba'] }, { tokenize: (s) => [s] }).map((r) => [r.id, r.score]));
    for (const r of ours) expect(score.get(r.id)).toBeCloseTo(r.score, 6);
  });

  it('scores a word found everywhere only on the passages rarer words found', () => {
    const ms = corpus(2000);
    const ranker = new Ranker(postingsOf(ms));
    const stats: RankStats = { postingsScored: 0 };
    const top = ranker.rank([{ terms: [{ term: 'wagner', weight: 1 }] }, { terms: [{ term: 'mali', weight: 1 }] }], { limit: 3, commonPostings: 100 }, stats);
    // wagner: 40 passages; mali: all 2,000, looked up only in those 40.
    expect(stats.postingsScored).toBe(80);
    // The best: wagner and mali twice (every 150th passage).
    for (const r of top) expect(Number(r.id.slice(1)) % 150).toBe(0);
  });

  it('walks a common word in full when no rarer word matched', () => {
    const ms = corpus(500);
    const stats: RankStats = { postingsScored: 0 };
    const top = new Ranker(postingsOf(ms)).rank([{ terms: [{ term: 'mali', weight: 1 }] }], { limit: 2, commonPostings: 100 }, stats);
    expect(stats.postingsScored).toBe(500);
    expect(top).toHaveLength(2);
  });

  it('drops filtered passages and applies the boost', () => {
    const ms = corpus(300);
    const ranker = new Ranker(postingsOf(ms));
    const top = ranker.rank([{ terms: [{ term: 'wagner', weight: 1 }] }], {
      limit: 10,
      commonPostings: 10_000,
      filter: (id) => id !== 'p0',
      boost: (id) => (id === 'p100' ? 2 : 1),
    });
    expect(top[0]?.id).toBe('p100');
    expect(top.map((r) => r.id)).not.toContain('p0');
  });
});
