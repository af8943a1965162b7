import type Database from 'better-sqlite3';
import { percentile } from '../bench/percentile.js';
import { messageUrl, questionKey } from './answer-entry.js';
import { LANGS } from '../types.js';
import type { AnswerLog, AnswerLogEntry, AnswerStats, AnswerSource, LoggedMode, StatsQuery } from './types.js';

const DAY_MS = 86_400_000;

/** The answer log over the `answers` and `votes` tables of an open, migrated database. */
export function createSqliteAnswerLog(db: Database.Database, hashUser: (userId: string) => string): AnswerLog {
  const insert = db.prepare(`
    INSERT OR REPLACE INTO answers
      (id, at, source, question, question_key, lang, mode, fallback_reason, refused, cited, latency_ms, user_hash, guild_id, channel_id, message_id)
    VALUES
      (@id, @at, @source, @question, @questionKey, @lang, @mode, @fallbackReason, @refused, @cited, @latencyMs, @userHash, @guildId, @channelId, @messageId)`);
  const stats = statsQueries(db);
  return {
    async record(entry: AnswerLogEntry) {
      const o = entry.origin;
      insert.run({
        id: entry.answerId,
        at: entry.at.getTime(),
        source: o.source,
        question: entry.question,
        questionKey: questionKey(entry.question),
        lang: entry.lang,
        mode: entry.mode,
        fallbackReason: entry.fallbackReason ?? null,
        refused: entry.refused ? 1 : 0,
        cited: JSON.stringify(entry.citedDocIds),
        latencyMs: Math.round(entry.latencyMs),
        userHash: o.source === 'discord' ? hashUser(o.userId) : null,
        guildId: o.source === 'discord' ? o.guildId : null,
        channelId: o.source === 'discord' ? o.channelId : null,
        messageId: o.source === 'discord' ? o.messageId : null,
      });
    },
    async stats(query) {
      return stats(query);
    },
  };
}

/** The first instant counted by a window of `days` days ending at `now`: midnight UTC, `days - 1` days back. */
export function windowStart(now: Date, days: number): number {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return today - (days - 1) * DAY_MS;
}

const MODES: readonly LoggedMode[] = ['llm', 'extractive', 'fallback'];
const SOURCES: readonly AnswerSource[] = ['discord', 'cli'];

/**
 * The /stats figures as a handful of queries, each one pass over an index (answers_window covers
 * every column they read): no GROUP BY over the window, whose sort costs more than the scan.
 */
function statsQueries(db: Database.Database): (query: StatsQuery) => AnswerStats {
  // Languages, modes and sources are closed sets: counted as sums in one pass; anything else is "other".
  const facets = db.prepare(`
    SELECT count(*) AS questions, coalesce(sum(refused), 0) AS refused,
      ${LANGS.map((l) => `coalesce(sum(lang = '${l}'), 0) AS "lang:${l}"`).join(', ')},
      ${MODES.map((m) => `coalesce(sum(mode = '${m}'), 0) AS "mode:${m}"`).join(', ')},
      ${SOURCES.map((x) => `coalesce(sum(source = '${x}'), 0) AS "source:${x}"`).join(', ')}
    FROM answers WHERE at >= ? AND at <= ?`);
  // One range count per day: each reads only its day's index entries (a GROUP BY would sort them all).
  const day = db.prepare('SELECT count(*) FROM answers WHERE at >= ? AND at < ?').pluck();
  const latencies = db.prepare('SELECT latency_ms FROM answers WHERE at >= ? AND at <= ?').pluck();
  const votes = db.prepare('SELECT vote, count(*) AS n FROM votes WHERE at >= ? AND at <= ? GROUP BY vote');
  // On the partial index of refused questions (already in question_key order); the wording shown is each group's latest.
  const refused = db.prepare(`
    SELECT question_key AS key, count(*) AS n, max(at) AS last FROM answers INDEXED BY answers_refused
    WHERE refused = 1 AND at >= ? AND at <= ? GROUP BY question_key ORDER BY n DESC, last DESC LIMIT ?`);
  const wording = db
    .prepare('SELECT question FROM answers INDEXED BY answers_refused WHERE refused = 1 AND question_key = ? AND at >= ? AND at <= ? ORDER BY at DESC LIMIT 1')
    .pluck();
  const down = db.prepare(`
    SELECT v.answer_id AS answerId, v.at AS at, a.question AS question, a.guild_id AS guildId, a.channel_id AS channelId, a.message_id AS messageId
    FROM votes v LEFT JOIN answers a ON a.id = v.answer_id
    WHERE v.vote = 'down' AND v.at >= ? AND v.at <= ? ORDER BY v.at DESC LIMIT ?`);

  return (query) => {
    const now = query.now ?? new Date();
    const until = now.getTime();
    const since = windowStart(now, query.days);
    const read = db.transaction(() => {
      const f = facets.get(since, until) as Record<string, number>;
      const questions = f.questions!;
      const refusedCount = f.refused!;
      const byLanguage: Record<string, number> = {};
      for (const l of LANGS) if (f[`lang:${l}`]) byLanguage[l] = f[`lang:${l}`]!;
      const otherLangs = questions - LANGS.reduce((sum, l) => sum + f[`lang:${l}`]!, 0);
      if (otherLangs > 0) byLanguage.other = otherLangs;
      const byMode = Object.fromEntries(MODES.map((m) => [m, f[`mode:${m}`]!])) as Record<LoggedMode, number>;
      const bySource = Object.fromEntries(SOURCES.map((x) => [x, f[`source:${x}`]!])) as Record<AnswerSource, number>;
      const perDay = Array.from({ length: query.days }, (_, d) => ({
        day: new Date(since + d * DAY_MS).toISOString().slice(0, 10),
        // The last day ends at `until` (now), like the other figures.
        questions: day.get(since + d * DAY_MS, Math.min(since + (d + 1) * DAY_MS, until + 1)) as number,
      }));
      // Sorted once, natively: percentile() then meets sorted input (100,000 samples: 130 → 10 ms).
      const samples = Array.from(Float64Array.from(latencies.all(since, until) as number[]).sort());
      const v = Object.fromEntries((votes.all(since, until) as { vote: string; n: number }[]).map((r) => [r.vote, r.n]));
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
        latencyMs: samples.length ? { p50: percentile(samples, 50), p95: percentile(samples, 95) } : { p50: null, p95: null },
        votes: { up, down: downCount, ratio: up + downCount > 0 ? up / (up + downCount) : null },
        perDay,
        topRefused: (refused.all(since, until, query.topRefused ?? 10) as { key: string; n: number }[]).map((r) => ({
          question: wording.get(r.key, since, until) as string,
          count: r.n,
        })),
        latestDown: (
          down.all(since, until, query.latestDown ?? 5) as {
            answerId: string;
            at: number;
            question: string | null;
            guildId: string | null;
            channelId: string | null;
            messageId: string | null;
          }[]
        ).map((r) => ({
          answerId: r.answerId,
          at: new Date(r.at).toISOString(),
          question: r.question,
          url: r.channelId && r.messageId ? messageUrl(r.guildId, r.channelId, r.messageId) : null,
        })),
      };
    });
    // One read transaction: the figures agree with each other even while answers are being logged.
    return read();
  };
}
