import { describe, expect, it } from 'vitest';
import { Analyser } from '../../src/search/analyser.js';
import { MemoStemmer } from '../../src/search/stemmer.js';

describe('Analyser.indexTerms', () => {
  const a = new Analyser();
  it('drops Dutch stopwords and stems Dutch words', () => {
    expect(a.indexTerms('daarbij zijn al 55 soldaten gesneuveld', 'nl')).toEqual(['daarbij', '55', 'soldat', 'gesneuveld']);
  });
  it('keeps capitalised words (names) unstemmed so they match across languages', () => {
    expect(a.indexTerms('Operatie Barkhane in Mali', 'nl')).toEqual(['operatie', 'barkhane', 'mali']);
    expect(a.indexTerms('la force Barkhane au Mali', 'fr')).toEqual(['forc', 'barkhane', 'mali']);
  });
  it('drops French stopwords, stems French words and folds accents after stemming', () => {
    const terms = a.indexTerms('les militaires de la force française', 'fr');
    expect(terms).toEqual(['militair', 'forc', 'francais']);
  });
  it('stems English words', () => {
    expect(a.indexTerms('the helicopters were landing', 'en')).toEqual(['helicopt', 'land']);
  });
});

describe('Analyser.queryTerms', () => {
  const a = new Analyser();
  it('stems each word in every language so a French plural meets the Dutch stem', () => {
    const [militaires] = a.queryTerms('militaires', ['nl', 'fr']);
    expect(militaires?.variants).toContain('militair');
    expect(a.indexTerms('de militairen', 'nl')).toEqual(['militair']);
  });
  it('drops question words, stopwords and repeats', () => {
    expect(a.queryTerms('Hoeveel soldaten? Hoeveel soldaten!', ['nl']).map((t) => t.token)).toEqual(['soldaten']);
  });
  it('marks names (capitalised inside the question) and numbers', () => {
    const terms = a.queryTerms('Which Russian group sent 1000 men to Bamako?', ['en']);
    expect(terms.find((t) => t.token === 'bamako')?.isName).toBe(true);
    expect(terms.find((t) => t.token === 'group')?.isName).toBe(false);
    expect(terms.find((t) => t.token === '1000')?.isNumber).toBe(true);
  });
});

describe('MemoStemmer', () => {
  it('keeps each language’s stems apart: a word cached in one language is stemmed anew in another', () => {
    const s = new MemoStemmer();
    const words = ['militaires', 'soldaten', 'opération', 'helikopters'];
    const fresh = (lang: 'nl' | 'fr') => words.map((w) => new MemoStemmer().stem(w, lang));
    for (const lang of ['nl', 'fr', 'nl', 'fr'] as const) expect(words.map((w) => s.stem(w, lang))).toEqual(fresh(lang));
    expect(fresh('nl')).not.toEqual(fresh('fr'));
  });
  it('stays bounded: past its size it starts over and still stems correctly', () => {
    const s = new MemoStemmer(2);
    const words = ['soldaten', 'militairen', 'helikopters', 'soldaten'];
    expect(words.map((w) => s.stem(w, 'nl'))).toEqual(['soldat', 'militair', 'helikopter', 'soldat']);
  });
});

describe('Analyser.queryTerms: what a question does not search', () => {
  it('drops modal verbs, auxiliaries and source words from a question, which say how it is asked, not what about', () => {
    const a = new Analyser();
    const tokens = (q: string) => a.queryTerms(q, ['nl', 'fr', 'en']).map((t) => t.token);
    expect(tokens('Quand le déplacement des militaires hors du Mali doit-il être terminé ?')).toEqual(['deplacement', 'militaires', 'mali', 'termine']);
    expect(tokens('When was the force supposed to leave, according to the article?')).toEqual(['force', 'leave']);
  });

  it('does not take a title or institution capitalised by convention for a name', () => {
    const a = new Analyser();
    const names = (q: string) => a.queryTerms(q, ['nl', 'fr', 'en']).filter((t) => t.isName).map((t) => t.token);
    expect(names("Qui a reçu la ministre des Armées à Bamako ?")).toEqual(['bamako']);
    expect(names("Macron a reçu les chefs d'État du Sahel")).toEqual(['sahel']);
    expect(names('Who did Prime Minister Maïga accuse?')).toEqual(['maiga']);
  });

  it('drops the same function words in every language: "itself", "si", "entre", "tijdens" are not searched', () => {
    const a = new Analyser();
    const tokens = (q: string) => a.queryTerms(q, ['nl', 'fr', 'en']).map((t) => t.token);
    expect(tokens('How many French troops were in Mali itself?')).toEqual(['french', 'troops', 'mali']);
    expect(tokens("Macron partirait-il si Bamako pactisait avec les islamistes ?")).toEqual(['macron', 'partirait', 'bamako', 'pactisait', 'islamistes']);
    expect(tokens('Les relations entre Paris et Bamako')).toEqual(['relations', 'paris', 'bamako']);
    expect(tokens('Wat gebeurde er tijdens de top?')).toEqual(['gebeurde', 'top']);
    expect(tokens('Quel temps fera-t-il à Paris demain ?')).toEqual(['temps', 'paris', 'demain']);
    expect(tokens('Who were the MPs behind the report?')).toEqual(['mps', 'report']);
  });
});
