import { statsChartDays, renderStatsChart } from '../charts/stats-chart.js';
import type { Config } from '../config.js';
import { shorten } from '../format.js';
import type { Logger } from '../logger.js';
import type { AnswerStats } from '../store/types.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { CliIo } from './io.js';
import { writePng } from './timeline.js';

/** Days counted when --days (or /stats days:) is not given. */
export const DEFAULT_STATS_DAYS = 30;
/** The longest window: LOG_RETENTION_DAYS's own maximum. */
export const MAX_STATS_DAYS = 3650;

const BARS = '▁▂▃▄▅▆▇█';

/** One character per value: ▁ for zero, ▂…█ in proportion to the largest. Pure. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (v <= 0 || max === 0 ? BARS[0] : BARS[Math.max(1, Math.ceil((v / max) * (BARS.length - 1)))])).join('');
}

const pct = (n: number, of: number) => (of > 0 ? ` (${Math.round((100 * n) / of)}%)` : '');

/** "en 3 · nl 2", largest first. */
function counts(record: Readonly<Record<string, number>>): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(' · ') : 'none';
}

export interface RenderStatsOptions {
  /** Discord: bold headings and [label](url) links; the terminal prints URLs as they are. */
  readonly markdown?: boolean;
  /** Longest shown question (characters). */
  readonly questionMax?: number;
  /** How a member's question is shown within `max` characters (Discord: escaped, so it shows literally). Default: shortened. */
  readonly userText?: (text: string, max: number) => string;
}

/**
 * The /stats figures as text, shared by the terminal and Discord: totals, languages, modes,
 * latency, votes, a per-day sparkline, the top refused questions (what the corpus lacks) and the
 * latest 👎 answers with links to their messages.
 */
export function renderStats(s: AnswerStats, options: RenderStatsOptions = {}): string {
  const md = options.markdown ?? false;
  const max = options.questionMax ?? 100;
  const bold = (t: string) => (md ? `**${t}**` : t);
  const userText = options.userText ?? shorten;
  const quote = (q: string) => `“${userText(q, max)}”`;
  const lines = [
    bold(`Griot answers, last ${s.days} day${s.days === 1 ? '' : 's'} (${s.since.slice(0, 10)} to ${s.until.slice(0, 10)})`),
    `Questions ${s.questions} · answered ${s.answered}${pct(s.answered, s.questions)} · refused ${s.refused}${pct(s.refused, s.questions)}`,
    `Languages: ${counts(s.byLanguage)}`,
    `Modes: ${counts(s.byMode)}`,
    `Sources: ${counts(s.bySource)}`,
    `Latency: ${s.latencyMs.p50 === null ? 'no answers' : `p50 ${s.latencyMs.p50} ms · p95 ${s.latencyMs.p95} ms`}`,
    `Votes: 👍 ${s.votes.up} · 👎 ${s.votes.down}${s.votes.ratio === null ? '' : ` (${Math.round(s.votes.ratio * 100)}% 👍)`}`,
    ...(s.pending
      ? [`Not yet in the log (the database is out of reach): ${s.pending.queued} held on this host, ${s.pending.dropped} dropped because the queue was full`]
      : []),
    `Per day: ${md ? '`' : ''}${sparkline(s.perDay.map((d) => d.questions))}${md ? '`' : ''} (most ${Math.max(0, ...s.perDay.map((d) => d.questions))} a day)`,
    ...(s.autoAnswer.length
      ? [`Auto-answer: ${s.autoAnswer.map((f) => `${md ? `<#${f.forumId}>` : `forum ${f.forumId}`} ${f.answered} of ${f.posts} posts${pct(f.answered, f.posts)}`).join(' · ')}`]
      : []),
    '',
    bold('Most refused questions (what the corpus lacks):'),
    ...(s.topRefused.length ? s.topRefused.map((r) => `${r.count}× ${quote(r.question)}`) : ['none']),
    '',
    bold('Latest 👎:'),
    ...(s.latestDown.length
      ? s.latestDown.map((d) => {
          const what = d.question === null ? `answer ${d.answerId} (no longer in the log)` : quote(d.question);
          const link = d.url ? (md ? ` [open](<${d.url}>)` : ` ${d.url}`) : '';
          return `${d.at.slice(0, 16).replace('T', ' ')} ${what}${link}`;
        })
      : ['none']),
  ];
  return lines.join('\n');
}

/** A whole number of days from 1 to MAX_STATS_DAYS. */
export function parseDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STATS_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_STATS_DAYS) throw new UsageError(`--days expects a whole number from 1 to ${MAX_STATS_DAYS}, got "${value}"`);
  return n;
}

/**
 * `npm run stats -- [--days N] [--json] [--png FILE]`: what was asked and what the corpus lacks,
 * from the answer log; `--png` also draws questions per day (answered and refused) into FILE.
 * Opens only the store (no index is read).
 */
export async function statsCommand(deps: { config: Config; logger: Logger }, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    days: { type: 'string' },
    json: { type: 'boolean', default: false },
    png: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`stats takes no arguments besides --days, --json and --png, got "${positionals.join(' ')}"`);
  const days = parseDays(values.days);
  const { openAppStore } = await import('../app.js');
  const store = await openAppStore(deps.config, deps.logger);
  try {
    const stats = await store.answers.stats({ days });
    // Articles added per day (feeds among them); a store that cannot say leaves the line out.
    const added = await store.feeds.addedPerDay(days, new Date()).catch(() => null);
    const addedByDay = added ? new Map(added.map((r) => [r.day, r.added])) : undefined;
    if (values.png) await writePng(values.png, renderStatsChart(statsChartDays(stats.perDay, addedByDay), { lang: 'en' }).png, io);
    const { renderAddedPerDay } = await import('./feeds.js');
    io.out(
      values.json
        ? `${JSON.stringify(added ? { ...stats, articlesAdded: added } : stats)}\n`
        : `${renderStats(stats)}${added ? `\n\n${renderAddedPerDay(added)}` : ''}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
