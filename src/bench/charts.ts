/**
 * The chart bench (`npm run bench -- --charts`): how long the timeline and stats charts take to
 * draw and how large their PNGs are, on generated events and days (fixed seed), against the
 * targets (≤ 500 ms for 500 events, ≤ 300 KB).
 */
import { renderStatsChart, type StatsChartDay } from '../charts/stats-chart.js';
import { renderTimelineChart } from '../charts/timeline-chart.js';
import type { Lang, TimelineEvent } from '../types.js';
import { percentile } from './percentile.js';

/** Drawing time and size of one chart case. */
export interface ChartBenchRow {
  readonly chart: string;
  readonly runs: number;
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

export const CHART_TARGETS = { ms: 500, bytes: 300 * 1024 } as const;

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` events over 2013–2023, mostly days, some months, years and ranges, in date order. */
export function syntheticEvents(count: number, seed = 7): TimelineEvent[] {
  const next = random(seed);
  const pad = (n: number) => String(n).padStart(2, '0');
  const events = Array.from({ length: count }, (_, i): TimelineEvent => {
    const year = 2013 + Math.floor(next() * 11);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const kind = next();
    const precision = kind < 0.1 ? 'year' : kind < 0.3 ? 'month' : 'day';
    const date = precision === 'year' ? String(year) : precision === 'month' ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    const end = precision === 'day' && next() < 0.05 ? `${year}-${pad(month)}-${pad(Math.min(28, day + 5))}` : undefined;
    return {
      id: `e${i}`,
      date,
      ...(end ? { end } : {}),
      precision,
      inferred: next() < 0.3,
      text: `Gebeurtenis ${i}`,
      lang: 'nl',
      citations: [],
    };
  });
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

/** `count` days of questions ending 2026-12-07, with articles added on some. */
export function syntheticDays(count: number, seed = 11): StatsChartDay[] {
  const next = random(seed);
  const end = Date.UTC(2026, 11, 7);
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    answered: Math.floor(next() * 40),
    refused: Math.floor(next() * 12),
    added: next() < 0.3 ? Math.floor(next() * 20) : 0,
  }));
}

function time(chart: string, runs: number, draw: () => { png: Buffer; width: number; height: number }): ChartBenchRow {
  const samples: number[] = [];
  let last = draw();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = draw();
    samples.push(performance.now() - t);
  }
  return { chart, runs, firstMs: samples[0]!, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), bytes: last.png.length, width: last.width, height: last.height };
}

/** Times each chart case `runs` times (after one warm-up draw, which also loads the font). */
export function runChartBench(runs: number, lang: Lang = 'fr'): ChartBenchRow[] {
  const t = performance.now();
  renderTimelineChart(syntheticEvents(5), { lang });
  const coldMs = performance.now() - t;
  return [
    { chart: 'first draw in the process (font and Chart.js set-up)', runs: 1, firstMs: coldMs, p50Ms: coldMs, p95Ms: coldMs, bytes: 0, width: 0, height: 0 },
    time('timeline, 30 events', runs, () => renderTimelineChart(syntheticEvents(30), { lang, topic: 'Barkhane' })),
    time('timeline, 500 events', runs, () => renderTimelineChart(syntheticEvents(500), { lang, topic: 'Barkhane' })),
    time('stats, 30 days', runs, () => renderStatsChart(syntheticDays(30), { lang })),
    time('stats, 365 days', runs, () => renderStatsChart(syntheticDays(365), { lang })),
  ];
}

/** The rows as a markdown table, with the targets checked. */
export function renderChartBench(rows: readonly ChartBenchRow[], header: string): string {
  const kb = (b: number) => (b === 0 ? '–' : `${(b / 1024).toFixed(0)} KB`);
  const ok = (r: ChartBenchRow) => (r.bytes === 0 ? '–' : r.p95Ms <= CHART_TARGETS.ms && r.bytes <= CHART_TARGETS.bytes ? 'yes' : 'NO');
  return [
    header,
    '',
    '| chart | runs | p50 ms | p95 ms | PNG | size px | within 500 ms and 300 KB |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.chart} | ${r.runs} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${kb(r.bytes)} | ${r.width ? `${r.width}×${r.height}` : '–'} | ${ok(r)} |`),
    '',
  ].join('\n');
}
