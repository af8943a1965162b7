import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/types.js';
import { citationNumbers, NIGER_QUESTION, startHarness, withAsk, type Harness } from './harness.js';

const EPHEMERAL = 64;

describe('/ask against a fake Discord', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  const finalMessage = (interaction: ReturnType<Harness['fake']['command']>) =>
    h.fake.until(() => {
      const all = [h.fake.original(interaction), ...h.fake.followUps(interaction)];
      const last = all[all.length - 1];
      return last && last.components.length > 0 ? last : undefined;
    });

  it('acknowledges within 3 s and finishes with cited text and a sources embed', async () => {
    h = await startHarness();
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION });
    const message = await finalMessage(interaction);
    expect(interaction.ack?.type).toBe(5);
    expect(interaction.ack!.at - interaction.dispatchedAt).toBeLessThan(3000);
    expect(h.fake.rejections).toEqual([]);
    expect(message).toBe(h.fake.original(interaction));
    expect(message.content).toMatch(/Niger/);
    // No LLM in this harness: the answer says it is extractive, in the asker's language (Dutch).
    expect(message.content).toContain('Extractief antwoord');
    const cited = citationNumbers(message.content);
    expect(cited.length).toBeGreaterThan(0);
    const sources = message.embeds[0].description as string;
    for (const n of cited) expect(sources).toContain(`**[${n}]**`);
    expect(sources).toContain('002_68a43d7a4bec2f41');
    const labels = message.components.flatMap((r: any) => r.components.map((c: any) => c.label));
    expect(labels).toEqual(['👍', '👎', 'Sources', '🙋 Ask a moderator']);
    const finish = await h.fake.until(() => h.logs.find((l) => l.msg === 'interaction finished' && l.interactionId === interaction.id));
    expect(finish).toMatchObject({ cmd: '/ask', ok: true });
    expect(typeof finish?.durationMs).toBe('number');
    expect(finish?.user).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(h.logs)).not.toContain(h.fake.users.alice.id);
  });

  it('splits a long answer into messages of at most 2000 characters, never inside a citation', async () => {
    let real: Answer | undefined;
    h = await startHarness({
      wrap: (engine) =>
        withAsk(engine, async (q, o) => {
          real = await engine.ask(q, o);
          // Sixty paragraphs of the real cited sentence: several messages' worth.
          const text = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${real!.text} Dat staat er [1].`).join('\n\n');
          return { ...real, text };
        }),
    });
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION });
    const last = await finalMessage(interaction);
    const pieces = [h.fake.original(interaction)!, ...h.fake.followUps(interaction)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(last).toBe(pieces[pieces.length - 1]);
    for (const piece of pieces) {
      expect(piece.content.length).toBeLessThanOrEqual(2000);
      // Every bracket belongs to a whole [n] marker.
      expect(piece.content.replace(/\[\d+\]/g, '')).not.toMatch(/[[\]]/);
    }
    expect(pieces.slice(0, -1).every((p) => p.embeds.length === 0 && p.components.length === 0)).toBe(true);
    expect(last.embeds.length).toBeGreaterThan(0);
    const joined = pieces.map((p) => p.content).join(' ').replace(/\s+/g, ' ');
    expect(citationNumbers(joined).length).toBe(citationNumbers(real!.text).length * 60 + 60);
    expect(h.fake.rejections).toEqual([]);
  });

  it('streams partial text with at most one edit per second, then the final answer', async () => {
    h = await startHarness({
      wrap: (engine) =>
        withAsk(engine, async (q, o) => {
          const answer = await engine.ask(q, { ...o, onText: undefined });
          const words = answer.text.split(' ');
          // A model writing for about 2.5 s, a token every 50 ms.
          for (let i = 1; i <= 50; i++) {
            o?.onText?.(words.slice(0, Math.ceil((i / 50) * words.length)).join(' '));
            await new Promise((r) => setTimeout(r, 50));
          }
          return answer;
        }),
    });
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION });
    const message = await finalMessage(interaction);
    const edits = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(interaction.token));
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.slice(0, -1).some((e) => String(e.body.content).endsWith('▌'))).toBe(true);
    for (let i = 1; i < edits.length; i++) expect(edits[i]!.at - edits[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(message.content).not.toContain('▌');
    expect(h.fake.rejections).toEqual([]);
  });

  it('answers privately when private is set: ephemeral deferral, no escalation button', async () => {
    h = await startHarness();
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION, private: true });
    const message = await finalMessage(interaction);
    expect(interaction.ack?.ephemeral).toBe(true);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    const labels = message.components.flatMap((r: any) => r.components.map((c: any) => c.label));
    expect(labels).not.toContain('🙋 Ask a moderator');
  });

  it('tells a user who asks too often to try again in N s, without asking the engine', async () => {
    let asked = 0;
    h = await startHarness({
      env: { RATE_LIMIT_PER_MINUTE: '2' },
      wrap: (engine) => withAsk(engine, (q, o) => (asked++, engine.ask(q, o))),
    });
    for (let i = 0; i < 2; i++) await finalMessage(h.fake.command('ask', { question: NIGER_QUESTION }));
    const third = h.fake.command('ask', { question: NIGER_QUESTION });
    const reply = await h.fake.until(() => h.fake.original(third));
    expect(third.ack).toMatchObject({ type: 4, ephemeral: true });
    expect(reply.content).toMatch(/Try again in \d+ s\./);
    expect(asked).toBe(2);
    // Another user still has their budget.
    const bob = h.fake.command('ask', { question: NIGER_QUESTION }, { user: h.fake.users.bob });
    expect((await finalMessage(bob)).content).toMatch(/Niger/);
  });

  it('answers an internal error privately with an error id that is in the log', async () => {
    h = await startHarness({
      wrap: (engine) =>
        withAsk(engine, async () => {
          throw new Error('index exploded');
        }),
    });
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION });
    const reply = await h.fake.until(() => h.fake.followUps(interaction)[0]);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    const errorId = /error id `([0-9a-f]+)`/.exec(reply.content)?.[1];
    expect(errorId).toBeDefined();
    expect(reply.content).not.toContain('index exploded');
    // The public "thinking…" placeholder is gone.
    expect(h.fake.original(interaction)).toBeUndefined();
    const logged = h.logs.find((l) => l.errorId === errorId);
    expect(logged).toMatchObject({ level: 50, interactionId: interaction.id, cmd: '/ask' });
    expect(logged?.err?.message).toBe('index exploded');
    await h.fake.until(() => h.logs.find((l) => l.msg === 'interaction finished' && l.interactionId === interaction.id && l.ok === false));
  });

  it('hints at the allowed channels when asked elsewhere', async () => {
    h = await startHarness({ env: (fake) => ({ ALLOWED_CHANNEL_IDS: fake.channels.general }) });
    const elsewhere = h.fake.command('ask', { question: NIGER_QUESTION }, { channelId: h.fake.channels.other });
    const reply = await h.fake.until(() => h.fake.original(elsewhere));
    expect(elsewhere.ack).toMatchObject({ type: 4, ephemeral: true });
    expect(reply.content).toContain(`<#${h.fake.channels.general}>`);
    const allowed = h.fake.command('ask', { question: NIGER_QUESTION }, { channelId: h.fake.channels.general });
    expect((await finalMessage(allowed)).content).toMatch(/Niger/);
  });
});
