import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord, FakeInteraction, FakeUser } from '../fakes/discord/fake-discord.js';
import { send, startWebServer, type WebServer } from '../helpers/web-server.js';
import { tempDirs } from '../helpers/corpus-dirs.js';
import { articlePage, rss } from '../sources/feeds/fixtures.js';
import { startHarness, type Harness } from './harness.js';

const ARTICLE =
  'De laatste Franse militairen van de operatie Barkhane hebben Mali verlaten via de basis in Ménaka. ' +
  'Volgens het ministerie van Defensie verliep de terugtrekking zonder incidenten. '.repeat(3) +
  '\n\nDe Kolibri-brigade nam de laatste stellingen over op vijftien augustus. Een woordvoerder noemde het vertrek een keerpunt voor de regio. '.repeat(4);

let web: WebServer;
beforeAll(async () => {
  web = await startWebServer({
    '/rss.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"1"' });
      res.end(rss('Het Dagblad', [{ guid: 'x-1', link: `${web.origin}/artikel/vertrek`, title: 'Laatste militairen verlaten Mali', date: '2022-08-15T12:00:00Z' }]));
    },
    '/artikel/vertrek': send(articlePage('Laatste militairen verlaten Mali', ARTICLE, '2022-08-15T12:00:00Z'), 'text/html; charset=utf-8'),
    '/kapot.xml': send('oops', 'text/plain', 503),
  });
});
afterAll(() => web.close());

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start() {
  const dirs = await tempDirs();
  h = await startHarness({ env: { CORPUS_DIR: dirs.corpusDir, FETCH_ALLOW_PRIVATE: 'on' } });
  return h;
}

/** /feeds <sub> with its options, as Discord sends a subcommand. */
/** By a moderator (the role with Manage Server) unless `by.user` is given. */
function feedsCommand(fake: FakeDiscord, sub: string, options: Record<string, string> = {}, by: { user?: FakeUser } = {}): FakeInteraction {
  const registered = fake.commands.get(fake.guildId)!.find((c) => c.name === 'feeds');
  const dispatch = (fake as unknown as { dispatchInteraction: (...a: unknown[]) => FakeInteraction }).dispatchInteraction.bind(fake);
  return dispatch(2, by.user ?? fake.users.alice, fake.channels.general, by.user ? [] : [fake.roles.moderator], {
    id: registered.id,
    name: 'feeds',
    type: 1,
    guild_id: fake.guildId,
    options: [{ name: sub, type: 1, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) }],
  });
}

const reply = (i: FakeInteraction) =>
  h!.fake.until(() => {
    const m = h!.fake.original(i);
    return m && m.content ? m : undefined;
  });

describe('/feeds', () => {
  it('is registered for Manage Server only, with add, list and remove', async () => {
    const harness = await start();
    const registered = harness.fake.commands.get(harness.fake.guildId)!.find((c) => c.name === 'feeds');
    expect(registered.default_member_permissions).toBe('32');
    expect(registered.options.map((o: { name: string }) => o.name)).toEqual(['add', 'list', 'remove']);
  });

  it('refuses a plain member privately, adds nothing, and logs the attempt', async () => {
    const harness = await start();
    const interaction = feedsCommand(harness.fake, 'add', { url: `${web.origin}/rss.xml` }, { user: harness.fake.users.bob });
    const message = await reply(interaction);
    expect(interaction.ack).toMatchObject({ type: 4, ephemeral: true });
    expect(message.content).toMatch(/Only moderators can manage feeds/);
    expect(await harness.feeds.list()).toEqual([]);
    expect(harness.logs.find((l) => l.msg === 'feeds refused: the member is not a moderator')).toMatchObject({ by: { username: 'bob' } });
  });

  it('lets a moderator add a feed whose articles a poll indexes in place, lists a failing feed with its error, and removes a feed', async () => {
    const harness = await start();
    const added = await reply(feedsCommand(harness.fake, 'add', { url: `${web.origin}/rss.xml` }));
    expect(added.content).toMatch(/Following feed #1 Het Dagblad/);
    await harness.feeds.add(`${web.origin}/rss.xml`, 'x'); // already a feed: refused, nothing doubled
    const refused = await reply(feedsCommand(harness.fake, 'add', { url: `${web.origin}/artikel/vertrek` }));
    expect(refused.content).toMatch(/not application\/rss\+xml|is text\/html/);

    const before = harness.engine.documents().length;
    const report = await harness.feeds.poll();
    expect(report.added).toBe(1);
    // Indexed by the serving engine, without a restart.
    expect(harness.engine.documents().length).toBe(before + 1);
    const hits = harness.engine.search('Kolibri-brigade Ménaka');
    expect(hits[0]?.doc.id).toBe(report.feeds[0]!.added[0]!.id);
    expect(harness.logs.some((l) => l.msg === 'feed polled: 1 added' && l.added?.[0]?.title === 'Laatste militairen verlaten Mali')).toBe(true);

    // /stats counts the articles added today, the feed's among them.
    const stats = await reply(harness.fake.command('stats', {}, { roles: [harness.fake.roles.moderator] }));
    expect(stats.content).toMatch(/Articles added: \d+ \(1 from feeds\) · per day `▁*[▂-█]`/);

    // A feed that fails (added through the store, as if it worked when added).
    await harness.store.feeds.add({ url: `${web.origin}/kapot.xml`, title: 'Kapot', addedBy: 'test', at: new Date() });
    await harness.feeds.poll();
    const list = await reply(feedsCommand(harness.fake, 'list'));
    expect(list.content).toMatch(/#1 Het Dagblad .*1 articles added.*ok/);
    expect(list.content).toMatch(/#2 Kapot .*FAILING \(1× in a row.*answered 503/);

    const removed = await reply(feedsCommand(harness.fake, 'remove', { feed: '#2' }));
    expect(removed.content).toMatch(/Stopped following feed #2/);
    expect((await harness.feeds.list()).map((f) => f.id)).toEqual([1]);
  });
});
