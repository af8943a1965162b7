import { describe, expect, it } from 'vitest';
import { fixGluedSentences } from '../../src/bench/glue.js';

describe('fixGluedSentences', () => {
  it('separates sentences glued across a paragraph break', () => {
    expect(fixGluedSentences('une tâche domestique.Consternant, dit-il')).toBe('une tâche domestique. Consternant, dit-il');
    expect(fixGluedSentences('Vraiment?Oui!Non.')).toBe('Vraiment? Oui! Non.');
  });

  it('separates after a digit and before an accented capital', () => {
    expect(fixGluedSentences('le 24 juin 2020.Émile est parti')).toBe('le 24 juin 2020. Émile est parti');
  });

  it('leaves abbreviations, decimals and already spaced text alone', () => {
    for (const text of ['les U.S.A et la R.D.C', 'un taux de 2.5 pour cent', 'fin. Début', 'fin.\nDébut']) {
      expect(fixGluedSentences(text)).toBe(text);
    }
  });

  it('is idempotent', () => {
    const once = fixGluedSentences('a.B c.D');
    expect(fixGluedSentences(once)).toBe(once);
  });
});
