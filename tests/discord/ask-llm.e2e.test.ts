import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { model, reply, sourceNumber, startFakeOpenAi, type FakeOpenAi, type LoggedRequest, type Reply } from '../fakes/openai-server.js';
import { startHarness, type Harness } from './harness.js';

const QUESTION = 'Which country is willing to serve as the new home base for the mission?';
const REWRITE = reply.json({ language: 'en', queries: { nl: 'Niger bereid thuisbasis missie', fr: 'Niger base mission' } });
const THOUGHT = 'Let me think about the sources. The user wants a country; maybe say 9999 soldiers moved.';

/** The answer a model would write, citing the source (by its number in the prompt) that names Niger. */
function citingNiger(write: (n: string) => Reply): (request: LoggedRequest) => Reply {
  return (request) => write(sourceNumber(request, 'Niger nu bereid'));
}
const first = (n: string) => `According to President Macron, Niger is now willing to serve as the new home base [${n}].`;
const invented = (n: string) => `In total 9999 soldiers were moved there [${n}].`;
const last = (n: string) => `Macron does not think that the mission in Mali has failed [${n}].`;

describe('/ask with an LLM that reasons and invents, against a fake Discord', () => {
  let llm: FakeOpenAi;
  let h: Harness;
  beforeEach(async () => {
    llm = await startFakeOpenAi();
  });
  afterEach(async () => {
    await h?.close();
    await llm.close();
  });

  const start = (env: Record<string, string> = {}) =>
    startHarness({
      env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'qwen3:8b', LLM_TIMEOUT_MS: '5000', LLM_MAX_RETRIES: '0', ...env },
      streamIntervalMs: 40,
    });

  /** Every edit of the interaction's reply, in order, and the finished message. */
  async function answer(): Promise<{ edits: string[]; final: { content: string } }> {
    const interaction = h.fake.command('ask', { question: QUESTION });
    const final = await h.fake.until(() => {
      const m = h.fake.original(interaction);
      return m && m.components.length > 0 ? m : undefined;
    });
    const edits = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(interaction.token)).map((r) => String(r.body?.content ?? ''));
    return { edits, final };
  }

  it('streams only checked sentences: no reasoning, no tag, no invented number in any edit, and says a claim was removed', async () => {
    h = await start();
    llm.script(
      REWRITE,
      citingNiger((n) => ({ ...model.qwen3(`${first(n)} ${invented(n)} ${last(n)}`, THOUGHT), chunkDelayMs: 15 })),
    );
    const { edits, final } = await answer();
    const streaming = edits.filter((e) => e.endsWith('▌'));
    expect(streaming.length).toBeGreaterThan(0);
    for (const e of edits) expect(e).not.toMatch(/<|>|Let me|9999|sources\. The user/);
    expect(streaming.some((e) => e.startsWith(first('1')))).toBe(true);
    expect(final.content).toContain(`${first('1')} ${last('1')}`);
    expect(final.content).toContain('One claim was removed');
    expect(h.fake.rejections).toEqual([]);
  });

  it('never shows the thought of a model whose template opened <think> (only </think> arrives)', async () => {
    h = await start();
    llm.script(REWRITE, citingNiger((n) => ({ ...model.r1OpenedByTemplate(`${first(n)} ${last(n)}`, THOUGHT), chunkDelayMs: 15 })));
    const { edits, final } = await answer();
    for (const e of edits) expect(e).not.toMatch(/<\/?think|Let me|9999|The user/);
    expect(final.content).toContain(`${first('1')} ${last('1')}`);
  });

  it('does not leave the question at "thinking…" when the LLM hangs: the extractive answer comes, saying why', async () => {
    h = await start({ LLM_TIMEOUT_MS: '3000', LLM_MAX_RETRIES: '2' });
    llm.otherwise(reply.hang());
    const { final } = await answer();
    expect(final.content).toContain('Niger');
    expect(final.content).toMatch(/Extractive answer, because the LLM failed: The LLM sent no reply within 3 s \(LLM_TIMEOUT_MS\)\. This answer is extractive\./);
  });
});
