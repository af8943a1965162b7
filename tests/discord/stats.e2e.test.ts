import { afterEach, describe, expect, it } from 'vitest';
import type { FakeInteraction, FakeMessage } from '../fakes/discord/fake-discord.js';
import { answerLogEntry } from '../../src/store/answer-entry.js';
import { npmRun, THREE_QUESTIONS } from '../helpers/npm.js';
import { decodePng } from '../charts/png-compare.js';
import { startHarness, type Harness } from './harness.js';

describe('/stats', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** The interaction's reply once it has content. */
  const reply = (i: FakeInteraction) =>
    h!.fake.until(() => {
      const m = h!.fake.original(i);
      return m && m.content ? m : undefined;
    });

  it('is registered for Manage Server only, with an optional days option', async () => {
    h = await startHarness();
    const registered = h.fake.commands.get(h.fake.guildId)!.find((c) => c.name === 'stats');
    expect(registered.default_member_permissions).toBe('32');
    expect(registered.options).toEqual([expect.objectContaining({ name: 'days', type: 4, required: false, min_value: 1, max_value: 3650 })]);
  });

  it('shows a moderator privately the same figures as npm run stats after three terminal questions, one unanswerable', async () => {
    h = await startHarness();
    // The terminal writes to the store the running bot has open (two processes, one SQLite file).
    for (const q of THREE_QUESTIONS) expect((await npmRun('ask', [q], h.dataDir)).code).toBe(0);
    const cli = JSON.parse((await npmRun('stats', ['--json'], h.dataDir)).stdout);
    expect(cli).toMatchObject({ questions: 3, refused: 1 });

    const interaction = h.fake.command('stats', {}, { roles: [h.fake.roles.moderator] });
    const message = await reply(interaction);
    expect(interaction.ack).toMatchObject({ ephemeral: true });
    expect(message.content).toContain(`Questions ${cli.questions} · answered ${cli.answered} (67%) · refused ${cli.refused} (33%)`);
    expect(message.content).toContain('Languages: nl 2 · en 1');
    expect(message.content).toContain(`1× “${THREE_QUESTIONS[2]}”`);
    expect(message.content).toContain(`p50 ${cli.latencyMs.p50} ms · p95 ${cli.latencyMs.p95} ms`);
    expect(message.content).toMatch(/Per day: `▁+█`/);
    // The chart of questions per day comes with it.
    expect(message.attachments.map((a) => a.filename)).toEqual(['questions-per-day.png']);
    const chart = decodePng(message.attachments[0]!.data);
    expect([chart.width, chart.height]).toEqual([1000, 440]);
    // Four npm processes: slow on a busy machine, so a generous ceiling (not a timing assertion).
  }, 120_000);

  it('counts a Discord answer and links its 👎 to the answer’s message', async () => {
    h = await startHarness();
    const asked = h.fake.command('ask', { question: THREE_QUESTIONS[0] });
    const answer: FakeMessage = await h.fake.until(() => {
      const m = h!.fake.original(asked);
      return m && m.components.length > 0 ? m : undefined;
    });
    const down = answer.components.flatMap((r: any) => r.components).find((c: any) => c.label === '👎')!.custom_id;
    const click = h.fake.click(answer.id, down);
    await h.fake.until(() => h!.fake.original(click));

    const message = await reply(h.fake.command('stats', { days: 1 }, { roles: [h.fake.roles.moderator] }));
    expect(message.content).toMatch(/last 1 day \(/);
    expect(message.content).toContain('Sources: discord 1 · cli 0');
    expect(message.content).toContain('Votes: 👍 0 · 👎 1 (0% 👍)');
    expect(message.content).toContain(`“${THREE_QUESTIONS[0]}” [open](<https://discord.com/channels/${h.fake.guildId}/${h.fake.channels.general}/${answer.id}>)`);
  });

  it('logs an answer given in a thread after a mention; its 👎 links to the message in the thread', async () => {
    h = await startHarness();
    const asked = h.fake.say(`<@${h.fake.botUser.id}> ${THREE_QUESTIONS[0]}`);
    const thread = await h.fake.until(() => h!.fake.threads.get(asked.id));
    const answer = await h.fake.until(() => h!.fake.messagesIn(thread.id).find((m) => m.author.id === h!.fake.botUser.id && m.components.length > 0));
    const down = answer.components.flatMap((r: any) => r.components).find((c: any) => c.label === '👎')!.custom_id;
    const click = h.fake.click(answer.id, down);
    await h.fake.until(() => h!.fake.original(click));

    const stats = await h.store.answers.stats({ days: 1 });
    expect(stats).toMatchObject({ questions: 1, refused: 0, bySource: { discord: 1, cli: 0 }, votes: { up: 0, down: 1 } });
    expect(stats.latestDown).toEqual([
      expect.objectContaining({ question: THREE_QUESTIONS[0], url: `https://discord.com/channels/${h.fake.guildId}/${thread.id}/${answer.id}` }),
    ]);
  });

  it('shows members’ questions literally: their Markdown and masked links do not render', async () => {
    h = await startHarness();
    const question = '**Who** won [the cup](https://evil.example)? ||spoiler||';
    await h.store.answers.record({ ...answerLogEntry({ id: 'abc123abc123', question, lang: 'en', mode: 'extractive', refused: true, text: '', citations: [], timings: { retrievalMs: 1, answerMs: 1, totalMs: 2 } }, { source: 'cli' }) });
    const message = await reply(h.fake.command('stats', {}, { roles: [h.fake.roles.moderator] }));
    expect(message.content).toContain('1× “\\*\\*Who\\*\\* won [the cup]\\(https://evil.example)? \\|\\|spoiler\\|\\|”');
  });

  it('refuses a plain member privately even when the command reaches the bot, and logs the attempt', async () => {
    h = await startHarness();
    await npmRun('ask', [THREE_QUESTIONS[2]], h.dataDir);
    const interaction = h.fake.command('stats', {}, { user: h.fake.users.bob });
    const message = await reply(interaction);
    expect(interaction.ack).toMatchObject({ type: 4, ephemeral: true });
    expect(message.content).toMatch(/^Only moderators can read \/stats/);
    expect(message.content).not.toContain(THREE_QUESTIONS[2]);
    expect(h.logs.some((l) => l.msg === 'stats refused: the member is not a moderator')).toBe(true);
  });
});

describe('the answer log in Discord', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a write error never fails the answer: /ask still answers, a warning is logged, and a vote says it could not be saved', async () => {
    h = await startHarness();
    // Closed under the bot: every write now fails, as with a broken disk.
    await h.store.close();
    const asked = h.fake.command('ask', { question: THREE_QUESTIONS[0] });
    const answer: FakeMessage = await h.fake.until(() => {
      const m = h!.fake.original(asked);
      return m && m.components.length > 0 ? m : undefined;
    });
    expect(answer.content).toMatch(/Niger/);
    await h.fake.until(() => h!.logs.find((l) => l.msg === 'could not write the answer log; the answer was given anyway'));

    const up = answer.components.flatMap((r: any) => r.components).find((c: any) => c.label === '👍')!.custom_id;
    const click = h.fake.click(answer.id, up);
    const reply = await h.fake.until(() => h!.fake.original(click));
    expect(reply.content).toMatch(/Your rating could not be saved right now/);
    expect(click.ack).toMatchObject({ ephemeral: true });
  });
});
