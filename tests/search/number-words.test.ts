import { describe, expect, it } from 'vitest';
import { isFigure } from '../../src/search/figures.js';
import { numberWordValue } from '../../src/search/number-words.js';

describe('numberWordValue', () => {
  it('reads Dutch number words as the corpus writes them', () => {
    expect(numberWordValue('zeshonderd')).toEqual({ value: 600, approximate: false });
    expect(numberWordValue('tweeduizend')).toEqual({ value: 2000, approximate: false });
    expect(numberWordValue('vijfduizend')).toEqual({ value: 5000, approximate: false });
    expect(numberWordValue('negentig')?.value).toBe(90);
    expect(numberWordValue('vijfenvijftig')?.value).toBe(55);
    expect(numberWordValue('tweeëntwintig')?.value).toBe(22);
    expect(numberWordValue('dertienhonderd')?.value).toBe(1300);
  });

  it('reads French number words, hyphenated parts included', () => {
    expect(numberWordValue('quatre-vingt-dix')?.value).toBe(90);
    expect(numberWordValue('vingt-et-un')?.value).toBe(21);
    expect(numberWordValue('trois-cents')?.value).toBe(300);
    expect(numberWordValue('deux-mille')?.value).toBe(2000);
  });

  it('reads English number words, for the LLM answers checked against them', () => {
    expect(numberWordValue('forty-five')?.value).toBe(45);
    expect(numberWordValue('thousand')?.value).toBe(1000);
    expect(numberWordValue('twelve')?.value).toBe(12);
    expect(numberWordValue('one')).toBeNull();
  });

  it('marks round figures as approximate ("veertigtal", "une trentaine")', () => {
    expect(numberWordValue('veertigtal')).toEqual({ value: 40, approximate: true });
    expect(numberWordValue('trentaine')).toEqual({ value: 30, approximate: true });
    expect(numberWordValue('centaines')).toEqual({ value: 100, approximate: true });
  });

  it('gives nothing for other words, for "een"/"un" (also "a") and for digits', () => {
    for (const w of ['soldaten', 'en', 'een', 'un', 'talent', 'totaal', '55', 'achtervolgen', 'centre']) expect(numberWordValue(w)).toBeNull();
  });
});

describe('one reading of number words for figures and values', () => {
  it('reads a word as a figure exactly when it has a value in that language', () => {
    const words = { nl: ['zeshonderd', 'veertigtal', 'miljoen', 'onze', 'vieren', 'eenheid', 'een'], fr: ['quinzaine', 'onze', 'quatre-vingt-dix', 'centre', 'un'], en: ['dozen', 'forty-five', 'one', 'often'] } as const;
    for (const [lang, list] of Object.entries(words) as [keyof typeof words, readonly string[]][]) {
      for (const w of list) expect(isFigure(w, lang), `${lang} ${w}`).toBe(numberWordValue(w, lang) !== null);
    }
    expect(numberWordValue('onze', 'nl')).toBeNull();
    expect(numberWordValue('onze', 'fr')?.value).toBe(11);
    expect(isFigure('quinzaine', 'fr')).toBe(true);
    expect(isFigure('miljoen', 'nl')).toBe(true);
  });
});
