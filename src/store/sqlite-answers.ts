import type Database from 'better-sqlite3';
import { nearestRank } from '../bench/percentile.js';
import { messageUrl, questionKey } from './answer-entry.js';
import type { AnswerLog, AnswerLogEntry, AnswerStats, AnswerSource, LoggedMode, StatsQuery } from './types.js';

const DAY_MS = 86_400_000;

/** The answer log over the `answers` and `votes` tables of an open, migrated database. */
export function createSqliteAnswerLog(db: Database.Database, hashUser: (userId: string) => string): AnswerLog {
  const insert = db.prepare(`
    INSERT OR REPLACE INTO answers
      (id, at, source, question, question_key, lang, mode, fallback_reason, refused, cited, latency_ms, user_hash, guild_id, channel_id, message_id,
       auto_forum_id, auto_posted, confidence)
    VALUES
      (@id, @at, @source, @question, @questionKey, @lang, @mode, @fallbackReason, @refused, @cited, @latencyMs, @userHash, @guildId, @channelId, @messageId,
       @autoForumId, @autoPosted, @confidence)`);
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
        autoForumId: entry.autoAnswer?.forumId ?? null,
        autoPosted: entry.autoAnswer ? (entry.autoAnswer.posted ? 1 : 0) : null,
        confidence: entry.autoAnswer?.confidence ?? null,
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

/**
 * The /stats figures as a handful of queries, each one pass over an index in the order it needs:
 * no query sorts the window's records, which cost more than reading them.
 */
function statsQueries(db: Database.Database): (query: StatsQuery) => AnswerStats {
  // answers_facets is ordered by the grouped columns, so the groups come without a sort.
  const groups = db.prepare(`
    SELECT lang, mode, source, refused, count(*) AS n FROM answers INDEXED BY answers_facets
    WHERE at >= ? AND at <= ? GROUP BY lang, mode, source, refused`);
  // One range count per day: each reads only its day's index entries.
  const day = db.prepare('SELECT count(*) AS n, coalesce(sum(refused), 0) AS refused FROM answers INDEXED BY answers_at WHERE at >= ? AND at < ?');
  // The k-th latency, walking answers_latency in order.
  const latencyAt = db
    .prepare('SELECT latency_ms FROM answers INDEXED BY answers_latency WHERE at >= ? AND at <= ? ORDER BY latency_ms LIMIT 1 OFFSET ?')
    .pluck();
  const votes = db.prepare('SELECT vote, count(*) AS n FROM votes WHERE at >= ? AND at <= ? GROUP BY vote');
  // On the partial index of refused questions (already in question_key order); the wording shown is each group's latest.
  const refused = db.prepare(`
    SELECT question_key AS key, count(*) AS n, max(at) AS last FROM answers INDEXED BY answers_refused
    WHERE refused = 1 AND at >= ? AND at <= ? GROUP BY question_key ORDER BY n DESC, last DESC LIMIT ?`);
  const wording = db
    .prepare('SELECT question FROM answers INDEXED BY answers_refused WHERE refused = 1 AND question_key = ? AND at >= ? AND at <= ? ORDER BY at DESC LIMIT 1')
    .pluck();
  // Auto-answer coverage per forum, on its partial index.
  const auto = db.prepare(`
    SELECT auto_forum_id AS forumId, count(*) AS posts, coalesce(sum(auto_posted), 0) AS answered FROM answers INDEXED BY answers_auto
    WHERE auto_forum_id IS NOT NULL AND at >= ? AND at <= ? GROUP BY auto_forum_id ORDER BY posts DESC, forumId`);
  const down = db.prepare(`
    SELECT v.answer_id AS answerId, v.at AS at, a.question AS question, a.guild_id AS guildId, a.channel_id AS channelId, a.message_id AS messageId
    FROM votes v LEFT JOIN answers a ON a.id = v.answer_id
    WHERE v.vote = 'down' AND v.at >= ? AND v.at <= ? ORDER BY v.at DESC LIMIT ?`);

  return (query) => {
    const now = query.now ?? new Date();
    const until = now.getTime();
    const since = windowStart(now, query.days);
    const read = db.transaction(() => {
      const byLanguage: Record<string, number> = {};
      const byMode: Record<LoggedMode, number> = { llm: 0, extractive: 0, fallback: 0 };
      const bySource: Record<AnswerSource, number> = { discord: 0, cli: 0 };
      let questions = 0;
      let refusedCount = 0;
      for (const g of groups.all(since, until) as { lang: string; mode: LoggedMode; source: AnswerSource; refused: number; n: number }[]) {
        questions += g.n;
        if (g.refused) refusedCount += g.n;
        byLanguage[g.lang] = (byLanguage[g.lang] ?? 0) + g.n;
        byMode[g.mode] += g.n;
        bySource[g.source] += g.n;
      }
      const perDay = Array.from({ length: query.days }, (_, d) => {
        // The last day ends at `until` (now), like the other figures.
        const counts = day.get(since + d * DAY_MS, Math.min(since + (d + 1) * DAY_MS, until + 1)) as { n: number; refused: number };
        return { day: new Date(since + d * DAY_MS).toISOString().slice(0, 10), questions: counts.n, refused: counts.refused };
      });
      const latency = (p: number) => latencyAt.get(since, until, nearestRank(questions, p) - 1) as number;
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
        latencyMs: questions > 0 ? { p50: latency(50), p95: latency(95) } : { p50: null, p95: null },
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
        autoAnswer: auto.all(since, until) as { forumId: string; posts: number; answered: number }[],
      };
    });
    // One read transaction: the figures agree with each other even while answers are being logged.
    return read();
  };
}
