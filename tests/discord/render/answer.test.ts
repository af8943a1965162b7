import { describe, expect, it } from 'vitest';
import { fullSourcesMessages, renderAnswer, sourcesEmbeds } from '../../../src/discord/render/answer.js';
import { answerMessages } from '../../../src/discord/render/answer-messages.js';
import type { Answer, Citation } from '../../../src/types.js';

const citation = (n: number, text = `Passage ${n}. ${'Lorem ipsum dolor sit amet. '.repeat(40)}`): Citation => ({
  n,
  docId: `00${n}_doc`,
  passageId: `00${n}_doc#0`,
  date: { iso: '2022-02', precision: 'month', inferred: false },
  title: `Title ${n}`,
  text,
});

const answer = (text: string, citations: Citation[]): Answer => ({
  id: 'abc123',
  question: 'Q?',
  lang: 'en',
  mode: 'extractive',
  refused: citations.length === 0,
  text,
  citations,
  timings: { retrievalMs: 0, answerMs: 0, totalMs: 0 },
});

const embedSize = (e: { title?: string; description?: string; footer?: { text?: string } }) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0);

describe('renderAnswer', () => {
  it('lists each citation with number, title, date, document id and a shortened passage', () => {
    const { pieces, embeds } = renderAnswer({ ...answer('Niger is ready [1].', [citation(1)]), mode: 'llm' });
    expect(pieces).toEqual(['Niger is ready [1].']);
    expect(embeds[0]!.title).toBe('Sources');
    expect(embeds[0]!.description).toMatch(/^\*\*\[1\]\*\* Title 1 · 2022-02 · `001_doc`\n> Passage 1\./);
    expect(embeds[0]!.description!.length).toBeLessThan(600);
  });

  it('keeps the sources of many long citations within 10 embeds and 6000 characters', () => {
    const cites = Array.from({ length: 40 }, (_, i) => citation(i + 1, 'x '.repeat(3000)));
    const embeds = sourcesEmbeds(cites);
    expect(embeds.length).toBeLessThanOrEqual(10);
    expect(embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(6000);
    for (const e of embeds) expect(e.description!.length).toBeLessThanOrEqual(4096);
    for (const c of cites) expect(embeds.map((e) => e.description).join('\n')).toContain(`**[${c.n}]**`);
  });

  it('shows no sources embed for a refusal, and notes a fallback', () => {
    expect(renderAnswer(answer('The corpus does not say.', [])).embeds).toEqual([]);
    const fallback = renderAnswer({ ...answer('Niger [1].', [citation(1)]), fallbackReason: 'the model timed out' });
    expect(fallback.pieces[0]).toContain('the model timed out');
  });

  it('says an answer is extractive when no LLM is configured, in the asker’s language, and not under a refusal', () => {
    const extractive = { ...answer('Niger is bereid [1].', [citation(1)]), mode: 'extractive' as const, lang: 'nl' as const };
    expect(renderAnswer(extractive, { llmConfigured: false }).pieces.join('\n')).toContain('Extractief antwoord: er is geen LLM ingesteld');
    expect(renderAnswer({ ...extractive, mode: 'llm' }, { llmConfigured: true }).pieces.join('\n')).not.toContain('Extractief');
    const refusal = { ...extractive, refused: true, text: 'Het corpus zegt hier niets over.', citations: [] };
    expect(renderAnswer(refusal, { llmConfigured: false }).pieces).toEqual(['Het corpus zegt hier niets over.']);
  });
});

describe('answerMessages', () => {
  it('puts the embeds and buttons on the last message only', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Sentence ${i} is long enough to matter here [1].`).join('\n\n');
    const messages = answerMessages(answer(text, [citation(1)]), { escalation: true, llmConfigured: true });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.slice(0, -1).every((m) => m.embeds.length === 0 && m.components.length === 0)).toBe(true);
    const labels = messages.at(-1)!.components[0]!.components.map((c) => ('label' in c ? c.label : ''));
    expect(labels).toEqual(['👍', '👎', 'Sources', '🙋 Ask a moderator']);
  });

  it('offers no Sources button for a refusal and no escalation when not configured', () => {
    const [only] = answerMessages(answer('The corpus does not say.', []), { escalation: false, llmConfigured: true });
    expect(only!.components[0]!.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['👍', '👎']);
  });
});

describe('fullSourcesMessages', () => {
  it('shows whole passages, splitting into messages that respect 10 embeds and 6000 characters', () => {
    const cites = Array.from({ length: 12 }, (_, i) => citation(i + 1, `Full passage ${i + 1}. ${'y'.repeat(2500)}`));
    const messages = fullSourcesMessages(cites);
    expect(messages.flat()).toHaveLength(12);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(10);
      expect(m.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(6000);
    }
    expect(messages.flat()[0]!.description).toContain('Full passage 1.');
  });
});
