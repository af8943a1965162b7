import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { entry } from './helpers.js';

const NOW = new Date('2026-03-10T18:00:00Z');
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const discordOrigin = (userId: string, messageId: string | null = '4'.repeat(18)) =>
  ({ source: 'discord', userId, guildId: '2'.repeat(18), channelId: '3'.repeat(18), messageId }) as const;

/** One suite, both stores: whatever a user notices must not depend on which one an install uses. */
describe.each(backends())('the store on $name', (backend) => {
  const start = (o: { location?: string; retentionDays?: number; now?: () => Date } = {}) => backend.open({ now: () => NOW, ...o });

  describe.skipIf(backend.skip)('answer log', () => {
    it('counts questions, refusals, languages, modes and sources of the window, and the latency percentiles', async () => {
      const { store } = await start();
      await store.answers.record(entry({ lang: 'nl', latencyMs: 10 }));
      await store.answers.record(entry({ lang: 'fr', mode: 'llm', latencyMs: 20 }));
      await store.answers.record(entry({ lang: 'en', refused: true, citedDocIds: [], latencyMs: 30, origin: discordOrigin('111111111111111111') }));
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
      expect(s.pending).toBeUndefined();
    });

    it('takes latency percentiles by nearest rank, and counts each day of the window apart', async () => {
      const { store } = await start();
      for (let i = 1; i <= 20; i++) await store.answers.record(entry({ latencyMs: i * 10, at: new Date(NOW.getTime() - (i % 3) * DAY) }));
      const s = await store.answers.stats({ days: 3, now: NOW });
      expect(s.latencyMs).toEqual({ p50: 100, p95: 190 });
      expect(s.perDay.map((d) => d.questions)).toEqual([7, 7, 6]);
    });

    it('replaces a record written twice under one answer id', async () => {
      const { store } = await start();
      const e = entry({ refused: true });
      await store.answers.record(e);
      await store.answers.record({ ...e, refused: false });
      expect(await store.answers.stats({ days: 1, now: NOW })).toMatchObject({ questions: 1, refused: 0 });
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

    it('keeps user ids only as a salted hash, the same for every store opened on one install and another on another install', async () => {
      const { store, location } = await start();
      const id = '123456789012345678';
      await store.votes.record({ answerId: 'x', userId: id, vote: 'up' });
      const hash = store.hashUser(id);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toBe(createHash('sha256').update(id).digest('hex'));
      // A second host (or a restart) on the same install: same hash, so the vote is a change.
      const other = (await start({ location })).store;
      expect(other.hashUser(id)).toBe(hash);
      expect(await other.votes.record({ answerId: 'x', userId: id, vote: 'down' })).toEqual({ previous: 'up' });
      expect((await start()).store.hashUser(id)).not.toBe(hash);
    });

    it('keeps records across reopening (migrations apply once) and removes those older than LOG_RETENTION_DAYS', async () => {
      const { store, location } = await start({ retentionDays: 30 });
      await store.answers.record(entry({ at: at('2026-01-01T00:00:00Z') }));
      await store.answers.record(entry({ at: at('2026-03-01T00:00:00Z') }));
      await store.votes.record({ answerId: 'old', userId: 'u', vote: 'down', at: at('2026-01-01T00:00:00Z') });
      await store.autoAnswer.claimPost('9'.repeat(18), at('2026-01-01T00:00:00Z'));
      expect(await store.prune(NOW)).toEqual({ answers: 1, votes: 1, discord_state: 0, auto_answer_posts: 1, rate_events: 0 });
      // A post claimed before the retention is forgotten with it.
      expect(await store.autoAnswer.claimPost('9'.repeat(18), NOW)).toBe(true);
      await store.answers.record(entry({ at: at('2026-01-02T00:00:00Z') }));
      await store.close();
      // Reopening prunes first.
      const again = (await start({ location, retentionDays: 30 })).store;
      const s = await again.answers.stats({ days: 3650, now: NOW });
      expect(s.questions).toBe(1);
      expect(s.votes).toEqual({ up: 0, down: 0, ratio: null });
      expect(again.problems).toEqual([]);
    });

    it('counts the answers and votes of two stores on one install (two hosts) together', async () => {
      const a = await start();
      const b = (await start({ location: a.location })).store;
      const e = entry({ origin: discordOrigin('1'.repeat(18)) });
      await a.store.answers.record(e);
      await b.answers.record(entry());
      await b.votes.record({ answerId: e.answerId, userId: '9'.repeat(18), vote: 'down', at: NOW });
      for (const s of [a.store, b]) expect(await s.answers.stats({ days: 1, now: NOW })).toMatchObject({ questions: 2, votes: { up: 0, down: 1 }, latestDown: [{ answerId: e.answerId }] });
    });

    it('rejects every call after close', async () => {
      const { store } = await start();
      await store.close();
      await store.close();
      await expect(store.answers.record(entry())).rejects.toThrow(/not open/);
    });
  });

  describe.skipIf(backend.skip)('Discord state', () => {
    it('returns what was put, by kind and key, also to another store opened on the same install (a restart, another shard or host)', async () => {
      const { store: a, location } = await start({ now: () => new Date() });
      await a.discord.put('answer', 'x1', { answer: { id: 'x1', citations: [] }, url: 'https://discord.com/channels/1/2/3' });
      await a.discord.put('conversation', 'x1', [{ question: 'q', answer: 'a' }]);
      const b = (await start({ location, now: () => new Date() })).store;
      expect(await b.discord.get('answer', 'x1')).toEqual({ answer: { id: 'x1', citations: [] }, url: 'https://discord.com/channels/1/2/3' });
      expect(await b.discord.get('conversation', 'x1')).toEqual([{ question: 'q', answer: 'a' }]);
      expect(await b.discord.get('view', 'x1')).toBeUndefined();
    });

    it('replaces a value and restarts its retention on each put', async () => {
      let now = new Date('2026-01-10T00:00:00Z');
      const { store } = await start({ now: () => now, retentionDays: 3 });
      await store.discord.put('conversation', 't', ['old'], new Date('2026-01-01T00:00:00Z'));
      expect(await store.discord.get('conversation', 't')).toBeUndefined();
      await store.discord.put('conversation', 't', ['new'], now);
      now = new Date(now.getTime() + 2 * DAY);
      expect(await store.discord.get('conversation', 't')).toEqual(['new']);
    });

    it('forgets values past LOG_RETENTION_DAYS: unreadable at once, removed by the retention pass', async () => {
      let now = new Date('2026-01-10T00:00:00Z');
      const { store } = await start({ now: () => now, retentionDays: 3 });
      await store.discord.put('view', 'v', { kind: 'sources' }, now);
      now = new Date(now.getTime() + 4 * DAY);
      expect(await store.discord.get('view', 'v')).toBeUndefined();
      expect((await store.prune(now)).discord_state).toBe(1);
    });
  });

  describe.skipIf(backend.skip)('rate limits', () => {
    it('allows `limit` requests per window per key, then says how long to wait; a slot frees as the oldest leaves the window', async () => {
      const { store } = await start();
      const t = (ms: number) => new Date(NOW.getTime() + ms);
      expect(await store.rateLimits.take('a', 2, 60_000, t(0))).toEqual({ ok: true });
      expect(await store.rateLimits.take('a', 2, 60_000, t(10_000))).toEqual({ ok: true });
      expect(await store.rateLimits.take('a', 2, 60_000, t(20_000))).toEqual({ ok: false, retryAfterMs: 40_000 });
      expect(await store.rateLimits.take('b', 2, 60_000, t(20_000))).toEqual({ ok: true });
      // Refusals do not count: at 60 s the first request has left the window.
      expect(await store.rateLimits.take('a', 2, 60_000, t(60_000))).toEqual({ ok: true });
      expect((await store.rateLimits.take('a', 2, 60_000, t(60_001))).ok).toBe(false);
    });

    it('holds one user’s limit across two stores on one install (two hosts), even when their requests arrive at once', async () => {
      const a = await start();
      const b = (await start({ location: a.location })).store;
      const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a.store).rateLimits.take('same-user', 3, 60_000, NOW)));
      expect(decisions.filter((d) => d.ok)).toHaveLength(3);
    });
  });
});
