/**
 * The sources layer's public API (the only module that fetches from the network).
 *
 * - {@link extractFromUrl} / {@link extractFromFile}: an article from a link or a local/uploaded file.
 * - {@link extractHtml}: an article from HTML already in hand (a feed entry's full content).
 * - {@link safeFetch}: any other download (feeds), with the same address checks and limits; `robots: true` for polling.
 * - {@link canonicalKey}: one key for the same article at two addresses.
 *
 * @example
 * const r = await extractFromUrl(link, { maxDocumentBytes: config.maxDocumentBytes, fetch: config.fetch });
 * if (!r.ok) return reply(r.reason); // "refused: 127.0.0.1 is a private address (loopback); set FETCH_ALLOW_PRIVATE=on to allow it"
 * store(r.article); // title, text, date/datePrecision/dateInferred, url, canonicalKey, site, author, lang
 *
 * // A feed poller: conditional GET, robots.txt obeyed, one RobotsCache per poller.
 * const f = await safeFetch(feedUrl, { ...config.fetch, accept: FEED_TYPES, robots: true, robotsCache, headers: { 'If-None-Match': etag } });
 */
export { extractFromFile, extractFromUrl, type ExtractDeps, type FileInput } from './extract.js';
export { extractHtml, type HtmlOptions } from './html.js';
export { extractPdf } from './pdf.js';
export { decodeHtml } from './charset.js';
export {
  DEFAULT_FETCH_SETTINGS,
  FEED_TYPES,
  HTML_TYPES,
  PDF_TYPES,
  TEXT_TYPES,
  USER_AGENT,
  safeFetch,
  systemResolver,
  type FetchOptions,
  type FetchSettings,
  type ResolvedAddress,
  type Resolver,
} from './fetch.js';
export { RobotsCache } from './robots.js';
export { articleKey, canonicalKey, citableUrl, cleanUrl } from './url.js';
export type { Article, ExtractResult, FetchResult, FetchedResponse, Refusal, RefusalCode } from './types.js';
