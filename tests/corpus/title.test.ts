import { describe, expect, it } from 'vitest';
import { makeTitle, separateGluedText } from '../../src/corpus/title.js';

describe('makeTitle', () => {
  it('returns the first sentence when it fits', () => {
    expect(makeTitle('De beslissing komt niet uit de lucht vallen. Vorige week had Parijs al iets.')).toBe(
      'De beslissing komt niet uit de lucht vallen.',
    );
  });

  it('shortens a long first sentence at a word boundary and ends it with "…"', () => {
    const text =
      'Frankrijk zal nieuwe militaire operaties uitvoeren in het zogeheten drielandengebied (Mali, Burkina Faso, Niger).';
    const title = makeTitle(text, 80);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith('…')).toBe(true);
    const head = title.slice(0, -1);
    expect(text.startsWith(head)).toBe(true);
    expect(text[head.length]).toBe(' '); // cut between words
  });

  it('respects a custom maximum', () => {
    const title = makeTitle('Operatie Barkhane wordt beëindigd door president Macron.', 20);
    expect(title.length).toBeLessThanOrEqual(20);
    expect(title).toBe('Operatie Barkhane…');
  });

  it('uses a heading line as the title when the text starts with one', () => {
    expect(makeTitle('Uitweg voor Parijs\n\nDe putsch in Mali biedt een uitweg.')).toBe('Uitweg voor Parijs');
  });

  it('returns an empty title for empty text', () => {
    expect(makeTitle('')).toBe('');
  });

  it('never runs a headline into the article’s first word or a glued next sentence', () => {
    expect(makeTitle('Le gouvernement annonce un remaniementMardi, le président a parlé.')).toBe('Le gouvernement annonce un remaniement');
    expect(makeTitle('Violences domestiques.Consternant constat de la ministre.')).toBe('Violences domestiques.');
    expect(makeTitle('McDonald et YouTube lancent une offre. Puis autre chose.')).toBe('McDonald et YouTube lancent une offre.');
  });
});

describe('separateGluedText', () => {
  it('separates a headline glued to the first word and glued sentences, and leaves brands further down alone', () => {
    const text = 'Lutte contre le jihadisme et remaniementMardi, le président part.Il revient jeudi.\nArcelorMittal ferme un site.';
    expect(separateGluedText(text)).toBe('Lutte contre le jihadisme et remaniement\nMardi, le président part.\nIl revient jeudi.\nArcelorMittal ferme un site.');
  });
});
