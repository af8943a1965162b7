import { describe, expect, it } from 'vitest';
import { normaliseCitationMarks } from '../../src/answer/citation-marks.js';

describe('normaliseCitationMarks', () => {
  const cases: Array<[string, string, string]> = [
    ['lenticular brackets', 'France left Mali in 2022【1】.', 'France left Mali in 2022 [1].'],
    ['OpenAI-style file citations', 'It took months 【2:3†source】 and more【1†source】.', 'It took months [2] and more [1].'],
    ['footnotes, with their definitions dropped', 'France left[^1]. Soldiers died [^2].\n\n[^1]: Source one\n[^2]: Source two', 'France left [1]. Soldiers died [2].'],
    ['[Source n] in any case and language', 'France left [Source 1]. Troops [source 2, 3]. Frankrijk [Bron 1].', 'France left [1]. Troops [2, 3]. Frankrijk [1].'],
    ['(n) before a full stop', 'France left (1). Soldiers died (Source 2).', 'France left [1]. Soldiers died [2].'],
    ['(n) after a full stop', 'France left. (1) Then more.', 'France left [1]. Then more.'],
    ['a marker after the full stop', 'France left in 2022. [1] Then [2].', 'France left in 2022 [1]. Then [2].'],
    ['a range', 'France left [1-3].', 'France left [1, 2, 3].'],
    ['a trailing Sources list', 'France left [1].\n\nSources:\n[1] Frankrijk trekt troepen terug\n[2] Le dernier soldat', 'France left [1].'],
    ['a bold numbered Sources list', 'France left [1].\n\n**Sources:**\n1. Frankrijk\n2. Le dernier', 'France left [1].'],
    ['a one-line Sources list', 'France left [1].\nSources: [1], [2]', 'France left [1].'],
  ];
  for (const [what, input, expected] of cases) {
    it(`turns ${what} into [n] markers`, () => {
      expect(normaliseCitationMarks(input)).toBe(expected);
    });
  }

  it('leaves enumerations, bracketed years and two markers as they are', () => {
    expect(normaliseCitationMarks('Three steps: (1) leave, (2) go home.')).toBe('Three steps: (1) leave, (2) go home.');
    expect(normaliseCitationMarks('In [2022] France left [1][2].')).toBe('In [2022] France left [1][2].');
  });

  it('keeps French spacing before punctuation in the text', () => {
    expect(normaliseCitationMarks('Pourquoi ? Le retrait : parce que【1】.')).toBe('Pourquoi ? Le retrait : parce que [1].');
  });
});
