/**
 * The timeline as a picture: a time axis labelled in the asker's language, each event a numbered
 * mark (the number it has in the text list) on the first row where it does not cover another, a
 * bar behind it when its date is a span (a month, a year, a range).
 */
import type { Plugin } from 'chart.js';
import type { Lang, TimelineEvent } from '../types.js';
import { drawingOf, renderChart, type ChartPng } from './canvas.js';
import { CHART_WORDS } from './labels.js';
import { drawCard, THEME } from './theme.js';
import { timeTicks } from './time-axis.js';

const DAY_MS = 86_400_000;

/** What Chart.js passes a scriptable grid option. */
type TickContext = { readonly tick?: { readonly major?: boolean } };
const WIDTH = 1200;
const SIDE = 24;
/** Rows beyond this share the least crowded row: a dense timeline stays a bounded picture. */
const MAX_ROWS = 24;

/** An event's place on the chart. */
export interface PlacedMark {
  /** Its number in the list (1-based, list order). */
  readonly n: number;
  /** Where the mark sits (epoch ms). */
  readonly at: number;
  /** The span its date covers (epoch ms): a day, a month, a year or a stated range. */
  readonly start: number;
  readonly end: number;
  readonly row: number;
  readonly inferred: boolean;
}

export interface TimelineChartOptions {
  readonly lang: Lang;
  /** The topic asked for, shown after the title. */
  readonly topic?: string;
}

/** The first and last instant of a YYYY, YYYY-MM or YYYY-MM-DD date (UTC). */
export function dateSpan(date: string): { start: number; end: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) - 1 };
  if (d === undefined) return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) - 1 };
  return { start: Date.UTC(y, m - 1, d), end: Date.UTC(y, m - 1, d + 1) - 1 };
}

/** The mark radius that fits the largest number. */
export const markRadius = (count: number) => (count >= 100 ? 12 : 11);

/**
 * Places the events (in list order, numbered from 1): a stated range's mark at its start, any
 * other date's at the middle of what it covers; each on the first row where neither its mark nor
 * its bar touches what is already there, at `msPerPx` (ms one pixel of the axis covers).
 */
export function placeMarks(events: readonly TimelineEvent[], msPerPx: number, radius: number): { marks: PlacedMark[]; rows: number } {
  const items = events.map((e, i) => {
    const first = dateSpan(e.date);
    const start = first.start;
    const end = e.end ? Math.max(first.end, dateSpan(e.end).end) : first.end;
    const at = e.end ? start + (first.end - start) / 2 : start + (end - start) / 2;
    const reach = (radius + 3) * msPerPx;
    return { n: i + 1, at, start, end, inferred: e.inferred, left: Math.min(start, at - reach), right: Math.max(end, at + reach) };
  });
  const rowEnds: number[] = [];
  const marks: PlacedMark[] = [];
  for (const item of [...items].sort((a, b) => a.left - b.left || a.n - b.n)) {
    let row = rowEnds.findIndex((end) => end < item.left);
    if (row === -1 && rowEnds.length < MAX_ROWS) row = rowEnds.push(-Infinity) - 1;
    if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = Math.max(rowEnds[row]!, item.right);
    marks.push({ n: item.n, at: item.at, start: item.start, end: item.end, row, inferred: item.inferred });
  }
  return { marks: marks.sort((a, b) => a.n - b.n), rows: Math.max(1, rowEnds.length) };
}

/** The axis's range: every event's span with a margin, at least two months wide. */
function axisRange(events: readonly TimelineEvent[]): { min: number; max: number } {
  if (events.length === 0) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    return { min: now, max: now + 365 * DAY_MS };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const e of events) {
    min = Math.min(min, dateSpan(e.date).start);
    max = Math.max(max, dateSpan(e.end ?? e.date).end);
  }
  const pad = Math.max(15 * DAY_MS, (max - min) * 0.03);
  const mid = (min + max) / 2;
  const half = Math.max((max - min) / 2 + pad, 31 * DAY_MS);
  return { min: mid - half, max: mid + half };
}

/** Draws the events (in the order and numbering of the text list) as a PNG. */
export function renderTimelineChart(events: readonly TimelineEvent[], options: TimelineChartOptions): ChartPng {
  const words = CHART_WORDS[options.lang];
  const radius = markRadius(events.length);
  const { min, max } = axisRange(events);
  const plotWidth = WIDTH - 2 * (SIDE + radius);
  const { marks, rows } = placeMarks(events, (max - min) / plotWidth, radius);
  const rowHeight = 2 * radius + 5;
  const height = Math.max(240, 110 + rows * rowHeight + 60);
  const ticks = timeTicks(min, max, options.lang, 12);
  const labels = new Map(ticks.map((t) => [t.value, [...t.label]]));
  const title = options.topic ? `${words.timeline}: ${options.topic}` : words.timeline;
  const subtitle = events.length === 0 ? words.noEvents : `${words.events(events.length)} · ${words.inferred}`;

  const bars: Plugin<'scatter'> = {
    id: 'griotSpans',
    beforeDatasetsDraw(chart) {
      const ctx = drawingOf(chart);
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      ctx.save();
      ctx.fillStyle = THEME.range;
      for (const m of marks) {
        const left = x.getPixelForValue(m.start);
        const right = x.getPixelForValue(m.end);
        if (right - left < 2 * radius) continue;
        ctx.beginPath();
        ctx.roundRect(left, y.getPixelForValue(m.row) - 4, right - left, 8, 4);
        ctx.fill();
      }
      ctx.restore();
    },
  };
  const numbers: Plugin<'scatter'> = {
    id: 'griotNumbers',
    afterDatasetsDraw(chart) {
      const ctx = drawingOf(chart);
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      ctx.save();
      ctx.fillStyle = THEME.markText;
      ctx.font = `bold ${radius >= 12 && marks.length >= 100 ? 9.5 : 11}px "Griot Sans"`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const m of marks) ctx.fillText(String(m.n), x.getPixelForValue(m.at), y.getPixelForValue(m.row) + 0.5);
      ctx.restore();
    },
  };

  return renderChart<'scatter'>(
    {
      type: 'scatter',
      data: {
        datasets: [
          {
            data: marks.map((m) => ({ x: m.at, y: m.row })),
            pointRadius: radius,
            pointBackgroundColor: marks.map((m) => (m.inferred ? THEME.markInferred : THEME.mark)),
            pointBorderColor: THEME.card,
            pointBorderWidth: 0,
          },
        ],
      },
      options: {
        layout: { padding: { left: SIDE + radius, right: SIDE + radius, top: 14, bottom: 12 } },
        plugins: {
          legend: { display: false },
          tooltip: { enabled: false },
          title: { display: true, text: title, align: 'start', color: THEME.text, font: { size: 20, weight: 'bold' }, padding: { top: 4, bottom: 4 } },
          subtitle: { display: true, text: subtitle, align: 'start', color: THEME.muted, font: { size: 13 }, padding: { bottom: 16 } },
        },
        scales: {
          x: {
            type: 'linear',
            min,
            max,
            afterBuildTicks: (scale) => {
              scale.ticks = ticks.map((t) => ({ value: t.value, major: t.major }));
            },
            ticks: { autoSkip: false, maxRotation: 0, color: THEME.text, font: { size: 13 }, callback: (value) => labels.get(Number(value)) ?? '' },
            grid: { color: (c: TickContext) => (c.tick?.major ? THEME.gridStrong : THEME.grid), lineWidth: (c: TickContext) => (c.tick?.major ? 1.5 : 1) },
            border: { color: THEME.gridStrong },
          },
          y: { type: 'linear', display: false, reverse: true, min: -0.8, max: rows - 0.2 },
        },
      },
    },
    { width: WIDTH, height },
    drawCard,
    [bars, numbers],
  );
}
