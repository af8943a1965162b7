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

  it('copies the documents, answer log, votes and Discord state with the salt, checks the counts, and changes nothing when run twice', async () => {
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
    const before = await sqlite.answers.stats({ days: 1, now: NOW });
    await sqlite.close();

    const schema = await schemas.create();
    const url = urlInSchema(schema);
    const config = loadConfig({ DATA_DIR: dataDir });
    const logger = createLogger({ level: 'silent' });
    const first = captureIo();
    expect(await storeCommand({ config, logger }, ['copy', '--to', url], first)).toBe(0);
    expect(first.stdout).toContain('answers: 1501 in SQLite, 1501 of them in PostgreSQL (1501 written now)');
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
        { table: 'answers', source: 1501, inserted: 0, present: 1501 },
        { table: 'votes', source: 1, inserted: 0, present: 1 },
        { table: 'discord_state', source: 1, inserted: 0, present: 1 },
        { table: 'documents', source: 2, inserted: 0, present: 2 },
        { table: 'document_urls', source: 1, inserted: 0, present: 1 },
        { table: 'folder_files', source: 0, inserted: 0, present: 0 },
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
    } finally {
      await pg.close();
    }
  });

  it('asks for a PostgreSQL address when there is none', async () => {
    await expect(storeCommand({ config: loadConfig({}), logger: createLogger({ level: 'silent' }) }, ['copy'], captureIo())).rejects.toThrow(/copy needs --to postgres:\/\//);
  });
});
