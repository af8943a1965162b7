import { removeStaleTemps } from './search/temp-files.js';
import type { Config } from './config.js';
import { createEngine, ReindexBusyError, type Engine, type ReindexOptions } from './engine.js';
import { sharedStoreEngine } from './hosts.js';
import { configuredFeedService } from './sources/feeds/app-io.js';
import type { FeedService } from './sources/feeds/service.js';
import type { Logger } from './logger.js';
import { Analyser } from './search/analyser.js';
import {
  indexPath,
  loadSavedIndex,
  openIndex,
  rebuildIndex,
  saveOpenedIndex,
  type IndexStoreOptions,
} from './search/open-index.js';
import { watchCorpusFolder, watchSavedFile } from './search/watch.js';
import { fileURLToPath } from 'node:url';
import type { LlmAnswerInput, LlmAnswerResult } from './answer/types.js';
import { timelineFor } from './timeline/engine-timeline.js';
import { openEventCache } from './timeline/event-cache.js';
import { createFileSummaryCache } from './timeline/summary-cache.js';
import { summariseEvents, type Summarise } from './timeline/summaries.js';
import { join } from 'node:path';
import { terminalProgress, type Progress } from './progress.js';
import type { Lang, ReindexReport, TimelineEvent } from './types.js';
import { openConfiguredStore, openMemoryDocuments, StoreSetupError, type DocumentStore, type Store } from './store/index.js';
import { StoreUnavailableError, unavailableStore } from './store/unavailable.js';

/** At most this many events of one timeline are summarised by the LLM (the rest keep their sentence). */
const MAX_SUMMARISED_EVENTS = 100;

/** The prompt templates shipped with Griot (prompts/ at the repository root). */
export const PROMPTS_DIR = fileURLToPath(new URL('../prompts', import.meta.url));

/** Everything the interfaces need, built once. */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly engine: Engine;
  /** The answer log, votes and Discord state; whoever runs the app closes it on shutdown. */
  readonly store: Store;
  /** The feeds moderators add and the bot polls (src/sources/feeds/service.ts). */
  readonly feeds: FeedService;
}

/**
 * The composition root: builds the analyser, the index, the answerers and the engine from the
 * config, and hands them out. No globals: tests build as many apps as they like.
 */
export async function createApp(args: {
  config: Config;
  logger: Logger;
  /**
   * Long-running processes (the bot) pass true: the index file is watched so an index rebuilt by
   * `npm run reindex` is picked up, and with WATCH_CORPUS=1 the corpus folder too. Stopped by engine.close().
   */
  watch?: boolean;
  /** Run the store's integrity check at open (default: when `watch`, i.e. in long-running processes). */
  checkStore?: boolean;
  /** Prompt templates folder (tests point it elsewhere). */
  promptsDir?: string;
  /** Progress of a first build; by default a line on stderr when it is a terminal. */
  progress?: Progress | null;
}): Promise<App> {
  const { config, logger } = args;
  const analyser = new Analyser();
  // Prompts load (and are checked) at start-up: a broken template stops here, not mid-answer.
  let llmAnswer: ((input: LlmAnswerInput) => Promise<LlmAnswerResult>) | undefined;
  let summarise: Summarise | undefined;
  if (config.llm) {
    // Loaded only with an LLM configured: the openai package is a cold-start cost `ask` need not pay.
    const [{ loadPrompts }, { createChatClient }, { answerWithLlm }, { createLlmSummariser }] = await Promise.all([
      import('./answer/prompts.js'),
      import('./llm/client.js'),
      import('./answer/llm-answer.js'),
      import('./timeline/llm-summarise.js'),
    ]);
    const prompts = loadPrompts(args.promptsDir ?? PROMPTS_DIR);
    const client = createChatClient(config.llm, logger);
    llmAnswer = (input) => answerWithLlm(input, { client, prompts, logger });
    summarise = createLlmSummariser(client, prompts);
  }
  // Drafts of saves killed mid-write (kill -9): megabytes each, and nothing else ever removes them.
  const removed = await removeStaleTemps(config.dataDir);
  if (removed.length > 0) logger.info({ files: removed.map((t) => t.file) }, `removed ${removed.length} temporary files left by an interrupted save`);
  const eventCache = await openEventCache(join(config.dataDir, 'timeline-events.json'));
  const summaryCache = createFileSummaryCache(join(config.dataDir, 'timeline-summaries.json'));
  /** Adds LLM one-line summaries in `lang` to the first events, cached by event id and language. */
  const withSummaries = async (events: TimelineEvent[], lang: Lang): Promise<TimelineEvent[]> => {
    if (!summarise || events.length === 0) return events;
    const head = events.slice(0, MAX_SUMMARISED_EVENTS);
    const r = await summariseEvents(head, lang, { summarise, cache: summaryCache });
    if (r.error) logger.warn({ reason: r.error }, 'timeline summaries incomplete; those events show their sentence');
    return [...r.events, ...events.slice(head.length)];
  };
  // The store first: the index is made from its documents. The integrity check reads the whole
  // file: worth it once per bot start, not per `npm run ask`.
  const appStore = await openAppStore(config, logger, { check: args.checkStore ?? args.watch === true });
  const documents = await usableDocuments(appStore, logger);
  const store: IndexStoreOptions = {
    documents,
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    maxBytes: config.maxDocumentBytes,
    analyser,
    onSaveError: (err) => logger.warn({ err }, 'could not save the index; it will be rebuilt at the next start'),
    progress: args.progress === undefined ? terminalProgress(process.stderr) : args.progress,
  };
  const open = async () => {
    const started = performance.now();
    const opened = await openIndex(store);
    // The corpus changed while stopped: the timeline saved for the old one is where the new one starts from.
    if (opened.source === 'built' && opened.savedBefore && opened.savedFingerprint) {
      await eventCache.resume(opened.savedFingerprint, opened.savedBefore).catch(() => false);
    }
    // Listed by `npm run reindex` and `npm run doctor`; a start that loaded the saved index does not repeat them.
    for (const s of opened.skipped) logger.debug({ file: s.file, reason: s.reason }, 'skipped a corpus file');
    if (opened.source === 'built' && opened.skipped.length > 0) {
      const n = opened.skipped.length;
      logger.warn(`${n === 1 ? '1 corpus file was' : `${n} corpus files were`} skipped; npm run reindex or npm run doctor lists why`);
    }
    logger.info(
      {
        source: opened.source,
        reason: opened.reason,
        documents: opened.index.documents().length,
        passages: opened.index.passageCount,
        skipped: opened.skipped.length,
        ms: Math.round(performance.now() - started),
      },
      opened.source === 'loaded' ? 'index loaded' : 'index built',
    );
    return opened;
  };
  const watchOptions = { onError: (err: unknown) => logger.warn({ err }, 'file watching failed') };
  const engine = await createEngine({
    logger,
    analyser,
    open,
    ...(llmAnswer ? { llmAnswer } : {}),
    extractEvents: async (documents, fingerprint) => {
      const started = performance.now();
      const before = { ...eventCache.stats };
      const events = await eventCache.eventsFor(documents, fingerprint);
      logger.info(
        {
          events: events.length,
          extracted: eventCache.stats.extracted - before.extracted,
          merged: eventCache.stats.merges > before.merges,
          ms: Math.round(performance.now() - started),
        },
        'timeline ready',
      );
      // Awaited: a short-lived CLI process must not exit mid-write (nothing to write on a warm start).
      await eventCache.save().catch((err: unknown) => logger.warn({ err }, 'could not save the timeline event cache'));
      return events;
    },
    queryTimeline: async (state, query) => withSummaries(timelineFor(await state.events(), state.index, query), query.lang ?? 'en'),
    rebuild: (previous) => rebuildIndex(store, previous),
    // Following other hosts: the shared store's documents alone; each host's folder is synced by its own reindex.
    refresh: (previous) => rebuildIndex({ ...store, corpusDir: undefined }, previous),
    save: async (opened) => {
      let failure: unknown;
      const saved = await saveOpenedIndex({ ...store, onSaveError: (err) => (failure = err) }, opened);
      if (!saved) throw failure ?? new Error('the index could not be saved');
      return saved;
    },
    loadSaved: (fingerprint) => loadSavedIndex(store, fingerprint),
    ...(args.watch
      ? {
          watchIndex: (onChange: () => void) => watchSavedFile(indexPath(config.dataDir), onChange, watchOptions),
          ...(config.discord.watchCorpus
            ? { watchCorpus: (onChange: () => void) => watchCorpusFolder(config.corpusDir, onChange, watchOptions) }
            : {}),
        }
      : {}),
  });
  const served = documents === appStore.documents ? sharedStoreEngine(engine, appStore, logger, { follow: args.watch === true }) : engine;
  const feeds = configuredFeedService({
    config,
    logger,
    feeds: appStore.feeds,
    documents,
    // The poll's articles are answerable at the swap: the poll returns then, and the save goes on
    // (engine.close() awaits it).
    reindex: async () => {
      const report = await reindexWhenFree(served, {
        onSaved: (notSaved) => {
          if (notSaved) logger.warn({ by: 'feed poll', notSaved }, 'the index after a feed poll serves but was not saved; the next start rebuilds it');
        },
      });
      logger.info({ by: 'feed poll', ...report }, 'reindexed after a feed poll');
    },
  });
  return { config, logger, engine: served, feeds, store: documents === appStore.documents ? appStore : { ...appStore, documents } };
}

/** engine.reindex(), waiting for one that is already running to finish first. */
async function reindexWhenFree(engine: Engine, options?: ReindexOptions): Promise<ReindexReport> {
  for (;;) {
    try {
      return await engine.reindex(options);
    } catch (err) {
      if (!(err instanceof ReindexBusyError)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * The store's documents, or, when the store could not be opened, documents in memory: the corpus
 * folder is synced into them and answers still go out.
 */
async function usableDocuments(store: Store, logger: Logger): Promise<DocumentStore> {
  try {
    await store.documents.revision();
    return store.documents;
  } catch (err) {
    // A store that never opened was reported at start: the fallback is said once, at debug level, then.
    const level = err instanceof StoreUnavailableError ? 'debug' : 'warn';
    logger[level]({ err }, 'the document store is unavailable; serving the corpus folder from memory (links and uploads cannot be added)');
    return openMemoryDocuments();
  }
}

/**
 * Opens the store, reporting damage it repaired; an SQLite file that cannot open is a warning, never
 * a failed start. A PostgreSQL store that cannot start (wrong password, missing database, a newer
 * schema, unreachable past the wait) rejects with StoreSetupError: every host must share it.
 */
export async function openAppStore(config: Config, logger: Logger, options: { check?: boolean } = {}): Promise<Store> {
  let store: Store;
  try {
    store = await openConfiguredStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, retentionDays: config.logRetentionDays }, logger, options);
  } catch (err) {
    if (err instanceof StoreSetupError || config.databaseUrl) throw err;
    store = unavailableStore((err as Error).message);
  }
  for (const p of store.problems) logger.warn({ movedTo: p.movedTo }, p.message);
  return store;
}
