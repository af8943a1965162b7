import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/bench/articles.js';
import { parseArticleLine } from '../../src/bench/articles.js';
import { articleToPoolArticle, collectPool, sliceCorpus, splitFirstSentence } from '../../src/bench/corpus.js';
import { syntheticArticles } from '../../src/bench/synthetic.js';

const take = (n: number): Article[] => {
  const out: Article[] = [];
  for (const a of syntheticArticles()) {
    out.push(a);
    if (out.length === n) break;
  }
  return out;
};

describe('splitFirstSentence', () => {
  it('repairs glued sentences before taking the first one out', () => {
    expect(splitFirstSentence('Le ministre est arrivé à Bamako.Il a rencontré le président. Fin.')).toEqual({
      first: 'Le ministre est arrivé à Bamako.',
      rest: 'Il a rencontré le président. Fin.',
    });
  });

  it('gives null for a one-sentence article', () => {
    expect(splitFirstSentence('Une seule phrase ici.')).toBeNull();
  });
});

describe('articleToPoolArticle', () => {
  it('indexes the article without its first sentence, dated from the record', () => {
    const pooled = articleToPoolArticle({ id: 'orangesum-7', date: '2020-07-02', text: 'Première phrase du texte ici.Deuxième phrase avec la suite du récit. Troisième phrase.' });
    expect(pooled?.doc.id).toBe('orangesum-7');
    expect(pooled?.doc.date?.iso).toBe('2020-07-02');
    expect(pooled?.firstSentence).toBe('Première phrase du texte ici.');
    expect(pooled?.doc.text).not.toContain('Première');
  });
});

describe('collectPool', () => {
  it('holds back every n-th article and never indexes it', async () => {
    const articles = take(40);
    const pool = await collectPool(articles, { passages: 1e9, heldBack: 3, heldBackEvery: 10 });
    const indexed = new Set(pool.articles.map((a) => a.doc.id));
    for (const n of [9, 19, 29]) expect(indexed.has(`synth-${n}`)).toBe(false);
    expect(pool.heldBack).toHaveLength(3);
    expect(pool.exhausted).toBe(true);
  });

  it('stops reading once it has the passages and the held-back articles', async () => {
    const pool = await collectPool(syntheticArticles(), { passages: 100, heldBack: 2, heldBackEvery: 5 });
    expect(pool.passages).toBeGreaterThanOrEqual(100);
    expect(pool.heldBack).toHaveLength(2);
    expect(pool.exhausted).toBe(false);
  });
});

describe('sliceCorpus', () => {
  it('takes exactly `size` passages after the base documents, cutting the last article short', async () => {
    const pool = await collectPool(take(30), { passages: 1e9, heldBack: 0, heldBackEvery: 1000 });
    const base = pool.articles.slice(0, 1).map((a) => a.doc);
    const corpus = sliceCorpus(pool.articles.slice(1), 37, base, 5);
    expect(corpus.passages).toHaveLength(37 + base[0]!.passages.length);
    expect(corpus.poolPassages).toBe(37);
    const last = corpus.documents.at(-1)!;
    expect(last.passageCount).toBe(last.passages.length);
  });

  it('picks known items among the sliced articles, pointing at their documents', async () => {
    const pool = await collectPool(take(30), { passages: 1e9, heldBack: 0, heldBackEvery: 1000 });
    const corpus = sliceCorpus(pool.articles, 60, [], 4);
    const ids = new Set(corpus.documents.map((d) => d.id));
    expect(corpus.knownItems).toHaveLength(4);
    for (const k of corpus.knownItems) expect(ids.has(k.docId)).toBe(true);
  });
});

describe('parseArticleLine', () => {
  it('reads an OrangeSum record and skips an empty line or a record without text', () => {
    expect(parseArticleLine('{"id":"orangesum-2","date":"2020-07-02","title":"T","text":"Du texte."}')).toEqual({ id: 'orangesum-2', date: '2020-07-02', title: 'T', text: 'Du texte.' });
    expect(parseArticleLine('')).toBeNull();
    expect(parseArticleLine('{"id":"x","text":""}')).toBeNull();
  });
});
