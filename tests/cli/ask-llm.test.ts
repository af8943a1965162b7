import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { model, reply, sourceNumber, startFakeOpenAi, type FakeOpenAi, type LoggedRequest, type Reply } from '../fakes/openai-server.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUESTION = 'Which country is willing to serve as the new home base for the mission?';
/** The rewrite a model would give: Dutch and French queries that find 002_68a43d7a4bec2f41 (Niger). */
const REWRITE = reply.json({ language: 'en', queries: { nl: 'Niger bereid thuisbasis missie', fr: 'Niger base mission' } });

let llm: FakeOpenAi;
let dataDir: string;
beforeAll(async () => {
  llm = await startFakeOpenAi();
  dataDir = await mkdtemp(join(tmpdir(), 'griot-ask-llm-'));
});
afterAll(async () => {
  await llm.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  llm.requests.length = 0;
});

/** `npm run ask -- …` as a subprocess against the fake endpoint (a model name no tokenizer knows, like a local one). */
async function ask(args: string[], env: Record<string, string> = {}) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', 'ask', ...args], {
    cwd: ROOT,
    // Far above any deadline these tests set: before LLM_TIMEOUT_MS covered the whole answer, some never returned.
    timeout: 120_000,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      CORPUS_DIR: join(ROOT, 'seeds'),
      OPENAI_BASE_URL: llm.url,
      OPENAI_API_KEY: 'sk-test-SECRET-123',
      OPENAI_MODEL: 'qwen3:8b',
      LLM_TIMEOUT_MS: '5000',
      LLM_MAX_RETRIES: '0',
      ...env,
    },
  });
  return stdout;
}

const askJson = async (env: Record<string, string> = {}) => JSON.parse(await ask(['--json', QUESTION], env));

/** A composition reply written by `write(n)`, n being the number of the source that names Niger as the new base. */
function citingNiger(write: (n: string) => Reply): (request: LoggedRequest) => Reply {
  return (request) => write(sourceNumber(request, 'Niger nu bereid'));
}

const ANSWER = (n: string) => `According to President Macron, Niger is now willing to serve as the new home base [${n}].`;

describe('npm run ask against models that misbehave', () => {
  it('shows no <think> block, in --json or in the streamed terminal text', async () => {
    const thought = 'The user wants the country. Source says Niger. Maybe 9999 soldiers?';
    llm.script(REWRITE, citingNiger((n) => model.qwen3(ANSWER(n), thought)));
    const json = await askJson();
    expect(json).toMatchObject({ mode: 'llm', refused: false, answer: ANSWER('1') });
    expect(json.citations[0].docId).toBe('002_68a43d7a4bec2f41');
    llm.script(REWRITE, citingNiger((n) => model.qwen3(ANSWER(n), thought)));
    const terminal = await ask([QUESTION]);
    // Streamed once, then the sources: the final text continues what was printed.
    expect(terminal.split(ANSWER('1'))).toHaveLength(2);
    expect(terminal).not.toMatch(/think|user wants|9999/);
  });

  it('turns 【n†source】 into a checked [n]', async () => {
    llm.script(REWRITE, citingNiger((n) => reply.text(`According to President Macron, Niger is now willing to serve as the new home base【${n}†source】.`)));
    const json = await askJson();
    expect(json.answer).toBe(ANSWER('1'));
    expect(json.answer).not.toContain('【');
  });

  it('serves no invented number, and says a claim was removed', async () => {
    llm.script(REWRITE, citingNiger((n) => reply.text(`${ANSWER(n)} In total 9999 soldiers were killed there [${n}].`)));
    const json = await askJson();
    expect(json.answer).toBe(ANSWER('1'));
    expect(json.remarks).toEqual([{ kind: 'claims-removed', count: 1 }]);
    llm.script(REWRITE, citingNiger((n) => reply.text(`${ANSWER(n)} In total 9999 soldiers were killed there [${n}].`)));
    expect(await ask([QUESTION])).toContain('One claim was removed: its sources do not contain its numbers, dates or names.');
  });

  it('ends a reply cut by the token limit at its last complete cited sentence, saying so', async () => {
    llm.script(REWRITE, citingNiger((n) => model.cutOff(`${ANSWER(n)} The move of the soldiers was to be completed in`)));
    const json = await askJson();
    expect(json.answer).toBe(ANSWER('1'));
    expect(json.remarks).toEqual([{ kind: 'shortened' }]);
  });

  it('asks again when the answer is in the wrong language, and serves the English one', async () => {
    const dutch = (n: string) => `Volgens president Macron is Niger nu bereid om als nieuwe thuisbasis voor de missie te dienen [${n}].`;
    llm.script(REWRITE, citingNiger((n) => reply.text(dutch(n))), citingNiger((n) => reply.text(ANSWER(n))));
    const json = await askJson();
    expect(json).toMatchObject({ mode: 'llm', lang: 'en', answer: ANSWER('1') });
    expect(llm.chatRequests()).toHaveLength(3);
  });

  it('reports a refusal in the model’s own words as refused: true', async () => {
    llm.script(REWRITE, reply.text('The provided sources do not contain information about which country will host the mission.'));
    const json = await askJson();
    expect(json).toMatchObject({ mode: 'llm', refused: true, answer: 'The corpus does not say.', citations: [] });
  });

  it('sends no request above LLM_CONTEXT_TOKENS', async () => {
    llm.script(REWRITE, citingNiger((n) => reply.text(ANSWER(n))));
    const json = await askJson({ LLM_CONTEXT_TOKENS: '1100' });
    expect(json.mode).toBe('llm');
    const requests = llm.chatRequests();
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      const body = r.body!;
      // An independent bound: o200k tokens × 1.6 for a model of unknown tokenizer, 10 per message, plus max_tokens.
      const prompt = (body.messages ?? []).reduce((t, m) => t + 10 + Math.ceil(countTokens(m.role) * 1.6) + Math.ceil(countTokens(m.content) * 1.6), 16);
      expect(prompt + Number(body.max_tokens)).toBeLessThanOrEqual(1100);
    }
  });
});

describe('npm run ask against an LLM that never finishes (LLM_TIMEOUT_MS is the whole answer\'s deadline)', () => {
  const slow = { LLM_TIMEOUT_MS: '4000', LLM_MAX_RETRIES: '2' };

  it('answers extractively when the rewrite’s JSON reply drips one byte at a time, saying the reply was not finished', async () => {
    llm.script(reply.drip('{"language":"en","queries":{"nl":"Niger bereid thuisbasis missie"}}', 1000));
    const json = await askJson(slow);
    expect(json.mode).toBe('extractive');
    expect(json.citations.length).toBeGreaterThan(0);
    expect(json.fallbackReason).toBe('The LLM began a reply but did not finish it within 4 s (LLM_TIMEOUT_MS). This answer is extractive.');
  });

  it('answers extractively when the streamed answer drips a chunk at a time, in the terminal too', async () => {
    llm.script(REWRITE, citingNiger((n) => reply.text(ANSWER(n), { chunkDelayMs: 500 })));
    const terminal = await ask([QUESTION], slow);
    expect(terminal).toContain('Extractive answer, because the LLM failed: The LLM was still writing its answer after 4 s (LLM_TIMEOUT_MS). This answer is extractive.');
    expect(terminal).toMatch(/\[1\]/);
  });

  it('answers extractively when the server sends headers and then nothing', async () => {
    llm.script(REWRITE, reply.silent());
    const json = await askJson(slow);
    expect(json.mode).toBe('extractive');
    expect(json.fallbackReason).toBe('The LLM began a reply but did not finish it within 4 s (LLM_TIMEOUT_MS). This answer is extractive.');
  });

  it('keeps retries inside the deadline when the server fails and then hangs, and counts the attempts truthfully', async () => {
    llm.script(reply.error(503, undefined, { 'retry-after-ms': '10' }));
    llm.otherwise(reply.hang());
    const json = await askJson(slow);
    llm.otherwise(reply.error(500));
    const attempts = llm.chatRequests().length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(json.mode).toBe('extractive');
    expect(json.fallbackReason).toBe(`The LLM sent no reply within 4 s (LLM_TIMEOUT_MS; ${attempts} attempts). This answer is extractive.`);
  });

  it('says what happened in the asker’s language', async () => {
    llm.otherwise(reply.hang());
    const terminal = await ask(['Welk land is bereid om als nieuwe thuisbasis voor de missie te dienen?'], slow);
    llm.otherwise(reply.error(500));
    expect(terminal).toMatch(/Extractief antwoord, omdat het LLM faalde: Het LLM gaf geen antwoord binnen 4 s \(LLM_TIMEOUT_MS(; \d pogingen)?\)\. Dit antwoord is extractief\./);
  });
});
