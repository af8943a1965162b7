import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/document.js';
import { openEventCache } from '../../src/timeline/event-cache.js';
import { extractCorpusEvents } from '../../src/timeline/extract.js';
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
