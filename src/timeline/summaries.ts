/**
 * One-line event summaries in the reader's language, made in batches by an injected summariser (the
 * LLM, wired by the engine) and cached by event id and language, so an event is summarised once.
 */
import type { Lang, TimelineEvent } from '../types.js';

/** Where summaries are kept between runs. `flush`, when present, persists what `set` recorded. */
export interface SummaryCache {
  get(id: string, lang: Lang): string | undefined | Promise<string | undefined>;
  set(id: string, lang: Lang, summary: string): void | Promise<void>;
  flush?(): Promise<void>;
}

/** Summarises a batch of events: returns summaries by event id (missing ids are left unsummarised). */
export type Summarise = (
  batch: readonly { readonly id: string; readonly text: string }[],
  lang: Lang,
) => Promise<Record<string, string>>;

export interface SummariseDeps {
  readonly summarise: Summarise;
  readonly cache: SummaryCache;
}

export interface SummariseOptions {
  /** Events per summarise call (default 20). */
  readonly batchSize?: number;
  /** Longest summary kept, in characters (default 200); longer ones are cut at a word with "…". */
  readonly maxChars?: number;
}

export interface SummariseResult {
  /** The events in the same order, `summary` set where one was made or cached. */
  readonly events: TimelineEvent[];
  readonly fromCache: number;
  readonly summarised: number;
  /** Set when a summarise call failed: later batches were not attempted; their events keep their sentence. */
  readonly error?: string;
}

export const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_MAX_CHARS = 200;

/** One line, trimmed, cut at a word boundary; empty when the model returned nothing usable. */
export function cleanSummary(raw: unknown, maxChars = DEFAULT_MAX_CHARS): string {
  if (typeof raw !== 'string') return '';
  const line = raw.replace(/\s+/g, ' ').trim();
  if (line.length <= maxChars) return line;
  const cut = line.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

/**
 * Adds a one-line summary in `lang` to each event: cached ones first, the rest in batches of
 * `batchSize`. Only ids that were asked for are accepted from the summariser. Stops at the first failed
 * batch and reports it in `error` (summaries made before it are kept and cached).
 */
export async function summariseEvents(
  events: readonly TimelineEvent[],
  lang: Lang,
  deps: SummariseDeps,
  options: SummariseOptions = {},
): Promise<SummariseResult> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const summaries = new Map<string, string>();
  let fromCache = 0;
  const missing: { id: string; text: string }[] = [];
  for (const e of events) {
    if (summaries.has(e.id) || missing.some((m) => m.id === e.id)) continue;
    const cached = await deps.cache.get(e.id, lang);
    if (cached) {
      summaries.set(e.id, cached);
      fromCache++;
    } else {
      missing.push({ id: e.id, text: e.text });
    }
  }
  let summarised = 0;
  let error: string | undefined;
  for (let i = 0; i < missing.length; i += batchSize) {
    const batch = missing.slice(i, i + batchSize);
    try {
      const result = await deps.summarise(batch, lang);
      for (const { id } of batch) {
        const summary = cleanSummary(Object.hasOwn(result, id) ? result[id] : undefined, options.maxChars);
        if (!summary) continue;
        summaries.set(id, summary);
        await deps.cache.set(id, lang, summary);
        summarised++;
      }
      await deps.cache.flush?.();
    } catch (err) {
      error = `summarising events failed (${(err as Error).message}); showing the article sentences instead`;
      break;
    }
  }
  return {
    events: events.map((e) => {
      const summary = summaries.get(e.id);
      return summary === undefined ? e : { ...e, summary };
    }),
    fromCache,
    summarised,
    ...(error !== undefined ? { error } : {}),
  };
}
