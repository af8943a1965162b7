import { afterEach, describe, expect, it } from 'vitest';
import { citationNumbers, NIGER_QUESTION, startHarness, type Harness } from './harness.js';

describe('/ask against a fake Discord', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('acknowledges within 3 s and finishes with cited text and a sources embed', async () => {
    h = await startHarness();
    const interaction = h.fake.command('ask', { question: NIGER_QUESTION });
    const message = await h.fake.until(() => {
      const m = h.fake.original(interaction);
      return m && m.embeds.length > 0 ? m : undefined;
    });
    expect(interaction.ack?.type).toBe(5);
    expect(interaction.ack!.at - interaction.dispatchedAt).toBeLessThan(3000);
    expect(h.fake.rejections).toEqual([]);
    expect(message.content).toMatch(/Niger/);
    const cited = citationNumbers(message.content);
    expect(cited.length).toBeGreaterThan(0);
    const sources = message.embeds[0].description as string;
    for (const n of cited) expect(sources).toContain(`**[${n}]**`);
    expect(sources).toContain('002_68a43d7a4bec2f41');
    const buttons = message.components.flatMap((r: any) => r.components.map((c: any) => c.label));
    expect(buttons).toEqual(expect.arrayContaining(['👍', '👎', 'Sources']));
  });
});
