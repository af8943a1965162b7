import { readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeDiscord, FakeInteraction, FakeUser } from '../fakes/discord/fake-discord.js';
import { tempDirs } from '../helpers/corpus-dirs.js';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

const EPHEMERAL = 64;
const NEW_ARTICLE = ' date 2022-08 Les derniers soldats de Barkhane ont quitté le Mali par Ménaka.';

let h: Harness | undefined;
let files: Server | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  await new Promise<void>((r) => (files ? files.close(() => r()) : r()));
  files = undefined;
});

/** A harness over a temporary corpus of three articles (uploads must never touch seeds/). */
async function start(env: HarnessOptions['env'] = {}) {
  const dirs = await tempDirs();
  h = await startHarness({ env: (fake) => ({ CORPUS_DIR: dirs.corpusDir, ...(typeof env === 'function' ? env(fake) : env) }) });
  return { harness: h, corpusDir: dirs.corpusDir };
}

/** The interaction's private reply once it has content. */
const reply = (i: FakeInteraction) =>
  h!.fake.until(() => {
    const m = h!.fake.original(i);
    return m && m.content ? m : undefined;
  });

/** Serves `bytes` on 127.0.0.1, as Discord's CDN serves an attachment. */
async function serve(bytes: Uint8Array): Promise<string> {
  files = createServer((_req, res) => res.writeHead(200, { 'content-length': bytes.length }).end(bytes));
  await new Promise<void>((r) => files!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(files.address() as AddressInfo).port}/attachments/1/2/upload`;
}

/**
 * /reindex with a `file` attachment. The fake's command() only sends string/number/boolean options,
 * so this builds the attachment option and its resolved data and dispatches it the same way.
 */
function reindexWithFile(fake: FakeDiscord, name: string, size: number, url: string, by: { user?: FakeUser; roles?: string[] } = {}) {
  const id = '1300000000000000001';
  const registered = fake.commands.get(fake.guildId)!.find((c) => c.name === 'reindex');
  const dispatch = (fake as unknown as { dispatchInteraction: (...a: unknown[]) => FakeInteraction }).dispatchInteraction.bind(fake);
  return dispatch(2, by.user ?? fake.users.alice, fake.channels.general, by.roles ?? [], {
    id: registered.id,
    name: 'reindex',
    type: 1,
    guild_id: fake.guildId,
    options: [{ name: 'file', type: 11, value: id }],
    resolved: { attachments: { [id]: { id, filename: name, size, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' } } },
  });
}

describe('/reindex', () => {
  it('is registered for Manage Server only', async () => {
    const { harness } = await start();
    const registered = harness.fake.commands.get(harness.fake.guildId)!.find((c) => c.name === 'reindex');
    expect(registered.default_member_permissions).toBe('32');
    expect(registered.options).toEqual([expect.objectContaining({ name: 'file', type: 11, required: false })]);
  });

  it('refuses a plain member privately even when the command reaches the bot past Discord’s gate, and logs the attempt', async () => {
    const { harness, corpusDir } = await start();
    await writeFile(join(corpusDir, 'delta.txt'), NEW_ARTICLE);
    // The fake delivers the command whatever default_member_permissions says, as a server admin's override would.
    const interaction = harness.fake.command('reindex', {}, { user: harness.fake.users.bob });
    const message = await reply(interaction);
    expect(interaction.ack).toMatchObject({ type: 4, ephemeral: true });
    expect(message.content).toMatch(/Only moderators can reindex/);
    expect(harness.logs.find((l) => l.msg === 'reindex refused: the member is not a moderator')).toMatchObject({
      by: { id: harness.fake.users.bob.id, username: 'bob' },
    });
    expect(harness.engine.documents().map((d) => d.id)).not.toContain('delta');
  });

  it('reindexes for a member with Manage Server and reports the changes privately', async () => {
    const { harness, corpusDir } = await start();
    await writeFile(join(corpusDir, 'delta.txt'), NEW_ARTICLE);
    await writeFile(join(corpusDir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]));
    const interaction = harness.fake.command('reindex', {}, { roles: [harness.fake.roles.moderator] });
    const message = await reply(interaction);
    expect(interaction.ack).toMatchObject({ type: 5, ephemeral: true });
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toMatch(/1 added \(delta\); 0 changed; 0 removed; 3 unchanged; 1 skipped/);
    expect(message.content).toMatch(/skipped scan\.txt: looks binary/);
    expect(harness.engine.search('Ménaka').map((hit) => hit.doc.id)).toEqual(['delta']);
    expect(harness.logs.find((l) => l.msg === 'reindexed')).toMatchObject({ by: { username: 'alice' }, added: ['delta'] });
    expect(harness.fake.rejections).toEqual([]);
  });

  it('reindexes for a member with a role in MODERATOR_ROLE_IDS but no Manage Server', async () => {
    const { harness, corpusDir } = await start((fake) => ({ MODERATOR_ROLE_IDS: fake.roles.helpers }));
    await writeFile(join(corpusDir, 'delta.txt'), NEW_ARTICLE);
    const message = await reply(harness.fake.command('reindex', {}, { roles: [harness.fake.roles.helpers] }));
    expect(message.content).toMatch(/1 added \(delta\)/);
  });

  it('still adds an uploaded document (to the store, under a sanitised name), says the option moved to /add, then reindexes', async () => {
    const { harness, corpusDir } = await start();
    const bytes = new TextEncoder().encode(NEW_ARTICLE);
    const url = await serve(bytes);
    const interaction = reindexWithFile(harness.fake, '../../menaka.txt', bytes.length, url, { roles: [harness.fake.roles.moderator] });
    const message = await reply(interaction);
    expect(message.content).toMatch(/^Added menaka\.txt \(2022-08\) as menaka\. \(The file option moved: use \/add file: next time\.\)\n.*1 added \(menaka\)/s);
    // Uploads live in the store, not in CORPUS_DIR (which may be read-only, e.g. the bundled seeds).
    expect((await readdir(corpusDir)).sort()).toEqual(['alpha.txt', 'beta.txt', 'gamma.txt']);
    expect(await harness.store.documents.get('menaka')).toMatchObject({ source: 'upload', sourceRef: 'menaka.txt', text: NEW_ARTICLE.slice(' date 2022-08 '.length) });
    expect(harness.engine.search('Ménaka').map((hit) => hit.doc.id)).toEqual(['menaka']);
  });

  it('refuses an invalid upload with the reason and changes nothing', async () => {
    const { harness, corpusDir } = await start();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]);
    const url = await serve(bytes);
    const message = await reply(reindexWithFile(harness.fake, 'photo.txt', bytes.length, url, { roles: [harness.fake.roles.moderator] }));
    expect(message.content).toMatch(/Upload refused, nothing changed: photo\.txt was not added: looks binary/);
    expect((await readdir(corpusDir)).sort()).toEqual(['alpha.txt', 'beta.txt', 'gamma.txt']);
    expect(harness.logs.some((l) => l.msg === 'reindexed')).toBe(false);
  });

  it('refuses an upload from a plain member without downloading it', async () => {
    const { harness, corpusDir } = await start();
    let downloads = 0;
    files = createServer((_req, res) => (downloads++, res.end(NEW_ARTICLE)));
    await new Promise<void>((r) => files!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(files.address() as AddressInfo).port}/a`;
    const message = await reply(reindexWithFile(harness.fake, 'menaka.txt', 80, url, { user: harness.fake.users.bob }));
    expect(message.content).toMatch(/Only moderators/);
    expect(downloads).toBe(0);
    expect((await readdir(corpusDir)).sort()).toEqual(['alpha.txt', 'beta.txt', 'gamma.txt']);
  });
});
