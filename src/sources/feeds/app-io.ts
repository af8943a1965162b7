/**
 * The feed service with its real I/O: feeds and pages fetched with the safe fetch (address checks,
 * limits, robots.txt honoured: the bot polls on its own), pages extracted like any link.
 */
import type { Config, FetchConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { DocumentStore, FeedStore } from '../../store/index.js';
import { extractFromUrl } from '../extract.js';
import { FEED_TYPES, safeFetch } from '../fetch.js';
import { RobotsCache } from '../robots.js';
import type { FetchArticle } from './entry-article.js';
import { createFeedService, type FeedService, type FetchFeed } from './service.js';

/** Fetching a feed (conditional GET) and a page's article, with the FETCH_* settings. */
export function feedIo(fetch: FetchConfig, maxDocumentBytes: number): { fetchFeed: FetchFeed; fetchArticle: FetchArticle } {
  const options = { ...fetch, robots: true, robotsCache: new RobotsCache() };
  return {
    fetchFeed: (url, { etag, lastModified }) =>
      safeFetch(url, {
        ...options,
        accept: FEED_TYPES.filter((t) => !t.includes('json')),
        headers: { ...(etag ? { 'If-None-Match': etag } : {}), ...(lastModified ? { 'If-Modified-Since': lastModified } : {}) },
      }),
    fetchArticle: (url) => extractFromUrl(url, { maxDocumentBytes, fetch: options }),
  };
}

/** The feed service over the store, configured from the settings; `reindex` indexes what a poll added. */
export function configuredFeedService(args: {
  readonly config: Config;
  readonly logger: Logger;
  readonly feeds: FeedStore;
  readonly documents: DocumentStore;
  readonly reindex: () => Promise<void>;
}): FeedService {
  const { config } = args;
  return createFeedService({
    feeds: args.feeds,
    documents: args.documents,
    ...feedIo(config.fetch, config.maxDocumentBytes),
    reindex: args.reindex,
    logger: args.logger,
    intervalMs: config.feedPollMinutes * 60_000,
    maxTextBytes: config.maxDocumentBytes,
  });
}
