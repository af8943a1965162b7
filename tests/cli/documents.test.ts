import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCommand } from '../../src/cli/add.js';
import { UsageError } from '../../src/cli/args.js';
import { documentsCommand } from '../../src/cli/documents.js';
import { addArticle } from '../../src/sources/add-article.js';
import { dirsApp, tempDirs, trackApps } from '../helpers/corpus-dirs.js';
import { captureIo } from '../helpers/io.js';

const track = trackApps(afterEach);

const LINKED = {
  title: 'Barkhane: "la fin" — un bilan',
  text: 'Les derniers soldats de Barkhane ont quitté Ménaka.\n\nLe convoi a rejoint Gao.',
  date: '2022-06-14',
  url: 'https://www.journal.example/menaka?id=1&x=2',
  site: 'Le Journal',
  author: 'Marie Dupont',
  lang: 'fr',
};

describe('npm run documents', () => {
  it('lists documents by source and words, and shows one with its text', async () => {
    const app = track(await dirsApp(await tempDirs()));
    await addArticle(app.store.documents, LINKED, { kind: 'url', ref: LINKED.url });
    let io = captureIo();
    expect(await documentsCommand(app, ['list', '--source', 'url'], io)).toBe(0);
    expect(io.stdout).toMatch(/^url_[0-9a-f]{16} · url · 2022-06-14 · Le Journal · Barkhane: "la fin" — un bilan · https:\/\/www\.journal\.example\/menaka\?id=1&x=2\n1 documents\.\n$/);
    io = captureIo();
    await documentsCommand(app, ['list', '--json', 'Takuba'], io);
    expect(JSON.parse(io.stdout)).toMatchObject({ count: 0 });
    io = captureIo();
    await documentsCommand(app, ['list', 'alpha'], io);
    expect(io.stdout).toMatch(/^alpha · folder · 2021-10 · \(first words\) · alpha\.txt\n/);
    io = captureIo();
    await documentsCommand(app, ['show', 'beta'], io);
    expect(io.stdout).toMatch(/Takuba telt zeshonderd soldaten/);
    await expect(documentsCommand(app, ['list', '--source', 'rss'], captureIo())).rejects.toThrow(UsageError);
    expect(await documentsCommand(app, ['show', 'nope'], (io = captureIo()))).toBe(1);
    expect(io.stderr).toMatch(/No document has the id "nope"/);
  });

  it('removes a document and the index follows; a removed folder file stays out until deleted', async () => {
    const dirs = await tempDirs();
    const app = track(await dirsApp(dirs));
    const io = captureIo();
    expect(await documentsCommand(app, ['remove', 'beta'], io)).toBe(0);
    expect(io.stdout).toMatch(/Removed beta .*stays in CORPUS_DIR/);
    expect(app.engine.search('Takuba')).toEqual([]);
    expect(app.logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'document removed')).toMatchObject({ by: 'terminal', id: 'beta' });
    // A restart syncs the folder again: the file is still excluded.
    const again = track(await dirsApp(dirs));
    expect(again.engine.documents().map((d) => d.id).sort()).toEqual(['alpha', 'gamma']);
  });

  it('exports every document as Markdown with front matter that imports back as the same corpus', async () => {
    const app = track(await dirsApp(await tempDirs()));
    await addArticle(app.store.documents, LINKED, { kind: 'url', ref: LINKED.url });
    await app.engine.reindex();
    const out = await mkdtemp(join(tmpdir(), 'griot-export-'));
    const io = captureIo();
    expect(await documentsCommand(app, ['export', out], io)).toBe(0);
    expect(io.stdout).toMatch(/^Wrote 4 documents/);
    const back = track(await dirsApp({ corpusDir: out, dataDir: await mkdtemp(join(tmpdir(), 'griot-data-')) }));
    const fields = async (a: typeof app) =>
      Promise.all((await a.store.documents.getMany((await a.store.documents.list()).map((d) => d.id))).map(({ id, title, date, url, site, author, lang, text }) => ({ id, title, date, url, site, author, lang, text })));
    expect(await fields(back)).toEqual(await fields(app));
    const shown = (a: typeof app) => a.engine.documents().map((d) => [d.id, d.title, d.date?.iso, d.url ?? null, d.site ?? null, d.passageCount]);
    expect(shown(back)).toEqual(shown(app));
  });
});

describe('npm run add', () => {
  it('adds a Markdown file with front matter, answerable at once; --dry-run --json stores nothing; a second add reports the duplicate', async () => {
    const app = track(await dirsApp(await tempDirs()));
    const file = join(await mkdtemp(join(tmpdir(), 'griot-add-')), 'menaka.md');
    await writeFile(file, `---\ntitle: Ménaka\nurl: https://news.example/menaka\nsite: News\ndate: 2022-06-14\n---\nLes derniers soldats de Barkhane ont quitté Ménaka.`);
    let io = captureIo();
    expect(await addCommand(app, ['--json', '--dry-run', file], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({ id: 'menaka', title: 'Ménaka', date: '2022-06-14', datePrecision: 'day', url: 'https://news.example/menaka', site: 'News', author: null, lang: null, text: 'Les derniers soldats de Barkhane ont quitté Ménaka.' });
    expect(await app.store.documents.get('menaka')).toBeUndefined();
    io = captureIo();
    expect(await addCommand(app, [file], io)).toBe(0);
    expect(io.stdout).toBe('Added "Ménaka" (News, 2022-06-14) as menaka.\n');
    expect(app.engine.search('Ménaka')[0]?.doc).toMatchObject({ id: 'menaka', url: 'https://news.example/menaka' });
    const copy = join(file, '..', 'copy.md');
    await writeFile(copy, 'Les derniers soldats de Barkhane ont quitté Ménaka.');
    io = captureIo();
    await addCommand(app, ['--json', copy], io);
    expect(JSON.parse(io.stdout)).toMatchObject({ duplicateOf: 'menaka' });
    expect(await addCommand(app, ['missing.txt'], (io = captureIo()))).toBe(1);
    expect(io.stderr).toMatch(/missing\.txt could not be read \(ENOENT\)/);
  });
});
