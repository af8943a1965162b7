import { readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createEngine, ReindexBusyError, ReindexFailedError, type EngineDeps } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { Analyser } from '../../src/search/analyser.js';
import {
  indexPath,
  openIndex,
  rebuildIndex,
  saveOpenedIndex,
  type IndexStoreOptions,
  type OpenedIndex,
} from '../../src/search/open-index.js';
import { loadIndex, readIndexHeader } from '../../src/search/persist.js';
import { ARTICLES, dirsApp, indexStoreOptions, tempDirs, trackApps } from '../helpers/corpus-dirs.js';

const track = trackApps(afterEach);

/** Ids of the documents whose passages match `query`. */
const docsMatching = (app: App, query: string) => [...new Set(app.engine.search(query).map((h) => h.doc.id))];

/** A promise and the function that resolves it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

/** An engine over the folders whose rebuild waits for `slow` once it has built the new index. */
async function slowEngine(dirs: { corpusDir: string; dataDir: string }, slow: Promise<void>, extra: Partial<EngineDeps> = {}) {
  const store: IndexStoreOptions = await indexStoreOptions(dirs);
  let rebuilds = 0;
  const engine = await createEngine({
    logger: createLogger({ level: 'silent' }),
    analyser: store.analyser,
    open: () => openIndex(store),
    rebuild: async (previous: OpenedIndex) => {
      rebuilds++;
      const built = await rebuildIndex(store, previous);
      await slow;
      return built;
    },
    save: (opened) => saveOpenedIndex(store, opened),
    ...extra,
  });
  return { engine, rebuilds: () => rebuilds };
}

describe('engine.reindex', () => {
  it('reports an added, a changed and a removed document and serves the new corpus', async () => {
    const dirs = await tempDirs();
    const app = track(await dirsApp(dirs));
    expect(docsMatching(app, 'Gao')).toEqual(['gamma']);

    await writeFile(join(dirs.corpusDir, 'delta.md'), '# Sévaré\n\nLes militaires maliens ont repris la ville de Sévaré.');
    await writeFile(join(dirs.corpusDir, 'beta.txt'), ' date 2021-06 Takuba telt nu negenhonderd soldaten uit Tsjechië.');
    await unlink(join(dirs.corpusDir, 'gamma.txt'));
    const report = await app.engine.reindex();

    expect(report).toMatchObject({ added: ['delta'], changed: ['beta'], removed: ['gamma'], unchanged: 1, skipped: [], documents: 3 });
    expect(report.passages).toBe(app.engine.documents().reduce((n, d) => n + d.passageCount, 0));
    expect(docsMatching(app, 'Sévaré')).toEqual(['delta']);
    expect(docsMatching(app, 'Gao')).toEqual([]);
    expect(docsMatching(app, 'negenhonderd')).toEqual(['beta']);
  });

  it('reports nothing changed when the corpus is the same', async () => {
    const app = track(await dirsApp(await tempDirs()));
    const report = await app.engine.reindex();
    expect(report).toMatchObject({ added: [], changed: [], removed: [], unchanged: 3, documents: 3 });
  });

  it('skips a binary, an invalid UTF-8, an empty and an oversized file with reasons and indexes the rest', async () => {
    const dirs = await tempDirs();
    const app = track(await dirsApp(dirs, { env: { MAX_DOCUMENT_BYTES: '1024' } }));
    await writeFile(join(dirs.corpusDir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    await writeFile(join(dirs.corpusDir, 'latin1.txt'), Buffer.from('Le régime malien', 'latin1'));
    await writeFile(join(dirs.corpusDir, 'empty.md'), '');
    await writeFile(join(dirs.corpusDir, 'huge.txt'), `date 2022-01 ${'Wagner in Mali. '.repeat(100)}`);

    const report = await app.engine.reindex();

    expect(report.documents).toBe(3);
    expect(app.engine.documents().map((d) => d.id).sort()).toEqual(['alpha', 'beta', 'gamma']);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['empty.md', 'huge.txt', 'latin1.txt', 'photo.txt']);
    expect(reasons['photo.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['empty.md']).toMatch(/no text left/);
    expect(reasons['huge.txt']).toMatch(/over the 1\.0 KiB limit/);
  });

  it('refuses a second reindex while one runs, and never builds twice at once', async () => {
    const dirs = await tempDirs();
    const slow = gate();
    const { engine, rebuilds } = await slowEngine(dirs, slow.wait);
    const first = engine.reindex();
    await expect(engine.reindex()).rejects.toBeInstanceOf(ReindexBusyError);
    expect(rebuilds()).toBe(1);
    slow.open();
    await expect(first).resolves.toMatchObject({ documents: 3 });
    // Once done, the next one runs.
    await expect(engine.reindex()).resolves.toMatchObject({ unchanged: 3 });
  });

  it('answers from the old index while a slow reindex runs, and from the new one after the swap', async () => {
    const dirs = await tempDirs();
    const slow = gate();
    const { engine } = await slowEngine(dirs, slow.wait);
    await unlink(join(dirs.corpusDir, 'alpha.txt'));

    const running = engine.reindex();
    const during = await engine.ask('Wat deed Wagner in Bamako?');
    expect(during.refused).toBe(false);
    expect(during.citations.map((c) => c.docId)).toContain('alpha');

    slow.open();
    expect((await running).removed).toEqual(['alpha']);
    const after = await engine.ask('Wat deed Wagner in Bamako?');
    expect(after.citations.map((c) => c.docId)).not.toContain('alpha');
  });

  it('with onSaved, serves the new index before its save is over, reports a failed save, and close() waits for it', async () => {
    const dirs = await tempDirs();
    const saving = gate();
    let saveStarted = false;
    const { engine } = await slowEngine(dirs, Promise.resolve(), {
      save: async () => {
        saveStarted = true;
        await saving.wait;
        throw new Error('disk full');
      },
    });
    await writeFile(join(dirs.corpusDir, 'delta.md'), '# Sévaré\n\nLes militaires maliens ont repris la ville de Sévaré.');
    const outcomes: (string | undefined)[] = [];
    const report = await engine.reindex({ onSaved: (notSaved) => outcomes.push(notSaved) });

    expect(report.added).toEqual(['delta']);
    expect(outcomes).toEqual([]);
    expect(engine.search('Sévaré').map((h) => h.doc.id)).toContain('delta');
    // The save still counts as the reindex running.
    await expect(engine.reindex()).rejects.toBeInstanceOf(ReindexBusyError);

    const closed = engine.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saveStarted).toBe(true);
    expect(outcomes).toEqual([]);
    saving.open();
    await closed;
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatch(/disk full/);
  });

  it('keeps the old index serving and says why when the corpus folder vanished', async () => {
    const dirs = await tempDirs();
    const app = track(await dirsApp(dirs));
    await rm(dirs.corpusDir, { recursive: true });
    const failed = app.engine.reindex();
    await expect(failed).rejects.toBeInstanceOf(ReindexFailedError);
    await expect(failed).rejects.toThrow(/previous index is still serving.*Cannot read the corpus directory.*set CORPUS_DIR/s);
    expect(docsMatching(app, 'Wagner')).toEqual(['alpha']);
  });

  it('keeps the old index serving when the rebuild throws', async () => {
    const dirs = await tempDirs();
    const { engine } = await slowEngine(dirs, Promise.resolve(), {
      rebuild: async () => {
        throw new Error('disk on fire');
      },
    });
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    await expect(engine.reindex()).rejects.toThrow(/still serving: disk on fire/);
    expect(engine.documents().map((d) => d.id).sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('saves the new index after the swap, so the next start loads it without parsing', async () => {
    const dirs = await tempDirs();
    const app = track(await dirsApp(dirs));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    await writeFile(join(dirs.corpusDir, 'bad.txt'), Buffer.from([0, 1, 2]));
    await app.engine.reindex();

    const again = track(await dirsApp(dirs));
    expect(again.logs.text).toMatch(/"source":"loaded".*"index loaded"/);
    expect(docsMatching(again, 'Sévaré')).toEqual(['delta']);
    // The skipped file is still reported although nothing was parsed.
    expect(again.logs.text).toMatch(/"file":"bad.txt".*looks binary.*skipped a corpus file/);
  });
});

describe('start-up', () => {
  it('rebuilds a truncated index file and writes a valid one', async () => {
    const dirs = await tempDirs();
    track(await dirsApp(dirs));
    const path = indexPath(dirs.dataDir);
    const full = await readFile(path, 'utf8');
    await writeFile(path, full.slice(0, Math.floor(full.length / 3)));

    const app = track(await dirsApp(dirs));

    expect(app.logs.text).toMatch(/"source":"built","reason":"saved index .* is corrupt.*"index built"/);
    expect(docsMatching(app, 'Takuba')).toEqual(['beta']);
    expect(await readIndexHeader(path)).not.toBeNull();
    const reloaded = await loadIndex(path, null, new Analyser());
    expect(reloaded.reason).toBeNull();
    expect(reloaded.index?.documents().map((d) => d.id).sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('parses only the changed files when the corpus changed since the index was saved', async () => {
    const dirs = await tempDirs();
    const store: IndexStoreOptions = await indexStoreOptions(dirs);
    const first = await openIndex(store);
    await writeFile(join(dirs.corpusDir, 'beta.txt'), ARTICLES['beta.txt'] + '\n\nNieuwe alinea over Takuba.');
    const second = await openIndex(store);
    expect(second).toMatchObject({ source: 'built', reason: 'the corpus changed since the index was saved', reused: 2 });
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect([...(second.savedBefore?.keys() ?? [])].sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('reports the changes since the last saved index at the first reindex after a start-up rebuild', async () => {
    const dirs = await tempDirs();
    track(await dirsApp(dirs));
    await writeFile(join(dirs.corpusDir, 'delta.txt'), 'Een nieuw artikel over Sévaré en de Malinese junta.');
    // As `npm run reindex` does: a fresh process starts, then reindexes.
    const app = track(await dirsApp(dirs));
    expect((await app.engine.reindex()).added).toEqual(['delta']);
    expect((await app.engine.reindex()).added).toEqual([]);
  });
});

describe('start-up without a usable saved index', () => {
  it('builds at once, saying whether the file was missing or had no readable header', async () => {
    const dirs = await tempDirs();
    const first = track(await dirsApp(dirs));
    expect(first.logs.text).toMatch(/"source":"built","reason":"no saved index yet"/);
    await first.engine.close();
    await writeFile(join(dirs.dataDir, 'index.json'), 'not an index at all');
    const second = track(await dirsApp(dirs));
    expect(second.logs.text).toMatch(/"reason":"saved index .* is corrupt \(no readable header\)"/);
    expect(second.engine.documents().length).toBeGreaterThan(0);
  });
});

describe('engine.reindex updating the serving index in place', () => {
  /** The three articles among 150 others: one changed article is then a small share of the index. */
  const manyArticles = () => ({
    ...ARTICLES,
    ...Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`filler-${String(i).padStart(3, '0')}.txt`, ` date 2020-01 Bericht ${i} over het weer in Utrecht en de treinen.`]),
    ),
  });

  it('changes the answer a user gets once the article changed', async () => {
    const dirs = await tempDirs();
    const app = track(await dirsApp(dirs));
    const question = 'Hoeveel soldaten telt Takuba?';
    expect((await app.engine.ask(question)).text).toContain('zeshonderd');
    await writeFile(join(dirs.corpusDir, 'beta.txt'), ' date 2021-06 Europese taskforce Takuba moet Barkhane vervangen.\n\nTakuba telt negenhonderd soldaten uit Estland en Zweden.');
    await app.engine.reindex();
    const after = await app.engine.ask(question);
    expect(after.text).toContain('negenhonderd');
    expect(after.text).not.toContain('zeshonderd');
  });

  it('saves only the changes of a one-article reindex, and the next start serves the changed corpus', async () => {
    const dirs = await tempDirs(manyArticles());
    const app = track(await dirsApp(dirs));
    const full = (await stat(indexPath(dirs.dataDir))).size;
    await writeFile(join(dirs.corpusDir, 'beta.txt'), ' date 2021-06 Takuba telt nu negenhonderd soldaten uit Tsjechië.');
    await unlink(join(dirs.corpusDir, 'gamma.txt'));
    expect(await app.engine.reindex()).toMatchObject({ changed: ['beta'], removed: ['gamma'] });

    expect((await stat(indexPath(dirs.dataDir))).size).toBeLessThan(full / 10);
    expect((await readdir(dirs.dataDir)).filter((f) => f.startsWith('index.base-'))).toHaveLength(1);
    const again = track(await dirsApp(dirs));
    expect(again.logs.text).toMatch(/"source":"loaded".*"index loaded"/);
    expect(docsMatching(again, 'negenhonderd')).toEqual(['beta']);
    expect(docsMatching(again, 'zeshonderd')).toEqual([]);
    expect(docsMatching(again, 'Gao')).toEqual([]);
    expect(again.engine.documents()).toHaveLength(152);
    // A second reindex of the restarted app keeps saving changes against the same full file.
    await writeFile(join(dirs.corpusDir, 'delta.txt'), ' date 2022-03 De Malinese junta verdreef de Franse ambassadeur uit Sévaré.');
    expect((await again.engine.reindex()).added).toEqual(['delta']);
    const third = track(await dirsApp(dirs));
    expect(docsMatching(third, 'Sévaré')).toEqual(['delta']);
    expect(docsMatching(third, 'negenhonderd')).toEqual(['beta']);
  });

  it('keeps the old index serving, unchanged, when the timeline of the new corpus fails', async () => {
    const dirs = await tempDirs();
    const { engine } = await slowEngine(dirs, Promise.resolve(), {
      extractEvents: (docs) => {
        if (('documents' in docs ? docs.documents() : docs).some((d) => d.id === 'delta')) throw new Error('timeline broke');
        return [];
      },
    });
    const before = engine.search('Takuba').map((h) => [h.passage.id, h.score]);
    await writeFile(join(dirs.corpusDir, 'delta.txt'), ' date 2022-03 Takuba verliet Sévaré in maart.');
    await unlink(join(dirs.corpusDir, 'gamma.txt'));
    await expect(engine.reindex()).rejects.toThrow(/still serving: timeline broke/);
    expect(engine.search('Sévaré')).toEqual([]);
    expect(engine.search('Gao').map((h) => h.doc.id)).toContain('gamma');
    expect(engine.search('Takuba').map((h) => [h.passage.id, h.score])).toEqual(before);
    // The update that was never applied left nothing behind: the next reindex works.
    await unlink(join(dirs.corpusDir, 'delta.txt'));
    expect(await engine.reindex()).toMatchObject({ removed: ['gamma'], added: [] });
    expect(engine.search('Gao')).toEqual([]);
  });
});
