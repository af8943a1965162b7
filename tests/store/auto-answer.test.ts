import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { entry } from './helpers.js';

const NOW = new Date('2026-03-10T18:00:00Z');
const GUILD = '1'.repeat(18);
const FORUM = '5'.repeat(18);
const OTHER = '6'.repeat(18);

describe.each(backends())('auto-answer settings and posts on $name', (backend) => {
  const start = async (o: { dataDir?: string } = {}) => {
    const { store, location } = await backend.open({ now: () => NOW, retentionDays: 30, ...(o.dataDir ? { location: o.dataDir } : {}) });
    return { store, dataDir: location };
  };

  it.skipIf(backend.skip)('keeps a forum’s setting across a reopen of the same DATA_DIR until it is turned off', async () => {
    const { store, dataDir } = await start();
    await store.autoAnswer.enable({ guildId: GUILD, forumId: FORUM, minConfidence: 0.6, replyWhenUnsure: true, at: NOW });
    await store.autoAnswer.enable({ guildId: GUILD, forumId: OTHER, minConfidence: 0.4, replyWhenUnsure: false, at: NOW });
    await store.close();

    const { store: again } = await start({ dataDir });
    expect(await again.autoAnswer.get(FORUM)).toEqual({ guildId: GUILD, forumId: FORUM, minConfidence: 0.6, replyWhenUnsure: true, at: NOW });
    expect((await again.autoAnswer.list(GUILD)).map((s) => s.forumId)).toEqual([FORUM, OTHER]);
    expect(await again.autoAnswer.list('9'.repeat(18))).toEqual([]);

    // Changing the threshold replaces the setting; turning off removes it.
    await again.autoAnswer.enable({ guildId: GUILD, forumId: FORUM, minConfidence: 0.8, replyWhenUnsure: false, at: NOW });
    expect((await again.autoAnswer.get(FORUM))?.minConfidence).toBe(0.8);
    expect(await again.autoAnswer.disable(FORUM)).toBe(true);
    expect(await again.autoAnswer.disable(FORUM)).toBe(false);
    expect(await again.autoAnswer.get(FORUM)).toBeUndefined();
    // Settings are not answer records: retention never removes them.
    await again.prune(new Date('2027-01-01T00:00:00Z'));
    expect(await again.autoAnswer.get(OTHER)).toBeDefined();
  });

  it.skipIf(backend.skip)('claims a post once, also after a reopen', async () => {
    const { store, dataDir } = await start();
    expect(await store.autoAnswer.claimPost('7'.repeat(18))).toBe(true);
    expect(await store.autoAnswer.claimPost('7'.repeat(18))).toBe(false);
    await store.close();
    const { store: again } = await start({ dataDir });
    expect(await again.autoAnswer.claimPost('7'.repeat(18))).toBe(false);
    expect(await again.autoAnswer.claimPost('8'.repeat(18))).toBe(true);
  });

  it.skipIf(backend.skip)('counts each forum’s posts and how many were answered; a silent decision counts as refused', async () => {
    const { store } = await start();
    const discord = { source: 'discord' as const, userId: '2'.repeat(18), guildId: GUILD, channelId: '7'.repeat(18), messageId: null };
    await store.answers.record(entry({ origin: discord, autoAnswer: { forumId: FORUM, posted: true, confidence: 0.7 } }));
    await store.answers.record(entry({ origin: discord, refused: true, autoAnswer: { forumId: FORUM, posted: false, confidence: 0.2 } }));
    await store.answers.record(entry({ origin: discord, refused: true, autoAnswer: { forumId: OTHER, posted: false, confidence: null } }));
    await store.answers.record(entry());
    const s = await store.answers.stats({ days: 7, now: NOW });
    expect(s.autoAnswer).toEqual([
      { forumId: FORUM, posts: 2, answered: 1 },
      { forumId: OTHER, posts: 1, answered: 0 },
    ]);
    expect(s).toMatchObject({ questions: 4, refused: 2 });
    expect(s.perDay.at(-1)).toEqual({ day: '2026-03-10', questions: 4, refused: 2 });
  });
});
