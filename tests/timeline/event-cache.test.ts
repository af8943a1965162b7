import { appendFile, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/document.js';
import { EXTRACTION_VERSION, mergedChangesPath, mergedPath, openEventCache } from '../../src/timeline/event-cache.js';
import { extractCorpusEvents } from '../../src/timeline/extract.js';
import type { Document } from '../../src/types.js';
import { seedIndex } from '../helpers/seeds.js';

const tmp = () => mkdtemp(join(tmpdir(), 'griot-events-'));

describe('openEventCache', () => {
  it('gives the same events as extracting directly, and again after reopening from disk', async () => {
    const docs = (await seedIndex()).fullDocuments();
    const path = join(await tmp(), 'events.json');
    const cache = await openEventCache(path);
    const direct = extractCorpusEvents(docs);
    expect(await cache.eventsFor(docs)).toEqual(direct);
    await cache.save();
    expect(await (await openEventCache(path)).eventsFor(docs)).toEqual(direct);
  });

  it('re-extracts a document whose content changed and drops a removed one', async () => {
    const cache = await openEventCache(join(await tmp(), 'events.json'));
    const a = parseDocument('a.txt', ' date 2021-06 De putsch van 24 mei was de tweede.');
    const b = parseDocument('b.txt', ' date 2020-01 Sinds 2013 strijdt Frankrijk in de Sahel.');
    if ('skip' in a || 'skip' in b) throw new Error('fixture');
    expect((await cache.eventsFor([a, b])).map((e) => e.date).sort()).toEqual(['2013', '2021-05-24']);
    const a2 = parseDocument('a.txt', ' date 2021-06 De putsch van 25 mei was de tweede.');
    if ('skip' in a2) throw new Error('fixture');
    expect((await cache.eventsFor([a2])).map((e) => e.date)).toEqual(['2021-05-25']);
  });

  it('starts empty from a corrupt file', async () => {
    const path = join(await tmp(), 'events.json');
    await writeFile(path, '{"version": 1, "docs": ');
    const docs = (await seedIndex()).fullDocuments();
    expect((await (await openEventCache(path)).eventsFor(docs)).length).toBeGreaterThan(0);
  });

  it('reads the merged timeline saved under the fingerprint back without extracting or merging', async () => {
    const docs = (await seedIndex()).fullDocuments();
    const path = join(await tmp(), 'events.json');
    const first = await openEventCache(path);
    const events = await first.eventsFor(docs, 'fp-1');
    expect(first.stats).toEqual({ extracted: docs.length, merges: 1 });
    await first.save();

    const second = await openEventCache(path);
    expect(await second.eventsFor(docs, 'fp-1')).toEqual(events);
    expect(second.stats).toEqual({ extracted: 0, merges: 0 });
  });

  it('merges again, extracting only the changed document, when the fingerprint is another', async () => {
    const docs = (await seedIndex()).fullDocuments();
    const path = join(await tmp(), 'events.json');
    const first = await openEventCache(path);
    await first.eventsFor(docs, 'fp-1');
    await first.save();
    const changed = parseDocument('extra.txt', ' date 2021-06 De putsch van 24 mei was de tweede.');
    if ('skip' in changed) throw new Error('fixture');

    const second = await openEventCache(path);
    const events = await second.eventsFor([...docs, changed], 'fp-2');
    expect(second.stats).toEqual({ extracted: 1, merges: 1 });
    expect(events.some((e) => e.citations.some((c) => c.docId === 'extra'))).toBe(true);
  });
});

describe('openEventCache after a reindex', () => {
  const doc = (file: string, text: string) => {
    const d = parseDocument(file, text);
    if ('skip' in d) throw new Error('fixture');
    return d;
  };
  /** A cache that merged the seeds under fp-1 and saved them: what a reindex or a restart starts from. */
  const savedSeeds = async () => {
    const docs = (await seedIndex()).fullDocuments();
    const path = join(await tmp(), 'events.json');
    // Five seeds, up to three of them changing: more than the default share a change may hold.
    const first = await openEventCache(path, { maxChangedShare: 1 });
    await first.eventsFor(docs, 'fp-1');
    await first.save();
    return { docs, path, first };
  };
  /** The timeline merged from scratch, by a cache with nothing saved. */
  const fromScratch = async (docs: readonly Document[], fingerprint: string) =>
    (await openEventCache(join(await tmp(), 'events.json'))).eventsFor(docs, fingerprint);

  it('saves a reindex as changes, and a start reads back the same timeline as merging from scratch, doing no work', async () => {
    const { docs, path, first } = await savedSeeds();
    const fullBefore = await readFile(mergedPath(path), 'utf8');
    const docsBefore = (await stat(path)).size;

    // A reindex: one seed changed (a new dated sentence), one removed, one added.
    const [changed, removed, ...rest] = docs;
    const changedAgain = doc(changed!.file, `${changed!.text}\n\nOp 3 maart 2020 landden de eerste Tsjechische soldaten in Gao.`);
    const added = doc('zz-extra.txt', ' date 2021-06 De putsch van 24 mei was de tweede in negen maanden.');
    const after = [changedAgain, ...rest, added];
    const events = await first.eventsFor(after, 'fp-2');
    await first.save();

    const fresh = await fromScratch(after, 'fp-2');
    expect(events).toEqual(fresh);
    expect(events.some((e) => e.citations.some((c) => c.docId === removed!.id))).toBe(false);
    // The full merged file was left as it was; the per-document file grew by the two extracted documents.
    expect(await readFile(mergedPath(path), 'utf8')).toBe(fullBefore);
    expect(JSON.parse(await readFile(mergedChangesPath(mergedPath(path)), 'utf8'))).toMatchObject({ fingerprint: 'fp-2', base: 'fp-1' });
    expect((await stat(path)).size).toBeGreaterThan(docsBefore);

    const restarted = await openEventCache(path);
    expect(await restarted.eventsFor(after, 'fp-2')).toEqual(fresh);
    expect(restarted.stats).toEqual({ extracted: 0, merges: 0 });
    // And the per-document file gives every document back: another corpus change extracts only what changed.
    const more = [...after, doc('zz-more.txt', ' date 2022-02 Op 17 februari 2022 kondigde Macron het vertrek aan.')];
    expect(await restarted.eventsFor(more, 'fp-3')).toEqual(await fromScratch(more, 'fp-3'));
    expect(restarted.stats).toEqual({ extracted: 1, merges: 1 });
  });

  it('merges a corpus changed while stopped from the timeline saved for the old one (resume)', async () => {
    const { docs, path } = await savedSeeds();
    const after = [...docs, doc('zz-extra.txt', ' date 2021-06 De putsch van 24 mei was de tweede in negen maanden.')];

    const restarted = await openEventCache(path, { maxChangedShare: 1 });
    expect(await restarted.resume('fp-1', new Map(docs.map((d) => [d.id, d.hash])))).toBe(true);
    const events = await restarted.eventsFor(after, 'fp-2');
    await restarted.save();
    expect(events).toEqual(await fromScratch(after, 'fp-2'));
    expect(restarted.stats.extracted).toBe(1);
    // Merged from the saved timeline, so saved as changes to it.
    expect(JSON.parse(await readFile(mergedChangesPath(mergedPath(path)), 'utf8'))).toMatchObject({ fingerprint: 'fp-2', base: 'fp-1' });
    expect(await (await openEventCache(path)).resume('fp-0', new Map())).toBe(false);
  });

  it('reads the per-document file of the former layout without extracting again', async () => {
    const docs = (await seedIndex()).fullDocuments();
    const path = join(await tmp(), 'events.json');
    const old = Object.fromEntries(docs.map((d) => [d.id, { hash: d.hash, events: extractCorpusEvents([d]) }]));
    await writeFile(path, JSON.stringify({ version: EXTRACTION_VERSION, docs: old }));
    const cache = await openEventCache(path);
    expect(await cache.eventsFor(docs, 'fp-old')).toEqual(await fromScratch(docs, 'fp-old'));
    expect(cache.stats.extracted).toBe(0);
  });

  it('extracts again only the document whose line a crash cut short', async () => {
    const docs = (await seedIndex()).fullDocuments();
    const path = join(await tmp(), 'events.json');
    const first = await openEventCache(path);
    await first.eventsFor(docs);
    await first.save();
    await appendFile(path, '{"id":"zz","hash":"abc","eve');
    const cache = await openEventCache(path);
    const all = [...docs, doc('zz.txt', ' date 2021-06 De putsch van 24 mei was de tweede.')];
    await cache.eventsFor(all);
    expect(cache.stats.extracted).toBe(1);
    // Saved after the cut line, the new document's events are read back at the next start.
    await cache.save();
    const next = await openEventCache(path);
    await next.eventsFor(all);
    expect(next.stats.extracted).toBe(0);
  });
});
