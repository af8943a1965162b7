/**
 * Fits the answer prompt into LLM_CONTEXT_TOKENS: system rules, question and room for the answer
 * always; then as much of the conversation and as many sources as fit. Over budget, the oldest
 * turns go first (the rewritten queries already carry what a follow-up refers to), then the last
 * sources, then the one source left is shortened at a sentence boundary. Pure given the counter.
 */
import { splitSentences } from '../corpus/sentences.js';
import type { ChatMessage } from '../llm/types.js';
import type { SearchHit } from '../types.js';
import { buildAnswerMessages, type AnswerPromptInput, type Prompts } from './prompts.js';

/** What the fitting needs of the chat client. */
export interface Budget {
  readonly contextTokens: number;
  countTokens(messages: readonly ChatMessage[]): number;
}

/** Tokens kept free for the answer: a quarter of the budget, from 256 to 2,048. */
export function answerReserve(contextTokens: number): number {
  return Math.max(256, Math.min(2048, Math.floor(contextTokens / 4)));
}

export type FittedPrompt =
  | {
      readonly ok: true;
      readonly messages: ChatMessage[];
      /** The sources the prompt numbers [1].. (the original hits, also when one was shortened in the prompt). */
      readonly sources: readonly SearchHit[];
      readonly promptTokens: number;
      /** What had to give way, for the logs. */
      readonly dropped: { readonly sources: number; readonly turns: number; readonly shortened: boolean };
    }
  | { readonly ok: false; readonly reason: string };

/** Builds the answer messages within the budget. */
export function fitAnswerPrompt(prompts: Prompts, input: AnswerPromptInput, budget: Budget): FittedPrompt {
  const limit = budget.contextTokens - answerReserve(budget.contextTokens);
  let history = [...(input.history ?? [])];
  let sources = [...input.sources];
  let shortenedTo: SearchHit | undefined;
  const build = () =>
    buildAnswerMessages(prompts, {
      ...input,
      history,
      sources: shortenedTo ? [shortenedTo, ...sources.slice(1)] : sources,
    });
  for (;;) {
    const messages = build();
    const tokens = budget.countTokens(messages);
    if (tokens <= limit) {
      return {
        ok: true,
        messages,
        sources,
        promptTokens: tokens,
        dropped: { sources: input.sources.length - sources.length, turns: (input.history?.length ?? 0) - history.length, shortened: shortenedTo !== undefined },
      };
    }
    if (history.length > 0) history = history.slice(1);
    else if (sources.length > 1) sources = sources.slice(0, -1);
    else {
      const first = sources[0];
      const shorter = first ? shorten(shortenedTo ?? first, tokens - limit, budget) : undefined;
      if (!shorter) {
        return {
          ok: false,
          reason: `LLM_CONTEXT_TOKENS=${budget.contextTokens} is too small for the question, the rules and one source with room for an answer`,
        };
      }
      shortenedTo = shorter;
    }
  }
}

/** The hit with its passage cut by enough sentences (or words) to lose about `excess` tokens; undefined when nothing is left. */
function shorten(hit: SearchHit, excess: number, budget: Budget): SearchHit | undefined {
  const text = hit.passage.text;
  const perChar = budget.countTokens([{ role: 'user', content: text }]) / Math.max(1, text.length);
  // Aim a little lower than needed so the loop ends in a step or two.
  const target = Math.floor(text.length - (excess * 1.2 + 8) / Math.max(perChar, 1e-3));
  if (target < 40) return undefined;
  const sentences = splitSentences(text);
  const kept = sentences.filter((s) => s.end <= target);
  const cut = kept.length > 0 ? text.slice(0, kept[kept.length - 1]!.end) : `${text.slice(0, target).replace(/\s+\S*$/, '')} …`;
  if (cut.length >= text.length) return undefined;
  return { ...hit, passage: { ...hit.passage, text: cut, end: hit.passage.start + cut.length } };
}
