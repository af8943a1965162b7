import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInteraction, FakeMessage } from '../fakes/discord/fake-discord.js';
import type { AskOptions } from '../../src/types.js';
import { askAndWait, buttonId, replyTo, restartHarness, startHarness, withAsk, type Harness, type HarnessOptions } from './harness.js';

const EPHEMERAL = 64;
/** Answered from 002_68a43d7a4bec2f41 with a citation (the state the buttons need). */
// A question the keyless answerer answers (a refusal has no Sources button).
const QUESTION = 'Welk land is bereid om als nieuwe thuisbasis voor de missie te dienen?';

describe('buttons, pagers and threads after a restart (new Client, same DATA_DIR)', () => {
  let h: Harness;
  let calls: Array<{ question: string; options: AskOptions | undefined }>;
  afterEach(async () => h?.close());

  const options: HarnessOptions = {
    wrap: (engine) =>
      withAsk(engine, (question, o) => {
        calls.push({ question, options: o });
        return engine.ask(question, o);
      }),
  };
  let env: Record<string, string> = {};
  const start = async (extra: Record<string, string> = {}) => {
    calls = [];
    env = extra;
    h = await startHarness({ ...options, env });
  };
  const restart = async () => {
    h = await restartHarness(h, { ...options, env });
  };
  const ask = (question = QUESTION): Promise<FakeMessage> => askAndWait(h.fake, question);
  const clickReply = (click: FakeInteraction) => replyTo(h.fake, click);

  it('a vote and a Sources click on an answer given before the restart work', async () => {
    await start();
    const answer = await ask();
    await restart();
    expect(h.bot.client.isReady()).toBe(true);

    const up = h.fake.click(answer.id, buttonId(answer, '👍'));
    expect((await clickReply(up)).content).toMatch(/Thanks for rating this answer 👍/);
    const down = h.fake.click(answer.id, buttonId(answer, '👎'));
    expect((await clickReply(down)).content).toMatch(/Changed your rating to 👎/);

    const sources = h.fake.click(answer.id, buttonId(answer, 'Sources'));
    const full = await clickReply(sources);
    expect(full.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(full.embeds[0].description).toMatch(/Niger/);
    expect(full.embeds[0].footer.text).toContain('002_68a43d7a4bec2f41#');
    expect(h.fake.rejections).toEqual([]);
  });

  it('the pager of a /timeline shown before the restart turns its pages', async () => {
    await start();
    const interaction = h.fake.command('timeline', {});
    const first = await h.fake.until(() => {
      const m = h.fake.original(interaction);
      return m && m.components.length > 0 ? m : undefined;
    });
    expect(first.embeds[0].footer.text).toMatch(/page 1 of [2-9]/);
    const pageOne = first.embeds[0].description;
    await restart();
    const next = h.fake.click(first.id, buttonId(first, 'Next ▶'));
    const turned = await h.fake.until(() => {
      const m = h.fake.messages.get(first.id)!;
      return m.embeds[0].footer.text.includes('page 2 of') ? m : undefined;
    });
    expect(next.ack?.ephemeral).toBe(false);
    expect(turned.embeds[0].description).not.toBe(pageOne);
    expect(h.fake.rejections).toEqual([]);
  });

  it('a follow-up in a thread started before the restart carries the earlier turn', async () => {
    await start();
    const asked = h.fake.say(`<@${h.fake.botUser.id}> ${QUESTION}`);
    const thread = await h.fake.until(() => h.fake.threads.get(asked.id));
    await h.fake.until(() => h.fake.messagesIn(thread.id).some((m) => m.author.id === h.fake.botUser.id && m.components.length > 0));
    await restart();

    h.fake.say('Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?', { channelId: thread.id });
    await h.fake.until(() => h.fake.messagesIn(thread.id).filter((m) => m.author.id === h.fake.botUser.id && m.components.length > 0).length >= 2);
    expect(calls.map((c) => c.question)).toEqual([QUESTION, 'Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?']);
    expect(calls[1]!.options?.history).toEqual([{ question: QUESTION, answer: expect.stringContaining('Niger') }]);
    expect(h.logs.some((l) => l.cmd === 'follow-up' && l.msg === 'answered' && l.turns === 1)).toBe(true);
  });

  it('a button whose state is past retention gets a short private explanation, not a failed interaction', async () => {
    await start({ LOG_RETENTION_DAYS: '1' });
    const answer = await ask();
    await h.fake.until(() => h.logs.some((l) => l.cmd === '/ask' && l.msg === 'interaction finished'));
    const answerId = buttonId(answer, '👍').split(':')[2]!;
    // The state as it would be two days on: written back with an old time.
    const kept = await h.store.discord.get('answer', answerId);
    expect(kept).toBeDefined();
    await h.store.discord.put('answer', answerId, kept, new Date(Date.now() - 2 * 86_400_000));
    await restart();

    const click = h.fake.click(answer.id, buttonId(answer, 'Sources'));
    const reply = await clickReply(click);
    expect(click.ack?.type).toBe(4);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toBe('I no longer have this answer: answers are kept 1 day. Ask the question again.');
  });
});
