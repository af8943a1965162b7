/**
 * Two hosts sharing one PostgreSQL store poll the same feeds at the same moment: each feed is read
 * by one of them, each article stored once, and both see the feeds' state.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedIo } from '../../../src/sources/feeds/app-io.js';
import { createFeedService } from '../../../src/sources/feeds/service.js';
import type { Store } from '../../../src/store/types.js';
import { send, startWebServer, type WebServer } from '../../helpers/web-server.js';
import { TEST_DATABASE_URL } from '../../helpers/postgres.js';
import { backends } from '../../store/backends.js';
import { articlePage, atom, rss, SEED_TEXTS } from './fixtures.js';

const TITLES = ['Nieuwe operaties in de drielandengebied', 'Parijs bevriest operaties', 'Frankrijk stopt de missie', 'Mali : la transition'];
const DATES = ['2020-01-14T08:00:00+01:00', '2021-06-04T09:00:00+02:00', '2022-02-17T18:30:00+01:00', '2022-01-10T10:00:00+01:00'];

let server: WebServer;
beforeAll(async () => {
  if (!TEST_DATABASE_URL) return;
  const routes: Parameters<typeof startWebServer>[0] = {
    '/atom.xml': send(atom('Le Journal', [{ guid: 'urn:journal:4', link: '/journal/mali-transition', title: TITLES[3]!, date: DATES[3]!, fullText: SEED_TEXTS[4]! }]), 'application/atom+xml'),
  };
  for (let i = 0; i < 3; i++) routes[`/artikel/${i + 1}`] = send(articlePage(TITLES[i]!, SEED_TEXTS[i]!, DATES[i]!), 'text/html; charset=utf-8');
  server = await startWebServer(routes);
  // Served once the origin is known: the RSS feed links to the article pages.
  routes['/rss.xml'] = send(
    rss('Het Dagblad', [1, 2, 3].map((n) => ({ guid: `dagblad-${n}`, link: `${server.origin}/artikel/${n}`, title: TITLES[n - 1]!, date: DATES[n - 1]! }))),
    'application/rss+xml',
  );
});
afterAll(() => server?.close());

describe.skipIf(!TEST_DATABASE_URL)('feeds polled by several hosts (PostgreSQL)', () => {
  const [, postgres] = backends();
  const hostService = (store: Store) =>
    createFeedService({
      feeds: store.feeds,
      documents: store.documents,
      ...feedIo({ allowPrivate: true, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 }, 1024 * 1024),
      reindex: async () => undefined,
      logger: pino({ level: 'silent' }),
      intervalMs: 30 * 60_000,
      maxTextBytes: 1024 * 1024,
    });
  const fetched = (path: string) => server.requests.filter((r) => r.path === path).length;

  it('has each due feed read by one host when both poll at once, and stores each article once', async () => {
    const { store: storeA, location } = await postgres!.open();
    const { store: storeB } = await postgres!.open({ location });
    const [hostA, hostB] = [hostService(storeA), hostService(storeB)];
    for (const feed of ['/rss.xml', '/atom.xml']) {
      const added = await hostA.add(`${server.origin}${feed}`, 'tester');
      if (!added.ok) throw new Error(added.reason);
    }
    const before = { rss: fetched('/rss.xml'), atom: fetched('/atom.xml'), page: fetched('/artikel/1') };

    const [a, b] = await Promise.all([hostA.poll(), hostB.poll()]);

    // Every feed was polled, each by exactly one host.
    expect([...a.feeds, ...b.feeds].map((f) => f.url).sort()).toEqual([`${server.origin}/atom.xml`, `${server.origin}/rss.xml`]);
    expect(fetched('/rss.xml') - before.rss).toBe(1);
    expect(fetched('/atom.xml') - before.atom).toBe(1);
    expect(fetched('/artikel/1') - before.page).toBe(1);
    expect(a.added + b.added).toBe(4);
    const docs = await storeB.documents.list({ source: 'feed' });
    expect(docs.map((d) => d.title).sort()).toEqual([...TITLES].sort());
    // Both hosts see the same poll state; neither polls again before the feeds are due.
    expect((await storeB.feeds.list()).every((f) => f.lastOkAt !== null && f.lastError === null)).toBe(true);
    const [againA, againB] = await Promise.all([hostA.poll(), hostB.poll()]);
    expect(againA.feeds.length + againB.feeds.length).toBe(0);
  }, 60_000);
});
