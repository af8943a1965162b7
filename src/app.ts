import type { Config } from './config.js';
import { createEngine, type Engine } from './engine.js';
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
import { answerWithLlm } from './answer/llm-answer.js';
import { loadPrompts } from './answer/prompts.js';
import type { LlmAnswerInput, LlmAnswerResult } from './answer/types.js';
import { createChatClient } from './llm/client.js';
import { timelineFor } from './timeline/engine-timeline.js';
import { extractCorpusEvents } from './timeline/extract.js';

/** The prompt templates shipped with Griot (prompts/ at the repository root). */
export const PROMPTS_DIR = fileURLToPath(new URL('../prompts', import.meta.url));

/** Everything the interfaces need, built once. */
export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly engine: Engine;
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
  /** Prompt templates folder (tests point it elsewhere). */
  promptsDir?: string;
}): Promise<App> {
  const { config, logger } = args;
  const analyser = new Analyser();
  // Prompts load (and are checked) at start-up: a broken template stops here, not mid-answer.
  let llmAnswer: ((input: LlmAnswerInput) => Promise<LlmAnswerResult>) | undefined;
  if (config.llm) {
    const prompts = loadPrompts(args.promptsDir ?? PROMPTS_DIR);
    const client = createChatClient(config.llm, logger);
    llmAnswer = (input) => answerWithLlm(input, { client, prompts, logger });
  }
  const store: IndexStoreOptions = {
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    maxBytes: config.maxDocumentBytes,
    analyser,
    onSaveError: (err) => logger.warn({ err }, 'could not save the index; it will be rebuilt at the next start'),
  };
  const open = async () => {
    const started = performance.now();
    const opened = await openIndex(store);
    for (const s of opened.skipped) logger.warn({ file: s.file, reason: s.reason }, 'skipped a corpus file');
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
    extractEvents: (index) => extractCorpusEvents(index.fullDocuments()),
    queryTimeline: async (state, query) => timelineFor(state.events, state.index, query),
    rebuild: (previous) => rebuildIndex(store, previous),
    save: (opened) => saveOpenedIndex(store, opened),
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
  return { config, logger, engine };
}
