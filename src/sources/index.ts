/**
 * The sources layer's public API (the only module that fetches from the network).
 *
 * - {@link extractFromUrl} / {@link extractFromFile}: an article from a link or a local/uploaded file.
 * - {@link extractHtml}: an article from HTML already in hand (a feed entry's full content).
 * - {@link safeFetch}: any other download (feeds), with the same address checks and limits; `robots: true` for polling.
 * - {@link canonicalKey}: one key for the same article at two addresses.
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
