import type { Feed } from './feeds.js';

/** A `feeds` row as both stores read it (epoch milliseconds), and the Feed it is. */
export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  added_at: number;
  added_by: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: number | null;
  last_ok_at: number | null;
  last_error: string | null;
  failures: number;
  next_poll_at: number;
  articles_added: number;
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function toFeed(r: FeedRow): Feed {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    addedAt: new Date(r.added_at),
    addedBy: r.added_by,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: date(r.last_polled_at),
    lastOkAt: date(r.last_ok_at),
    lastError: r.last_error,
    failures: r.failures,
    nextPollAt: new Date(r.next_poll_at),
    articlesAdded: r.articles_added,
  };
}
