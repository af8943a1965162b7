/**
 * The article of a feed entry: the entry's own full text when the feed carries the whole article
 * (content:encoded, Atom content), else its page, fetched and extracted. The entry's title and date
 * fill in what the page does not state.
 */
import { parseMachineDate } from '../dates.js';
import { extractHtml } from '../html.js';
import { wordCount } from '../not-article.js';
import { refuse, type Article, type ExtractResult } from '../types.js';
import type { FeedEntry } from './parse.js';

/** A feed body shorter than this is a teaser, not the article: the page is read instead. */
export const FULL_TEXT_MIN_WORDS = 150;

/** Fetches a page and extracts its article (the safe fetch and HTML extraction, robots.txt honoured). */
export type FetchArticle = (url: string) => Promise<ExtractResult>;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The entry's body as an article page, for the same extraction as any page. */
function entryPage(entry: FeedEntry): string {
  const content = entry.content!;
  const body =
    content.type === 'html'
      ? content.value
      : content.value
          .split(/\n\s*\n/)
          .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
          .join('\n');
  const title = escapeHtml(entry.title ?? '');
  return `<!doctype html><html><head><title>${title}</title><meta property="og:type" content="article"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

/** The feed's own full text of the entry as an article, or null when it carries none (or only a teaser). */
function fullTextArticle(entry: FeedEntry, maxTextBytes: number): Article | null {
  if (!entry.content) return null;
  const r = extractHtml(entryPage(entry), { url: entry.link, maxTextBytes });
  if (!r.ok || wordCount(r.article.text) < FULL_TEXT_MIN_WORDS) return null;
  return r.article;
}

/** The entry's title and stated date where the article lacks them (the feed states its date: not inferred). */
function withEntryFacts(article: Article, entry: FeedEntry): Article {
  const stated = parseMachineDate(entry.published);
  const useEntryDate = stated !== null && (article.date === null || article.dateInferred);
  return {
    ...article,
    title: entry.title ?? article.title,
    author: article.author ?? entry.author,
    ...(useEntryDate ? { date: stated.date, datePrecision: stated.precision, dateInferred: false } : {}),
  };
}

/**
 * The article of an entry, or why there is none. The feed's full text is used when it has one; else
 * the page at the entry's link is fetched (and, should that fail, a refusal says why).
 */
export async function articleOfEntry(entry: FeedEntry, fetchArticle: FetchArticle, maxTextBytes: number): Promise<ExtractResult> {
  const own = fullTextArticle(entry, maxTextBytes);
  if (own) return { ok: true, article: withEntryFacts(own, entry) };
  if (!entry.link) return refuse('no-text', 'refused: the entry has no link and carries no full text');
  const page = await fetchArticle(entry.link);
  return page.ok ? { ok: true, article: withEntryFacts(page.article, entry) } : page;
}
