import { LlmError, type LlmFailureKind } from '../llm/errors.js';
import { createReasoningFilter } from '../llm/reasoning.js';
import { deadlineIn, type ChatClient, type ChatMessage, type Usage } from '../llm/types.js';
import type { Logger } from '../logger.js';
import { type Lang, type LlmInfo, type LlmReview, type SearchHit } from '../types.js';
import { wrongLanguage } from './answer-language.js';
import { fitAnswerPrompt } from './context-budget.js';
import { fallbackReason, type FallbackWhy } from './fallback-reasons.js';
import { extractiveAnswer } from './extractive.js';
import { fuseRankings } from './fusion.js';
import { createAnswerPreview } from './preview.js';
import type { AnswerPromptInput, Prompts } from './prompts.js';
import { reviewAnswer, type Review, type ReviewStats } from './review.js';
import { refusalSentence } from './refusal.js';
import { rewriteQuery, type RewriteResult } from './rewrite.js';
import type { AnswerBody, LlmAnswerInput, LlmAnswerResult } from './types.js';

export interface LlmAnswerDeps {
  readonly client: ChatClient;
  readonly prompts: Prompts;
  readonly logger: Logger;
  /** Sources given to the model (default 6). */
  readonly topK?: number;
  /** Hits retrieved per query before fusion (default 20). */
  readonly perQuery?: number;
  /** The fallback answerer (default: extractiveAnswer without index term weights). */
  readonly extractive?: (question: string, hits: readonly SearchHit[], lang: Lang) => AnswerBody;
}

/** A rewrite failure of these kinds will fail the composition too: fall back at once instead of waiting twice. */
const FATAL: ReadonlySet<LlmFailureKind> = new Set(['timeout', 'auth', 'model', 'rate-limit', 'server', 'network']);

/**
 * Answers through the LLM: rewrite the question into per-language queries, retrieve each, fuse the
 * rankings, give the top passages to the model as numbered sources, stream its answer to
 * `input.onText`, then check its citations. Falls back to the extractive answer, with the reason,
 * when the model fails or cites nothing. Never throws, except when `input.signal` aborts.
 */
export async function answerWithLlm(input: LlmAnswerInput, deps: LlmAnswerDeps): Promise<LlmAnswerResult> {
  const log = deps.logger.child({ component: 'llm-answer' });
  const { question, lang, retriever, signal } = input;
  signal?.throwIfAborted();
  // One deadline for the whole answer: the rewrite, the composition, a language retry and every HTTP retry.
  const deadline = deadlineIn(deps.client.timeoutMs);
  const usage: { prompt?: number; completion?: number } = {};
  const addUsage = (u: Usage) => {
    if (u.promptTokens !== undefined) usage.prompt = (usage.prompt ?? 0) + u.promptTokens;
    if (u.completionTokens !== undefined) usage.completion = (usage.completion ?? 0) + u.completionTokens;
  };
  let modelMs = 0;

  // 1. Query rewriting: one query per corpus language, the original first.
  const languages = retriever.languages();
  let rewrite: RewriteResult = { queries: [question], usage: {}, ms: 0 };
  if (languages.length > 0) {
    rewrite = await abortable(signal, () =>
      rewriteQuery(
        { question, languages, now: input.now, deadline, ...(input.history ? { history: input.history } : {}), ...(signal ? { signal } : {}) },
        deps,
      ),
    );
  }
  signal?.throwIfAborted();
  modelMs += rewrite.ms;
  addUsage(rewrite.usage);
  const fatal = rewrite.error && FATAL.has(rewrite.error.kind) ? rewrite.error : undefined;
  if (rewrite.failure && !fatal) log.warn({ err: rewrite.error, reason: rewrite.failure }, 'searching with the original question only');

  // 2. Retrieval: every query, fused.
  const t0 = performance.now();
  const rankings = rewrite.queries.map((q) => retriever.search(q, { limit: deps.perQuery ?? 20 }));
  const fused = fuseRankings(rankings);
  const retrievalMs = performance.now() - t0;

  const info = (): LlmInfo => ({
    model: deps.client.model,
    queries: rewrite.queries,
    ms: Math.round(modelMs),
    ...(usage.prompt !== undefined ? { promptTokens: usage.prompt } : {}),
    ...(usage.completion !== undefined ? { completionTokens: usage.completion } : {}),
  });
  const fallback = (why: FallbackWhy): LlmAnswerResult => {
    const reason = fallbackReason(why, lang);
    log.warn({ ...(why.kind === 'llm-error' ? { err: why.error } : {}), reason }, 'the answer falls back to extractive');
    const extractive = deps.extractive ?? retriever.answerExtractively?.bind(retriever) ?? extractiveAnswer;
    const body = extractive(question, fused, lang);
    return { ...body, mode: 'extractive', fallbackReason: reason, llm: info(), retrievalMs };
  };
  const refusal = (): LlmAnswerResult => ({ lang, refused: true, text: refusalSentence(lang), citations: [], mode: 'llm', llm: info(), retrievalMs });

  if (fatal) return fallback({ kind: 'llm-error', error: fatal });
  if (fused.length === 0) return refusal();

  // 3. Composition, streamed, within the context budget.
  const fitted = fitAnswerPrompt(
    deps.prompts,
    { question, sources: fused.slice(0, deps.topK ?? 6), lang, now: input.now, ...(input.history ? { history: input.history } : {}) },
    deps.client,
  );
  if (!fitted.ok) return fallback({ kind: 'context-too-small', reason: fitted.reason, contextTokens: deps.client.contextTokens });
  const { sources } = fitted;
  const cut = fitted.dropped;
  if (cut.sources > 0 || cut.turns > 0 || cut.shortened) {
    log.info({ ...cut, promptTokens: fitted.promptTokens, contextTokens: deps.client.contextTokens }, 'the prompt was cut to fit LLM_CONTEXT_TOKENS');
  }
  let reasoningChars = 0;
  let languageRetry = false;
  let lastStats: ReviewStats | undefined;
  const reviewOf = (): LlmReview | undefined =>
    lastStats && {
      citations: lastStats.citations,
      validCitations: lastStats.validCitations,
      droppedClaims: lastStats.droppedClaims.length,
      truncated: lastStats.truncated,
      reasoningChars,
      languageRetry,
      ...(cut.sources > 0 || cut.turns > 0 || cut.shortened ? { contextCut: cut } : {}),
    };
  const withReview = (r: LlmAnswerResult): LlmAnswerResult => {
    const review = reviewOf();
    return review && r.llm ? { ...r, llm: { ...r.llm, review } } : r;
  };
  // The preview streams to the caller only on the first attempt: a retry's text would not extend it.
  let previewing = input.onText !== undefined;

  /** One composition: streamed through the reasoning filter and the preview, then reviewed. */
  const compose = async (wrong?: Lang): Promise<Review> => {
    const history = input.history?.slice(cut.turns);
    const messages = wrong
      ? retryMessages(deps, fitted.messages, { question, sources, lang, now: input.now, wrongLanguage: wrong, ...(history ? { history } : {}) })
      : fitted.messages;
    const filter = createReasoningFilter();
    const preview = createAnswerPreview(sources, question, lang);
    const t1 = performance.now();
    try {
      const stream = deps.client.stream(messages, { deadline, ...(signal ? { signal } : {}) });
      for (;;) {
        const next = await stream.next();
        if (next.done) {
          addUsage(next.value.usage);
          const thought = filter.reasoning();
          reasoningChars += next.value.reasoningChars + thought.length;
          if (thought) log.debug({ reasoning: thought }, 'the model reasoned in its answer (not shown)');
          const review = reviewAnswer({ text: filter.end(), sources, question, finishReason: next.value.finishReason });
          lastStats = review.stats;
          return review;
        }
        filter.push(next.value);
        if (previewing) {
          const shown = preview.update(filter.visible());
          if (shown !== undefined) notify(input.onText, shown, log);
        }
      }
    } finally {
      modelMs += performance.now() - t1;
    }
  };

  let review: Review;
  try {
    review = await compose();
    if (review.kind === 'answer') {
      const wrong = wrongLanguage(review.text, lang);
      if (wrong) {
        log.info({ expected: lang, got: wrong }, 'the LLM answered in another language; asking once more');
        languageRetry = true;
        previewing = false;
        review = await compose(wrong);
        const still = review.kind === 'answer' ? wrongLanguage(review.text, lang) : undefined;
        if (still) return withReview(fallback({ kind: 'wrong-language', got: still, expected: lang }));
      }
    }
  } catch (err) {
    signal?.throwIfAborted();
    return withReview(fallback({ kind: 'llm-error', error: err instanceof LlmError ? err : new LlmError('unknown', 'the LLM call failed unexpectedly') }));
  }

  // 4. What the review decided.
  if (review.kind === 'refusal') return withReview(refusal());
  if (review.kind === 'unusable') return withReview(fallback({ kind: 'unusable', reason: review.reason }));
  if (review.stats.droppedClaims.length > 0) log.info({ dropped: review.stats.droppedClaims }, 'claims not found in their sources were removed');
  return withReview({
    lang,
    refused: false,
    text: review.text,
    citations: review.citations,
    mode: 'llm',
    ...(review.remarks.length > 0 ? { remarks: review.remarks } : {}),
    llm: info(),
    retrievalMs,
  });
}

/**
 * The retry's messages, with the firmer language instruction, within the same budget (dropping more
 * from the end if need be, so source numbers stay those of the first prompt); the first messages
 * when even that does not fit.
 */
function retryMessages(deps: LlmAnswerDeps, first: ChatMessage[], prompt: AnswerPromptInput): ChatMessage[] {
  const again = fitAnswerPrompt(deps.prompts, prompt, deps.client);
  return again.ok ? again.messages : first;
}

/** Runs a step, turning an 'aborted' LlmError into the signal's own abort error. */
async function abortable<T>(signal: AbortSignal | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    signal?.throwIfAborted();
    throw err;
  }
}

/** Streams to the caller; a failing callback (a Discord edit, say) must not lose the answer. */
function notify(onText: ((partial: string) => void) | undefined, text: string, log: Logger): void {
  if (!onText) return;
  try {
    onText(text);
  } catch (err) {
    log.debug({ err }, 'onText failed');
  }
}
