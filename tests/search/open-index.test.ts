import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openIndex, rebuildIndex } from '../../src/search/open-index.js';
import type { DocumentStore } from '../../src/store/documents.js';
import { indexStoreOptions, tempDirs } from '../helpers/corpus-dirs.js';

/** The store, counting the documents whose text was read. */
function counting(store: DocumentStore): { store: DocumentStore; texts: () => number } {
  let texts = 0;
  return {
    store: {
      ...store,
      storeId: store.storeId,
      revision: () => store.revision(),
      list: (q) => store.list(q),
      get: async (id) => (texts++, store.get(id)),
      getMany: async (ids) => ((texts += ids.length), store.getMany(ids)),
    },
    texts: () => texts,
  };
}

describe('openIndex over the document store', () => {
  it('loads the saved index at a start with nothing changed, reading no article text', async () => {
    const dirs = await tempDirs();
    const options = await indexStoreOptions(dirs);
    const first = counting(options.documents);
    expect(await openIndex({ ...options, documents: first.store })).toMatchObject({ source: 'built' });
    expect(first.texts()).toBe(3);
    const second = counting(options.documents);
    const opened = await openIndex({ ...options, documents: second.store });
    expect(opened).toMatchObject({ source: 'loaded', reason: null });
    expect(second.texts()).toBe(0);
    expect([...new Set(opened.index.search('Takuba').map((h) => h.doc.id))]).toEqual(['beta']);
  });

  it('reads only the changed document’s text at a reindex, and follows a document added to the store', async () => {
    const dirs = await tempDirs();
    const options = await indexStoreOptions(dirs);
    const opened = await openIndex(options);
    await writeFile(join(dirs.corpusDir, 'beta.txt'), ' date 2021-06 Takuba telt nu negenhonderd soldaten.');
    await options.documents.apply({
      put: [{ id: 'url_1', source: 'url', sourceRef: 'https://x.example/1', url: 'https://x.example/1', title: 'Ménaka', date: null, site: 'X', author: null, lang: 'fr', text: 'Les soldats ont quitté Ménaka.' }],
    });
    const c = counting(options.documents);
    const rebuilt = await rebuildIndex({ ...options, documents: c.store }, opened);
    expect(c.texts()).toBe(2);
    const index = rebuilt.commit().index;
    expect([...new Set(index.search('negenhonderd').map((h) => h.doc.id))]).toEqual(['beta']);
    expect(index.search('Ménaka')[0]?.doc).toMatchObject({ id: 'url_1', title: 'Ménaka', url: 'https://x.example/1', site: 'X', source: 'url' });
  });
});
