import type Database from 'better-sqlite3';
import type { RateDecision, RateLimitStore } from './types.js';

/**
 * Rate limits over the `rate_events` table: one row per counted request. Each take is one
 * immediate transaction, so shard processes sharing the file count every request once.
 */
export function createSqliteRateLimits(db: Database.Database): RateLimitStore {
  const forget = db.prepare('DELETE FROM rate_events WHERE key = ? AND at <= ?');
  const recent = db.prepare('SELECT count(*) AS n, min(at) AS oldest FROM rate_events WHERE key = ? AND at > ?');
  const count = db.prepare('INSERT INTO rate_events (key, at) VALUES (?, ?)');
  const take = db.transaction((key: string, limit: number, windowMs: number, t: number): RateDecision => {
    forget.run(key, t - windowMs);
    const r = recent.get(key, t - windowMs) as { n: number; oldest: number | null };
    if (r.n >= limit) return { ok: false, retryAfterMs: r.oldest! + windowMs - t };
    count.run(key, t);
    return { ok: true };
  });
  return {
    async take(key, limit, windowMs, at = new Date()) {
      return take.immediate(key, limit, windowMs, at.getTime());
    },
  };
}
