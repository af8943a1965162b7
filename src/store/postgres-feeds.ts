/**
 * Feeds on PostgreSQL, shared by every host: the same tables as the SQLite store (migration 4).
 * Each feed is polled by one host at a time: the poller holds a session advisory lock on the feed
 * (pg_try_advisory_lock on a connection kept for the poll). Another host skips a leased feed; when
 * the holder dies its session ends, the server drops the lock, and the next poll of any host takes
 * the feed over (it is still due, since the dead host never recorded its poll).
 */
import type pg from 'pg';
import { toFeed, type FeedRow } from './feed-rows.js';
import type { FeedStore, PollRecord } from './feeds.js';
import { inTransaction } from './postgres-pool.js';

const DAY_MS = 86_400_000;

/** The lock key space of feed leases in the current schema (each schema leases on its own); the feed id is the second key. */
const LEASE_SPACE = "hashtext(current_schema() || '.griot.feed')";

export function createPostgresFeeds(pool: pg.Pool): FeedStore {
  return {
    async lease(feedId) {
      const client = await pool.connect();
      let got = false;
      try {
        got = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LEASE_SPACE}, $1) AS ok`, [feedId])).rows[0]!.ok;
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
      if (!got) {
        client.release();
        return undefined;
      }
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          try {
            await client.query(`SELECT pg_advisory_unlock(${LEASE_SPACE}, $1)`, [feedId]);
            client.release();
          } catch (err) {
            // Closing the connection ends the session, which releases the lock.
            client.release(err as Error);
          }
        },
      };
    },
    async add({ url, title, addedBy, at }) {
      const r = await pool.query<FeedRow>(
        `INSERT INTO feeds (url, title, added_at, added_by, failures, next_poll_at, articles_added) VALUES ($1, $2, $3, $4, 0, $3, 0)
         ON CONFLICT (url) DO NOTHING RETURNING *`,
        [url, title, at.getTime(), addedBy],
      );
      if (!r.rows[0]) throw new Error(`${url} is already a feed; see the list of feeds`);
      return toFeed(r.rows[0]);
    },
    async list() {
      return (await pool.query<FeedRow>('SELECT * FROM feeds ORDER BY id')).rows.map(toFeed);
    },
    async get(ref) {
      const byId = /^\d+$/.test(ref.trim());
      if (byId && Number(ref) > 2 ** 31 - 1) return undefined;
      const r = await pool.query<FeedRow>(byId ? 'SELECT * FROM feeds WHERE id = $1' : 'SELECT * FROM feeds WHERE url = $1', [byId ? Number(ref) : ref.trim()]);
      return r.rows[0] ? toFeed(r.rows[0]) : undefined;
    },
    async remove(id) {
      return inTransaction(pool, async (c) => {
        await c.query('DELETE FROM feed_entries WHERE feed_id = $1', [id]);
        return ((await c.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0;
      });
    },
    async seen(feedId, keys) {
      if (keys.length === 0) return new Set();
      const r = await pool.query<{ key: string }>('SELECT key FROM feed_entries WHERE feed_id = $1 AND key = ANY($2::text[])', [feedId, [...keys]]);
      return new Set(r.rows.map((x) => x.key));
    },
    async recordPoll(r: PollRecord) {
      await inTransaction(pool, async (c) => {
        const setValidators = r.etag !== undefined || r.lastModified !== undefined;
        await c.query(
          `UPDATE feeds SET
             title = COALESCE($2, title),
             etag = CASE WHEN $3 THEN $4 ELSE etag END,
             last_modified = CASE WHEN $3 THEN $5 ELSE last_modified END,
             last_polled_at = $6,
             last_ok_at = CASE WHEN $7 THEN $6 ELSE last_ok_at END,
             last_error = $8,
             failures = $9,
             next_poll_at = $10,
             articles_added = articles_added + $11
           WHERE id = $1`,
          [r.feedId, r.title ?? null, setValidators, r.etag ?? null, r.lastModified ?? null, r.at.getTime(), r.ok, r.error, r.failures, r.nextPollAt.getTime(), r.added],
        );
        if (r.entries.length > 0) {
          // Later entries of one poll win over earlier ones with the same key, as INSERT OR REPLACE does on SQLite.
          const byKey = new Map(r.entries.map((e) => [e.key, e]));
          const entries = [...byKey.values()];
          await c.query(
            `INSERT INTO feed_entries (feed_id, key, url, doc_id, note, at)
             SELECT $1, * , $6::bigint FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
             ON CONFLICT (feed_id, key) DO UPDATE SET url = EXCLUDED.url, doc_id = EXCLUDED.doc_id, note = EXCLUDED.note, at = EXCLUDED.at`,
            [r.feedId, entries.map((e) => e.key), entries.map((e) => e.url), entries.map((e) => e.docId), entries.map((e) => e.note), r.at.getTime()],
          );
        }
      });
    },
    async fingerprints() {
      const r = await pool.query<{ doc_id: string; content_hash: string; fingerprint: Buffer }>('SELECT doc_id, content_hash, fingerprint FROM document_fingerprints');
      return r.rows.map((f) => ({
        docId: f.doc_id,
        contentHash: f.content_hash,
        bytes: new Uint8Array(f.fingerprint.buffer, f.fingerprint.byteOffset, f.fingerprint.byteLength),
      }));
    },
    async putFingerprints(put, drop) {
      if (put.length === 0 && drop.length === 0) return;
      await inTransaction(pool, async (c) => {
        if (drop.length > 0) await c.query('DELETE FROM document_fingerprints WHERE doc_id = ANY($1::text[])', [[...drop]]);
        const byDoc = new Map(put.map((f) => [f.docId, f]));
        const rows = [...byDoc.values()];
        if (rows.length > 0) {
          await c.query(
            `INSERT INTO document_fingerprints (doc_id, content_hash, fingerprint) SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
             ON CONFLICT (doc_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, fingerprint = EXCLUDED.fingerprint`,
            [rows.map((f) => f.docId), rows.map((f) => f.contentHash), rows.map((f) => Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength))],
          );
        }
      });
    },
    async addedPerDay(days, now) {
      const today = Math.floor(now.getTime() / DAY_MS);
      const first = today - days + 1;
      const r = await pool.query<{ day: number; added: number; from_feeds: number }>(
        `SELECT (added_at / ${DAY_MS})::bigint AS day, count(*) AS added, count(*) FILTER (WHERE source = 'feed') AS from_feeds
         FROM documents WHERE added_at >= $1 GROUP BY 1`,
        [first * DAY_MS],
      );
      const rows = new Map(r.rows.map((x) => [x.day, x]));
      return Array.from({ length: days }, (_, i) => {
        const day = first + i;
        const x = rows.get(day);
        return { day: new Date(day * DAY_MS).toISOString().slice(0, 10), added: x?.added ?? 0, fromFeeds: x?.from_feeds ?? 0 };
      });
    },
  };
}
