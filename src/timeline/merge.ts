/**
 * Merging the same event told by two articles (or twice in one): same date, end and precision, and
 * the identical sentence or strongly overlapping content words. The merged event keeps every citation.
 */
import { stopwordsFor } from '../corpus/stopwords.js';
import type { EventCitation, TimelineEvent } from '../types.js';

/** Share of the shorter sentence's content words the other must contain to count as the same event. */
const MIN_OVERLAP = 0.6;
/** …and at least this many shared content words, so two short sentences do not merge on "Macron". */
const MIN_SHARED = 3;

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Folded content words (stopwords and one-letter words removed). */
export function contentWords(event: Pick<TimelineEvent, 'text' | 'lang'>): Set<string> {
  const stop = stopwordsFor(event.lang);
  const words = fold(event.text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 1 && !stop.has(w)));
}

const normalised = (text: string): string => fold(text).replace(/\s+/g, ' ').trim();

/** True when two events dated alike tell the same thing. */
export function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.date !== b.date || a.end !== b.end || a.precision !== b.precision) return false;
  if (normalised(a.text) === normalised(b.text)) return true;
  const wa = contentWords(a);
  const wb = contentWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= MIN_SHARED && shared / Math.min(wa.size, wb.size) >= MIN_OVERLAP;
}

function mergeInto(target: TimelineEvent, other: TimelineEvent): TimelineEvent {
  const citations: EventCitation[] = [...target.citations];
  for (const c of other.citations) {
    if (!citations.some((t) => t.passageId === c.passageId)) citations.push(c);
  }
  // Stated by one article is stated: the date does not rest on an inference any more.
  return { ...target, inferred: target.inferred && other.inferred, citations };
}

/**
 * Merges events that tell the same thing (see {@link sameEvent}); the first of each group keeps its id,
 * text and place in the order, and gains the others' citations.
 */
export function mergeEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  const merged: TimelineEvent[] = [];
  for (const e of events) {
    const i = merged.findIndex((m) => sameEvent(m, e));
    if (i === -1) merged.push(e);
    else merged[i] = mergeInto(merged[i] as TimelineEvent, e);
  }
  return merged;
}
