import { describe, expect, it } from 'vitest';
import { fitLogistic, foldOf, predict, thresholdFor } from '../../src/eval/logistic.js';

describe('fitLogistic', () => {
  it('learns which feature tells right from wrong, and ignores one that does not', () => {
    const xs: number[][] = [];
    const ys: boolean[] = [];
    for (let i = 0; i < 200; i++) {
      const signal = (i % 10) / 10;
      const noise = ((i * 7) % 13) / 13;
      xs.push([signal, noise]);
      ys.push(signal + (i % 3 === 0 ? 0.15 : -0.05) > 0.5);
    }
    const fit = fitLogistic(xs, ys);
    expect(fit.weights[0]).toBeGreaterThan(3);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(1);
    expect(predict(fit, [0.9, 0.5])).toBeGreaterThan(0.8);
    expect(predict(fit, [0.1, 0.5])).toBeLessThan(0.2);
  });
});

describe('thresholdFor', () => {
  it('gives the lowest threshold at which the answered reach the precision asked', () => {
    const ps = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const right = [true, true, true, true, false, false];
    expect(thresholdFor(ps, right, 0.8, 1)).toBe(0.5);
    expect(thresholdFor(ps, right, 1, 1)).toBe(0.6);
    expect(thresholdFor([0.5], [false], 0.9, 1)).toBe(1);
  });
});

describe('foldOf', () => {
  it('puts a key in the same fold every time, and spreads keys over the folds', () => {
    expect(foldOf('dev/d01', 5)).toBe(foldOf('dev/d01', 5));
    const folds = new Set(Array.from({ length: 50 }, (_, i) => foldOf(`set/q${i}`, 5)));
    expect(folds.size).toBe(5);
  });
});
