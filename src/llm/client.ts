import OpenAI, { BadRequestError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LlmConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { LlmError, MalformedStreamError, StreamIdleTimeoutError, toLlmError, type FailureContext } from './errors.js';
import { extractJsonObject } from './json.js';
import { createLimiter } from './limiter.js';
import type { CallOptions, ChatClient, ChatMessage, JsonCompletion, Usage } from './types.js';

export type { ChatClient, ChatMessage, JsonCompletion, Usage } from './types.js';

/**
 * Creates the chat client: the only place Griot talks to the `openai` package. It owns the
 * endpoint's options (base URL, key, timeout, retries), a FIFO cap on concurrent calls, and the
 * tolerance for endpoints that lack JSON mode or stream usage. Failures become LlmError.
 */
export function createChatClient(config: LlmConfig, logger: Logger): ChatClient {
  const log = logger.child({ component: 'llm' });
  const openai = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? null,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    // The package's own retry and parse notices go to our logger at debug level (never to the console).
    logLevel: 'info',
    logger: {
      error: (msg, ...rest) => log.debug({ detail: rest.map(String) }, msg),
      warn: (msg, ...rest) => log.debug({ detail: rest.map(String) }, msg),
      info: (msg) => log.debug(msg),
      debug: (msg) => log.debug(msg),
    },
  });
  const limiter = createLimiter(config.maxConcurrency);
  const ctx: FailureContext = {
    timeoutMs: config.timeoutMs,
    model: config.model,
    maxRetries: config.maxRetries,
    secrets: [config.apiKey],
  };
  // Learned once per process: endpoints that reject these options with a 400 are not asked again.
  let jsonMode = true;
  let streamUsage = true;

  const toParams = (messages: readonly ChatMessage[]): ChatCompletionMessageParam[] =>
    messages.map((m) => ({ role: m.role, content: m.content }));

  async function completeJson(messages: readonly ChatMessage[], options: CallOptions = {}): Promise<JsonCompletion> {
    let release: (() => void) | undefined;
    try {
      release = await limiter.acquire(options.signal);
      const call = (json: boolean) =>
        openai.chat.completions.create(
          { model: config.model, messages: toParams(messages), ...(json ? { response_format: { type: 'json_object' as const } } : {}) },
          { signal: options.signal },
        );
      let completion;
      try {
        completion = await call(jsonMode);
      } catch (err) {
        if (!(jsonMode && err instanceof BadRequestError)) throw err;
        log.info('the LLM endpoint rejected JSON mode; asking for JSON in the prompt only');
        completion = await call(false);
        jsonMode = false;
      }
      const text = completion.choices?.[0]?.message?.content ?? '';
      return { text, value: extractJsonObject(text), usage: usageOf(completion.usage) };
    } catch (err) {
      if (options.signal?.aborted) throw new LlmError('aborted', 'the request was cancelled');
      throw toLlmError(err, ctx);
    } finally {
      release?.();
    }
  }

  async function* stream(messages: readonly ChatMessage[], options: CallOptions = {}): AsyncGenerator<string, Usage, undefined> {
    let release: (() => void) | undefined;
    // openai's timeout covers the wait for the response headers; this one covers silence between chunks.
    const idle = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(new StreamIdleTimeoutError()), config.timeoutMs);
    };
    const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
    try {
      release = await limiter.acquire(options.signal);
      const open = (withUsage: boolean) =>
        openai.chat.completions.create(
          {
            model: config.model,
            messages: toParams(messages),
            stream: true,
            ...(withUsage ? { stream_options: { include_usage: true } } : {}),
          },
          { signal },
        );
      let chunks;
      try {
        chunks = await open(streamUsage);
      } catch (err) {
        if (!(streamUsage && err instanceof BadRequestError)) throw err;
        log.info('the LLM endpoint rejected stream_options; streaming without usage');
        chunks = await open(false);
        streamUsage = false;
      }
      arm();
      let usage: Usage = {};
      for await (const chunk of chunks as AsyncIterable<unknown>) {
        arm();
        if (!isChunk(chunk)) throw new MalformedStreamError('a stream event that is not a chat completion chunk');
        const delta = chunk.choices[0]?.delta?.content;
        if (typeof delta === 'string' && delta !== '') yield delta;
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
      // openai ends the iteration quietly on abort: tell a timeout and a cancellation apart here.
      if (options.signal?.aborted) throw new LlmError('aborted', 'the request was cancelled');
      if (idle.signal.aborted) throw new StreamIdleTimeoutError();
      return usage;
    } catch (err) {
      if (options.signal?.aborted) throw new LlmError('aborted', 'the request was cancelled');
      if (idle.signal.aborted) throw toLlmError(new StreamIdleTimeoutError(), ctx);
      throw toLlmError(err, ctx);
    } finally {
      clearTimeout(timer);
      release?.();
    }
  }

  return { model: config.model, completeJson, stream };
}

function isChunk(value: unknown): value is ChatCompletionChunk {
  return typeof value === 'object' && value !== null && Array.isArray((value as { choices?: unknown }).choices);
}

function usageOf(usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined): Usage {
  if (!usage) return {};
  return {
    ...(typeof usage.prompt_tokens === 'number' ? { promptTokens: usage.prompt_tokens } : {}),
    ...(typeof usage.completion_tokens === 'number' ? { completionTokens: usage.completion_tokens } : {}),
  };
}
