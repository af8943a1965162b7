import { parseBound } from '../search/dates.js';
import type { SearchIndex } from '../search/search-index.js';
import { fold } from '../search/text.js';
import type { SearchHit, TimelineEvent, TimelineQuery } from '../types.js';
import { queryTimeline } from './query.js';

/** Passages retrieved for a topic before the score cut-off below. */
const TOPIC_PASSAGES = 500;
/** A passage belongs to the topic when it scores at least this share of the best one. */
const TOPIC_MIN_SHARE = 0.15;

/**
 * The timeline for a query over an index's events: the date range checked (DateBoundError names the
 * accepted forms), the topic turned into the passages that retrieval finds for it — the same
 * analyser and cross-language matching as /ask — and the events of those passages kept.
 */
export function timelineFor(events: readonly TimelineEvent[], index: SearchIndex, query: TimelineQuery): TimelineEvent[] {
  if (query.from !== undefined) parseBound(query.from, 'from');
  if (query.to !== undefined) parseBound(query.to, 'to');
  const topic = query.topic?.trim();
  if (!topic) return queryTimeline(events, query);
  const hits = index.search(topic, { limit: TOPIC_PASSAGES });
  const best = hits[0]?.score ?? 0;
  // A name of the topic is matched as written or through its translations, not by a near spelling:
  // "Barkhane" is one edit from "Barkha" (an Indian journalist) among 30,000 news articles. Common
  // words keep their near spellings (hélicoptères ~ helikopters).
  const names = new Set([...topic.matchAll(/\p{Lu}[\p{L}\p{N}-]*/gu)].map((m) => fold(m[0].toLowerCase())));
  const nameVariants = new Set(index.queryTerms(topic).flatMap((t) => (names.has(t.token) ? t.variants : [])));
  const namesTopic = (h: SearchHit) => nameVariants.size === 0 || index.indexTerms(h.passage.text, h.passage.lang).some((t) => nameVariants.has(t));
  const topicPassageIds = new Set(hits.filter((h) => h.score >= best * TOPIC_MIN_SHARE && namesTopic(h)).map((h) => h.passage.id));
  return queryTimeline(events, query, { topicPassageIds });
}
