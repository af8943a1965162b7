import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/sources/feeds/parse.js';
import { atom, rdf, rss } from './fixtures.js';

const items = [
  { guid: 'id-1', link: '/a/1', title: 'Eerste', date: '2022-02-17T09:00:00Z', fullText: 'Volledige tekst.' },
  { link: 'http://news.example/a/2', title: 'Tweede', date: '2022-02-18T09:00:00Z' },
];

describe('parseFeed', () => {
  it('reads an RSS 2.0 feed: key by guid else link, links made absolute, content:encoded kept', () => {
    const r = parseFeed(rss('Het Dagblad', items), 'http://news.example/feed.xml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.format).toBe('rss');
    expect(r.feed.title).toBe('Het Dagblad');
    expect(r.feed.entries.map((e) => [e.key, e.link])).toEqual([
      ['id-1', 'http://news.example/a/1'],
      ['http://news.example/a/2', 'http://news.example/a/2'],
    ]);
    expect(r.feed.entries[0]!.content).toEqual({ value: '<p>Volledige tekst.</p>', type: 'html' });
    expect(r.feed.entries[1]!.content).toBeNull();
    expect(r.feed.entries[0]!.published).toContain('2022');
  });

  it('reads an Atom feed: key by id, the alternate link, html content', () => {
    const r = parseFeed(atom('Atom', items), 'http://news.example/atom.xml');
    if (!r.ok) throw new Error(r.reason);
    expect(r.feed.format).toBe('atom');
    expect(r.feed.entries.map((e) => e.key)).toEqual(['id-1', 'http://news.example/a/2']);
    expect(r.feed.entries[0]!.content?.value).toBe('<p>Volledige tekst.</p>');
    expect(r.feed.entries[0]!.published).toBe('2022-02-17T09:00:00Z');
  });

  it('reads an RDF (RSS 1.0) feed, its entries keyed by link', () => {
    const r = parseFeed(rdf('RDF', items), 'http://news.example/rdf');
    if (!r.ok) throw new Error(r.reason);
    expect(r.feed.format).toBe('rdf');
    expect(r.feed.entries.map((e) => e.key)).toEqual(['http://news.example/a/1', 'http://news.example/a/2']);
  });

  it('refuses a page that is not a feed, saying so', () => {
    const r = parseFeed('<html><body>Welkom</body></html>', 'http://news.example/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not an RSS, Atom or RDF feed/);
  });
});
