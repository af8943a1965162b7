import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractCorpusEvents } from '../../src/timeline/extract.js';
import { queryTimeline } from '../../src/timeline/query.js';
import { renderTimelineText } from '../../src/timeline/render-text.js';
import type { TimelineEvent } from '../../src/types.js';

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');

describe('the seed corpus timeline', () => {
  let events: TimelineEvent[];
  beforeAll(async () => {
    const { documents } = await loadCorpus(SEEDS);
    events = queryTimeline(extractCorpusEvents(documents), {});
    console.log(`Seed timeline: ${events.length} events\n${renderTimelineText(events)}`);
  });

  /** The event from `docPrefix` whose text matches `pattern`. */
  const find = (docPrefix: string, pattern: RegExp) =>
    events.filter((e) => e.citations.some((c) => c.docId.startsWith(docPrefix)) && pattern.test(e.text));

  const expectEvent = (docPrefix: string, pattern: RegExp, date: string, precision: string, end?: string) => {
    const found = find(docPrefix, pattern).map((e) => ({ date: e.date, end: e.end, precision: e.precision }));
    expect(found).toContainEqual({ date, end, precision });
  };

  it('starts with Opération Serval in 2013 (002)', () => {
    expectEvent('002', /Opération Serval/, '2013', 'year');
    expect(events[0]?.date).toBe('2013');
  });

  it('dates the putsch of 24 May 2021 (001)', () => expectEvent('001', /putsch in Mali van 24 mei/, '2021-05-24', 'day'));

  it('dates Macron on 30 May 2021 (001)', () => expectEvent('001', /op 30 mei/, '2021-05-30', 'day'));

  it('dates "vorige week" in the June 2021 article (001) to June 2021, month precision', () =>
    expectEvent('001', /^Vorige week/, '2021-06', 'month'));

  it('dates the death of 13 French soldiers "in november" (January 2020 article, 000) to 2019-11', () =>
    expectEvent('000', /13 Franse soldaten/, '2019-11', 'month'));

  it('dates the creation of Takuba in 2020 (001)', () => expectEvent('001', /in 2020 de Europese taskforce Takuba/, '2020', 'year'));

  it('dates the Kidal withdrawal "in oktober vorig jaar" (February 2022 article, 002) to 2021-10', () =>
    expectEvent('002', /Kidal/, '2021-10', 'month'));

  it('dates the tweet of February 17, 2022 (002)', () => expectEvent('002', /@EmmanuelMacron/, '2022-02-17', 'day'));

  it('gives the undated 004 no event for "du 1er au 6 février", but one for "avril 2021"', () => {
    expect(find('004', /1er au 6 février/)).toEqual([]);
    expectEvent('004', /avril 2021/, '2021-04', 'month');
  });

  it('dates the elections "27 februari volgend jaar" (October 2021 article, 003) to 2022-02-27', () =>
    expectEvent('003', /27 februari volgend jaar/, '2022-02-27', 'day'));

  it('dates the troop reduction "in 2023" (003)', () => expectEvent('003', /troepenreductie/, '2023', 'year'));

  it('is in chronological order', () => {
    const starts = events.map((e) => e.date.padEnd(10, '-'));
    expect(starts).toEqual([...starts].sort());
  });
});
