import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayLabel, renderStatsChart, statsChartDays } from '../../src/charts/stats-chart.js';
import { THEME } from '../../src/charts/theme.js';
import { countColour, decodePng, differenceFromReference } from './png-compare.js';

const REFS = join(import.meta.dirname, 'refs');

const PER_DAY = Array.from({ length: 14 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 10, 24 + i)).toISOString().slice(0, 10),
  questions: (i * 5) % 13,
  refused: (i * 3) % 4 > (i * 5) % 13 ? 0 : (i * 3) % 4,
}));

describe('statsChartDays', () => {
  it('splits each day into answered and refused, and adds the articles added when they are known', () => {
    const days = statsChartDays([{ day: '2026-12-01', questions: 5, refused: 2 }], new Map([['2026-12-01', 3]]));
    expect(days).toEqual([{ day: '2026-12-01', answered: 3, refused: 2, added: 3 }]);
    expect(statsChartDays([{ day: '2026-12-01', questions: 5, refused: 2 }])[0]).not.toHaveProperty('added');
  });

  it('labels days in the reader’s language', () => {
    expect(dayLabel('2026-12-07', 'fr')).toBe('7 déc.');
    expect(dayLabel('2026-03-01', 'nl')).toBe('1 mrt');
  });
});

describe('renderStatsChart', () => {
  it('stacks answered and refused bars; draws the articles-added line only when some were added', () => {
    const without = decodePng(renderStatsChart(statsChartDays(PER_DAY), { lang: 'en' }).png);
    expect([without.width, without.height]).toEqual([1000, 440]);
    expect(countColour(without, THEME.answered)).toBeGreaterThan(2000);
    expect(countColour(without, THEME.refused)).toBeGreaterThan(500);
    expect(countColour(without, THEME.added)).toBe(0);

    const added = new Map([[PER_DAY[3]!.day, 4], [PER_DAY[9]!.day, 7]]);
    const withAdded = decodePng(renderStatsChart(statsChartDays(PER_DAY, added), { lang: 'en' }).png);
    expect(countColour(withAdded, THEME.added)).toBeGreaterThan(300);
  });

  it('keeps its layout (compared with the reference image, within a tolerance)', () => {
    const png = renderStatsChart(statsChartDays(PER_DAY, new Map([[PER_DAY[3]!.day, 4]])), { lang: 'fr' }).png;
    expect(differenceFromReference(png, join(REFS, 'stats-fr.png'))).toBeLessThan(0.005);
  });
});
