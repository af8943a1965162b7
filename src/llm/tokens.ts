/**
 * Token counting for the context budget (LLM_CONTEXT_TOKENS). gpt-tokenizer's o200k_base encoding
 * (pure JavaScript, its tables inside the npm package: no download) is exact for OpenAI's current
 * models. Other models have other tokenizers; there the count is multiplied by a margin measured
 * against the Llama 2, Llama 3 and Mistral tokenizers on Dutch and French news (docs/llm.md), so the
 * estimate stays above the true count. Chat templates add tokens around each message; those are
 * counted generously too.
 */
import { countTokens as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatMessage } from './types.js';

/** Models whose tokenizer is o200k_base: gpt-4o, gpt-4.1, gpt-4.5, gpt-5, the o-series, gpt-oss. */
const O200K_MODELS = /^(?:openai\/)?(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o[1-9](?:-|$)|gpt-oss)/i;

/**
 * Worst ratio seen of another tokenizer's count to o200k_base's, per paragraph, rounded up:
 * Mistral 7B 1.57, Llama 2 1.45, Llama 3 1.35 (400 OrangeSum articles and the seeds).
 */
export const OTHER_TOKENIZER_MARGIN = 1.6;

/** Counts the tokens of what is sent. */
export interface TokenCounter {
  /** True when the count is the model's own tokenizer's (else an estimate from above). */
  readonly exact: boolean;
  /** Tokens of one text. */
  text(text: string): number;
  /** Tokens of a whole request's messages, with the chat template's tokens around each. */
  messages(messages: readonly ChatMessage[]): number;
}

/** The counter for a model name (as in OPENAI_MODEL). */
export function tokenCounterFor(model: string): TokenCounter {
  const exact = O200K_MODELS.test(model.trim());
  // OpenAI's format: 3 tokens per message plus 3 priming the reply. Other templates (Llama 3's
  // <|start_header_id|>role<|end_header_id|>…<|eot_id|>, ChatML, Mistral's [INST]) use up to ~8.
  const perMessage = exact ? 4 : 10;
  const perRequest = exact ? 3 : 16;
  const text = exact ? (t: string) => o200k(t) : (t: string) => Math.ceil(o200k(t) * OTHER_TOKENIZER_MARGIN);
  return {
    exact,
    text,
    messages: (messages) => messages.reduce((sum, m) => sum + perMessage + text(m.role) + text(m.content), perRequest),
  };
}
