import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../../src/llm/client.js';
import { LlmError } from '../../src/llm/errors.js';
import { deadlineIn, type CallOptions, type ChatClient, type StreamEnd, type Usage } from '../../src/llm/types.js';
import { model, reply, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai-server.js';
import { capturingLogger, testLlmConfig } from './helpers.js';

const messages = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Say hi.' },
] as const;

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

async function drain(client: ChatClient, options: CallOptions = {}): Promise<{ deltas: string[]; usage: Usage; end: StreamEnd }> {
  const gen = client.stream(messages, options);
  const deltas: string[] = [];
  for (;;) {
    const next = await gen.next();
    if (next.done) return { deltas, usage: next.value.usage, end: next.value };
    deltas.push(next.value);
  }
}

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

describe('createChatClient › completeJson', () => {
  it('asks for JSON mode and returns the parsed object with usage', async () => {
    fake.script(reply.json({ language: 'fr', queries: { nl: 'terugtrekking' } }));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const result = await client.completeJson(messages);
    expect(result.value).toEqual({ language: 'fr', queries: { nl: 'terugtrekking' } });
    expect(result.usage).toEqual({ promptTokens: 100, completionTokens: 20 });
    const [req] = fake.chatRequests();
    expect(req?.body?.response_format).toEqual({ type: 'json_object' });
    expect(req?.body?.model).toBe('fake-model');
    expect(req?.body?.messages).toEqual(messages);
    expect(req?.headers.authorization).toBe('Bearer sk-test-SECRET-123');
  });

  it('retries without response_format when the endpoint rejects it, and does not send it again', async () => {
    const rejectJsonMode = (r: { body?: { response_format?: unknown } | undefined }) =>
      r.body?.response_format ? reply.error(400, { error: { message: 'response_format is not supported' } }) : reply.text('Sure! ```json\n{"ok": true}\n```');
    fake.otherwise(rejectJsonMode);
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    expect((await client.completeJson(messages)).value).toEqual({ ok: true });
    expect((await client.completeJson(messages)).value).toEqual({ ok: true });
    expect(fake.chatRequests().map((r) => r.body?.response_format !== undefined)).toEqual([true, false, false]);
  });

  it('returns value undefined when the reply holds no JSON object', async () => {
    fake.script(reply.text('I cannot help with that.'));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const result = await client.completeJson(messages);
    expect(result.value).toBeUndefined();
    expect(result.text).toBe('I cannot help with that.');
  });
});

describe('createChatClient › stream', () => {
  it('yields the deltas in order and returns the usage when asked for with stream_options', async () => {
    fake.script(reply.text('Bamako is the capital [1].', { chunks: ['Bam', 'ako is ', 'the capital', ' [1].'], usage: { prompt_tokens: 321, completion_tokens: 9 } }));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const { deltas, usage } = await drain(client);
    expect(deltas).toEqual(['Bam', 'ako is ', 'the capital', ' [1].']);
    expect(usage).toEqual({ promptTokens: 321, completionTokens: 9 });
    expect(fake.chatRequests()[0]?.body?.stream_options).toEqual({ include_usage: true });
  });

  it('tolerates an endpoint that ignores stream_options (no usage)', async () => {
    // A raw SSE reply stands for an endpoint that never sends the usage chunk.
    fake.script(reply.rawSse(JSON.stringify({ choices: [{ index: 0, delta: { content: 'Ja.' } }] }), '[DONE]'));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const { deltas, usage } = await drain(client);
    expect({ deltas, usage }).toEqual({ deltas: ['Ja.'], usage: {} });
  });

  it('retries without stream_options when the endpoint rejects them', async () => {
    fake.otherwise((r) => (r.body?.stream_options ? reply.error(400) : reply.text('Ja.')));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    expect((await drain(client)).deltas.join('')).toBe('Ja.');
    expect((await drain(client)).deltas.join('')).toBe('Ja.');
    expect(fake.chatRequests().map((r) => r.body?.stream_options !== undefined)).toEqual([true, false, false]);
  });

  it('fails as a malformed stream when an event is not JSON', async () => {
    fake.script(reply.rawSse(JSON.stringify({ choices: [{ index: 0, delta: { content: 'Het' } }] }), '{"choices": [ broken'));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const err = await failure(drain(client));
    expect(err.kind).toBe('malformed');
    expect(err.reason).toMatch(/malformed stream/);
  });

  it('fails as a malformed stream when an event is JSON but not a chunk', async () => {
    fake.script(reply.rawSse('{"hello": "world"}', '[DONE]'));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    expect((await failure(drain(client))).kind).toBe('malformed');
  });

  it('times out when the stream goes silent for longer than the timeout', async () => {
    fake.script(reply.stall('Het ', 'leger '));
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 200 }), capturingLogger().logger);
    const err = await failure(drain(client));
    expect(err.kind).toBe('timeout');
    expect(err.reason).toBe('the LLM was still writing its answer after 0.2 s (LLM_TIMEOUT_MS)');
  });

  it('rejects with "aborted" when the caller cancels mid-stream', async () => {
    fake.script(reply.stall('Het '));
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 5000 }), capturingLogger().logger);
    const controller = new AbortController();
    const gen = client.stream(messages, { signal: controller.signal });
    expect((await gen.next()).value).toBe('Het ');
    controller.abort();
    expect((await failure(gen.next())).kind).toBe('aborted');
  });
});

describe('createChatClient › failures', () => {
  it('says the key was rejected on 401, without the key even when the server echoes it', async () => {
    fake.script(reply.error(401, { error: { message: 'Incorrect API key provided: sk-test-SECRET-123', type: 'invalid_request_error', code: 'invalid_api_key' } }));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('auth');
    expect(err.reason).toMatch(/rejected the API key/);
    expect(err.message).not.toContain('sk-test-SECRET-123');
    expect(err.stack ?? '').not.toContain('sk-test-SECRET-123');
  });

  it('says the key was rejected on 403', async () => {
    fake.script(reply.error(403));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    expect((await failure(drain(client))).reason).toMatch(/rejected the API key \(HTTP 403\)/);
  });

  it('names the unknown model on 404', async () => {
    fake.script(reply.error(404, { error: { message: 'The model `fake-model` does not exist', code: 'model_not_found' } }));
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('model');
    expect(err.reason).toContain('"fake-model"');
  });

  it('reports a 429 after the client retried it', async () => {
    fake.otherwise(reply.error(429, undefined, { 'retry-after-ms': '10' }));
    const client = createChatClient(testLlmConfig(fake.url, { maxRetries: 1 }), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('rate-limit');
    expect(err.reason).toBe('the LLM endpoint is rate limiting requests (HTTP 429 after 1 retry)');
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('reports a 5xx after the client retried it', async () => {
    fake.otherwise(reply.error(503, undefined, { 'retry-after-ms': '10' }));
    const client = createChatClient(testLlmConfig(fake.url, { maxRetries: 1 }), capturingLogger().logger);
    const err = await failure(drain(client));
    expect(err.kind).toBe('server');
    expect(err.reason).toBe('the LLM endpoint failed (HTTP 503 after 1 retry)');
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('times out when the endpoint answers later than the timeout', async () => {
    fake.script(reply.delayed(1000));
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 200 }), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('timeout');
    expect(err.reason).toBe('the LLM sent no reply within 0.2 s (LLM_TIMEOUT_MS)');
  });

  it('reports a network error when nothing listens at the base URL', async () => {
    const url = fake.url;
    await fake.close();
    fake = await startFakeOpenAi();
    const client = createChatClient(testLlmConfig(url), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('network');
    expect(err.reason).toMatch(/could not reach the LLM endpoint \(connection refused\)/);
  });
});

describe('createChatClient › one deadline for the whole call', () => {
  // Each of these ran for minutes before: only openai's wait for the headers was timed, per attempt.
  it('ends a JSON reply that drips one byte at a time at the deadline', async () => {
    fake.script(reply.drip('{"language":"en","queries":{}}', 400));
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 1000 }), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('timeout');
    expect(err.reason).toBe('the LLM began a reply but did not finish it within 1 s (LLM_TIMEOUT_MS)');
  });

  it('ends a stream that keeps dripping chunks at the deadline, after the text it sent', async () => {
    fake.script(reply.text('Het leger vertrok in augustus uit Mali en keerde niet terug.', { chunkDelayMs: 300 }));
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 1000 }), capturingLogger().logger);
    const gen = client.stream(messages);
    const seen: string[] = [];
    const err = await failure((async () => {
      for (;;) {
        const next = await gen.next();
        if (next.done) return;
        seen.push(next.value);
      }
    })());
    expect(seen.length).toBeGreaterThan(0);
    expect(err.reason).toBe('the LLM was still writing its answer after 1 s (LLM_TIMEOUT_MS)');
  });

  it('ends headers followed by silence at the deadline', async () => {
    fake.script(reply.silent(), reply.silent());
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 800 }), capturingLogger().logger);
    expect((await failure(client.completeJson(messages))).reason).toBe('the LLM began a reply but did not finish it within 0.8 s (LLM_TIMEOUT_MS)');
    expect((await failure(drain(client))).reason).toBe('the LLM began a reply but did not finish it within 0.8 s (LLM_TIMEOUT_MS)');
  });

  it('keeps retries inside the deadline and counts the attempts it made', async () => {
    fake.script(reply.error(503, undefined, { 'retry-after-ms': '10' }), reply.error(503, undefined, { 'retry-after-ms': '10' }));
    fake.otherwise(reply.hang());
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 1500, maxRetries: 5 }), capturingLogger().logger);
    const err = await failure(client.completeJson(messages));
    expect(err.kind).toBe('timeout');
    expect(err.reason).toBe(`the LLM sent no reply within 1.5 s (LLM_TIMEOUT_MS; ${fake.chatRequests().length} attempts)`);
    expect(fake.chatRequests()).toHaveLength(3);
  });

  it('says the LLM was busy when the deadline passes while the call waits for a slot (LLM_MAX_CONCURRENCY)', async () => {
    fake.otherwise(reply.hang());
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 800, maxConcurrency: 1 }), capturingLogger().logger);
    const first = failure(client.completeJson(messages, { deadline: deadlineIn(3000) }));
    const err = await failure(client.completeJson(messages));
    expect(err.reason).toBe('the LLM was busy with other questions (LLM_MAX_CONCURRENCY) for all of 0.8 s (LLM_TIMEOUT_MS)');
    expect((await first).reason).toBe('the LLM sent no reply within 3 s (LLM_TIMEOUT_MS)');
  });

  it('gives two calls one deadline when the caller passes it', async () => {
    fake.script(reply.json({ ok: 1 }), reply.hang());
    const client = createChatClient(testLlmConfig(fake.url, { timeoutMs: 60_000 }), capturingLogger().logger);
    const deadline = deadlineIn(1000);
    await client.completeJson(messages, { deadline });
    const err = await failure(drain(client, { deadline }));
    expect(err.reason).toBe('the LLM sent no reply within 1 s (LLM_TIMEOUT_MS)');
  });
});

describe('createChatClient › what reasoning models send', () => {
  const json = JSON.stringify({ language: 'nl', queries: { nl: 'terugtrekking Mali' } });

  it('keeps reasoning_content (DeepSeek, vLLM) and <think> out of a JSON completion, logging it at debug level', async () => {
    const captured = capturingLogger();
    const client = createChatClient(testLlmConfig(fake.url), captured.logger);
    fake.script(model.deepseekReasoner(json, 'Let me write {"language": "xx"} first.'), model.qwen3(json, 'Hmm {"a": 1}'));
    for (let i = 0; i < 2; i++) {
      const result = await client.completeJson(messages);
      expect(result.value).toEqual({ language: 'nl', queries: { nl: 'terugtrekking Mali' } });
      expect(result.text).toBe(json);
    }
    const debug = captured.lines.filter((l) => l.includes('"level":20') && l.includes('the model reasoned'));
    expect(debug).toHaveLength(2);
  });

  it('streams only the content of a reply that sends reasoning in its own field, and returns the finish reason', async () => {
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    fake.script(model.ollamaThinking('Bamako [1].', 'thinking about Bamako'), model.cutOff('Bamako is the cap'));
    const first = await drain(client);
    expect(first.deltas.join('')).toBe('Bamako [1].');
    expect(first.end).toMatchObject({ finishReason: 'stop', reasoningChars: 'thinking about Bamako'.length });
    expect((await drain(client)).end.finishReason).toBe('length');
  });

  it('sends max_tokens within LLM_CONTEXT_TOKENS, and refuses to send a prompt that leaves no room', async () => {
    const client = createChatClient(testLlmConfig(fake.url, { contextTokens: 1024 }), capturingLogger().logger);
    fake.script(reply.text('Ja.'));
    await drain(client);
    const body = fake.chatRequests()[0]!.body!;
    expect(client.countTokens(messages) + Number(body.max_tokens)).toBe(1024);
    const huge = [{ role: 'user', content: 'Mali '.repeat(2000) }] as const;
    const err = await failure(client.completeJson(huge));
    expect(err.reason).toMatch(/does not fit LLM_CONTEXT_TOKENS=1024/);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('switches to max_completion_tokens once when the endpoint rejects max_tokens (OpenAI o-series)', async () => {
    const client = createChatClient(testLlmConfig(fake.url), capturingLogger().logger);
    fake.otherwise((r) =>
      r.body?.max_tokens !== undefined
        ? reply.error(400, { error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", type: 'invalid_request_error' } })
        : reply.text('{"ok": true}'),
    );
    expect((await client.completeJson(messages)).value).toEqual({ ok: true });
    expect((await client.completeJson(messages)).value).toEqual({ ok: true });
    expect(fake.chatRequests().map((r) => (r.body?.max_tokens !== undefined ? 'max_tokens' : r.body?.max_completion_tokens !== undefined ? 'max_completion_tokens' : 'none'))).toEqual([
      'max_tokens',
      'max_completion_tokens',
      'max_completion_tokens',
    ]);
  });
});
