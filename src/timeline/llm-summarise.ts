import { z } from 'zod';
import { buildSummariseMessages, type Prompts } from '../answer/prompts.js';
import type { ChatClient } from '../llm/types.js';
import type { Summarise } from './summaries.js';

const Reply = z.object({ summaries: z.record(z.string(), z.string()) });

/**
 * The LLM summariser for timeline events: one JSON call per batch. Junk JSON throws, so
 * summariseEvents keeps the events' own sentences and reports why.
 */
export function createLlmSummariser(client: ChatClient, prompts: Prompts): Summarise {
  return async (batch, lang) => {
    const { value } = await client.completeJson(buildSummariseMessages(prompts, { events: batch, lang }));
    const parsed = Reply.safeParse(value);
    if (!parsed.success) throw new Error('the LLM returned summaries in an unexpected shape');
    return parsed.data.summaries;
  };
}
