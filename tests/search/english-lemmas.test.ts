import { describe, expect, it } from 'vitest';
import { englishLemmas } from '../../src/search/english-lemmas.js';

describe('englishLemmas', () => {
  it('returns the dictionary form of an irregular verb and of a plural', () => {
    expect(englishLemmas('brought')).toContain('bring');
    expect(englishLemmas('fought')).toContain('fight');
    expect(englishLemmas('troops')).toContain('troop');
  });

  it('returns nothing for a word that is already its dictionary form', () => {
    expect(englishLemmas('soldier')).toEqual([]);
  });
});
