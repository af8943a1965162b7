import type pg from 'pg';
import { messageUrl, questionKey } from './answer-entry.js';
import { inTransaction } from './postgres-pool.js';
import { windowStart } from './sqlite-answers.js';
import type { AnswerLogEntry, AnswerSource, AnswerStats, LoggedMode, StatsQuery } from './types.js';

const DAY_MS = 86_400_000;

/** The columns of one answer record, in the order of INSERT_ANSWER's parameters. */
export function answerRow(entry: AnswerLogEntry, hashUser: (userId: string) => string): unknown[] {
  const o = entry.origin;
  const discord = o.source === 'discord' ? o : undefined;
  return [
    entry.answerId,
    entry.at.getTime(),
    o.source,
    entry.question,
    questionKey(entry.question),
    entry.lang,
    entry.mode,
    entry.fallbackReason ?? null,
    entry.refused,
    JSON.stringify(entry.citedDocIds),
    Math.round(entry.latencyMs),
    discord ? hashUser(discord.userId) : null,
    discord?.guildId ?? null,
    discord?.channelId ?? null,
    discord?.messageId ?? null,
    entry.autoAnswer?.forumId ?? null,
    entry.autoAnswer ? entry.autoAnswer.posted : null,
    entry.autoAnswer?.confidence ?? null,
  ];
}

const COLUMNS =
  'id, at, source, question, question_key, lang, mode, fallback_reason, refused, cited, latency_ms, user_hash, guild_id, channel_id, message_id, auto_forum_id, auto_posted, confidence';

/** Writes one record, replacing one with the same id (as the SQLite store does). */
export const INSERT_ANSWER = `
  INSERT INTO answers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
  ON CONFLICT (id) DO UPDATE SET (${COLUMNS}) = (EXCLUDED.${COLUMNS.split(', ').join(', EXCLUDED.')})`;

/**
 * The /stats figures in one read-only snapshot (REPEATABLE READ), so they agree with each other
 * while other hosts log answers. Same figures as the SQLite store (one test suite checks both).
 */
export async function postgresStats(pool: pg.Pool, query: StatsQuery): Promise<AnswerStats> {
  const now = query.now ?? new Date();
  const until = now.getTime();
  const since = windowStart(now, query.days);
  return inTransaction(pool, async (client) => {
    const window = [since, until];
    const groups = await client.query<{ lang: string; mode: LoggedMode; source: AnswerSource; refused: boolean; n: number }>(
      'SELECT lang, mode, source, refused, count(*) AS n FROM answers WHERE at >= $1 AND at <= $2 GROUP BY lang, mode, source, refused',
      window,
    );
    const byLanguage: Record<string, number> = {};
    const byMode: Record<LoggedMode, number> = { llm: 0, extractive: 0, fallback: 0 };
    const bySource: Record<AnswerSource, number> = { discord: 0, cli: 0 };
    let questions = 0;
    let refusedCount = 0;
    for (const g of groups.rows) {
      questions += g.n;
      if (g.refused) refusedCount += g.n;
      byLanguage[g.lang] = (byLanguage[g.lang] ?? 0) + g.n;
      byMode[g.mode] += g.n;
      bySource[g.source] += g.n;
    }
    const days = await client.query<{ d: number; n: number; refused: number }>(
      'SELECT ((at - $1) / 86400000)::int AS d, count(*) AS n, count(*) FILTER (WHERE refused) AS refused FROM answers WHERE at >= $1 AND at <= $2 GROUP BY 1',
      window,
    );
    const perDayCount = new Map(days.rows.map((r) => [r.d, r]));
    const auto = await client.query<{ forum_id: string; posts: number; answered: number }>(
      `SELECT auto_forum_id AS forum_id, count(*) AS posts, count(*) FILTER (WHERE auto_posted) AS answered FROM answers
       WHERE auto_forum_id IS NOT NULL AND at >= $1 AND at <= $2 GROUP BY auto_forum_id ORDER BY posts DESC, auto_forum_id`,
      window,
    );
    // percentile_disc is the nearest-rank percentile, as src/bench/percentile.ts computes it.
    const latency =
      questions > 0
        ? (
            await client.query<{ p: number[] }>(
              'SELECT percentile_disc(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY latency_ms) AS p FROM answers WHERE at >= $1 AND at <= $2',
              window,
            )
          ).rows[0]!.p
        : undefined;
    const votes = await client.query<{ vote: string; n: number }>('SELECT vote, count(*) AS n FROM votes WHERE at >= $1 AND at <= $2 GROUP BY vote', window);
    const v = Object.fromEntries(votes.rows.map((r) => [r.vote, r.n]));
    // The wording shown for a group of refused questions is its latest.
    const refused = await client.query<{ question: string; n: number }>(
      `SELECT (SELECT question FROM answers w WHERE w.refused AND w.question_key = g.key AND w.at >= $1 AND w.at <= $2 ORDER BY w.at DESC LIMIT 1) AS question, g.n
       FROM (SELECT question_key AS key, count(*) AS n, max(at) AS last FROM answers WHERE refused AND at >= $1 AND at <= $2
             GROUP BY question_key ORDER BY n DESC, last DESC LIMIT $3) g
       ORDER BY g.n DESC, g.last DESC`,
      [since, until, query.topRefused ?? 10],
    );
    const down = await client.query<{ answer_id: string; at: number; question: string | null; guild_id: string | null; channel_id: string | null; message_id: string | null }>(
      `SELECT v.answer_id, v.at, a.question, a.guild_id, a.channel_id, a.message_id
       FROM votes v LEFT JOIN answers a ON a.id = v.answer_id
       WHERE v.vote = 'down' AND v.at >= $1 AND v.at <= $2 ORDER BY v.at DESC LIMIT $3`,
      [since, until, query.latestDown ?? 5],
    );
    const up = v.up ?? 0;
    const downCount = v.down ?? 0;
    return {
      days: query.days,
      since: new Date(since).toISOString(),
      until: now.toISOString(),
      questions,
      answered: questions - refusedCount,
      refused: refusedCount,
      byLanguage,
      byMode,
      bySource,
      latencyMs: latency ? { p50: latency[0]!, p95: latency[1]! } : { p50: null, p95: null },
      votes: { up, down: downCount, ratio: up + downCount > 0 ? up / (up + downCount) : null },
      perDay: Array.from({ length: query.days }, (_, d) => ({
        day: new Date(since + d * DAY_MS).toISOString().slice(0, 10),
        questions: perDayCount.get(d)?.n ?? 0,
        refused: perDayCount.get(d)?.refused ?? 0,
      })),
      topRefused: refused.rows.map((r) => ({ question: r.question, count: r.n })),
      latestDown: down.rows.map((r) => ({
        answerId: r.answer_id,
        at: new Date(r.at).toISOString(),
        question: r.question,
        url: r.channel_id && r.message_id ? messageUrl(r.guild_id, r.channel_id, r.message_id) : null,
      })),
      autoAnswer: auto.rows.map((r) => ({ forumId: r.forum_id, posts: r.posts, answered: r.answered })),
    };
  }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}
