import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerWithLlm, type LlmAnswerDeps } from '../../src/answer/llm-answer.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import type { LlmAnswerInput } from '../../src/answer/types.js';
import type { LlmConfig } from '../../src/config.js';
import { createChatClient } from '../../src/llm/client.js';
import type { Lang } from '../../src/types.js';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { model, reply, sourceNumber, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { capturingLogger, testLlmConfig } from '../llm/helpers.js';
import { CORPUS, FR_LAST_SOLDIER, hit, NL_ANNOUNCEMENT, overlapRetriever } from './llm-fixtures.js';

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
      ['a timeout', () => fake.script(BRIDGE, reply.delayed(3000)), { timeoutMs: 1000 }, /^The LLM sent no reply within 1 s \(LLM_TIMEOUT_MS\)\. This answer is extractive\.$/],
      ['a stream that stalls', () => fake.script(BRIDGE, reply.stall('France ')), { timeoutMs: 1000 }, /^The LLM was still writing its answer after 1 s \(LLM_TIMEOUT_MS\)\./],
      ['headers then silence', () => fake.script(BRIDGE, reply.silent()), { timeoutMs: 1000 }, /^The LLM began a reply but did not finish it within 1 s \(LLM_TIMEOUT_MS\)\./],
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

    it('says why in the asker’s language: Dutch and French questions get Dutch and French reasons', async () => {
      const deps = setup({ timeoutMs: 1000 });
      fake.script(BRIDGE, reply.silent());
      const nl = await answerWithLlm(input({}, 'Wanneer kondigde Frankrijk de terugtrekking aan?', 'nl'), deps);
      expect(nl.fallbackReason).toBe('Het LLM begon te antwoorden maar was niet klaar binnen 1 s (LLM_TIMEOUT_MS). Dit antwoord is extractief.');
      fake.script(BRIDGE, reply.error(500));
      const fr = await answerWithLlm(input({}, 'Quand la France a-t-elle annoncé le retrait ?', 'fr'), deps);
      expect(fr.fallbackReason).toBe('Le serveur du LLM a échoué (HTTP 500). Cette réponse est extractive.');
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

/** Two correct, cited sentences about the fixtures: [1] is the Dutch announcement, [2] the French last soldier. */
const GOOD = 'France announced the withdrawal on 17 February 2022 [1]. The last soldier left Mali on 15 August 2022 [2].';
const THOUGHT = 'The user asks when France announced it. Source 1 says 17 februari 2022, so I will answer 9999.';

describe('answerWithLlm › reasoning models', () => {
  const cases: Array<[string, () => ReturnType<typeof model.qwen3>]> = [
    ['Qwen3 with <think> in the content, tags split across chunks', () => model.qwen3(GOOD, THOUGHT)],
    ['DeepSeek-R1 behind a template that opened <think> (only </think> arrives)', () => model.r1OpenedByTemplate(GOOD, THOUGHT)],
    ['DeepSeek’s API / vLLM sending reasoning_content', () => model.deepseekReasoner(GOOD, THOUGHT)],
    ['OpenRouter / Ollama sending reasoning', () => model.ollamaThinking(GOOD, THOUGHT)],
  ];
  for (const [what, script] of cases) {
    it(`keeps the reasoning out of the answer and out of every streamed text: ${what}`, async () => {
      const deps = setup();
      fake.script(BRIDGE, script());
      const seen: string[] = [];
      const r = await answerWithLlm(input({ onText: (t) => seen.push(t) }), deps);
      expect(r).toMatchObject({ mode: 'llm', refused: false, text: GOOD });
      expect(seen.length).toBeGreaterThan(0);
      for (const t of [...seen, r.text]) expect(t).not.toMatch(/think>|user asks|9999/);
      // Logged at debug level only.
      const logged = lines.map((l) => JSON.parse(l) as { level: number; reasoning?: string });
      expect(logged.some((l) => l.level === 20 && l.reasoning?.includes('user asks'))).toBe(true);
      expect(logged.filter((l) => l.level > 20).some((l) => JSON.stringify(l).includes('user asks'))).toBe(false);
      expect(r.llm?.review?.reasoningChars).toBeGreaterThan(THOUGHT.length - 5);
    });
  }

  it('falls back to the extractive answer, showing nothing of the thought, when the model was cut off while thinking', async () => {
    const deps = setup();
    fake.script(BRIDGE, model.unterminatedThought(THOUGHT));
    const seen: string[] = [];
    const r = await answerWithLlm(input({ onText: (t) => seen.push(t) }), deps);
    expect(seen).toEqual([]);
    expect(r.mode).toBe('extractive');
    expect(r.fallbackReason).toMatch(/cut off by its token limit/);
    expect(r.text).not.toMatch(/think|9999/);
  });

  it('reads the rewrite’s JSON after a <think> block that holds braces of its own', async () => {
    const deps = setup();
    const json = JSON.stringify({ language: 'en', queries: { nl: 'Frankrijk terugtrekking Mali', fr: 'dernier soldat Mali' } });
    fake.script({ type: 'text', content: `<think>Maybe {"language": "xx"}? No.</think>\n${json}` }, reply.text(GOOD));
    const r = await answerWithLlm(input(), deps);
    expect(r.llm?.queries).toEqual([QUESTION, 'Frankrijk terugtrekking Mali', 'dernier soldat Mali']);
  });
});

describe('answerWithLlm › citation marks as models write them', () => {
  it('maps 【n】, [^n], [Source n], (n) and the model’s own Sources list to checked, renumbered [n]', async () => {
    const deps = setup();
    fake.script(
      BRIDGE,
      reply.text(
        'The last soldier left Mali on 15 August 2022【2†source】. France announced the withdrawal in February 2022 [^1]. It was announced on 17 February 2022 [Source 1]. The withdrawal would take four to six months (1).\n\nSources:\n[1] Frankrijk trekt troepen terug uit Mali\n[2] Le dernier soldat quitte le Mali',
      ),
    );
    const r = await answerWithLlm(input(), deps);
    expect(r.mode).toBe('llm');
    expect(r.text).toBe(
      'The last soldier left Mali on 15 August 2022 [1]. France announced the withdrawal in February 2022 [2]. It was announced on 17 February 2022 [2]. The withdrawal would take four to six months [2].',
    );
    expect(r.citations.map((c) => c.passageId)).toEqual([FR_LAST_SOLDIER.passage.id, NL_ANNOUNCEMENT.passage.id]);
    expect(r.llm?.review).toMatchObject({ citations: 4, validCitations: 4 });
  });
});

describe('answerWithLlm › grounding', () => {
  it('drops a cited sentence whose number is in no source and says a claim was removed', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text(`${GOOD} In total 9999 soldiers were killed there [1].`));
    const r = await answerWithLlm(input(), deps);
    expect(r).toMatchObject({ mode: 'llm', text: GOOD, remarks: [{ kind: 'claims-removed', count: 1 }] });
    expect(r.llm?.review).toMatchObject({ citations: 3, validCitations: 2, droppedClaims: 1 });
    expect(lines.some((l) => l.includes('claims not found in their sources') && l.includes('9999'))).toBe(true);
  });

  it('drops an uncited sentence whose date is in no source', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text(`${GOOD} The first troops arrived on 11 January 2013.`));
    const r = await answerWithLlm(input(), deps);
    expect(r.text).toBe(GOOD);
    expect(r.remarks).toEqual([{ kind: 'claims-removed', count: 1 }]);
  });

  it('falls back to the extractive answer when most claims are invented', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text('In total 9999 soldiers were killed in 2019 [1]. Putin visited Moscow [2].'));
    const r = await answerWithLlm(input(), deps);
    expect(r.mode).toBe('extractive');
    expect(r.fallbackReason).toBe('The LLM answer stated facts that its sources do not contain. This answer is extractive.');
    expect(r.text).not.toContain('9999');
  });

  it('accepts numbers written with other separators and dates in another language than the source', async () => {
    const SAHEL = hit('005_nl', 'nl', 'Troepen in de Sahel', 'In de Sahel zijn 5.100 Franse militairen van operatie Barkhane actief, meldde Frankrijk op 17 februari 2022.');
    const deps = setup();
    fake.script(BRIDGE, (req) => {
      const n = sourceNumber(req, '5.100');
      return reply.text(`About 5,100 French soldiers of operation Barkhane were in the Sahel [${n}]. France said so on February 17, 2022 [${n}].`);
    });
    const r = await answerWithLlm({ ...input(), retriever: overlapRetriever([SAHEL, ...CORPUS]) }, deps);
    expect(r.mode).toBe('llm');
    expect(r.remarks).toBeUndefined();
  });
});

describe('answerWithLlm › answers cut by the token limit', () => {
  it('ends at the last complete cited sentence and says it was shortened (finish_reason "length")', async () => {
    const deps = setup();
    fake.script(BRIDGE, model.cutOff(`${GOOD} The withdrawal would take four to six`));
    const r = await answerWithLlm(input(), deps);
    expect(r).toMatchObject({ mode: 'llm', text: GOOD, remarks: [{ kind: 'shortened' }] });
    expect(r.llm?.review?.truncated).toBe(true);
  });

  it('asks for at most what the budget leaves for the answer', async () => {
    const deps = setup({ contextTokens: 4096 });
    fake.script(BRIDGE, reply.text(GOOD));
    await answerWithLlm(input(), deps);
    const compose = fake.chatRequests().find((r) => r.body?.stream)!;
    expect(compose.body?.max_tokens).toBe(4096 - deps.client.countTokens(compose.body!.messages as never));
  });
});

describe('answerWithLlm › answer language', () => {
  const DUTCH = 'Frankrijk kondigde de terugtrekking aan op 17 februari 2022 [1]. De laatste soldaat vertrok op 15 augustus 2022 uit Mali [2].';

  it('asks once more, firmly, when an English question gets a Dutch answer, and serves the English one', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text(DUTCH), reply.text(GOOD));
    const seen: string[] = [];
    const r = await answerWithLlm(input({ onText: (t) => seen.push(t) }), deps);
    expect(r).toMatchObject({ mode: 'llm', lang: 'en', text: GOOD });
    expect(r.llm?.review?.languageRetry).toBe(true);
    const retry = fake.chatRequests()[2]!.body!.messages!.at(-1)!.content;
    expect(retry).toContain('Your previous answer was written in Dutch. The question is in English');
    // The Dutch text was never shown while it streamed.
    expect(seen.join(' ')).not.toContain('kondigde');
  });

  it('falls back to the extractive answer with a notice when the retry is in the wrong language too', async () => {
    const deps = setup();
    fake.script(BRIDGE, reply.text(DUTCH), reply.text(DUTCH));
    const r = await answerWithLlm(input(), deps);
    expect(r.mode).toBe('extractive');
    expect(r.fallbackReason).toBe('The LLM answered in Dutch, not English, even when asked again. This answer is extractive.');
  });
});

describe('answerWithLlm › free-form refusals', () => {
  const cases: Array<[Lang, string, string]> = [
    ['en', 'Who won the football cup in Mali?', 'The provided sources do not contain any information about a football cup.'],
    ['nl', 'Wie won de voetbalbeker in Mali?', 'De gegeven bronnen vermelden niet wie de voetbalbeker in Mali won [1].'],
    ['fr', 'Qui a gagné la coupe de football au Mali ?', 'Les sources fournies ne précisent pas qui a gagné la coupe. Je ne peux donc pas répondre.'],
  ];
  for (const [lang, question, answer] of cases) {
    it(`counts “${answer}” as a refusal (${lang})`, async () => {
      const deps = setup();
      fake.script(reply.json({ language: lang, queries: { nl: 'Mali', fr: 'Mali' } }), reply.text(answer));
      const r = await answerWithLlm(input({}, question, lang), deps);
      expect(r).toMatchObject({ mode: 'llm', refused: true, citations: [] });
      expect(r.text).toBe({ en: 'The corpus does not say.', nl: 'Het corpus zegt hier niets over.', fr: 'Le corpus ne le dit pas.' }[lang]);
    });
  }
});

describe('answerWithLlm › context budget (LLM_CONTEXT_TOKENS)', () => {
  const LONG = hit('006_nl', 'nl', 'Lang artikel', Array.from({ length: 40 }, (_, i) => `Frankrijk trekt zijn troepen terug uit Mali, zin ${i + 1} van een lang verslag over operatie Barkhane.`).join(' '));
  const history = Array.from({ length: 3 }, (_, i) => ({ question: `Earlier question ${i} about France and Mali and the troops?`, answer: 'France is withdrawing its troops from Mali, the sources say, over several months. '.repeat(8) }));

  /** An independent upper bound on what the server received: o200k tokens × the margin, 10 per message, plus max_tokens. */
  const requestTokens = (body: NonNullable<FakeOpenAi['requests'][number]['body']>) =>
    (body.messages ?? []).reduce((n, m) => n + 10 + Math.ceil(countTokens(m.role) * 1.6) + Math.ceil(countTokens(m.content) * 1.6), 16) + Number(body.max_tokens ?? 0);

  it('sends no request above the budget: the conversation and the last sources go, a long source is shortened', async () => {
    const deps = setup({ contextTokens: 1200 });
    fake.script(BRIDGE, reply.text('Frankrijk trekt zijn troepen terug uit Mali [1].'));
    const r = await answerWithLlm({ ...input({ history }, 'Trekt Frankrijk zijn troepen terug uit Mali?', 'nl'), retriever: overlapRetriever([LONG, ...CORPUS]) }, deps);
    expect(r.mode).toBe('llm');
    const requests = fake.chatRequests();
    expect(requests).toHaveLength(2);
    for (const req of requests) expect(requestTokens(req.body!)).toBeLessThanOrEqual(1200);
    const prompt = requests[1]!.body!.messages!;
    expect(prompt.filter((m) => m.role === 'assistant')).toHaveLength(0);
    const sent = prompt.at(-1)!.content.match(/<source id=/g) ?? [];
    expect(sent.length).toBeLessThan(5);
    expect(prompt.at(-1)!.content).not.toContain('zin 40 van');
    expect(r.llm?.review?.contextCut).toEqual({ turns: 3, sources: 5 - sent.length, shortened: true });
    expect(lines.some((l) => l.includes('the prompt was cut to fit LLM_CONTEXT_TOKENS'))).toBe(true);
  });

  it('gives the model every source and turn when the budget allows', async () => {
    const deps = setup({ contextTokens: 16_000 });
    fake.script(BRIDGE, reply.text('Frankrijk trekt zijn troepen terug uit Mali [1].'));
    const r = await answerWithLlm({ ...input({ history }, 'Trekt Frankrijk zijn troepen terug uit Mali?', 'nl'), retriever: overlapRetriever([LONG, ...CORPUS]) }, deps);
    expect(r.llm?.review?.contextCut).toBeUndefined();
    expect(fake.chatRequests()[1]!.body!.messages!.filter((m) => m.role === 'assistant')).toHaveLength(3);
  });

  it('falls back, naming LLM_CONTEXT_TOKENS, when even the question and the rules do not fit, without sending it', async () => {
    const deps = setup({ contextTokens: 1024 });
    fake.script(BRIDGE);
    const huge = `Wanneer trok Frankrijk zich terug uit Mali ${'en waarom precies, met alle details over operatie Barkhane '.repeat(20)}?`;
    const r = await answerWithLlm(input({}, huge, 'nl'), deps);
    expect(r.mode).toBe('extractive');
    expect(r.fallbackReason).toMatch(/^LLM_CONTEXT_TOKENS=1024 is te klein voor de vraag.*Dit antwoord is extractief\.$/);
    expect(fake.chatRequests().filter((q) => q.body?.stream)).toHaveLength(0);
  });
});
