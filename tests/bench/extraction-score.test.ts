import { describe, expect, it } from 'vitest';
import { scorePredictions, shingleMatch, tokenize } from '../../src/bench/extraction-score.js';

describe('extraction benchmark scoring (evaluate.py ported)', () => {
  it('tokenises words in any script, as \\w+ with Unicode', () => {
    expect(tokenize("L'état-major, 2022: Gao!")).toEqual(['L', 'état', 'major', '2022', 'Gao']);
  });

  it('scores a perfect extraction 1 and an empty one 0', () => {
    const truth = { a: 'one two three four five six', b: 'alpha beta gamma delta epsilon' };
    expect(scorePredictions(truth, truth)).toEqual({ f1: 1, precision: 1, recall: 1 });
    expect(scorePredictions(truth, { a: '', b: '' }).recall).toBe(0);
  });

  it('counts extra text against precision and missing text against recall, normalised per page', () => {
    // truth has 3 shingles; prediction repeats them and adds 3 others: tp 3, fp 3, fn 0 → normalised to 0.5/0.5/0.
    const [tp, fp, fn] = shingleMatch('a b c d e f', 'a b c d e f g h i');
    expect(tp).toBeCloseTo(0.5);
    expect(fp).toBeCloseTo(0.5);
    expect(fn).toBe(0);
    const s = scorePredictions({ x: 'a b c d e f' }, { x: 'a b c d e f g h i' });
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo(2 / 3);
  });
});
