/** The scale bench's table and target check. Pure. */
import { warmStartCpuMs, warmStartMs, type ScaleRow } from './run.js';

/** The targets, per size they apply at. */
export const SCALE_TARGETS = {
  warmStartMs: { 5000: 2000, 30000: 5000 } as Record<number, number>,
  firstBuildMs: { 30000: 120_000 } as Record<number, number>,
  reindexMs: { 30000: 5000 } as Record<number, number>,
  /** Search p50 at the largest size. */
  questionP50Ms: 5,
  longP50Ms: 20,
  rssBytes: { 30000: 800 * 1024 * 1024 } as Record<number, number>,
  /** With the store on PostgreSQL: one article changed on another host, answerable on this one. */
  crossHostMs: { 30000: 2000 } as Record<number, number>,
};

/** One target checked. */
export interface ScaleTargetCheck {
  readonly articles: number;
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mb = (b: number | null) => (b === null ? '–' : `${Math.round(b / 1024 / 1024)} MB`);

/** Every target that applies to the measured sizes. */
export function checkScaleTargets(rows: readonly ScaleRow[]): ScaleTargetCheck[] {
  const checks: ScaleTargetCheck[] = [];
  const add = (articles: number, what: string, limit: number, value: number, fmt: (x: number) => string) =>
    checks.push({ articles, what, target: `≤ ${fmt(limit)}`, measured: fmt(value), met: value <= limit });
  for (const r of rows) {
    const t = SCALE_TARGETS;
    if (t.warmStartMs[r.articles] !== undefined) add(r.articles, 'warm start to first answer', t.warmStartMs[r.articles] as number, warmStartMs(r), s);
    if (t.firstBuildMs[r.articles] !== undefined) add(r.articles, 'first build', t.firstBuildMs[r.articles] as number, r.firstBuild.ms, s);
    if (t.reindexMs[r.articles] !== undefined) add(r.articles, 'one-article reindex', t.reindexMs[r.articles] as number, r.serving.reindexMs, s);
    if (t.crossHostMs[r.articles] !== undefined && r.serving.crossHostMs !== undefined) {
      add(r.articles, 'one article added on another host, found here', t.crossHostMs[r.articles] as number, r.serving.crossHostMs, s);
    }
    if (t.rssBytes[r.articles] !== undefined) add(r.articles, 'serving resident memory', t.rssBytes[r.articles] as number, r.serving.rssBytes, (b) => mb(b));
  }
  const largest = rows.at(-1);
  if (largest) {
    add(largest.articles, `question search p50 (${largest.serving.passages} passages)`, SCALE_TARGETS.questionP50Ms, largest.serving.questions.p50, ms);
    add(largest.articles, `long-query search p50 (${largest.serving.passages} passages)`, SCALE_TARGETS.longP50Ms, largest.serving.long.p50, ms);
  }
  return checks;
}

/** The Markdown table (one row a size) and the target check. */
export function renderScale(rows: readonly ScaleRow[], header: string): string {
  const lines = [
    header,
    '',
    '| articles | passages | first build (CPU) | warm start → answer (CPU) | one-article reindex (CPU) | questions p50 / p95 | long queries p50 / p95 | RSS serving / after a reindex | peak RSS (first build / warm / serving) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) =>
      [
        r.articles.toLocaleString('en-US'),
        r.serving.passages.toLocaleString('en-US'),
        `${s(r.firstBuild.ms)} (${r.firstBuild.cpuMs === null ? '–' : s(r.firstBuild.cpuMs)})`,
        `${s(warmStartMs(r))} (${warmStartCpuMs(r) === null ? '–' : s(warmStartCpuMs(r) as number)})`,
        `${s(r.serving.reindexMs)} (${s(r.serving.reindexCpuMs)})`,
        `${ms(r.serving.questions.p50)} / ${ms(r.serving.questions.p95)}`,
        `${ms(r.serving.long.p50)} / ${ms(r.serving.long.p95)}`,
        `${mb(r.serving.rssBytes)} / ${mb(r.serving.rssAfterReindexBytes)}`,
        `${mb(r.firstBuild.maxRssBytes)} / ${mb(r.warmStartMaxRssBytes)} / ${mb(r.serving.maxRssBytes)}`,
      ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
    ),
    '',
    'Wall times are from process start to exit; CPU (user + system) is less sensitive to other work on a shared machine.',
    ...rows
      .filter((r) => r.serving.crossHostMs !== undefined)
      .map((r) => `Store on PostgreSQL, ${r.articles.toLocaleString('en-US')} articles: one article added by another host found by this host's search after ${s(r.serving.crossHostMs!)}.`),
    '',
    'Targets:',
    ...checkScaleTargets(rows).map((c) => `- ${c.met ? 'met' : 'NOT MET'}: ${c.articles.toLocaleString('en-US')} articles, ${c.what} ${c.measured} (target ${c.target})`),
  ];
  return `${lines.join('\n')}\n`;
}
