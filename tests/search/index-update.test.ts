import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/document.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { Analyser } from '../../src/search/analyser.js';
import { loadIndex, readIndexHeader, saveIndex, saveIndexChanges, savedBase } from '../../src/search/persist.js';
import { SearchIndex } from '../../src/search/search-index.js';
import type { Document } from '../../src/types.js';
import { SEEDS_DIR } from '../helpers/seeds.js';

const analyser = new Analyser();

const doc = (file: string, text: string): Document => {
  const d = parseDocument(file, text);
  if ('skip' in d) throw new Error(`fixture ${file}: ${d.skip}`);
  return d;
};

/** The seeds cut into one small article a paragraph (about 40), plus one that alone holds a word. */
async function corpus(): Promise<Document[]> {
  const seeds = (await loadCorpus(SEEDS_DIR)).documents;
  const docs = seeds.flatMap((s) => s.passages.map((p) => doc(`${s.id}-${p.index}.txt`, ` date ${s.date?.iso ?? '2021-01'} ${p.text}`)));
  return [...docs, doc('zz-only.txt', ' date 2021-03 Het woord Qwertonia staat alleen in dit artikel over Mali.')];
}

const byFile = (a: Document, b: Document) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** The corpus after a reindex: one article changed, one removed (with the only word it held), one added. */
function changed(before: readonly Document[]): Document[] {
  const target = before[3] as Document;
  const edited = doc(target.file, ` date 2021-06 ${target.text} Daarna kwamen 77 Zweedse helikopters naar Ménaka.`);
  const added = doc(`${(before[10] as Document).id}-new.txt`, ' date 2022-02 Op 17 februari 2022 kondigde Macron aan dat Barkhane Mali verlaat, na negen jaar.');
  return [...before.filter((d) => d !== target && d.file !== 'zz-only.txt'), edited, added].sort(byFile);
}

const QUERIES = [
  'Hoeveel Franse soldaten zijn gesneuveld bij Operatie Barkhane?',
  'Combien de membres de l’EIGS ont été tués ?',
  'Which Russian group sent helicopters and weapons to Bamako?',
  'Zweedse helikopters Ménaka',
  'Qwertonia',
  'Macron Barkhane vertrek februari 2022',
  'Takuba',
  'Mali',
];

/** Hits as (passage, score), ties put in id order: the order of exactly tied hits is MiniSearch's insertion order. */
const hits = (index: SearchIndex, q: string, limit = 1000) =>
  index
    .search(q, { limit })
    .map((h) => ({ id: h.passage.id, score: Number(h.score.toPrecision(12)), text: h.passage.text }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

/**
 * The same ranking at `limit`: the same scores, and the same passages above the last score; at the
 * last score, passages tied there in the full ranking (which of them a cut-off keeps is insertion order).
 */
function expectSameRanking(updated: SearchIndex, fresh: SearchIndex, q: string, limit: number) {
  const a = hits(updated, q, limit);
  const b = hits(fresh, q, limit);
  expect(a.map((h) => h.score), q).toEqual(b.map((h) => h.score));
  const last = b.at(-1)?.score;
  expect(a.filter((h) => h.score !== last), q).toEqual(b.filter((h) => h.score !== last));
  const tied = new Set(hits(fresh, q).filter((h) => h.score === last).map((h) => h.id));
  for (const h of a.filter((x) => x.score === last)) expect(tied, q).toContain(h.id);
}

/** The corpus's index saved in full (fp-1) in a fresh folder, then updated to `changed` and saved as changes to it (fp-2). */
async function savedChanges() {
  const dir = await mkdtemp(join(tmpdir(), 'griot-update-'));
  const path = join(dir, 'index.json');
  const before = await corpus();
  const index = SearchIndex.build(before, analyser);
  const stamp = await saveIndex(path, index, 'fp-1');
  // Taken before the update, as loading does: afterwards the retired index reads the updated one.
  const base = savedBase('index.json', stamp, index);
  const after = changed(before);
  const updated = index.prepareUpdate(after).apply();
  const saved = await saveIndexChanges(path, updated, 'fp-2', base, { maxShare: 1 });
  return { dir, path, before, after, saved };
}

describe('SearchIndex.prepareUpdate', () => {
  it('sends every read of the retired index to the updated one, so an answer in flight never mixes new hits with old texts', async () => {
    const before = await corpus();
    const index = SearchIndex.build(before, analyser);
    const after = changed(before);
    const added = after.find((d) => d.file.endsWith('-new.txt')) as Document;
    const updated = index.prepareUpdate(after).apply();
    const [hit] = index.search('Macron Barkhane vertrek februari 2022', { limit: 1 });
    expect(hit?.doc.id).toBe(added.id);
    expect(index.document(added.id)?.text).toBe(updated.document(added.id)?.text);
    expect(index.passage(hit!.passage.id)?.text).toBe(hit!.passage.text);
    expect(index.documents()).toEqual(updated.documents());
    expect(index.passageCount).toBe(updated.passageCount);
    const [term] = index.queryTerms('helikopters');
    expect(index.termWeight(term!)).toBe(updated.termWeight(term!));
    expect(index.documentFrequency('helikopter')).toBe(updated.documentFrequency('helikopter'));
  });

  it('gives the index a full build over the new corpus gives: hits, scores, documents and document frequencies', async () => {
    const before = await corpus();
    const index = SearchIndex.build(before, analyser);
    const after = changed(before);
    const update = index.prepareUpdate(after);
    const updated = update.apply();
    const fresh = SearchIndex.build(after, analyser);

    expect(update.builtInFull).toBe(false);
    expect(updated.documents()).toEqual(fresh.documents());
    expect(updated.passageCount).toBe(fresh.passageCount);
    expect(updated.snapshot().vocabulary).toEqual(fresh.snapshot().vocabulary);
    expect(updated.documentFrequency('qwertonia')).toBe(0);
    for (const q of QUERIES) {
      expect(hits(updated, q), q).toEqual(hits(fresh, q));
      expectSameRanking(updated, fresh, q, 8);
    }
    // What a user would notice: the added and the changed articles are found, the removed one is not.
    expect(updated.search('Zweedse helikopters Ménaka')[0]?.passage.text).toContain('77 Zweedse helikopters');
    expect(updated.search('Qwertonia').map((h) => h.doc.id)).not.toContain('zz-only');
    expect(index.search('Qwertonia', { limit: 100 }).map((h) => h.doc.id)).not.toContain('zz-only');
  });

  it('takes the kept documents as metadata only (their texts come from the index), but not a changed one', async () => {
    const before = await corpus();
    const index = SearchIndex.build(before, analyser);
    const after = changed(before);
    const unchanged = new Set(before);
    const metaOnly = ({ text: _t, passages: _p, ...meta }: Document) => meta;
    const fresh = SearchIndex.build(after, analyser);
    expect(() => index.prepareUpdate(after.map(metaOnly))).toThrow(/not given whole/);
    const updated = index.prepareUpdate(after.map((d) => (unchanged.has(d) ? metaOnly(d) : d))).apply();
    expect(updated.fullDocuments()).toEqual(fresh.fullDocuments());
    for (const q of QUERIES) expect(hits(updated, q), q).toEqual(hits(fresh, q));
  });

  it('is undone by the reverse update, back to the first build', async () => {
    const before = await corpus();
    const index = SearchIndex.build(before, analyser);
    const there = index.prepareUpdate(changed(before)).apply();
    const back = there.prepareUpdate(before).apply();
    expect(back.snapshot().vocabulary).toEqual(SearchIndex.build(before, analyser).snapshot().vocabulary);
    for (const q of QUERIES) expect(hits(back, q), q).toEqual(hits(SearchIndex.build(before, analyser), q));
  });

  it('changes nothing until applied, and nothing when the new corpus does not fit', async () => {
    const before = await corpus();
    const index = SearchIndex.build(before, analyser);
    const expected = QUERIES.map((q) => hits(index, q));
    const prepared = index.prepareUpdate(changed(before));
    expect(QUERIES.map((q) => hits(index, q))).toEqual(expected);
    expect(prepared.addedPassages).toBeGreaterThan(0);
    const twice = [...before, doc((before[0] as Document).file, ' date 2021-01 Een tweede artikel met dezelfde naam.')];
    expect(() => index.prepareUpdate(twice)).toThrow(/share an id/);
    expect(QUERIES.map((q) => hits(index, q))).toEqual(expected);
  });

  it('sends the searches of the index it updated to the new one', async () => {
    const before = await corpus();
    const index = SearchIndex.build(before, analyser);
    const updated = index.prepareUpdate(changed(before)).apply();
    for (const q of QUERIES) expect(hits(index, q)).toEqual(hits(updated, q));
    expect(() => index.prepareUpdate(before)).toThrow(/already updated/);
    expect(() => index.snapshot()).toThrow(/updated/);
  });

  it('saves as changes against the full file, and loads back the index a full build gives', async () => {
    const { dir, path, after, saved } = await savedChanges();
    expect(saved?.base.file).toMatch(/^index\.base-.*\.json$/);
    expect((await readdir(dir)).sort()).toEqual(['index.json', saved?.base.file].sort());
    // `npm run doctor` reads the stamp of the changes without the base.
    expect(await readIndexHeader(path)).toMatchObject({ fingerprint: 'fp-2', skipped: [] });
    const loaded = await loadIndex(path, 'fp-2', analyser);
    if (!loaded.index) throw new Error(loaded.reason);
    const fresh = SearchIndex.build(after, analyser);
    expect(loaded.index.documents()).toEqual(fresh.documents());
    expect(loaded.index.snapshot().vocabulary).toEqual(fresh.snapshot().vocabulary);
    for (const q of QUERIES) expect(hits(loaded.index, q), q).toEqual(hits(fresh, q));

    // Too many changes for the share allowed: the caller writes the whole index instead.
    expect(await saveIndexChanges(path, loaded.index, 'fp-2', loaded.base, { maxShare: 0.001 })).toBeNull();
  });

  it('reports saved changes unusable when their base is damaged, replaced or gone, instead of loading part of an index', async () => {
    const { dir, path, before, saved } = await savedChanges();
    const basePath = join(dir, saved?.base.file as string);
    const bytes = await readFile(basePath);

    await writeFile(basePath, bytes.subarray(0, bytes.length - 100));
    expect((await loadIndex(path, 'fp-2', analyser)).reason).toMatch(/base of the saved index.*cannot be read/);
    await saveIndex(basePath, SearchIndex.build(before, analyser), 'fp-1');
    expect((await loadIndex(path, 'fp-2', analyser)).reason).toMatch(/base of the saved index.*was replaced/);
    await rm(basePath);
    expect((await loadIndex(path, 'fp-2', analyser)).reason).toMatch(/base of the saved index.*no saved index yet/);
  });
});
