import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/document.js';
import { splitPassages } from '../../src/corpus/passages.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seedFiles = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

const P1 = 'Frankrijk zal nieuwe militaire operaties uitvoeren in het drielandengebied. Dat heeft Parly gezegd.';
const P2 = 'Volgens Parly zullen de operaties de komende weken opgestart worden. Meer details werden niet gegeven.';

describe('splitPassages', () => {
  it('makes one passage per paragraph with ids docId#n and offsets into the text', () => {
    const text = `${P1}\n\n${P2}`;
    const passages = splitPassages('doc', text, 'nl');
    expect(passages.map((p) => p.id)).toEqual(['doc#0', 'doc#1']);
    expect(passages.map((p) => p.index)).toEqual([0, 1]);
    expect(passages.map((p) => p.text)).toEqual([P1, P2]);
    expect(passages[1]).toMatchObject({ docId: 'doc', start: P1.length + 2, end: text.length, lang: 'nl' });
  });

  it('joins a heading to the paragraph after it', () => {
    const text = `${P1}\n\nUitweg voor Parijs\n\n${P2}`;
    const passages = splitPassages('doc', text, 'nl');
    expect(passages.map((p) => p.text)).toEqual([P1, `Uitweg voor Parijs\n\n${P2}`]);
  });

  it('joins a heading at the very end to the paragraph before it', () => {
    const text = `${P1}\n\nMistig`;
    expect(splitPassages('doc', text, 'nl').map((p) => p.text)).toEqual([text]);
  });

  it('cuts a long paragraph at sentence boundaries into chunks within maxChars', () => {
    const sentence = 'De Franse militairen vertrekken in de komende maanden uit het noorden van Mali.';
    const paragraph = Array.from({ length: 12 }, () => sentence).join(' ');
    const passages = splitPassages('doc', paragraph, 'nl', { maxChars: 300 });
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(300);
      expect(p.text.startsWith('De Franse')).toBe(true);
      expect(p.text.endsWith('Mali.')).toBe(true);
      expect(paragraph.slice(p.start, p.end)).toBe(p.text);
    }
    // Even chunks: no tiny tail.
    const lengths = passages.map((p) => p.text.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(sentence.length + 1);
  });

  it('keeps a single sentence longer than maxChars whole', () => {
    const long = `${'zeer '.repeat(80)}lange zin.`;
    const passages = splitPassages('doc', `${long} Kort.`, 'nl', { maxChars: 100 });
    expect(passages.map((p) => p.text)).toEqual([long, 'Kort.']);
  });

  it('detects each passage language on its own text and falls back to the document language for short text', () => {
    const fr =
      'Depuis 2013, à la demande des autorités maliennes et des autorités de la région, la France a joué un rôle fédérateur de cette mobilisation internationale.';
    // "Merci bien." is too short to judge: it takes the document's language.
    const passages = splitPassages('doc', `${P1}\n\n${fr}\n\nMerci bien.`, 'nl');
    expect(passages.map((p) => p.lang)).toEqual(['nl', 'fr', 'nl']);
    expect(splitPassages('doc', 'Merci bien.', 'en')[0]?.lang).toBe('en');
  });

  it('returns no passages for empty text', () => {
    expect(splitPassages('doc', '', 'nl')).toEqual([]);
  });

  describe.each(seedFiles)('on seed %s', (file) => {
    const doc = parseDocument(file, readFileSync(`${seedsDir}${file}`, 'utf8'));
    if ('skip' in doc) throw new Error(`seed ${file} skipped: ${doc.skip}`);

    it('gives offsets such that doc.text.slice(start, end) === passage.text', () => {
      expect(doc.passages.length).toBeGreaterThan(0);
      for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    });

    it('covers every paragraph, in order, without overlap', () => {
      let last = 0;
      for (const p of doc.passages) {
        expect(p.start).toBeGreaterThanOrEqual(last);
        expect(doc.text.slice(last, p.start).trim()).toBe('');
        last = p.end;
      }
      expect(doc.text.slice(last).trim()).toBe('');
    });

    it('has no passage that is only a heading, and none over the limit unless it is one sentence', () => {
      for (const p of doc.passages) {
        expect(p.text.length >= 60 || /[.!?…]["'”’»)]*$/u.test(p.text)).toBe(true);
        if (p.text.length > 600) expect(p.text).not.toMatch(/[.!?]\s+\p{Lu}/u);
      }
    });
  });
});
