import { Analyser } from '../search/analyser.js';
import { parseBound } from '../search/dates.js';
import type { SearchIndex } from '../search/search-index.js';
import type { TimelineEvent, TimelineQuery } from '../types.js';
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
  // A passage found only through a near spelling is not about the topic: "Barkhane" is one edit from
  // "Barkha" (an Indian journalist) among 30,000 news articles. It must hold a word of the topic itself
  // (a stem, a translation or the name as written).
  const words = new Set(index.queryTerms(topic).flatMap((t) => t.variants));
  const holdsWord = (text: string, lang: Parameters<Analyser['indexTerms']>[1]) => analyser.indexTerms(text, lang).some((t) => words.has(t));
  const topicPassageIds = new Set(
    hits.filter((h) => h.score >= best * TOPIC_MIN_SHARE && holdsWord(h.passage.text, h.passage.lang)).map((h) => h.passage.id),
  );
  return queryTimeline(events, query, { topicPassageIds });
}

// The analyser's memo makes the passages' repeated words free.
const analyser = new Analyser();
