import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrompts } from '../../src/answer/prompts.js';
import { createChatClient } from '../../src/llm/client.js';
import { createLlmSummariser } from '../../src/timeline/llm-summarise.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { capturingLogger, testLlmConfig } from '../llm/helpers.js';

const prompts = loadPrompts(join(import.meta.dirname, '../../prompts'));
const events = Array.from({ length: 20 }, (_, i) => ({
  id: `e${i}`,
  text: `Op ${i + 1} maart 2022 kondigde de Franse regering in Parijs opnieuw aan dat de troepen van operatie Barkhane Mali zouden verlaten, meldden persbureaus.`,
}));

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  // A model that summarises every event id it is given.
  fake.otherwise((req) => {
    const ids = [...(req.body?.messages?.at(-1)?.content ?? '').matchAll(/<event id="(e\d+)">/g)].map((m) => m[1]!);
    return reply.json({ summaries: Object.fromEntries(ids.map((id) => [id, `summary of ${id}`])) });
  });
});
afterEach(async () => {
  await fake.close();
});

describe('createLlmSummariser', () => {
  it('sends one request for a batch that fits the budget', async () => {
    const client = createChatClient(testLlmConfig(fake.url, { contextTokens: 16_000 }), capturingLogger().logger);
    const summaries = await createLlmSummariser(client, prompts)(events, 'en');
    expect(Object.keys(summaries)).toHaveLength(20);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('splits a batch that would not fit LLM_CONTEXT_TOKENS into requests that do, and still summarises every event', async () => {
    const client = createChatClient(testLlmConfig(fake.url, { contextTokens: 1024 }), capturingLogger().logger);
    const summaries = await createLlmSummariser(client, prompts)(events, 'en');
    expect(Object.keys(summaries).sort()).toEqual(events.map((e) => e.id).sort());
    const requests = fake.chatRequests();
    expect(requests.length).toBeGreaterThan(2);
    for (const r of requests) {
      expect(client.countTokens(r.body!.messages as never) + Number(r.body!.max_tokens)).toBeLessThanOrEqual(1024);
    }
  });
});
