/** Feeds and article pages for the feed tests, made from the seed articles (served on 127.0.0.1). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../helpers/seeds.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The seed articles' texts (header removed): five different stories on one topic. */
export const SEED_TEXTS: readonly string[] = readdirSync(SEEDS_DIR)
  .sort()
  .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8').replace(/^\s*date \S+\s*/, ''));

/** Paragraphs of a text as HTML. */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p.trim())}</p>`)
    .join('\n');

/** An article page as a news site serves it. */
export function articlePage(title: string, text: string, published: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)} | Het Dagblad</title>
<meta property="og:type" content="article"><meta property="og:title" content="${esc(title)}">
<meta property="og:site_name" content="Het Dagblad"><meta property="article:published_time" content="${published}">
</head><body><nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a></nav>
<article><h1>${esc(title)}</h1>${paragraphs(text)}</article><footer>© Het Dagblad</footer></body></html>`;
}

export interface FeedItem {
  readonly guid?: string;
  readonly link: string;
  readonly title: string;
  readonly date: string;
  /** The whole article in content:encoded / Atom content. */
  readonly fullText?: string;
  readonly summary?: string;
}

export function rss(title: string, items: readonly FeedItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${esc(title)}</title><link>http://news.example/</link><description>Nieuws</description>
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
<pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${esc(i.summary ?? i.title)}</description>
${i.fullText ? `<content:encoded><![CDATA[${paragraphs(i.fullText)}]]></content:encoded>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atom(title: string, items: readonly FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:feed:atom</id><updated>2022-02-18T10:00:00Z</updated>
${items
  .map(
    (i) => `<entry><title>${esc(i.title)}</title><id>${esc(i.guid ?? i.link)}</id><link rel="alternate" href="${esc(i.link)}"/>
<published>${i.date}</published><updated>${i.date}</updated><summary>${esc(i.summary ?? i.title)}</summary>
${i.fullText ? `<content type="html">${esc(paragraphs(i.fullText))}</content>` : ''}</entry>`,
  )
  .join('\n')}
</feed>`;
}

export function rdf(title: string, items: readonly FeedItem[]): string {
  return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://news.example/rdf"><title>${esc(title)}</title><link>http://news.example/</link><description>x</description></channel>
${items.map((i) => `<item rdf:about="${esc(i.link)}"><title>${esc(i.title)}</title><link>${esc(i.link)}</link><dc:date>${i.date}</dc:date></item>`).join('\n')}
</rdf:RDF>`;
}
