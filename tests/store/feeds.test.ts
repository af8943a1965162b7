import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { tempDataDir } from './helpers.js';

let dataDir: string;
let store: Store;
beforeEach(async () => {
  dataDir = await tempDataDir();
  store = await openStore({ dataDir, retentionDays: 30 });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const at = new Date('2026-03-10T12:00:00Z');

describe('feed store (SQLite)', () => {
  it('adds a feed once, finds it by number or address, and removes it with its seen entries', async () => {
    const feed = await store.feeds.add({ url: 'https://news.example/rss', title: 'Nieuws', addedBy: 'cli', at });
    expect(feed).toMatchObject({ id: 1, failures: 0, lastError: null, articlesAdded: 0, nextPollAt: at });
    await expect(store.feeds.add({ url: 'https://news.example/rss', title: null, addedBy: 'cli', at })).rejects.toThrow(/already a feed/);
    expect((await store.feeds.get('1'))?.url).toBe('https://news.example/rss');
    expect((await store.feeds.get('https://news.example/rss'))?.id).toBe(1);
    await store.feeds.recordPoll({ feedId: 1, at, ok: true, error: null, failures: 0, nextPollAt: at, added: 0, entries: [{ key: 'g1', url: null, docId: null, note: 'refused' }] });
    expect(await store.feeds.seen(1, ['g1', 'g2'])).toEqual(new Set(['g1']));
    expect(await store.feeds.remove(1)).toBe(true);
    expect(await store.feeds.list()).toEqual([]);
    expect(await store.feeds.seen(1, ['g1'])).toEqual(new Set());
  });

  it('keeps the validators of the last 200 through a 304 and a failure, and counts what was added', async () => {
    await store.feeds.add({ url: 'https://news.example/rss', title: null, addedBy: 'cli', at });
    await store.feeds.recordPoll({ feedId: 1, at, ok: true, title: 'Nieuws', etag: '"v1"', lastModified: 'Tue, 10 Mar 2026 11:00:00 GMT', error: null, failures: 0, nextPollAt: at, added: 2, entries: [] });
    await store.feeds.recordPoll({ feedId: 1, at, ok: true, error: null, failures: 0, nextPollAt: at, added: 0, entries: [] });
    await store.feeds.recordPoll({ feedId: 1, at, ok: false, error: 'answered 500', failures: 1, nextPollAt: at, added: 0, entries: [] });
    expect(await store.feeds.get('1')).toMatchObject({ title: 'Nieuws', etag: '"v1"', lastModified: 'Tue, 10 Mar 2026 11:00:00 GMT', lastError: 'answered 500', failures: 1, articlesAdded: 2, lastOkAt: at });
  });

  it('keeps fingerprints by document and counts documents added per day', async () => {
    await store.feeds.putFingerprints([{ docId: 'a', contentHash: 'h', bytes: new Uint8Array([1, 2, 3, 4]) }], []);
    expect(await store.feeds.fingerprints()).toEqual([{ docId: 'a', contentHash: 'h', bytes: new Uint8Array([1, 2, 3, 4]) }]);
    await store.feeds.putFingerprints([], ['a']);
    expect(await store.feeds.fingerprints()).toEqual([]);

    const doc = (id: string, source: 'feed' | 'url') => ({ id, source, sourceRef: id, url: null, title: null, date: null, site: null, author: null, lang: null, text: `tekst ${id}` });
    await store.documents.apply({ put: [doc('x', 'feed'), doc('y', 'url')] });
    const days = await store.feeds.addedPerDay(3, new Date());
    expect(days).toHaveLength(3);
    expect(days.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), added: 2, fromFeeds: 1 });
    expect(days[0]).toMatchObject({ added: 0, fromFeeds: 0 });
  });
});
