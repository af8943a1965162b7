/**
 * Probes an LLM endpoint for `npm run doctor`: is it reachable, does it list the model, does it
 * answer a one-token completion (how fast, and does it send reasoning). One attempt each, no retries.
 */
import OpenAI from 'openai';
import type { LlmConfig } from '../config.js';
import { toLlmError, type LlmError } from './errors.js';
import { stripReasoning } from './reasoning.js';

/** What the endpoint did. A failed step leaves the later ones undefined. */
export interface LlmProbe {
  /** The model ids GET /models listed; null when the endpoint does not list models (404). */
  readonly models?: readonly string[] | null;
  /** Set when listing failed for another reason (unreachable, key rejected…): nothing else was tried. */
  readonly modelsError?: LlmError;
  readonly completion?: {
    readonly latencyMs: number;
    /** A reasoning field (reasoning_content / reasoning) or a `<think>`-style block in the content came back. */
    readonly reasoning: boolean;
  };
  readonly completionError?: LlmError;
}

/** The longest a doctor probe waits for one call (LLM_TIMEOUT_MS when shorter). */
const PROBE_TIMEOUT_MS = 20_000;

/** Runs the probe; never throws (failures are in the result, as LlmErrors with a hint). */
export async function probeLlm(config: LlmConfig): Promise<LlmProbe> {
  const timeoutMs = Math.min(config.timeoutMs, PROBE_TIMEOUT_MS);
  const openai = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL ?? null, timeout: timeoutMs, maxRetries: 0, logLevel: 'off' });
  const ctx = { timeoutMs, model: config.model, maxRetries: 0, secrets: [config.apiKey] };
  let models: string[] | null;
  try {
    const page = await openai.models.list();
    models = page.data.map((m) => m.id);
  } catch (err) {
    const e = toLlmError(err, ctx);
    // Some OpenAI-compatible servers have no /models: the completion still says whether the model works.
    if (e.status !== 404) return { modelsError: e };
    models = null;
  }
  const started = performance.now();
  try {
    const completion = await openai.chat.completions.create({
      model: config.model,
      messages: [{ role: 'user', content: 'Reply with the single word: ok' }],
      max_tokens: 1,
    });
    const latencyMs = Math.round(performance.now() - started);
    const message = (completion.choices?.[0]?.message ?? {}) as { content?: string | null; reasoning_content?: unknown; reasoning?: unknown };
    const reasoning =
      (typeof message.reasoning_content === 'string' && message.reasoning_content.length > 0) ||
      (typeof message.reasoning === 'string' && message.reasoning.length > 0) ||
      // A reasoning block written into the content (<think>…, even cut off after one token).
      stripReasoning(message.content ?? '').answer.trim() !== (message.content ?? '').trim();
    return { models, completion: { latencyMs, reasoning } };
  } catch (err) {
    return { models, completionError: toLlmError(err, ctx) };
  }
}
