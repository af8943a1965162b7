import type { Answer, AskOptions, Citation, Lang, SearchHit, SearchOptions } from '../types.js';

/** The part of an answer that answerers produce; the engine adds id, question and timings. */
export interface AnswerBody {
  readonly lang: Lang;
  readonly refused: boolean;
  readonly text: string;
  readonly citations: readonly Citation[];
  /** Extractive answers: the confidence behind the answer or refusal, 0..1. */
  readonly confidence?: number;
  /** Extractive answers: the named signals the confidence was fitted on (src/answer/evidence.ts). */
  readonly evidence?: Readonly<Record<string, number>>;
}

/** Retrieval as the answerers see it: the engine binds it to the index that is serving now. */
export interface Retriever {
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Languages present in the index (e.g. ['nl', 'fr']): query rewriting targets these. */
  languages(): readonly Lang[];
  /** The extractive answer over given hits, weighted by this index's term statistics (the LLM fallback). */
  answerExtractively?(question: string, hits: readonly SearchHit[], lang: Lang): AnswerBody;
}

/** Input of the LLM answerer (src/answer/llm-answer.ts). */
export interface LlmAnswerInput extends AskOptions {
  readonly question: string;
  /** Detected language of the question. */
  readonly lang: Lang;
  readonly retriever: Retriever;
  /** The clock, passed in so prompts are deterministic under test. */
  readonly now: Date;
}

/** What the LLM answerer returns: a body plus how it was made. */
export type LlmAnswerResult = AnswerBody & Pick<Answer, 'mode' | 'llm' | 'fallbackReason' | 'remarks'> & { readonly retrievalMs: number };
