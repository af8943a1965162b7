/**
 * An article out of an HTML page: Mozilla Readability on a linkedom DOM for the body, and the page's own
 * metadata (metadata.ts) for the title, date, author, outlet, language and canonical address. The one user of
 * linkedom and @mozilla/readability. Pages that are not articles (a home page, a login or consent wall, an error
 * page served with status 200, too little text) are refused with the reason.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom-types.js';
import { dateFromUrl } from './dates.js';
import { ALL_RULES, cleanContent, type CleanRules } from './content-clean.js';
import { domText, linkDensity } from './dom-text.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { notArticleReason, wordCount } from './not-article.js';
import { type ExtractResult, type Refusal, refuse } from './types.js';
import { articleKey, citableUrl, isHomePage } from './url.js';

export interface HtmlOptions {
  /** The address the page was read from (after redirects); null for a saved file. */
  readonly url: string | null;
  /** MAX_DOCUMENT_BYTES: longer extracted text is refused. */
  readonly maxTextBytes: number;
}

/** The article body and where it came from, before the not-article checks. Exported for the benchmark. */
export interface Body {
  readonly text: string;
  readonly source: 'readability' | 'json-ld';
  /** Readability's own text (paragraphs), possibly empty. */
  readonly readabilityText: string;
  readonly linkDensity: number;
  readonly readabilityTitle: string | null;
  readonly readabilityByline: string | null;
}

/** Which cleaning rules and metadata the extractor uses; the benchmark turns them off one at a time. */
export interface AnalyseOptions {
  readonly clean?: CleanRules;
  /** Use JSON-LD articleBody when it holds the full text (default true). */
  readonly jsonLdBody?: boolean;
}

/** Parses `html` and reads its metadata and article body. Pure; exported for the benchmark and tests. */
export function analyseHtml(html: string, options: AnalyseOptions = {}): { meta: PageMetadata; body: Body } {
  const { document } = parseHTML(html);
  const meta = readMetadata(document as unknown as DomDocument);
  const parsed = (() => {
    try {
      return new Readability<DomElement>(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (n) => n as unknown as DomElement }).parse();
    } catch {
      return null;
    }
  })();
  const content = parsed?.content ?? null;
  if (content) cleanContent(content, { title: meta.title ?? meta.heading, author: meta.author, site: meta.site }, options.clean ?? ALL_RULES);
  const readabilityText = content ? domText(content) : '';
  const density = content ? linkDensity(content) : 0;
  const ldBody = options.jsonLdBody === false || !meta.articleBody ? null : articleBodyText(meta.articleBody);
  return {
    meta,
    body: {
      ...chooseBody(readabilityText, ldBody),
      readabilityText,
      linkDensity: density,
      readabilityTitle: parsed?.title?.trim() || null,
      readabilityByline: parsed?.byline?.trim() || null,
    },
  };
}

/** JSON-LD articleBody → paragraphs; some sites put (entity-escaped) HTML in it, which is read as HTML. */
export function articleBodyText(raw: string): string {
  const unescaped = /&lt;\/?[a-z]/i.test(raw) ? raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : raw;
  if (/<\/?(?:p|div|br|span|a|h[1-6]|img|em|strong|ul|li|figure)\b/i.test(unescaped)) {
    const { document } = parseHTML(`<!doctype html><html><body>${unescaped}</body></html>`);
    return domText((document as unknown as { body: DomElement }).body);
  }
  const { document } = parseHTML(`<!doctype html><html><body><pre>${unescaped.replace(/</g, '&lt;')}</pre></body></html>`);
  const text = (document as unknown as { body: DomElement }).body.textContent ?? unescaped;
  return paragraphs(text);
}

/**
 * JSON-LD `articleBody` is the publisher's own copy of the text, free of captions, teasers and widgets; it is used
 * when it holds the full text — at least as many words as Readability found, give or take 15 % — or when Readability
 * found next to nothing. A truncated articleBody (a teaser, a paywall excerpt) loses to Readability.
 */
export function chooseBody(readabilityText: string, articleBody: string | null): { text: string; source: 'readability' | 'json-ld' } {
  if (!articleBody) return { text: readabilityText, source: 'readability' };
  // articleBody here is already paragraphs (articleBodyText).
  const ld = wordCount(articleBody);
  const rd = wordCount(readabilityText);
  if (rd < 50 && ld > rd) return { text: articleBody, source: 'json-ld' };
  if (ld >= rd * 0.85 && ld <= rd * 1.5) return { text: articleBody, source: 'json-ld' };
  return { text: readabilityText, source: 'readability' };
}

function paragraphs(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Drops " | Site", " - Site" and "Site: " from a `<title>`. */
function cleanDocumentTitle(title: string, site: string | null): string {
  let t = title;
  if (site) {
    const s = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`\\s*[|\\-–—:·»]\\s*${s}\\s*$`, 'i'), '').replace(new RegExp(`^${s}\\s*[|\\-–—:·»]\\s*`, 'i'), '');
  }
  const parts = t.split(/\s+[|–—·»]\s+/);
  return (parts.length > 1 ? parts.reduce((a, b) => (b.length > a.length ? b : a)) : t).trim();
}

/** Without a stated headline: the `<h1>` when the `<title>` confirms it, else the `<title>` without the site's name. */
function pageTitle(meta: PageMetadata): string | null {
  const cleaned = meta.documentTitle ? cleanDocumentTitle(meta.documentTitle, meta.site) : null;
  const h1 = meta.heading;
  if (h1 && h1.length >= 8 && meta.documentTitle?.toLowerCase().includes(h1.toLowerCase())) return h1;
  return cleaned || h1;
}

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Extracts the article of an HTML page, or refuses it with the reason. */
export function extractHtml(html: string, options: HtmlOptions): ExtractResult {
  const { meta, body } = analyseHtml(html);
  const where = options.url ?? 'the page';

  const refusal = notArticle(meta, body, options.url);
  if (refusal) return refusal;

  const text = body.text;
  if (Buffer.byteLength(text, 'utf8') > options.maxTextBytes) {
    return refuse('too-large', `refused: the article text of ${where} is larger than MAX_DOCUMENT_BYTES (${options.maxTextBytes} bytes); raise MAX_DOCUMENT_BYTES to allow it`);
  }

  const url = citableUrl(options.url, absolute(meta.canonical, options.url));
  const stated = meta.date;
  const inferred = stated ? null : dateFromUrl(url) ?? dateFromUrl(options.url);
  const date = stated ?? inferred;
  const title = meta.title ?? pageTitle(meta) ?? body.readabilityTitle ?? text.split('\n')[0]!.slice(0, 120);

  return {
    ok: true,
    article: {
      title,
      text,
      date: date?.date ?? null,
      datePrecision: date?.precision ?? null,
      dateInferred: inferred !== null,
      url,
      canonicalKey: articleKey(options.url, absolute(meta.canonical, options.url)),
      site: meta.site ?? hostName(url),
      author: meta.author ?? cleanByline(body.readabilityByline),
      lang: meta.lang,
      format: 'html',
      textSource: body.source,
    },
  };
}

function cleanByline(byline: string | null): string | null {
  if (!byline) return null;
  const b = byline.replace(/^\s*(by|door|par|von)\s+/i, '').trim();
  return b.length > 0 && b.length <= 120 ? b : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

function notArticle(meta: PageMetadata, body: Body, url: string | null): Refusal | null {
  const where = url ?? 'the page';
  if (url && isHomePage(url) && !meta.declaresArticle) {
    return refuse('not-article', `refused: ${where} is a home page, not an article; link to the article itself`);
  }
  const reason = notArticleReason({
    text: body.text,
    title: meta.title ?? meta.documentTitle ?? body.readabilityTitle ?? '',
    linkDensity: body.source === 'json-ld' ? 0 : body.linkDensity,
    declaresArticle: meta.declaresArticle,
    ogType: meta.ogType,
  });
  return reason ? refuse(reason.code, `refused: ${where} ${reason.text}`) : null;
}
