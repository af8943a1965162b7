import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/document.js';
import { Analyser } from '../../src/search/analyser.js';
import type { RankStats } from '../../src/search/rank.js';
import { DEFAULT_TUNING, SearchIndex } from '../../src/search/search-index.js';
import type { Document } from '../../src/types.js';
import { DEV_QUESTIONS, seedIndex } from '../helpers/seeds.js';

describe('SearchIndex.search over the seeds', () => {
  it('ranks the passage that answers a Dutch question first', async () => {
    const index = await seedIndex();
    const [top] = index.search('Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?');
    expect(top?.passage.text).toContain('55 Franse soldaten gesneuveld');
    expect(top?.doc.id).toBe('001_bb4ad67e1b753670');
  });

  it('finds a Dutch passage for an English question through shared stems and near-cognates', async () => {
    const index = await seedIndex();
    const hits = index.search('Which Russian group sent helicopters and weapons to Bamako?', { limit: 3 });
    expect(hits.map((h) => h.doc.id)).toContain('003_744bafa943ee8020');
  });

  it('finds a French passage for a French question in a mostly Dutch corpus', async () => {
    const index = await seedIndex();
    const [top] = index.search('Combien de membres de l’EIGS ont été tués ?');
    expect(top?.passage.text).toContain('869');
  });

  it('returns passages with their document metadata and offsets into the cleaned text', async () => {
    const index = await seedIndex();
    for (const hit of index.search('Takuba', { limit: 10 })) {
      const doc = index.document(hit.doc.id);
      expect(doc?.text.slice(hit.passage.start, hit.passage.end)).toBe(hit.passage.text);
      expect(hit.doc.title.length).toBeGreaterThan(0);
    }
  });

  it('respects the limit and ranks by descending score', async () => {
    const index = await seedIndex();
    const hits = index.search('Mali', { limit: 4 });
    expect(hits).toHaveLength(4);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('filters by article date, precision-aware, leaving undated articles out of a range', async () => {
    const index = await seedIndex();
    const hits = index.search('Barkhane', { limit: 50, from: '2021', to: '2021-06' });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.doc.date?.iso))).toEqual(new Set(['2021-06']));
  });

  it('ranks passages of an article from a month the question names higher', async () => {
    const index = await seedIndex();
    const [top] = index.search('How many Estonian soldiers are in Mali according to the October 2021 article?');
    expect(top?.doc.date?.iso).toBe('2021-10');
  });

  it('returns nothing for a query made only of stopwords', async () => {
    const index = await seedIndex();
    expect(index.search('de het een the le la')).toEqual([]);
  });

  it('reports the languages of its passages', async () => {
    const index = await seedIndex();
    expect(index.languages()).toEqual(['fr', 'nl']);
  });
});

describe('SearchIndex snapshot', () => {
  it('restores to an index that answers the same queries identically', async () => {
    const index = await seedIndex();
    const restored = SearchIndex.restore(index.snapshot(), new Analyser());
    const q = 'Welk land is bereid om als nieuwe thuisbasis te dienen?';
    expect(restored.search(q).map((h) => [h.passage.id, h.score])).toEqual(index.search(q).map((h) => [h.passage.id, h.score]));
    expect(restored.documents()).toEqual(index.documents());
  });

  it('keeps the document frequencies counted at build time', async () => {
    const index = await seedIndex();
    const analyser = new Analyser();
    const holding = (term: string) =>
      index.fullDocuments().flatMap((d) => d.passages).filter((p) => analyser.indexTerms(p.text, p.lang).includes(term)).length;
    const restored = SearchIndex.restore(index.snapshot(), new Analyser());
    for (const term of ['barkhane', 'militair', 'mali']) {
      expect(index.documentFrequency(term)).toBeGreaterThan(0);
      expect(index.documentFrequency(term)).toBe(holding(term));
      expect(restored.documentFrequency(term)).toBe(index.documentFrequency(term));
    }
    expect(restored.documentFrequency('nowhereword')).toBe(0);
  });
});

describe('SearchIndex per-word memo', () => {
  it('ranks each question as a fresh index does, after questions that share its words', async () => {
    const index = await seedIndex();
    const snapshot = index.snapshot();
    const questions = readFileSync(DEV_QUESTIONS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { question: string }).question);
    questions.push('Which land hosts the defence mission?', 'Defensie', 'How many helicopters?');
    const ranked = (ix: SearchIndex, q: string) => ix.search(q, { limit: 8 }).map((h) => [h.passage.id, h.score]);
    for (const q of questions) ranked(index, q);
    for (const q of questions) {
      const fresh = SearchIndex.restore(snapshot, new Analyser());
      expect(ranked(index, q)).toEqual(ranked(fresh, q));
    }
  });
});

describe('SearchIndex.search among many unrelated articles', () => {
  const TOPICS = ['la réforme des retraites', 'le budget de la ville', 'la saison de football', 'le festival de musique'];
  /**
   * A Dutch article about Takuba among 200 French local news items and 8 French articles that hold
   * several translations of two of the question's words (task → tâche, devoir; force → force,
   * puissance, obliger), as news articles do.
   */
  function haystack(): Document[] {
    const out: Document[] = [];
    const add = (file: string, raw: string) => {
      const d = parseDocument(file, raw);
      if (!('skip' in d)) out.push(d);
    };
    add(
      'takuba.txt',
      'Europese taskforce in de Sahel\n\nDe Europese taskforce Takuba telt nu zeshonderd soldaten. Volgens de plannen moet Takuba de kracht van de missie worden en uitgroeien tot tweeduizend man.\n',
    );
    for (let i = 0; i < 200; i++) {
      const t = TOPICS[i % TOPICS.length];
      add(`news-${i}.txt`, `Nouvelles ${i} sur ${t}\n\nLe conseil a discuté de ${t} mardi soir avec les habitants du quartier numéro ${i}, qui attendent une décision rapide.\n`);
    }
    for (let i = 0; i < 8; i++) {
      const t = TOPICS[i % TOPICS.length];
      add(`opinion-${i}.txt`, `Opinion ${i} sur ${t}\n\nLa tâche du ministre, son devoir dans ${t}: la force de ses idées, sa puissance, doit obliger les autres (${i}).\n`);
    }
    return out;
  }

  it('ranks the article about the question\'s subject first, above articles that hold many translations of its common words', () => {
    const index = SearchIndex.build(haystack(), new Analyser());
    const [top] = index.search('How big should the Takuba task force become?', { limit: 3 });
    expect(top?.doc.id).toBe('takuba');
    expect(top?.passage.text).toContain('tweeduizend');
  });
});

describe('SearchIndex.search with a word whose translations are common', () => {
  it('does not walk the postings of a variant found everywhere when the word has a rarer one, and ranks the same article first', () => {
    const docs: Document[] = [];
    const add = (file: string, raw: string) => {
      const d = parseDocument(file, raw);
      if (!('skip' in d)) docs.push(d);
    };
    add('estland.txt', 'Estland en Takuba\n\nEstland levert een veertigtal soldaten aan de Europese eenheid Takuba.\n');
    // 1,000 French items, 150 of them about "militaires" (a translation of "soldiers"), none about Estonia.
    for (let i = 0; i < 1000; i++) {
      const about = i % 20 < 3 ? 'les militaires du régiment' : 'le marché couvert';
      add(`news-${i}.txt`, `Nouvelles ${i}\n\nLe conseil a discuté mardi de ${about} avec les habitants du quartier numéro ${i}.\n`);
    }
    const analyser = new Analyser();
    const capped = SearchIndex.build(docs, analyser);
    const uncapped = SearchIndex.build(docs, analyser, { ...DEFAULT_TUNING, commonVariantShare: 1 });
    const q = 'How many soldiers does Estonia send to Takuba?';
    const walked = (ix: SearchIndex) => {
      const stats: RankStats = { postingsWalked: 0, postingsScored: 0, searches: 0 };
      const [top] = ix.search(q, { limit: 5 }, stats);
      return { top: top?.doc.id, walked: stats.postingsWalked };
    };
    const a = walked(capped);
    const b = walked(uncapped);
    expect(a.top).toBe('estland');
    expect(b.top).toBe('estland');
    expect(a.walked).toBeLessThan(b.walked - 100);
  });
});

