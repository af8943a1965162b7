import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEvent, TimelineQuery } from '../../src/types.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;

describe('/sources, /timeline, /help', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  const reply = (i: ReturnType<Harness['fake']['command']>) =>
    h.fake.until(() => {
      const m = h.fake.original(i);
      return m && (m.content || m.embeds.length > 0) ? m : undefined;
    });

  it('/sources lists every document of the corpus with id, date, language and passages', async () => {
    h = await startHarness();
    const message = await reply(h.fake.command('sources'));
    const docs = h.engine.documents();
    expect(message.embeds[0].title).toContain(`${docs.length} documents`);
    for (const d of docs) expect(message.embeds[0].description).toContain(`\`${d.id}\` · ${d.date?.iso ?? 'undated'} · ${d.lang} · ${d.passageCount} passages`);
  });

  it('/timeline pages through events grouped by year and month, each line citing its article', async () => {
    const queries: TimelineQuery[] = [];
    const events: TimelineEvent[] = Array.from({ length: 60 }, (_, i) => ({
      id: `e${i}`,
      date: `${2020 + Math.floor(i / 24)}-${String((Math.floor(i / 2) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      precision: 'day',
      inferred: false,
      text: `Event number ${i}: ${'troops moved and talks were held '.repeat(3)}`,
      lang: 'en',
      citations: [{ docId: '001_bb4ad67e1b753670', passageId: '001_bb4ad67e1b753670#0', date: { iso: '2021-06', precision: 'month', inferred: false }, title: 'De beslissing' }],
    }));
    h = await startHarness({
      wrap: (engine) => ({ ...engine, ask: engine.ask, documents: () => engine.documents(), search: engine.search, timeline: async (q) => (queries.push(q ?? {}), events), close: () => engine.close() }),
    });
    const interaction = h.fake.command('timeline', { topic: 'Barkhane', from: '2020', to: '2022-06' });
    const first = await reply(interaction);
    expect(queries).toEqual([{ topic: 'Barkhane', from: '2020', to: '2022-06' }]);
    expect(first.embeds[0].description).toMatch(/^### 2020\n\*\*January\*\*\n• `2020-01-01` Event number 0/);
    expect(first.embeds[0].description).toContain('— *De beslissing*, 2021-06');
    const pager = first.components[0].components;
    expect(pager.map((b: any) => b.disabled)).toEqual([true, true, false]);
    const next = h.fake.click(first.id, pager[2].custom_id);
    await h.fake.until(() => next.ack);
    expect(next.ack?.type).toBe(6);
    await h.fake.until(() => h.fake.messages.get(first.id)!.embeds[0].footer.text.includes('page 2'));
    const second = h.fake.messages.get(first.id)!;
    expect(second.embeds[0].footer.text).toMatch(/page 2 of \d+/);
    expect(second.embeds[0].description).toMatch(/^### \d{4}\n\*\*\w+\*\*\n/);
    expect(h.fake.rejections).toEqual([]);
  });

  it('/timeline over the real engine finds the Dutch events of an English topic, dated and cited', async () => {
    h = await startHarness();
    const message = await reply(h.fake.command('timeline', { topic: 'Wagner helicopters' }));
    const text = message.embeds.map((e: any) => e.description).join('\n');
    expect(text).toContain('### 2021');
    expect(text).toContain('helikopters');
    expect(text).toContain('Eind vorige week landden vier Russische vrachtvliegtuigen');
    expect(text).not.toContain('Opération Serval');
    expect(h.fake.rejections).toEqual([]);
  });

  it('/timeline answers an invalid date privately, listing the accepted forms', async () => {
    h = await startHarness();
    const interaction = h.fake.command('timeline', { from: '2022-13' });
    const message = await reply(interaction);
    expect(interaction.ack).toMatchObject({ type: 4, ephemeral: true });
    expect(message.content).toContain('YYYY, YYYY-MM or YYYY-MM-DD');
    expect(message.content).toContain('2022-13');
  });

  it('/help explains the bot privately; all eight commands are registered', async () => {
    h = await startHarness();
    const help = await reply(h.fake.command('help'));
    expect(help.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(help.content).toContain(`${h.engine.documents().length} articles`);
    const registered = h.fake.commands.get(h.fake.guildId)!;
    expect(registered.map((c) => c.name).sort()).toEqual(['add', 'ask', 'documents', 'help', 'reindex', 'sources', 'stats', 'timeline']);
  });
});
