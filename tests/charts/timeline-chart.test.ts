import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticEvents } from '../../src/bench/charts.js';
import { dateSpan, placeMarks, renderTimelineChart } from '../../src/charts/timeline-chart.js';
import { THEME } from '../../src/charts/theme.js';
import { timeTicks } from '../../src/charts/time-axis.js';
import { EVENTS } from './fixtures.js';
import { countColour, decodePng, differenceFromReference, pixel } from './png-compare.js';

const REFS = join(import.meta.dirname, 'refs');

describe('timeTicks', () => {
  it('labels months in Dutch and French, with the year under the first tick and under each January', () => {
    const nl = timeTicks(Date.UTC(2022, 1, 10), Date.UTC(2022, 6, 20), 'nl');
    expect(nl.map((t) => t.label.join(' '))).toEqual(['mrt 2022', 'apr', 'mei', 'jun', 'jul']);
    const fr = timeTicks(Date.UTC(2022, 10, 1), Date.UTC(2023, 2, 1), 'fr');
    expect(fr.map((t) => t.label.join(' '))).toEqual(['nov. 2022', 'déc.', 'janv. 2023', 'févr.', 'mars']);
    expect(fr.filter((t) => t.major).map((t) => t.label[0])).toEqual(['janv.']);
  });

  it('steps by quarters, half years, then years so the axis keeps at most its tick count', () => {
    const ticks = timeTicks(Date.UTC(2013, 0, 1), Date.UTC(2023, 11, 31), 'en', 12);
    expect(ticks.length).toBeLessThanOrEqual(12);
    expect(ticks.map((t) => t.label.join(' '))).toEqual(['2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023']);
    expect(timeTicks(Date.UTC(2021, 0, 1), Date.UTC(2023, 11, 1), 'en', 12).map((t) => t.label.join(' '))).toEqual([
      'Jan 2021', 'Apr', 'Jul', 'Oct', 'Jan 2022', 'Apr', 'Jul', 'Oct', 'Jan 2023', 'Apr', 'Jul', 'Oct',
    ]);
  });
});

describe('placeMarks', () => {
  it('numbers marks in list order and never lets two marks of a row touch', () => {
    const msPerPx = (Date.UTC(2023, 5, 1) - Date.UTC(2022, 0, 1)) / 1100;
    const { marks, rows } = placeMarks(EVENTS, msPerPx, 11);
    expect(marks.map((m) => m.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The two events of 17 February 2022 cannot share a row.
    expect(marks[0]!.row).not.toBe(marks[1]!.row);
    expect(rows).toBe(2);
    for (const a of marks) {
      for (const b of marks) {
        if (a.n < b.n && a.row === b.row) expect(Math.abs(a.at - b.at) / msPerPx).toBeGreaterThan(22);
      }
    }
  });

  it('puts a stated range’s mark at its start and a month’s in its middle', () => {
    const { marks } = placeMarks(EVENTS, 1, 11);
    expect(marks[3]!.start).toBe(Date.UTC(2022, 5, 1));
    expect(marks[3]!.end).toBe(dateSpan('2022-06-20').end);
    expect(new Date(marks[3]!.at).toISOString().slice(0, 10)).toBe('2022-06-01');
    expect(new Date(marks[2]!.at).toISOString().slice(0, 10)).toBe('2022-05-16');
  });
});

describe('renderTimelineChart', () => {
  it('draws a PNG 1200 pixels wide on the opaque card, marks in the mark colours, pale for inferred dates', () => {
    const chart = renderTimelineChart(EVENTS, { lang: 'nl', topic: 'Barkhane' });
    const image = decodePng(chart.png);
    expect([image.width, image.height]).toEqual([1200, chart.height]);
    expect(image.height).toBeGreaterThanOrEqual(240);
    // The card is opaque inside its rounded corners; the very corner is left transparent.
    expect(pixel(image, 600, image.height - 4)).toEqual([0xf7, 0xf8, 0xfa, 255]);
    expect(pixel(image, 0, 0)[3]).toBe(0);
    expect(countColour(image, THEME.mark)).toBeGreaterThan(6 * 200);
    expect(countColour(image, THEME.markInferred)).toBeGreaterThan(2 * 200);
  });

  it('keeps its layout (compared with the reference image, within a tolerance)', () => {
    const chart = renderTimelineChart(EVENTS, { lang: 'nl', topic: 'Barkhane' });
    expect(differenceFromReference(chart.png, join(REFS, 'timeline-nl.png'))).toBeLessThan(0.005);
  });

  it('draws 500 events within 300 KB', () => {
    const chart = renderTimelineChart(syntheticEvents(500), { lang: 'fr' });
    expect(chart.png.length).toBeLessThanOrEqual(300 * 1024);
    expect(decodePng(chart.png).width).toBe(1200);
  });

  it('draws an empty card saying no event matches when there are none', () => {
    const chart = renderTimelineChart([], { lang: 'fr' });
    const image = decodePng(chart.png);
    expect(image.width).toBe(1200);
    expect(countColour(image, THEME.mark)).toBe(0);
  });
});
