import { describe, expect, it } from 'vitest';
import { articleToPoolArticle, sliceCorpus, type PoolArticle } from '../../src/bench/corpus.js';
import { docIdOf, type EngineAdapter } from '../../src/bench/engines/engine.js';
import { flexSearchEngine } from '../../src/bench/engines/flexsearch.js';
import { griotEngine } from '../../src/bench/engines/griot.js';
import { lunrEngine } from '../../src/bench/engines/lunr.js';
import { miniSearchEngine } from '../../src/bench/engines/minisearch.js';
import { syntheticArticles } from '../../src/bench/synthetic.js';

/** 30 generated articles, each with its first sentence taken out of the indexed text. */
function tinyCorpus() {
  const pool: PoolArticle[] = [];
  for (const article of syntheticArticles()) {
    const pooled = articleToPoolArticle(article);
    if (pooled) pool.push(pooled);
    if (pool.length === 30) break;
  }
  return sliceCorpus(pool, Number.MAX_SAFE_INTEGER, [], 10);
}

const ENGINES: [string, () => EngineAdapter][] = [
  ['griot', griotEngine],
  ['minisearch', miniSearchEngine],
  ['lunr', lunrEngine],
  ['flexsearch', flexSearchEngine],
];

describe.each(ENGINES)('%s adapter', (_name, make) => {
  const corpus = tinyCorpus();

  it('finds the article a removed first sentence came from in the top 5', () => {
    const engine = make();
    engine.build(corpus);
    expect(corpus.knownItems).toHaveLength(10);
    for (const { query, docId } of corpus.knownItems) {
      expect(engine.search(query, 5).map(docIdOf)).toContain(docId);
    }
  });

  it('returns at most k passage ids of the corpus, and nothing for an unknown word', () => {
    const engine = make();
    engine.build(corpus);
    const ids = new Set(corpus.passages.map((p) => p.id));
    const hits = engine.search(corpus.knownItems[0]?.query ?? '', 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (const id of hits) expect(ids.has(id)).toBe(true);
    expect(engine.search('xqzwvjk', 5)).toEqual([]);
  });

  it('answers the same after saving and loading its index', () => {
    const engine = make();
    engine.build(corpus);
    const queries = corpus.knownItems.map((k) => k.query);
    const before = queries.map((q) => engine.search(q, 5));
    const saved = engine.save?.();
    expect(saved?.length).toBeGreaterThan(0);
    engine.release();
    engine.load?.(saved as string | Uint8Array);
    expect(queries.map((q) => engine.search(q, 5))).toEqual(before);
  });
});
