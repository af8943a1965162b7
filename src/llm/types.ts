/** One chat message, as the prompt builders produce it and the chat client sends it. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Token counts, when the endpoint reports them. */
export interface Usage {
  readonly promptTokens?: number;
  readonly completionTokens?: number;
}

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call (and its place in the queue). */
  readonly signal?: AbortSignal;
  /**
   * Most tokens the answer may take (sent as max_tokens). Default: what the context budget leaves
   * after the prompt, at most 4,096. Never more than the budget leaves.
   */
  readonly maxTokens?: number;
  /**
   * When the call must be over, retries and the whole reply included. Default: LLM_TIMEOUT_MS from
   * the call's start. An answer gives all its calls one deadline.
   */
  readonly deadline?: Deadline;
}

/** A moment calls must be over by, and the allowance it was set from (what a timeout reports). */
export interface Deadline {
  /** Date.now() milliseconds. */
  readonly at: number;
  readonly allowedMs: number;
}

/** The deadline `allowedMs` from now. */
export function deadlineIn(allowedMs: number): Deadline {
  return { at: Date.now() + allowedMs, allowedMs };
}

/**
 * Why the model stopped: "stop" (done), "length" (cut by max_tokens or the context), or what else
 * the endpoint said; undefined when it said nothing.
 */
export type FinishReason = 'stop' | 'length' | (string & {}) | undefined;

/** How a streamed completion ended. */
export interface StreamEnd {
  readonly usage: Usage;
  readonly finishReason: FinishReason;
  /** Characters of reasoning the endpoint sent in reasoning_content / reasoning fields (dropped). */
  readonly reasoningChars: number;
}

/** A JSON completion: the reply's text (reasoning removed) and the JSON object found in it (undefined: none). */
export interface JsonCompletion {
  readonly text: string;
  readonly value: Record<string, unknown> | undefined;
  readonly usage: Usage;
}

/**
 * Chat completions over an OpenAI-compatible endpoint. Every method throws LlmError (src/llm/errors.ts)
 * on failure, with a user-facing reason and no secret in it.
 */
export interface ChatClient {
  /** The model every call uses. */
  readonly model: string;
  /** LLM_TIMEOUT_MS: the time one answer may spend with the LLM, every call and retry included. */
  readonly timeoutMs: number;
  /** LLM_CONTEXT_TOKENS: no request goes out whose prompt plus max_tokens is above it. */
  readonly contextTokens: number;
  /** Counts (or estimates from above) the prompt tokens of messages, as the budget check does. */
  countTokens(messages: readonly ChatMessage[]): number;
  /** One completion whose reply should be a JSON object (JSON mode where the endpoint supports it). */
  completeJson(messages: readonly ChatMessage[], options?: CallOptions): Promise<JsonCompletion>;
  /**
   * A streamed completion: yields the content deltas as they arrive (reasoning sent in separate
   * fields is dropped; `<think>` blocks inside the content are the caller's: src/llm/reasoning.ts);
   * returns usage and finish reason when the stream ends.
   */
  stream(messages: readonly ChatMessage[], options?: CallOptions): AsyncGenerator<string, StreamEnd, undefined>;
}
