import { describe, expect, it } from 'vitest';
import { anchorDistance, ANCHOR_FAR, asksForIntent, holdsRole, spanPosition, statedAsIntent } from '../../src/answer/evidence.js';

describe('statedAsIntent', () => {
  it('reads a figure after a marker of plan or intent as the plan, not the present', () => {
    expect(statedAsIntent('Het is de bedoeling dat Takuba uitgroeit tot een strijdmacht van tweeduizend soldaten.', 'tweeduizend', 'nl')).toBe(true);
    expect(statedAsIntent('Takuba telt op dit moment zo’n zeshonderd soldaten.', 'zeshonderd', 'nl')).toBe(false);
    expect(statedAsIntent('La force doit atteindre 2000 hommes.', '2000', 'fr')).toBe(true);
    expect(statedAsIntent('The force is expected to reach 2000 troops.', '2000', 'en')).toBe(true);
  });

  it('reads the nearer marker: "de huidige 5100 manschappen naar circa 2500-3000"', () => {
    const s = 'Frankrijk kondigde een troepenreductie aan van de huidige 5100 manschappen naar circa 2500 in 2023.';
    expect(statedAsIntent(s, '5100', 'nl')).toBe(false);
    expect(statedAsIntent(s, '2500', 'nl')).toBe(true);
  });
});

describe('asksForIntent', () => {
  it('tells a question about the plan from one about the present', () => {
    expect(asksForIntent('How many soldiers will Takuba have?')).toBe(true);
    expect(asksForIntent('How many soldiers does Takuba have?')).toBe(false);
    expect(asksForIntent('Combien de soldats la force doit-elle compter ?')).toBe(true);
  });
});

describe('holdsRole', () => {
  const head = (w: string) => /^pr[eé]sident/i.test(w);
  const mali = (w: string) => /^mali/i.test(w);
  it('says a person holds the role when its noun stands beside the name and its owner beside the noun', () => {
    expect(holdsRole('Assimi Goïta, president van Mali, sprak in Bamako.', 'Assimi Goïta', head, mali)).toBe(true);
    expect(holdsRole('De Malinese president Assimi Goïta sprak in Bamako.', 'Assimi Goïta', head, mali)).toBe(true);
  });
  it('does not when the owner stands elsewhere in the sentence', () => {
    expect(holdsRole('President Emmanuel Macron liet weten dat de regering van Mali geen legitimiteit heeft.', 'Emmanuel Macron', head, mali)).toBe(false);
  });
});

describe('spanPosition', () => {
  it('finds a span by its tokens, case and accents aside, or null', () => {
    expect(spanPosition('De Franse minister Florence Parly sprak.', 'florence parly')).toEqual([3, 4]);
    expect(spanPosition('Niets hier.', 'Parly')).toBeNull();
  });
});

describe('anchorDistance', () => {
  const asked = (words: string[]) => (w: string) => words.includes(w.toLowerCase());
  const text = 'Bij Operatie Barkhane zijn meer dan vijfduizend Franse soldaten betrokken; daarbij zijn al 55 Franse soldaten gesneuveld.';

  it('is small for the figure beside what the question names, larger for one further away', () => {
    const near = anchorDistance(text, '55', asked(['gesneuveld', 'soldaten']));
    const far = anchorDistance(text, 'vijfduizend', asked(['gesneuveld']));
    expect(near).toBe(2 / ANCHOR_FAR);
    expect(far).toBeGreaterThan(near);
  });

  it('is 1 when the span is not in the sentence or no word of the question is near', () => {
    expect(anchorDistance(text, '600', asked(['soldaten']))).toBe(1);
    expect(anchorDistance(text, '55', asked(['Takuba']))).toBe(1);
  });
});
