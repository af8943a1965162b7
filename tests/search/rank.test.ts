import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { MiniSearchPostings, packMiniSearch } from '../../src/search/postings.js';
import { rank, type RankOptions, type RankStats } from '../../src/search/rank.js';

const OPTIONS = { fields: ['text'], tokenize: (s: string) => s.split(' '), searchOptions: { tokenize: (s: string) => [s] } };

/** Passages where "mali" is everywhere and "wagner", "takuba" are rare. */
function corpus(n: number): { ms: MiniSearch; df: (term: string) => number } {
  const ms = new MiniSearch(OPTIONS);
  const texts = Array.from({ length: n }, (_, i) =>
    ['mali', 'leger', i % 50 === 0 ? 'wagner' : 'junta', i % 7 === 0 ? 'takuba' : 'bamako', i % 3 === 0 ? 'mali' : 'gao'],
  );
  ms.addAll(texts.map((t, i) => ({ id: `p${i}`, text: t.join(' ') })));
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of new Set(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { ms, df: (term) => counts.get(term) ?? 0 };
}

/** The index as a warm start has it: saved, then loaded with no term's postings read until searched. */
const saved = (ms: MiniSearch) => MiniSearchPostings.unpack(packMiniSearch(ms), OPTIONS);

const options = (df: (term: string) => number, rest: Partial<RankOptions> = {}): RankOptions => ({
  limit: 5,
  candidatePostings: 10_000,
  walkPostings: 100_000,
  documentFrequency: df,
  ...rest,
});

describe('rank', () => {
  it('scores as MiniSearch does for exact terms, one per query word', () => {
    const { ms, df } = corpus(300);
    const ours = rank(saved(ms), [{ terms: [{ term: 'wagner', weight: 1 }] }, { terms: [{ term: 'takuba', weight: 1 }] }], options(df));
    const theirs = new Map(ms.search({ combineWith: 'OR', queries: ['wagner', 'takuba'] }).map((r) => [r.id as string, r.score]));
    expect(ours).toHaveLength(5);
    for (const r of ours) expect(theirs.get(r.id)).toBeCloseTo(r.score, 6);
    // Only p0 holds both words (every 350th passage).
    expect(ours[0]?.id).toBe('p0');
  });

  it('counts a word once however many of its terms a passage holds', () => {
    const { ms, df } = corpus(300);
    const oneWord = rank(saved(ms), [{ terms: [{ term: 'wagner', weight: 1 }, { term: 'takuba', weight: 0.5 }] }], options(df, { limit: 1 }));
    const twoWords = rank(saved(ms), [{ terms: [{ term: 'wagner', weight: 1 }] }, { terms: [{ term: 'takuba', weight: 0.5 }] }], options(df, { limit: 1 }));
    // p0 holds both: one word matched once is half the score of two words matched.
    expect(oneWord[0]?.id).toBe('p0');
    expect(twoWords[0]?.score).toBeCloseTo(2 * (oneWord[0]?.score ?? 0), 6);
  });

  it('with word weights, counts the translations of one word as that word once', () => {
    const { ms, df } = corpus(300);
    // "junta" and "gao" stand for one question word (two of its translations), "wagner" for another.
    const groups = [{ terms: [{ term: 'junta', weight: 1 }], word: 0 }, { terms: [{ term: 'gao', weight: 1 }], word: 0 }, { terms: [{ term: 'wagner', weight: 1 }], word: 1 }];
    const score = (o: Partial<RankOptions>, id: string) => rank(saved(ms), groups, options(df, { limit: 300, ...o })).find((r) => r.id === id)?.score ?? 0;
    // p1 holds junta and gao: two groups, one word of two (equal weights, so the scale is 1), and
    // the BM25 of its two translations counts as one word's: a quarter of the score by groups.
    expect(score({ words: [1, 1] }, 'p1')).toBeCloseTo(score({}, 'p1') / 4, 6);
    // p0 holds wagner and junta: two words either way.
    expect(score({ words: [1, 1] }, 'p0')).toBeCloseTo(score({}, 'p0'), 6);
  });

  it('with word weights, counts a word matched only through an expansion for the expansion\'s share', () => {
    const { ms, df } = corpus(300);
    const groups = [{ terms: [{ term: 'wagner', weight: 1 }, { term: 'takuba', weight: 0.5 }], word: 0 }];
    const score = (o: Partial<RankOptions>, id: string) => rank(saved(ms), groups, options(df, { limit: 300, ...o })).find((r) => r.id === id)?.score ?? 0;
    // p7 holds takuba only (an expansion of weight 0.5); p50 holds wagner itself.
    expect(score({ words: [2] }, 'p7')).toBeCloseTo(score({}, 'p7') / 2, 6);
    expect(score({ words: [2] }, 'p50')).toBeCloseTo(score({}, 'p50'), 6);
  });

  it('scores a word found everywhere only on the passages rarer words found', () => {
    const { ms, df } = corpus(2000);
    const stats: RankStats = { postingsWalked: 0, postingsScored: 0, searches: 0 };
    const top = rank(saved(ms), [{ terms: [{ term: 'wagner', weight: 1 }] }, { terms: [{ term: 'mali', weight: 1 }] }], options(df, { limit: 3, candidatePostings: 100 }), stats);
    // wagner: 40 passages; mali: all 2,000, walked by MiniSearch but scored only on those 40.
    expect(stats.postingsWalked).toBe(2040);
    expect(stats.postingsScored).toBe(80);
    // One search finds the candidates, one scores the common word on them.
    expect(stats.searches).toBe(2);
    // The best: wagner and mali twice (every 150th passage).
    for (const r of top) expect(Number(r.id.slice(1)) % 150).toBe(0);
  });

  it('scores a common word in full when no rarer word matched', () => {
    const { ms, df } = corpus(500);
    const stats: RankStats = { postingsWalked: 0, postingsScored: 0, searches: 0 };
    const top = rank(saved(ms), [{ terms: [{ term: 'mali', weight: 1 }] }], options(df, { limit: 2, candidatePostings: 100 }), stats);
    expect(stats.postingsScored).toBe(500);
    expect(top).toHaveLength(2);
  });

  it('scores the next rarest word in full when the rarest found fewer passages than asked for', () => {
    const { ms, df } = corpus(2000);
    const stats: RankStats = { postingsWalked: 0, postingsScored: 0, searches: 0 };
    // wagner: 40 passages, fewer than the 100 wanted; takuba (286) widens them, mali is scored on the rest.
    const groups = ['wagner', 'takuba', 'mali'].map((term) => ({ terms: [{ term, weight: 1 }] }));
    const top = rank(saved(ms), groups, options(df, { limit: 100, candidatePostings: 10 }), stats);
    expect(top).toHaveLength(100);
    expect(stats.postingsScored).toBe(40 + 286 + 40 + 286 - 6);
  });

  it('leaves the commonest words out once the others have walked their budget', () => {
    const { ms, df } = corpus(2000);
    const stats: RankStats = { postingsWalked: 0, postingsScored: 0, searches: 0 };
    const groups = ['wagner', 'takuba', 'mali'].map((term) => ({ terms: [{ term, weight: 1 }] }));
    const top = rank(saved(ms), groups, options(df, { limit: 3, candidatePostings: 100, walkPostings: 300 }), stats);
    // wagner finds 40 passages; takuba (286 postings) fits the walk, mali (2,000) does not.
    expect(stats.postingsWalked).toBe(40 + 286);
    expect(stats.postingsScored).toBe(40 + 6);
    // The best hold wagner and takuba (every 350th passage).
    for (const r of top) expect(Number(r.id.slice(1)) % 350).toBe(0);
  });

  it('asks nothing for terms the index does not hold', () => {
    const { ms, df } = corpus(50);
    expect(rank(saved(ms), [{ terms: [{ term: 'nowhere', weight: 1 }] }], options(df))).toEqual([]);
  });

  it('drops filtered passages and applies the boost', () => {
    const { ms, df } = corpus(300);
    const top = rank(
      saved(ms),
      [{ terms: [{ term: 'wagner', weight: 1 }] }],
      options(df, { limit: 10, filter: (id) => id !== 'p0', boost: (id) => (id === 'p100' ? 2 : 1) }),
    );
    expect(top[0]?.id).toBe('p100');
    expect(top.map((r) => r.id)).not.toContain('p0');
  });

  it('boosts and filters only the passages that could still reach the top, and ranks as when it boosts them all', () => {
    const { ms, df } = corpus(2000);
    const groups = ['takuba', 'mali'].map((term) => ({ terms: [{ term, weight: 1 }] }));
    // Boosts between 1 and 2, so the order changes; every 11th passage is filtered out.
    const boost = (id: string) => 1 + (Number(id.slice(1)) % 5) * 0.25;
    const filter = (id: string) => Number(id.slice(1)) % 11 !== 0;
    let looked = 0;
    const counted = <T,>(f: (id: string) => T) => (id: string) => {
      looked++;
      return f(id);
    };
    const all = rank(saved(ms), groups, options(df, { limit: 5, boost: counted(boost), filter: counted(filter) }));
    const everyOne = looked;
    looked = 0;
    const pruned = rank(saved(ms), groups, options(df, { limit: 5, boost: counted(boost), filter: counted(filter), boostCeiling: 2 }));
    expect(pruned).toEqual(all);
    expect(all).toHaveLength(5);
    // takuba is in 286 passages: each is filtered and most boosted without the ceiling, far fewer with it.
    expect(everyOne).toBeGreaterThan(286);
    expect(looked).toBeLessThan(everyOne / 2);
  });
});
