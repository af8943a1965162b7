import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptTemplateError } from '../src/answer/prompts.js';
import { reply, startFakeOpenAi, type FakeOpenAi } from './fakes/openai-server.js';
import { testApp } from './helpers/app.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = 'sk-test-SECRET-123';

let llm: FakeOpenAi;
beforeEach(async () => {
  llm = await startFakeOpenAi();
});
afterEach(async () => {
  await llm.close();
});

const llmEnv = () => ({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: KEY, OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' });

describe('createApp with an LLM endpoint', () => {
  it('answers an English question from Dutch passages found through the rewritten queries', async () => {
    llm.script(
      reply.json({ language: 'en', queries: { nl: 'Russische huurlingen Wagner Groep helikopters Bamako', fr: 'mercenaires russes Wagner Bamako' } }),
      reply.text('The Wagner Group, a Russian mercenary army, sent helicopters and weapons to Bamako [1].'),
    );
    const app = await testApp(llmEnv());
    const answer = await app.engine.ask('Which Russian group sent helicopters and weapons to Bamako?');
    expect(answer).toMatchObject({ mode: 'llm', refused: false, lang: 'en' });
    expect(answer.text).toContain('Wagner Group');
    expect(answer.citations[0]?.docId).toBe('003_744bafa943ee8020');
    expect(answer.llm?.queries).toContain('Russische huurlingen Wagner Groep helikopters Bamako');
    // The sources the model saw came from the Dutch rewrite.
    const composed = llm.chatRequests()[1]?.body?.messages?.map((m) => m.content).join('\n') ?? '';
    expect(composed).toContain('Wagner Groep');
    expect(app.logs.text).not.toContain(KEY);
  });

  it('falls back to the extractive answer, with the reason, when the endpoint fails', async () => {
    llm.otherwise(reply.error(500));
    const app = await testApp(llmEnv());
    const answer = await app.engine.ask('Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?');
    expect(answer.mode).toBe('extractive');
    expect(answer.fallbackReason).toBe('Het LLM-eindpunt faalde (HTTP 500). Dit antwoord is extractief.');
    expect(answer.text).toContain('55');
  });

  it('never asks the LLM when told not to', async () => {
    const app = await testApp(llmEnv());
    const answer = await app.engine.ask('Wie is de Franse minister van Defensie?', { noLlm: true });
    expect(answer.mode).toBe('extractive');
    expect(llm.chatRequests()).toHaveLength(0);
  });

  it('stops start-up when a prompt template is missing', async () => {
    await expect(testApp(llmEnv(), { promptsDir: await mkdtemp(join(tmpdir(), 'griot-prompts-')) })).rejects.toThrow(PromptTemplateError);
  });
});

describe('timeline summaries with an LLM endpoint', () => {
  it('summarises events in the requested language once, then serves them from the cache', async () => {
    // Like a model: one summary per event id it was given.
    llm.otherwise((request) => {
      const prompt = request.body?.messages?.map((m) => m.content).join('\n') ?? '';
      const ids = [...prompt.matchAll(/<event id="([^"]+)">/g)].map((m) => m[1]);
      return reply.json({ summaries: Object.fromEntries(ids.map((id) => [id, `Summary of ${id}`])) });
    });
    const app = await testApp(llmEnv());
    const first = await app.engine.timeline({ from: '2021-05', to: '2021-05', lang: 'en' });
    expect(first.length).toBeGreaterThan(0);
    for (const e of first) expect(e.summary).toBe(`Summary of ${e.id}`);
    const calls = llm.chatRequests().length;
    expect(calls).toBeGreaterThan(0);
    expect(llm.chatRequests()[0]?.body?.messages?.[0]?.content).toContain('English');
    const again = await app.engine.timeline({ from: '2021-05', to: '2021-05', lang: 'en' });
    expect(again.map((e) => e.summary)).toEqual(first.map((e) => e.summary));
    expect(llm.chatRequests()).toHaveLength(calls);
  });

  it('keeps the events’ own sentences when the LLM fails', async () => {
    llm.otherwise(reply.error(500));
    const app = await testApp(llmEnv());
    const events = await app.engine.timeline({ from: '2021-05', to: '2021-05', lang: 'fr' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary === undefined && e.text.length > 0)).toBe(true);
  });
});

describe('npm run ask against an OpenAI-compatible server', () => {
  it('--json reports mode llm, the model, the queries and the citations', async () => {
    llm.script(
      reply.json({ language: 'fr', queries: { nl: 'verplaatsen militairen voltooid juni', fr: 'déplacement militaires terminé' } }),
      // Like a model, cite the source that holds the answer.
      (request) => {
        const prompt = request.body?.messages?.map((m) => m.content).join('\n') ?? '';
        const n = [...prompt.matchAll(/<source id="(\d+)"[^>]*>([\s\S]*?)<\/source>/g)].find((m) => m[2]?.includes('juni'))?.[1] ?? '99';
        return reply.text(`Le déplacement des militaires devait être terminé en juin [${n}].`, { usage: { prompt_tokens: 900, completion_tokens: 20 } });
      },
    );
    const dataDir = await mkdtemp(join(tmpdir(), 'griot-cli-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'ask', '--json', 'Quand le déplacement des militaires hors du Mali doit-il être terminé ?'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, CORPUS_DIR: join(ROOT, 'seeds'), ...llmEnv() } },
    );
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ mode: 'llm', refused: false, llm: { model: 'test-model', promptTokens: expect.any(Number) } });
    expect(json.llm.queries).toContain('verplaatsen militairen voltooid juni');
    expect(json.citations[0].docId).toBe('002_68a43d7a4bec2f41');
    expect(json.answer).toContain('juin [1]');
  });
});
