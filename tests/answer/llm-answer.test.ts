import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerWithLlm, type LlmAnswerDeps } from '../../src/answer/llm-answer.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import type { LlmAnswerInput } from '../../src/answer/types.js';
import type { LlmConfig } from '../../src/config.js';
import { createChatClient } from '../../src/llm/client.js';
import type { Lang } from '../../src/types.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { capturingLogger, testLlmConfig } from '../llm/helpers.js';
import { FR_LAST_SOLDIER, NL_ANNOUNCEMENT, overlapRetriever } from './llm-fixtures.js';

const prompts = loadPrompts(join(import.meta.dirname, '../../prompts'));
const now = new Date('2024-05-01T12:00:00Z');
const KEY = 'sk-test-SECRET-123';

/** A rewrite reply that bridges to the Dutch and French passages about the withdrawal. */
const BRIDGE = reply.json({
  language: 'en',
  queries: { nl: 'Frankrijk aankondiging terugtrekking troepen Mali Barkhane', fr: 'France annonce retrait Barkhane Mali dernier soldat' },
});
const QUESTION = 'When did France announce that its soldiers would leave?';

let fake: FakeOpenAi;
let lines: string[];
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

function setup(overrides: Partial<LlmConfig> = {}): LlmAnswerDeps {
  const captured = capturingLogger();
  lines = captured.lines;
  return { client: createChatClient(testLlmConfig(fake.url, overrides), captured.logger), prompts, logger: captured.logger };
}

function input(extra: Partial<LlmAnswerInput> = {}, question = QUESTION, lang: Lang = 'en'): LlmAnswerInput {
  return { question, lang, retriever: overlapRetriever(), now, ...extra };
}

/** The sources the model was given, in order, read from the composition request. */
function sourcesSent(): string[] {
  const compose = fake.chatRequests().find((r) => r.body?.stream);
  const user = compose?.body?.messages?.at(-1)?.content ?? '';
  return [...user.matchAll(/<source id="(\d+)"[^>]*>\n([\s\S]*?)\n<\/source>/g)].map((m) => m[2] ?? '');
}

describe('answerWithLlm', () => {
  it('answers an English question from a Dutch passage found through the rewritten queries, with checked citations', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text('France announced the withdrawal on 17 February 2022 [1]. The last soldier left in August 2022 [2].'));
    const r = await answerWithLlm(input(), deps);
    const sent = sourcesSent();
    const announcement = sent.indexOf(NL_ANNOUNCEMENT.passage.text) + 1;
    const lastSoldier = sent.indexOf(FR_LAST_SOLDIER.passage.text) + 1;
    expect(announcement).toBe(1);
    expect(lastSoldier).toBe(2);
    expect(r).toMatchObject({ mode: 'llm', refused: false, lang: 'en' });
    expect(r.text).toBe('France announced the withdrawal on 17 February 2022 [1]. The last soldier left in August 2022 [2].');
    expect(r.citations.map((c) => c.passageId)).toEqual([NL_ANNOUNCEMENT.passage.id, FR_LAST_SOLDIER.passage.id]);
    expect(r.llm).toMatchObject({ model: 'fake-model', queries: [QUESTION, expect.stringContaining('Frankrijk'), expect.stringContaining('France annonce')] });
    expect(r.llm?.promptTokens).toBe(200);
    expect(r.llm?.completionTokens).toBe(40);
    expect(r.fallbackReason).toBeUndefined();
  });

  it('streams each complete, checked sentence to onText, every text extending the one before', async () => {
    const deps = setup();
    const first = 'Frankrijk kondigde de terugtrekking aan op 17 februari 2022 [1].';
    const second = 'De laatste soldaat vertrok op 15 augustus 2022 [2].';
    const chunks = ['Frankrijk ', 'kondigde de terugtrekking ', 'aan op 17 februari 2022 ', '[1]. ', 'De laatste soldaat ', 'vertrok op 15 augustus 2022 [2].'];
    fake.script(BRIDGE, reply.text(chunks.join(''), { chunks }));
    const seen: string[] = [];
    const r = await answerWithLlm(input({ onText: (t) => seen.push(t) }, 'Wanneer kondigde Frankrijk de terugtrekking aan?', 'nl'), deps);
    // The second sentence is complete only when the stream ends: the final answer shows it.
    expect(seen).toEqual([first]);
    expect(r.text).toBe(`${first} ${second}`);
  });

  it('drops out-of-range citations and renumbers the rest in order of use', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text('The last soldier left in August 2022 [2][9]. It was announced in February [1, 7].'));
    const r = await answerWithLlm(input(), deps);
    expect(r.text).toBe('The last soldier left in August 2022 [1]. It was announced in February [2].');
    expect(r.citations.map((c) => [c.n, c.passageId])).toEqual([
      [1, FR_LAST_SOLDIER.passage.id],
      [2, NL_ANNOUNCEMENT.passage.id],
    ]);
  });

  it('falls back to the extractive answer, saying why, when the model cites nothing', async () => {
    const deps = setup();
    const uncited = 'France announced it in February 2022, and everyone knows it.';
    fake.script(BRIDGE, reply.text(uncited));
    const r = await answerWithLlm(input(), deps);
    expect(r.mode).toBe('extractive');
    expect(r.fallbackReason).toBe('The LLM answer cited none of its sources. This answer is extractive.');
    expect(r.text).not.toContain(uncited);
    const retrieved = new Set([NL_ANNOUNCEMENT, FR_LAST_SOLDIER].map((h) => h.passage.id));
    expect(r.citations.every((c) => retrieved.has(c.passageId))).toBe(true);
  });

  it('treats the refusal sentence as a refusal in the question’s language, with no citations', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text('The corpus does not say [1].'));
    const r = await answerWithLlm(input({}, 'Quand la France a-t-elle annoncé le retrait des troupes ?', 'fr'), deps);
    expect(r).toMatchObject({ mode: 'llm', refused: true, text: 'Le corpus ne le dit pas.', citations: [] });
  });

  it('refuses without asking for an answer when nothing is retrieved', async () => {
    const deps = setup();
    fake.script(reply.json({ language: 'en', queries: { nl: 'voetbal', fr: 'football' } }));
    const r = await answerWithLlm(input({}, 'Who won the football cup?'), deps);
    expect(r).toMatchObject({ mode: 'llm', refused: true, text: 'The corpus does not say.', citations: [] });
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('searches with the question alone and still answers when the rewrite is junk', async () => {
    const deps = setup();
    fake.script(reply.text('not json at all'), reply.text('Frankrijk trekt zijn troepen terug uit Mali [1].'));
    const r = await answerWithLlm(input({}, 'Trekt Frankrijk zijn troepen terug uit Mali?', 'nl'), deps);
    expect(r.mode).toBe('llm');
    expect(r.llm?.queries).toEqual(['Trekt Frankrijk zijn troepen terug uit Mali?']);
    expect(lines.some((l) => l.includes('"level":40') && l.includes('query rewriting returned no JSON object'))).toBe(true);
  });

  describe('when the LLM fails', () => {
    const cases: Array<[string, () => void, Partial<LlmConfig>, RegExp]> = [
      ['a 500', () => fake.script(BRIDGE, reply.error(500)), {}, /^The LLM endpoint failed \(HTTP 500\)\. This answer is extractive\.$/],
      [
        'a 429 after the retries',
        () => fake.script(BRIDGE, reply.error(429, undefined, { 'retry-after-ms': '10' }), reply.error(429, undefined, { 'retry-after-ms': '10' })),
        { maxRetries: 1 },
        /^The LLM endpoint is rate limiting requests \(HTTP 429 after 1 retry\)\. This answer is extractive\.$/,
      ],
      ['a timeout', () => fake.script(BRIDGE, reply.delayed(1500)), { timeoutMs: 300 }, /^The LLM timed out after 0\.3 s\. This answer is extractive\.$/],
      ['a stream that stalls', () => fake.script(BRIDGE, reply.stall('France ')), { timeoutMs: 300 }, /^The LLM timed out after 0\.3 s\./],
      [
        'a malformed stream',
        () => fake.script(BRIDGE, reply.rawSse('{"choices":[{"index":0,"delta":{"content":"Fr"}}]}', 'data: {oops')),
        {},
        /^The LLM endpoint sent a malformed stream\. This answer is extractive\.$/,
      ],
      ['a 404 for the model', () => fake.script(BRIDGE, reply.error(404, { error: { code: 'model_not_found', message: 'no such model' } })), {}, /does not know the model "fake-model"/],
    ];
    for (const [what, script, config, reason] of cases) {
      it(`falls back to the extractive answer with the reason on ${what}`, async () => {
        const deps = setup(config);
        script();
        const r = await answerWithLlm(input(), deps);
        expect(r.mode).toBe('extractive');
        expect(r.fallbackReason).toMatch(reason);
        expect(r.llm?.queries).toHaveLength(3);
        expect(lines.some((l) => l.includes('"level":40') && l.includes('falls back to extractive'))).toBe(true);
      });
    }

    it('says the key was rejected on a 401, gives up after the first call, and never logs the key', async () => {
      const deps = setup();
      fake.otherwise(reply.error(401, { error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
      const r = await answerWithLlm(input(), deps);
      expect(r.mode).toBe('extractive');
      expect(r.fallbackReason).toBe('The LLM endpoint rejected the API key (HTTP 401). This answer is extractive.');
      expect(fake.chatRequests()).toHaveLength(1);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.some((l) => l.includes('rejected the API key'))).toBe(true);
      expect(lines.join('\n')).not.toContain(KEY);
      expect(JSON.stringify(r)).not.toContain(KEY);
    });

    it('falls back when nothing listens at the base URL', async () => {
      const url = fake.url;
      await fake.close();
      const captured = capturingLogger();
      const deps = { client: createChatClient(testLlmConfig(url), captured.logger), prompts, logger: captured.logger };
      fake = await startFakeOpenAi();
      const r = await answerWithLlm(input(), deps);
      expect(r.mode).toBe('extractive');
      expect(r.fallbackReason).toMatch(/^Could not reach the LLM endpoint \(connection refused\)/);
    });
  });

  it('rejects when the caller aborts mid-stream', async () => {
    const deps = setup({ timeoutMs: 5000 });
    fake.script(BRIDGE, reply.stall('France '));
    const controller = new AbortController();
    const p = answerWithLlm(input({ signal: controller.signal }), deps);
    while (!fake.chatRequests().some((r) => r.body?.stream)) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error('user left'));
    await expect(p).rejects.toThrow('user left');
  });
});

describe('answerWithLlm › refusals', () => {
  it('counts a refusal padded with uncited words as a refusal', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text('Het corpus zegt hier niets over. Misschien weet iemand anders het.'));
    const r = await answerWithLlm(input(), deps);
    expect(r).toMatchObject({ mode: 'llm', refused: true, text: 'The corpus does not say.', citations: [] });
  });

  it('keeps a cited answer that mentions the refusal for one part of the question', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text('The corpus does not say why. France announced the withdrawal in February 2022 [1].'));
    const r = await answerWithLlm(input(), deps);
    expect(r).toMatchObject({ mode: 'llm', refused: false });
    expect(r.citations).toHaveLength(1);
  });
});

describe('answerWithLlm › cancellation', () => {
  it('rejects at once when the signal is already aborted, without calling the model', async () => {
    const deps = setup();
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(answerWithLlm(input({ signal: controller.signal }), deps)).rejects.toThrow('too late');
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('rejects when the caller aborts while the question waits for a free slot', async () => {
    const deps = setup({ maxConcurrency: 1, timeoutMs: 5000 });
    fake.script(BRIDGE, reply.stall('France '));
    const first = new AbortController();
    const busy = answerWithLlm(input({ signal: first.signal }), deps).catch(() => 'stopped');
    // Wait until the first answer holds the only slot (streaming), then queue a second one and cancel it.
    while (!fake.chatRequests().some((r) => r.body?.stream)) await new Promise((r) => setTimeout(r, 5));
    const second = new AbortController();
    const queued = answerWithLlm(input({ signal: second.signal }), deps);
    second.abort(new Error('gave up waiting'));
    await expect(queued).rejects.toThrow('gave up waiting');
    first.abort();
    expect(await busy).toBe('stopped');
    expect(fake.chatRequests()).toHaveLength(2);
  });
});
