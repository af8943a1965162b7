import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../helpers/postgres.js';
import { backends } from './backends.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LEASER = fileURLToPath(new URL('./fixtures/lease-feed.ts', import.meta.url));

const at = new Date('2026-03-10T12:00:00Z');

describe.each(backends())('feed store ($name)', (backend) => {
  let store: Awaited<ReturnType<typeof backend.open>>['store'];
  beforeEach(async () => {
    if (backend.skip) return;
    store = (await backend.open({ retentionDays: 30 })).store;
  });

  it.skipIf(backend.skip)('adds a feed once, finds it by number or address, and removes it with its seen entries', async () => {
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

  it.skipIf(backend.skip)('keeps the validators of the last 200 through a 304 and a failure, and counts what was added', async () => {
    await store.feeds.add({ url: 'https://news.example/rss', title: null, addedBy: 'cli', at });
    await store.feeds.recordPoll({ feedId: 1, at, ok: true, title: 'Nieuws', etag: '"v1"', lastModified: 'Tue, 10 Mar 2026 11:00:00 GMT', error: null, failures: 0, nextPollAt: at, added: 2, entries: [] });
    await store.feeds.recordPoll({ feedId: 1, at, ok: true, error: null, failures: 0, nextPollAt: at, added: 0, entries: [] });
    await store.feeds.recordPoll({ feedId: 1, at, ok: false, error: 'answered 500', failures: 1, nextPollAt: at, added: 0, entries: [] });
    expect(await store.feeds.get('1')).toMatchObject({ title: 'Nieuws', etag: '"v1"', lastModified: 'Tue, 10 Mar 2026 11:00:00 GMT', lastError: 'answered 500', failures: 1, articlesAdded: 2, lastOkAt: at });
  });

  it.skipIf(backend.skip)('keeps fingerprints by document and counts documents added per day', async () => {
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

  it.skipIf(backend.skip)('lets one poller at a time hold a feed’s lease, and gives it again once released', async () => {
    const feed = await store.feeds.add({ url: 'https://news.example/rss', title: null, addedBy: 'cli', at });
    const lease = await store.feeds.lease(feed.id);
    expect(lease).toBeDefined();
    expect(await store.feeds.lease(feed.id)).toBeUndefined();
    await lease!.release();
    const again = await store.feeds.lease(feed.id);
    expect(again).toBeDefined();
    await again!.release();
  });
});

describe.skipIf(!TEST_DATABASE_URL)('feed leases across hosts (PostgreSQL)', () => {
  const [, postgres] = backends();

  it('keeps a leased feed from a second host, and lets it take the feed over when the holder is killed', async () => {
    const { store: hostA, location } = await postgres!.open();
    const { store: hostB } = await postgres!.open({ location });
    const feed = await hostA.feeds.add({ url: 'https://news.example/rss', title: null, addedBy: 'cli', at });

    const held = await hostA.feeds.lease(feed.id);
    expect(await hostB.feeds.lease(feed.id)).toBeUndefined();
    await held!.release();

    // A third host takes the lease and is killed -9 while holding it.
    const child = spawn(process.execPath, ['--import', 'tsx', LEASER, TEST_DATABASE_URL!, location, String(feed.id)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const said = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`the leasing host exited (${code}) before taking the lease`)));
    });
    expect(said).toBe('leased');
    expect(await hostB.feeds.lease(feed.id)).toBeUndefined();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    // The server ends the dead host's session, and its lock with it: host B takes the feed over.
    let lease;
    for (let i = 0; i < 100 && !lease; i++) {
      lease = await hostB.feeds.lease(feed.id);
      if (!lease) await new Promise((r) => setTimeout(r, 100));
    }
    expect(lease).toBeDefined();
    await lease!.release();
  }, 60_000);
});
