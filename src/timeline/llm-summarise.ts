import { z } from 'zod';
import { buildSummariseMessages, type Prompts } from '../answer/prompts.js';
import type { ChatClient } from '../llm/types.js';
import type { Summarise } from './summaries.js';

const Reply = z.object({ summaries: z.record(z.string(), z.string()) });

/** Reply tokens kept per event (a line of at most 20 words, as JSON), and for the JSON around them. */
const REPLY_TOKENS_PER_EVENT = 64;
const REPLY_TOKENS = 32;

/**
 * The LLM summariser for timeline events: one JSON call per batch, or per part of it when the batch
 * and its reply would not fit LLM_CONTEXT_TOKENS. Junk JSON throws, so summariseEvents keeps the
 * events' own sentences and reports why.
 */
export function createLlmSummariser(client: ChatClient, prompts: Prompts): Summarise {
  const summarise: Summarise = async (batch, lang) => {
    const messages = buildSummariseMessages(prompts, { events: batch, lang });
    const room = REPLY_TOKENS + batch.length * REPLY_TOKENS_PER_EVENT;
    if (batch.length > 1 && client.countTokens(messages) + room > client.contextTokens) {
      const half = Math.ceil(batch.length / 2);
      return { ...(await summarise(batch.slice(0, half), lang)), ...(await summarise(batch.slice(half), lang)) };
    }
    const { value } = await client.completeJson(messages, { maxTokens: room });
    const parsed = Reply.safeParse(value);
    if (!parsed.success) throw new Error('the LLM returned summaries in an unexpected shape');
    return parsed.data.summaries;
  };
  return summarise;
}
