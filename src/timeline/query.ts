/**
 * Querying extracted events: date bounds (YYYY, YYYY-MM, YYYY-MM-DD), precision-aware range overlap,
 * topic filtering by passage ids the engine retrieved, chronological order and a limit.
 */
import type { TimelineEvent, TimelineQuery } from '../types.js';
import { DateBoundError } from '../search/dates.js';
import { dayInterval } from './calendar.js';

export { DATE_BOUND_FORMS } from '../search/dates.js';

export type DateBoundResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/**
 * Parses a `from`/`to` bound to a day: `from` takes the first day the value covers, `to` the last
 * (`to=2021` includes 31 December 2021). The error message lists the accepted forms.
 */
export function parseDateBound(s: string, side: 'from' | 'to'): DateBoundResult {
  const interval = dayInterval(s.trim());
  if (!interval) return { ok: false, message: new DateBoundError(s, side).message };
  return { ok: true, value: side === 'from' ? interval.start : interval.end };
}

/** Both bounds of a query, checked together (`from` after `to` is an error too). */
export function parseDateRange(
  from: string | undefined,
  to: string | undefined,
): { readonly ok: true; readonly from?: string; readonly to?: string } | { readonly ok: false; readonly message: string } {
  const f = from === undefined || from.trim() === '' ? undefined : parseDateBound(from, 'from');
  const t = to === undefined || to.trim() === '' ? undefined : parseDateBound(to, 'to');
  if (f && !f.ok) return f;
  if (t && !t.ok) return t;
  const fromDay = f?.ok ? f.value : undefined;
  const toDay = t?.ok ? t.value : undefined;
  if (fromDay && toDay && fromDay > toDay) {
    return { ok: false, message: `The from date (${from}) is after the to date (${to}): swap them.` };
  }
  return { ok: true, ...(fromDay ? { from: fromDay } : {}), ...(toDay ? { to: toDay } : {}) };
}

/** The days an event covers: from the first day of its date to the last day of its end (or date). */
export function eventInterval(e: Pick<TimelineEvent, 'date' | 'end'>): { start: string; end: string } {
  const start = dayInterval(e.date);
  const end = dayInterval(e.end ?? e.date);
  return { start: start?.start ?? e.date, end: end?.end ?? e.end ?? e.date };
}

/** True when the event's days intersect [from, to] (inclusive `YYYY-MM-DD` days; either may be open). */
export function overlapsRange(e: Pick<TimelineEvent, 'date' | 'end'>, from?: string, to?: string): boolean {
  const { start, end } = eventInterval(e);
  return (from === undefined || end >= from) && (to === undefined || start <= to);
}

/**
 * Chronological order: by first day; for the same first day the longer interval first, so a coarser
 * date precedes the finer dates inside it ("2021" before "2021-01", "2021-06" before "2021-06-01"), the
 * way a year frames its months. Equal dates keep their input (document) order.
 */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  const ia = eventInterval(a);
  const ib = eventInterval(b);
  if (ia.start !== ib.start) return ia.start < ib.start ? -1 : 1;
  if (ia.end !== ib.end) return ia.end > ib.end ? -1 : 1;
  return 0;
}

/** Options for {@link queryTimeline}. */
export interface QueryTimelineOptions {
  /**
   * Passages the engine retrieved for `query.topic` (cross-language, with the search index): only events
   * citing one of them are kept. Absent: no topic filter (this module does not search).
   */
  readonly topicPassageIds?: ReadonlySet<string>;
}

/**
 * Filters and orders events: the date range (inclusive, precision-aware: an event dated "2021" overlaps
 * 2021-06..2021-12), the topic's passages, chronological order ({@link compareEvents}), then the first
 * `limit`. `query.lang` only chooses the summary language elsewhere. Throws with the accepted forms when
 * a bound is invalid (check them first with {@link parseDateRange} to answer the user).
 */
export function queryTimeline(
  events: readonly TimelineEvent[],
  query: TimelineQuery,
  options: QueryTimelineOptions = {},
): TimelineEvent[] {
  const range = parseDateRange(query.from, query.to);
  if (!range.ok) throw new Error(range.message);
  const topic = options.topicPassageIds;
  const kept = events
    .filter((e) => overlapsRange(e, range.from, range.to))
    .filter((e) => !topic || e.citations.some((c) => topic.has(c.passageId)))
    .sort(compareEvents);
  return query.limit === undefined ? kept : kept.slice(0, Math.max(0, query.limit));
}
