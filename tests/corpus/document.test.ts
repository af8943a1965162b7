import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentId, parseDocument } from '../../src/corpus/document.js';
import type { Document } from '../../src/types.js';

const RAW =
  ' date 2021-06 De beslissing komt niet uit de lucht vallen. Vorige week had Parijs al de gezamenlijke operaties bevroren.\n\nUitweg voor Parijs\n\nDe putsch in Mali biedt Frankrijk ook een uitweg uit de Sahel, waar het sinds 2013 strijdt.';

function parsed(file: string, raw: string): Document {
  const doc = parseDocument(file, raw);
  if ('skip' in doc) throw new Error(doc.skip);
  return doc;
}

describe('documentId', () => {
  it('is the file name without folder and extension', () => {
    expect(documentId('001_bb4ad67e1b753670.txt')).toBe('001_bb4ad67e1b753670');
    expect(documentId('archief/2021/nieuws.bericht.md')).toBe('nieuws.bericht');
  });
});

describe('parseDocument', () => {
  it('builds a dated, cleaned, titled document with passages', () => {
    const doc = parsed('sub/001_x.txt', RAW);
    expect(doc).toMatchObject({
      id: '001_x',
      file: 'sub/001_x.txt',
      date: { iso: '2021-06', precision: 'month', inferred: false },
      lang: 'nl',
      title: 'De beslissing komt niet uit de lucht vallen.',
      passageCount: 2,
    });
    expect(doc.text.startsWith('De beslissing')).toBe(true);
    expect(doc.passages.map((p) => p.id)).toEqual(['001_x#0', '001_x#1']);
    expect(doc.passages[1]?.text.startsWith('Uitweg voor Parijs\n\nDe putsch')).toBe(true);
  });

  it('hashes the raw text with sha256 so any edit changes the hash', () => {
    const doc = parsed('a.txt', RAW);
    expect(doc.hash).toBe(createHash('sha256').update(RAW).digest('hex'));
    expect(parsed('a.txt', `${RAW} `).hash).not.toBe(doc.hash);
  });

  it('uses a given hash (of the file bytes) when there is one', () => {
    const doc = parseDocument('a.txt', RAW, { hash: 'abc' });
    expect('skip' in doc ? null : doc.hash).toBe('abc');
  });

  it('drops markdown heading markers in .md files only', () => {
    const body = '# Terugtrekking uit Mali\n\nFrankrijk trekt zijn troepen terug uit Mali, zei de president.';
    expect(parsed('a.md', body).text.startsWith('Terugtrekking uit Mali')).toBe(true);
    expect(parsed('a.txt', body).text.startsWith('# Terugtrekking')).toBe(true);
  });

  it('skips a file with nothing left after clean-up, saying why', () => {
    for (const raw of ['', ' date 2021-06 ', 'Similaires\n-\nLe Mali se retire du G5 Sahel\n-']) {
      const result = parseDocument('empty.txt', raw);
      expect(result).toEqual({ skip: expect.stringContaining('no text left after clean-up') });
    }
  });
});
