import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import { dirsApp, tempDirs, trackApps } from '../helpers/corpus-dirs.js';

const track = trackApps(afterEach);
const ids = (app: App) => app.engine.documents().map((d) => d.id).sort();

describe('a running bot', () => {
  it('serves an index that another process rebuilt, without a restart', async () => {
    const dirs = await tempDirs();
    const bot = track(await dirsApp(dirs, { watch: true }));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    await unlink(join(dirs.corpusDir, 'alpha.txt'));

    // `npm run reindex` in another terminal: its own app over the same folders.
    const terminal = track(await dirsApp(dirs));
    await terminal.engine.reindex();

    await vi.waitFor(() => expect(ids(bot)).toEqual(['beta', 'delta', 'gamma']), { timeout: 10_000, interval: 50 });
    expect(bot.engine.search('Sévaré').map((h) => h.doc.id)).toEqual(['delta']);
    expect(bot.logs.text).toMatch(/loaded the index saved by another process/);
  });

  it('does not reload its own saves', async () => {
    const dirs = await tempDirs();
    const bot = track(await dirsApp(dirs, { watch: true }));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    await bot.engine.reindex();
    // A change another process makes afterwards is still picked up, so the watcher is alive…
    const terminal = track(await dirsApp(dirs));
    await unlink(join(dirs.corpusDir, 'delta.txt'));
    await terminal.engine.reindex();
    await vi.waitFor(() => expect(ids(bot)).toEqual(['alpha', 'beta', 'gamma']), { timeout: 10_000, interval: 50 });
    // …and it loaded exactly one index: the other process's.
    expect(bot.logs.lines.filter((l) => l.includes('loaded the index saved by another process'))).toHaveLength(1);
  });

  it('reindexes by itself when CORPUS_DIR changes with WATCH_CORPUS=1', async () => {
    const dirs = await tempDirs();
    const bot = track(await dirsApp(dirs, { watch: true, env: { WATCH_CORPUS: '1' } }));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    // The report is logged once the new index is also saved, after the swap.
    await vi.waitFor(() => expect(bot.logs.text).toMatch(/"by":"corpus watcher".*"added":\["delta"\].*reindexed after a corpus change/), {
      timeout: 10_000,
      interval: 50,
    });
    expect(ids(bot)).toContain('delta');
  });

  it('does not watch the corpus without WATCH_CORPUS, and stops watching on close', async () => {
    const dirs = await tempDirs();
    const bot = track(await dirsApp(dirs, { watch: true, env: { WATCH_CORPUS: '1' } }));
    const quiet = track(await dirsApp(dirs, { watch: true }));
    await bot.engine.close();
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    // The closed bot would have reindexed (and saved, which `quiet` would load) had it still watched:
    // a third app that does reindex shows the change arrives through the index file alone.
    const terminal = track(await dirsApp(dirs));
    await terminal.engine.reindex();
    await vi.waitFor(() => expect(ids(quiet)).toContain('delta'), { timeout: 10_000, interval: 50 });
    expect(ids(bot)).not.toContain('delta');
    expect(quiet.logs.text).not.toMatch(/reindexed after a corpus change/);
  });
});
