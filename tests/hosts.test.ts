/**
 * Hosts sharing one PostgreSQL store, in one test process: two apps (each its own CORPUS_DIR copy
 * and DATA_DIR) as two hosts' bot processes. A change on one is answerable on the other without a
 * restart; a reindex runs on one host at a time.
 */
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { ReindexBusyError } from '../src/engine.js';
import { createLogger } from '../src/logger.js';
import { ARTICLES, dirsConfig, removeDirs, tempDirs } from './helpers/corpus-dirs.js';
import { LogCapture } from './helpers/app.js';
import { TEST_DATABASE_URL, testSchemas, urlInSchema } from './helpers/postgres.js';

describe.skipIf(!TEST_DATABASE_URL)('hosts sharing one PostgreSQL store', () => {
  const schemas = testSchemas();
  const apps: App[] = [];
  const dirs: { corpusDir: string; dataDir: string }[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.engine.close();
      await app.store.close();
    }
    for (const d of dirs.splice(0)) await removeDirs(d);
  });
  afterAll(() => schemas.dropAll());

  /** A host's bot process: its own copy of the corpus and DATA_DIR, following the store. */
  const host = async (databaseUrl: string) => {
    const d = await tempDirs();
    dirs.push(d);
    const logs = new LogCapture();
    const config = dirsConfig(d, { DATABASE_URL: databaseUrl });
    const app = await createApp({ config, logger: createLogger({ level: 'debug' }, logs), watch: true, progress: null });
    apps.push(app);
    return { app, logs, corpusDir: d.corpusDir };
  };
  const found = (app: App, query: string) => app.engine.search(query, { limit: 3 }).map((h) => h.doc.id);

  it('serves on host B, without a restart, an article a moderator added on host A (NOTIFY, then only the changed document read)', async () => {
    const url = urlInSchema(await schemas.create());
    const a = await host(url);
    const b = await host(url);
    expect(b.app.engine.documents()).toHaveLength(Object.keys(ARTICLES).length);
    expect(found(b.app, 'Tessalit')).toEqual([]);

    await writeFile(join(a.corpusDir, 'tessalit.txt'), ' date 2022-08 Le camp de Tessalit a été remis aux forces armées maliennes le 12 août 2022.');
    const report = await a.app.engine.reindex();
    expect(report.added).toEqual(['tessalit']);

    await until(() => found(b.app, 'Tessalit').includes('tessalit'));
    expect(b.app.engine.documents()).toHaveLength(Object.keys(ARTICLES).length + 1);
    expect(b.logs.text).toContain('applied documents changed on another host');
    const answer = await b.app.engine.ask('Quand le camp de Tessalit a-t-il été remis aux forces maliennes ?');
    expect(answer.citations.map((c) => c.docId)).toContain('tessalit');
  }, 90_000);

  it('runs one reindex at a time across hosts, telling the second who runs the first', async () => {
    const url = urlInSchema(await schemas.create());
    const a = await host(url);
    const b = await host(url);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const holding = new Promise<void>((r) => (started = r));
    const first = a.app.store.exclusiveReindex!(async () => {
      started();
      await gate;
    });
    await holding;
    const refused = b.app.engine.reindex();
    await expect(refused).rejects.toBeInstanceOf(ReindexBusyError);
    await expect(refused).rejects.toThrow(new RegExp(`already running on ${hostname()} \\(process ${process.pid}, since \\d\\d:\\d\\d:\\d\\d UTC\\)`));
    release();
    await first;
    // The lock is free again: the next one runs.
    await expect(b.app.engine.reindex()).resolves.toMatchObject({ documents: Object.keys(ARTICLES).length });
  }, 60_000);
});

/** Polls `f` every 100 ms until true (60 s at most: the machine may be loaded). */
async function until(f: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
