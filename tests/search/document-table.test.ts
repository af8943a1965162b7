import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { splitPassages } from '../../src/corpus/passages.js';
import { DocumentTable } from '../../src/search/document-table.js';
import type { Document } from '../../src/types.js';
import { SEEDS_DIR } from '../helpers/seeds.js';

/** A document whose text mixes one-, two-, three- and four-byte UTF-8 characters. */
function accented(): Document {
  const text = 'Été 2022 : « Barkhane s’achève » à Gao.\n\nLes soldats 🇫🇷 partent ; l’état-major confirme.\n\nŒuvre d’art, señor, Ærø.';
  const passages = splitPassages('accents', text, 'fr');
  return { id: 'accents', file: 'accents.txt', date: null, title: 'Été 2022', lang: 'fr', hash: 'h', passageCount: passages.length, text, passages };
}

describe('DocumentTable', () => {
  it('hands back every seed document and passage as parsed: text, offsets, language and ids', async () => {
    const { documents } = await loadCorpus(SEEDS_DIR);
    const table = DocumentTable.fromDocuments(documents);
    for (const doc of documents) {
      expect(table.document(doc.id)).toEqual(doc);
      for (const p of doc.passages) expect(table.passage(table.passageIndex(p.id) as number)).toEqual(p);
    }
    expect(table.passageCount).toBe(documents.reduce((n, d) => n + d.passages.length, 0));
  });

  it('cuts passages right in texts with multi-byte characters, also once restored from its parts', () => {
    const doc = accented();
    expect(doc.passages.length).toBeGreaterThan(2);
    const restored = DocumentTable.restore(DocumentTable.fromDocuments([doc]).parts());
    for (const p of doc.passages) expect(restored.passageText(restored.passageIndex(p.id) as number)).toBe(p.text);
    expect(restored.document('accents')?.text).toBe(doc.text);
  });

  it('refuses parts that do not fit together instead of showing wrong text', () => {
    const parts = DocumentTable.fromDocuments([accented()]).parts();
    expect(() => DocumentTable.restore({ ...parts, texts: parts.texts.subarray(0, 10) })).toThrow();
    expect(() => DocumentTable.restore({ ...parts, metas: [] })).toThrow();
  });

  it('keeps documents from the table and adds parsed ones: the same table as parsing them all, accents included', async () => {
    const { documents } = await loadCorpus(SEEDS_DIR);
    const [first, second, ...rest] = documents as [Document, Document, ...Document[]];
    const table = DocumentTable.fromDocuments([first, second, accented(), ...rest]);
    // The second document changed, the accented one is kept after a new one, the first is gone.
    const changed = { ...second, text: `${second.text} `, hash: 'changed' };
    const added = { ...accented(), id: 'added', file: 'added.txt', passages: accented().passages.map((p) => ({ ...p, id: p.id.replace('accents', 'added'), docId: 'added' })) };
    const updated = table.withDocuments([changed, added, 2, ...rest.map((_, i) => i + 3)]);
    const expected = [changed, added, accented(), ...rest];
    expect(updated.metas).toEqual(DocumentTable.fromDocuments(expected).metas);
    for (const doc of expected) {
      expect(updated.document(doc.id)).toEqual(doc);
      for (const p of doc.passages) expect(updated.passage(updated.passageIndex(p.id) as number)).toEqual(p);
    }
    expect(updated.document(first.id)).toBeUndefined();
    expect(updated.passageCount).toBe(expected.reduce((n, d) => n + d.passages.length, 0));
    // The table it was made from still holds what it held.
    expect(table.document(first.id)).toEqual(first);
    expect(DocumentTable.restore(updated.parts()).document('accents')?.text).toBe(accented().text);
  });
});
