/**
 * The document store's contract, as a suite any implementation runs (SQLite here; a server
 * database's implementation calls it with its own `open`).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentStore, NewDocument } from '../../src/store/documents.js';

/** A document with everything a test does not care about filled in. */
export function newDocument(id: string, overrides: Partial<NewDocument> = {}): NewDocument {
  return {
    id,
    source: 'url',
    sourceRef: `https://news.example/${id}`,
    url: `https://news.example/${id}`,
    title: `Titre ${id}`,
    date: { iso: '2022-02-17', precision: 'day', inferred: false },
    site: 'Le Journal',
    author: 'A. Auteur',
    lang: 'fr',
    text: `Le texte de l'article ${id} sur le retrait de Barkhane.`,
    ...overrides,
  };
}

/** Runs the contract against stores made by `open` (a fresh, empty store each call). */
export function documentStoreContract(name: string, open: () => Promise<DocumentStore>): void {
  describe(`${name}: the document store`, () => {
    it('starts empty at revision 0 with an id of its own', async () => {
      const store = await open();
      expect(await store.revision()).toBe(0);
      expect(await store.list()).toEqual([]);
      expect(store.storeId).toMatch(/\w{8,}/);
      expect((await open()).storeId).not.toBe(store.storeId);
    });

    it('stores a document with every field, and increases the revision once per change', async () => {
      const store = await open();
      const r = await store.apply({ put: [newDocument('a'), newDocument('b', { date: null, title: null, site: null, author: null, lang: null, url: null })] });
      expect(r).toEqual({ revision: 1, changed: true });
      const a = await store.get('a');
      expect(a).toMatchObject({ ...newDocument('a'), revision: 1, alsoAt: [] });
      expect(a?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(a?.addedAt).toBeInstanceOf(Date);
      expect(await store.get('b')).toMatchObject({ title: null, date: null, url: null });
      expect((await store.list()).map((d) => d.id)).toEqual(['a', 'b']);
      expect((await store.list())[0]).not.toHaveProperty('text');
      expect(await store.revision()).toBe(1);
    });

    it('keeps the revision when a change changes nothing', async () => {
      const store = await open();
      await store.apply({ put: [newDocument('a')] });
      expect(await store.apply({ put: [newDocument('a')], remove: ['nope'] })).toEqual({ revision: 1, changed: false });
      expect(await store.apply({ put: [newDocument('a', { title: 'Autre titre' })] })).toEqual({ revision: 2, changed: true });
      expect((await store.get('a'))?.title).toBe('Autre titre');
    });

    it('removes documents and their other addresses', async () => {
      const store = await open();
      await store.apply({ put: [newDocument('a'), newDocument('b')] });
      await store.apply({ alsoAt: [{ id: 'a', url: 'https://other.example/copy' }] });
      expect((await store.findByUrl('https://other.example/copy'))?.id).toBe('a');
      expect((await store.get('a'))?.alsoAt).toEqual(['https://other.example/copy']);
      await store.apply({ remove: ['a'] });
      expect(await store.get('a')).toBeUndefined();
      expect(await store.findByUrl('https://other.example/copy')).toBeUndefined();
      expect(await store.revision()).toBe(3);
    });

    it('finds a document by its address and by the hash of its text', async () => {
      const store = await open();
      await store.apply({ put: [newDocument('a')] });
      const a = await store.get('a');
      expect((await store.findByUrl('https://news.example/a'))?.id).toBe('a');
      expect(await store.findByUrl('https://news.example/zzz')).toBeUndefined();
      expect((await store.findByContentHash(a!.contentHash))?.id).toBe('a');
    });

    it('lists by source and words, paged, and counts the same way', async () => {
      const store = await open();
      await store.apply({
        put: [newDocument('a'), newDocument('b', { source: 'folder', sourceRef: 'b.txt', title: 'Gao tombe' }), newDocument('c', { title: 'Gao encore' })],
      });
      expect((await store.list({ source: 'folder' })).map((d) => d.id)).toEqual(['b']);
      expect((await store.list({ query: 'gao' })).map((d) => d.id)).toEqual(['b', 'c']);
      expect((await store.list({ limit: 2, offset: 1 })).map((d) => d.id)).toEqual(['b', 'c']);
      expect(await store.count({ query: 'gao' })).toBe(2);
      expect(await store.count({ query: '100%' })).toBe(0);
      expect((await store.getMany(['c', 'x', 'a'])).map((d) => d.id)).toEqual(['c', 'a']);
    });

    it('writes all of a change or nothing of it', async () => {
      const store = await open();
      await store.apply({ put: [newDocument('a')] });
      await expect(store.apply({ put: [newDocument('b')], alsoAt: [{ id: 'missing', url: 'https://x.example/' }] })).rejects.toThrow(/missing/);
      await expect(store.apply({ remove: ['a'], put: [newDocument('c', { text: '   ' })] })).rejects.toThrow(/no text/);
      expect((await store.list()).map((d) => d.id)).toEqual(['a']);
      expect(await store.revision()).toBe(1);
    });

    it('remembers folder files, and forgets them by path', async () => {
      const store = await open();
      const file = { path: 'a.txt', hash: 'h1', size: 10, mtimeMs: 1.5, docId: 'a', skipReason: null, excluded: false };
      await store.apply({ put: [newDocument('a', { source: 'folder', sourceRef: 'a.txt' })], folderPut: [file, { ...file, path: 'x.bin.txt', docId: null, skipReason: 'looks binary' }] });
      expect(await store.folderFiles()).toEqual([file, { ...file, path: 'x.bin.txt', docId: null, skipReason: 'looks binary' }]);
      expect((await store.apply({ folderPut: [file] })).changed).toBe(false);
      await store.apply({ folderRemove: ['x.bin.txt'] });
      expect((await store.folderFiles()).map((f) => f.path)).toEqual(['a.txt']);
    });
  });
}
