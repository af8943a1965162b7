/** Questions per day as a picture: answered and refused stacked, articles added per day as a line when given. */
import type { Lang } from '../types.js';
import { renderChart, type ChartPng } from './canvas.js';
import { CHART_WORDS, SHORT_MONTHS } from './labels.js';
import { drawCard, THEME } from './theme.js';

/** One day of the chart. */
export interface StatsChartDay {
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly answered: number;
  readonly refused: number;
  /** Articles added to the corpus that day; absent when that is not known. */
  readonly added?: number;
}

const WIDTH = 1000;
const HEIGHT = 440;

/** "7 Dec" / "7 dec" / "7 déc." for a YYYY-MM-DD day. */
export function dayLabel(day: string, lang: Lang): string {
  const month = SHORT_MONTHS[lang][Number(day.slice(5, 7)) - 1] ?? day.slice(5, 7);
  return `${Number(day.slice(8, 10))} ${month}`;
}

/** Draws the days, oldest first, as stacked bars (and a line of articles added when any day has some). */
export function renderStatsChart(days: readonly StatsChartDay[], options: { readonly lang: Lang }): ChartPng {
  const words = CHART_WORDS[options.lang];
  const withAdded = days.some((d) => (d.added ?? 0) > 0);
  return renderChart<'bar'>(
    {
      type: 'bar',
      data: {
        labels: days.map((d) => dayLabel(d.day, options.lang)),
        datasets: [
          { label: words.answered, data: days.map((d) => d.answered), backgroundColor: THEME.answered, stack: 'questions', yAxisID: 'y', order: 1 },
          { label: words.refused, data: days.map((d) => d.refused), backgroundColor: THEME.refused, stack: 'questions', yAxisID: 'y', order: 1 },
          ...(withAdded
            ? [
                ({
                  type: 'line',
                  label: words.added,
                  data: days.map((d) => d.added ?? 0),
                  borderColor: THEME.added,
                  backgroundColor: THEME.added,
                  borderWidth: 2.5,
                  pointRadius: days.length > 60 ? 0 : 3,
                  yAxisID: 'y2',
                  // Drawn over the bars.
                  order: 0,
                } as never),
              ]
            : []),
        ],
      },
      options: {
        layout: { padding: { left: 18, right: 18, top: 14, bottom: 10 } },
        plugins: {
          legend: { display: true, position: 'top', align: 'end', labels: { color: THEME.text, font: { size: 13 }, boxWidth: 14, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
          tooltip: { enabled: false },
          title: { display: true, text: words.questionsPerDay(days.length), align: 'start', color: THEME.text, font: { size: 20, weight: 'bold' } },
        },
        scales: {
          x: {
            stacked: true,
            ticks: { color: THEME.text, font: { size: 12 }, maxRotation: 0, autoSkip: true, maxTicksLimit: 12 },
            grid: { display: false },
            border: { color: THEME.gridStrong },
          },
          y: {
            stacked: true,
            beginAtZero: true,
            ticks: { color: THEME.text, font: { size: 12 }, precision: 0 },
            grid: { color: THEME.grid },
            border: { display: false },
          },
          ...(withAdded
            ? { y2: { position: 'right' as const, beginAtZero: true, ticks: { color: THEME.added, font: { size: 12 }, precision: 0 }, grid: { display: false }, border: { display: false } } }
            : {}),
        },
      },
    },
    { width: WIDTH, height: HEIGHT },
    drawCard,
  );
}

/**
 * The chart's days from the answer log's per-day counts, with articles added per day when the
 * store knows them (by YYYY-MM-DD; absent: no line is drawn).
 */
export function statsChartDays(
  perDay: readonly { readonly day: string; readonly questions: number; readonly refused: number }[],
  added?: ReadonlyMap<string, number>,
): StatsChartDay[] {
  return perDay.map((d) => ({
    day: d.day,
    answered: d.questions - d.refused,
    refused: d.refused,
    ...(added ? { added: added.get(d.day) ?? 0 } : {}),
  }));
}
