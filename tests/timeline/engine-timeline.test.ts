import { describe, expect, it } from 'vitest';
import { DateBoundError, dayRange } from '../../src/search/dates.js';
import { extractCorpusEvents } from '../../src/timeline/extract.js';
import { timelineFor } from '../../src/timeline/engine-timeline.js';
import { Analyser } from '../../src/search/analyser.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { seedIndex } from '../helpers/seeds.js';
import { docOf } from './helpers.js';

async function seeds() {
  const index = await seedIndex();
  return { index, events: extractCorpusEvents(index.fullDocuments()) };
}

describe('timelineFor', () => {
  it('lists the whole corpus in date order without a topic, from Serval in 2013 to the plans for 2023', async () => {
    const { index, events } = await seeds();
    const all = timelineFor(events, index, {});
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(all[0]?.date).toBe('2013');
    expect(all.at(-1)?.date).toBe('2023');
    expect(all.map((e) => e.date)).toEqual([...all.map((e) => e.date)].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4))));
    expect(all.some((e) => e.date === '2021-05-24' && e.text.includes('putsch'))).toBe(true);
  });

  it('finds Dutch events for an English topic through the cross-language search', async () => {
    const { index, events } = await seeds();
    const found = timelineFor(events, index, { topic: 'Wagner helicopters' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.citations.some((c) => c.docId === '003_744bafa943ee8020'))).toBe(true);
    expect(found.some((e) => e.text.includes('helikopters'))).toBe(true);
  });

  it('keeps the near spellings of a common word of the topic: a French topic finds the Dutch helicopter events', async () => {
    const { index, events } = await seeds();
    const found = timelineFor(events, index, { topic: 'hélicoptères' });
    expect(found.some((e) => e.text.includes('helikopters'))).toBe(true);
  });

  it('leaves out the events of a passage that only spells a word of the topic alike ("Barkha" for "Barkhane")', () => {
    const docs = [
      docOf('Le lundi 13 janvier 2020, Macron a annoncé l’envoi de 220 soldats pour renforcer la force Barkhane.', '2020-01-13', 'fr', 'a'),
      docOf('Le 2 juillet 2020, la journaliste Barkha Dutt a traversé le pays pour raconter le confinement.', '2020-07-02', 'fr', 'b'),
    ];
    const index = SearchIndex.build(docs, new Analyser());
    const events = extractCorpusEvents(docs);
    expect(events.map((e) => e.citations[0]?.docId).sort()).toEqual(['a', 'b']);
    const found = timelineFor(events, index, { topic: 'Barkhane' });
    expect(found.map((e) => e.citations[0]?.docId)).toEqual(['a']);
  });

  it('keeps only events overlapping the date range, precision-aware', async () => {
    const { index, events } = await seeds();
    const found = timelineFor(events, index, { from: '2021-05', to: '2021-06' });
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) {
      const start = dayRange(e.date)!.start;
      const end = dayRange(e.end ?? e.date)!.end;
      expect({ date: e.date, overlaps: start <= '2021-06-30' && end >= '2021-05-01' }).toEqual({ date: e.date, overlaps: true });
    }
    expect(found.some((e) => e.date === '2021')).toBe(true);
  });

  it('rejects a malformed bound naming the accepted forms', async () => {
    const { index, events } = await seeds();
    expect(() => timelineFor(events, index, { from: 'May 2021' })).toThrow(DateBoundError);
  });
});
