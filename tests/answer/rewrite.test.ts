import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fuseRankings } from '../../src/answer/fusion.js';
import { loadPrompts } from '../../src/answer/prompts.js';
import { rewriteQuery } from '../../src/answer/rewrite.js';
import { createChatClient } from '../../src/llm/client.js';
import type { ChatClient } from '../../src/llm/types.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { capturingLogger, testLlmConfig } from '../llm/helpers.js';
import { NL_ANNOUNCEMENT, overlapRetriever } from './llm-fixtures.js';

const prompts = loadPrompts(join(import.meta.dirname, '../../prompts'));
const now = new Date('2024-05-01T12:00:00Z');

let fake: FakeOpenAi;
let client: ChatClient;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
});
afterEach(async () => {
  await fake.close();
});

describe('rewriteQuery', () => {
  it('lets an English question find a Dutch passage through the rewritten queries', async () => {
    const retriever = overlapRetriever();
    const question = 'When did France announce that its soldiers would leave?';
    fake.script(reply.json({ language: 'en', queries: { nl: 'Frankrijk aankondiging terugtrekking troepen Mali', fr: 'France annonce retrait troupes Mali' } }));
    const r = await rewriteQuery({ question, languages: retriever.languages(), now }, { client, prompts });
    expect(r.failure).toBeUndefined();
    expect(r.language).toBe('en');
    expect(r.queries).toEqual([question, 'Frankrijk aankondiging terugtrekking troepen Mali', 'France annonce retrait troupes Mali']);
    // The question alone finds nothing; the fused rankings of the rewrites put the Dutch passage first.
    expect(retriever.search(question)).toEqual([]);
    const fused = fuseRankings(r.queries.map((q) => retriever.search(q, { limit: 20 })));
    expect(fused[0]?.passage.id).toBe(NL_ANNOUNCEMENT.passage.id);
  });

  it('asks for the languages the retriever reports, in JSON mode, and ignores queries in others', async () => {
    fake.script(reply.json({ language: 'fr', queries: { nl: 'Wagner huurlingen', fr: 'mercenaires Wagner' } }));
    const r = await rewriteQuery({ question: 'Qui sont les mercenaires ?', languages: ['nl'], now }, { client, prompts });
    expect(r.queries).toEqual(['Qui sont les mercenaires ?', 'Wagner huurlingen']);
    const [req] = fake.chatRequests();
    expect(req?.body?.response_format).toEqual({ type: 'json_object' });
    expect(req?.body?.messages?.[0]?.content).toContain('nl (Dutch)');
    expect(req?.body?.messages?.[0]?.content).not.toContain('fr (French)');
  });

  it('drops duplicates of the question and empty queries', async () => {
    fake.script(reply.json({ language: 'nl', queries: { nl: '  wagner   in mali ', fr: '' } }));
    const r = await rewriteQuery({ question: 'Wagner in Mali', languages: ['nl', 'fr'], now }, { client, prompts });
    expect(r.queries).toEqual(['Wagner in Mali']);
  });

  it('sends the last three turns, shortened, so a follow-up can be made self-contained', async () => {
    fake.script(reply.json({ language: 'en', queries: { nl: 'begin operatie Barkhane' } }));
    const history = [
      { question: 'oldest turn', answer: 'gone' },
      { question: 'What is Barkhane?', answer: 'A French operation [1].' },
      { question: 'Where?', answer: 'In the Sahel [1].' },
      { question: 'Who leads it?', answer: `France ${'y'.repeat(3000)}` },
    ];
    const r = await rewriteQuery({ question: 'And when did that start?', languages: ['nl'], now, history }, { client, prompts });
    expect(r.queries).toEqual(['And when did that start?', 'begin operatie Barkhane']);
    const sent = fake.chatRequests()[0]?.body?.messages?.[1]?.content ?? '';
    expect(sent).toContain('What is Barkhane?');
    expect(sent).not.toContain('oldest turn');
    expect(sent.length).toBeLessThan(2000);
  });

  it('falls back to the question, with a reason, when the reply is not JSON', async () => {
    fake.script(reply.text('Sure, here are some queries: Wagner, Mali.'));
    const r = await rewriteQuery({ question: 'Wagner?', languages: ['nl', 'fr'], now }, { client, prompts });
    expect(r.queries).toEqual(['Wagner?']);
    expect(r.failure).toBe('query rewriting returned no JSON object');
  });

  it('falls back to the question when the JSON has the wrong shape', async () => {
    fake.script(reply.json({ language: 'en', queries: ['Wagner', 'Mali'] }));
    const r = await rewriteQuery({ question: 'Wagner?', languages: ['nl', 'fr'], now }, { client, prompts });
    expect(r.queries).toEqual(['Wagner?']);
    expect(r.failure).toMatch(/wrong shape/);
  });

  it('falls back to the question, keeping the error, when the call fails', async () => {
    fake.script(reply.error(500));
    const r = await rewriteQuery({ question: 'Wagner?', languages: ['nl', 'fr'], now }, { client, prompts });
    expect(r.queries).toEqual(['Wagner?']);
    expect(r.error?.kind).toBe('server');
    expect(r.failure).toBe('query rewriting failed: the LLM endpoint failed (HTTP 500)');
  });
});
