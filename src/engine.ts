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
