import { describe, expect, it } from 'vitest';
import { bearingTop3, containsAnswer, knownItemRecall } from '../../src/bench/quality.js';
import type { EvalQuestion } from '../../src/eval/score.js';

const q = (id: string, gold: string[], answer_any: string[]): EvalQuestion => ({ id, lang: 'fr', question: id, gold, answer_any });

describe('containsAnswer', () => {
  it('ignores case and accents', () => {
    expect(containsAnswer("L'opération BARKHANE a pris fin", ['operation barkhane'])).toBe(true);
    expect(containsAnswer('Serval', ['Barkhane'])).toBe(false);
  });
});

describe('bearingTop3', () => {
  const texts = new Map([
    ['a#0', 'rien'],
    ['a#1', 'encore rien'],
    ['a#2', 'toujours rien'],
    ['b#0', '55 soldats tués'],
  ]);
  it('counts an answer only in the first three passages, over answerable questions', () => {
    const questions = [q('in', ['b'], ['55']), q('late', ['b'], ['55']), q('none', [], ['x'])];
    const results = [['a#0', 'b#0'], ['a#0', 'a#1', 'a#2', 'b#0'], ['b#0']];
    expect(bearingTop3(questions, results, (id) => texts.get(id))).toEqual({ hits: 1, of: 2, rate: 0.5 });
  });
});

describe('knownItemRecall', () => {
  it('counts a hit on any passage of the gold document within k', () => {
    const results = [['x#0', 'gold#3'], ['x#0', 'x#1', 'gold#0']];
    expect(knownItemRecall(['gold', 'gold'], results, 2)).toEqual({ hits: 1, of: 2, rate: 0.5 });
    expect(knownItemRecall(['gold', 'gold'], results, 3).rate).toBe(1);
  });
});
