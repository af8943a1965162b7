import { afterEach, describe, expect, it } from 'vitest';
import type { AskOptions } from '../../src/types.js';
import { citationNumbers, NIGER_QUESTION, startHarness, withAsk, type Harness } from './harness.js';

describe('mentions and threads', () => {
  let h: Harness;
  let calls: Array<{ question: string; options: AskOptions | undefined }>;
  afterEach(async () => h?.close());

  const start = async (env: Record<string, string> = {}) => {
    calls = [];
    h = await startHarness({
      env,
      wrap: (engine) =>
        withAsk(engine, (question, options) => {
          calls.push({ question, options });
          return engine.ask(question, options);
        }),
    });
  };
  const botAnswersIn = (channelId: string, count: number) =>
    h.fake.until(() => {
      const answers = h.fake.messagesIn(channelId).filter((m) => m.author.id === h.fake.botUser.id && m.components.length > 0);
      return answers.length >= count ? answers : undefined;
    });

  it('answers a mention in a thread named after the question; a follow-up there carries the earlier turn', async () => {
    await start();
    const asked = h.fake.say(`<@${h.fake.botUser.id}> ${NIGER_QUESTION}`);
    const thread = await h.fake.until(() => h.fake.threads.get(asked.id));
    expect(thread.name).toBe(NIGER_QUESTION);
    expect(thread.parent_id).toBe(h.fake.channels.general);
    const [first] = await botAnswersIn(thread.id, 1);
    expect(first!.content).toMatch(/Niger/);
    expect(citationNumbers(first!.content).length).toBeGreaterThan(0);
    expect(first!.embeds[0].title).toBe('Sources');

    h.fake.say('Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?', { channelId: thread.id });
    await botAnswersIn(thread.id, 2);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.question).toBe(NIGER_QUESTION);
    expect(calls[0]!.options?.history).toEqual([]);
    expect(calls[1]!.options?.history).toEqual([{ question: NIGER_QUESTION, answer: expect.stringContaining('Niger') }]);
    expect(h.fake.rejections).toEqual([]);
  });

  it('shortens a long question to a thread name of at most 100 characters', async () => {
    await start();
    const long = `${NIGER_QUESTION} ${'En wat zeggen de bronnen daar verder over, in detail? '.repeat(4)}`;
    const asked = h.fake.say(`<@${h.fake.botUser.id}> ${long}`);
    const thread = await h.fake.until(() => h.fake.threads.get(asked.id));
    expect([...thread.name].length).toBeLessThanOrEqual(100);
    expect(long.startsWith(thread.name.replace(/…$/, ''))).toBe(true);
  });

  it('answers "a" and an over-long question with what a question must be, asking nothing and opening no thread', async () => {
    await start();
    const bot = `<@${h.fake.botUser.id}>`;
    h.fake.say(`${bot} a`);
    h.fake.say(`${bot} ${'Wat gebeurde er in Mali? '.repeat(40)}`);
    const replies = await h.fake.until(() => {
      const r = h.fake.messagesIn(h.fake.channels.general).filter((m) => m.author.id === h.fake.botUser.id);
      return r.length >= 2 ? r : undefined;
    });
    expect(replies.map((m) => m.content)).toEqual([
      'Ask a question in words, e.g. `@Griot Wanneer vertrok Barkhane uit Mali?`',
      'The question is 999 characters long; Griot takes questions of at most 500 characters. Ask it in fewer words.',
    ]);
    expect(calls).toEqual([]);
    expect(h.fake.threads.size).toBe(0);
  });

  it('ignores bots, @everyone, mentions without a question and messages not addressed to it', async () => {
    await start();
    const bot = `<@${h.fake.botUser.id}>`;
    h.fake.say(`${bot} ${NIGER_QUESTION}`, { user: h.fake.users.otherBot });
    h.fake.say(`@everyone ${bot} ${NIGER_QUESTION}`);
    h.fake.say(`${bot}   `);
    h.fake.say(NIGER_QUESTION);
    // A last, valid mention: once it is answered, the earlier ones were handled (in order) and ignored.
    const last = h.fake.say(`${bot} ${NIGER_QUESTION}`, { user: h.fake.users.bob });
    const thread = await h.fake.until(() => h.fake.threads.get(last.id));
    await botAnswersIn(thread.id, 1);
    expect(calls).toHaveLength(1);
    expect(h.fake.threads.size).toBe(1);
  });

  it('does not listen to messages when ANSWER_MENTIONS is off (no Message Content intent asked)', async () => {
    await start({ ANSWER_MENTIONS: 'off' });
    expect(h.fake.gateway.intents & (1 << 15)).toBe(0);
    expect(h.bot.client.listenerCount('messageCreate')).toBe(0);
  });
});
