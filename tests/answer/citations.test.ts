import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/answer/citations.js';
import type { SearchHit } from '../../src/types.js';
import { CORPUS, FR_LAST_SOLDIER, NL_ANNOUNCEMENT, NL_WAGNER } from './llm-fixtures.js';

const sources = [NL_ANNOUNCEMENT, NL_WAGNER, FR_LAST_SOLDIER];

describe('checkCitations', () => {
  it('renumbers the cited sources 1..m in order of first use', () => {
    const r = checkCitations('The last soldier left in August [3]. The withdrawal was announced in February [1].', sources);
    expect(r.text).toBe('The last soldier left in August [1]. The withdrawal was announced in February [2].');
    expect(r.citations.map((c) => [c.n, c.passageId])).toEqual([
      [1, FR_LAST_SOLDIER.passage.id],
      [2, NL_ANNOUNCEMENT.passage.id],
    ]);
  });

  it('drops numbers that map to no source, and a marker left empty with its space', () => {
    const r = checkCitations('A [3]. B [9]. C [1][3]. D [0, 2, 7].', sources);
    expect(r.text).toBe('A [1]. B. C [2][1]. D [3].');
    expect(r.citations.map((c) => c.passageId)).toEqual([FR_LAST_SOLDIER.passage.id, NL_ANNOUNCEMENT.passage.id, NL_WAGNER.passage.id]);
  });

  it('cites one article once: a second passage of it gets the same number and its text is shown with the first', () => {
    const second: SearchHit = { ...NL_WAGNER, passage: { ...NL_WAGNER.passage, id: `${NL_WAGNER.doc.id}#1`, index: 1, text: 'Tweede passage over Wagner.' } };
    const r = checkCitations('Wagner landed [1]. It denies [3]. Again [2].', [NL_WAGNER, NL_ANNOUNCEMENT, second]);
    expect(r.text).toBe('Wagner landed [1]. It denies [1]. Again [2].');
    expect(r.citations.map((c) => c.docId)).toEqual([NL_WAGNER.doc.id, NL_ANNOUNCEMENT.doc.id]);
    expect(r.citations[0]!.text).toBe(`${NL_WAGNER.passage.text}\n…\nTweede passage over Wagner.`);
  });

  it('carries the article’s address and outlet when it has them', () => {
    const linked: SearchHit = { ...FR_LAST_SOLDIER, doc: { ...FR_LAST_SOLDIER.doc, url: 'https://www.lemonde.fr/a', site: 'Le Monde' } };
    expect(checkCitations('Left [1].', [linked]).citations[0]).toMatchObject({ url: 'https://www.lemonde.fr/a', site: 'Le Monde' });
    expect(checkCitations('Left [1].', [FR_LAST_SOLDIER]).citations[0]).not.toHaveProperty('url');
  });

  it('reads [n, m] and [n;m], merging a repeated number', () => {
    const r = checkCitations('Both [2, 1]. Again [1;1].', sources);
    expect(r.text).toBe('Both [1, 2]. Again [2].');
  });

  it('carries the source metadata into each citation', () => {
    const [c] = checkCitations('Left [3].', sources).citations;
    expect(c).toEqual({
      n: 1,
      docId: '003_fr',
      passageId: '003_fr#0',
      date: FR_LAST_SOLDIER.doc.date,
      title: FR_LAST_SOLDIER.doc.title,
      text: FR_LAST_SOLDIER.passage.text,
    });
  });

  it('leaves a bracketed year alone and finds no citation in an uncited text', () => {
    const r = checkCitations('It happened in [2022] and nobody cited anything.', sources);
    expect(r).toEqual({ text: 'It happened in [2022] and nobody cited anything.', citations: [] });
  });

  it('keeps every marker within 1..m and every cited passage among the sources (random texts)', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const given: SearchHit[] = CORPUS.slice(0, rand(CORPUS.length + 1));
      const parts: string[] = [];
      for (let s = rand(6); s >= 0; s--) {
        const nums = Array.from({ length: 1 + rand(3) }, () => rand(8));
        parts.push(`Sentence ${s}${rand(2) ? ` [${nums.join(', ')}]` : nums.map((n) => `[${n}]`).join('')}.`);
      }
      const { text, citations } = checkCitations(parts.join(' '), given);
      const ids = new Set(given.map((h) => h.passage.id));
      expect(citations.every((c) => ids.has(c.passageId))).toBe(true);
      expect(citations.map((c) => c.n)).toEqual(citations.map((_, i) => i + 1));
      expect(new Set(citations.map((c) => c.passageId)).size).toBe(citations.length);
      const used = [...text.matchAll(/\[([\d, ]+)\]/g)].flatMap((m) => (m[1] ?? '').split(',').map((n) => Number(n.trim())));
      expect(used.every((n) => n >= 1 && n <= citations.length)).toBe(true);
      // First use order: the first appearances of the numbers read 1, 2, 3…
      expect([...new Set(used)]).toEqual(citations.map((c) => c.n));
    }
  });
});
