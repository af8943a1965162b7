/**
 * What a page says about itself, read before Readability rewrites the DOM: JSON-LD (NewsArticle and the other
 * Article types, in `@graph` or arrays too), OpenGraph and `article:*` meta tags, common date/author meta tags,
 * `<time datetime>`, `<html lang>`, the canonical link and the site name. Pure over a parsed document.
 */
import type { DomDocument } from './dom-types.js';
import { parseMachineDate, type FoundDate } from './dates.js';

export interface PageMetadata {
  readonly title: string | null;
  /** The `<title>` element, which often ends with " | Site". */
  readonly documentTitle: string | null;
  /** The first `<h1>`'s text. */
  readonly heading: string | null;
  readonly date: FoundDate | null;
  /** Where the date was read: `json-ld`, `meta`, `time`. */
  readonly dateSource: string | null;
  readonly author: string | null;
  readonly site: string | null;
  readonly lang: string | null;
  readonly canonical: string | null;
  /** JSON-LD articleBody as the page gives it (plain text, or HTML, sometimes entity-escaped), or null. */
  readonly articleBody: string | null;
  /** True when JSON-LD says the page is an article, or og:type is `article`. */
  readonly declaresArticle: boolean;
  /** og:type as given (`article`, `website`…). */
  readonly ogType: string | null;
}

const ARTICLE_TYPES = /^(?:\w+:)?(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|ScholarlyArticle|TechArticle|Report|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting)$/;

type Json = unknown;

function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: Json): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Every object in a JSON-LD value, flattening arrays and `@graph`. */
function flatten(v: Json, out: Record<string, Json>[] = []): Record<string, Json>[] {
  for (const item of asArray(v)) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, Json>;
      out.push(o);
      if (o['@graph']) flatten(o['@graph'], out);
    }
  }
  return out;
}

function types(o: Record<string, Json>): string[] {
  return asArray(o['@type']).map((t) => String(t));
}

function names(v: Json): string[] {
  const out: string[] = [];
  for (const a of asArray(v)) {
    const n = typeof a === 'string' ? a : a && typeof a === 'object' ? str((a as Record<string, Json>)['name']) : null;
    if (n && !/^https?:\/\//.test(n)) out.push(n.trim());
  }
  return out;
}

/** Parses a JSON-LD script leniently: CDATA wrappers, HTML comments and stray control characters are tolerated. */
function parseLd(text: string): Json {
  const cleaned = text
    .replace(/^\s*(?:<!\[CDATA\[|<!--)/, '')
    .replace(/(?:\]\]>|-->)\s*$/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]+/g, ' ');
  try {
    return JSON.parse(cleaned);
  } catch {
    return null;
  }
}

function decodeEntities(s: string): string {
  // JSON-LD bodies are sometimes HTML-escaped or carry tags; keep the words.
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)));
}

/** The main JSON-LD article object of the page, if any (the one with the longest body, else the first). */
function jsonLdArticle(doc: DomDocument): Record<string, Json> | null {
  const articles: Record<string, Json>[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    for (const o of flatten(parseLd(script.textContent ?? ''))) {
      if (types(o).some((t) => ARTICLE_TYPES.test(t))) articles.push(o);
      // A WebPage whose mainEntity is the article.
      for (const inner of flatten(o['mainEntity'])) if (types(inner).some((t) => ARTICLE_TYPES.test(t))) articles.push(inner);
    }
  }
  if (articles.length === 0) return null;
  const bodyLength = (o: Record<string, Json>) => (str(o['articleBody']) ?? '').length;
  return articles.reduce((best, o) => (bodyLength(o) > bodyLength(best) ? o : best), articles[0]!);
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** `nl-BE`, `fr_FR`, `en` → `nl`, `fr`, `en`; null for anything that is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/** Reads the page's own metadata. Call before Readability, which rewrites the document. */
export function readMetadata(doc: DomDocument): PageMetadata {
  const ld = jsonLdArticle(doc);
  const ogType = meta(doc, 'og:type');
  const documentTitle = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;

  const title = str(ld?.['headline']) ?? str(ld?.['name']) ?? meta(doc, 'og:title', 'twitter:title') ?? null;

  let date: FoundDate | null = null;
  let dateSource: string | null = null;
  const ldDate = parseMachineDate(str(ld?.['datePublished']) ?? str(ld?.['dateCreated']));
  if (ldDate) {
    date = ldDate;
    dateSource = 'json-ld';
  }
  if (!date) {
    const m = parseMachineDate(
      meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date',
        'date', 'dc.date.issued', 'DC.date.issued', 'dcterms.created', 'DC.date', 'dc.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'citation_publication_date'),
    );
    if (m) {
      date = m;
      dateSource = 'meta';
    }
  }
  if (!date) {
    const el = doc.querySelector('[itemprop="datePublished"]');
    const t = parseMachineDate(el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? null);
    if (t) {
      date = t;
      dateSource = 'meta';
    }
  }
  if (!date) {
    // <time pubdate> first, then the first <time datetime> inside the article, then anywhere.
    const el =
      doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
    const t = parseMachineDate(el?.getAttribute('datetime') ?? null);
    if (t) {
      date = t;
      dateSource = 'time';
    }
  }

  const ldAuthors = names(ld?.['author']);
  const author = ldAuthors.length > 0 ? [...new Set(ldAuthors)].join(', ') : meta(doc, 'author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author');

  const publisher = names(ld?.['publisher'])[0] ?? null;
  const site = meta(doc, 'og:site_name', 'application-name') ?? publisher;

  const lang =
    primaryLanguage(doc.documentElement?.getAttribute('lang')) ??
    primaryLanguage(doc.documentElement?.getAttribute('xml:lang')) ??
    primaryLanguage(str(ld?.['inLanguage'])) ??
    primaryLanguage(meta(doc, 'og:locale', 'language', 'content-language')) ??
    primaryLanguage(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0]);

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta(doc, 'og:url') || null;

  const articleBody = str(ld?.['articleBody']);

  return {
    title: title ? decodeEntities(title).replace(/\s+/g, ' ').trim() : null,
    documentTitle,
    heading: doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null,
    date,
    dateSource,
    author: author ? decodeEntities(author).replace(/\s+/g, ' ').trim() : null,
    site: site ? decodeEntities(site).trim() : null,
    lang,
    canonical,
    articleBody,
    declaresArticle: ld !== null || ogType?.toLowerCase() === 'article',
    ogType,
  };
}
