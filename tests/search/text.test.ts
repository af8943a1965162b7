import { describe, expect, it } from 'vitest';
import { fold, isNumber, tokenize } from '../../src/search/text.js';

describe('tokenize', () => {
  it('lower-cases and splits on punctuation, apostrophes and hyphens', () => {
    expect(tokenize("l'EIGS, Al-Qaida en de G5 Sahel-top!")).toEqual(['l', 'eigs', 'al', 'qaida', 'en', 'de', 'g5', 'sahel', 'top']);
  });
  it('joins thousands separators so 1.000 and 1000 are one number', () => {
    expect(tokenize('die 1.000 man gaat sturen')).toContain('1000');
    expect(tokenize('5.100 manschappen')).toContain('5100');
  });
  it('keeps decimals and ranges apart', () => {
    expect(tokenize('circa 2500-3000 in 2023')).toEqual(['circa', '2500', '3000', 'in', '2023']);
  });
});

describe('fold', () => {
  it('removes accents and diaeresis', () => {
    expect(fold('opération beëindigd maïga')).toBe('operation beeindigd maiga');
  });
  it('is idempotent', () => {
    expect(fold(fold('Ménaka'))).toBe(fold('Ménaka'));
  });
});

describe('isNumber', () => {
  it('tells numbers from words', () => {
    expect(isNumber('55')).toBe(true);
    expect(isNumber('g5')).toBe(false);
  });
});
