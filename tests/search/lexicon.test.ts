import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandAcrossLanguages } from '../../src/search/bilingual.js';
import { Analyser } from '../../src/search/analyser.js';
import { bundledLexicon, bundledPeoples, DEFAULT_LEXICON_PATH, glossaryToTsv, parseLexicon } from '../../src/search/lexicon.js';
import { LANGS } from '../../src/types.js';

describe('parseLexicon', () => {
  it('reads pairs in both directions and skips lines that do not fit', () => {
    const lx = parseLexicon('en-nl\tsoldier\tsoldaat\nnonsense line\nxx-yy\ta\tb\nnl-fr\tsoldaat\tsoldat\n');
    expect(lx.translate('soldier', 'en', 'nl')).toEqual(['soldaat']);
    expect(lx.translate('soldaat', 'nl', 'en')).toEqual(['soldier']);
    expect(lx.translate('soldat', 'fr', 'nl')).toEqual(['soldaat']);
    expect(lx.size).toBe(2);
  });
});

describe('glossaryToTsv', () => {
  it('makes every word of a concept line a translation of every word of its other languages', () => {
    const lx = parseLexicon(glossaryToTsv('# a comment\nen: die, perish | nl: sneuvelen, gesneuveld | fr: mourir, morts\n\nnot a line\n'));
    expect(lx.translate('die', 'en', 'nl')).toEqual(['sneuvelen', 'gesneuveld']);
    expect(lx.translate('perish', 'en', 'fr')).toEqual(['mourir', 'morts']);
    expect(lx.translate('gesneuveld', 'nl', 'fr')).toEqual(['mourir', 'morts']);
    expect(lx.translate('morts', 'fr', 'en')).toEqual(['die', 'perish']);
  });

  it('makes the Dutch and French words of a line synonyms within their language', () => {
    const lx = parseLexicon(glossaryToTsv('en: coup | nl: staatsgreep, putsch, coup | fr: putsch, coup'));
    expect(lx.translate('coup', 'nl', 'nl')).toEqual(['staatsgreep', 'putsch']);
    expect(lx.translate('coup', 'fr', 'fr')).toEqual(['putsch']);
    expect(lx.translate('coup', 'en', 'en')).toEqual([]);
  });

  it('keeps a line with an empty language for its other pairs', () => {
    const lx = parseLexicon(glossaryToTsv('en: peacekeeper | nl: | fr: casque'));
    expect(lx.translate('peacekeeper', 'en', 'fr')).toEqual(['casque']);
    expect(lx.translate('peacekeeper', 'en', 'nl')).toEqual([]);
  });
});

describe('the bundled word list with the domain glossary', () => {
  it('reaches the news words FreeDict lacks: an English question meets "gesneuveld", "huurlingen", "staatsgreep"', () => {
    const analyser = new Analyser();
    const expand = (q: string, glossary: boolean) => expandAcrossLanguages(analyser.queryTerms(q, LANGS), q, analyser, bundledLexicon(glossary));
    const q = 'How many soldiers were killed after the coup, and who sent the mercenaries?';
    const variants = (glossary: boolean) => expand(q, glossary).flatMap((t) => t.variants);
    for (const w of ['gesneuveld', 'staatsgreep', 'huurlingen']) {
      expect(variants(true)).toContain(w);
      expect(variants(false)).not.toContain(w);
    }
  });
});

describe('the bundled FreeDict word list', () => {
  const lx = bundledLexicon(false);

  it('keeps confirmed translations and filters dictionary noise', () => {
    expect(lx.translate('die', 'en', 'nl')).toContain('sterven');
    // nld-eng gives "dobbelsteen → die" (a dice); no other dictionary confirms it.
    expect(lx.translate('die', 'en', 'nl')).not.toContain('dobbelsteen');
    expect(lx.translate('soldier', 'en', 'fr')).toEqual(['soldat']);
    for (const list of [lx.translate('die', 'en', 'nl'), lx.translate('kill', 'en', 'fr')]) {
      for (const w of list) expect(w).toMatch(/^\p{L}[\p{L}'-]+$/u); // single words only
    }
  });

  it('translates a word only the opposite dictionaries know ("cargo" has no eng-nld entry; nld-eng gives "vracht: cargo")', () => {
    expect(lx.translate('cargo', 'en', 'nl')).toContain('vracht');
    // so "cargo planes" meets the Dutch "vrachtvliegtuigen" through the compound's head
    const analyser = new Analyser();
    const q = 'How many cargo planes brought the helicopters?';
    const cargo = expandAcrossLanguages(analyser.queryTerms(q, LANGS), q, analyser, lx).find((t) => t.token === 'cargo');
    expect(cargo?.checkableIn).toContain('nl');
    expect(cargo?.variants).toContain('vracht');
  });
});

describe('expandAcrossLanguages', () => {
  const analyser = new Analyser();
  const expand = (q: string) => expandAcrossLanguages(analyser.queryTerms(q, LANGS), q, analyser, bundledLexicon());

  it('adds translations of an inflected word through its dictionary form', () => {
    const died = expand('How many soldiers died in the war?').find((t) => t.token === 'died');
    expect(died?.variants).toEqual(expect.arrayContaining(['sterven', 'mourir']));
  });

  it('translates an English inflected form through its dictionary form, not through the list\'s own noisy entry for the form', () => {
    // FreeDict maps "brought" to "bang"/"inquiet" (fraught); "bring" to "brengen"/"apporter".
    const brought = expand('How many planes brought the helicopters?').find((t) => t.token === 'brought');
    expect(brought?.variants).toEqual(expect.arrayContaining(['brengen', 'apporter']));
    expect(brought?.variants).not.toContain('bang');
  });

  it('translates a form that is a word in its own right as itself too, not only through its dictionary form', () => {
    // "ground" is the past of "grind" (malen, moudre) and a noun: "ground troops" are on the "sol"
    const ground = expand('Which aircraft supported the ground troops?').find((t) => t.token === 'ground');
    expect(ground?.variants).toEqual(expect.arrayContaining(['malen', 'sol', 'bodem']));
  });

  it('gives a Dutch question the Dutch synonyms of its words: "premier" meets "minister-president"', () => {
    const premier = expand('Wie is de premier van Mali?').find((t) => t.token === 'premier');
    expect(premier?.variants).toContain('minister-president');
  });

  it('translates a plural acronym through its singular ("MPs" → député, kamerlid)', () => {
    const mps = expand('When did the French MPs publish their report?').find((t) => t.token === 'mps');
    expect(mps?.isName).toBe(true);
    expect(mps?.variants).toEqual(expect.arrayContaining(['depute', 'kamerlid']));
  });

  it('does not translate names by their stem (French stems Mali to "mal", which means "bad")', () => {
    const mali = expand('Combien de soldats sont au Mali ?').find((t) => t.token === 'mali');
    expect(mali?.variants).not.toContain('slecht');
  });

  it('gives a word the same translations after other questions as on first use, per question language and for names', () => {
    const tsv = readFileSync(DEFAULT_LEXICON_PATH, 'utf8');
    const warm = parseLexicon(tsv);
    // "land" as a Dutch and as an English word, "tour" as a word and as a name, "die" in English and Dutch.
    const questions = [
      'Welk land is bereid om als nieuwe thuisbasis te dienen?',
      'Which land is ready to host the mission?',
      'How long was the tour?',
      'Wie won de Tour de France in 2021?',
      'How many soldiers die every year?',
      'Wie zijn die soldaten?',
    ];
    const terms = (q: string, lx: ReturnType<typeof parseLexicon>) => expandAcrossLanguages(analyser.queryTerms(q, LANGS), q, analyser, lx);
    const first = questions.map((q) => terms(q, parseLexicon(tsv)));
    for (const q of questions) terms(q, warm);
    expect(questions.map((q) => terms(q, warm))).toEqual(first);
    // The memo is per word list: another list translates differently.
    const tiny = parseLexicon('en-fr\tland\tterrain\n');
    expect(terms('Which land?', tiny).find((t) => t.token === 'land')?.variants).toContain('terrain');
  });

  it('says in which languages a word can be found: its own and those the list translates it into', () => {
    const terms = expand('How many planes did the jihadists capture?');
    expect(terms.find((t) => t.token === 'planes')?.checkableIn).toEqual(['en', 'nl', 'fr']);
    // FreeDict has no entry for "jihadist" in any direction: without the glossary the list cannot recognise it in Dutch or French.
    const freedictOnly = expandAcrossLanguages(analyser.queryTerms('How many jihadists?', LANGS), 'How many jihadists?', analyser, bundledLexicon(false));
    expect(freedictOnly.find((t) => t.token === 'jihadists')?.checkableIn).toEqual(['en']);
    expect(terms.find((t) => t.token === 'jihadists')?.checkableIn).toEqual(['en', 'nl', 'fr']);
  });

  it('counts a word spelt alike in two languages as a word of both (the list leaves such pairs out)', () => {
    const population = expand('What is the population of Bamako?').find((t) => t.token === 'population');
    expect(population?.checkableIn).toContain('fr');
  });
});

describe('bundledPeoples', () => {
  it('holds the countries and peoples of the glossary in every language, folded, and nothing else', () => {
    const peoples = bundledPeoples();
    for (const w of ['franse', 'francais', 'zweedse', 'swedish', 'russes', 'americains', 'tchèque'.normalize('NFD').replace(/\p{M}/gu, '')]) expect(peoples.has(w)).toBe(true);
    for (const w of ['soldaten', 'membres', 'entreprise', 'nato']) expect(peoples.has(w)).toBe(false);
  });
});
