import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible server over real HTTP on 127.0.0.1, for tests: POST /v1/chat/completions
 * (JSON or SSE streaming, as the request asks), GET /v1/models, scripted replies, a request log,
 * injectable errors, delays, stalls and malformed streams.
 */

/** A request the server received. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body (undefined when there was none or it did not parse). */
  readonly body: ChatRequestBody | undefined;
}

/** The parts of a chat-completion request the fake reads. */
export interface ChatRequestBody {
  readonly model?: string;
  readonly messages?: ReadonlyArray<{ role: string; content: string }>;
  readonly stream?: boolean;
  readonly stream_options?: { include_usage?: boolean };
  readonly response_format?: { type: string };
  readonly [key: string]: unknown;
}

/** What the server does with one chat-completion request. */
export type Reply =
  | {
      readonly type: 'text';
      readonly content: string;
      /** How a streamed reply is cut (default: word by word). Their concatenation should equal content. */
      readonly chunks?: readonly string[];
      readonly usage?: { readonly prompt_tokens: number; readonly completion_tokens: number };
      /** Wait before the response headers. */
      readonly delayMs?: number;
      /** Pause between streamed chunks, like a model writing (default none). */
      readonly chunkDelayMs?: number;
      /** Why the model stopped (default "stop"); "length" when max_tokens cut it. */
      readonly finishReason?: string;
      /**
       * Reasoning sent beside the content, as reasoning parsers do: `reasoning_content` (DeepSeek's
       * API, vLLM's reasoning parsers) or `reasoning` (OpenRouter, Ollama's OpenAI endpoint). Streamed
       * first, in its own deltas with `content: null`, as those servers do.
       */
      readonly reasoning?: { readonly field: 'reasoning_content' | 'reasoning'; readonly text: string };
    }
  | {
      readonly type: 'error';
      readonly status: number;
      /** Default: an OpenAI-style `{error: {message, type, code}}`. */
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
      readonly delayMs?: number;
    }
  /** An SSE response whose events are written as given (`data: <event>\n\n`), e.g. broken JSON. */
  | { readonly type: 'raw-sse'; readonly events: readonly string[]; readonly delayMs?: number }
  /** An SSE response that sends these content chunks, then nothing, never ending. */
  | { readonly type: 'stall'; readonly chunks: readonly string[] }
  /** A 200 JSON completion (non-streamed) written one byte every `intervalMs`. */
  | { readonly type: 'drip'; readonly content: string; readonly intervalMs: number }
  /** 200 and the response headers (JSON or SSE, as asked), then silence, never ending. */
  | { readonly type: 'silent' }
  /** Nothing at all: the request is read and never answered. */
  | { readonly type: 'hang' };

/** A reply, or a function of the request that returns one. */
export type Script = Reply | ((request: LoggedRequest) => Reply);

/** Reply constructors, so tests read well. */
export const reply = {
  text: (content: string, extra: Omit<Extract<Reply, { type: 'text' }>, 'type' | 'content'> = {}): Reply => ({ type: 'text', content, ...extra }),
  json: (value: unknown): Reply => ({ type: 'text', content: JSON.stringify(value) }),
  error: (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
    type: 'error',
    status,
    ...(body !== undefined ? { body } : {}),
    ...(headers ? { headers } : {}),
  }),
  delayed: (delayMs: number, content = 'late'): Reply => ({ type: 'text', content, delayMs }),
  rawSse: (...events: string[]): Reply => ({ type: 'raw-sse', events }),
  stall: (...chunks: string[]): Reply => ({ type: 'stall', chunks }),
  drip: (content: string, intervalMs: number): Reply => ({ type: 'drip', content, intervalMs }),
  silent: (): Reply => ({ type: 'silent' }),
  hang: (): Reply => ({ type: 'hang' }),
};

/**
 * The number a model would cite for the source whose text matches `text` in an answer request
 * (`<source id="n" …>…</source>` blocks of the last message); '99' (no such source) when none does.
 */
export function sourceNumber(request: LoggedRequest, text: string | RegExp): string {
  const prompt = request.body?.messages?.at(-1)?.content ?? '';
  const matches = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
  return [...prompt.matchAll(/<source id="(\d+)"[^>]*>([\s\S]*?)<\/source>/g)].find((m) => matches(m[2] ?? ''))?.[1] ?? '99';
}

/** Word-by-word chunks of a text, as the fake streams it by default. */
export function wordChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Replies shaped like what real models send through OpenAI-compatible servers, from their documented
 * output formats. Streaming cuts tags apart on purpose ("<thi" + "nk>"), as tokenisers do.
 */
export const model = {
  /**
   * Qwen3 / QwQ (thinking mode) and DeepSeek-R1 distills served raw (llama.cpp without
   * --reasoning-format, Ollama before think support, vLLM without a reasoning parser): the chain of
   * thought in the content, inside <think>…</think>, before the answer.
   */
  qwen3: (answer: string, thought: string, extra: Partial<Extract<Reply, { type: 'text' }>> = {}): Reply => {
    const content = `<think>\n${thought}\n</think>\n\n${answer}`;
    const chunks = ['<thi', 'nk>\n', ...wordChunks(thought), '\n</th', 'ink>', '\n\n', ...wordChunks(answer)];
    return { type: 'text', content, chunks, ...extra };
  },
  /**
   * DeepSeek-R1 behind a chat template that already opened <think> in the prompt (the model's own
   * template since 2025-01): the content starts inside the thought and only closes it.
   */
  r1OpenedByTemplate: (answer: string, thought: string): Reply => {
    const content = `${thought}\n</think>\n\n${answer}`;
    return { type: 'text', content, chunks: [...wordChunks(thought), '\n</', 'think>\n\n', ...wordChunks(answer)] };
  },
  /** A thinking model cut off by max_tokens while still thinking: <think> never closes. */
  unterminatedThought: (thought: string): Reply => ({
    type: 'text',
    content: `<think>\n${thought}`,
    chunks: ['<', 'think', '>\n', ...wordChunks(thought)],
    finishReason: 'length',
  }),
  /** DeepSeek's API (deepseek-reasoner) and vLLM with --reasoning-parser: `reasoning_content` beside the content. */
  deepseekReasoner: (answer: string, thought: string): Reply => ({
    type: 'text',
    content: answer,
    reasoning: { field: 'reasoning_content', text: thought },
  }),
  /** OpenRouter, and Ollama's /v1 endpoint for thinking models: a `reasoning` field beside the content. */
  ollamaThinking: (answer: string, thought: string): Reply => ({ type: 'text', content: answer, reasoning: { field: 'reasoning', text: thought } }),
  /** Any model stopped by max_tokens mid-sentence: finish_reason "length". */
  cutOff: (content: string): Reply => ({ type: 'text', content, finishReason: 'length' }),
};

export interface FakeOpenAi {
  /** Base URL to give the client, ending in /v1. */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: LoggedRequest[];
  /** Chat-completion requests only. */
  chatRequests(): LoggedRequest[];
  /** Queues replies, used one per chat-completion request in order. */
  script(...replies: Script[]): void;
  /** The reply when the queue is empty (default: a 500 saying nothing was scripted). */
  otherwise(script: Script): void;
  close(): Promise<void>;
}

/** Starts the fake on a random port of 127.0.0.1. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: LoggedRequest[] = [];
  const queue: Script[] = [];
  let fallback: Script = reply.error(500, { error: { message: 'the fake OpenAI server has no scripted reply', type: 'server_error' } });
  let created = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: ChatRequestBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as ChatRequestBody) : undefined;
    } catch {
      body = undefined;
    }
    const logged: LoggedRequest = { method: req.method ?? 'GET', path, headers: { ...req.headers }, body };
    requests.push(logged);

    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'fake' }] });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    }
    const next = queue.shift() ?? fallback;
    const r = typeof next === 'function' ? next(logged) : next;
    if ('delayMs' in r && r.delayMs) {
      await sleep(r.delayMs);
      if (res.destroyed || req.destroyed) return;
    }
    const model = body?.model ?? 'fake-model';
    const id = `chatcmpl-fake-${++created}`;
    switch (r.type) {
      case 'error':
        return sendJson(
          res,
          r.status,
          r.body ?? { error: { message: `fake error ${r.status}`, type: 'fake_error', code: null } },
          r.headers,
        );
      case 'raw-sse':
        startSse(res);
        for (const e of r.events) res.write(`data: ${e}\n\n`);
        res.end();
        return;
      case 'stall':
        startSse(res);
        for (const c of r.chunks) res.write(`data: ${JSON.stringify(chunk(id, model, { content: c }))}\n\n`);
        return; // never ends: the client's idle timeout must fire
      case 'hang':
        return;
      case 'silent':
        if (body?.stream) startSse(res);
        else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.flushHeaders();
        }
        return;
      case 'drip': {
        const text = JSON.stringify({
          id,
          object: 'chat.completion',
          created: 0,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: r.content }, finish_reason: 'stop' }],
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.flushHeaders();
        for (const byte of Buffer.from(text)) {
          await sleep(r.intervalMs);
          if (res.destroyed || res.socket?.destroyed) return;
          res.write(Buffer.from([byte]));
        }
        res.end();
        return;
      }
      case 'text': {
        const usage = r.usage ?? { prompt_tokens: 100, completion_tokens: 20 };
        const finish = r.finishReason ?? 'stop';
        if (!body?.stream) {
          const message = { role: 'assistant', content: r.content, ...(r.reasoning ? { [r.reasoning.field]: r.reasoning.text } : {}) };
          return sendJson(res, 200, {
            id,
            object: 'chat.completion',
            created: 0,
            model,
            choices: [{ index: 0, message, finish_reason: finish }],
            usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
          });
        }
        startSse(res);
        const parts = r.chunks ?? wordChunks(r.content);
        res.write(`data: ${JSON.stringify(chunk(id, model, { role: 'assistant', content: '' }))}\n\n`);
        if (r.reasoning) {
          for (const p of wordChunks(r.reasoning.text)) res.write(`data: ${JSON.stringify(chunk(id, model, { content: null, [r.reasoning.field]: p }))}\n\n`);
        }
        for (const p of parts) {
          if (r.chunkDelayMs) {
            await sleep(r.chunkDelayMs);
            // (req.destroyed is true once its body has been read: only the response tells a client that left.)
            if (res.destroyed || res.socket?.destroyed) return;
          }
          res.write(`data: ${JSON.stringify(chunk(id, model, { content: p }))}\n\n`);
        }
        res.write(`data: ${JSON.stringify(chunk(id, model, {}, finish))}\n\n`);
        if (body.stream_options?.include_usage) {
          const total = usage.prompt_tokens + usage.completion_tokens;
          res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { ...usage, total_tokens: total } })}\n\n`);
        }
        res.write('data: [DONE]\n\n');
        res.end();
        return;
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    script: (...replies) => void queue.push(...replies),
    otherwise: (s) => void (fallback = s),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function chunk(id: string, model: string, delta: Record<string, unknown>, finish: string | null = null) {
  return { id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] };
}

function startSse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
