import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { storeCommand } from '../../src/cli/store.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openStore } from '../../src/store/sqlite.js';
import { captureIo } from '../helpers/io.js';
import { TEST_DATABASE_URL, testSchemas, urlInSchema } from '../helpers/postgres.js';
import { newDocument } from '../store/documents-contract.js';
import { entry, tempDataDir } from '../store/helpers.js';

const NOW = new Date();
const USER = '123456789012345678';

describe.skipIf(!TEST_DATABASE_URL)('npm run store -- copy --to postgres://…', () => {
  const schemas = testSchemas();
  const dirs: string[] = [];
  afterAll(async () => {
    await schemas.dropAll();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('copies the documents, feeds, answer log, votes, Discord state and auto-answer settings with the salt, checks the counts, and changes nothing when run twice', async () => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const sqlite = await openStore({ dataDir, retentionDays: 90, pruneEveryMs: 0 });
    const shown = entry({ at: NOW, origin: { source: 'discord', userId: USER, guildId: '2'.repeat(18), channelId: '3'.repeat(18), messageId: '4'.repeat(18) } });
    await sqlite.answers.record(shown);
    for (let i = 0; i < 1500; i++) await sqlite.answers.record(entry({ at: NOW, refused: i % 3 === 0, lang: i % 2 ? 'fr' : 'nl' }));
    await sqlite.votes.record({ answerId: shown.answerId, userId: USER, vote: 'down', at: NOW });
    await sqlite.discord.put('answer', shown.answerId, { answer: { id: shown.answerId, citations: [] } });
    await sqlite.documents.apply({ put: [newDocument('a'), newDocument('b', { date: { iso: '2022-02', precision: 'month', inferred: true } })], alsoAt: [{ id: 'a', url: 'https://elders.example/a' }] });
    const storedA = await sqlite.documents.get('a');
    // Two feeds (the first removed, so numbers have a gap), one with its poll state and seen entries.
    await sqlite.feeds.add({ url: 'https://gone.example/rss', title: null, addedBy: 'cli', at: NOW });
    await sqlite.feeds.add({ url: 'https://news.example/rss', title: null, addedBy: 'cli', at: NOW });
    await sqlite.feeds.add({ url: 'https://journal.example/atom', title: null, addedBy: 'cli', at: NOW });
    await sqlite.feeds.remove(1);
    const polledAt = new Date(NOW.getTime() - 60_000);
    await sqlite.feeds.recordPoll({ feedId: 2, at: polledAt, ok: true, title: 'Nieuws', etag: '"v1"', error: null, failures: 0, nextPollAt: NOW, added: 1, entries: [{ key: 'g1', url: 'https://news.example/1', docId: 'a', note: null }] });
    await sqlite.feeds.putFingerprints([{ docId: 'a', contentHash: 'h', bytes: new Uint8Array([1, 2, 3, 250]) }], []);
    const feeds = await sqlite.feeds.list();
    await sqlite.autoAnswer.enable({ guildId: '2'.repeat(18), forumId: '6'.repeat(18), minConfidence: 0.5, replyWhenUnsure: false, at: NOW });
    await sqlite.autoAnswer.enable({ guildId: '2'.repeat(18), forumId: '5'.repeat(18), minConfidence: 0.7, replyWhenUnsure: true, at: NOW });
    await sqlite.autoAnswer.claimPost('7'.repeat(18), NOW);
    await sqlite.answers.record(entry({ at: NOW, refused: true, origin: { source: 'discord', userId: USER, guildId: '2'.repeat(18), channelId: '7'.repeat(18), messageId: null }, autoAnswer: { forumId: '5'.repeat(18), posted: false, confidence: 0.3 } }));
    const settings = await sqlite.autoAnswer.list('2'.repeat(18));
    const before = await sqlite.answers.stats({ days: 1, now: NOW });
    await sqlite.close();

    const schema = await schemas.create();
    const url = urlInSchema(schema);
    const config = loadConfig({ DATA_DIR: dataDir });
    const logger = createLogger({ level: 'silent' });
    const first = captureIo();
    expect(await storeCommand({ config, logger }, ['copy', '--to', url], first)).toBe(0);
    expect(first.stdout).toContain('answers: 1502 in SQLite, 1502 of them in PostgreSQL (1502 written now)');
    expect(first.stdout).toContain('votes: 1 in SQLite, 1 of them in PostgreSQL (1 written now)');
    expect(first.stdout).toContain('discord_state: 1 in SQLite, 1 of them in PostgreSQL (1 written now)');
    expect(first.stdout).toContain('documents: 2 in SQLite, 2 of them in PostgreSQL (2 written now)');
    expect(first.stdout).toContain('document_urls: 1 in SQLite, 1 of them in PostgreSQL (1 written now)');
    expect(first.stdout).toContain('the user-hash salt was copied');
    expect(first.stdout).toContain('Every record is in PostgreSQL');

    const second = captureIo();
    expect(await storeCommand({ config, logger }, ['copy', '--to', url, '--json'], second)).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({
      tables: [
        { table: 'answers', source: 1502, inserted: 0, present: 1502 },
        { table: 'votes', source: 1, inserted: 0, present: 1 },
        { table: 'discord_state', source: 1, inserted: 0, present: 1 },
        { table: 'auto_answer_channels', source: 2, inserted: 0, present: 2 },
        { table: 'auto_answer_posts', source: 1, inserted: 0, present: 1 },
        { table: 'documents', source: 2, inserted: 0, present: 2 },
        { table: 'document_urls', source: 1, inserted: 0, present: 1 },
        { table: 'folder_files', source: 0, inserted: 0, present: 0 },
        { table: 'feeds', source: 2, inserted: 0, present: 2 },
        { table: 'feed_entries', source: 1, inserted: 0, present: 1 },
        { table: 'document_fingerprints', source: 1, inserted: 0, present: 1 },
      ],
      salt: 'same',
      complete: true,
    });

    // The PostgreSQL store now says what the SQLite one said, and knows the user: a new vote is a change.
    const pg = await openPostgresStore({ url, retentionDays: 90, pruneEveryMs: 0 });
    try {
      expect(await pg.answers.stats({ days: 1, now: NOW })).toEqual(before);
      expect(await pg.votes.record({ answerId: shown.answerId, userId: USER, vote: 'up' })).toEqual({ previous: 'down' });
      expect(await pg.discord.get('answer', shown.answerId)).toEqual({ answer: { id: shown.answerId, citations: [] } });
      // The corpus came along, at a revision of its own (the second run did not increase it again).
      expect(await pg.documents.get('a')).toEqual(storedA);
      expect((await pg.documents.get('b'))!.date).toEqual({ iso: '2022-02', precision: 'month', inferred: true });
      expect(await pg.documents.revision()).toBe(2);
      // Feeds keep their numbers and poll state (no poll is repeated), and a new one takes the next number.
      expect(await pg.feeds.list()).toEqual(feeds);
      expect(await pg.feeds.seen(2, ['g1', 'g2'])).toEqual(new Set(['g1']));
      expect(await pg.feeds.fingerprints()).toEqual([{ docId: 'a', contentHash: 'h', bytes: new Uint8Array([1, 2, 3, 250]) }]);
      expect((await pg.feeds.add({ url: 'https://new.example/rss', title: null, addedBy: 'cli', at: NOW })).id).toBe(4);
      // Auto-answer stays on where it was, in the same order; a post answered before is not answered again.
      expect(await pg.autoAnswer.list('2'.repeat(18))).toEqual(settings);
      expect(await pg.autoAnswer.claimPost('7'.repeat(18))).toBe(false);
    } finally {
      await pg.close();
    }
  });

  it('asks for a PostgreSQL address when there is none', async () => {
    await expect(storeCommand({ config: loadConfig({}), logger: createLogger({ level: 'silent' }) }, ['copy'], captureIo())).rejects.toThrow(/copy needs --to postgres:\/\//);
  });
});
