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

describe('Vocabulary.withDelta', () => {
  /** A deterministic pseudo-random sequence (tests must not change from run to run). */
  function random(seed: number): () => number {
    let s = seed;
    return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  }
  /** Words over a small alphabet whose spellings share cognate keys often (ph/f, c/k, doubled letters). */
  const word = (next: () => number) => Array.from({ length: 3 + Math.floor(next() * 4) }, () => 'akcphfli'[Math.floor(next() * 8)]).join('');

  it('equals the vocabulary made from the changed counts: terms joining, leaving and changing', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      const counts = new Map<string, number>();
      for (let i = 0; i < 300; i++) counts.set(word(next), 1 + Math.floor(next() * 5));
      const delta = new Map<string, number>();
      for (const [t, n] of counts) {
        const r = next();
        if (r < 0.2) delta.set(t, -n); // leaves
        else if (r < 0.5) delta.set(t, Math.floor(next() * 4) - Math.min(n - 1, 1));
      }
      for (let i = 0; i < 40; i++) {
        const t = word(next);
        if (!counts.has(t)) delta.set(t, 1 + Math.floor(next() * 3)); // joins
      }
      const after = new Map(counts);
      for (const [t, d] of delta) {
        const n = (after.get(t) ?? 0) + d;
        if (n === 0) after.delete(t);
        else after.set(t, n);
      }
      expect(Vocabulary.fromCounts(counts).withDelta(delta).snapshot()).toEqual(Vocabulary.fromCounts(after).snapshot());
    }
  });

  it('refuses to count a term below zero', () => {
    expect(() => Vocabulary.of(['mali']).withDelta(new Map([['mali', -2]]))).toThrow(/mali/);
    expect(() => Vocabulary.of(['mali']).withDelta(new Map([['gao', -1]]))).toThrow(/gao/);
  });
});
