import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { republish, seededRandom } from '../../../src/bench/dedupe-pairs.js';
import { feedIo } from '../../../src/sources/feeds/app-io.js';
import { createFeedService, type FeedService } from '../../../src/sources/feeds/service.js';
import { openStore } from '../../../src/store/sqlite.js';
import type { Store } from '../../../src/store/types.js';
import { tempDataDir } from '../../store/helpers.js';
import { send, startWebServer, type WebServer } from '../../helpers/web-server.js';
import { articlePage, atom, rss, SEED_TEXTS, type FeedItem } from './fixtures.js';

/** What the test server serves: RSS and Atom feeds that can change, with ETags, and article pages. */
let rssItems: FeedItem[] = [];
let server: WebServer;
const version = (items: readonly FeedItem[]) => `"v${items.length}-${items.map((i) => i.link).join(',').length}"`;

const TITLES = ['Nieuwe operaties in de drielandengebied', 'Parijs bevriest operaties', 'Frankrijk stopt de missie', 'Russische vliegtuigen in Bamako', 'Mali : la transition'];
const DATES = ['2020-01-14T08:00:00+01:00', '2021-06-04T09:00:00+02:00', '2022-02-17T18:30:00+01:00', '2021-10-01T07:00:00+02:00', '2022-01-10T10:00:00+01:00'];

beforeAll(async () => {
  const copy = republish({ id: 'c', text: SEED_TEXTS[2]! }, 'Lees ook: het weer', seededRandom(5), 0.02)!.text;
  const routes: Parameters<typeof startWebServer>[0] = {
    '/rss.xml': (req, res) => {
      const etag = version(rssItems);
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      res.end(rss('Het Dagblad', rssItems));
    },
    '/atom.xml': send(
      atom('Le Journal', [{ guid: 'urn:journal:5', link: '/journal/mali-transition', title: TITLES[4]!, date: DATES[4]!, fullText: SEED_TEXTS[4]! }]),
      'application/atom+xml',
      200,
      { etag: '"atom-1"' },
    ),
    '/mirror.xml': send(
      rss('De Spiegel', [
        // The same article as /artikel/1 at another address (tracking parameter, trailing slash).
        { guid: 'spiegel-1', link: '/artikel/1/?utm_source=rss', title: TITLES[0]!, date: DATES[0]! },
        // The story of /artikel/3 republished with another lead, byline and footer.
        { guid: 'spiegel-2', link: '/spiegel/missie-gestopt', title: 'Missie gestopt', date: DATES[2]! },
      ]),
      'application/rss+xml',
    ),
    '/broken.xml': send('upstream error', 'text/plain', 500),
    '/spiegel/missie-gestopt': send(articlePage('Missie gestopt', copy, DATES[2]!), 'text/html; charset=utf-8'),
  };
  for (let i = 0; i < 4; i++) routes[`/artikel/${i + 1}`] = send(articlePage(TITLES[i]!, SEED_TEXTS[i]!, DATES[i]!), 'text/html; charset=utf-8');
  server = await startWebServer(routes);
});
afterAll(() => server.close());

let dataDir: string;
let store: Store;
let service: FeedService;
let reindexed: number;

beforeEach(async () => {
  rssItems = [1, 2, 3].map((n) => ({ guid: `dagblad-${n}`, link: `${server.origin}/artikel/${n}`, title: TITLES[n - 1]!, date: DATES[n - 1]! }));
  dataDir = await tempDataDir();
  store = await openStore({ dataDir, retentionDays: 30 });
  reindexed = 0;
  service = createFeedService({
    feeds: store.feeds,
    documents: store.documents,
    ...feedIo({ allowPrivate: true, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 }, 1024 * 1024),
    reindex: async () => {
      reindexed++;
    },
    logger: pino({ level: 'silent' }),
    intervalMs: 30 * 60_000,
    maxTextBytes: 1024 * 1024,
  });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const requestsTo = (path: string) => server.requests.filter((r) => r.path === path).length;

describe('feed service', () => {
  it('adds each entry of an RSS feed once: a second poll gets a 304 and adds nothing, one new entry adds one', async () => {
    const added = await service.add(`${server.origin}/rss.xml`, 'tester');
    if (!added.ok) throw new Error(added.reason);
    expect(added.feed.title).toBe('Het Dagblad');

    const first = await service.poll();
    expect(first.added).toBe(3);
    expect(first.reindexed).toBe(true);
    const docs = await store.documents.list({ source: 'feed' });
    expect(docs.map((d) => d.title).sort()).toEqual(TITLES.slice(0, 3).sort());
    const stored = docs.find((d) => d.title === TITLES[2])!;
    expect(stored.url).toBe(`${server.origin}/artikel/3`);
    expect(stored.date).toEqual({ iso: '2022-02-17', precision: 'day', inferred: false });
    expect(stored.site).toBe('Het Dagblad');
    expect((await store.documents.get(stored.id))!.text).toContain('Frankrijk stopt de militaire missie');

    const second = await service.poll({ all: true });
    expect(second.feeds[0]!.status).toBe('not-modified');
    expect(second.added).toBe(0);
    expect(server.requests.filter((r) => r.path === '/rss.xml').at(-1)!.headers['if-none-match']).toBe(version(rssItems));

    rssItems = [{ guid: 'dagblad-4', link: `${server.origin}/artikel/4`, title: TITLES[3]!, date: DATES[3]! }, ...rssItems];
    const pagesBefore = requestsTo('/artikel/1');
    const third = await service.poll({ all: true });
    expect(third.feeds[0]!.status).toBe('updated');
    expect(third.added).toBe(1);
    expect(third.feeds[0]!.added[0]!.title).toBe(TITLES[3]);
    expect(requestsTo('/artikel/1')).toBe(pagesBefore); // seen entries are not fetched again
    expect(await store.documents.count({ source: 'feed' })).toBe(4);
    expect(reindexed).toBe(2);
    expect((await service.list())[0]!.articlesAdded).toBe(4);
  });

  it('takes the full text an Atom feed carries without fetching the page', async () => {
    const added = await service.add(`${server.origin}/atom.xml`, 'tester');
    if (!added.ok) throw new Error(added.reason);
    const report = await service.poll();
    expect(report.added).toBe(1);
    expect(requestsTo('/journal/mali-transition')).toBe(0);
    const [doc] = await store.documents.getMany([report.feeds[0]!.added[0]!.id]);
    expect(doc!.url).toBe(`${server.origin}/journal/mali-transition`);
    expect(doc!.title).toBe(TITLES[4]);
    expect(doc!.text).toContain('Ménaka');
    expect(doc!.date?.iso).toBe('2022-01-10');
  });

  it('keeps a story once when another feed carries it at another address or republished, listing the other addresses', async () => {
    await service.add(`${server.origin}/rss.xml`, 'tester');
    await service.poll();
    const mirror = await service.add(`${server.origin}/mirror.xml`, 'tester');
    if (!mirror.ok) throw new Error(mirror.reason);
    const report = await service.poll();
    const polled = report.feeds.find((f) => f.feedId === mirror.feed.id)!;
    expect(polled.added).toEqual([]);
    expect(polled.duplicates.map((d) => d.kind).sort()).toEqual(['near', 'url']);
    expect(await store.documents.count({ source: 'feed' })).toBe(3);
    const third = (await store.documents.list({ source: 'feed' })).find((d) => d.title === TITLES[2])!;
    expect(third.alsoAt).toContain(`${server.origin}/spiegel/missie-gestopt`);
    const first = (await store.documents.list({ source: 'feed' })).find((d) => d.title === TITLES[0])!;
    expect(first.alsoAt).toContain(`${server.origin}/artikel/1/`);
  });

  it('keeps a failing feed with its error and retries it later, while the other feeds go on', async () => {
    // Added while it worked, then the server broke: add checks a feed once.
    const broken = await store.feeds.add({ url: `${server.origin}/broken.xml`, title: 'Kapot', addedBy: 'tester', at: new Date() });
    await service.add(`${server.origin}/rss.xml`, 'tester');
    const report = await service.poll();
    const failed = report.feeds.find((f) => f.feedId === broken.id)!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/answered 500/);
    expect(report.added).toBe(3);

    const listed = (await service.list()).find((f) => f.id === broken.id)!;
    expect(listed.lastError).toMatch(/answered 500/);
    expect(listed.failures).toBe(1);
    const retryIn = listed.nextPollAt.getTime() - listed.lastPolledAt!.getTime();
    expect(retryIn).toBe(5 * 60_000);
    // Not due yet: a poll of due feeds leaves it alone; a forced one fails again and backs off further.
    expect((await service.poll()).feeds.map((f) => f.feedId)).not.toContain(broken.id);
    await service.poll({ all: true });
    const again = (await service.list()).find((f) => f.id === broken.id)!;
    expect(again.failures).toBe(2);
    expect(again.nextPollAt.getTime() - again.lastPolledAt!.getTime()).toBe(10 * 60_000);
  });

  it('refuses to add what is not a feed, or a private address without FETCH_ALLOW_PRIVATE', async () => {
    const page = await service.add(`${server.origin}/artikel/1`, 'tester');
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.reason).toMatch(/text\/html/);
    const strict = createFeedService({
      feeds: store.feeds,
      documents: store.documents,
      ...feedIo({ allowPrivate: false, timeoutMs: 15_000, maxBytes: 1024 * 1024 }, 1024 * 1024),
      reindex: async () => undefined,
      logger: pino({ level: 'silent' }),
      intervalMs: 60_000,
      maxTextBytes: 1024 * 1024,
    });
    const local = await strict.add(`${server.origin}/rss.xml`, 'tester');
    expect(local.ok).toBe(false);
    if (!local.ok) expect(local.reason).toMatch(/FETCH_ALLOW_PRIVATE=on/);
    expect(await service.list()).toEqual([]);
  });
});
