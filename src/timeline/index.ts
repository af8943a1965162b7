/** Timelines: dated events extracted from the corpus at index time, then queried, ordered and rendered. */
export { extractEvents, extractCorpusEvents } from './extract.js';
export { mergeEvents, sameEvent } from './merge.js';
export {
  parseDateBound,
  parseDateRange,
  queryTimeline,
  compareEvents,
  overlapsRange,
  eventInterval,
  DATE_BOUND_FORMS,
  type DateBoundResult,
  type QueryTimelineOptions,
} from './query.js';
export { renderTimelineText, NO_EVENTS_TEXT } from './render-text.js';
export {
  summariseEvents,
  cleanSummary,
  DEFAULT_BATCH_SIZE,
  type Summarise,
  type SummaryCache,
  type SummariseDeps,
  type SummariseOptions,
  type SummariseResult,
} from './summaries.js';
export { createFileSummaryCache } from './summary-cache.js';
export { findDateMentions, isFutureTense, type DateMention } from './mentions.js';
export { resolveMention, type ResolvedDate } from './resolve.js';
