import { describe, expect, it } from 'vitest';
import { cognateKey, editDistance, Vocabulary } from '../../src/search/vocabulary.js';

const vocab = Vocabulary.of(['helikopter', 'defensie', 'defensiepersoneel', 'avril', 'akkoord', 'militair', 'soldat', 'forc', 'troep']);
const terms = (stem: string, edits = 2) => vocab.expand(stem, 20, edits).map((e) => e.term);

describe('Vocabulary.expand', () => {
  it('finds the cognate spelled with k for c', () => {
    expect(terms('helicopter')).toContain('helikopter');
  });

  it('finds Dutch compounds that start with the stem, as prefix matches', () => {
    expect(vocab.expand('defensie', 20, 2)).toEqual([{ term: 'defensiepersoneel', kind: 'prefix', distance: 9 }]);
  });

  it('finds a term that differs at its start or its end by an edit', () => {
    expect(terms('april', 1)).toEqual(['avril']);
    expect(terms('force', 1)).toEqual(['forc']);
    expect(terms('troup', 1)).toEqual(['troep']);
  });

  it('leaves out terms more edits away than allowed', () => {
    expect(terms('accord', 1)).not.toContain('akkoord');
    expect(terms('militari', 1)).toEqual([]);
    expect(terms('militari', 2)).toEqual(['militair']);
  });

  it('never returns the stem itself', () => {
    expect(terms('soldat')).toEqual([]);
  });
});

describe('cognateKey', () => {
  it('neutralises spelling differences between the languages', () => {
    expect(cognateKey('helicopter')).toBe(cognateKey('helikopter'));
    expect(cognateKey('philosophie')).toBe('filosofie');
    expect(cognateKey('commissie')).toBe('komisie');
  });
});

describe('editDistance', () => {
  it('counts substitutions, insertions and deletions, stopping past the limit', () => {
    expect(editDistance('april', 'avril', 2)).toBe(1);
    expect(editDistance('militari', 'militair', 2)).toBe(2);
    expect(editDistance('accord', 'akkoord', 1)).toBe(2);
  });
});

describe('Vocabulary.documentFrequency', () => {
  const counted = Vocabulary.fromCounts(new Map([['mali', 40], ['wagner', 3], ['militair', 12]]));

  it('returns the passages counted for a term, and 0 for a term the index lacks', () => {
    expect(counted.documentFrequency('mali')).toBe(40);
    expect(counted.documentFrequency('wagner')).toBe(3);
    expect(counted.documentFrequency('mal')).toBe(0);
    expect(counted.documentFrequency('zzz')).toBe(0);
  });

  it('is the same after a snapshot is restored, and so are expansions', () => {
    const restored = Vocabulary.restore(JSON.parse(JSON.stringify(counted.snapshot())));
    expect(restored.documentFrequency('militair')).toBe(12);
    expect(restored.expand('militari', 20, 2)).toEqual(counted.expand('militari', 20, 2));
  });

  it('refuses a snapshot whose arrays do not fit together', () => {
    const s = counted.snapshot();
    expect(() => Vocabulary.restore({ ...s, df: [1] })).toThrow(/different lengths/);
  });
});
