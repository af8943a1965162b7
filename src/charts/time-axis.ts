/** Ticks of a time axis at month and year starts, labelled in a language. Pure; times are UTC epoch ms. */
import type { Lang } from '../types.js';
import { SHORT_MONTHS } from './labels.js';

/** One tick: where it is, its label's lines, and whether it starts a year (drawn stronger). */
export interface TimeTick {
  readonly value: number;
  readonly label: readonly string[];
  readonly major: boolean;
}

/** Tick steps in months, finest first. */
const STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];

const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1);
const monthIndex = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * Ticks between `min` and `max` at the finest step (1, 2, 3, 6 months, then years) that gives at
 * most `maxTicks`. Below a year's step a tick reads its month, and its year too when it is the
 * first tick or a January; from a year's step on, only the year.
 */
export function timeTicks(min: number, max: number, lang: Lang, maxTicks = 12): TimeTick[] {
  const first = monthIndex(min) + (monthStart(monthIndex(min)) < min ? 1 : 0);
  const last = monthIndex(max);
  for (const step of STEPS) {
    const start = Math.ceil(first / step) * step;
    const count = start > last ? 0 : Math.floor((last - start) / step) + 1;
    if (count > maxTicks && step !== STEPS.at(-1)) continue;
    const ticks: TimeTick[] = [];
    for (let i = start; i <= last; i += step) {
      const year = String(Math.floor(i / 12));
      const month = i % 12;
      const label = step >= 12 ? [year] : month === 0 || ticks.length === 0 ? [SHORT_MONTHS[lang][month]!, year] : [SHORT_MONTHS[lang][month]!];
      ticks.push({ value: monthStart(i), label, major: month === 0 });
    }
    return ticks;
  }
  return [];
}
