import { describe, expect, it } from 'vitest';
import { checkGrounding, evidenceOf, factsOf, wordsOf } from '../../src/answer/grounding.js';
import { FR_LAST_SOLDIER, hit, NL_ANNOUNCEMENT } from './llm-fixtures.js';

const NL_NUMBERS = hit('005_nl', 'nl', 'Troepen in de Sahel', 'In de Sahel zijn 5.100 Franse militairen actief; daarbij zijn vijfduizend soldaten betrokken bij Barkhane en zijn al 55 soldaten gesneuveld.');
const evidence = [NL_ANNOUNCEMENT, FR_LAST_SOLDIER, NL_NUMBERS].map(evidenceOf);
const grounded = (sentence: string, hits = evidence, question = '') => checkGrounding(factsOf(sentence), hits, wordsOf(question));

describe('checkGrounding', () => {
  it('rejects a number that no passage contains', () => {
    expect(grounded('In total 9999 soldiers were killed there [1].')).toMatchObject({ grounded: false, missing: ['9999'] });
  });

  it('finds numbers whatever their thousands separator, and number words in passages', () => {
    for (const s of ['About 5,100 soldiers [3].', 'Environ 5 100 militaires [3].', 'Ongeveer 5.100 militairen [3].', 'More than 5,000 soldiers [3].', 'It takes 4 to 6 months [1].']) {
      expect(grounded(s).grounded, s).toBe(true);
    }
    expect(grounded('About 5,200 soldiers [3].').grounded).toBe(false);
  });

  it('compares dates across languages and formats', () => {
    for (const s of ['France announced it on 17 February 2022 [1].', 'La France l’a annoncé le 17 février 2022 [1].', 'On February 17, 2022 [1].', 'Op 17/02/2022 [1].', 'The last soldier left in August 2022 [2].', 'It happened in 2022 [1].']) {
      expect(grounded(s).grounded, s).toBe(true);
    }
    expect(grounded('The last soldier left on 16 August 2022 [2].').missing).toEqual(['16 August 2022']);
    expect(grounded('It ended in May 2023 [2].').grounded).toBe(false);
  });

  it('counts the passage’s publication date as evidence', () => {
    expect(grounded('According to an article of February 2022, France is leaving Mali [1].', [evidenceOf(NL_ANNOUNCEMENT)]).grounded).toBe(true);
  });

  it('finds names folded for accents and in another language’s spelling, and rejects a sentence whose names are all unknown', () => {
    expect(grounded('France is leaving Mali [1].', [evidenceOf(NL_ANNOUNCEMENT)]).grounded).toBe(true);
    expect(grounded('The Operation Barkhané ends [1].', [evidenceOf(NL_ANNOUNCEMENT)]).grounded).toBe(true);
    expect(grounded('Then Putin visited Moscow [1].', [evidenceOf(NL_ANNOUNCEMENT)])).toMatchObject({ grounded: false, missing: ['putin', 'moscow'] });
  });

  it('knows the other languages’ names of countries and their peoples', () => {
    const dutch = hit('007_nl', 'nl', 'Nederland in Mali', 'Nederland heeft acht militairen in Mali; Duitsland stuurt er meer, en Rusland ook.');
    for (const s of ['The Dutch government keeps eight soldiers there [1].', 'Then Germany sends more [1].', 'And Russia too [1].', 'L’Allemagne en envoie davantage [1].']) {
      expect(grounded(s, [evidenceOf(dutch)]).grounded, s).toBe(true);
    }
    expect(grounded('Then Spain sends more [1].', [evidenceOf(dutch)]).grounded).toBe(false);
  });

  it('accepts the question’s own names but never its numbers', () => {
    expect(grounded('Yes, Wagner left Moscow [1].', [evidenceOf(NL_ANNOUNCEMENT)], 'Did Wagner leave Moscow?').grounded).toBe(true);
    expect(grounded('Yes, 9999 soldiers died [1].', [evidenceOf(NL_ANNOUNCEMENT)], 'Did 9999 soldiers die?').grounded).toBe(false);
  });

  it('has nothing to check in a sentence without numbers, dates or names', () => {
    expect(grounded('That took a long time [1].')).toEqual({ grounded: true, missing: [], empty: true });
  });
});
