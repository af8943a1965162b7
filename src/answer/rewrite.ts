import { z } from 'zod';
import { LlmError } from '../llm/errors.js';
import type { ChatClient, Deadline, Usage } from '../llm/types.js';
import { LANGS, type Lang, type Turn } from '../types.js';
import { buildRewriteMessages, type Prompts } from './prompts.js';

/** The reply the rewrite prompt asks for. Extra keys are ignored; queries in other languages too. */
const RewriteReply = z.object({
  language: z.string().optional(),
  queries: z.record(z.string(), z.unknown()),
});

/** Longest query kept from the model: anything longer is not a search query. */
const MAX_QUERY_CHARS = 300;

export interface RewriteInput {
  readonly question: string;
  /** Corpus languages (from the index): one query is asked for in each. */
  readonly languages: readonly Lang[];
  readonly now: Date;
  readonly history?: readonly Turn[];
  readonly signal?: AbortSignal;
  /** When the call must be over (the answer's deadline). */
  readonly deadline?: Deadline;
}

export interface RewriteResult {
  /** The queries to run: the original question first, then the rewrites, without duplicates. */
  readonly queries: string[];
  /** The question's language as the model saw it, when it said so. */
  readonly language?: Lang;
  readonly usage: Usage;
  /** Set when the rewrite failed and only the original question is searched: why (for the log). */
  readonly failure?: string;
  /** The call's error, when the call itself failed (as opposed to a junk reply). */
  readonly error?: LlmError;
  /** Wall time of the model call. */
  readonly ms: number;
}

/**
 * Rewrites a question into one search query per corpus language with a single JSON call; with the
 * conversation so far, a follow-up becomes self-contained. A failed call or a reply that is not the
 * expected JSON leaves just the original question, with the reason. Throws only LlmError 'aborted'.
 */
export async function rewriteQuery(input: RewriteInput, deps: { client: ChatClient; prompts: Prompts }): Promise<RewriteResult> {
  const messages = buildRewriteMessages(deps.prompts, input);
  const started = performance.now();
  const only = (failure: string, usage: Usage = {}, error?: LlmError): RewriteResult => ({
    queries: [input.question],
    usage,
    failure,
    ...(error ? { error } : {}),
    ms: performance.now() - started,
  });
  let reply;
  try {
    reply = await deps.client.completeJson(messages, {
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    });
  } catch (err) {
    if (err instanceof LlmError) {
      if (err.kind === 'aborted' && input.signal?.aborted) throw err;
      return only(`query rewriting failed: ${err.reason}`, {}, err);
    }
    throw err;
  }
  if (reply.value === undefined) return only('query rewriting returned no JSON object', reply.usage);
  const parsed = RewriteReply.safeParse(reply.value);
  if (!parsed.success) return only(`query rewriting returned JSON of the wrong shape (${parsed.error.issues[0]?.message ?? 'invalid'})`, reply.usage);

  const rewrites = input.languages
    .map((l) => parsed.data.queries[l])
    .filter((q): q is string => typeof q === 'string')
    .map((q) => q.replace(/\s+/g, ' ').trim())
    .filter((q) => q.length > 0 && q.length <= MAX_QUERY_CHARS);
  if (rewrites.length === 0) return only('query rewriting returned no usable query', reply.usage);
  const language = LANGS.find((l) => l === parsed.data.language?.trim().toLowerCase());
  return {
    queries: dedupe([input.question, ...rewrites]),
    ...(language ? { language } : {}),
    usage: reply.usage,
    ms: performance.now() - started,
  };
}

/** Keeps the first of queries that differ only in case and spacing. */
function dedupe(queries: readonly string[]): string[] {
  const seen = new Set<string>();
  return queries.filter((q) => {
    const key = q.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
