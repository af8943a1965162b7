import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { Analyser } from '../../src/search/analyser.js';
import type { IndexStoreOptions } from '../../src/search/open-index.js';
import { openStore } from '../../src/store/index.js';
import { LogCapture } from './app.js';

/** Three small dated articles, each with words no other uses (Wagner, Takuba, Gao). */
export const ARTICLES: Readonly<Record<string, string>> = {
  'alpha.txt': ' date 2021-10 Russische huurlingen van Wagner landden in Bamako.\n\nDe Malinese junta ontkent elk contract met Wagner.',
  'beta.txt': ' date 2021-06 Europese taskforce Takuba moet Barkhane vervangen.\n\nTakuba telt zeshonderd soldaten uit Estland en Zweden.',
  'gamma.txt': ' date 2022-02 Les soldats français quittent la base de Gao.\n\nLe retrait de Gao prendra plusieurs mois selon l’état-major.',
};

/** A temporary CORPUS_DIR holding `files` and an empty DATA_DIR. */
export async function tempDirs(files: Readonly<Record<string, string | Uint8Array>> = ARTICLES) {
  const corpusDir = await mkdtemp(join(tmpdir(), 'griot-corpus-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'griot-data-'));
  for (const [name, body] of Object.entries(files)) await writeFile(join(corpusDir, name), body);
  return { corpusDir, dataDir };
}

/** Removes both folders of {@link tempDirs}. */
export async function removeDirs(dirs: { corpusDir: string; dataDir: string }): Promise<void> {
  await rm(dirs.corpusDir, { recursive: true, force: true });
  await rm(dirs.dataDir, { recursive: true, force: true });
}

/** A config over those folders (no LLM, no Discord). */
export function dirsConfig(dirs: { corpusDir: string; dataDir: string }, env: Record<string, string> = {}): Config {
  return loadConfig({ CORPUS_DIR: dirs.corpusDir, DATA_DIR: dirs.dataDir, LOG_LEVEL: 'debug', ...env });
}

/** A real app over the folders, with captured logs. */
export async function dirsApp(
  dirs: { corpusDir: string; dataDir: string },
  options: { env?: Record<string, string>; watch?: boolean } = {},
): Promise<App & { logs: LogCapture }> {
  const config = dirsConfig(dirs, options.env);
  const logs = new LogCapture();
  const logger = createLogger({ level: config.logLevel }, logs);
  const app = await createApp({ config, logger, ...(options.watch ? { watch: true } : {}) });
  return { ...app, logs };
}

/** Apps a test file starts, closed after each test (their watchers hold handles). */
export function trackApps(afterEachHook: (fn: () => Promise<void>) => void): <T extends App>(app: T) => T {
  const apps: App[] = [];
  afterEachHook(async () => {
    for (const app of apps.splice(0)) await app.engine.close();
  });
  return (app) => {
    apps.push(app);
    return app;
  };
}

/** What openIndex needs over the folders: the store in DATA_DIR (as the app opens it) syncing CORPUS_DIR. */
export async function indexStoreOptions(dirs: { corpusDir: string; dataDir: string }, maxBytes = 1024 * 1024): Promise<IndexStoreOptions> {
  const store = await openStore({ dataDir: dirs.dataDir, retentionDays: 30, pruneEveryMs: 0, check: false });
  return { ...dirs, documents: store.documents, maxBytes, analyser: new Analyser() };
}
