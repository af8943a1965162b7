import { fsProblem } from './fs-problem.js';
import { randomBytes } from 'node:crypto';
import { extractiveAnswer } from './answer/extractive.js';
import type { LlmAnswerInput, LlmAnswerResult, Retriever } from './answer/types.js';
import { detectQuestionLanguage } from './corpus/language.js';
import type { Logger } from './logger.js';
import type { Analyser } from './search/analyser.js';
import { readyIndex, type OpenedIndex, type RebuiltIndex, type SavedIndex } from './search/open-index.js';
import type { SearchIndex } from './search/search-index.js';
import { documentHashes, type Document, type DocumentSource, type Lang, type SkippedFile } from './types.js';
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
  /**
   * Syncs the corpus folder into the document store, applies the store's changes to a new index
   * and swaps it in; throws ReindexBusyError while one runs. With `onSaved`, it resolves once the
   * new index serves and the save goes on (still counted as the reindex running, and awaited by
   * close()), calling back with why it was not saved, if it was not.
   */
  reindex(options?: ReindexOptions): Promise<ReindexReport>;
  /**
   * Serves the index another process saved (a shard that ran /reindex), unless it is the one
   * serving already or a reindex of ours is under way. True when it swapped an index in.
   */
  reloadSaved(): Promise<boolean>;
  /**
   * Brings the serving index up to the store's documents without reading CORPUS_DIR (another host
   * changed them): only the changed documents are read and analysed, swapped in as a reindex is.
   * Null when there is no store to follow or a reindex is under way (it reads the store itself).
   */
  refresh?(): Promise<ReindexReport | null>;
  /** True when answers are composed by an LLM. */
  readonly llmEnabled: boolean;
  /** Stops background work (watchers, timers). */
  close(): Promise<void>;
}

export interface ReindexOptions {
  /** Return at the swap; called once the save is over, with `notSaved` when it failed. */
  readonly onSaved?: (notSaved: string | undefined) => void;
}

/** Thrown by reindex() when another reindex is running. */
export class ReindexBusyError extends Error {
  /** `message`: who is running it, when known (another host). */
  constructor(message = 'A reindex is already running; wait for it to finish.') {
    super(message);
    this.name = 'ReindexBusyError';
  }
}


/** Thrown by reindex() when the rebuild failed; the previous index is still serving. */
export class ReindexFailedError extends Error {
  constructor(cause: unknown) {
    super(`Reindex failed, the previous index is still serving: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'ReindexFailedError';
  }
}

/** Something running in the background that engine.close() stops. */
export interface Watcher {
  stop(): void;
}

/** What the engine serves from; replaced as a whole by reindex. */
export interface ServingState {
  readonly index: SearchIndex;
  /**
   * The index's dated events, made (or read back) on first use and kept: answering needs none,
   * so a start does not wait for the timeline.
   */
  readonly events: () => Promise<readonly TimelineEvent[]>;
  readonly skipped: readonly SkippedFile[];
}

/**
 * A function that runs `make` on the first call and hands every caller that result; a failure is not
 * kept, so the next call tries again instead of failing every /timeline until a reindex. (The event
 * cache already absorbs its own I/O errors; what reaches here is a failure that may repeat, and each
 * retry is a full extraction: a cooldown would belong here if that ever shows.)
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () =>
    (result ??= make().catch((err: unknown) => {
      result = undefined;
      throw err;
    }));
}

export interface EngineDeps {
  readonly logger: Logger;
  readonly analyser: Analyser;
  /** Opens (loads or builds) an index over the corpus: used at start, and by reindex when `rebuild` is absent. */
  readonly open: () => Promise<OpenedIndex>;
  /**
   * Prepares the index for reindex, parsing and analysing only what changed since `previous` (see
   * rebuildIndex); committed only once the timeline is ready too; not saved.
   */
  readonly rebuild?: (previous: OpenedIndex) => Promise<RebuiltIndex>;
  /** As `rebuild`, from the store's documents alone (no folder sync): what refresh() uses. */
  readonly refresh?: (previous: OpenedIndex) => Promise<RebuiltIndex>;
  /** Saves an index once it serves (its changes, or all of it); rejects when it could not be saved. */
  readonly save?: (opened: OpenedIndex) => Promise<SavedIndex | null>;
  /** An index another process saved, unless it covers the corpus `servingFingerprint` already serves. */
  readonly loadSaved?: (servingFingerprint: string) => Promise<OpenedIndex | null>;
  /** Watches the saved index file, calling back (debounced) when another process rewrites it. */
  readonly watchIndex?: (onChange: () => void) => Watcher;
  /** Watches CORPUS_DIR (WATCH_CORPUS=1), calling back (debounced) when a document changes. */
  readonly watchCorpus?: (onChange: () => void) => Watcher;
  /**
   * Dated events of an index's documents (timeline extraction), computed at index time, or read
   * back when saved under the index's fingerprint.
   */
  readonly extractEvents?: (
    documents: readonly Document[] | DocumentSource,
    fingerprint: string,
  ) => Promise<readonly TimelineEvent[]> | readonly TimelineEvent[];
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
  const eventsOf = (documents: readonly Document[] | DocumentSource, fingerprint: string) =>
    once(async () => (await deps.extractEvents?.(documents, fingerprint)) ?? []);
  const toState = (opened: OpenedIndex): ServingState => ({
    index: opened.index,
    skipped: opened.skipped,
    // The index as the documents' source: only those the event cache must extract are made whole.
    events: eventsOf(opened.index, opened.fingerprint),
  });
  const first = await deps.open();
  let state = toState(first);
  // A first build extracts the timeline now, with the index: a serving bot must not stop for it at
  // its first /timeline. A start that loaded a saved index leaves it for then (it is read back).
  if (first.source === 'built') await state.events();
  /** The index behind `state`: its fingerprint decides what is incremental and what is news. */
  let opened = first;
  /** Hashes of the previously saved index when start-up rebuilt: the first report counts from there. */
  let baseline: ReadonlyMap<string, string> | null = first.savedBefore ?? null;
  let reindexing: Promise<ReindexReport> | null = null;
  /** Bumped by every swap, so a slower load started before a swap never replaces its result. */
  let generation = 0;

  const swap = (nextOpened: OpenedIndex, next: ServingState) => {
    state = next;
    opened = nextOpened;
    generation++;
  };

  /** `following`: a refresh, which changes nothing (no swap, no save) when the store is where the index is. */
  async function runReindex(rebuild?: EngineDeps['rebuild'], following?: false, atSwap?: (report: ReindexReport) => void): Promise<ReindexReport>;
  async function runReindex(rebuild: EngineDeps['rebuild'], following: true): Promise<ReindexReport | null>;
  async function runReindex(
    rebuild = deps.rebuild,
    following = false,
    atSwap?: (report: ReindexReport) => void,
  ): Promise<ReindexReport | null> {
    const before = state;
    const since = baseline;
    const started = performance.now();
    let nextOpened: OpenedIndex;
    let next: ServingState;
    let events: number;
    let previous: ReadonlyMap<string, string>;
    try {
      // Prepared off the serving path; `state` changes only when the new one is complete.
      const rebuilt = rebuild ? await rebuild(opened) : readyIndex(await deps.open());
      if (following && rebuilt.unchanged) return null;
      // Same index (nothing changed): keep its timeline events rather than extract them again.
      const nextEvents = rebuilt.unchanged ? state.events : eventsOf(rebuilt.documents, rebuilt.fingerprint);
      // The serving timeline (read back if none was asked for since the start) is what the new one is
      // made from: only the changed documents' dates are merged again. Should it fail, all are merged.
      if (!rebuilt.unchanged) await before.events().catch(() => undefined);
      // Before the commit: a reindex reports its events, the first /timeline after it need not wait,
      // and a failure here leaves the serving index untouched.
      events = (await nextEvents()).length;
      // The serving corpus as it was, for the report: once committed, the old index reads the new one.
      previous = since ?? documentHashes(before.index.documents());
      // Synchronous from here to the swap: no query sees the index half-updated.
      nextOpened = rebuilt.commit();
      next = { index: nextOpened.index, skipped: nextOpened.skipped, events: nextEvents };
    } catch (err) {
      throw new ReindexFailedError(err);
    }
    swap(nextOpened, next);
    baseline = null;
    const report = diffReport(previous, next, events, performance.now() - started);
    if (atSwap) {
      atSwap(report);
      // A full save packs the index synchronously for seconds: the caller's continuation runs first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Saved after the swap: answers use the new index while it is written.
    try {
      const saved = await deps.save?.(nextOpened);
      if (saved && opened === nextOpened) opened = { ...nextOpened, ...saved };
      return report;
    } catch (err) {
      deps.logger.debug({ err }, 'could not save the new index; it serves, and the next start rebuilds it');
      return { ...report, notSaved: fsProblem(err) };
    }
  }

  /** Another process saved an index: serve it unless a reindex of ours is under way. */
  const onIndexFileChanged = async (): Promise<boolean> => {
    if (reindexing || !deps.loadSaved) return false;
    const at = generation;
    try {
      const loaded = await deps.loadSaved(opened.fingerprint);
      if (!loaded || reindexing || generation !== at) return false;
      swap(loaded, toState(loaded));
      baseline = null;
      deps.logger.info(
        { documents: loaded.index.documents().length, passages: loaded.index.passageCount, createdAt: loaded.stamp?.createdAt },
        'loaded the index saved by another process',
      );
      return true;
    } catch (err) {
      deps.logger.warn({ err }, 'could not load the index saved by another process; still serving the current one');
      return false;
    }
  };

  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  /** WATCH_CORPUS: reindex on a change; when one already runs, try again once it is over. */
  const onCorpusChanged = async (): Promise<void> => {
    if (closed) return;
    if (reindexing) {
      await reindexing.catch(() => undefined);
      if (!closed) retryTimer = setTimeout(() => void onCorpusChanged(), 0);
      return;
    }
    try {
      const report = await engine.reindex();
      deps.logger.info({ by: 'corpus watcher', ...report }, 'reindexed after a corpus change');
    } catch (err) {
      deps.logger.warn({ err }, 'reindex after a corpus change failed');
    }
  };

  const watchers: Watcher[] = [];

  const retrieverOf = (s: ServingState): Retriever => ({
    search: (q, o) => s.index.search(q, o),
    languages: () => s.index.languages(),
    answerExtractively: (question, hits, lang) => answerFromHits(s, question, hits, lang),
  });

  const engine: Engine = {
    llmEnabled: deps.llmAnswer !== undefined,

    async ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const started = performance.now();
      // Read the state once: a reindex finishing mid-answer must not mix two indexes.
      const s = state;
      const lang: Lang = detectQuestionLanguage(question, 'en');
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
          ...(r.remarks && r.remarks.length > 0 ? { remarks: r.remarks } : {}),
          ...(r.llm !== undefined ? { llm: r.llm } : {}),
          timings: { retrievalMs: r.retrievalMs, answerMs: totalMs - r.retrievalMs, totalMs },
        };
      }
      const t0 = performance.now();
      const hits = s.index.search(question, { limit: ANSWER_HITS });
      const retrievalMs = performance.now() - t0;
      const body = answerFromHits(s, question, hits, lang, options.refusalThreshold);
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

    async reindex(options: ReindexOptions = {}): Promise<ReindexReport> {
      if (reindexing) throw new ReindexBusyError();
      const { onSaved } = options;
      if (!onSaved) {
        reindexing = runReindex();
        try {
          return await reindexing;
        } finally {
          reindexing = null;
        }
      }
      // Resolved at the swap; `reindexing` stays set until the save is over.
      let swapped!: (report: ReindexReport) => void;
      const atSwap = new Promise<ReindexReport>((resolve) => (swapped = resolve));
      const running = runReindex(deps.rebuild, false, swapped);
      reindexing = running;
      void running.then(
        (report) => onSaved(report.notSaved),
        () => undefined,
      ).finally(() => {
        if (reindexing === running) reindexing = null;
      });
      return Promise.race([atSwap, running]);
    },

    reloadSaved: onIndexFileChanged,

    async refresh(): Promise<ReindexReport | null> {
      if (!deps.refresh || reindexing) return null;
      const running = runReindex(deps.refresh, true);
      // Seen as a reindex under way by reindex() and reloadSaved() (a null report is no change).
      reindexing = running.then(
        (r) => r ?? ({} as ReindexReport),
        () => ({}) as ReindexReport,
      );
      try {
        return await running;
      } finally {
        reindexing = null;
      }
    },

    async close(): Promise<void> {
      closed = true;
      clearTimeout(retryTimer);
      // A save still running in the background (a reindex that returned at its swap) finishes first.
      await reindexing?.catch(() => undefined);
      for (const w of watchers.splice(0)) w.stop();
    },
  };
  if (deps.watchIndex) watchers.push(deps.watchIndex(() => void onIndexFileChanged()));
  if (deps.watchCorpus) watchers.push(deps.watchCorpus(() => void onCorpusChanged()));
  deps.logger.debug({ documents: state.index.documents().length, passages: state.index.passageCount }, 'engine ready');
  return engine;
}

/** The extractive answer over hits, weighted by the state's index statistics. */
function answerFromHits(s: ServingState, question: string, hits: readonly SearchHit[], lang: Lang, threshold?: number) {
  return extractiveAnswer(question, hits, lang, {
    terms: s.index.queryTerms(question),
    termWeight: (t) => s.index.termWeight(t),
    isKnown: (t) => t.variants.some((v) => s.index.documentFrequency(v) > 0),
    documentText: (docId) => s.index.document(docId)?.text,
    languages: s.index.languages(),
    ...(threshold !== undefined ? { threshold } : {}),
  });
}

/**
 * What changed between two serving states. `since` (document hashes by id) replaces `before`'s
 * documents as the base, e.g. the index saved before a start-up rebuild.
 */
export function diffReport(old: ReadonlyMap<string, string>, after: ServingState, events: number, durationMs: number): ReindexReport {
  const now = documentHashes(after.index.documents());
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
    events,
    durationMs: Math.round(durationMs),
  };
}
