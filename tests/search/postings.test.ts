import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { MiniSearchPostings, packMiniSearch } from '../../src/search/postings.js';

const OPTIONS = { fields: ['text'], tokenize: (s: string) => s.split(' '), searchOptions: { tokenize: (s: string) => [s] } };

function built(): MiniSearch {
  const ms = new MiniSearch(OPTIONS);
  ms.addAll([
    { id: 'a#0', text: 'mali barkhane retrait' },
    { id: 'a#1', text: 'wagner bamako mali' },
    { id: 'b#0', text: 'takuba retrait niger mali' },
    { id: 'b#1', text: 'élection été mali' },
  ]);
  return ms;
}

const hits = (ms: MiniSearch, q: string) => ms.search(q).map((r) => [r.id, r.score]);

describe('MiniSearchPostings', () => {
  it('finds and scores a saved index exactly as the index it was saved from, loading only the terms searched', () => {
    const original = built();
    const loaded = MiniSearchPostings.unpack(packMiniSearch(original), OPTIONS);
    expect(loaded.searchable([]).termCount).toBe(0);
    for (const q of ['mali', 'retrait', 'wagner', 'été', 'absent']) {
      expect(hits(loaded.searchable([q]), q)).toEqual(hits(original, q));
    }
    expect(loaded.searchable([]).termCount).toBe(4);
    expect(loaded.has('b#1')).toBe(true);
  });

  it('takes a change after loading only the changed passages\' terms, and searches as the index changed in full', () => {
    const original = built();
    const loaded = MiniSearchPostings.unpack(packMiniSearch(original), OPTIONS);
    const removed = { id: 'a#1', text: 'wagner bamako mali' };
    const added = { id: 'c#0', text: 'wagner africa corps' };
    loaded.searchable(`${removed.text} ${added.text}`.split(' '));
    const ms = loaded.changed();
    for (const m of [ms, original]) {
      m.remove(removed);
      m.add(added);
    }
    expect(loaded.searchable([]).termCount).toBeLessThan(original.termCount);
    // Loaded after the change (retrait, niger), changed (mali, wagner), emptied by it (bamako) and new (corps).
    for (const q of ['retrait', 'niger', 'mali', 'wagner', 'bamako', 'corps']) expect(hits(loaded.searchable([q]), q)).toEqual(hits(original, q));
    expect(new Map(loaded.whole().toJSON().index)).toEqual(new Map(original.toJSON().index));
    expect(new Map(MiniSearchPostings.unpack(loaded.pack(), OPTIONS).whole().toJSON().index)).toEqual(new Map(original.toJSON().index));
  });

  it('packs an unchanged loaded index back to what it was loaded from', () => {
    const packed = packMiniSearch(built());
    const loaded = MiniSearchPostings.unpack(packed, OPTIONS);
    loaded.searchable(['mali']);
    const again = loaded.pack();
    expect(again.terms).toEqual(packed.terms);
    expect(again.postings.equals(packed.postings)).toBe(true);
  });

  it('refuses postings whose offsets do not fit them', () => {
    const packed = packMiniSearch(built());
    expect(() => MiniSearchPostings.unpack({ ...packed, postings: packed.postings.subarray(1) }, OPTIONS)).toThrow(/offsets/);
    expect(() => MiniSearchPostings.unpack({ ...packed, terms: packed.terms.slice(1) }, OPTIONS)).toThrow(/offsets/);
  });
});
