import { rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncFolder } from '../../src/sources/folder-sync.js';
import { openStore } from '../../src/store/sqlite.js';
import type { DocumentStore, Store } from '../../src/store/types.js';
import { tempDirs } from '../helpers/corpus-dirs.js';

const open: Store[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function setUp(files?: Record<string, string | Uint8Array>) {
  const d = await tempDirs(files);
  dirs.push(d.corpusDir, d.dataDir);
  const store = await openStore({ dataDir: d.dataDir, retentionDays: 30, pruneEveryMs: 0 });
  open.push(store);
  return { ...d, documents: store.documents };
}

const sync = (documents: DocumentStore, dir: string) => syncFolder(documents, dir, { maxBytes: 1024 * 1024 });

describe('syncFolder', () => {
  it('stores every folder file as a document with its front matter, and skips a bad one with the reason', async () => {
    const { corpusDir, documents } = await setUp();
    await writeFile(join(corpusDir, 'delta.md'), '---\ntitle: Ménaka reprise\nurl: https://news.example/menaka\nsite: Le Journal\n---\nLes soldats ont repris Ménaka.');
    await writeFile(join(corpusDir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x00]));
    const report = await sync(documents, corpusDir);
    expect(report).toMatchObject({ put: ['alpha', 'beta', 'delta', 'gamma'], removed: [], changed: true, revision: 1 });
    expect(report.skipped).toEqual([{ file: 'photo.txt', reason: expect.stringMatching(/looks binary/) }]);
    expect(await documents.get('delta')).toMatchObject({ source: 'folder', sourceRef: 'delta.md', title: 'Ménaka reprise', url: 'https://news.example/menaka', site: 'Le Journal', text: 'Les soldats ont repris Ménaka.' });
    expect(await documents.get('alpha')).toMatchObject({ title: null, date: { iso: '2021-10', precision: 'month', inferred: false } });
  });

  it('changes nothing, not even the revision, when no file changed', async () => {
    const { corpusDir, documents } = await setUp();
    await sync(documents, corpusDir);
    expect(await sync(documents, corpusDir)).toMatchObject({ put: [], removed: [], changed: false, revision: 1 });
  });

  it('follows a changed, a deleted and a renamed file', async () => {
    const { corpusDir, documents } = await setUp();
    await sync(documents, corpusDir);
    await writeFile(join(corpusDir, 'beta.txt'), ' date 2021-06 Takuba telt nu negenhonderd soldaten.');
    await unlink(join(corpusDir, 'gamma.txt'));
    const report = await sync(documents, corpusDir);
    expect(report).toMatchObject({ put: ['beta'], removed: ['gamma'], revision: 2 });
    expect((await documents.list()).map((d) => d.id)).toEqual(['alpha', 'beta']);
    expect((await documents.get('beta'))?.text).toMatch(/negenhonderd/);
    expect((await documents.folderFiles()).map((f) => f.path)).toEqual(['alpha.txt', 'beta.txt']);
  });

  it('skips a second file with the same id, and a file whose id a document from elsewhere holds', async () => {
    const { corpusDir, documents } = await setUp({ 'a.txt': 'Eerste tekst over Gao.', 'a.md': 'Tweede tekst over Gao.' });
    await documents.apply({ put: [{ id: 'b', source: 'url', sourceRef: 'https://x.example/b', url: 'https://x.example/b', title: 'B', date: null, site: null, author: null, lang: null, text: 'Tekst B.' }] });
    await writeFile(join(corpusDir, 'b.txt'), 'Een map-bestand met id b.');
    const report = await sync(documents, corpusDir);
    expect(report.skipped.map((s) => [s.file, s.reason.slice(0, 30)])).toEqual([
      ['a.txt', 'duplicate document id "a": alr'],
      ['b.txt', 'document id "b" is taken by a '],
    ]);
    expect((await documents.get('b'))?.source).toBe('url');
  });

  it('leaves the store as it was when the folder cannot be read', async () => {
    const { corpusDir, documents } = await setUp();
    await sync(documents, corpusDir);
    await expect(sync(documents, join(corpusDir, 'missing'))).rejects.toThrow(/CORPUS_DIR/);
    expect(await documents.revision()).toBe(1);
    expect((await documents.list()).length).toBe(3);
  });
});
