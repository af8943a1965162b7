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
    expect(cache.eventsFor(docs)).toEqual(direct);
    await cache.save();
    expect((await openEventCache(path)).eventsFor(docs)).toEqual(direct);
  });

  it('re-extracts a document whose content changed and drops a removed one', async () => {
    const cache = await openEventCache(join(await tmp(), 'events.json'));
    const a = parseDocument('a.txt', ' date 2021-06 De putsch van 24 mei was de tweede.');
    const b = parseDocument('b.txt', ' date 2020-01 Sinds 2013 strijdt Frankrijk in de Sahel.');
    if ('skip' in a || 'skip' in b) throw new Error('fixture');
    expect(cache.eventsFor([a, b]).map((e) => e.date).sort()).toEqual(['2013', '2021-05-24']);
    const a2 = parseDocument('a.txt', ' date 2021-06 De putsch van 25 mei was de tweede.');
    if ('skip' in a2) throw new Error('fixture');
    expect(cache.eventsFor([a2]).map((e) => e.date)).toEqual(['2021-05-25']);
  });

  it('starts empty from a corrupt file', async () => {
    const path = join(await tmp(), 'events.json');
    await writeFile(path, '{"version": 1, "docs": ');
    const docs = (await seedIndex()).fullDocuments();
    expect((await openEventCache(path)).eventsFor(docs).length).toBeGreaterThan(0);
  });
});
