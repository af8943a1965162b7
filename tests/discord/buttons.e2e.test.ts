import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInteraction, FakeMessage } from '../fakes/discord/fake-discord.js';
import { askAndWait, buttonId, messageBodies, NIGER_QUESTION, replyTo, startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;

describe('buttons under an answer', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  const ask = (question = NIGER_QUESTION): Promise<FakeMessage> => askAndWait(h.fake, question);
  const clickReply = (click: FakeInteraction) => replyTo(h.fake, click);

  it('records a vote in the store against the answer id, a second click changes it, and the user id is kept only hashed', async () => {
    h = await startHarness();
    const answer = await ask();
    const up = h.fake.click(answer.id, buttonId(answer, '👍'));
    expect((await clickReply(up)).content).toMatch(/Thanks/);
    expect(up.ack?.ephemeral).toBe(true);
    const down = h.fake.click(answer.id, buttonId(answer, '👎'));
    expect((await clickReply(down)).content).toMatch(/Changed your rating to 👎/);

    const answerId = buttonId(answer, '👍').split(':')[2];
    const stats = await h.store.answers.stats({ days: 1 });
    // One user, one vote: the change replaced the 👍.
    expect(stats.votes).toEqual({ up: 0, down: 1, ratio: 0 });
    expect(stats.latestDown).toEqual([
      expect.objectContaining({ answerId, question: NIGER_QUESTION, url: `https://discord.com/channels/${h.fake.guildId}/${h.fake.channels.general}/${answer.id}` }),
    ]);
    await h.store.close();
    expect((await readFile(join(h.dataDir, 'griot.sqlite'))).includes(h.fake.users.alice.id)).toBe(false);
    expect(h.logs.some((l) => l.msg === 'feedback recorded' && l.vote === 'down' && l.previous === 'up')).toBe(true);
  });

  it('shows the full cited passages privately on "Sources"', async () => {
    h = await startHarness();
    const answer = await ask();
    const click = h.fake.click(answer.id, buttonId(answer, 'Sources'));
    const reply = await clickReply(click);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.embeds[0].title).toMatch(/^\[1\]/);
    expect(reply.embeds[0].description).toMatch(/Niger/);
    expect(reply.embeds[0].footer.text).toContain('002_68a43d7a4bec2f41#');
  });

  it('escalates to the moderator role, the only mention it allows, and never allows @everyone', async () => {
    h = await startHarness();
    const answer = await ask(`@everyone <@&${'1'.repeat(18)}> ${NIGER_QUESTION}`);
    const click = h.fake.click(answer.id, buttonId(answer, '🙋 Ask a moderator'), { user: h.fake.users.bob });
    const post = await clickReply(click);
    expect(click.ack?.ephemeral).toBe(false);
    expect(post.content).toContain(`<@&${h.fake.roles.helpers}>`);
    expect(post.content).toContain(answer.id);
    expect(post.allowedMentions).toEqual({ parse: [], roles: [h.fake.roles.helpers] });

    const bodies = messageBodies(h.fake);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(post.content).toContain('@everyone');
    for (const { body } of bodies) {
      expect(body.allowed_mentions?.parse).toEqual([]);
      expect(body.allowed_mentions?.users ?? []).toEqual([]);
      for (const role of body.allowed_mentions?.roles ?? []) expect(role).toBe(h.fake.roles.helpers);
    }
    expect(bodies.filter(({ body }) => (body.allowed_mentions?.roles ?? []).length > 0)).toHaveLength(1);
  });

  it('tells the user when a button refers to an answer it no longer remembers (e.g. after a restart)', async () => {
    h = await startHarness();
    const answer = await ask();
    // The same message as a previous run of the bot would have left it: an answer id this run never made.
    answer.components = [{ type: 1, components: [{ type: 2, style: 2, label: '👍', custom_id: 'fb:up:0123456789ab' }] }];
    const click = h.fake.click(answer.id, 'fb:up:0123456789ab');
    const reply = await clickReply(click);
    expect(reply.content).toMatch(/no longer have this answer/);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
  });
});
