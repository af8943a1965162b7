import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromFile } from '../../src/sources/index.js';
import { FIXTURE_PAGES } from '../helpers/web-server.js';
import { makePdf } from './fixtures/make-pdf.js';

const deps = { maxDocumentBytes: 1024 * 1024 };
const body = 'De Franse troepen verlaten Mali na negen jaar. '.repeat(12).trim();

describe('extractFromFile', () => {
  it('reads a saved page with its metadata and canonical address', async () => {
    const r = await extractFromFile(join(FIXTURE_PAGES, 'nl-artikel.html'), deps);
    expect(r.ok && r.article).toMatchObject({
      title: 'Frankrijk trekt troepen terug uit Mali',
      date: '2022-02-17',
      url: 'https://www.dagkrant.example/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali',
      site: 'De Dagkrant',
      format: 'html',
    });
  });

  it('decodes a saved Windows-1252 page by its <meta>', async () => {
    const r = await extractFromFile(join(FIXTURE_PAGES, 'fr-1252.html'), deps);
    expect(r.ok && r.article.text).toContain('manœuvre logistique');
  });

  it('reads Markdown front matter', async () => {
    const md = `---\ntitle: "Retrait de Barkhane"\ndate: 2022-08-15\nurl: https://www.courrier.example/afrique/barkhane?utm_source=rss\nsite: Le Courrier\nlang: fr\n---\n${body}\n`;
    const r = await extractFromFile({ name: 'barkhane.md', data: Buffer.from(md) }, deps);
    expect(r.ok && r.article).toMatchObject({
      title: 'Retrait de Barkhane',
      date: '2022-08-15',
      datePrecision: 'day',
      dateInferred: false,
      url: 'https://www.courrier.example/afrique/barkhane',
      canonicalKey: 'courrier.example/afrique/barkhane',
      site: 'Le Courrier',
      lang: 'fr',
      format: 'text',
    });
  });

  it("keeps Griot's ` date YYYY-MM ` header of a text file", async () => {
    const r = await extractFromFile({ name: 'seed.txt', data: Buffer.from(` date 2022-02 ${body}`) }, deps);
    expect(r.ok && r.article).toMatchObject({ date: '2022-02', datePrecision: 'month', dateInferred: false });
    expect(r.ok && r.article.text.startsWith('De Franse troepen')).toBe(true);
  });

  it('reads an uploaded PDF, titled by its first heading when its metadata has none', async () => {
    const pdf = makePdf([
      [
        { text: 'Rapport sur le retrait du Mali', size: 22 },
        { text: 'La commission a entendu les responsables militaires sur le retrait des forces.', size: 11 },
        { text: 'Le rapport recommande de tirer les leçons de neuf années de présence au Sahel.', size: 11 },
      ],
    ]);
    const r = await extractFromFile({ name: 'rapport.pdf', data: pdf }, deps);
    expect(r.ok && r.article.title).toBe('Rapport sur le retrait du Mali');
    expect(r.ok && r.article.text).toContain('neuf années de présence au Sahel');
  });

  it('refuses a file type it cannot read, and a .pdf that is not one', async () => {
    const docx = await extractFromFile({ name: 'notes.docx', data: Buffer.from('PK') }, deps);
    expect(!docx.ok && docx.reason).toBe('refused: notes.docx is not a .html, .htm, .pdf, .txt or .md file');
    const fake = await extractFromFile({ name: 'report.pdf', data: Buffer.from('<html></html>') }, deps);
    expect(!fake.ok && fake.code).toBe('bad-pdf');
  });

  it('refuses a text file with too little text', async () => {
    const r = await extractFromFile({ name: 'short.txt', data: Buffer.from('Mali.') }, deps);
    expect(!r.ok && r.reason).toContain('too little text');
  });
});
