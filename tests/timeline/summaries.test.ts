import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSummaryCache } from '../../src/timeline/summary-cache.js';
import { summariseEvents, type Summarise, type SummaryCache } from '../../src/timeline/summaries.js';
import type { Lang, TimelineEvent } from '../../src/types.js';

function event(i: number): TimelineEvent {
  return {
    id: `e${i}`,
    date: '2021',
    precision: 'year',
    inferred: false,
    text: `Zin nummer ${i}.`,
    lang: 'nl',
    citations: [{ docId: 'd', passageId: 'd#0', date: null, title: 't' }],
  };
}

function memoryCache(): SummaryCache & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (id, lang) => map.get(`${lang}:${id}`), set: (id, lang, s) => void map.set(`${lang}:${id}`, s) };
}

/** A summariser that records its batches and answers "<lang>: <text>". */
function recordingSummarise() {
  const calls: { ids: string[]; lang: Lang }[] = [];
  const summarise: Summarise = async (batch, lang) => {
    calls.push({ ids: batch.map((b) => b.id), lang });
    return Object.fromEntries(batch.map((b) => [b.id, `${lang}: ${b.text}`]));
  };
  return { calls, summarise };
}

describe('summariseEvents', () => {
  it('summarises in batches of 20', async () => {
    const { calls, summarise } = recordingSummarise();
    const events = Array.from({ length: 45 }, (_, i) => event(i));
    const result = await summariseEvents(events, 'en', { summarise, cache: memoryCache() });
    expect(calls.map((c) => c.ids.length)).toEqual([20, 20, 5]);
    expect(result.events.map((e) => e.summary)).toEqual(events.map((e) => `en: ${e.text}`));
    expect(result.summarised).toBe(45);
  });

  it('asks only for events not cached in that language', async () => {
    const { calls, summarise } = recordingSummarise();
    const cache = memoryCache();
    const events = [event(1), event(2), event(3)];
    await summariseEvents(events.slice(0, 2), 'en', { summarise, cache });
    const again = await summariseEvents(events, 'en', { summarise, cache });
    expect(calls.map((c) => c.ids)).toEqual([['e1', 'e2'], ['e3']]);
    expect(again.fromCache).toBe(2);
    await summariseEvents(events, 'fr', { summarise, cache });
    expect(calls.at(-1)).toEqual({ ids: ['e1', 'e2', 'e3'], lang: 'fr' });
  });

  it('ignores ids it did not ask for and empty answers, and makes answers one line', async () => {
    const summarise: Summarise = async () => ({ e1: '  Serval\n begint.  ', e2: '', injected: 'x' });
    const cache = memoryCache();
    const result = await summariseEvents([event(1), event(2)], 'nl', { summarise, cache });
    expect(result.events.map((e) => e.summary)).toEqual(['Serval begint.', undefined]);
    expect([...cache.map.keys()]).toEqual(['nl:e1']);
  });

  it('stops at a failed batch, keeping the summaries made before it and saying why', async () => {
    let call = 0;
    const summarise: Summarise = async (batch) => {
      call++;
      if (call === 2) throw new Error('timeout');
      return Object.fromEntries(batch.map((b) => [b.id, 'ok']));
    };
    const events = Array.from({ length: 5 }, (_, i) => event(i));
    const result = await summariseEvents(events, 'nl', { summarise, cache: memoryCache() }, { batchSize: 2 });
    expect(call).toBe(2);
    expect(result.events.map((e) => e.summary)).toEqual(['ok', 'ok', undefined, undefined, undefined]);
    expect(result.error).toMatch(/timeout/);
  });
});

describe('createFileSummaryCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'griot-summaries-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps summaries across instances once flushed, creating the directory', async () => {
    const file = path.join(dir, 'sub', 'summaries.json');
    const cache = createFileSummaryCache(file);
    await cache.set('e1', 'en', 'Serval starts.');
    await cache.flush();
    const reopened = createFileSummaryCache(file);
    expect(await reopened.get('e1', 'en')).toBe('Serval starts.');
    expect(await reopened.get('e1', 'fr')).toBeUndefined();
    expect(await readdir(path.join(dir, 'sub'))).toEqual(['summaries.json']);
  });

  it('is flushed by summariseEvents after each batch', async () => {
    const file = path.join(dir, 'summaries.json');
    const { summarise } = recordingSummarise();
    await summariseEvents([event(1)], 'nl', { summarise, cache: createFileSummaryCache(file) });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, summaries: { 'nl:e1': 'nl: Zin nummer 1.' } });
  });

  it('starts empty from a corrupt file and replaces it on the next flush', async () => {
    const file = path.join(dir, 'summaries.json');
    await writeFile(file, '{not json');
    const cache = createFileSummaryCache(file);
    expect(await cache.get('e1', 'nl')).toBeUndefined();
    await cache.set('e1', 'nl', 'ok');
    await cache.flush();
    expect(await createFileSummaryCache(file).get('e1', 'nl')).toBe('ok');
  });
});
