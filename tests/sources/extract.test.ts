import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromUrl, type Article, type ExtractDeps, type ExtractResult } from '../../src/sources/index.js';
import { page, redirect, send, startWebServer, type WebServer } from '../helpers/web-server.js';
import { makePdf } from './fixtures/make-pdf.js';

const CANONICAL = 'https://www.dagkrant.example/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali';
const HTML = 'text/html; charset=utf-8';

function paragraph(words: number, seed: string): string {
  return Array.from({ length: words }, (_, i) => `${seed}${i % 7 === 6 ? '.' : ''}`).join(' ');
}

const REPORT_LINES = [
  { text: 'Evaluatie van de Nederlandse bijdrage aan Minusma', size: 20 },
  { text: 'De Nederlandse bijdrage aan de VN-missie in Mali liep van 2014 tot 2019.', size: 11 },
  { text: 'Het kabinet stuurde inlichtingeneenheden, helikopters en special forces', size: 11 },
  { text: 'naar het noorden van het land, vooral rond de stad Gao en in de regio Kidal.', size: 11 },
  { text: 'De evaluatie concludeert dat de informatie van de eenheden veel waarde had.', size: 11 },
];

let server: WebServer;
let deps: ExtractDeps;

beforeAll(async () => {
  server = await startWebServer({
    '/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali': send(page('nl-artikel.html'), HTML),
    '/amp/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali': send(page('nl-artikel-amp.html'), HTML),
    '/oud/mali-artikel': redirect('/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali'),
    '/afrique/barkhane-header': send(page('fr-1252.html'), 'text/html; charset=ISO-8859-1'),
    '/afrique/barkhane-meta': send(page('fr-1252.html'), 'text/html'),
    '/world/last-convoy': send(page('en-jsonld-only.html'), HTML),
    '/buitenland/bestaat-niet': send(page('not-found-200.html'), HTML),
    '/': send(page('home.html'), HTML),
    '/consent': send(page('consent-wall.html'), HTML),
    '/undated': send(
      `<html lang="en"><head><title>Undated piece</title></head><body><article><h1>Undated piece</h1><p>${paragraph(120, 'withdrawal')}</p></article></body></html>`,
      HTML,
    ),
    '/news/2021/06/10/macron-announces-end-of-barkhane': send(
      `<html lang="en"><head><title>Macron announces the end of Barkhane</title></head><body><article><h1>Macron announces the end of Barkhane</h1><p>${paragraph(120, 'Barkhane')}</p></article></body></html>`,
      HTML,
    ),
    '/report.pdf': send(makePdf([REPORT_LINES, REPORT_LINES.slice(1)], { Title: 'Evaluatie Minusma', Author: 'Ministerie van Defensie' }), 'application/pdf'),
    '/scan.pdf': send(makePdf([[], []]), 'application/pdf'),
    '/huge': send(`<html><body><article><p>${paragraph(3000, 'Sahel')}</p></article></body></html>`, HTML),
  });
  deps = { maxDocumentBytes: 1024 * 1024, fetch: { allowPrivate: true } };
});

afterAll(() => server.close());

function article(r: ExtractResult): Article {
  if (!r.ok) throw new Error(`expected an article, got: ${r.reason}`);
  return r.article;
}

describe('extractFromUrl › news pages', () => {
  it('reads a Dutch article with its own title, date, author, outlet, language and canonical address', async () => {
    const a = article(await extractFromUrl(`${server.origin}/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali?utm_source=x`, deps));
    expect(a.title).toBe('Frankrijk trekt troepen terug uit Mali');
    expect(a).toMatchObject({ date: '2022-02-17', datePrecision: 'day', dateInferred: false, author: 'Anna de Vries', site: 'De Dagkrant', lang: 'nl', url: CANONICAL });
    expect(a.text).toContain('Frankrijk haalt zijn militairen weg uit Mali.');
    expect(a.text).toContain('Ook de Europese eenheid Takuba');
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    // Navigation, related links and footer are not the article.
    expect(a.text).not.toMatch(/Lees ook|Wagner in Afrika|© De Dagkrant|Cultuur/);
  });

  it('decodes a Windows-1252 page from the HTTP header and from its <meta>', async () => {
    for (const path of ['/afrique/barkhane-header', '/afrique/barkhane-meta']) {
      const a = article(await extractFromUrl(`${server.origin}${path}`, deps));
      expect(a.title).toBe("Barkhane : le retrait du Mali s'achève");
      expect(a.text).toContain("l'état-major des armées");
      expect(a.text).toContain('« Ce n\'est pas un échec »');
      expect(a.text).toContain('manœuvre logistique');
      expect(a).toMatchObject({ date: '2022-08-15', datePrecision: 'day', dateInferred: false, author: 'Élodie Mercier', site: 'Le Courrier du Sahel', lang: 'fr' });
    }
  });

  it('takes the text from JSON-LD articleBody when the page body holds none', async () => {
    const a = article(await extractFromUrl(`${server.origin}/world/last-convoy`, deps));
    expect(a.textSource).toBe('json-ld');
    expect(a.title).toBe('Last French convoy leaves Gao base');
    expect(a.text).toContain('The last French soldiers of Operation Barkhane left Mali on Monday');
    expect(a.text).toContain('The United Nations mission Minusma remains');
    expect(a.text).not.toContain('Loading');
    expect(a).toMatchObject({ date: '2022-08-15', dateInferred: false, author: 'James Okafor', site: 'Sahel Monitor', lang: 'en' });
  });

  it('follows a redirect to the article', async () => {
    const a = article(await extractFromUrl(`${server.origin}/oud/mali-artikel`, deps));
    expect(a.title).toBe('Frankrijk trekt troepen terug uit Mali');
    expect(a.url).toBe(CANONICAL);
  });

  it('gives an AMP copy the same key as the article', async () => {
    const original = article(await extractFromUrl(`${server.origin}/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali`, deps));
    const amp = article(await extractFromUrl(`${server.origin}/amp/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali`, deps));
    expect(amp.canonicalKey).toBe(original.canonicalKey);
    expect(amp.canonicalKey).toBe('dagkrant.example/buitenland/2022/02/17/frankrijk-trekt-troepen-terug-uit-mali');
    expect(amp.url).toBe(CANONICAL);
  });

  it('leaves a page with no date undated rather than using the day it was fetched', async () => {
    const a = article(await extractFromUrl(`${server.origin}/undated`, deps));
    expect(a).toMatchObject({ date: null, datePrecision: null, dateInferred: false });
  });

  it('reads a date from the address as inferred', async () => {
    const a = article(await extractFromUrl(`${server.origin}/news/2021/06/10/macron-announces-end-of-barkhane`, deps));
    expect(a).toMatchObject({ date: '2021-06-10', datePrecision: 'day', dateInferred: true });
  });
});

describe('extractFromUrl › pages that are not articles', () => {
  it('refuses a 404 page served with status 200', async () => {
    const r = await extractFromUrl(`${server.origin}/buitenland/bestaat-niet`, deps);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('not-article');
    expect(!r.ok && r.reason).toContain('looks like an error page ("Pagina niet gevonden');
  });

  it('refuses a home page', async () => {
    const r = await extractFromUrl(`${server.origin}/`, deps);
    expect(!r.ok && r.reason).toContain('is a home page, not an article');
  });

  it('refuses a cookie-consent wall', async () => {
    const r = await extractFromUrl(`${server.origin}/consent`, deps);
    expect(!r.ok && r.reason).toContain('cookie-consent wall');
  });

  it('refuses text larger than MAX_DOCUMENT_BYTES', async () => {
    const r = await extractFromUrl(`${server.origin}/huge`, { ...deps, maxDocumentBytes: 4096 });
    expect(!r.ok && r.code).toBe('too-large');
    expect(!r.ok && r.reason).toContain('MAX_DOCUMENT_BYTES');
  });

  it('refuses a private address unless FETCH_ALLOW_PRIVATE is on', async () => {
    const r = await extractFromUrl(`${server.origin}/world/last-convoy`, { maxDocumentBytes: 1024 * 1024 });
    expect(!r.ok && r.reason).toBe('refused: 127.0.0.1 is a private address (loopback); set FETCH_ALLOW_PRIVATE=on to allow it');
  });
});

describe('extractFromUrl › PDF', () => {
  it('makes one document of a text PDF, titled by its metadata', async () => {
    const a = article(await extractFromUrl(`${server.origin}/report.pdf`, deps));
    expect(a.format).toBe('pdf');
    expect(a.title).toBe('Evaluatie Minusma');
    expect(a.author).toBe('Ministerie van Defensie');
    expect(a.text).toContain('De Nederlandse bijdrage aan de VN-missie in Mali liep van 2014 tot 2019.');
    // Both pages, one document.
    expect(a.text.match(/De evaluatie concludeert/g)).toHaveLength(2);
    expect(a.url).toBe(`${server.origin}/report.pdf`);
  });

  it('refuses a scanned PDF with no text layer', async () => {
    const r = await extractFromUrl(`${server.origin}/scan.pdf`, deps);
    expect(!r.ok && r.code).toBe('no-text');
    expect(!r.ok && r.reason).toContain('has no text layer');
  });
});
