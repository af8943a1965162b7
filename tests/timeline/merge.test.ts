import { describe, expect, it } from 'vitest';
import { mergeEvents, remergeEvents, sameEvent, type MergeStats } from '../../src/timeline/merge.js';
import type { TimelineEvent } from '../../src/types.js';

function event(docId: string, date: string, text: string, inferred = false): TimelineEvent {
  return {
    id: `${docId}:${date}:${text.length}`,
    date,
    precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
    inferred,
    text,
    lang: 'nl',
    citations: [{ docId, passageId: `${docId}#0`, date: null, title: docId }],
  };
}

/** Events that merge with each other and events that do not, for the exhaustive comparisons below. */
const MIXED_TEXTS = [
  'Op 24 mei pleegde het Malinese leger een militaire putsch in Bamako.',
  'De militaire putsch van het Malinese leger in Bamako, op 24 mei.',
  'Sinds 2013 vecht Frankrijk in Mali.',
  'Het Malinese leger trok zich terug uit Bamako na de putsch.',
  'Frankrijk vecht sinds 2013 in Mali tegen jihadisten.',
];

describe('mergeEvents', () => {
  it('merges the identical sentence from two articles into one event citing both', () => {
    const merged = mergeEvents([
      event('a', '2013', 'Sinds 2013 vecht Frankrijk in Mali.'),
      event('b', '2013', 'Sinds 2013 vecht Frankrijk in Mali.'),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.citations.map((c) => c.docId)).toEqual(['a', 'b']);
  });

  it('merges the same event told with mostly the same content words', () => {
    const merged = mergeEvents([
      event('a', '2021-05-24', 'Op 24 mei pleegde het Malinese leger een militaire putsch in Bamako.'),
      event('b', '2021-05-24', 'De militaire putsch van het Malinese leger in Bamako, op 24 mei.'),
    ]);
    expect(merged).toHaveLength(1);
  });

  it('keeps the first event\'s id and text, and its place', () => {
    const first = event('a', '2013', 'Sinds 2013 vecht Frankrijk in Mali.');
    const merged = mergeEvents([first, event('c', '2020', 'Takuba in 2020.'), event('b', '2013', first.text)]);
    expect(merged.map((e) => e.id)).toEqual([first.id, merged[1]?.id]);
    expect(merged[0]?.text).toBe(first.text);
  });

  it('does not merge the same sentence under different dates', () => {
    const text = 'Vorige week bevroor Parijs de operaties met het Malinese leger.';
    expect(mergeEvents([event('a', '2021-06', text), event('b', '2021-10', text)])).toHaveLength(2);
  });

  it('does not merge different events on the same date', () => {
    expect(
      mergeEvents([
        event('a', '2013', 'Sinds 2013 vecht Frankrijk tegen jihadisten in de Sahel.'),
        event('b', '2013', 'In 2013 begonnen de Fransen Opération Serval in Noord-Mali.'),
      ]),
    ).toHaveLength(2);
  });

  it('counts a merged date as stated when one article states it', () => {
    const text = 'De verkiezingen van 27 februari 2022 worden uitgesteld.';
    const merged = mergeEvents([event('a', '2022-02-27', text, true), event('b', '2022-02-27', text, false)]);
    expect(merged[0]?.inferred).toBe(false);
  });

  it('merges exactly as comparing every event with every earlier one would', () => {
    const dates = ['2013', '2021-05-24', '2021-05'];
    const events = Array.from({ length: 60 }, (_, i) => event(`d${i}`, dates[i % 3] as string, MIXED_TEXTS[(i * 7) % 5] as string));
    const naive: TimelineEvent[] = [];
    for (const e of events) {
      const i = naive.findIndex((m) => sameEvent(m, e));
      if (i === -1) naive.push(e);
      else naive[i] = { ...naive[i]!, inferred: naive[i]!.inferred && e.inferred, citations: [...naive[i]!.citations, ...e.citations] };
    }
    expect(mergeEvents(events)).toEqual(naive);
  });

  it('compares an event only with events of its date that share a word, so the work grows with the corpus, not its square', () => {
    // 4,000 distinct events over 2,000 dates: comparing all pairs would be 8 million comparisons.
    const events = Array.from({ length: 4000 }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
      const year = 2000 + (Math.floor(i / 336) % 6);
      return event(`d${i}`, `${year}-${month}-${day}`, `Gebeurtenis nummer${i} met woord${i % 97} en term${i % 89} erbij.`);
    });
    const stats: MergeStats = { comparisons: 0 };
    const merged = mergeEvents(events, stats);
    expect(merged).toHaveLength(4000);
    expect(stats.comparisons).toBeLessThan(events.length * 10);
    const twice: MergeStats = { comparisons: 0 };
    mergeEvents([...events, ...events.map((e) => ({ ...e, id: `${e.id}b`, citations: [{ ...e.citations[0]!, passageId: `${e.id}#b` }] }))], twice);
    // Twice the events: about twice the work (every copy meets its original), not four times.
    expect(twice.comparisons).toBeLessThan(stats.comparisons * 2 + events.length * 10);
  });
});

describe('remergeEvents', () => {
  const dates = ['2013', '2021-05-24', '2021-05', '2020'];
  /** Two events a document, dated and worded so that many merge across documents. */
  const docEvents = (i: number, shift = 0): TimelineEvent[] => [
    event(`d${i}`, dates[(i + shift) % 4] as string, MIXED_TEXTS[(i * 7 + shift) % 5] as string),
    event(`d${i}`, dates[(i + 1) % 4] as string, `${MIXED_TEXTS[(i + 2) % 5] as string} (${i % 3})`),
  ];
  /** Document ids in corpus order, and each one's events. */
  const corpus = (ids: readonly number[], changed: ReadonlyMap<number, number> = new Map()) => {
    const byDoc = new Map(ids.map((i) => [`d${i}`, docEvents(i, changed.get(i) ?? 0)]));
    return { ids: [...byDoc.keys()], eventsOf: (id: string) => byDoc.get(id) ?? [], all: [...byDoc.values()].flat() };
  };

  it('gives what merging the new corpus from scratch gives, after documents were removed, changed and added', () => {
    const before = Array.from({ length: 40 }, (_, i) => i);
    const previous = mergeEvents(corpus(before).all);
    // d0 and d4 lead merged events that later documents joined; d7 changes; d100 comes in the middle.
    const after = corpus([...before.filter((i) => i !== 0 && i !== 4).slice(0, 20), 100, ...before.slice(22)], new Map([[7, 1]]));
    const merged = remergeEvents(previous, after.ids, after.eventsOf, new Set(['d0', 'd4', 'd7', 'd100']));
    expect(merged).toEqual(mergeEvents(after.all));
    expect(merged.length).toBeLessThan(after.all.length);
  });

  it('keeps the merged events of the dates no changed document has events on, and asks only the documents on the others', () => {
    // One event a document, each on a date of its own but d3's and d30's (the same date).
    const byDoc = new Map(
      Array.from({ length: 60 }, (_, i) => [`d${i}`, [event(`d${i}`, i === 30 ? '1903' : `19${String(i).padStart(2, '0')}`, `Gebeurtenis ${i} in Gao, Bamako en Ménaka.`)]]),
    );
    const ids = [...byDoc.keys()];
    const previous = mergeEvents(ids.flatMap((id) => byDoc.get(id) ?? []));
    byDoc.set('d3', [event('d3', '1903', 'Gebeurtenis 3 in Gao, Bamako en Ménaka, herschreven.')]);
    const asked = new Set<string>();
    const merged = remergeEvents(previous, ids, (id) => (asked.add(id), byDoc.get(id) ?? []), new Set(['d3']));
    expect(merged).toEqual(mergeEvents(ids.flatMap((id) => byDoc.get(id) ?? [])));
    expect([...asked].sort()).toEqual(['d3', 'd30']);
    for (const e of previous.filter((x) => x.date !== '1903')) expect(merged).toContain(e);
  });
});
