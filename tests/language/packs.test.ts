import { describe, expect, it } from 'vitest';
import { questionWordsFor, stopwordsFor } from '../../src/corpus/stopwords.js';
import { PACKS } from '../../src/language/index.js';
import { isQueryStopword } from '../../src/search/stopwords.js';
import { LANGS } from '../../src/types.js';

describe('the language packs', () => {
  it.each(LANGS)('name a stopword list and question words that the %s reader uses', (lang) => {
    expect(stopwordsFor(lang).size).toBeGreaterThan(50);
    expect([...questionWordsFor(lang)]).toEqual(PACKS[lang].questionWordForms);
  });

  it.each(LANGS)("drop the %s pack's function, question and source words from queries", (lang) => {
    const pack = PACKS[lang];
    for (const w of [...pack.functionWords, ...pack.sourceWords]) expect(isQueryStopword(w), w).toBe(true);
    // A content word of the corpus is still searched.
    expect(isQueryStopword('barkhane')).toBe(false);
  });
});
