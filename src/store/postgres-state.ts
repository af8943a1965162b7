/** Votes, Discord state and rate limits on PostgreSQL: the same behaviour as their SQLite twins. */
import type pg from 'pg';
import { inTransaction } from './postgres-pool.js';
import type { DiscordStateKind, DiscordStateStore, RateLimitStore, Vote } from './types.js';

/** Writes a vote, returning the one it replaced; the row is locked first, so one user's clicks on two hosts queue. */
export async function recordVote(pool: pg.Pool, answerId: string, userHash: string, vote: Vote, at: number): Promise<Vote | undefined> {
  return inTransaction(pool, async (client) => {
    const prior = await client.query<{ vote: Vote }>('SELECT vote FROM votes WHERE answer_id = $1 AND user_hash = $2 FOR UPDATE', [answerId, userHash]);
    await client.query(
      `INSERT INTO votes (answer_id, user_hash, vote, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = EXCLUDED.vote, at = EXCLUDED.at`,
      [answerId, userHash, vote, at],
    );
    return prior.rows[0]?.vote;
  });
}

/** The Discord state over `discord_state`; a value past retention reads as gone before the prune removes it. */
export function createPostgresDiscordState(pool: pg.Pool, cutoff: () => number): DiscordStateStore {
  return {
    async put(kind: DiscordStateKind, key: string, value: unknown, at: Date = new Date()) {
      await pool.query(
        `INSERT INTO discord_state (kind, key, value, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, at = EXCLUDED.at`,
        [kind, key, JSON.stringify(value), at.getTime()],
      );
    },
    async get(kind: DiscordStateKind, key: string) {
      const r = await pool.query<{ value: string }>('SELECT value FROM discord_state WHERE kind = $1 AND key = $2 AND at >= $3', [kind, key, cutoff()]);
      return r.rows[0] ? JSON.parse(r.rows[0].value) : undefined;
    },
  };
}

/**
 * Rate limits over `rate_events`: each take holds a transaction lock on its key, so requests by
 * one user arriving at two hosts at once are counted one after the other.
 */
export function createPostgresRateLimits(pool: pg.Pool): RateLimitStore {
  return {
    async take(key, limit, windowMs, at = new Date()) {
      const t = at.getTime();
      return inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('griot.rate:' || $1))", [key]);
        await client.query('DELETE FROM rate_events WHERE key = $1 AND at <= $2', [key, t - windowMs]);
        const r = await client.query<{ n: number; oldest: number | null }>('SELECT count(*) AS n, min(at) AS oldest FROM rate_events WHERE key = $1 AND at > $2', [
          key,
          t - windowMs,
        ]);
        const { n, oldest } = r.rows[0]!;
        if (n >= limit) return { ok: false, retryAfterMs: oldest! + windowMs - t };
        await client.query('INSERT INTO rate_events (key, at) VALUES ($1, $2)', [key, t]);
        return { ok: true };
      });
    },
  };
}
