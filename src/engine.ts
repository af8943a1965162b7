import { randomBytes } from 'node:crypto';
import { extractiveAnswer } from './answer/extractive.js';
import type { LlmAnswerInput, LlmAnswerResult, Retriever } from './answer/types.js';
import { detectLanguage } from './corpus/language.js';
import type { Logger } from './logger.js';
import type { Analyser } from './search/analyser.js';
import type { OpenedIndex } from './search/open-index.js';
import type { SearchIndex } from './search/search-index.js';
import type { Lang, SkippedFile } from './types.js';
import type {
  Answer,
  AskOptions,
  DocumentMeta,
  ReindexReport,
  SearchHit,
  SearchOptions,
  TimelineEvent,
  TimelineQuery,
} from './types.js';

/**
 * The service both interfaces (Discord and the terminal) use. It answers from the index that is
 * serving now; reindex builds a new one off the serving path and swaps it in atomically.
 */
export interface Engine {
  /** Answers a question with cited sources (LLM-composed when configured, extractive otherwise). */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** Ranked passages for a query. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Dated events, in order. */
  timeline(query?: TimelineQuery): Promise<TimelineEvent[]>;
  /** The documents of the serving index. */
  documents(): readonly DocumentMeta[];
  /** Re-reads the corpus and swaps the new index in; throws ReindexBusyError while one runs. */
  reindex(): Promise<ReindexReport>;
  /** True when answers are composed by an LLM. */
  readonly llmEnabled: boolean;
  /** Stops background work (watchers, timers). */
  close(): Promise<void>;
}

/** Thrown by reindex() when another reindex is running. */
export class ReindexBusyError extends Error {
  constructor() {
    super('A reindex is already running; wait for it to finish.');
    this.name = 'ReindexBusyError';
  }
}


/** What the engine serves from; replaced as a whole by reindex. */
export interface ServingState {
  readonly index: SearchIndex;
  readonly events: readonly TimelineEvent[];
  readonly skipped: readonly SkippedFile[];
}

export interface EngineDeps {
  readonly logger: Logger;
  readonly analyser: Analyser;
  /** Opens (loads or builds) an index over the corpus: used at start and by reindex. */
  readonly open: () => Promise<OpenedIndex>;
  /** Dated events of an index's documents (timeline extraction), computed at index time. */
  readonly extractEvents?: (index: SearchIndex) => readonly TimelineEvent[];
  /** Answers through an LLM; absent when none is configured. */
  readonly llmAnswer?: (input: LlmAnswerInput) => Promise<LlmAnswerResult>;
  /** Queries the timeline of a state. */
  readonly queryTimeline?: (state: ServingState, query: TimelineQuery) => Promise<TimelineEvent[]>;
  readonly now?: () => Date;
}

/** Passages the extractive answerer reads. */
const ANSWER_HITS = 8;

/** Builds the engine over a freshly opened index. */
export async function createEngine(deps: EngineDeps): Promise<Engine> {
  const now = deps.now ?? (() => new Date());
  const toState = (opened: OpenedIndex): ServingState => ({
    index: opened.index,
    skipped: opened.skipped,
    events: deps.extractEvents?.(opened.index) ?? [],
  });
  let state = toState(await deps.open());
  let reindexing: Promise<ReindexReport> | null = null;

  const retrieverOf = (s: ServingState): Retriever => ({
    search: (q, o) => s.index.search(q, o),
    languages: () => s.index.languages(),
  });

  const engine: Engine = {
    llmEnabled: deps.llmAnswer !== undefined,

    async ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const started = performance.now();
      // Read the state once: a reindex finishing mid-answer must not mix two indexes.
      const s = state;
      const lang: Lang = detectLanguage(question, 'en');
      const id = randomBytes(6).toString('hex');
      if (deps.llmAnswer && !options.noLlm) {
        const r = await deps.llmAnswer({ ...options, question, lang, retriever: retrieverOf(s), now: now() });
        const totalMs = performance.now() - started;
        return {
          id,
          question,
          lang: r.lang,
          mode: r.mode,
          refused: r.refused,
          text: r.text,
          citations: r.citations,
          ...(r.fallbackReason !== undefined ? { fallbackReason: r.fallbackReason } : {}),
          ...(r.llm !== undefined ? { llm: r.llm } : {}),
          timings: { retrievalMs: r.retrievalMs, answerMs: totalMs - r.retrievalMs, totalMs },
        };
      }
      const t0 = performance.now();
      const hits = s.index.search(question, { limit: ANSWER_HITS });
      const retrievalMs = performance.now() - t0;
      const terms = s.index.queryTerms(question);
      const body = extractiveAnswer(question, hits, lang, { terms, termWeight: (t) => s.index.termWeight(t) });
      const totalMs = performance.now() - started;
      return { id, question, mode: 'extractive', ...body, timings: { retrievalMs, answerMs: totalMs - retrievalMs, totalMs } };
    },

    search(query: string, options?: SearchOptions): SearchHit[] {
      return state.index.search(query, options);
    },

    async timeline(query: TimelineQuery = {}): Promise<TimelineEvent[]> {
      return deps.queryTimeline ? deps.queryTimeline(state, query) : [];
    },

    documents(): readonly DocumentMeta[] {
      return state.index.documents();
    },

    async reindex(): Promise<ReindexReport> {
      if (reindexing) throw new ReindexBusyError();
      const before = state;
      const started = performance.now();
      reindexing = (async () => {
        // Built off the serving path; `state` changes only when the new one is complete.
        const next = toState(await deps.open());
        state = next;
        return diffReport(before, next, performance.now() - started);
      })();
      try {
        return await reindexing;
      } finally {
        reindexing = null;
      }
    },

    async close(): Promise<void> {},
  };
  deps.logger.debug({ documents: state.index.documents().length, passages: state.index.passageCount }, 'engine ready');
  return engine;
}

/** What changed between two serving states. */
export function diffReport(before: ServingState, after: ServingState, durationMs: number): ReindexReport {
  const old = new Map(before.index.documents().map((d) => [d.id, d.hash]));
  const now = new Map(after.index.documents().map((d) => [d.id, d.hash]));
  const added = [...now.keys()].filter((id) => !old.has(id));
  const changed = [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id));
  const removed = [...old.keys()].filter((id) => !now.has(id));
  return {
    added,
    changed,
    removed,
    unchanged: now.size - added.length - changed.length,
    skipped: after.skipped,
    documents: now.size,
    passages: after.index.passageCount,
    events: after.events.length,
    durationMs: Math.round(durationMs),
  };
}
