import { DEFAULT_FORUM_CONFIDENCE } from '../../src/discord/auto-answer.js';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASE_URL, testSchemas, urlInSchema } from '../helpers/postgres.js';
import { reply, sourceNumber, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import type { FakeForum, FakeInteraction, FakeMessage, FakeUser } from '../fakes/discord/fake-discord.js';
import { buttonId, citationNumbers, restartHarness, startHarness, withAsk, type Harness, type HarnessOptions } from './harness.js';

const EPHEMERAL = 64;
/** Answered by the keyless answerer with a bold 55 (fitted confidence about 0.89). */
const SURE = { title: 'Barkhane', content: 'Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?' };
/** Answered, not refused, but with a fitted confidence of about 0.68: under the default bar (the bold line's, about 0.70). */
const UNSURE = { title: 'Niger', content: 'Wat zei Macron over Niger?' };

/** The embedded store, and PostgreSQL (a schema per test) when TEST_DATABASE_URL is set: several hosts share the forum settings there. */
const STORES = [{ store: 'SQLite', postgres: false }, ...(TEST_DATABASE_URL ? [{ store: 'PostgreSQL', postgres: true }] : [])];

describe.each(STORES)('forum auto-answer ($store)', ({ postgres }) => {
  let h: Harness;
  let asked: string[];
  const schemas = testSchemas();
  afterEach(async () => h?.close());
  afterAll(() => (postgres ? schemas.dropAll() : undefined));

  const wrap: HarnessOptions['wrap'] = (engine) =>
    withAsk(engine, (question, o) => {
      asked.push(question);
      return engine.ask(question, o);
    });
  let options: HarnessOptions = { wrap };
  const start = async () => {
    asked = [];
    options = postgres ? { wrap, env: { DATABASE_URL: urlInSchema(await schemas.create()) } } : { wrap };
    h = await startHarness(options);
    expect(h.store.kind).toBe(postgres ? 'postgres' : 'sqlite');
  };
  const reply = (i: FakeInteraction) => h.fake.until(() => h.fake.original(i));
  const autoanswer = (sub: string, opts: Record<string, string | number | boolean | { channel: string }> = {}) =>
    reply(h.fake.command('autoanswer', opts, { subcommand: sub, roles: [h.fake.roles.moderator] }));
  /** The bot's messages in a thread. */
  const botMessagesIn = (threadId: string) => h.fake.messagesIn(threadId).filter((m) => m.author.id === h.fake.botUser.id);
  /** Waits for the bot's answer (the message with buttons) in a thread. */
  const answerIn = (threadId: string, count = 1) =>
    h.fake.until(() => {
      const answers = botMessagesIn(threadId).filter((m) => m.components.length > 0);
      return answers.length >= count ? answers : undefined;
    }, 15_000);
  /** Waits until the bot has finished deciding about a post (answered or silent). */
  const decided = (post: FakeMessage) => h.fake.until(() => h.logs.find((l) => l.msg === 'forum post finished' && l.messageId === post.id), 15_000);
  const post = (forum: FakeForum, p: { title: string; content: string }, user?: FakeUser) => h.fake.post(forum.id, { ...p, ...(user ? { user } : {}) });

  it('answers a sure post in its thread, with Solved; stays silent on an unsure one; the log counts both for the forum', async () => {
    await start();
    const forum = h.fake.addForum({ name: 'vragen', tags: ['Vraag', 'Solved'] });
    const on = await autoanswer('on', { channel: { channel: forum.id } });
    expect(on.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(on.content).toContain(`Auto-answer is on in <#${forum.id}> (confidence at least ${DEFAULT_FORUM_CONFIDENCE.toFixed(2)}; when unsure: silent)`);

    const unsure = post(forum, UNSURE);
    await decided(unsure.message);
    expect(botMessagesIn(unsure.thread.id)).toEqual([]);

    const sure = post(forum, SURE);
    const [answer] = await answerIn(sure.thread.id);
    expect(answer!.content).toMatch(/Antwoord: .*55/);
    expect(citationNumbers(answer!.content).length).toBeGreaterThan(0);
    expect(answer!.components[0].components.map((b: any) => b.label)).toEqual(['👍', '👎', 'Sources', '🙋 Ask a moderator', '✅ Solved']);
    expect(asked).toEqual([`${UNSURE.title} ${UNSURE.content}`, `${SURE.title} ${SURE.content}`]);

    // A follow-up in the post's thread is answered with the conversation so far.
    h.fake.say('En wat zei hij over Mali?', { channelId: sure.thread.id });
    await answerIn(sure.thread.id, 2);
    expect(asked.at(-1)).toBe('En wat zei hij over Mali?');

    // The answer record is written once the reply is out: wait for it rather than race it.
    await vi.waitFor(async () => {
      const stats = await h.store.answers.stats({ days: 1 });
      expect(stats.autoAnswer).toEqual([{ forumId: forum.id, posts: 2, answered: 1 }]);
    }, { timeout: 10_000, interval: 100 });
    const silent = h.logs.find((l) => l.msg === 'not sure enough to answer a forum post');
    expect(silent).toMatchObject({ posted: false, minConfidence: DEFAULT_FORUM_CONFIDENCE });
    expect(silent!.confidence).toBeLessThan(DEFAULT_FORUM_CONFIDENCE);
    expect(h.fake.rejections).toEqual([]);
  }, 60_000);

  it('says “not sure” instead of staying silent when the forum asks for it', async () => {
    await start();
    const forum = h.fake.addForum({ tags: [] });
    await autoanswer('on', { channel: { channel: forum.id }, confidence: 0.9, reply_when_unsure: true });
    const unsure = post(forum, UNSURE);
    await decided(unsure.message);
    expect(botMessagesIn(unsure.thread.id).map((m) => m.content)).toEqual(['Ik vond hier geen zeker antwoord op in het corpus. Een moderator kan misschien helpen.']);
    expect(h.logs.find((l) => l.msg === 'not sure enough to answer a forum post')).toMatchObject({ refused: false, minConfidence: 0.9 });
  }, 60_000);

  it('answers nothing in a forum where auto-answer is off, or was turned off', async () => {
    await start();
    const off = h.fake.addForum({ name: 'off' });
    const first = post(off, SURE);
    await h.fake.until(() => h.logs.find((l) => l.msg === 'auto-answer is off in this forum' && l.messageId === first.message.id));

    const on = h.fake.addForum({ name: 'was-on' });
    await autoanswer('on', { channel: { channel: on.id } });
    expect((await autoanswer('off', { channel: { channel: on.id } })).content).toContain(`Auto-answer is off in <#${on.id}>`);
    const second = post(on, SURE);
    await h.fake.until(() => h.logs.find((l) => l.msg === 'auto-answer is off in this forum' && l.messageId === second.message.id));
    expect(botMessagesIn(first.thread.id)).toEqual([]);
    expect(botMessagesIn(second.thread.id)).toEqual([]);
    expect(asked).toEqual([]);
  }, 60_000);

  it('never answers a post by itself or another bot', async () => {
    await start();
    const forum = h.fake.addForum();
    await autoanswer('on', { channel: { channel: forum.id } });
    const own = post(forum, SURE, h.fake.botUser);
    const other = post(forum, SURE, h.fake.users.otherBot);
    for (const p of [own, other]) await h.fake.until(() => h.logs.find((l) => l.msg === 'forum post by a bot: never answered' && l.messageId === p.message.id));
    expect(botMessagesIn(other.thread.id)).toEqual([]);
    expect(botMessagesIn(own.thread.id).filter((m) => m.id !== own.message.id)).toEqual([]);
    expect(asked).toEqual([]);
  }, 60_000);

  it('Solved applies the forum’s Solved tag for the asker, and is refused politely to someone else', async () => {
    await start();
    const forum = h.fake.addForum({ tags: ['Vraag', '✅ Solved'] });
    await autoanswer('on', { channel: { channel: forum.id } });
    const sure = h.fake.post(forum.id, { ...SURE, user: h.fake.users.alice, tags: ['Vraag'] });
    const [answer] = await answerIn(sure.thread.id);

    const bob = h.fake.click(answer!.id, buttonId(answer!, '✅ Solved'), { user: h.fake.users.bob });
    const refused = await reply(bob);
    expect(refused.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/Only the person who asked, or a moderator, can mark this post solved/);
    expect(h.fake.appliedTagNames(sure.thread.id)).toEqual(['Vraag']);

    const alice = h.fake.click(answer!.id, buttonId(answer!, '✅ Solved'), { user: h.fake.users.alice });
    expect((await reply(alice)).content).toContain('✅ Marked ✅ Solved by');
    expect(h.fake.appliedTagNames(sure.thread.id)).toEqual(['✅ Solved', 'Vraag']);
    expect(h.fake.rejections).toEqual([]);
  }, 60_000);

  it('a moderator may mark another member’s post solved; a forum without such a tag is said so', async () => {
    await start();
    const forum = h.fake.addForum({ tags: ['Vraag'] });
    await autoanswer('on', { channel: { channel: forum.id } });
    const sure = post(forum, SURE, h.fake.users.alice);
    const [answer] = await answerIn(sure.thread.id);
    const click = h.fake.click(answer!.id, buttonId(answer!, '✅ Solved'), { user: h.fake.users.bob, roles: [h.fake.roles.moderator] });
    expect((await reply(click)).content).toMatch(/This forum has no “Solved” or “Answered” tag/);
  }, 60_000);

  it('is still on after a restart, answers a new post there, and /autoanswer list shows it', async () => {
    await start();
    const forum = h.fake.addForum({ tags: ['Solved'] });
    await autoanswer('on', { channel: { channel: forum.id }, confidence: 0.8 });
    h = await restartHarness(h, options);
    const listed = await autoanswer('list');
    expect(listed.content).toContain(`<#${forum.id}> — confidence at least 0.80; when unsure: silent`);
    const sure = post(forum, SURE);
    const [answer] = await answerIn(sure.thread.id);
    expect(answer!.content).toMatch(/Antwoord: .*55/);
  }, 60_000);

  it('says which permission it lacks in the forum instead of turning on; refuses a plain member', async () => {
    await start();
    const deny = String(PermissionFlagsBits.ManageThreads | PermissionFlagsBits.SendMessagesInThreads);
    const forum = h.fake.addForum({ overwrites: [{ id: h.fake.roles.bot, type: 0, allow: '0', deny }] });
    const on = await autoanswer('on', { channel: { channel: forum.id } });
    expect(on.content).toContain(`I cannot answer in <#${forum.id}> yet: I am missing Send Messages in Threads, Manage Threads there`);
    expect(await h.store.autoAnswer.get(forum.id)).toBeUndefined();

    const member = await reply(h.fake.command('autoanswer', { channel: { channel: forum.id } }, { subcommand: 'on' }));
    expect(member.content).toMatch(/Only moderators can change auto-answer/);
  }, 60_000);
});

describe('forum auto-answer with an LLM', () => {
  const QUESTION = 'Which country is willing to serve as the new home base for the mission?';
  const REWRITE = reply.json({ language: 'en', queries: { nl: 'Niger bereid thuisbasis missie', fr: 'Niger base mission' } });
  let llm: FakeOpenAi;
  let h: Harness;
  beforeEach(async () => {
    llm = await startFakeOpenAi();
  });
  afterEach(async () => {
    await h?.close();
    await llm.close();
  });

  it('posts an answer the model gave with citations that held, and stays silent when the model refuses, whatever the threshold', async () => {
    h = await startHarness({ env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '5000', LLM_MAX_RETRIES: '0' } });
    const forum = h.fake.addForum({ tags: ['Solved'] });
    const on = h.fake.command('autoanswer', { channel: { channel: forum.id }, confidence: 1 }, { subcommand: 'on', roles: [h.fake.roles.moderator] });
    const onReply = await h.fake.until(() => h.fake.original(on));
    expect(onReply.content).toContain('With the language model, I answer when it did not refuse and its citations held.');

    llm.script(REWRITE, (request) => reply.text(`According to President Macron, Niger is now willing to serve as the new home base [${sourceNumber(request, 'Niger nu bereid')}].`));
    const cited = h.fake.post(forum.id, { title: 'New home base', content: QUESTION });
    const answer = await h.fake.until(() => h.fake.messagesIn(cited.thread.id).find((m) => m.author.id === h.fake.botUser.id && m.components.length > 0), 15_000);
    expect(answer.content).toContain('Niger is now willing to serve as the new home base [1]');

    llm.script(REWRITE, reply.text('The corpus does not say.'));
    const refused = h.fake.post(forum.id, { title: 'Home base', content: 'Which country will host the mission after Mali, according to the sources?' });
    await h.fake.until(() => h.logs.find((l) => l.msg === 'forum post finished' && l.messageId === refused.message.id), 15_000);
    expect(h.fake.messagesIn(refused.thread.id).filter((m) => m.author.id === h.fake.botUser.id)).toEqual([]);
    expect(h.logs.filter((l) => l.cmd === 'auto-answer' && 'posted' in l).map((l) => [l.mode, l.posted, l.confidence])).toEqual([
      ['llm', true, null],
      ['llm', false, null],
    ]);
  }, 60_000);
});
