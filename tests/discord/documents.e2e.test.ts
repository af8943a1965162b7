import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addArticle } from '../../src/sources/add-article.js';
import type { FakeDiscord, FakeInteraction, FakeUser } from '../fakes/discord/fake-discord.js';
import { tempDirs } from '../helpers/corpus-dirs.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const LINKED = {
  title: 'Barkhane quitte Ménaka [bilan]',
  text: 'Les derniers soldats de Barkhane ont quitté la base de Ménaka le 13 juin.\n\nLe convoi a rejoint Gao.',
  date: '2022-06-14',
  url: 'https://www.journal.example/afrique/menaka_(1).html',
  site: 'Le *Journal*',
  author: null,
  lang: 'fr',
};

let h: Harness | undefined;
let files: Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await new Promise<void>((r) => (files ? files.close(() => r()) : r()));
  files = undefined;
});

async function start() {
  const dirs = await tempDirs();
  h = await startHarness({ env: { CORPUS_DIR: dirs.corpusDir } });
  return h;
}

const reply = (i: FakeInteraction) =>
  h!.fake.until(() => {
    const m = h!.fake.original(i);
    return m && (m.content || m.embeds.length > 0) ? m : undefined;
  });

/** Dispatches a command with a subcommand or an attachment, which the fake's command() cannot build. */
function dispatch(fake: FakeDiscord, name: string, options: unknown[], by: { user?: FakeUser; roles?: string[] } = {}, resolved?: unknown) {
  const registered = fake.commands.get(fake.guildId)!.find((c) => c.name === name);
  const send = (fake as unknown as { dispatchInteraction: (...a: unknown[]) => FakeInteraction }).dispatchInteraction.bind(fake);
  return send(2, by.user ?? fake.users.alice, fake.channels.general, by.roles ?? [], {
    id: registered.id,
    name,
    type: 1,
    guild_id: fake.guildId,
    options,
    ...(resolved ? { resolved } : {}),
  });
}

const sub = (name: string, options: Record<string, string>) => [{ name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) }];

describe('/documents', () => {
  it('is registered for Manage Server only and refuses a plain member who reaches it anyway', async () => {
    const { fake, logs } = await start();
    expect(fake.commands.get(fake.guildId)!.find((c) => c.name === 'documents').default_member_permissions).toBe('32');
    const message = await reply(dispatch(fake, 'documents', sub('list', {}), { user: fake.users.bob }));
    expect(message.content).toMatch(/Only moderators can manage the corpus/);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(logs.find((l) => l.msg === 'documents refused: the member is not a moderator')).toMatchObject({ by: { username: 'bob' } });
  });

  it('lists the documents privately, filtered by source, an article’s title a link to it', async () => {
    const harness = await start();
    await addArticle(harness.store.documents, LINKED, { kind: 'url', ref: LINKED.url });
    const all = await reply(dispatch(harness.fake, 'documents', sub('list', {}), { roles: [harness.fake.roles.moderator] }));
    expect(all.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(all.embeds[0].title).toBe('Documents: 4');
    const linked = await reply(dispatch(harness.fake, 'documents', sub('list', { source: 'url' }), { roles: [harness.fake.roles.moderator] }));
    expect(linked.embeds[0].description).toMatch(/^`url_[0-9a-f]{16}` · url · 2022-06-14 · Le \\\*Journal\\\*\n\[Barkhane quitte Ménaka ⁅bilan⁆\]\(<https:\/\/www\.journal\.example\/afrique\/menaka_%281%29\.html>\)$/);
  });

  it('removes a document only after the confirmation, re-checking the moderator, and logs who removed it', async () => {
    const harness = await start();
    const { fake } = harness;
    const ask = await reply(dispatch(fake, 'documents', sub('remove', { id: 'beta' }), { roles: [fake.roles.moderator] }));
    expect(ask.content).toMatch(/^Remove this document from the corpus\?\n`beta` · folder · 2021-06/);
    expect(harness.engine.documents().map((d) => d.id)).toContain('beta');
    // A click from someone who is no moderator (e.g. the role was taken away meanwhile) removes nothing.
    const refused = fake.click(ask.id, 'docrm:beta', { user: fake.users.bob });
    await fake.until(() => harness.logs.find((l) => l.msg === 'document removal refused: the member is not a moderator'));
    expect((await reply(refused)).content).toMatch(/Only moderators can manage the corpus/);
    expect(await harness.store.documents.get('beta')).toBeDefined();
    fake.click(ask.id, 'docrm:beta', { roles: [fake.roles.moderator] });
    const done = await fake.until(() => {
      const m = fake.messagesIn(fake.channels.general).find((x) => x.id === ask.id) ?? fake.original(refused);
      return m?.content.startsWith('Removed') ? m : undefined;
    });
    expect(done?.content).toMatch(/^Removed `beta`.*\nThe index is updated\./s);
    expect(harness.engine.documents().map((d) => d.id)).not.toContain('beta');
    expect(harness.logs.find((l) => l.msg === 'document removed')).toMatchObject({ by: { username: 'alice' }, id: 'beta' });
  });

  it('says when the id is unknown', async () => {
    const { fake } = await start();
    const message = await reply(dispatch(fake, 'documents', sub('remove', { id: 'nope' }), { roles: [fake.roles.moderator] }));
    expect(message.content).toMatch(/No document has the id "nope"/);
  });
});

describe('/add and cited links', () => {
  async function serve(bytes: Uint8Array): Promise<string> {
    files = createServer((_req, res) => res.writeHead(200, { 'content-length': bytes.length }).end(bytes));
    await new Promise<void>((r) => files!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(files.address() as AddressInfo).port}/attachments/1/2/upload`;
  }
  const withFile = (fake: FakeDiscord, name: string, url: string, size: number, by: { user?: FakeUser; roles?: string[] }) =>
    dispatch(fake, 'add', [{ name: 'file', type: 11, value: '1300000000000000001' }], by, {
      attachments: { '1300000000000000001': { id: '1300000000000000001', filename: name, size, url, proxy_url: url, content_type: 'text/markdown' } },
    });

  it('adds an uploaded Markdown article with front matter; /ask then cites it as a masked link with outlet and date', async () => {
    const harness = await start();
    const bytes = new TextEncoder().encode(`---\ntitle: Barkhane quitte Ménaka\nurl: https://www.journal.example/menaka\nsite: Le Journal\ndate: 2022-06-14\n---\n${LINKED.text}`);
    const message = await reply(withFile(harness.fake, 'menaka.md', await serve(bytes), bytes.length, { roles: [harness.fake.roles.moderator] }));
    expect(message.content).toMatch(/^Added "Barkhane quitte Ménaka" \(Le Journal, 2022-06-14\) as menaka\. It is answerable now/);
    const ask = harness.fake.command('ask', { question: 'Quand les soldats de Barkhane ont-ils quitté Ménaka ?' });
    const answer = await harness.fake.until(() => {
      const m = harness.fake.original(ask);
      return m && m.components.length > 0 ? m : undefined;
    });
    expect(answer.embeds[0].description).toContain('[Barkhane quitte Ménaka](<https://www.journal.example/menaka>) · Le Journal · ');
    expect(answer.embeds[0].description).toMatch(/· 14 (June|juin) 2022|2022-06-14/);
  });

  it('reports a duplicate instead of adding it twice', async () => {
    const harness = await start();
    const bytes = new TextEncoder().encode(' date 2021-06 Europese taskforce Takuba moet Barkhane vervangen.\n\nTakuba telt zeshonderd soldaten uit Estland en Zweden.');
    const message = await reply(withFile(harness.fake, 'copy.txt', await serve(bytes), bytes.length, { roles: [harness.fake.roles.moderator] }));
    expect(message.content).toMatch(/^Not added: .* is already in the corpus as beta \(same text\)\.$/);
    expect(await harness.store.documents.get('copy')).toBeUndefined();
  });

  it('refuses a plain member without downloading anything', async () => {
    const harness = await start();
    let downloads = 0;
    files = createServer((_req, res) => (downloads++, res.end('x')));
    await new Promise<void>((r) => files!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/a`;
    const message = await reply(withFile(harness.fake, 'a.txt', url, 10, { user: harness.fake.users.bob }));
    expect(message.content).toMatch(/Only moderators can manage the corpus/);
    expect(downloads).toBe(0);
    const viaLink = await reply(dispatch(harness.fake, 'add', [{ name: 'url', type: 3, value: 'https://example.org/a' }], { user: harness.fake.users.bob }));
    expect(viaLink.content).toMatch(/Only moderators/);
  });
});
