import { LlmError, type LlmFailureKind } from '../llm/errors.js';
import type { ChatClient, Usage } from '../llm/types.js';
import type { Logger } from '../logger.js';
import { LANGS, type Lang, type LlmInfo, type SearchHit } from '../types.js';
import { checkCitations } from './citations.js';
import { extractiveAnswer } from './extractive.js';
import { fuseRankings } from './fusion.js';
import { buildAnswerMessages, type Prompts } from './prompts.js';
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
        { question, languages, now: input.now, ...(input.history ? { history: input.history } : {}), ...(signal ? { signal } : {}) },
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
  const fallback = (reason: string, err?: unknown): LlmAnswerResult => {
    log.warn({ err, reason }, 'the answer falls back to extractive');
    const extractive = deps.extractive ?? retriever.answerExtractively?.bind(retriever) ?? extractiveAnswer;
    const body = extractive(question, fused, lang);
    return { ...body, mode: 'extractive', fallbackReason: `${capitalise(reason)}. This answer is extractive.`, llm: info(), retrievalMs };
  };
  const refusal = (): LlmAnswerResult => ({ lang, refused: true, text: refusalSentence(lang), citations: [], mode: 'llm', llm: info(), retrievalMs });

  if (fatal) return fallback(fatal.reason, fatal);
  if (fused.length === 0) return refusal();

  // 3. Composition, streamed.
  const sources = fused.slice(0, deps.topK ?? 6);
  const messages = buildAnswerMessages(deps.prompts, {
    question,
    sources,
    lang,
    now: input.now,
    ...(input.history ? { history: input.history } : {}),
  });
  let text = '';
  const t1 = performance.now();
  try {
    const stream = deps.client.stream(messages, signal ? { signal } : {});
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        addUsage(next.value);
        break;
      }
      text += next.value;
      notify(input.onText, text, log);
    }
  } catch (err) {
    modelMs += performance.now() - t1;
    signal?.throwIfAborted();
    return fallback(err instanceof LlmError ? err.reason : 'the LLM call failed unexpectedly', err);
  }
  modelMs += performance.now() - t1;

  // 4. Citation check.
  const checked = checkCitations(text, sources);
  // Exactly the refusal (models like to cite it too), or a refusal padded with uncited words.
  if (isRefusal(text) || (mentionsRefusal(text) && checked.citations.length === 0)) return refusal();
  if (text.trim() === '') return fallback('the LLM returned an empty answer');
  if (checked.citations.length === 0) return fallback('the LLM answer cited none of its sources');
  return { lang, refused: false, text: checked.text, citations: checked.citations, mode: 'llm', llm: info(), retrievalMs };
}

/** True when a text is the refusal sentence (in any language), give or take case, punctuation and [n] markers. */
export function isRefusal(text: string): boolean {
  const t = normalise(text);
  return LANGS.some((l) => t === normalise(refusalSentence(l)));
}

/** True when a text contains the refusal sentence (in any language). */
function mentionsRefusal(text: string): boolean {
  const t = normalise(text);
  return LANGS.some((l) => t.includes(normalise(refusalSentence(l))));
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
