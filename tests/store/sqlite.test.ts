import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/sqlite.js';
import { SALT_FILE } from '../../src/store/user-hash.js';
import { entry, storesClosedAfterEach, tempDataDir } from './helpers.js';

const NOW = new Date('2026-03-10T18:00:00Z');

/** What only the SQLite store does (files in DATA_DIR); the behaviour both stores share is in store.test.ts. */
describe('openStore (SQLite)', () => {
  const { start } = storesClosedAfterEach({ now: NOW, retentionDays: 90 });

  it('keeps user ids only as a hash salted per install: the salt is made once and reused, and the hash is not the plain sha256', async () => {
    const { store, dataDir } = await start();
    const salt = await readFile(join(dataDir, SALT_FILE), 'utf8');
    expect(salt.trim()).toMatch(/^[0-9a-f]{64}$/);
    const id = '123456789012345678';
    await store.answers.record(entry({ origin: { source: 'discord', userId: id, guildId: null, channelId: '1'.repeat(18), messageId: null } }));
    await store.votes.record({ answerId: 'x', userId: id, vote: 'up' });
    const hash = store.hashUser(id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(createHash('sha256').update(id).digest('hex'));
    await store.close();
    expect((await readFile(join(dataDir, STORE_FILE))).includes(id)).toBe(false);
    const again = (await start({ dataDir })).store;
    expect(await readFile(join(dataDir, SALT_FILE), 'utf8')).toBe(salt);
    expect(again.hashUser(id)).toBe(hash);
    // A second vote by the same user on reopening is a change, so the hash matched.
    expect(await again.votes.record({ answerId: 'x', userId: id, vote: 'down' })).toEqual({ previous: 'up' });
    // Another install (another salt) gives another hash.
    expect((await start()).store.hashUser(id)).not.toBe(hash);
  });

  it('replaces a damaged salt file, moving it aside and reporting that older hashes no longer match', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, SALT_FILE), 'not a salt');
    const { store } = await start({ dataDir });
    expect(store.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/did not hold a salt.*no longer match/), movedTo: expect.stringContaining('.damaged-') })]);
    expect((await readFile(join(dataDir, SALT_FILE), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
