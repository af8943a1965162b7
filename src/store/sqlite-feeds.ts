/**
 * Feeds on SQLite: the `feeds`, `feed_entries` and `document_fingerprints` tables (schema.ts). A poll's
 * outcome (state and the entries it handled) is one transaction.
 */
import type Database from 'better-sqlite3';
import { toFeed, type FeedRow } from './feed-rows.js';
import type { FeedStore, PollRecord, StoredFingerprint } from './feeds.js';

const DAY_MS = 86_400_000;

export function createSqliteFeeds(db: Database.Database): FeedStore {
  const insert = db.prepare(
    'INSERT INTO feeds (url, title, added_at, added_by, failures, next_poll_at, articles_added) VALUES (?, ?, ?, ?, 0, ?, 0)',
  );
  const byId = db.prepare('SELECT * FROM feeds WHERE id = ?');
  const byUrl = db.prepare('SELECT * FROM feeds WHERE url = ?');
  const all = db.prepare('SELECT * FROM feeds ORDER BY id');
  const del = db.prepare('DELETE FROM feeds WHERE id = ?');
  const delEntries = db.prepare('DELETE FROM feed_entries WHERE feed_id = ?');
  const seenOne = db.prepare('SELECT 1 FROM feed_entries WHERE feed_id = ? AND key = ?').pluck();
  const putEntry = db.prepare(
    'INSERT OR REPLACE INTO feed_entries (feed_id, key, url, doc_id, note, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(`UPDATE feeds SET
      title = COALESCE(@title, title),
      etag = CASE WHEN @setValidators THEN @etag ELSE etag END,
      last_modified = CASE WHEN @setValidators THEN @lastModified ELSE last_modified END,
      last_polled_at = @at,
      last_ok_at = CASE WHEN @ok THEN @at ELSE last_ok_at END,
      last_error = @error,
      failures = @failures,
      next_poll_at = @nextPollAt,
      articles_added = articles_added + @added
    WHERE id = @feedId`);
  const allFingerprints = db.prepare('SELECT doc_id AS docId, content_hash AS contentHash, fingerprint AS bytes FROM document_fingerprints');
  const putFingerprint = db.prepare('INSERT OR REPLACE INTO document_fingerprints (doc_id, content_hash, fingerprint) VALUES (?, ?, ?)');
  const dropFingerprint = db.prepare('DELETE FROM document_fingerprints WHERE doc_id = ?');
  const perDay = db.prepare(
    `SELECT (added_at / ${DAY_MS}) AS day, COUNT(*) AS added, SUM(source = 'feed') AS fromFeeds
     FROM documents WHERE added_at >= ? GROUP BY day`,
  );

  const remove = db.transaction((id: number) => {
    delEntries.run(id);
    return del.run(id).changes > 0;
  });
  const record = db.transaction((r: PollRecord) => {
    update.run({
      feedId: r.feedId,
      title: r.title ?? null,
      setValidators: r.etag !== undefined || r.lastModified !== undefined ? 1 : 0,
      etag: r.etag ?? null,
      lastModified: r.lastModified ?? null,
      at: r.at.getTime(),
      ok: r.ok ? 1 : 0,
      error: r.error,
      failures: r.failures,
      nextPollAt: r.nextPollAt.getTime(),
      added: r.added,
    });
    for (const e of r.entries) putEntry.run(r.feedId, e.key, e.url, e.docId, e.note, r.at.getTime());
  });
  const putFingerprints = db.transaction((put: readonly StoredFingerprint[], drop: readonly string[]) => {
    for (const id of drop) dropFingerprint.run(id);
    for (const f of put) putFingerprint.run(f.docId, f.contentHash, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength));
  });

  // One host polls an SQLite store: the lease only keeps two polls of this process apart.
  const leased = new Set<number>();

  return {
    async lease(feedId) {
      if (leased.has(feedId)) return undefined;
      leased.add(feedId);
      return { release: async () => void leased.delete(feedId) };
    },
    async add({ url, title, addedBy, at }) {
      if (byUrl.get(url)) throw new Error(`${url} is already a feed; see the list of feeds`);
      const id = Number(insert.run(url, title, at.getTime(), addedBy, at.getTime()).lastInsertRowid);
      return toFeed(byId.get(id) as FeedRow);
    },
    async list() {
      return (all.all() as FeedRow[]).map(toFeed);
    },
    async get(ref) {
      const row = (/^\d+$/.test(ref.trim()) ? byId.get(Number(ref)) : byUrl.get(ref.trim())) as FeedRow | undefined;
      return row ? toFeed(row) : undefined;
    },
    async remove(id) {
      return remove(id);
    },
    async seen(feedId, keys) {
      return new Set(keys.filter((k) => seenOne.get(feedId, k) !== undefined));
    },
    async recordPoll(r) {
      record(r);
    },
    async fingerprints() {
      return (allFingerprints.all() as { docId: string; contentHash: string; bytes: Buffer }[]).map((f) => ({
        docId: f.docId,
        contentHash: f.contentHash,
        bytes: new Uint8Array(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
      }));
    },
    async putFingerprints(put, drop) {
      putFingerprints(put, drop);
    },
    async addedPerDay(days, now) {
      const today = Math.floor(now.getTime() / DAY_MS);
      const first = today - days + 1;
      const rows = new Map(
        (perDay.all(first * DAY_MS) as { day: number; added: number; fromFeeds: number }[]).map((r) => [r.day, r]),
      );
      return Array.from({ length: days }, (_, i) => {
        const day = first + i;
        const r = rows.get(day);
        return { day: new Date(day * DAY_MS).toISOString().slice(0, 10), added: r?.added ?? 0, fromFeeds: r?.fromFeeds ?? 0 };
      });
    },
  };
}
