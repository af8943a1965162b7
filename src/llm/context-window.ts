/**
 * The default of LLM_CONTEXT_TOKENS: the context window a request may fill, by model name. Known
 * hosted models get their documented window (capped: Griot never needs more); any other model
 * (Ollama, vLLM, llama.cpp, LM Studio…) gets 2,048, the smallest window local servers use by default
 * (Ollama served 2,048 tokens before 0.6 and 4,096 after, and silently drops the start of a longer
 * prompt — the system rules). Pure; no tokenizer loaded.
 */

/** Griot's prompts never need more than this, whatever the model could take. */
export const MAX_USEFUL_CONTEXT = 32_768;

/** Any model not listed below. */
export const LOCAL_DEFAULT_CONTEXT = 2_048;

const KNOWN: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:openai\/)?(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-4-turbo|gpt-5|o[1-9](?:-|$))/i, 128_000],
  [/^(?:openai\/)?gpt-3\.5-turbo/i, 16_385],
  [/^(?:openai\/)?gpt-4(?:-\d{4})?$/i, 8_192],
];

/** The context window assumed for `model` when LLM_CONTEXT_TOKENS is not set. */
export function defaultContextTokens(model: string): number {
  const known = KNOWN.find(([pattern]) => pattern.test(model.trim()));
  return Math.min(known ? known[1] : LOCAL_DEFAULT_CONTEXT, MAX_USEFUL_CONTEXT);
}
