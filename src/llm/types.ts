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
}

/** A JSON completion: the reply's text and the JSON object found in it (undefined: none). */
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
  /** One completion whose reply should be a JSON object (JSON mode where the endpoint supports it). */
  completeJson(messages: readonly ChatMessage[], options?: CallOptions): Promise<JsonCompletion>;
  /** A streamed completion: yields text deltas as they arrive; returns the usage when the stream ends. */
  stream(messages: readonly ChatMessage[], options?: CallOptions): AsyncGenerator<string, Usage, undefined>;
}
