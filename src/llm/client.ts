import { AsyncLocalStorage } from 'node:async_hooks';
import OpenAI, { BadRequestError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LlmConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { DeadlineError, LlmError, MalformedStreamError, toLlmError, type FailureContext, type TimeoutPhase } from './errors.js';
import { extractJsonObject } from './json.js';
import { createLimiter } from './limiter.js';
import { stripReasoning } from './reasoning.js';
import { tokenCounterFor } from './tokens.js';
import { deadlineIn, type CallOptions, type ChatClient, type ChatMessage, type FinishReason, type JsonCompletion, type StreamEnd, type Usage } from './types.js';

export type { ChatClient, ChatMessage, JsonCompletion, StreamEnd, Usage } from './types.js';

/** An answer is never given more room than this, however large the budget. */
export const MAX_ANSWER_TOKENS = 4_096;
/** A request that leaves less room than this for the answer is not sent. */
export const MIN_ANSWER_TOKENS = 64;

/** What one call's HTTP requests have done so far (read when its deadline passes). */
interface Progress {
  attempts: number;
  /** The latest request's response headers arrived. */
  replied: boolean;
  /** Answer text arrived (streams). */
  wrote: boolean;
  /** Waiting for a slot under LLM_MAX_CONCURRENCY. */
  queued: boolean;
}

/** The Progress of the call running in this async context: the fetch wrapper counts into it. */
const progressOf = new AsyncLocalStorage<Progress>();

/** Extra time given to openai's own per-request timer, so that the call's deadline always fires first. */
const GRACE_MS = 1_000;

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
    timeout: config.timeoutMs + GRACE_MS,
    maxRetries: config.maxRetries,
    // Counts the attempts (openai retries inside one call) and whether the latest one was answered.
    fetch: async (url: string | URL | Request, init?: RequestInit) => {
      const progress = progressOf.getStore();
      if (progress) {
        progress.attempts++;
        progress.replied = false;
      }
      const response = await fetch(url, init);
      if (progress) progress.replied = true;
      return response;
    },
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
  // OpenAI's o-series reject max_tokens and want max_completion_tokens; most other servers know only max_tokens.
  let tokenParam: 'max_tokens' | 'max_completion_tokens' = 'max_tokens';
  const counter = tokenCounterFor(config.model);

  const toParams = (messages: readonly ChatMessage[]): ChatCompletionMessageParam[] =>
    messages.map((m) => ({ role: m.role, content: m.content }));

  /** The answer's room under the budget; throws (before anything is sent) when the prompt leaves too little. */
  const answerRoom = (messages: readonly ChatMessage[], options: CallOptions): number => {
    const prompt = counter.messages(messages);
    const left = config.contextTokens - prompt;
    if (left < MIN_ANSWER_TOKENS) {
      throw new LlmError('bad-request', `the prompt (about ${prompt} tokens) does not fit LLM_CONTEXT_TOKENS=${config.contextTokens} with room for an answer`, {
        hint: "raise LLM_CONTEXT_TOKENS, and the server's context window with it (Ollama: num_ctx)",
      });
    }
    return Math.min(left, options.maxTokens ?? MAX_ANSWER_TOKENS);
  };
  const limit = (room: number) => ({ [tokenParam]: room });

  /**
   * The call's clock: a signal that aborts at the deadline (and with the caller's signal), the
   * openai timeout left, and a race that ends any step at the deadline even while openai sleeps
   * between retries or a server drips its body.
   */
  const startCall = (options: CallOptions) => {
    const { at: deadline, allowedMs } = options.deadline ?? deadlineIn(config.timeoutMs);
    const progress: Progress = { attempts: 0, replied: false, wrote: false, queued: false };
    const expiry = new AbortController();
    const phase = (): TimeoutPhase => (progress.queued ? 'queued' : progress.wrote ? 'writing' : progress.replied ? 'unfinished' : 'no-reply');
    const expire = () => expiry.abort(new DeadlineError({ phase: phase(), allowedMs, attempts: progress.attempts }));
    const timer = setTimeout(expire, Math.max(0, deadline - Date.now()));
    // Aborted when the call ends, so a reply left behind (a stream the caller stopped reading) is closed.
    const done = new AbortController();
    const signal = AbortSignal.any([...(options.signal ? [options.signal] : []), expiry.signal, done.signal]);
    const race = <T>(step: Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        step.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    return {
      progress,
      signal,
      race,
      /** openai's own per-request timer: past the deadline, so it never retries a timeout itself. */
      timeout: () => Math.max(1, deadline - Date.now()) + GRACE_MS,
      run: <T>(f: () => Promise<T>) => progressOf.run(progress, f),
      /** Waits for a slot under LLM_MAX_CONCURRENCY, within the deadline. */
      acquire: async () => {
        progress.queued = true;
        try {
          return await race(limiter.acquire(signal));
        } finally {
          progress.queued = false;
        }
      },
      /** The error to throw for what was caught: the caller's cancellation, the deadline, or the failure itself. */
      failure: (err: unknown): LlmError => {
        if (options.signal?.aborted) return new LlmError('aborted', 'the request was cancelled');
        if (expiry.signal.aborted) return toLlmError(expiry.signal.reason, ctx);
        return toLlmError(err, ctx);
      },
      end: () => {
        clearTimeout(timer);
        done.abort();
      },
    };
  };
  /** On a 400 that names max_tokens, switch to max_completion_tokens (once per process); true when it did. */
  const switchTokenParam = (err: unknown): boolean => {
    if (tokenParam === 'max_tokens' && err instanceof BadRequestError && /max_tokens/.test(err.message)) {
      log.info('the LLM endpoint rejected max_tokens; sending max_completion_tokens');
      tokenParam = 'max_completion_tokens';
      return true;
    }
    return false;
  };

  async function completeJson(messages: readonly ChatMessage[], options: CallOptions = {}): Promise<JsonCompletion> {
    let release: (() => void) | undefined;
    const clock = startCall(options);
    try {
      const room = answerRoom(messages, options);
      release = await clock.acquire();
      const call = (json: boolean) =>
        clock.run(() =>
          openai.chat.completions.create(
            {
              model: config.model,
              messages: toParams(messages),
              ...limit(room),
              ...(json ? { response_format: { type: 'json_object' as const } } : {}),
            },
            { signal: clock.signal, timeout: clock.timeout() },
          ),
        );
      let completion;
      for (;;) {
        try {
          completion = await clock.race(call(jsonMode));
          break;
        } catch (err) {
          if (switchTokenParam(err)) continue;
          if (!(jsonMode && err instanceof BadRequestError)) throw err;
          log.info('the LLM endpoint rejected JSON mode; asking for JSON in the prompt only');
          jsonMode = false;
        }
      }
      const message = completion.choices?.[0]?.message as { content?: string | null } | undefined;
      const separate = reasoningOf(message);
      const { answer: text, reasoning } = stripReasoning(message?.content ?? '');
      if (separate || reasoning) log.debug({ reasoning: separate + reasoning }, 'the model reasoned (not shown)');
      return { text, value: extractJsonObject(text), usage: usageOf(completion.usage) };
    } catch (err) {
      throw clock.failure(err);
    } finally {
      clock.end();
      release?.();
    }
  }

  async function* stream(messages: readonly ChatMessage[], options: CallOptions = {}): AsyncGenerator<string, StreamEnd, undefined> {
    let release: (() => void) | undefined;
    const clock = startCall(options);
    try {
      const room = answerRoom(messages, options);
      release = await clock.acquire();
      const open = (withUsage: boolean) =>
        clock.run(() =>
          openai.chat.completions.create(
            {
              model: config.model,
              messages: toParams(messages),
              stream: true,
              ...limit(room),
              ...(withUsage ? { stream_options: { include_usage: true } } : {}),
            },
            { signal: clock.signal, timeout: clock.timeout() },
          ),
        );
      let chunks;
      for (;;) {
        try {
          chunks = await clock.race(open(streamUsage));
          break;
        } catch (err) {
          if (switchTokenParam(err)) continue;
          if (!(streamUsage && err instanceof BadRequestError)) throw err;
          log.info('the LLM endpoint rejected stream_options; streaming without usage');
          streamUsage = false;
        }
      }
      let usage: Usage = {};
      let finishReason: FinishReason;
      let reasoning = '';
      const events = (chunks as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      for (;;) {
        // Raced: a stream that drips or goes silent ends at the deadline, not when the socket gives up.
        const next = await clock.race(events.next());
        if (next.done) break;
        const chunk = next.value;
        if (!isChunk(chunk)) throw new MalformedStreamError('a stream event that is not a chat completion chunk');
        const choice = chunk.choices[0];
        // DeepSeek and vLLM send reasoning_content, OpenRouter and Ollama reasoning: never part of the answer.
        const thought = reasoningOf(choice?.delta);
        reasoning += thought;
        const delta = choice?.delta?.content;
        if (thought || (typeof delta === 'string' && delta !== '')) clock.progress.wrote = true;
        if (typeof delta === 'string' && delta !== '') yield delta;
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
      // openai ends the iteration quietly on abort: tell a deadline and a cancellation apart here.
      if (clock.signal.aborted) throw clock.signal.reason;
      if (reasoning) log.debug({ reasoning }, 'the model reasoned (not shown)');
      return { usage, finishReason, reasoningChars: reasoning.length };
    } catch (err) {
      throw clock.failure(err);
    } finally {
      clock.end();
      release?.();
    }
  }

  return {
    model: config.model,
    timeoutMs: config.timeoutMs,
    contextTokens: config.contextTokens,
    countTokens: (messages) => counter.messages(messages),
    completeJson,
    stream,
  };
}

/** The reasoning text of a message or delta, from whichever field the endpoint uses. */
function reasoningOf(part: unknown): string {
  if (typeof part !== 'object' || part === null) return '';
  const { reasoning_content: a, reasoning: b } = part as { reasoning_content?: unknown; reasoning?: unknown };
  return (typeof a === 'string' ? a : '') + (typeof b === 'string' ? b : '');
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
