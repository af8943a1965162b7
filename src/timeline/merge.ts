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

/** Events are merge candidates only when these agree. */
export const dateKey = (e: Pick<TimelineEvent, 'date' | 'end' | 'precision'>): string => `${e.date}/${e.end ?? ''}/${e.precision}`;

/** True when `shared` words between word sets of these sizes make the same event. */
const overlapEnough = (shared: number, sizeA: number, sizeB: number): boolean =>
  shared >= MIN_SHARED && shared / Math.min(sizeA, sizeB) >= MIN_OVERLAP;

/** True when two events dated alike tell the same thing. */
export function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (dateKey(a) !== dateKey(b)) return false;
  if (normalised(a.text) === normalised(b.text)) return true;
  const wa = contentWords(a);
  const wb = contentWords(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return overlapEnough(shared, wa.size, wb.size);
}

function mergeInto(target: TimelineEvent, other: TimelineEvent, cited: Set<string>): TimelineEvent {
  const citations: EventCitation[] = [...target.citations];
  for (const c of other.citations) {
    if (cited.has(c.passageId)) continue;
    cited.add(c.passageId);
    citations.push(c);
  }
  // Stated by one article is stated: the date does not rest on an inference any more.
  return { ...target, inferred: target.inferred && other.inferred, citations };
}

/**
 * Each event's normalised text and content words, kept while the event object lives: the events of
 * unchanged documents are the same objects at every reindex, so a reindex folds only new ones.
 */
const folded = new WeakMap<TimelineEvent, { readonly text: string; readonly words: Set<string> }>();

function foldedOf(e: TimelineEvent): { readonly text: string; readonly words: Set<string> } {
  let f = folded.get(e);
  if (!f) {
    f = { text: normalised(e.text), words: contentWords(e) };
    folded.set(e, f);
  }
  return f;
}

/** Work counters of one merge, for tests that prove the cost grows with the corpus, not its square. */
export interface MergeStats {
  /** Candidate pairs whose content-word overlap was looked at (one per shared word posting). */
  comparisons: number;
}

/**
 * The merged events of one date key: by normalised text, and by content word twice over. `all`
 * lists every event under each of its words; `rare` lists each event under only its rarest words,
 * as many as guarantee that an event sharing MIN_OVERLAP of its words shares one of them.
 */
interface DateBucket {
  readonly byText: Map<string, number>;
  readonly all: Map<string, number[]>;
  readonly rare: Map<string, number[]>;
}

/** How many of a set's `size` words must be looked at so that one of them is shared, when MIN_OVERLAP of them are. */
const pigeonhole = (size: number): number => size - Math.ceil(size * MIN_OVERLAP) + 1;

/**
 * Merges events that tell the same thing (see {@link sameEvent}); the first of each group keeps its id,
 * text and place in the order, and gains the others' citations. Near-linear: an event meets only the
 * merged events of its own date key that share one of its rarer content words (inverted indexes per
 * date, see DateBucket), and each event's words are folded once. The same result as comparing with
 * every earlier event: the earliest merged event that matches wins.
 */
export function mergeEvents(events: readonly TimelineEvent[], stats?: MergeStats): TimelineEvent[] {
  // How many events use each word: common words ("president") are where a date's lists grow long.
  const uses = new Map<string, number>();
  for (const e of events) for (const w of foldedOf(e).words) uses.set(w, (uses.get(w) ?? 0) + 1);
  const rarestFirst = (words: ReadonlySet<string>): string[] =>
    [...words]
      .map((w) => ({ w, n: uses.get(w) as number }))
      .sort((a, b) => a.n - b.n || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0))
      .map((x) => x.w);

  const merged: TimelineEvent[] = [];
  /** Content words of each merged event (its first event's: what sameEvent compares). */
  const wordsOf: ReadonlySet<string>[] = [];
  const cited: Set<string>[] = [];
  const buckets = new Map<string, DateBucket>();
  for (const e of events) {
    const key = dateKey(e);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { byText: new Map(), all: new Map(), rare: new Map() };
      buckets.set(key, bucket);
    }
    const { text, words } = foldedOf(e);
    const ranked = rarestFirst(words);
    const identical = bucket.byText.get(text);
    const overlapping = firstOverlapping(bucket, words, ranked, wordsOf, stats);
    const match = identical === undefined ? overlapping : overlapping === undefined ? identical : Math.min(identical, overlapping);
    if (match !== undefined) {
      merged[match] = mergeInto(merged[match] as TimelineEvent, e, cited[match] as Set<string>);
      continue;
    }
    const at = merged.length;
    merged.push(e);
    wordsOf.push(words);
    cited.push(new Set(e.citations.map((c) => c.passageId)));
    if (!bucket.byText.has(text)) bucket.byText.set(text, at);
    const add = (index: Map<string, number[]>, w: string) => {
      const list = index.get(w);
      if (list) list.push(at);
      else index.set(w, [at]);
    };
    for (const w of ranked) add(bucket.all, w);
    for (const w of ranked.slice(0, pigeonhole(ranked.length))) add(bucket.rare, w);
  }
  return merged;
}

/**
 * The earliest merged event of the bucket whose content words overlap `words` enough. Candidates:
 * events listed under the event's rarest words in `all` (complete when the event has the fewer
 * words), and events listed in `rare` under any of its words (complete when they have the fewer).
 */
function firstOverlapping(
  bucket: DateBucket,
  words: ReadonlySet<string>,
  ranked: readonly string[],
  wordsOf: readonly ReadonlySet<string>[],
  stats: MergeStats | undefined,
): number | undefined {
  if (words.size < MIN_SHARED) return undefined;
  const candidates = new Set<number>();
  const gather = (list: readonly number[] | undefined) => {
    if (!list) return;
    if (stats) stats.comparisons += list.length;
    for (const i of list) candidates.add(i);
  };
  for (const w of ranked.slice(0, pigeonhole(ranked.length))) gather(bucket.all.get(w));
  for (const w of ranked) gather(bucket.rare.get(w));
  // Earliest first: the first that overlaps enough is the answer.
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const other = wordsOf[i] as ReadonlySet<string>;
    let shared = 0;
    for (const w of words) if (other.has(w)) shared++;
    if (overlapEnough(shared, words.size, other.size)) return i;
  }
  return undefined;
}

/**
 * {@link mergeEvents} of the corpus's events (the events of the documents `docIds`, in corpus order,
 * each document's from `eventsOf`), made from `previous` (the merged events of an earlier version of
 * the corpus) when only the documents in `changed` differ between the two (added, changed or
 * removed). Events merge only within their date key, so only the date keys that a changed document
 * has (or had) events in are merged again; the other merged events are kept as they are, and all are
 * put back in the order of their first event. Only the documents with events on those keys are asked
 * for their events: the changed ones, and those the previous merged events of those keys cite (every
 * event is cited by the merged event it became or joined). The same result as merging everything: at
 * 30,000 articles a reindex merges a few hundred events instead of 95,000.
 */
export function remergeEvents(
  previous: readonly TimelineEvent[],
  docIds: readonly string[],
  eventsOf: (docId: string) => readonly TimelineEvent[],
  changed: ReadonlySet<string>,
  /** Receives the date keys merged again (all of them when `previous` did not fit and everything was merged). */
  touched?: Set<string>,
): TimelineEvent[] {
  if (changed.size === 0) return [...previous];
  const mergeAll = () => {
    const events = docIds.flatMap((id) => eventsOf(id));
    for (const e of events) touched?.add(dateKey(e));
    return mergeEvents(events);
  };
  const docIndex = new Map(docIds.map((id, i) => [id, i]));
  const affected = new Set<string>();
  for (const e of previous) if (e.citations.some((c) => changed.has(c.docId))) affected.add(dateKey(e));
  for (const id of changed) if (docIndex.has(id)) for (const e of eventsOf(id)) affected.add(dateKey(e));
  const involved = new Set([...changed].filter((id) => docIndex.has(id)));
  for (const e of previous) if (affected.has(dateKey(e))) for (const c of e.citations) if (docIndex.has(c.docId)) involved.add(c.docId);

  // Where an event comes in the corpus: its document's place, then its own within the document.
  const PER_DOC = 1e6;
  const position = new Map<string, number>();
  const byKey = new Map<string, TimelineEvent[]>();
  for (const id of [...involved].sort((a, b) => (docIndex.get(a) as number) - (docIndex.get(b) as number))) {
    eventsOf(id).forEach((e, i) => {
      if (!position.has(e.id)) position.set(e.id, (docIndex.get(id) as number) * PER_DOC + i);
      const key = dateKey(e);
      if (!affected.has(key)) return;
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    });
  }
  // A kept event's place: its first event's (the first citation is its own). Within a document not
  // asked for, no fresh event competes, so the document's place is enough.
  const at = (e: TimelineEvent): number => {
    const doc = docIndex.get(e.citations[0]?.docId ?? '');
    if (doc === undefined) return -1;
    return involved.has(e.citations[0]?.docId ?? '') ? (position.get(e.id) ?? -1) : doc * PER_DOC;
  };
  // Kept in their order: the documents' order is the corpus's, whatever was added or removed.
  const kept = previous.filter((e) => !affected.has(dateKey(e)));
  const keptAt = kept.map(at);
  // A kept event from a document that is gone, or out of order: `previous` is not what this corpus grew from.
  if (keptAt.some((p, i) => p < 0 || (i > 0 && p < (keptAt[i - 1] as number)))) return mergeAll();
  const fresh: TimelineEvent[] = [];
  for (const list of byKey.values()) fresh.push(...mergeEvents(list));
  // Keys whose events all went: merged again into nothing.
  for (const key of affected) touched?.add(key);
  fresh.sort((a, b) => (position.get(a.id) as number) - (position.get(b.id) as number));
  // Both lists are in corpus order: interleave them by the place of their first event.
  const merged: TimelineEvent[] = [];
  let k = 0;
  for (const e of fresh) {
    const p = position.get(e.id) as number;
    while (k < kept.length && (keptAt[k] as number) < p) merged.push(kept[k++] as TimelineEvent);
    merged.push(e);
  }
  while (k < kept.length) merged.push(kept[k++] as TimelineEvent);
  return merged;
}
