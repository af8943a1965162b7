import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/sqlite.js';
import { SALT_FILE } from '../../src/store/user-hash.js';
import { entry, storesClosedAfterEach, tempDataDir } from './helpers.js';

const NOW = new Date('2026-03-10T18:00:00Z');
const at = (iso: string) => new Date(iso);

describe('openStore', () => {
  const { start } = storesClosedAfterEach({ now: NOW, retentionDays: 90 });

  it('counts questions, refusals, languages, modes and sources of the window, and the latency percentiles', async () => {
    const { store } = await start();
    await store.answers.record(entry({ lang: 'nl', latencyMs: 10 }));
    await store.answers.record(entry({ lang: 'fr', mode: 'llm', latencyMs: 20 }));
    await store.answers.record(entry({ lang: 'en', refused: true, citedDocIds: [], latencyMs: 30, origin: { source: 'discord', userId: '111111111111111111', guildId: '2'.repeat(18), channelId: '3'.repeat(18), messageId: '4'.repeat(18) } }));
    await store.answers.record(entry({ lang: 'en', mode: 'fallback', fallbackReason: 'timeout', latencyMs: 1000 }));
    // Outside a 7-day window ending on NOW.
    await store.answers.record(entry({ at: at('2026-03-01T12:00:00Z'), lang: 'fr' }));

    const s = await store.answers.stats({ days: 7, now: NOW });
    expect(s).toMatchObject({
      days: 7,
      since: '2026-03-04T00:00:00.000Z',
      until: NOW.toISOString(),
      questions: 4,
      answered: 3,
      refused: 1,
      byLanguage: { nl: 1, fr: 1, en: 2 },
      byMode: { extractive: 2, llm: 1, fallback: 1 },
      bySource: { cli: 3, discord: 1 },
      latencyMs: { p50: 20, p95: 1000 },
    });
    expect(s.perDay).toHaveLength(7);
    expect(s.perDay.at(-1)).toEqual({ day: '2026-03-10', questions: 4, refused: 1 });
    expect(s.perDay.slice(0, 6).every((d) => d.questions === 0)).toBe(true);
    expect((await store.answers.stats({ days: 30, now: NOW })).questions).toBe(5);
  });

  it('groups refused questions by normalised text (case, accents, punctuation), most asked first, in their latest wording', async () => {
    const { store } = await start();
    await store.answers.record(entry({ refused: true, question: 'Qui a gagné la Coupe du monde ?', at: at('2026-03-10T09:00:00Z') }));
    await store.answers.record(entry({ refused: true, question: 'qui a gagne la coupe du monde', at: at('2026-03-10T10:00:00Z') }));
    await store.answers.record(entry({ refused: true, question: 'QUI A GAGNÉ LA COUPE DU MONDE?!', at: at('2026-03-10T11:00:00Z') }));
    await store.answers.record(entry({ refused: true, question: 'What is the capital of Mars?' }));
    await store.answers.record(entry({ refused: false, question: 'What is the capital of Mars?' }));
    const s = await store.answers.stats({ days: 1, now: NOW });
    expect(s.topRefused).toEqual([
      { question: 'QUI A GAGNÉ LA COUPE DU MONDE?!', count: 3 },
      { question: 'What is the capital of Mars?', count: 1 },
    ]);
  });

  it('counts one vote per user and answer, says what a changed vote replaced, and lists the latest 👎 with a link to the message', async () => {
    const { store } = await start();
    const shown = entry({ origin: { source: 'discord', userId: '111111111111111111', guildId: '222222222222222222', channelId: '333333333333333333', messageId: '444444444444444444' } });
    const dm = entry({ question: 'In a DM', origin: { source: 'discord', userId: '111111111111111111', guildId: null, channelId: '555555555555555555', messageId: '666666666666666666' } });
    await store.answers.record(shown);
    await store.answers.record(dm);
    expect(await store.votes.record({ answerId: shown.answerId, userId: 'u1', vote: 'up', at: at('2026-03-10T12:01:00Z') })).toEqual({});
    expect(await store.votes.record({ answerId: shown.answerId, userId: 'u1', vote: 'down', at: at('2026-03-10T12:02:00Z') })).toEqual({ previous: 'up' });
    await store.votes.record({ answerId: shown.answerId, userId: 'u2', vote: 'up', at: at('2026-03-10T12:03:00Z') });
    await store.votes.record({ answerId: dm.answerId, userId: 'u2', vote: 'down', at: at('2026-03-10T12:04:00Z') });
    await store.votes.record({ answerId: 'not-logged', userId: 'u3', vote: 'down', at: at('2026-03-10T12:05:00Z') });

    const s = await store.answers.stats({ days: 1, now: NOW });
    expect(s.votes).toEqual({ up: 1, down: 3, ratio: 0.25 });
    expect(s.latestDown).toEqual([
      { answerId: 'not-logged', at: '2026-03-10T12:05:00.000Z', question: null, url: null },
      { answerId: dm.answerId, at: '2026-03-10T12:04:00.000Z', question: 'In a DM', url: 'https://discord.com/channels/@me/555555555555555555/666666666666666666' },
      { answerId: shown.answerId, at: '2026-03-10T12:02:00.000Z', question: shown.question, url: 'https://discord.com/channels/222222222222222222/333333333333333333/444444444444444444' },
    ]);
  });

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

  it('keeps records across reopening (migrations apply once) and removes those older than LOG_RETENTION_DAYS', async () => {
    const { store, dataDir } = await start({ retentionDays: 30 });
    await store.answers.record(entry({ at: at('2026-01-01T00:00:00Z') }));
    await store.answers.record(entry({ at: at('2026-03-01T00:00:00Z') }));
    await store.votes.record({ answerId: 'old', userId: 'u', vote: 'down', at: at('2026-01-01T00:00:00Z') });
    expect(await store.prune(NOW)).toEqual({ answers: 1, votes: 1, discord_state: 0, auto_answer_posts: 0 });
    await store.answers.record(entry({ at: at('2026-01-02T00:00:00Z') }));
    await store.close();
    // Reopening prunes first.
    const again = (await start({ dataDir, retentionDays: 30 })).store;
    const s = await again.answers.stats({ days: 3650, now: NOW });
    expect(s.questions).toBe(1);
    expect(s.votes).toEqual({ up: 0, down: 0, ratio: null });
    expect(again.problems).toEqual([]);
  });

  it('rejects every call after close', async () => {
    const { store } = await start();
    await store.close();
    await store.close();
    await expect(store.answers.record(entry())).rejects.toThrow(/not open/);
  });
});
