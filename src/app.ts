import type { Config } from './config.js';
import { createEngine, type Engine } from './engine.js';
import type { Logger } from './logger.js';
import { Analyser } from './search/analyser.js';
import { openIndex } from './search/open-index.js';

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
export async function createApp(args: { config: Config; logger: Logger }): Promise<App> {
  const { config, logger } = args;
  const analyser = new Analyser();
  const open = async () => {
    const started = performance.now();
    const opened = await openIndex({
      corpusDir: config.corpusDir,
      dataDir: config.dataDir,
      maxBytes: config.maxDocumentBytes,
      analyser,
      onSaveError: (err) => logger.warn({ err }, 'could not save the index; it will be rebuilt at the next start'),
    });
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
  const engine = await createEngine({ logger, analyser, open });
  return { config, logger, engine };
}
