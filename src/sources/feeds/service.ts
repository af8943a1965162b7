/**
 * Feeds as moderators manage them and the bot polls them: add (the feed is read once to check it is
 * one), list, remove, and poll. A poll sends the validators of the last answer (If-None-Match,
 * If-Modified-Since: a 304 costs nothing), reads the entries it has not seen (by guid/id, else link),
 * takes each one's article (the feed's full text or the page), leaves out copies of stored articles
 * (noting their other address), stores the rest in one change and reindexes in place. A failing feed
 * keeps its error and is retried with back-off; the other feeds go on. Each feed is polled under
 * its lease (FeedStore.lease), so hosts sharing a PostgreSQL store poll it once. All I/O is passed in.
 */
import type { Logger } from '../../logger.js';
import type { DocumentStore, Feed, FeedStore, NewDocument, SeenEntry } from '../../store/index.js';
import { CorpusDeduper, type Duplicate } from '../dedupe.js';
import { type FetchResult, type Refusal, type RefusalCode } from '../types.js';
import { cleanUrl } from '../url.js';
import { createHash } from 'node:crypto';
import { articleOfEntry, type FetchArticle } from './entry-article.js';
import { parseFeed, type FeedEntry, type ParsedFeed } from './parse.js';
import { nextPollAt } from './schedule.js';

/** Fetches a feed, sending the validators of its last answer. */
export type FetchFeed = (url: string, validators: { readonly etag: string | null; readonly lastModified: string | null }) => Promise<FetchResult>;

/** At most this many new entries are read in one poll of a feed; the rest wait for the next poll. */
export const MAX_ENTRIES_PER_POLL = 50;

/** Refusals that may pass (the page is down now): the entry is tried again at the next poll. */
const TRANSIENT: ReadonlySet<RefusalCode> = new Set(['network', 'timeout', 'dns', 'too-many-redirects']);

export interface FeedServiceDeps {
  readonly feeds: FeedStore;
  readonly documents: DocumentStore;
  readonly fetchFeed: FetchFeed;
  readonly fetchArticle: FetchArticle;
  /** Indexes what the store now holds (the engine's incremental reindex); called once after a poll that added articles. */
  readonly reindex: () => Promise<void>;
  readonly logger: Logger;
  /** FEED_POLL_MINUTES in milliseconds. */
  readonly intervalMs: number;
  /** MAX_DOCUMENT_BYTES. */
  readonly maxTextBytes: number;
  readonly now?: () => Date;
}

/** An article a poll added. */
export interface AddedArticle {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly date: string | null;
}

/** What one feed's poll did. */
export interface FeedPollReport {
  readonly feedId: number;
  readonly url: string;
  readonly title: string | null;
  /** `not-modified`: a 304; `updated`: the feed was read; `failed`: see error. */
  readonly status: 'not-modified' | 'updated' | 'failed';
  readonly error: string | null;
  readonly added: readonly AddedArticle[];
  /** Entries that copy a stored article (kept once; their address listed with it). */
  readonly duplicates: readonly { readonly url: string | null; readonly of: string; readonly kind: Duplicate['kind'] }[];
  /** Entries whose article could not be taken, and why. */
  readonly refused: readonly { readonly url: string | null; readonly reason: string }[];
  /** When it is polled next. */
  readonly nextPollAt: string;
}

export interface PollReport {
  readonly feeds: readonly FeedPollReport[];
  readonly added: number;
  /** Whether the index was rebuilt with the new articles (false when nothing was added). */
  readonly reindexed: boolean;
  /** Where the time went (ms): catching up with the store's documents, reading the feeds and their articles, reindexing. */
  readonly timings: { readonly syncMs: number; readonly feedsMs: number; readonly reindexMs: number };
}

export interface FeedService {
  /** Reads the feed once (it must be RSS, Atom or RDF) and adds it; a refusal says why. */
  add(url: string, addedBy: string): Promise<{ readonly ok: true; readonly feed: Feed } | Refusal>;
  list(): Promise<Feed[]>;
  /** By id or URL; the removed feed, or undefined when there is none. Its articles stay. */
  remove(ref: string): Promise<Feed | undefined>;
  /** Polls the feeds that are due (all of them with `all`), one after another, then reindexes once. */
  poll(options?: { readonly all?: boolean }): Promise<PollReport>;
  /**
   * The stored document telling the same story as `text` (near-duplicate detection over the whole
   * store, the index kept between calls): what `npm run add` and `/add` check a new link against.
   */
  nearDuplicate(text: string): Promise<string | undefined>;
}

/** Decodes a feed document: the HTTP charset, else the XML declaration's encoding, else UTF-8. */
export function decodeFeed(body: Buffer, headerCharset: string | null): string {
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  for (const label of [headerCharset, declared, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // An unknown label: try the next.
    }
  }
  return body.toString('utf8');
}

/** A feed article's document id: stable for its address, so a re-added feed does not duplicate. */
function feedDocumentId(key: string): string {
  return `feed_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const now = deps.now ?? (() => new Date());
  const deduper = new CorpusDeduper(deps.documents, deps.feeds);

  const readFeed = async (url: string, validators: { etag: string | null; lastModified: string | null }) => {
    const r = await deps.fetchFeed(url, validators);
    if (!r.ok) return { kind: 'failed' as const, error: r.reason };
    if (r.response.status === 304) return { kind: 'not-modified' as const };
    const parsed = parseFeed(decodeFeed(r.response.body, r.response.charset), r.response.url);
    if (!parsed.ok) return { kind: 'failed' as const, error: `refused: ${url} is ${parsed.reason}` };
    return {
      kind: 'updated' as const,
      feed: parsed.feed,
      etag: r.response.headers['etag'] ?? null,
      lastModified: r.response.headers['last-modified'] ?? null,
    };
  };

  /** The new entries' articles, as documents to put; duplicates and refusals noted. */
  const takeEntries = async (feed: Feed, parsed: ParsedFeed) => {
    const seen = await deps.feeds.seen(feed.id, parsed.entries.map((e) => e.key));
    const fresh: FeedEntry[] = [];
    const keys = new Set<string>();
    for (const e of parsed.entries) {
      if (seen.has(e.key) || keys.has(e.key)) continue;
      keys.add(e.key);
      fresh.push(e);
    }
    const put: NewDocument[] = [];
    const alsoAt: { id: string; url: string }[] = [];
    const entries: SeenEntry[] = [];
    const added: AddedArticle[] = [];
    const duplicates: { url: string | null; of: string; kind: Duplicate['kind'] }[] = [];
    const refused: { url: string | null; reason: string }[] = [];
    for (const entry of fresh.slice(0, MAX_ENTRIES_PER_POLL)) {
      const link = entry.link ? cleanUrl(entry.link) : null;
      // Known address: no need to fetch the page.
      const known = deduper.findUrl(link);
      if (known) {
        entries.push({ key: entry.key, url: link, docId: known, note: null });
        duplicates.push({ url: link, of: known, kind: 'url' });
        if (link && !deduper.isStored(link)) alsoAt.push({ id: known, url: link });
        deduper.noteAdded(known, [link]);
        continue;
      }
      const r = await articleOfEntry(entry, deps.fetchArticle, deps.maxTextBytes);
      if (!r.ok) {
        refused.push({ url: link, reason: r.reason });
        if (!TRANSIENT.has(r.code)) entries.push({ key: entry.key, url: link, docId: null, note: r.reason });
        continue;
      }
      const article = r.article;
      const url = article.url ?? link;
      const copy = deduper.find({ urls: [url, link], text: article.text });
      if (copy) {
        entries.push({ key: entry.key, url, docId: copy.docId, note: null });
        duplicates.push({ url, of: copy.docId, kind: copy.kind });
        for (const other of new Set([url, link])) if (other && !deduper.isStored(other)) alsoAt.push({ id: copy.docId, url: other });
        deduper.noteAdded(copy.docId, [url, link]);
        continue;
      }
      const id = feedDocumentId(article.canonicalKey ?? url ?? `${feed.url}#${entry.key}`);
      put.push({
        id,
        source: 'feed',
        sourceRef: `feed ${feed.id}: ${entry.key}`,
        url,
        title: article.title,
        date: article.date && article.datePrecision ? { iso: article.date, precision: article.datePrecision, inferred: article.dateInferred } : null,
        site: article.site,
        author: article.author,
        lang: article.lang,
        text: article.text,
      });
      deduper.noteAdded(id, [url, link], article.text);
      entries.push({ key: entry.key, url, docId: id, note: null });
      added.push({ id, title: article.title, url, date: article.date });
    }
    return { put, alsoAt, entries, added, duplicates, refused };
  };

  const pollOne = async (feed: Feed): Promise<FeedPollReport> => {
    const at = now();
    const base = { feedId: feed.id, url: feed.url, title: feed.title };
    const fail = async (error: string): Promise<FeedPollReport> => {
      const failures = feed.failures + 1;
      const next = nextPollAt(at, failures, deps.intervalMs);
      await deps.feeds.recordPoll({ feedId: feed.id, at, ok: false, error, failures, nextPollAt: next, added: 0, entries: [] });
      return { ...base, status: 'failed', error, added: [], duplicates: [], refused: [], nextPollAt: next.toISOString() };
    };
    try {
      const read = await readFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
      if (read.kind === 'failed') return await fail(read.error);
      const next = nextPollAt(at, 0, deps.intervalMs);
      if (read.kind === 'not-modified') {
        await deps.feeds.recordPoll({ feedId: feed.id, at, ok: true, error: null, failures: 0, nextPollAt: next, added: 0, entries: [] });
        return { ...base, status: 'not-modified', error: null, added: [], duplicates: [], refused: [], nextPollAt: next.toISOString() };
      }
      const taken = await takeEntries(feed, read.feed);
      // The articles first, then the entries marked seen: a crash in between re-reads the entries,
      // which are then found by their address.
      if (taken.put.length > 0 || taken.alsoAt.length > 0) {
        const before = deduper.revision;
        const change = await deps.documents.apply({ put: taken.put, alsoAt: taken.alsoAt });
        // What was written is filed already: the next poll need not read every document again.
        if (change.changed) deduper.advance(before, change.revision);
      }
      await deps.feeds.recordPoll({
        feedId: feed.id,
        at,
        ok: true,
        title: read.feed.title,
        etag: read.etag,
        lastModified: read.lastModified,
        error: null,
        failures: 0,
        nextPollAt: next,
        added: taken.put.length,
        entries: taken.entries,
      });
      return {
        ...base,
        title: read.feed.title ?? feed.title,
        status: 'updated',
        error: null,
        added: taken.added,
        duplicates: taken.duplicates,
        refused: taken.refused,
        nextPollAt: next.toISOString(),
      };
    } catch (err) {
      deps.logger.warn({ err, feed: feed.url }, 'feed poll failed');
      return await fail(`poll failed: ${(err as Error).message}`);
    }
  };

  return {
    async add(url, addedBy) {
      const clean = cleanUrl(url.trim());
      if (!clean) return { ok: false, code: 'bad-url', reason: `refused: "${url}" is not a web address; give the feed's full http:// or https:// address` };
      if (await deps.feeds.get(clean)) return { ok: false, code: 'bad-url', reason: `${clean} is already a feed` };
      const read = await readFeed(clean, { etag: null, lastModified: null });
      if (read.kind === 'failed') return { ok: false, code: 'not-article', reason: read.error };
      const title = read.kind === 'updated' ? read.feed.title : null;
      const feed = await deps.feeds.add({ url: clean, title, addedBy, at: now() });
      deps.logger.info({ feed: clean, feedId: feed.id, by: addedBy }, 'feed added');
      return { ok: true, feed };
    },
    list: () => deps.feeds.list(),
    async nearDuplicate(text) {
      await deduper.sync();
      return deduper.findNear(text)?.docId;
    },
    async remove(ref) {
      const feed = await deps.feeds.get(ref);
      if (!feed || !(await deps.feeds.remove(feed.id))) return undefined;
      deps.logger.info({ feed: feed.url, feedId: feed.id }, 'feed removed');
      return feed;
    },
    async poll(options = {}) {
      const at = now();
      const due = (await deps.feeds.list()).filter((f) => options.all || f.nextPollAt <= at);
      if (due.length === 0) return { feeds: [], added: 0, reindexed: false, timings: { syncMs: 0, feedsMs: 0, reindexMs: 0 } };
      const started = performance.now();
      await deduper.sync();
      const synced = performance.now();
      const reports: FeedPollReport[] = [];
      for (const listed of due) {
        // One host polls a feed at a time: a feed leased elsewhere is left to that host, and one
        // polled meanwhile (no longer due once leased) is not polled again.
        const lease = await deps.feeds.lease(listed.id);
        if (!lease) {
          deps.logger.debug({ feed: listed.url, feedId: listed.id }, 'feed skipped: another host is polling it');
          continue;
        }
        let report: FeedPollReport;
        let feed: Feed;
        try {
          const current = await deps.feeds.get(String(listed.id));
          if (!current || (!options.all && current.nextPollAt > at)) continue;
          feed = current;
          report = await pollOne(feed);
        } finally {
          await lease.release();
        }
        reports.push(report);
        deps.logger.info(
          {
            feed: feed.url,
            feedId: feed.id,
            status: report.status,
            error: report.error ?? undefined,
            added: report.added.map((a) => ({ id: a.id, url: a.url, title: a.title })),
            duplicates: report.duplicates.length,
            refused: report.refused.length,
          },
          report.status === 'failed' ? 'feed poll failed' : `feed polled: ${report.added.length} added`,
        );
      }
      const added = reports.reduce((n, r) => n + r.added.length, 0);
      const read = performance.now();
      if (added > 0) await deps.reindex();
      const timings = { syncMs: Math.round(synced - started), feedsMs: Math.round(read - synced), reindexMs: Math.round(performance.now() - read) };
      return { feeds: reports, added, reindexed: added > 0, timings };
    },
  };
}
