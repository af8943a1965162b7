import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { LoadedCorpus } from '../../src/types.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

describe('the bundled seed corpus', () => {
  let corpus: LoadedCorpus;
  const doc = (prefix: string) => {
    const d = corpus.documents.find((x) => x.id.startsWith(prefix));
    if (!d) throw new Error(`no document ${prefix}`);
    return d;
  };
  beforeAll(async () => {
    corpus = await loadCorpus(seedsDir);
  });

  it('loads 5 documents and skips nothing', () => {
    expect(corpus.documents).toHaveLength(5);
    expect(corpus.skipped).toEqual([]);
  });

  it('reads the header dates, 004 being undated', () => {
    expect(Object.fromEntries(corpus.documents.map((d) => [d.id.slice(0, 3), d.date?.iso ?? null]))).toEqual({
      '000': '2020-01',
      '001': '2021-06',
      '002': '2022-02',
      '003': '2021-10',
      '004': null,
    });
    expect(doc('000').text.startsWith('Frankrijk zal')).toBe(true);
  });

  it('detects 000–003 as Dutch and 004 as French', () => {
    expect(corpus.documents.map((d) => d.lang)).toEqual(['nl', 'nl', 'nl', 'nl', 'fr']);
  });

  it("tags 002's French tweet passage 'fr' and its other passages 'nl'", () => {
    const passages = doc('002').passages;
    const tweet = passages.filter((p) => p.text.includes('Depuis 2013'));
    expect(tweet).toHaveLength(1);
    expect(tweet[0]?.lang).toBe('fr');
    expect(passages.filter((p) => p !== tweet[0]).every((p) => p.lang === 'nl')).toBe(true);
  });

  it('cleans 004: no related-links block, no "-" lines, no paragraph twice', () => {
    const d = doc('004');
    expect(d.text).not.toContain('Similaires');
    expect(d.text).not.toContain('Le Mali se retire du G5 Sahel');
    expect(d.text).not.toMatch(/^-$/m);
    expect(d.text.startsWith('Du 1er au 6 février')).toBe(true);
    const paragraphs = d.text.split('\n\n');
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(paragraphs).toHaveLength(4);
    expect(d.passages.every((p) => p.lang === 'fr')).toBe(true);
  });

  it('drops the LEES OOK promo line from 000 and keeps the headings of 001 and 003', () => {
    expect(doc('000').text).not.toContain('LEES OOK');
    expect(doc('000').text).toContain('“Coalitie voor de Sahel”');
    expect(doc('001').text).toContain('\n\nUitweg voor Parijs\n\n');
    expect(doc('003').text).toContain('\n\nMistig\n\n');
  });

  it('gives every document a title and passages whose offsets point into its text', () => {
    for (const d of corpus.documents) {
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.title.length).toBeLessThanOrEqual(80);
      expect(d.passageCount).toBe(d.passages.length);
      for (const p of d.passages) expect(d.text.slice(p.start, p.end)).toBe(p.text);
    }
  });
});
